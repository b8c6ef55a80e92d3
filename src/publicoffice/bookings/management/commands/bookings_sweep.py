"""Record released no-shows, pass lapsed waitlist offers on, purge old bookings."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from publicoffice.bookings.tasks import schedule_sweep, sweep_bookings


class Command(BaseCommand):
    help = (
        "Record bookings released for a missed check-in, expire lapsed waitlist offers and "
        "delete bookings older than BOOKINGS_RETENTION_DAYS, once. With --schedule, queue "
        "the sweep to run every five minutes instead (run `publicoffice db_worker`)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the self-rescheduling sweep for the worker instead of running now.",
        )

    def handle(self, *args: Any, schedule: bool = False, **options: Any) -> None:
        if schedule:
            if not sweep_bookings.get_backend().supports_defer:
                raise CommandError("The task backend cannot run work later (TASKS setting).")
            run_after = schedule_sweep(timezone.now())
            if run_after is None:
                self.stdout.write("A sweep is already queued; nothing added.")
            else:
                self.stdout.write(
                    f"Sweep queued; first run after {timezone.localtime(run_after):%H:%M}, "
                    "then every five minutes."
                )
            return
        result = sweep_bookings.call(reschedule=False)
        self.stdout.write(
            f"{result['no_shows_released']} no-shows recorded, "
            f"{result['offers_expired']} waitlist offers expired, "
            f"{result['bookings_purged']} old bookings and "
            f"{result['waitlist_entries_purged']} waitlist entries deleted."
        )
