"""Reading the public figures: the report source for everyone, and the open-data rows.

Zeros are not stored: a published month or year without a row for a figure
had none of it.
Only :class:`~publicoffice.reports.models.PublishedFigure` rows are read
here, so whatever a public page, file or API answer shows has passed the
disclosure rule. A period that is not a whole month or year, or that is not
published yet, has every figure flagged ``not_published``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q

from publicoffice.core.disclosure import Figure, Flag
from publicoffice.places.report_selectors import municipality_names, office_places
from publicoffice.reports.metrics import METRICS, Unit
from publicoffice.reports.models import Publication, PublishedFigure, ScopeKind
from publicoffice.reports.periods import Grain, Period
from publicoffice.reports.report import Cells
from publicoffice.reports.scopes import Scope
from publicoffice.reports.sections import UNANSWERED

HEAT = "visits.week_hours"
NOT_PUBLISHED = Figure(None, Flag.NOT_PUBLISHED)


def _figure(metric: str, value: Decimal | None, flag: str) -> Figure:
    if value is None:
        return Figure(None, Flag(flag) if flag else Flag.SECONDARY)
    counted = metric in METRICS and METRICS[metric].unit is not Unit.HISTOGRAM
    whole = counted or metric in (HEAT, "commuting.commuters")
    return Figure(int(value) if whole else value)


def through_month(year: int) -> int:
    """The last month of ``year`` that is published (0: none)."""
    return int(
        Publication.objects.filter(year=year).values_list("through_month", flat=True).first() or 0
    )


def is_published(period: Period) -> bool:
    if period.grain is Grain.MONTH:
        return period.start.month <= through_month(period.start.year)
    if period.grain is Grain.YEAR:
        return through_month(period.start.year) == 12
    return False


def latest_published() -> Period | None:
    """The last whole month that is published: the public pages' default."""
    row = Publication.objects.filter(through_month__gt=0).order_by("-year").first()
    if row is None:
        return None
    return Period.containing(Grain.MONTH, date(row.year, row.through_month, 1))


class PublishedSource:
    exact = False

    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    def _rows(
        self, year: int, months: list[int]
    ) -> list[tuple[int, str, str, Decimal | None, str]]:
        return list(
            PublishedFigure.objects.filter(
                year=year, month__in=months, scope=self.scope.kind, scope_id=self.scope.id
            ).values_list("month", "metric", "key", "value", "flag")
        )

    def cells(self, period: Period) -> Cells:
        if not is_published(period):
            return _NotPublished()
        month = period.start.month if period.grain is Grain.MONTH else 0
        return {
            (metric, key): _figure(metric, value, flag)
            for _month, metric, key, value, flag in self._rows(period.start.year, [month])
            if metric != HEAT
        }

    def trend(self, period: Period) -> list[tuple[Period, Figure]]:
        """People per published month of the period's year."""
        year = period.start.year
        through = through_month(year)
        if not through or period.grain not in (Grain.MONTH, Grain.YEAR):
            return []
        found = {
            month: _figure(metric, value, flag)
            for month, metric, key, value, flag in self._rows(year, list(range(1, through + 1)))
            if metric == "visits.people" and key == ""
        }
        return [
            (Period.containing(Grain.MONTH, date(year, month, 1)), found.get(month, Figure(0)))
            for month in range(1, through + 1)
        ]

    def week_hours(self, period: Period) -> dict[tuple[int, int], Figure]:
        """Not published: most hours of the week hold a few people at any one office, and
        hiding them spread up to the totals. Staff see the hours of the week exactly."""
        return {}

    def survey_answers(self, period: Period) -> Mapping[str, int] | None:
        return None

    def commuting(self, period: Period) -> PublishedCommuting | None:
        """The published estimate of the period (None: not published, or too few answers)."""
        if not is_published(period):
            return None
        month = period.start.month if period.grain is Grain.MONTH else 0
        found = {
            metric: value
            for _month, metric, _key, value, _flag in self._rows(period.start.year, [month])
            if metric.startswith("commuting.")
        }
        low, high = found.get("commuting.co2_kg_low"), found.get("commuting.co2_kg_high")
        commuters = found.get("commuting.commuters")
        if low is None or high is None or commuters is None:
            return None
        return PublishedCommuting(int(commuters), low, high)


