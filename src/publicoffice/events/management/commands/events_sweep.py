"""Queue reminders for coming events, once or on a schedule."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from publicoffice.core.sweeps import SweepCommand
from publicoffice.events.tasks import schedule_sweep, sweep_events


class Command(SweepCommand):
    help = (
        "Queue a reminder e-mail for every seat at an event starting within "
        "EVENTS_REMINDER_HOURS, once. With --schedule, queue the sweep to run every "
        "fifteen minutes instead (run `publicoffice db_worker`)."
    )
    what = "Events sweep"
    already = "An events sweep is already queued; nothing added."
    every = "every fifteen minutes"

    def task(self) -> Any:
        return sweep_events

    def schedule(self, run_after: datetime) -> datetime | None:
        return schedule_sweep(run_after)

    def summary(self, result: dict[str, int]) -> str:
        return f"{result['reminders_queued']} event reminders queued."
