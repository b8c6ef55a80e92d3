"""A report: every figure of a scope and a period, compared, as pages, CSV and the API show it.

The same :class:`Report` is built from two sources: :class:`ExactSource`
(the roll-ups, for staff within their scope, marked not for publication)
and :class:`~publicoffice.reports.publication.PublishedSource` (whole
months and years after the disclosure rule, for everyone). Pages, CSV, the
API and the charts only ever see a Report, so nothing reaches the public
without passing the rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Protocol

from django.utils.translation import gettext_lazy as _

from publicoffice.core.disclosure import Figure, Flag
from publicoffice.reports.metrics import METRICS, Unit
from publicoffice.reports.periods import Period
from publicoffice.reports.scopes import Scope
from publicoffice.reports.sections import (
    SECTIONS,
    UNANSWERED,
    LineSpec,
    breakdown_words,
    line_keys,
)

#: (metric, key) → figure; the keys of :mod:`~publicoffice.reports.sections`.
Cells = dict[tuple[str, str], Figure]
ZERO = Figure(0)
NOT_KEPT = Figure(None, Flag.SECONDARY)


class Source(Protocol):
    """Where a report's figures come from: exact roll-ups or published figures."""

    exact: bool

    def cells(self, period: Period) -> Cells: ...

    def trend(self, period: Period) -> list[tuple[Period, Figure]]: ...

    def week_hours(self, period: Period) -> dict[tuple[int, int], Figure]: ...

    def survey_answers(self, period: Period) -> Mapping[str, int] | None: ...

    def commuting(self, period: Period) -> Any: ...


@dataclass(frozen=True)
class Compared:
    """A figure now, in the period before, and in the same period a year earlier."""

    now: Figure
    before: Figure
    last_year: Figure

    @staticmethod
    def _change(now: Figure, then: Figure) -> Decimal | None:
        if now.value is None or then.value is None or not then.value:
            return None
        change = (Decimal(now.value) - Decimal(then.value)) * 100 / Decimal(then.value)
        return change.quantize(Decimal("1"), rounding=ROUND_HALF_UP)

    @property
    def change_before(self) -> Decimal | None:
        """Percent change from the period before (None when either is hidden or zero)."""
        return self._change(self.now, self.before)

    @property
    def change_last_year(self) -> Decimal | None:
        return self._change(self.now, self.last_year)


@dataclass(frozen=True)
class Line:
    metric: str
    key: str
    label: str
    unit: Unit
    figures: Compared
    #: A part of a breakdown (indented under its total).
    part: bool = False
    breakdown: str = ""


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    lines: list[Line]


@dataclass(frozen=True)
class Rate:
    slug: str
    label: str
    unit: str  # "percent" or "days"
    figures: Compared


@dataclass(frozen=True)
class Report:
    scope: Scope
    period: Period
    previous: Period
    last_year: Period
    #: Exact figures for staff: not for publication.
    exact: bool
    sections: list[Section]
    rates: list[Rate]
    trend: list[tuple[Period, Figure]] = field(default_factory=list)
    trend_last_year: list[tuple[Period, Figure]] = field(default_factory=list)
    week_hours: dict[tuple[int, int], Figure] = field(default_factory=dict)
    survey_answers: Mapping[str, int] | None = None
    #: The published commuting estimate (public reports), when there is one.
    published_commuting: Any = None

    def line(self, metric: str, key: str = "") -> Line | None:
        for section in self.sections:
            for line in section.lines:
                if line.metric == metric and line.key == key:
                    return line
        return None

    def figure(self, metric: str, key: str = "") -> Figure:
        found = self.line(metric, key)
        return found.figures.now if found else ZERO


def _line_label(spec: LineSpec, dimension: int | None, part: str) -> str:
    metric = METRICS[spec.metric]
    if dimension is None:
        return str(metric.label)
    if part == UNANSWERED:
        return str(_("No answer"))
    return str(dict(metric.dimensions[dimension].choices).get(part, part))


def _breakdown_label(spec: LineSpec, dimension: int | None) -> str:
    if dimension is None:
        return ""
    return str(breakdown_words(spec.metric, dimension))


