"""`publicoffice devstack`: one command and one Ctrl-C for the web server and the worker.

The supervisor runs small Python scripts here, never a real runserver. The
timeouts are safety nets against a hung test, not measurements.
"""

from __future__ import annotations

import io
import os
import queue
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from publicoffice.core import devstack
from publicoffice.core.devstack import Child, Supervisor
from publicoffice.core.management.commands import devstack as command

ROOT = Path(__file__).resolve().parents[2]
SAFETY = 120  # seconds; only ever reached when something is broken

#: Prints its pid, says it is ready (and touches a file, if given), then waits to be stopped.
STEADY = """
import os, signal, sys, time
def bye(signum, frame):
    print("bye", flush=True)
    sys.exit(0)
signal.signal(signal.SIGTERM, bye)
print("pid", os.getpid(), flush=True)
if len(sys.argv) > 1:
    open(sys.argv[1], "w").close()
while True:
    time.sleep(1)
"""

#: Waits until the file exists (the others are up), complains on stderr and fails.
CRASH = """
import os, sys, time
while not os.path.exists(sys.argv[1]):
    time.sleep(0.05)
print("boom", file=sys.stderr, flush=True)
sys.exit(3)
"""

#: Ignores SIGTERM and starts a grandchild that would outlive it, as runserver's reloader does.
STUBBORN = """
import os, signal, subprocess, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
grandchild = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
print("pid", os.getpid(), flush=True)
print("grandchild", grandchild.pid, flush=True)
open(sys.argv[1], "w").close()
while True:
    time.sleep(1)
"""


def script(source: str, *args: str) -> list[str]:
    return [sys.executable, "-c", textwrap.dedent(source), *args]


def pids(output: str, prefix: str, word: str = "pid") -> list[int]:
    """The pids a child printed ("web    | pid 123")."""
    found = []
    for line in output.splitlines():
        name, _, text = line.partition(" | ")
        if name.strip() == prefix and text.startswith(f"{word} "):
            found.append(int(text.split()[1]))
    return found


def gone(pid: int) -> bool:
    """No such process any more (a zombie waiting for init counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (FileNotFoundError, IndexError):
        return True


def wait_until_gone(pid: int) -> bool:
    """A killed grandchild dies asynchronously: give it time, within the safety net."""
    done = threading.Event()
    for _ in range(SAFETY * 20):
        if gone(pid):
            return True
        done.wait(0.05)
    return False


def test_labels_line_up():
    assert devstack.labeller(["web", "worker"]) == {"web": "web    | ", "worker": "worker | "}


def test_a_crash_stops_the_others_and_fails(tmp_path: Path):
    ready = str(tmp_path / "ready")
    out = io.StringIO()
    supervisor = Supervisor(
        [Child("web", script(STEADY, ready)), Child("worker", script(CRASH, ready))],
        out=out,
        grace=SAFETY,
    )

    assert supervisor.run() == 1

    output = out.getvalue()
    lines = output.splitlines()
    assert "worker   | boom" in lines  # stderr too, under the child's name
    assert "devstack | worker exited with code 3: stopping the others." in lines
    assert "devstack | Everything is stopped." in lines
    assert all(line.partition(" | ")[0].strip() in {"web", "worker", "devstack"} for line in lines)
    [web] = pids(output, "web")
    assert gone(web)


def test_a_child_that_ignores_sigterm_is_killed_with_its_children(tmp_path: Path):
    ready = str(tmp_path / "ready")
    out = io.StringIO()
    supervisor = Supervisor(
        [Child("web", script(STUBBORN, ready)), Child("worker", script(CRASH, ready))],
        out=out,
        grace=0.5,
    )

    assert supervisor.run() == 1

    output = out.getvalue()
    assert "devstack | web did not stop in time: killing it." in output.splitlines()
    [web] = pids(output, "web")
    [grandchild] = pids(output, "web", "grandchild")
    assert gone(web)
    assert wait_until_gone(grandchild)


def test_sigint_to_the_supervisor_stops_every_child(tmp_path: Path):
    runner = textwrap.dedent(
        f"""
        import sys
        from publicoffice.core.devstack import Child, Supervisor
        children = [Child("web", {script(STEADY)!r}), Child("worker", {script(STEADY)!r})]
        sys.exit(Supervisor(children, out=sys.stdout, grace={SAFETY}).run())
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", runner],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=tmp_path,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert proc.stdout is not None
    reader = threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout or []])
    reader.start()
    seen: list[str] = []
    try:
        while sum(line.split(" | ")[1].startswith("pid ") for line in seen if " | " in line) < 2:
            seen.append(lines.get(timeout=SAFETY).rstrip("\n"))
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=SAFETY) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        reader.join(timeout=SAFETY)
    while not lines.empty():
        seen.append(lines.get().rstrip("\n"))

    output = "\n".join(seen)
    assert "devstack | SIGINT received: stopping web, worker." in seen
    assert "devstack | Everything is stopped." in seen
    assert "web      | bye" in seen and "worker   | bye" in seen
    assert all(gone(pid) for pid in pids(output, "web") + pids(output, "worker"))


def test_the_command_queues_the_sweeps_then_runs_web_and_worker(monkeypatch):
    swept: list[tuple[str, ...]] = []
    started: list[list[Child]] = []

    def fake_call_command(name: str, *args: str, stdout: io.StringIO) -> None:
        swept.append((name, *args))
        stdout.write(f"{name} queued\n")

    def fake_run(self: Supervisor) -> int:
        started.append(self.children)
        return 0

    monkeypatch.setattr(command, "call_command", fake_call_command)
    monkeypatch.setattr(Supervisor, "run", fake_run)
    out = io.StringIO()

    call_command("devstack", "0.0.0.0:8001", stdout=out)

    assert swept == [
        ("rollup_visits", "--schedule"),
        ("bookings_sweep", "--schedule"),
        ("events_sweep", "--schedule"),
        ("dialogue_sweep", "--schedule"),
        ("conduct_sweep", "--schedule"),
        ("commissioning_sweep", "--schedule"),
    ]
    assert "devstack | bookings_sweep queued" in out.getvalue().splitlines()
    [[web, worker]] = started
    assert (web.name, list(web.argv[1:])) == (
        "web",
        ["-m", "publicoffice.cli", "runserver", "0.0.0.0:8001"],
    )
    assert (worker.name, list(worker.argv[1:])) == (
        "worker",
        ["-m", "publicoffice.cli", "worker"],
    )


def test_the_command_fails_when_a_process_ended(monkeypatch):
    monkeypatch.setattr(command, "call_command", lambda *args, **kwargs: None)
    monkeypatch.setattr(Supervisor, "run", lambda self: 1)

    with pytest.raises(CommandError) as error:
        call_command("devstack", stdout=io.StringIO())

    assert error.value.returncode == 1


def test_make_demo_runs_the_whole_stack():
    """`make demo` ends with devstack, so the worker sends the demo's e-mails."""
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\ndemo:", 1)[1].split("\n\n", 1)[0].splitlines()[1:]

    assert recipe[-1].strip() == "$(BIN)/publicoffice devstack $(HOST):$(PORT)"
    assert not any("runserver" in line for line in recipe)
