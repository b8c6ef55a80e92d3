"""Queue reminders for coming events, once or on a schedule."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from publicoffice.events.tasks import schedule_sweep, sweep_events


class Command(BaseCommand):
    help = (
        "Queue a reminder e-mail for every seat at an event starting within "
        "EVENTS_REMINDER_HOURS, once. With --schedule, queue the sweep to run every "
        "fifteen minutes instead (run `publicoffice db_worker`)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the self-rescheduling sweep for the worker instead of running now.",
        )

    def handle(self, *args: Any, schedule: bool = False, **options: Any) -> None:
        if schedule:
            if not sweep_events.get_backend().supports_defer:
                raise CommandError("The task backend cannot run work later (TASKS setting).")
            run_after = schedule_sweep(timezone.now())
            if run_after is None:
                self.stdout.write("An events sweep is already queued; nothing added.")
            else:
                self.stdout.write(
                    f"Events sweep queued; first run after {timezone.localtime(run_after):%H:%M}, "
                    "then every fifteen minutes."
                )
            return
        result = sweep_events.call(reschedule=False)
        self.stdout.write(f"{result['reminders_queued']} event reminders queued.")
