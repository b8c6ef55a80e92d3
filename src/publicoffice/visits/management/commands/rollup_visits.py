"""Roll raw visits older than the retention period up into hourly figures."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand

from publicoffice.core.sweeps import queue_next
from publicoffice.visits.retention import visits_roll_up
from publicoffice.visits.tasks import next_night, roll_up_visits_nightly


class Command(BaseCommand):
    help = (
        "Roll raw visits older than VISITS_RETENTION_DAYS up into hourly figures and delete "
        "them. With --schedule, queue the nightly task instead (run `publicoffice db_worker`)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the self-rescheduling nightly task for the worker instead of running now.",
        )

    def handle(self, *args: Any, schedule: bool = False, **options: Any) -> None:
        if schedule:
            # Idempotent, like the other sweeps: run it after every deploy.
            run_after = queue_next(
                roll_up_visits_nightly, every=timedelta(days=1), run_after=next_night()
            )
            if run_after is None:
                self.stdout.write("A nightly roll-up is already queued; nothing added.")
                return
            self.stdout.write(
                f"Nightly roll-up queued; first run after {run_after:%Y-%m-%d %H:%M}."
            )
            return
        result = visits_roll_up()
        self.stdout.write(
            f"Rolled up visits before {result.cutoff:%Y-%m-%d %H:%M}: "
            f"{result.visits_deleted} rows deleted, {result.aggregate_rows} hourly figures "
            f"written, {result.days} office-days."
        )
