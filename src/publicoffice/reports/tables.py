"""A report as flat rows: what the CSV files and the API's JSON give, line by line.

One function for every format, so a file cannot show what the page hides:
a hidden figure has no value and its flag says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from publicoffice.core.disclosure import Figure
from publicoffice.reports.metrics import METRICS
from publicoffice.reports.report import Compared, Report
from publicoffice.reports.selectors import OfficeRow

COLUMNS = (
    "section",
    "metric",
    "key",
    "label",
    "unit",
    "value",
    "flag",
    "previous_value",
    "previous_flag",
    "last_year_value",
    "last_year_flag",
)


def _plain(figure: Figure) -> tuple[int | float | None, str]:
    value = figure.value
    if isinstance(value, Decimal):
        return float(value), str(figure.flag)
    return value, str(figure.flag)


def _compared(figures: Compared) -> list[Any]:
    return [*_plain(figures.now), *_plain(figures.before), *_plain(figures.last_year)]


def report_rows(report: Report) -> list[dict[str, Any]]:
    """Every line and rate of the report, with its comparisons, as dicts of :data:`COLUMNS`."""
    rows: list[dict[str, Any]] = []
    for section in report.sections:
        for line in section.lines:
            rows.append(
                dict(
                    zip(
                        COLUMNS,
                        [
                            section.slug,
                            line.metric,
                            line.key,
                            line.label,
                            str(line.unit),
                            *_compared(line.figures),
                        ],
                        strict=True,
                    )
                )
            )
    for rate in report.rates:
        rows.append(
            dict(
                zip(
                    COLUMNS,
                    ["rates", rate.slug, "", rate.label, rate.unit, *_compared(rate.figures)],
                    strict=True,
                )
            )
        )
    return rows


def report_meta(report: Report) -> dict[str, Any]:
    """What the rows are about: scope, periods, and whether they may be published."""
    return {
        "scope": {
            "kind": str(report.scope.kind),
            "ref": report.scope.ref,
            "name": report.scope.name,
        },
        "period": report.period.slug,
        "previous_period": report.previous.slug,
        "last_year_period": report.last_year.slug,
        "exact": report.exact,
        "for_publication": not report.exact,
    }


def office_rows(offices: Sequence[OfficeRow]) -> list[dict[str, Any]]:
    """The offices side by side (exact, staff only), one row per office and headline figure."""
    rows: list[dict[str, Any]] = []
    for row in offices:
        for (metric, key), figure in row.figures.items():
            value, flag = _plain(figure)
            line = dict.fromkeys(COLUMNS)
            line.update(
                section="offices",
                metric=metric,
                key=key,
                label=str(METRICS[metric].label),
                unit=str(METRICS[metric].unit),
                value=value,
                flag=flag,
            )
            rows.append(
                {"scope": "office", "scope_ref": row.office.slug, "office": row.office.name, **line}
            )
    return rows
