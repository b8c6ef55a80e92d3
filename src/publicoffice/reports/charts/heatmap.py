"""The week as a grid: weekdays down, hours across, darker where it is busier.

Why steps and numbers: a shade alone is hard to read and impossible for
some readers, so there are six clear steps of one hue (0 and five ranges,
named in the legend), each cell also carries its number when it fits, and
the table under the chart has every figure. A hidden cell is hatched, a
pattern rather than a colour, and the legend says what hatching means.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping

from django.utils.dates import WEEKDAYS
from django.utils.safestring import SafeString
from django.utils.translation import gettext, pgettext

from publicoffice.core.disclosure import Figure
from publicoffice.reports.charts.svg import (
    INK,
    MUTED,
    WHITE,
    Cell,
    Chart,
    Frame,
    Table,
    empty_chart,
    figure_text,
    frame,
    hidden_summary,
    hour_range,
    isolate,
    number,
    shown,
    svg_document,
    text,
)

WIDTH = 640
LABELS, TOP, ROW = 84, 22, 26
#: 0, then five steps of the accent hue; text is white from step 4 (contrast ≥ 4.5:1).
SHADES = ("#f3f1ec", "#cfe6df", "#9fcdbf", "#5fa892", "#2b7a64", "#0b4a3c")
STEPS = len(SHADES) - 1
Key = tuple[int, int]


def week_heatmap(cells: Mapping[Key, Figure], *, title: str) -> Chart:
    """Seven rows (Monday first) by the hours from the first with data to the last."""
    if not cells:
        return empty_chart(title, [Cell(gettext("Day"))])
    span = list(range(min(h for _, h in cells), max(h for _, h in cells) + 1))
    headers = [Cell(gettext("Day"))] + [Cell(hour_range(hour), ltr=True) for hour in span]
    rows = [
        [Cell(str(WEEKDAYS[day]))] + [Cell(figure_text(cells.get((day, hour)))) for hour in span]
        for day in range(7)
    ]
    return Chart(
        title=title,
        summary=_summary(cells),
        svg=_drawing(cells, span, title),
        table=Table(title, headers, rows),
    )


def level(value: float, top: float) -> int:
    """The shade step of a value: 0 for 0, else 1 to 5 by equal parts of the largest."""
    if value <= 0 or top <= 0:
        return 0
    return min(STEPS, max(1, math.ceil(value / top * STEPS - 1e-9)))


def _drawing(cells: Mapping[Key, Figure], span: list[int], title: str) -> SafeString:
    area = frame(WIDTH, TOP + 7 * ROW + 64)
    top = max((v for f in cells.values() if (v := shown(f)) is not None), default=0.0)
    pattern = "hatch-" + hashlib.sha256(f"{title}{sorted(cells.items())}".encode()).hexdigest()[:10]
    column = (WIDTH - LABELS - 8) / len(span)
    parts = [
        f'<defs><pattern id="{pattern}" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{WHITE}"></rect>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{MUTED}" stroke-width="2"></line>'
        f"</pattern></defs>"
    ]
    for index, hour in enumerate(span):
        middle = area.x(LABELS + (index + 0.5) * column)
        parts.append(text(middle, TOP - 8, f"{hour:02d}", size=10))
    for day in range(7):
        y = TOP + day * ROW
        parts.append(
            text(area.x(LABELS - 6), y + ROW / 2 + 4, str(WEEKDAYS[day]), anchor=area.anchor("end"))
        )
        for index, hour in enumerate(span):
            x = min(area.x(LABELS + index * column), area.x(LABELS + (index + 1) * column))
            parts += _cell(cells.get((day, hour)), (x, y, column), top, pattern)
    parts += _legend(area, top, pattern, TOP + 7 * ROW + 14)
    return svg_document(area.width, area.height, title, parts)


def _cell(
    figure: Figure | None, box: tuple[float, float, float], top: float, pattern: str
) -> list[str]:
    x, y, width = box
    value = shown(figure)
    step = 0 if value is None else level(value, top)
    fill = f"url(#{pattern})" if value is None else SHADES[step]
    kind = "hidden" if value is None else "shown"
    parts = [
        f'<rect class="report-chart-cell report-chart-cell-{kind}" x="{x:.1f}" y="{y:.1f}" '
        f'width="{width:.1f}" height="{ROW}" fill="{fill}" stroke="{WHITE}" '
        f'stroke-width="1"></rect>'
    ]
    label = figure_text(figure)
    if value is not None and len(label) * 6 <= width - 2:
        colour = WHITE if step >= 4 else INK
        parts.append(text(x + width / 2, y + ROW / 2 + 4, label, size=10, fill=colour))
    return parts


def _ranges(top: float) -> list[tuple[int, str]]:
    """The legend's steps with the values each covers; a step that covers none is left out."""
    entries = [(0, number(0))]
    for step in range(1, STEPS + 1):
        low = math.floor(top * (step - 1) / STEPS) + 1
        high = math.floor(top * step / STEPS)
        if low <= high:
            entries.append((step, number(low) if low == high else f"{number(low)}–{number(high)}"))
    return entries


def _legend(area: Frame, top: float, pattern: str, y: float) -> list[str]:
    parts = []
    x = 0.0
    for step, label in _ranges(top):
        parts += _swatch(area, x, y, SHADES[step], label)
        x += 14 + 6 + len(label) * 7 + 14
    note = pgettext("report charts", "hidden to protect small numbers")
    parts += _swatch(area, 0.0, y + 24, f"url(#{pattern})", note)
    return parts


def _swatch(area: Frame, x: float, y: float, fill: str, label: str) -> list[str]:
    left = min(area.x(x), area.x(x + 14))
    return [
        f'<rect x="{left:.1f}" y="{y:.1f}" width="14" height="14" fill="{fill}" '
        f'stroke="{MUTED}" stroke-width="1"></rect>',
        text(area.x(x + 20), y + 11, label, anchor=area.anchor("start"), size=11),
    ]


def _summary(cells: Mapping[Key, Figure]) -> str:
    seen = {key: value for key, figure in cells.items() if (value := shown(figure))}
    sentences = []
    if seen:
        day, hour = max(seen, key=lambda key: (seen[key], -key[0], -key[1]))
        sentences.append(
            gettext("The busiest time is %(day)s %(hour)s, with %(value)s.")
            % {
                "day": str(WEEKDAYS[day]),
                "hour": isolate(hour_range(hour)),
                "value": figure_text(cells[(day, hour)]),
            }
        )
    if any(figure.hidden for figure in cells.values()):
        sentences.append(hidden_summary())
    return " ".join(sentences) or gettext("Every figure is 0 in this period.")
