"""Bars by hour of the day: when an office is busy.

An hour missing from the data had nothing (the daily figures store no
zeros) and is drawn as 0; a hidden hour gets no bar at all, and the table
says why, so a gap is never read as "nobody came".
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from publicoffice.core.disclosure import Figure
from publicoffice.reports.charts.svg import (
    ACCENT,
    Cell,
    Chart,
    Table,
    empty_chart,
    figure_text,
    frame,
    hidden_summary,
    hour_range,
    isolate,
    nice_ticks,
    shown,
    svg_document,
    text,
    y_axis,
)

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 60, WIDTH - 12, 16, HEIGHT - 32
GAP = 3


def hour_bars(values: Mapping[int, Figure], *, title: str, value_label: str | None = None) -> Chart:
    """One bar per hour from the first hour with data to the last.

    ``value_label`` heads the table's figure column (the title when not given).
    """
    headers = [Cell(gettext("Hour")), Cell(value_label or title)]
    if not values:
        return empty_chart(title, headers)
    span = list(range(min(values), max(values) + 1))
    rows = [
        [Cell(hour_range(hour), ltr=True), Cell(figure_text(values.get(hour)))] for hour in span
    ]
    return Chart(
        title=title,
        summary=_summary(values),
        svg=_drawing(values, span, title),
        table=Table(title, headers, rows),
    )


def _drawing(values: Mapping[int, Figure], span: list[int], title: str) -> SafeString:
    area = frame(WIDTH, HEIGHT)
    drawn = {hour: shown(values.get(hour)) for hour in span}
    ticks = nice_ticks(max((v for v in drawn.values() if v is not None), default=0.0))
    parts = y_axis(area, (LEFT, TOP, RIGHT, BOTTOM), ticks)
    slot = (RIGHT - LEFT) / len(span)
    width = max(slot - GAP, 1.0)
    for index, hour in enumerate(span):
        start = LEFT + index * slot + GAP / 2
        middle = area.x(start + width / 2)
        value = drawn[hour]
        if value is not None and value > 0:
            height = (BOTTOM - TOP) * value / ticks[-1]
            x = min(area.x(start), area.x(start + width))
            parts.append(
                f'<rect class="report-chart-bar" x="{x:.1f}" y="{BOTTOM - height:.1f}" '
                f'width="{width:.1f}" height="{height:.1f}" fill="{ACCENT}"></rect>'
            )
        parts.append(text(middle, BOTTOM + 16, f"{hour:02d}", size=10))
    return svg_document(WIDTH, HEIGHT, title, parts)


def _summary(values: Mapping[int, Figure]) -> str:
    seen = {hour: value for hour, figure in values.items() if (value := shown(figure))}
    sentences = []
    if seen:
        busiest = max(seen, key=lambda hour: (seen[hour], -hour))
        sentences.append(
            gettext("The busiest hour is %(hour)s, with %(value)s.")
            % {"hour": isolate(hour_range(busiest)), "value": figure_text(values[busiest])}
        )
    if any(figure.hidden for figure in values.values()):
        sentences.append(hidden_summary())
    return " ".join(sentences) or gettext("Every figure is 0 in this period.")
