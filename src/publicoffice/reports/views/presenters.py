"""A :class:`~publicoffice.reports.report.Report` as template context: texts and charts.

Why here and not in templates: a figure is a number, or the reason it is
hidden, or "not published", and a change is a sign, a number and a sentence
for screen readers. Working that out once, in Python, keeps the public
page, the dashboard and the printable summary saying the same words, and
keeps templates free of logic that could write a hidden figure as 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import formats
from django.utils.translation import gettext, pgettext

from publicoffice.core.disclosure import Figure, Flag
from publicoffice.places.report_selectors import OfficePlace
from publicoffice.reports import config
from publicoffice.reports.charts import Chart, hour_bars, office_map, trend_chart, week_heatmap
from publicoffice.reports.charts.svg import hidden_text, number
from publicoffice.reports.commuting import CommutingEstimate, FactorData, assumptions, estimate
from publicoffice.reports.metrics import METRICS
from publicoffice.reports.periods import Grain, Period
from publicoffice.reports.published import PublishedCommuting
from publicoffice.reports.report import Compared, Report
from publicoffice.reports.selectors import HEADLINES, OfficeRow

#: A figure's text when there is nothing to measure (a rate of an office with no hours).
NOTHING = "–"


@dataclass(frozen=True)
class Shown:
    """A figure as a page writes it: its number, or why it is hidden."""

    text: str
    hidden: bool


@dataclass(frozen=True)
class Change:
    """A change in percent: ``text`` ("+12 %") for the eye, ``words`` for screen readers."""

    text: str
    words: str


@dataclass(frozen=True)
class ShownLine:
    label: str
    part: bool
    now: Shown
    before: Shown
    last_year: Shown
    change_before: Change | None
    change_last_year: Change | None


@dataclass(frozen=True)
class ShownSection:
    slug: str
    title: str
    lines: list[ShownLine]


def shown(figure: Figure, *, percent: bool = False) -> Shown:
    """The text of one figure; a hidden one is never written as a number, never as 0."""
    if figure.flag is Flag.NOT_PUBLISHED:
        return Shown(pgettext("report figures", "not published"), True)
    if figure.hidden:
        return Shown(hidden_text(figure.flag), True)
    if figure.value is None:
        return Shown(NOTHING, False)
    text = number(figure.value)
    return Shown(f"{text}\u00a0%" if percent else text, False)


def change(percent: Decimal | None, then: Period) -> Change | None:
    """ "+12 %" and "12 % more than in March 2025"; None when either figure is hidden."""
    if percent is None:
        return None
    size = f"{number(abs(percent))}\u00a0%"
    values = {"percent": size, "period": then.label()}
    if percent > 0:
        return Change(f"+{size}", gettext("%(percent)s more than in %(period)s") % values)
    if percent < 0:
        return Change(f"\u2212{size}", gettext("%(percent)s fewer than in %(period)s") % values)
    return Change(f"\u00b1{size}", gettext("The same as in %(period)s") % values)


def shown_line(
    label: str, figures: Compared, report: Report, *, part: bool = False, percent: bool = False
) -> ShownLine:
    return ShownLine(
        label=label,
        part=part,
        now=shown(figures.now, percent=percent),
        before=shown(figures.before, percent=percent),
        last_year=shown(figures.last_year, percent=percent),
        change_before=change(figures.change_before, report.previous),
        change_last_year=change(figures.change_last_year, report.last_year),
    )


def sections(report: Report) -> list[ShownSection]:
    return [
        ShownSection(
            section.slug,
            section.title,
            [
                shown_line(line.label, line.figures, report, part=line.part)
                for line in section.lines
            ],
        )
        for section in report.sections
        if section.lines
    ]


def rates(report: Report) -> list[ShownLine]:
    return [
        shown_line(rate.label, rate.figures, report, percent=rate.unit == "percent")
        for rate in report.rates
    ]


def headlines(report: Report) -> list[ShownLine]:
    """The few figures at the top of a page, each with its comparisons."""
    found = []
    for metric, key in HEADLINES:
        line = report.line(metric, key)
        if line is not None:
            found.append(shown_line(line.label, line.figures, report))
    return found


# -- charts ---------------------------------------------------------------------------


def step_label(step: Period) -> str:
    """A trend step's label: a month's name, a day's date, else the period's own words."""
    if step.grain is Grain.MONTH:
        return formats.date_format(step.start, "F")
    if step.grain is Grain.DAY:
        return formats.date_format(step.start, "MONTH_DAY_FORMAT")
    return step.label()


def _points(steps: Sequence[tuple[Period, Figure]]) -> list[tuple[str, Figure]]:
    return [(step_label(step), figure) for step, figure in steps]


def trend(report: Report) -> Chart:
    return trend_chart(
        _points(report.trend),
        title=gettext("People who came, over time"),
        comparison=_points(report.trend_last_year),
        comparison_label=gettext("The same time a year earlier"),
        unit_label=gettext("People"),
    )


def heat(report: Report) -> Chart | None:
    if not report.week_hours:
        return None
    return week_heatmap(report.week_hours, title=gettext("When people come: days and hours"))


def hours(report: Report) -> Chart | None:
    """The week's cells summed per hour of the day (staff: every figure is exact)."""
    if not report.week_hours:
        return None
    sums: dict[int, int] = {}
    for (_day, hour), figure in report.week_hours.items():
        sums[hour] = sums.get(hour, 0) + int(figure.value or 0)
    return hour_bars(
        {hour: Figure(total) for hour, total in sums.items()},
        title=gettext("When people come: hour of the day"),
        value_label=gettext("People"),
    )