def build(scope: Scope, period: Period, source: Source, *, public_only: bool = False) -> Report:
    """The report of ``scope`` for ``period`` from ``source``."""
    previous, last_year = period.previous(), period.year_before()
    now, before, year = source.cells(period), source.cells(previous), source.cells(last_year)
    sections = []
    for spec in SECTIONS:
        lines = []
        for line_spec in spec.lines:
            if public_only and not line_spec.public:
                continue
            for key, dimension, part in line_keys(line_spec):
                if public_only and scope.is_office and dimension is not None:
                    continue  # an office's breakdowns are not published (publication.py)
                cell = (line_spec.metric, key)
                figures = Compared(
                    now.get(cell, ZERO), before.get(cell, ZERO), year.get(cell, ZERO)
                )
                if part == UNANSWERED and figures.now.value == 0:
                    continue
                lines.append(
                    Line(
                        metric=line_spec.metric,
                        key=key,
                        label=_line_label(line_spec, dimension, part),
                        unit=METRICS[line_spec.metric].unit,
                        figures=figures,
                        part=dimension is not None,
                        breakdown=_breakdown_label(line_spec, dimension),
                    )
                )
        sections.append(Section(spec.slug, str(spec.title), lines))
    return Report(
        scope=scope,
        period=period,
        previous=previous,
        last_year=last_year,
        exact=source.exact,
        sections=sections,
        rates=rates(now, before, year),
        trend=source.trend(period),
        trend_last_year=source.trend(last_year),
        week_hours=source.week_hours(period),
        survey_answers=source.survey_answers(period),
        published_commuting=source.commuting(period),
    )


# -- rates: shares and medians, published only when what they rest on is --------------


def _share(numerator: Figure, denominator: Figure, *, bases: tuple[Figure, ...]) -> Figure:
    if any(base.hidden for base in bases) or numerator.hidden or denominator.hidden:
        return NOT_KEPT
    if not denominator.value or numerator.value is None:
        return Figure(None, Flag.SHOWN) if not denominator.value else NOT_KEPT
    share = Decimal(numerator.value) * 100 / Decimal(denominator.value)
    return Figure(share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _rate_figures(cells: Cells) -> dict[str, Figure]:
    def get(metric: str, key: str = "") -> Figure:
        return cells.get((metric, key), ZERO)

    return {
        "occupancy": _share(
            get("visits.person_minutes"),
            get("hours.capacity_minutes"),
            bases=(get("visits.people"),),
        ),
        "utilisation": _share(
            get("bookings.booked_minutes"),
            get("hours.bookable_minutes"),
            bases=(get("bookings.count"),),
        ),
        "answered_on_time": _share(
            get("dialogue.answers", "on_time"),
            get("dialogue.answers"),
            bases=(get("dialogue.answers", "late"),),
        ),
        "days_to_answer": get("dialogue.answer_days"),
        "days_to_fix": get("problems.fix_days"),
    }


RATE_WORDS = {
    "occupancy": (_("Occupancy: time spent here against seats offered"), "percent"),
    "utilisation": (_("Bookable spaces in use: booked time against time offered"), "percent"),
    "answered_on_time": (_("Proposals answered on time"), "percent"),
    "days_to_answer": (_("Median days to answer a proposal"), "days"),
    "days_to_fix": (_("Median days to fix a problem"), "days"),
}


def rates(now: Cells, before: Cells, year: Cells) -> list[Rate]:
    found_now, found_before, found_year = (_rate_figures(c) for c in (now, before, year))
    return [
        Rate(
            slug, str(label), unit, Compared(found_now[slug], found_before[slug], found_year[slug])
        )
        for slug, (label, unit) in RATE_WORDS.items()
    ]


def median_of(histogram: Mapping[str, int]) -> tuple[int, Decimal | None]:
    """How many items a histogram of days holds, and their median (None when empty)."""
    counts = sorted((int(days), n) for days, n in histogram.items() if days.isdigit() and n > 0)
    total = sum(n for _days, n in counts)
    if not total:
        return 0, None
    wanted = sorted({(total - 1) // 2, total // 2})  # the middle item, or the middle two
    found: list[int] = []
    seen = 0
    for days, n in counts:
        while wanted and wanted[0] < seen + n:
            found.append(days)
            wanted.pop(0)
        seen += n
    middle = Decimal(sum(found)) / len(found)
    return total, middle.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
