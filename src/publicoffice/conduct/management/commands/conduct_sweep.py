"""Erase conduct details past the retention period and remind of reviews, once or hourly."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from publicoffice.conduct.tasks import conduct_sweep, schedule_sweep
from publicoffice.core.sweeps import SweepCommand


class Command(SweepCommand):
    help = (
        "Erase the details of incidents and decisions older than CONDUCT_RETENTION_DAYS and "
        "tell offices when an indefinite ban's review date has come. With --schedule, queue "
        "the sweep to run every hour instead (run `publicoffice worker`)."
    )
    what = "Conduct sweep"
    already = "A conduct sweep is already queued; nothing added."
    every = "every hour"

    def task(self) -> Any:
        return conduct_sweep

    def schedule(self, run_after: datetime) -> datetime | None:
        return schedule_sweep(run_after)

    def summary(self, result: dict[str, int]) -> str:
        return (
            f"{result['incidents_erased']} incidents and {result['decisions_erased']} "
            f"decisions erased, {result['reviews_due']} bans due for review."
        )
