"""Run a few long-lived processes as one: the web server and the worker of the demo.

``make demo`` should behave like production, where the task worker sends the
e-mails beside the web server; with only ``runserver`` nothing would ever be
sent. A developer wants one command and one Ctrl-C, so :class:`Supervisor`
starts each child in its own process group (so that Ctrl-C reaches the
supervisor alone and a whole tree, such as runserver's autoreloader and its
server, can be stopped together), prefixes every line it prints with the
child's name, and stops them all when it is interrupted or when any child
ends, since a half-running stack would mislead.

Standard library only (subprocess and threads): POSIX, like the rest of the
development set-up.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import FrameType
from typing import Protocol

#: Seconds a child has to stop after SIGTERM before it is killed.
DEFAULT_GRACE = 10.0
#: How often the supervisor looks at its signal flag while it waits (seconds).
POLL = 0.2
#: The name the supervisor prints its own lines under.
OWN_NAME = "devstack"


class Output(Protocol):
    """Where the lines go: a text stream or a management command's ``self.stdout``."""

    def write(self, text: str, /) -> object: ...

    def flush(self) -> object: ...


@dataclass(frozen=True)
class Child:
    """A process to run: the name its lines are prefixed with, and its command line."""

    name: str
    argv: Sequence[str]


def labeller(names: Sequence[str]) -> dict[str, str]:
    """Each name's prefix, padded to the longest so that the columns line up."""
    width = max(len(name) for name in names)
    return {name: f"{name.ljust(width)} | " for name in names}


class Supervisor:
    """Start the children, relay their output, stop them all together.

    :meth:`run` returns 0 when it was asked to stop (SIGINT or SIGTERM) and
    1 when a child ended on its own, whatever its exit code: these children
    are meant to run until stopped.
    """

    def __init__(
        self,
        children: Sequence[Child],
        *,
        out: Output,
        grace: float = DEFAULT_GRACE,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.children = list(children)
        self.out = out
        self.grace = grace
        # Unbuffered children print their lines as they happen, not when they exit.
        self.env = {**(os.environ if env is None else env), "PYTHONUNBUFFERED": "1"}
        self.labels = labeller([OWN_NAME, *(child.name for child in children)])
        self._write_lock = threading.Lock()
        self._ended = threading.Event()
        self._exits: list[tuple[str, int]] = []
        self._signals: list[int] = []
        self._procs: dict[str, subprocess.Popen[str]] = {}
        self._readers: list[threading.Thread] = []

    def say(self, name: str, text: str) -> None:
        """Print one line under a child's (or the supervisor's) name."""
        with self._write_lock:
            self.out.write(f"{self.labels[name]}{text.rstrip()}\n")
            self.out.flush()

    def run(self) -> int:
        """Start everything, wait for a signal or a child's end, stop everything."""
        previous = {
            signum: signal.signal(signum, self._on_signal)
            for signum in (signal.SIGINT, signal.SIGTERM)
        }
        try:
            try:
                for child in self.children:
                    self._start(child)
            except OSError as error:
                self.say(OWN_NAME, f"Could not start {child.name}: {error}; stopping.")
                self._stop_all()
                return 1
            status = self._wait()
            self._stop_all()
            self.say(OWN_NAME, "Everything is stopped.")
            return status
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        # Only a flag: the main loop may be holding a lock when the handler runs.
        self._signals.append(signum)

    def _start(self, child: Child) -> None:
        # The command lines are the caller's own (this interpreter, fixed arguments).
        proc = subprocess.Popen(  # noqa: S603
            list(child.argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            env=self.env,
            start_new_session=True,
        )
        self._procs[child.name] = proc
        reader = threading.Thread(
            target=self._relay, args=(child.name, proc), name=f"devstack-{child.name}", daemon=True
        )
        reader.start()
        self._readers.append(reader)

    def _relay(self, name: str, proc: subprocess.Popen[str]) -> None:
        """Print the child's lines until its output closes, then record its exit."""
        assert proc.stdout is not None
        for line in proc.stdout:
            self.say(name, line)
        code = proc.wait()
        with self._write_lock:
            self._exits.append((name, code))
        self._ended.set()

    def _wait(self) -> int:
        while not self._signals and not self._ended.wait(POLL):
            pass
        if self._signals:
            what = signal.Signals(self._signals[0]).name
            self.say(OWN_NAME, f"{what} received: stopping {', '.join(self._procs)}.")
            return 0
        with self._write_lock:
            name, code = self._exits[0]
        self.say(OWN_NAME, f"{name} exited with code {code}: stopping the others.")
        return 1

    def _stop_all(self) -> None:
        """SIGTERM every process group, wait up to the grace period, then SIGKILL."""
        for proc in self._procs.values():
            _signal_group(proc, signal.SIGTERM)
        deadline = time.monotonic() + self.grace
        signals_before = len(self._signals)
        for name, proc in self._procs.items():
            # A second Ctrl-C while waiting means: do not wait any longer.
            while proc.poll() is None and len(self._signals) == signals_before:
                if time.monotonic() >= deadline:
                    break
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(POLL)
            if proc.poll() is None:
                self.say(OWN_NAME, f"{name} did not stop in time: killing it.")
            # Always: whatever the child started in its group goes with it.
            _signal_group(proc, signal.SIGKILL)
            proc.wait()
        for reader in self._readers:
            reader.join(timeout=self.grace)


def _signal_group(proc: subprocess.Popen[str], signum: int) -> None:
    """Signal the child's whole process group; it may be gone already."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signum)
