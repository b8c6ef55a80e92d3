"""Record released no-shows, pass lapsed waitlist offers on, purge old bookings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from publicoffice.bookings.tasks import schedule_sweep, sweep_bookings
from publicoffice.core.sweeps import SweepCommand


class Command(SweepCommand):
    help = (
        "Record bookings released for a missed check-in, expire lapsed waitlist offers and "
        "delete bookings older than BOOKINGS_RETENTION_DAYS, once. With --schedule, queue "
        "the sweep to run every five minutes instead (run `publicoffice db_worker`)."
    )
    what = "Sweep"
    already = "A sweep is already queued; nothing added."
    every = "every five minutes"

    def task(self) -> Any:
        return sweep_bookings

    def schedule(self, run_after: datetime) -> datetime | None:
        return schedule_sweep(run_after)

    def summary(self, result: dict[str, int]) -> str:
        return (
            f"{result['no_shows_released']} no-shows recorded, "
            f"{result['offers_expired']} waitlist offers expired, "
            f"{result['bookings_purged']} old bookings and "
            f"{result['waitlist_entries_purged']} waitlist entries deleted."
        )
