#!/usr/bin/env python3
"""Start the production stack on this machine and check it over HTTP.

    DATABASE_URL=postgres://user:pass@127.0.0.1:5432/empty_db \\
    CACHE_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python deploy/smoke_test.py

What runs is what docs/deploy.md describes: ``publicoffice serve`` with two
gunicorn workers and ``publicoffice worker``, with ``PUBLICOFFICE_ENV=production``,
the given PostgreSQL database (empty: the demo network is loaded into it) and
the given Redis as the shared cache, behind a pretend reverse proxy (this
script: it sends ``X-Forwarded-Proto`` and ``X-Forwarded-For``, and
``TRUSTED_PROXY_COUNT=1``). An SMTP server of its own receives the e-mail.

Then it checks, and stops at the first failure with what it saw:

1. ``/health/`` says the database, the cache and the queue are fine;
2. plain HTTP is sent to HTTPS; pages answer in all six languages with the
   security headers; hashed static files are served; a 404 is in the layout;
3. a member logs in and books through the API, and the worker delivers the
   confirmation by SMTP;
4. rate limits hold across both web workers (requests sent in parallel are
   served by both, and exactly the limit gets through), per device and per
   client address behind the proxy, a forged ``X-Forwarded-For`` included,
   with the counts in Redis;
5. ``deploy/backup-restore-check.sh`` dumps the live database, restores it
   into a scratch database and finds every table's row count equal;
6. both processes stop on SIGTERM, every log line is JSON and none is an error.

CI runs it from ``.ci/run``; the database and Redis are started there.
Nothing here measures speed: the waits are safety nets for a slow machine.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import http.client
import json
import os
import re
import secrets
import signal
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PUBLICOFFICE = str(Path(sys.executable).parent / "publicoffice")
HOST = "kontor.smoke.test"
LANGUAGES = ("sv", "en", "ar", "fa", "so", "ti")
SECURITY_HEADERS = ("Content-Security-Policy", "Permissions-Policy", "Strict-Transport-Security")
MEMBER = "amina@demo.publicoffice.example"
DEMO_PASSWORD = "demo-public-office"
#: The log-in limit per device (accounts/views.py) and the backstop set here per address.
LOGINS_PER_DEVICE = 10
LOGINS_PER_ADDRESS = 25
LOGIN_WINDOW = 300
#: Safety nets only (seconds): a loaded machine may be slow.
START_WAIT = 90
MAIL_WAIT = 120
STOP_WAIT = 60


class SmokeFailure(Exception):
    """A check failed; the message says what was expected and what came."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


# -- an SMTP server that keeps what it receives ---------------------------------------


@dataclass
class Mailbox:
    messages: list[EmailMessage] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, raw: bytes) -> None:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        with self.lock:
            self.messages.append(message)

    def find(self, test: Callable[[EmailMessage], bool]) -> EmailMessage | None:
        with self.lock:
            return next((m for m in self.messages if test(m)), None)


