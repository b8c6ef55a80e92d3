"""``publicoffice serve``: gunicorn, embedded, with the settings production needs.

One command instead of a gunicorn command line to get right: the project's
WSGI application, ``WEB_CONCURRENCY`` worker processes (default 2), the
address from ``HOST`` and ``PORT`` (default ``127.0.0.1:8000``, behind a
reverse proxy on the same machine), and gunicorn's log lines in the same
format as Django's (JSON in production, :mod:`publicoffice.core.logging`).

Privacy: gunicorn's access log is off by default (the reverse proxy has
one); ``--access-log`` turns on lines with the method, the path (secrets
hidden), the status, the size and the duration: never the client's address,
referrer or browser (the format has no ``%(h)s``, ``%(f)s`` or ``%(a)s``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from gunicorn import glogging
from gunicorn.app.base import BaseApplication

from publicoffice.core.logging import redact

#: Method, path (secret segments hidden), status, bytes sent, milliseconds.
ACCESS_LOG_FORMAT = '"%(m)s %(U)s" %(s)s %(b)s %(M)sms'
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = "8000"
DEFAULT_WORKERS = 2


@dataclass(frozen=True)
class ServeOptions:
    """What ``publicoffice serve`` was asked for, after the environment's defaults."""

    bind: str
    workers: int
    timeout: int = 30
    access_log: bool = False


def options_from(
    *, bind: str | None, workers: int | None, environ: Mapping[str, str], **rest: Any
) -> ServeOptions:
    """Command-line options first, then ``HOST``/``PORT`` and ``WEB_CONCURRENCY``."""
    if not bind:
        host = environ.get("HOST") or DEFAULT_HOST
        port = environ.get("PORT") or DEFAULT_PORT
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    if workers is None:
        workers = int(environ.get("WEB_CONCURRENCY") or DEFAULT_WORKERS)
    if workers < 1:
        raise ValueError("WEB_CONCURRENCY (--workers) must be at least 1.")
    return ServeOptions(bind=bind, workers=workers, **rest)


class PrivateAccessLogger(glogging.Logger):
    """Gunicorn's logger, with the secret segments of paths hidden in access lines."""

    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        atoms["U"] = redact(str(atoms.get("U") or ""))
        atoms["r"] = redact(str(atoms.get("r") or ""))
        for key in ("h", "f", "a", "{x-forwarded-for}i", "{x-real-ip}i", "{remote_addr}e"):
            atoms.pop(key, None)
        return atoms


def gunicorn_logging(base: Mapping[str, Any], *, access_log: bool) -> dict[str, Any]:
    """Django's ``LOGGING`` plus gunicorn's two loggers, through the same handler.

    Gunicorn treats any logging dictionary as "access log wanted", so when it
    is off the access logger gets no handler and a level it never reaches.
    """
    config = copy.deepcopy(dict(base))
    loggers = config.setdefault("loggers", {})
    loggers["gunicorn.error"] = {"level": "INFO", "handlers": ["console"], "propagate": False}
    loggers["gunicorn.access"] = (
        {"level": "INFO", "handlers": ["console"], "propagate": False}
        if access_log
        else {"level": "CRITICAL", "handlers": [], "propagate": False}
    )
    return config


def gunicorn_config(options: ServeOptions, logging: Mapping[str, Any]) -> dict[str, Any]:
    """Gunicorn's settings for these options; :class:`Server` hands them over as they are."""
    return {
        "bind": [options.bind],
        "workers": options.workers,
        "worker_class": "sync",
        "timeout": options.timeout,
        "graceful_timeout": options.timeout,
        # A fresh process now and then, so that a slow leak never grows.
        "max_requests": 1000,
        "max_requests_jitter": 100,
        "accesslog": "-" if options.access_log else None,
        "access_log_format": ACCESS_LOG_FORMAT,
        "errorlog": "-",
        "logger_class": f"{__name__}.{PrivateAccessLogger.__name__}",
        "logconfig_dict": gunicorn_logging(logging, access_log=options.access_log),
        # No control socket under the home directory: the service user may have none.
        "control_socket_disable": True,
        "proc_name": "publicoffice",
    }


class Server(BaseApplication):
    """Gunicorn with a configuration from a dictionary and the project's WSGI app."""

    def __init__(self, config: Mapping[str, Any], load_app: Callable[[], Any]) -> None:
        self._config = dict(config)
        self._load_app = load_app
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._config.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return self._load_app()
