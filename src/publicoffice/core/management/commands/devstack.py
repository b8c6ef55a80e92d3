"""Run the web server, the task worker and the sweeps together, as ``make demo`` does.

In production the worker sends the e-mails and runs the sweeps beside the
web server. The demo does the same, so that what a person does on the site
has the consequences it would have (confirmation e-mails, released no-shows,
reminders); with the console e-mail backend of development the e-mails are
printed in the terminal, under ``worker |``.
"""

from __future__ import annotations

import sys
from io import StringIO
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from publicoffice.core.devstack import DEFAULT_GRACE, OWN_NAME, Child, Supervisor

#: The sweeps queued for the worker before it starts (``--schedule``); once run,
#: each queues its own next run.
SWEEPS = (
    "rollup_visits",
    "bookings_sweep",
    "events_sweep",
    "dialogue_sweep",
    "conduct_sweep",
    "commissioning_sweep",
)


def stack(addrport: str) -> list[Child]:
    """The processes of the stack, run with this interpreter like ``publicoffice`` itself."""
    publicoffice = [sys.executable, "-m", "publicoffice.cli"]
    return [
        Child("web", [*publicoffice, "runserver", addrport]),
        Child("worker", [*publicoffice, "worker"]),  # survives database errors
    ]


class Command(BaseCommand):
    help = (
        "Run the development web server and the task worker together, after queuing the "
        "sweeps; lines are prefixed with the process they come from and Ctrl-C stops all."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--grace",
            type=float,
            default=DEFAULT_GRACE,
            help="Seconds each process has to stop before it is killed.",
        )

    def handle(self, *args: Any, addrport: str, grace: float, **options: Any) -> None:
        supervisor = Supervisor(stack(addrport), out=self.stdout, grace=grace)
        for sweep in SWEEPS:
            output = StringIO()
            call_command(sweep, "--schedule", stdout=output)
            for line in output.getvalue().splitlines():
                supervisor.say(OWN_NAME, line)
        supervisor.say(OWN_NAME, "E-mails are printed below by the worker. Ctrl-C stops all.")
        status = supervisor.run()
        if status:
            raise CommandError(
                "A process of the stack ended, so all were stopped.", returncode=status
            )
