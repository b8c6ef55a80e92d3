"""Publish scheduled answers and archive forgotten proposals, once or on a schedule."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from publicoffice.core.sweeps import SweepCommand
from publicoffice.dialogue.tasks import schedule_sweep, sweep_dialogue


class Command(SweepCommand):
    help = (
        "Publish the drafted answers whose time has come and archive proposals nobody "
        "supported or answered within DIALOGUE_ARCHIVE_DAYS. With --schedule, queue the "
        "sweep to run every five minutes instead (run `publicoffice worker`)."
    )
    what = "Dialogue sweep"
    already = "A dialogue sweep is already queued; nothing added."
    every = "every five minutes"

    def task(self) -> Any:
        return sweep_dialogue

    def schedule(self, run_after: datetime) -> datetime | None:
        return schedule_sweep(run_after)

    def summary(self, result: dict[str, int]) -> str:
        return (
            f"{result['answers_published']} answers published, "
            f"{result['proposals_archived']} proposals archived, "
            f"{result['events_held']} proposals done as held events."
        )
