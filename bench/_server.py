"""The site served by gunicorn, as in production, and K clients that load it.

A bench measures HTTP the way visitors meet it: through gunicorn with sync
workers, over a real socket, on the bench's own throwaway database, with
DEBUG off. :func:`gunicorn_server` starts the server on the database the
bench's Django is connected to and stops it afterwards; :func:`http_load`
sends a list of requests from K client threads (one keep-alive connection
each) and says how many per second were answered, their median and 95th
percentile, and which status codes came back.

The clients are threads in the bench's process: they spend their time
waiting on sockets, so the GIL does not hold them back, and the server's
workers are separate processes, so the server is measured, not the client.

Not a benchmark itself (the leading underscore keeps the test suite from
running it).
"""

from __future__ import annotations

import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Request:
    """One HTTP request a client sends; headers without Host and Content-Length."""

    method: str
    path: str
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Answer:
    """What came back for one request (the body is kept only when asked for)."""

    status: int
    seconds: float
    headers: Mapping[str, str]
    body: bytes = b""


@dataclass(frozen=True)
class LoadResult:
    """Throughput and latency of one load, and the answers in request order."""

    count: int
    seconds: float
    answers: list[Answer]

    @property
    def per_second(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    @property
    def p50_ms(self) -> float:
        return 1000 * statistics.median(a.seconds for a in self.answers) if self.answers else 0.0

    @property
    def p95_ms(self) -> float:
        times = sorted(a.seconds for a in self.answers)
        return 1000 * times[int(0.95 * (len(times) - 1))] if times else 0.0

    @property
    def statuses(self) -> Counter[int]:
        return Counter(a.status for a in self.answers)


def database_url() -> str:
    """The URL of the database the bench's Django is connected to now (its throwaway one)."""
    from django.db import connection

    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    if connection.vendor != "postgresql":
        raise SystemExit(f"bench/_server.py: no URL for a {connection.vendor} database")
    host, port = s["HOST"] or "127.0.0.1", s["PORT"] or 5432
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{host}:{port}/{s['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def gunicorn_server(
    *, workers: int = 4, env: Mapping[str, str] | None = None, timeout: float = 60
) -> Iterator[str]:
    """gunicorn serving the bench's current database; yields ``http://127.0.0.1:PORT``.

    ``env`` adds settings for the server only (for instance a higher
    ``API_WRITE_LIMIT`` so a bench's thousand bookings are not rate limited);
    say so beside the figures when you use it. The bench's own connection is
    closed first so SQLite's writers are the server's alone.
    """
    from django.db import connections

    url = database_url()
    connections.close_all()
    port = free_port()
    server_env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "publicoffice.settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
        **(env or {}),
    }
    command = [
        sys.executable, "-m", "gunicorn", "publicoffice.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--worker-class", "sync",
        "--log-level", "warning", "--timeout", str(int(timeout)),
    ]  # fmt: skip
    process = subprocess.Popen(command, env=server_env, cwd=ROOT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(port, process, timeout)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(port: int, process: subprocess.Popen[Any], timeout: float) -> None:
    """Until every worker answers: the first requests would otherwise pay for start-up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped with exit code {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/health/")
            connection.getresponse().read()
            connection.close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        raise SystemExit(f"gunicorn did not answer on port {port} within {timeout} s")
    time.sleep(0.5)  # the other workers finish booting


def http_load(
    base_url: str,
    requests: Sequence[Request],
    *,
    clients: int = 4,
    keep_bodies: bool = False,
    on_answer: Callable[[int, Answer], None] | None = None,
) -> LoadResult:
    """Send ``requests`` from ``clients`` threads, each taking the next one left.

    Each client holds one keep-alive connection (reopened when the server
    closes it). Throughput counts every request, whatever its status: check
    ``statuses`` before trusting a figure.
    """
    host, port = base_url.removeprefix("http://").split(":")
    answers: list[Answer | None] = [None] * len(requests)
    position = iter(range(len(requests)))
    lock = threading.Lock()

    def client() -> None:
        connection = http.client.HTTPConnection(host, int(port), timeout=60)
        while True:
            with lock:
                index = next(position, None)
            if index is None:
                break
            answer, connection = _send(connection, requests[index], keep_bodies, host, int(port))
            answers[index] = answer
            if on_answer is not None:
                on_answer(index, answer)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    done = [a for a in answers if a is not None]
    return LoadResult(count=len(done), seconds=seconds, answers=done)


def _send(
    connection: http.client.HTTPConnection, request: Request, keep_body: bool, host: str, port: int
) -> tuple[Answer, http.client.HTTPConnection]:
    headers = dict(request.headers)
    if request.body:
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    for attempt in (1, 2):
        started = time.perf_counter()
        try:
            body = request.body or None
            connection.request(request.method, request.path, body=body, headers=headers)
            response = connection.getresponse()
            body = response.read()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=60)
            if attempt == 2:
                raise
            continue
        seconds = time.perf_counter() - started
        answer = Answer(
            status=response.status,
            seconds=seconds,
            headers={k.lower(): v for k, v in response.getheaders()},
            body=body if keep_body else b"",
        )
        if response.getheader("Connection", "").lower() == "close":
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=60)
        return answer, connection
    raise AssertionError("unreachable")
