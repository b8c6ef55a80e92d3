"""Reading the roll-ups: exact sums for a scope and a period, never a scan of raw rows.

Every function reads :class:`~publicoffice.reports.models.DayFigure` rows of
one scope (or of the offices of one scope, side by side) with one query,
grouped in the database, so a municipality's year costs about as much as
one office's year: both are one scope's rows for 365 days.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import Sum

from publicoffice.reports.models import DayFigure, ScopeKind
from publicoffice.reports.periods import Period
from publicoffice.reports.scopes import Scope

#: metric → key → value
Totals = dict[str, dict[str, int]]


def totals(scope: Scope, period: Period, metrics: Iterable[str]) -> Totals:
    """The sums over the period, per metric and key (missing: zero)."""
    return _summed(scope.kind, [scope.id], period, metrics)


def _summed(kind: str, scope_ids: list[int], period: Period, metrics: Iterable[str]) -> Totals:
    """The day rows of these scopes over the period, summed per metric and key in the database."""
    rows = (
        DayFigure.objects.filter(
            scope=kind,
            scope_id__in=scope_ids,
            day__range=(period.start, period.end),
            metric__in=list(metrics),
        )
        .order_by()
        .values_list("metric", "key")
        .annotate(total=Sum("value"))
    )
    found: Totals = defaultdict(dict)
    for metric, key, total in rows:
        found[metric][key] = int(total)
    return dict(found)


def daily(scope: Scope, period: Period, metrics: Iterable[str]) -> dict[date, Totals]:
    """Per day: for trends, which the caller adds up into steps (days, weeks, months)."""
    rows = (
        DayFigure.objects.filter(
            scope=scope.kind,
            scope_id=scope.id,
            day__range=(period.start, period.end),
            metric__in=list(metrics),
        )
        .order_by()
        .values_list("day", "metric", "key", "value")
    )
    found: dict[date, Totals] = defaultdict(lambda: defaultdict(dict))
    for day, metric, key, value in rows:
        found[day][metric][key] = int(value)
    return found


def per_office(
    office_ids: Iterable[int], period: Period, metrics: Iterable[str]
) -> dict[int, Totals]:
    """The sums of each office, side by side (a municipality's offices compared)."""
    rows = (
        DayFigure.objects.filter(
            scope=ScopeKind.OFFICE,
            scope_id__in=list(office_ids),
            day__range=(period.start, period.end),
            metric__in=list(metrics),
        )
        .order_by()
        .values_list("scope_id", "metric", "key")
        .annotate(total=Sum("value"))
    )
    found: dict[int, Totals] = defaultdict(lambda: defaultdict(dict))
    for office_id, metric, key, total in rows:
        found[office_id][metric][key] = int(total)
    return found


def week_hours(scope: Scope, period: Period) -> dict[tuple[int, int], int]:
    """People by weekday (0 = Monday) and local hour of arrival, over the period."""
    rows = (
        DayFigure.objects.filter(
            scope=scope.kind,
            scope_id=scope.id,
            day__range=(period.start, period.end),
            metric="visits.hourly",
        )
        .order_by()
        .values_list("day", "key", "value")
    )
    cells: dict[tuple[int, int], int] = defaultdict(int)
    for day, key, value in rows:
        if key.isdigit():
            cells[(day.weekday(), int(key))] += int(value)
    return dict(cells)


def last_day_with_figures(scope: Scope) -> date | None:
    """The most recent day the scope has any figure: "figures up to"."""
    return (
        DayFigure.objects.filter(scope=scope.kind, scope_id=scope.id)
        .order_by("-day")
        .values_list("day", flat=True)
        .first()
    )


def offices_totals(office_ids: Iterable[int], period: Period, metrics: Iterable[str]) -> Totals:
    """The sums of several offices together (a commission's offices), in one query.

    Shared with commissioning, whose reports are prefilled from it: a
    commission of one office reads exactly what the office's report shows.
    """
    return _summed(ScopeKind.OFFICE, list(office_ids), period, metrics)
