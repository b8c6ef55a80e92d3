"""The pieces of deploy/smoke_test.py that CI's production run relies on.

The whole script runs in ``.ci/run`` against PostgreSQL and Redis; here its
SMTP server and its client are tested on their own, so that a change to
either fails in every run of the suite, not only in CI's last stage.
"""

from __future__ import annotations

import http.server
import importlib.util
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.mail.backends.smtp import EmailBackend

ROOT = Path(__file__).resolve().parents[1]


def load_smoke_test() -> Any:
    spec = importlib.util.spec_from_file_location("smoke_test", ROOT / "deploy" / "smoke_test.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


smoke = load_smoke_test()


def test_the_smtp_server_keeps_what_djangos_backend_sends():
    mailbox = smoke.Mailbox()
    with smoke.smtp_server(mailbox) as port:
        backend = EmailBackend(host="127.0.0.1", port=port, use_tls=False, timeout=10)
        message = mail.EmailMultiAlternatives(
            subject="Bokat: Mötesrum, 5 december",
            body="حجز مؤكد\n.a line that starts with a dot\nhttps://kontor/sv/bookings/abc/",
            from_email="noreply@kontor.test",
            to=["amina@example.org"],
        )
        message.attach_alternative("<p>Bokat</p>", "text/html")
        assert backend.send_messages([message]) == 1
    received = mailbox.find(lambda m: "amina@example.org" in str(m["To"]))
    assert received is not None
    assert str(received["Subject"]) == "Bokat: Mötesrum, 5 december"
    text = smoke.text_of(received)
    assert "حجز مؤكد" in text
    assert "\n.a line that starts with a dot" in text
    assert mailbox.find(lambda m: "nobody@example.org" in str(m["To"])) is None


class Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[dict[str, str]] = []

    def do_GET(self) -> None:
        self.seen.append(dict(self.headers))
        self.send_response(200)
        self.send_header("Set-Cookie", "csrftoken=abc; Path=/; Secure; SameSite=Lax")
        self.send_header("Set-Cookie", "po_device=d1; Path=/; Secure; HttpOnly")
        self.send_header("Set-Cookie", 'sessionid=""; Max-Age=0; Path=/')
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[int]:
    Recorder.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_the_client_acts_as_the_proxy_and_keeps_secure_cookies(recorder: int):
    client = smoke.Client(recorder, "198.51.100.7", cookies={"sessionid": "old"})
    client.get("/sv/")
    first = Recorder.seen[0]
    assert first["X-Forwarded-For"] == "198.51.100.7"
    assert first["X-Forwarded-Proto"] == "https"
    assert first["Host"] == smoke.HOST
    assert client.cookies == {"csrftoken": "abc", "po_device": "d1"}
    client.get("/sv/", https=False, forwarded_for="203.0.113.9, 198.51.100.7")
    second = Recorder.seen[1]
    assert "X-Forwarded-Proto" not in second
    assert second["X-Forwarded-For"] == "203.0.113.9, 198.51.100.7"
    assert "csrftoken=abc" in second["Cookie"]
