"""Reads for the public statistics pages that :mod:`published` does not offer.

Why a module of its own: a network or municipality page draws every office
on a map sized by its published visits. Building a public report per office
would read each office's figures separately (one query per office); one
query over the published per-office rows gives the same figures.
"""

from __future__ import annotations

from datetime import date

from publicoffice.core.disclosure import Figure, Flag
from publicoffice.reports.models import Publication, PublishedFigure, ScopeKind
from publicoffice.reports.periods import Grain, Period

PEOPLE = "visits.people"


def published_people_by_office(year: int, month: int) -> dict[int, Figure]:
    """Published people of each office in a month (``month`` 0: the whole year).

    An office without a row had nobody (zeros are not stored); a hidden
    figure keeps its flag, so the map draws it hollow and never as 0.
    """
    rows = PublishedFigure.objects.filter(
        year=year, month=month, scope=ScopeKind.OFFICE, metric=PEOPLE, key=""
    ).values_list("scope_id", "value", "flag")
    found: dict[int, Figure] = {}
    for office_id, value, flag in rows:
        if value is None:
            found[office_id] = Figure(None, Flag(flag) if flag else Flag.SECONDARY)
        else:
            found[office_id] = Figure(int(value))
    return found


def published_periods() -> list[Period]:
    """Every published month and whole year, newest first: the period selector's choices."""
    periods: list[Period] = []
    rows = Publication.objects.filter(through_month__gt=0).order_by("-year")
    for year, through in rows.values_list("year", "through_month"):
        if through == 12:
            periods.append(Period.containing(Grain.YEAR, date(year, 1, 1)))
        periods.extend(
            Period.containing(Grain.MONTH, date(year, month, 1)) for month in range(through, 0, -1)
        )
    return periods