@dataclass(frozen=True)
class PublishedCommuting:
    """The commuting estimate as published: how many commuters, and CO₂ avoided in kg."""

    commuters: int
    co2_kg_low: Decimal
    co2_kg_high: Decimal


class _NotPublished(dict[tuple[str, str], Figure]):
    """Every figure of a period that is not published: flagged, never zero."""

    def get(self, key: tuple[str, str], default: Figure | None = None) -> Figure:  # type: ignore[override]
        return NOT_PUBLISHED


# -- open data ------------------------------------------------------------------------


@dataclass(frozen=True)
class PublishedRow:
    year: int
    month: int
    scope: str
    scope_ref: str
    scope_name: str
    metric: str
    metric_label: str
    key: str
    key_label: str
    value: int | Decimal | None
    flag: str


def key_words(metric: str, key: str) -> str:
    """A line's key in words: the part that is not summed over ("No-show")."""
    if metric not in METRICS or not key:
        return ""
    found = METRICS[metric]
    if metric == HEAT or not found.dimensions:
        return key
    parts = key.split("|")
    for index, part in enumerate(parts):
        if part != "*" and index < len(found.dimensions):
            if part == UNANSWERED:
                return "-"
            return str(dict(found.dimensions[index].choices).get(part, part))
    return key


def published_rows(year: int | None = None) -> Iterator[PublishedRow]:
    """Every published figure (of one year), with the names of its scope and words."""
    offices = {o.id: (o.slug, o.name) for o in office_places()}
    municipalities = municipality_names()
    rows = PublishedFigure.objects.order_by("year", "scope", "scope_id", "month", "metric", "key")
    if year is not None:
        rows = rows.filter(year=year)
    for row in rows.iterator(chunk_size=5000):
        if row.scope == ScopeKind.OFFICE:
            ref, name = offices.get(row.scope_id, ("", ""))
        elif row.scope == ScopeKind.MUNICIPALITY:
            ref, name = municipalities.get(row.scope_id, ("", ""))
        else:
            ref, name = "network", ""
        figure = _figure(row.metric, row.value, row.flag)
        label = METRICS[row.metric].label if row.metric in METRICS else row.metric
        yield PublishedRow(
            year=row.year,
            month=row.month,
            scope=row.scope,
            scope_ref=ref,
            scope_name=name,
            metric=row.metric,
            metric_label=str(label),
            key=row.key,
            key_label=key_words(row.metric, row.key),
            value=figure.value,
            flag=row.flag,
        )


def shown_throughout(
    office_ids: Iterable[int], period: Period, metrics: Iterable[str]
) -> set[str] | None:
    """The metrics whose office totals are published, and shown, in every month of the period.

    Another page may show a figure worked out from these totals (commissioning's
    targets: visits a week over a quarter) without giving away a hidden month:
    the figure is then a sum of what is public already. None: the period is
    not made of whole months that are published.
    """
    first_days = _month_starts(period)
    if not first_days:
        return None
    months_by_year: dict[int, list[int]] = {}
    for day in first_days:
        months_by_year.setdefault(day.year, []).append(day.month)
    if any(max(months) > through_month(year) for year, months in months_by_year.items()):
        return None
    wanted = set(metrics)
    in_months = Q()
    for year, months in months_by_year.items():
        in_months |= Q(year=year, month__in=months)
    hidden = PublishedFigure.objects.filter(
        in_months,
        scope=ScopeKind.OFFICE,
        scope_id__in=list(office_ids),
        metric__in=wanted,
        key="",
        value__isnull=True,
    ).values_list("metric", flat=True)
    return wanted - set(hidden)


def _month_starts(period: Period) -> list[date]:
    """The first day of each month of a period made of whole months; empty otherwise."""
    if period.start.day != 1 or (period.end + timedelta(days=1)).day != 1:
        return []
    found, day = [], period.start
    while day <= period.end:
        found.append(day)
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return found