def offices_map(offices: Sequence[OfficePlace], people: Mapping[int, Figure]) -> Chart | None:
    """Every office of the scope as a circle sized by its visits (None for one office)."""
    if len(offices) < 2:
        return None
    placed = [(o.name, o.latitude, o.longitude, people.get(o.id, Figure(0))) for o in offices]
    return office_map(placed, title=gettext("Offices by the number of people who came"))


def people_of(rows: Sequence[OfficeRow]) -> dict[int, Figure]:
    return {row.office.id: row.figures[("visits.people", "")] for row in rows}


# -- side by side (staff) ---------------------------------------------------------------


def side_by_side_headers() -> list[str]:
    return [str(METRICS[metric].label) for metric, _key in HEADLINES]


def side_by_side_rows(rows: Sequence[OfficeRow]) -> list[tuple[OfficePlace, list[Shown]]]:
    return [(row.office, [shown(row.figures[cell]) for cell in HEADLINES]) for row in rows]


# -- commuting --------------------------------------------------------------------------


@dataclass(frozen=True)
class Commuting:
    found: CommutingEstimate
    low: str
    high: str
    #: How many answers, how many the estimate rests on, how many it needs (as numbers in words).
    answers: str
    commuters: str
    fewest: str


def commuting(answers: Mapping[str, int] | None, factors: Sequence[FactorData]) -> Commuting | None:
    """The commuting estimate of the report's survey answers; None without answers."""
    if answers is None:
        return None
    found = estimate(answers, factors)
    return Commuting(
        found,
        number(found.co2_kg_rounded.low),
        number(found.co2_kg_rounded.high),
        number(found.answers),
        number(found.commuters),
        number(config.commuting_min_answers()),
    )


@dataclass(frozen=True)
class PublicCommuting:
    low: str
    high: str
    commuters: str
    assumptions: tuple[str, ...]


def public_commuting(found: PublishedCommuting | None) -> PublicCommuting | None:
    """The published estimate in words; None when it is not published (too few answers)."""
    if found is None:
        return None
    return PublicCommuting(
        number(found.co2_kg_low), number(found.co2_kg_high), number(found.commuters), assumptions()
    )


def report_context(report: Report) -> dict[str, Any]:
    """What every page of a report shows, whoever reads it."""
    return {
        "report": report,
        "headlines": headlines(report),
        "sections": sections(report),
        "rates": rates(report),
        "trend_chart": trend(report),
        "heat_chart": heat(report),
    }
