"""Log lines for machines in production, for people in development; never an address.

Production writes one JSON object per line (``LOG_FORMAT=json``, the default
there): a log collector (journald, Loki, Elasticsearch, a container runtime)
can then filter on the level or the logger without parsing free text.
Development keeps plain lines (``LOG_FORMAT=plain``).

Both formatters leave out what would identify a person: Django's
``django.request`` logger passes the whole request as an extra field (it
holds the client's address), gunicorn writes ``ip=...`` when a request is
malformed, and some paths carry a secret (the sign-up confirmation link, a
personal calendar feed, an office's check-in token). Those are dropped or
replaced before the line is written.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from typing import Any

#: Attributes every LogRecord has; anything else came in through ``extra=``.
_STANDARD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", logging.INFO, "", 0, "", (), None))) | {
    "message",
    "asctime",
    "taskName",
}

#: Extra fields never written: they hold or may hold a client's address.
HIDDEN_FIELDS = frozenset(
    {"request", "remote_addr", "client_address", "ip", "REMOTE_ADDR", "server_time"}
)

#: Path segments that are secrets: sign-up and proposal confirmation, calendar feeds,
#: check-in tokens.
_SECRET_PATH = re.compile(
    r"(/signup/confirm/|/proposals/confirm/|/calendar/|/checkin/)[^/\s?#\"']+"
)
#: Gunicorn's "Invalid request from ip=...".
_ADDRESS = re.compile(r"\bip=[^\s:,]*(:\d+)?")


def redact(text: str) -> str:
    """The text without client addresses and without secret path segments."""
    return _ADDRESS.sub("ip=[hidden]", _SECRET_PATH.sub(r"\1[hidden]", text))


def _plain_value(value: Any) -> Any:
    """A value JSON can hold as it is; anything else as its (redacted) text."""
    if value is None or isinstance(value, bool | int | float):
        return value
    return redact(str(value))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, then the extra fields.

    ``process`` is the id of the process that wrote the line: with several
    web workers it tells which one served a request (the smoke test of the
    production stack, ``deploy/smoke_test.py``, relies on it).
    """

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
            "process": record.process,
        }
        for key, value in vars(record).items():
            if key in _STANDARD_ATTRIBUTES or key in HIDDEN_FIELDS or key.startswith("_"):
                continue
            entry[key] = _plain_value(value)
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


class PlainFormatter(logging.Formatter):
    """Readable lines for a terminal, with the same redaction as the JSON lines."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_format(value: str | None, *, production: bool) -> str:
    """``json`` or ``plain`` from ``LOG_FORMAT``; JSON in production by default."""
    chosen = (value or ("json" if production else "plain")).strip().lower()
    if chosen not in {"json", "plain"}:
        raise ValueError(f"LOG_FORMAT must be json or plain, not {value!r}.")
    return chosen


def logging_config(*, fmt: str, level: str) -> dict[str, Any]:
    """The ``LOGGING`` setting: everything to standard error, in the chosen format."""
    formatter = JsonFormatter if fmt == "json" else PlainFormatter
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": {"()": f"{__name__}.{formatter.__name__}"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["console"], "level": level},
    }
