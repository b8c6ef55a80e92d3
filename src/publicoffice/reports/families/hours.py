"""The hours family: opening hours, seat hours and bookable space hours offered.

Per office and local day, as planned: the weekly hours with dated
exceptions, closed on public holidays unless an exception opens the office
(:mod:`publicoffice.places.hours_figures`). The minutes are real minutes, so
the short spring day and the long autumn day come out right. They describe
the premises, not people, and are published as they are.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from publicoffice.places.facts import Family
from publicoffice.places.hours_figures import planned_hours
from publicoffice.reports.families import Row, register_family


def compute(office_ids: Sequence[int] | None, start: date, end: date) -> Iterator[Row]:
    for hours in planned_hours(office_ids=office_ids, start=start, end=end):
        minutes = hours.open_minutes
        if not minutes:
            continue
        yield Row(hours.office_id, hours.day, "hours.open_minutes", "", minutes)
        yield Row(
            hours.office_id, hours.day, "hours.capacity_minutes", "", minutes * hours.capacity
        )
        for kind, spaces in sorted(hours.bookable_spaces.items()):
            yield Row(hours.office_id, hours.day, "hours.bookable_minutes", kind, minutes * spaces)


register_family(Family.HOURS, compute)
