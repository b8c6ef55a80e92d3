"""What the public statistics API reads besides a report: which periods are published.

Public figures exist only for whole months that have ended and for whole
years (:mod:`publicoffice.reports.publication`). A client asks this list
first, so it never has to guess a period and meet ``not_published`` flags.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from publicoffice.reports.models import Publication
from publicoffice.reports.periods import Grain, Period


@dataclass(frozen=True)
class PublishedYear:
    """One year's publication: its whole months so far, and the year once it has ended."""

    year: int
    months: tuple[Period, ...]
    #: The whole year, once all twelve months are published; else None.
    whole_year: Period | None
    published_at: datetime


def published_periods() -> list[PublishedYear]:
    """Every published year, newest first, with its months (newest first); one query."""
    rows = Publication.objects.filter(through_month__gt=0).order_by("-year")
    return [
        PublishedYear(
            year=row.year,
            months=tuple(
                Period.containing(Grain.MONTH, date(row.year, month, 1))
                for month in range(row.through_month, 0, -1)
            ),
            whole_year=(
                Period.containing(Grain.YEAR, date(row.year, 1, 1))
                if row.through_month >= 12
                else None
            ),
            published_at=row.published_at,
        )
        for row in rows.only("year", "through_month", "published_at")
    ]
