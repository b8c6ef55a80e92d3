"""``publicoffice serve`` (gunicorn, embedded) and the structured log lines."""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from gunicorn.config import Config

from publicoffice.core.logging import JsonFormatter, PlainFormatter, log_format, logging_config
from publicoffice.core.serve import (
    ACCESS_LOG_FORMAT,
    PrivateAccessLogger,
    ServeOptions,
    gunicorn_config,
    options_from,
)

PUBLICOFFICE = str(Path(sys.executable).with_name("publicoffice"))
#: Safety nets only: a loaded machine may be slow; nothing here measures speed.
SAFETY_NET = 300


def record(message: str, *args: object, **extra: object) -> logging.LogRecord:
    made = logging.LogRecord("publicoffice.test", logging.WARNING, __file__, 1, message, args, None)
    for key, value in extra.items():
        setattr(made, key, value)
    return made


def test_json_lines_carry_time_level_logger_message_and_extra_fields():
    line = JsonFormatter().format(record("Booking %s sent", 7, booking=7, kind="confirmed"))
    entry = json.loads(line)
    assert "\n" not in line
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "publicoffice.test"
    assert entry["message"] == "Booking 7 sent"
    assert entry["booking"] == 7
    assert entry["kind"] == "confirmed"
    assert entry["time"].endswith("+00:00")
    assert entry["process"] == os.getpid()


def test_json_lines_never_hold_the_request_or_an_address():
    class Request:
        META = {"REMOTE_ADDR": "203.0.113.9"}

        def __str__(self) -> str:
            return "request from 203.0.113.9"

    entry = json.loads(
        JsonFormatter().format(
            record("Invalid request from ip=203.0.113.9: bad", request=Request(), status_code=400)
        )
    )
    assert "203.0.113.9" not in json.dumps(entry)
    assert "request" not in entry
    assert entry["status_code"] == 400
    assert entry["message"] == "Invalid request from ip=[hidden]: bad"


def test_secret_path_segments_are_hidden_in_both_formats():
    message = "Not Found: /sv/accounts/signup/confirm/abc.DEF-123/ and /calendar/tok123.ics"
    plain = PlainFormatter().format(record(message))
    entry = json.loads(JsonFormatter().format(record(message)))
    for text in (plain, entry["message"]):
        assert "abc.DEF-123" not in text
        assert "tok123" not in text
        assert "/signup/confirm/[hidden]/" in text


def test_exceptions_are_one_field_of_the_same_line():
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        failed = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    entry = json.loads(JsonFormatter().format(failed))
    assert "RuntimeError: boom" in entry["exception"]


def test_log_format_is_json_in_production_and_plain_in_development():
    assert log_format(None, production=True) == "json"
    assert log_format("", production=False) == "plain"
    assert log_format("PLAIN", production=True) == "plain"
    with pytest.raises(ValueError, match="LOG_FORMAT"):
        log_format("xml", production=True)
    config = logging_config(fmt="json", level="INFO")
    assert config["formatters"]["default"]["()"].endswith("JsonFormatter")
    assert config["root"]["level"] == "INFO"


def test_options_come_from_the_command_line_then_the_environment():
    assert options_from(bind=None, workers=None, environ={}) == ServeOptions(
        bind="127.0.0.1:8000", workers=2
    )
    from_env = options_from(
        bind=None, workers=None, environ={"HOST": "0.0.0.0", "PORT": "9000", "WEB_CONCURRENCY": "5"}
    )
    assert from_env == ServeOptions(bind="0.0.0.0:9000", workers=5)
    assert options_from(bind=None, workers=None, environ={"HOST": "::"}).bind == "[::]:8000"
    given = options_from(bind="unix:/run/po.sock", workers=3, environ={"WEB_CONCURRENCY": "9"})
    assert given == ServeOptions(bind="unix:/run/po.sock", workers=3)
    with pytest.raises(ValueError, match="at least 1"):
        options_from(bind=None, workers=0, environ={})


def test_gunicorn_config_has_no_address_in_access_lines(settings):
    config = gunicorn_config(ServeOptions(bind="127.0.0.1:8000", workers=2), settings.LOGGING)
    assert config["bind"] == ["127.0.0.1:8000"]
    assert config["workers"] == 2
    assert config["accesslog"] is None
    access = config["logconfig_dict"]["loggers"]["gunicorn.access"]
    assert access["handlers"] == []  # off by default: the reverse proxy keeps one
    assert config["logger_class"].endswith("PrivateAccessLogger")
    for atom in ("%(h)s", "%(f)s", "%(a)s", "%(r)s", "%(q)s"):
        assert atom not in ACCESS_LOG_FORMAT
    on = gunicorn_config(ServeOptions(bind="x:1", workers=1, access_log=True), settings.LOGGING)
    assert on["accesslog"] == "-"
    assert on["logconfig_dict"]["loggers"]["gunicorn.access"]["handlers"] == ["console"]
    assert "gunicorn.access" not in settings.LOGGING.get("loggers", {})  # a copy


def test_gunicorn_config_is_accepted_by_gunicorn(settings):
    """Every key is a real gunicorn setting with a valid value."""
    cfg = Config()
    for key, value in gunicorn_config(
        ServeOptions(bind="127.0.0.1:8000", workers=2), settings.LOGGING
    ).items():
        cfg.set(key, value)
    assert cfg.workers == 2
    assert cfg.logger_class is PrivateAccessLogger


def test_serve_refuses_to_run_outside_production(settings):
    settings.PRODUCTION = False
    with pytest.raises(CommandError, match="PUBLICOFFICE_ENV=production"):
        call_command("serve")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.status, response.read().decode()


def wait_for(url: str, server: subprocess.Popen[bytes]) -> tuple[int, str]:
    deadline = time.monotonic() + SAFETY_NET
    while True:
        assert server.poll() is None, "publicoffice serve stopped"
        try:
            return fetch(url)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def production_env(tmp_path: Path) -> dict[str, str]:
    keep = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "CACHE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DEBUG"}
        and not k.startswith(("LOG_", "PUBLICOFFICE_"))
    }
    return {
        **keep,
        "PUBLICOFFICE_ENV": "production",
        "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "PUBLICOFFICE_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
    }


def test_serve_answers_health_and_pages_then_stops(tmp_path: Path):
    env = production_env(tmp_path)
    for step in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([PUBLICOFFICE, *step], env=env, cwd=tmp_path, check=True, timeout=SAFETY_NET)
    port = free_port()
    errors = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen(
        [PUBLICOFFICE, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--access-log"],
        env=env,
        cwd=tmp_path,
        stdout=errors,
        stderr=subprocess.STDOUT,
    )
    try:
        status, body = wait_for(f"http://127.0.0.1:{port}/health/", server)
        assert status == 200
        assert json.loads(body)["status"] == "ok"
        status, page = fetch(f"http://127.0.0.1:{port}/sv/")
        assert status == 200
        assert 'lang="sv"' in page
    finally:
        server.terminate()
        server.wait(timeout=SAFETY_NET)
        errors.close()
    lines = [json.loads(line) for line in (tmp_path / "serve.log").read_text().splitlines()]
    access = [line["message"] for line in lines if line["logger"] == "gunicorn.access"]
    assert any("GET /health/" in message for message in access)
    assert not any("127.0.0.1" in message for message in access)
