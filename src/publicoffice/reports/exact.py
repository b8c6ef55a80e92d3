"""Exact figures from the roll-ups, for staff within their own scope.

Not for publication: counts of 1 to 4 stay as they are, any period is
allowed, today included. Pages and files that show these say so. Six
queries for a whole report, whatever the scope and the length of the period.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from functools import cache

from publicoffice.core.disclosure import Figure
from publicoffice.reports import figures
from publicoffice.reports.metrics import METRICS
from publicoffice.reports.periods import Period
from publicoffice.reports.report import Cells, median_of
from publicoffice.reports.scopes import Scope
from publicoffice.reports.sections import (
    HISTOGRAMS,
    MINUTE_BASES,
    PREMISES,
    SECTIONS,
    all_line_metrics,
    marginals,
)

NO_VALUE = Figure(None)


def needed_metrics() -> list[str]:
    return [*all_line_metrics(), *MINUTE_BASES, *PREMISES, *HISTOGRAMS]


def cells_from_totals(totals: figures.Totals) -> Cells:
    """Every report cell from the sums of full keys: lines, minutes, premises, medians."""
    cells: Cells = {}
    for section in SECTIONS:
        for spec in section.lines:
            values = marginals(METRICS[spec.metric], totals.get(spec.metric, {}), spec)
            cells.update({(spec.metric, key): Figure(value) for key, value in values.items()})
    for name in (*MINUTE_BASES, *PREMISES):
        cells[(name, "")] = Figure(sum(totals.get(name, {}).values()))
    for name in HISTOGRAMS:
        _count, median = median_of(totals.get(name, {}))
        cells[(name, "")] = NO_VALUE if median is None else Figure(median)
    return cells


class ExactSource:
    exact = True

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self._totals = cache(self._load_totals)

    def _load_totals(self, period: Period) -> figures.Totals:
        return figures.totals(self.scope, period, needed_metrics())

    def cells(self, period: Period) -> Cells:
        return cells_from_totals(self._totals(period))

    def trend(self, period: Period) -> list[tuple[Period, Figure]]:
        """People counted per step of the period (days, weeks or months)."""
        per_day = figures.daily(self.scope, period, ["visits.people"])
        steps = period.buckets()
        sums: dict[Period, int] = defaultdict(int)
        for day, totals in per_day.items():
            for step in steps:
                if step.start <= day <= step.end:
                    sums[step] += sum(totals.get("visits.people", {}).values())
                    break
        return [(step, Figure(sums.get(step, 0))) for step in steps]

    def week_hours(self, period: Period) -> dict[tuple[int, int], Figure]:
        return {cell: Figure(n) for cell, n in figures.week_hours(self.scope, period).items()}

    def survey_answers(self, period: Period) -> Mapping[str, int] | None:
        return self._totals(period).get("survey.answers", {})

    def commuting(self, period: Period) -> None:
        """Staff pages work the estimate out from :meth:`survey_answers` themselves."""
        return None
