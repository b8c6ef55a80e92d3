"""``publicoffice serve``: the production web server (gunicorn, embedded).

Refuses to run unless ``PUBLICOFFICE_ENV=production``: production mode is
what turns on secure cookies, HSTS and the compressed static files, and a
server started without it would look right and be unsafe. ``--insecure-dev``
runs it anyway, to try the server locally; ``publicoffice runserver`` is
the development server. See docs/deploy.md and core/serve.py.
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.wsgi import get_wsgi_application

from publicoffice.core.serve import Server, gunicorn_config, options_from

REFUSAL = (
    "publicoffice serve is the production server: set PUBLICOFFICE_ENV=production "
    "(with SECRET_KEY and ALLOWED_HOSTS), or pass --insecure-dev to try it locally. "
    "For development use publicoffice runserver."
)


class Command(BaseCommand):
    help = "Serve the site with gunicorn (production); see docs/deploy.md."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--bind", help="Address to listen on, HOST:PORT (default: $HOST:$PORT, 127.0.0.1:8000)."
        )
        parser.add_argument(
            "--workers", type=int, help="Worker processes (default: $WEB_CONCURRENCY, 2)."
        )
        parser.add_argument(
            "--timeout", type=int, default=30, help="Seconds a request may take (default 30)."
        )
        parser.add_argument(
            "--access-log",
            action="store_true",
            help="Log each request: method, path, status, size, time; never the address.",
        )
        parser.add_argument(
            "--insecure-dev",
            action="store_true",
            help="Run without PUBLICOFFICE_ENV=production (local trials only).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.PRODUCTION and not options["insecure_dev"]:
            raise CommandError(REFUSAL)
        try:
            serve = options_from(
                bind=options["bind"],
                workers=options["workers"],
                environ=os.environ,
                timeout=options["timeout"],
                access_log=options["access_log"],
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        Server(gunicorn_config(serve, settings.LOGGING), get_wsgi_application).run()
