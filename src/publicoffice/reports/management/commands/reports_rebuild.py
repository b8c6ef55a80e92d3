"""Recompute every figure from the facts, for a range of days, and publish again."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from publicoffice.core.timeutils import acting_now
from publicoffice.reports.publication import publish
from publicoffice.reports.rollup import REBUILD_CHUNK_DAYS, rebuild


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"Give a day as YYYY-MM-DD, not {text!r}.") from error


class Command(BaseCommand):
    help = (
        "Recompute the daily figures of every office, operator, municipality and the network "
        "from the facts (check-ins, bookings, events, proposals, problems, incidents), from "
        "--start to --end (default: the last 400 days), then publish the years again. Safe to "
        "run at any time: it gives what the minute-by-minute refresh keeps."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--start", type=_day, help="First day (YYYY-MM-DD).")
        parser.add_argument("--end", type=_day, help="Last day (YYYY-MM-DD), default today.")
        parser.add_argument("--no-publish", action="store_true", help="Do not publish again.")

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localtime(acting_now()).date()
        end = options["end"] or today
        start = options["start"] or end - timedelta(days=400)
        if start > end:
            raise CommandError("The first day must not be after the last day.")
        written = 0
        chunks = range(0, (end - start).days + 1, REBUILD_CHUNK_DAYS)
        for done, offset in enumerate(chunks, start=1):
            chunk_start = start + timedelta(days=offset)
            chunk_end = min(end, chunk_start + timedelta(days=REBUILD_CHUNK_DAYS - 1))
            written += rebuild(start=chunk_start, end=chunk_end)
            if options["verbosity"] > 0:
                self.stdout.write(f"\r{done}/{len(chunks)} weeks", ending="")
                self.stdout.flush()
        if options["verbosity"] > 0:
            self.stdout.write("")
        self.stdout.write(f"{written} figure rows written for {start} to {end}.")
        if not options["no_publish"]:
            for year in range(start.year, end.year + 1):
                rows = publish(year)
                self.stdout.write(f"{year}: {rows} public figures.")