class SmtpSession(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend: EHLO, MAIL, RCPT, DATA, QUIT."""

    mailbox: Mailbox

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self.reply("220 smoke-test SMTP")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb == b"DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                self.mailbox.add(self.read_data())
                self.reply("250 OK")
            elif verb == b"QUIT":
                self.reply("221 Bye")
                return
            elif verb in {b"EHLO", b"HELO", b"MAIL", b"RCPT", b"RSET", b"NOOP"}:
                self.reply("250 OK")
            else:
                self.reply("502 Not implemented")

    def read_data(self) -> bytes:
        lines = []
        while (line := self.rfile.readline()) not in {b".\r\n", b".\n", b""}:
            lines.append(line[1:] if line.startswith(b"..") else line)
        return b"".join(lines)


@contextmanager
def smtp_server(mailbox: Mailbox) -> Iterator[int]:
    handler = type("Session", (SmtpSession,), {"mailbox": mailbox})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


# -- a client behind a pretend reverse proxy ------------------------------------------


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: str

    def json(self) -> object:
        return json.loads(self.body)


@dataclass
class Client:
    """One browser (its cookies) at one network address, reached through the proxy."""

    port: int
    address: str
    cookies: dict[str, str] = field(default_factory=dict)

    def request(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        https: bool = True,
        forwarded_for: str | None = None,
        keep_cookies: bool = True,
    ) -> Response:
        sent = {
            "Host": HOST,
            "X-Forwarded-For": forwarded_for or self.address,
            "Connection": "close",
            **({"X-Forwarded-Proto": "https"} if https else {}),
            **({"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}),
            **(headers or {}),
        }
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=sent)
            answer = connection.getresponse()
            text = answer.read().decode("utf-8", "replace")
        finally:
            connection.close()
        if keep_cookies:
            for line in answer.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(line).items():
                    if morsel["max-age"] == "0" or not morsel.value:
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = morsel.value
        return Response(answer.status, answer.headers, text)

    def get(self, path: str, **options: object) -> Response:
        return self.request("GET", path, **options)  # type: ignore[arg-type]

    def post_form(self, path: str, fields: dict[str, str], **options: object) -> Response:
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"https://{HOST}{path}",
            "Origin": f"https://{HOST}",
        }
        body = urlencode(fields).encode()
        return self.request("POST", path, body=body, headers=headers, **options)  # type: ignore[arg-type]

    def post_json(self, path: str, data: object) -> Response:
        headers = {
            "Content-Type": "application/json",
            "Referer": f"https://{HOST}/sv/",
            "Origin": f"https://{HOST}",
            "X-CSRFToken": self.cookies.get("csrftoken", ""),
        }
        return self.request("POST", path, body=json.dumps(data).encode(), headers=headers)

    def form_token(self, path: str) -> str:
        page = self.get(path)
        expect(page.status == 200, f"GET {path}: expected 200, got {page.status}")
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
        expect(found is not None, f"GET {path}: no CSRF token in the form")
        assert found is not None
        return found.group(1)


# -- the stack ------------------------------------------------------------------------


@dataclass
class Stack:
    """The production processes, their environment and where their logs go."""

    env: dict[str, str]
    workdir: Path
    port: int
    mailbox: Mailbox
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def log(self, name: str) -> Path:
        return self.workdir / f"{name}.log"

    def run(self, *args: str, env: dict[str, str] | None = None) -> None:
        """A management command, to the end; its output only when it fails."""
        done = subprocess.run(  # noqa: S603
            [PUBLICOFFICE, *args],
            env=env or self.env,
            cwd=self.workdir,
            capture_output=True,
            text=True,
            check=False,
        )
        expect(done.returncode == 0, f"publicoffice {' '.join(args)} failed:\n{done.stderr}")

    def start(self, name: str, *args: str) -> None:
        out = self.log(name).open("wb")
        self.processes[name] = subprocess.Popen(  # noqa: S603
            [PUBLICOFFICE, *args], env=self.env, cwd=self.workdir, stdout=out, stderr=out
        )

    def stop(self) -> dict[str, int | None]:
        """SIGTERM to every process; the exit status of each (None: had to be killed)."""
        for process in self.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        codes: dict[str, int | None] = {}
        for name, process in self.processes.items():
            try:
                codes[name] = process.wait(timeout=STOP_WAIT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                codes[name] = None
        return codes

    def log_lines(self, name: str) -> list[str]:
        return [line for line in self.log(name).read_text().splitlines() if line.strip()]

    def access_lines(self) -> list[dict[str, object]]:
        """The web server's access log lines (JSON), in order."""
        lines = []
        for line in self.log_lines("web"):
            entry = json.loads(line)
            if entry.get("logger") == "gunicorn.access":
                lines.append(entry)
        return lines


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def production_env(workdir: Path, smtp_port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PUBLICOFFICE_", "LOG_"))}
    env.update(
        PUBLICOFFICE_ENV="production",
        PUBLICOFFICE_DATA_DIR=str(workdir / "data"),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        PUBLIC_BASE_URL=f"https://{HOST}",
        TRUSTED_PROXY_COUNT="1",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        DEFAULT_FROM_EMAIL=f"Public Office <noreply@{HOST}>",
        LOG_FORMAT="json",
        LOG_LEVEL="WARNING",
        LOGIN_ATTEMPTS_PER_ADDRESS=str(LOGINS_PER_ADDRESS),
    )
    return env


def prepare(stack: Stack) -> None:
    """Migrate, load the demo network (a development-only command), collect static files."""
    stack.run("migrate", "--noinput")
    stack.run("demo", "--without-visits", env={**stack.env, "PUBLICOFFICE_ENV": "development"})
    stack.run("collectstatic", "--noinput")
    stack.run("check", "--deploy", "--fail-level", "WARNING")
    if not stack.env.get("CACHE_URL") and not stack.env.get("REDIS_URL"):
        stack.run("createcachetable")


def wait_until_healthy(stack: Stack) -> None:
    deadline = time.monotonic() + START_WAIT
    probe = Client(stack.port, "192.0.2.1")
    while time.monotonic() < deadline:
        for name, process in stack.processes.items():
            expect(process.poll() is None, f"{name} stopped at start:\n{tail(stack, name)}")
        try:
            if probe.get("/health/").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SmokeFailure(f"/health/ did not answer 200 within {START_WAIT} s")


def tail(stack: Stack, name: str, lines: int = 30) -> str:
    return "\n".join(stack.log_lines(name)[-lines:]) if stack.log(name).exists() else ""


# -- the checks -----------------------------------------------------------------------


def check_health(stack: Stack) -> str:
    answer = Client(stack.port, "192.0.2.1").get("/health/")
    expect(answer.status == 200, f"/health/: expected 200, got {answer.status}: {answer.body}")
    body = answer.json()
    assert isinstance(body, dict)
    expect(body.get("status") == "ok", f"/health/ is not ok: {body}")
    expect(body.get("database") == "ok" and body.get("cache") == "ok", f"/health/: {body}")
    expect(isinstance(body.get("queue"), dict), f"/health/ gives no queue lag: {body}")
    return f"/health/ answers ok: {body}"


def check_pages(stack: Stack) -> str:
    visitor = Client(stack.port, "192.0.2.2")
    plain = visitor.get("/sv/", https=False)
    location = plain.headers.get("Location", "")
    expect(plain.status == 301 and location == f"https://{HOST}/sv/", "HTTP is not sent to HTTPS")
    for language in LANGUAGES:
        page = visitor.get(f"/{language}/")
        expect(page.status == 200, f"/{language}/: expected 200, got {page.status}")
        expect(f'<html lang="{language}"' in page.body, f"/{language}/ is not in {language}")
        for header in SECURITY_HEADERS:
            expect(bool(page.headers.get(header)), f"/{language}/ has no {header} header")
    for path in ("/sv/offices/ronna/", "/sv/events/", "/en/accessibility/"):
        page = visitor.get(path)
        expect(page.status == 200, f"{path}: expected 200, got {page.status}")
    office = visitor.get("/sv/offices/ronna/").body
    hashed = re.findall(r'"(/static/[^"]+\.[0-9a-f]{12}\.(?:css|js|png))"', office)
    expect(any("marker-icon" in path for path in hashed), "the map's marker icon is not hashed")
    for path in sorted(set(hashed)):
        asset = visitor.get(path)
        expect(asset.status == 200, f"{path}: expected 200, got {asset.status}")
        expect("immutable" in asset.headers.get("Cache-Control", ""), f"{path} is not cached")
    missing = visitor.get("/sv/no-such-page/")
    expect(missing.status == 404, f"/sv/no-such-page/: expected 404, got {missing.status}")
    expect('<html lang="sv"' in missing.body, "the 404 page is not in the site's layout")
    expect("URLconf" not in missing.body, "the 404 page is Django's debug page")
    return f"pages in {len(LANGUAGES)} languages, HTTPS, headers, {len(set(hashed))} static files"


def log_in(client: Client, member: str) -> None:
    path = "/sv/accounts/login/"
    token = client.form_token(path)
    fields = {"csrfmiddlewaretoken": token, "username": member, "password": DEMO_PASSWORD}
    answer = client.post_form(path, fields)
    expect(answer.status == 302, f"log-in as {member}: expected 302, got {answer.status}")
    expect("sessionid" in client.cookies, f"log-in as {member}: no session cookie")


def text_of(message: EmailMessage) -> str:
    parts = message.walk() if message.is_multipart() else [message]
    texts = [part.get_content() for part in parts if part.get_content_type() == "text/plain"]
    return "\n".join(str(text) for text in texts)


def check_booking_mail(stack: Stack) -> str:
    member = Client(stack.port, "198.51.100.20")
    log_in(member, MEMBER)
    found = member.get("/api/v1/bookings/find?duration=60&attendees=1")
    expect(found.status == 200, f"bookings/find: expected 200, got {found.status}")
    suggestions = found.json()
    expect(isinstance(suggestions, list) and bool(suggestions), "bookings/find found no time")
    assert isinstance(suggestions, list)
    first = suggestions[0]
    wanted = {
        "space": first["space"]["id"],
        "starts_at": first["starts_at"],
        "ends_at": first["ends_at"],
        "attendees": 1,
        "purpose": "Smoke test of the production stack",
    }
    made = member.post_json("/api/v1/bookings", wanted)
    expect(made.status == 201, f"booking: expected 201, got {made.status}: {made.body}")
    booking = made.json()
    assert isinstance(booking, dict)
    deadline = time.monotonic() + MAIL_WAIT
    while time.monotonic() < deadline:
        sent = stack.mailbox.find(
            lambda m: MEMBER in str(m["To"]) and str(booking["id"]) in text_of(m)
        )
        if sent is not None:
            return f"booking {booking['id']} confirmed by e-mail: {sent['Subject']!r}"
        expect(stack.processes["worker"].poll() is None, "the task worker stopped")
        time.sleep(0.5)
    subjects = [str(m["Subject"]) for m in stack.mailbox.messages]
    raise SmokeFailure(f"no confirmation within {MAIL_WAIT} s; e-mails received: {subjects}")


def wait_for_fresh_window(window: int, needed: int = 60) -> None:
    """Rate-limit windows are fixed slices of time: start a check well inside one."""
    left = window - time.time() % window
    if left < needed:
        time.sleep(left + 1)


def failed_log_ins(clients: list[Client], tries_each: int, **options: object) -> list[int]:
    """Wrong log-ins from each client, sent in parallel; their statuses."""
    path = "/sv/accounts/login/"
    tokens = [client.form_token(path) for client in clients]

    def attempt(number: int) -> int:
        client, token = clients[number % len(clients)], tokens[number % len(clients)]
        fields = {
            "csrfmiddlewaretoken": token,
            "username": f"nobody{number}-{secrets.token_hex(3)}@example.org",
            "password": "not-the-password",
        }
        return client.post_form(path, fields, keep_cookies=False, **options).status

    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(attempt, range(len(clients) * tries_each)))


def check_rate_limits(stack: Stack) -> str:
    wait_for_fresh_window(LOGIN_WINDOW)
    first = len(stack.access_lines())
    device = failed_log_ins([Client(stack.port, "198.51.100.7")], LOGINS_PER_DEVICE + 4)
    expect(set(device) <= {200, 429}, f"log-in answers: {device}")
    served = device.count(200)
    expect(served == LOGINS_PER_DEVICE, f"one device got {served} log-ins, not {LOGINS_PER_DEVICE}")
    neighbour = failed_log_ins([Client(stack.port, "198.51.100.7")], 1)
    expect(neighbour == [200], "a second device at the same address was refused")
    crowd = [Client(stack.port, "198.51.100.8") for _ in range(3)]
    shared = failed_log_ins(crowd, LOGINS_PER_DEVICE)
    got = shared.count(200)
    expect(got == LOGINS_PER_ADDRESS, f"one address got {got} log-ins, not {LOGINS_PER_ADDRESS}")
    forged = failed_log_ins(
        [Client(stack.port, "198.51.100.8")], 1, forwarded_for="203.0.113.99, 198.51.100.8"
    )
    expect(forged == [429], "a forged X-Forwarded-For escaped the address limit")
    elsewhere = failed_log_ins([Client(stack.port, "198.51.100.9")], 1)
    expect(elsewhere == [200], "a client at another address was refused")
    posts = [
        line for line in stack.access_lines()[first:] if "POST /sv/accounts/login/" in str(line)
    ]
    workers = {line.get("process") for line in posts}
    expect(len(workers) >= 2, f"the log-ins were all served by one worker: {workers}")
    return (
        f"log-in limits held across {len(workers)} web workers: {served} per device, "
        f"{got} per address, forged X-Forwarded-For refused{redis_keys(stack)}"
    )


def redis_keys(stack: Stack) -> str:
    url = stack.env.get("CACHE_URL") or stack.env.get("REDIS_URL")
    if not url:
        return " (database cache)"
    import redis  # only with CACHE_URL: the database cache needs no client

    keys = list(redis.Redis.from_url(url).scan_iter(match="*ratelimit:login*"))
    expect(bool(keys), "no rate-limit counts in Redis")
    return f", {len(keys)} counts in Redis"


def check_backup(stack: Stack) -> str:
    script = ROOT / "deploy" / "backup-restore-check.sh"
    done = subprocess.run(  # noqa: S603
        ["bash", str(script), str(stack.workdir / "backup.dump")],  # noqa: S607
        env=stack.env,
        capture_output=True,
        text=True,
        check=False,
    )
    expect(done.returncode == 0, f"backup-restore-check.sh failed:\n{done.stdout}{done.stderr}")
    return done.stdout.strip().splitlines()[-1]


def check_stop_and_logs(stack: Stack) -> str:
    codes = stack.stop()
    expect(all(code == 0 for code in codes.values()), f"exit statuses on SIGTERM: {codes}")
    entries = []
    for name in stack.processes:
        for line in stack.log_lines(name):
            try:
                entries.append(json.loads(line))
            except ValueError:
                raise SmokeFailure(f"{name} wrote a line that is not JSON: {line}") from None
    errors = [e for e in entries if e.get("level") in {"ERROR", "CRITICAL"}]
    expect(not errors, f"errors in the logs: {errors}")
    return f"stopped cleanly on SIGTERM; {len(entries)} log lines, all JSON, no errors"


#: In this order: the backup holds the booking; stopping comes last.
CHECKS: list[Callable[[Stack], str]] = [
    check_health,
    check_pages,
    check_booking_mail,
    check_rate_limits,
    check_backup,
    check_stop_and_logs,
]


# -- the run --------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, help="Keep logs and the dump here.")
    arguments = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        print("smoke_test.py: DATABASE_URL must name an empty PostgreSQL database.")
        return 2
    workdir = arguments.workdir or Path(tempfile.mkdtemp(prefix="publicoffice-smoke-"))
    workdir.mkdir(parents=True, exist_ok=True)
    mailbox = Mailbox()
    started = time.monotonic()
    with smtp_server(mailbox) as smtp_port:
        stack = Stack(production_env(workdir, smtp_port), workdir, free_port(), mailbox)
        try:
            prepare(stack)
            bind = f"127.0.0.1:{stack.port}"
            stack.start("web", "serve", "--bind", bind, "--workers", "2", "--access-log")
            stack.start("worker", "worker")
            wait_until_healthy(stack)
            for check in CHECKS:
                print(f"ok: {check(stack)}", flush=True)
        except SmokeFailure as failure:
            print(f"FAILED: {failure}", flush=True)
            for name in stack.processes:
                print(f"--- the end of {stack.log(name)} ---\n{tail(stack, name)}")
            return 1
        finally:
            stack.stop()
    print(f"Production smoke test passed in {time.monotonic() - started:.0f} s ({workdir}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
