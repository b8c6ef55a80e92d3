"""Close calls past their deadline and remind of follow-up reports, once or hourly."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from publicoffice.commissioning.tasks_followup import commissioning_sweep, schedule_sweep
from publicoffice.core.sweeps import SweepCommand


class Command(SweepCommand):
    help = (
        "Close the open calls past their deadline, and e-mail the reminders of follow-up "
        "reports due today: a week before the due date, the day after it, and when a report "
        "becomes very late. With --schedule, queue the sweep to run every hour instead "
        "(run `publicoffice worker`)."
    )
    what = "Commissioning sweep"
    already = "A commissioning sweep is already queued; nothing added."
    every = "every hour"

    def task(self) -> Any:
        return commissioning_sweep

    def schedule(self, run_after: datetime) -> datetime | None:
        return schedule_sweep(run_after)

    def summary(self, result: dict[str, int]) -> str:
        return (
            f"Calls closed: {result['calls_closed']}. Reminders: {result['soon']} due soon, "
            f"{result['overdue']} overdue, {result['very_late']} very late."
        )
