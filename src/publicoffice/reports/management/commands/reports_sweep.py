"""Recompute stale figures and publish the public ones, once or every minute."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from publicoffice.core.sweeps import SweepCommand
from publicoffice.reports.tasks import reports_sweep, schedule_sweep


class Command(SweepCommand):
    help = (
        "Recompute the figures of the office days whose facts changed, and once a day work "
        "out the public figures of this year and last year. With --schedule, queue the sweep "
        "to run every minute instead (run `publicoffice worker`)."
    )
    what = "Reports sweep"
    already = "A reports sweep is already queued; nothing added."
    every = "every minute"

    def task(self) -> Any:
        return reports_sweep

    def schedule(self, run_after: datetime) -> datetime | None:
        return schedule_sweep(run_after)

    def summary(self, result: dict[str, int]) -> str:
        return (
            f"{result['office_days']} office days recomputed from {result['marks']} marks, "
            f"{result['years_published']} years published."
        )
