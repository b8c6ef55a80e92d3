"""A figure over time: a line with dots, and optionally a dashed line to compare with.

Why a gap for a hidden figure: joining the points either side would draw a
value nobody may publish (and a reader could measure it). The line breaks,
the dot is missing, and the table says "fewer than 5".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.utils.safestring import SafeString
from django.utils.translation import gettext, pgettext

from publicoffice.core.disclosure import Figure
from publicoffice.reports.charts.svg import (
    ACCENT,
    COMPARE,
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
    label_step,
    nice_ticks,
    number,
    shown,
    svg_document,
    text,
    y_axis,
)

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, BOTTOM = 60, WIDTH - 20, HEIGHT - 40
Series = Sequence[tuple[str, Figure]]
#: Where the figure at an index is drawn: (index, value) -> (x, y).
Position = Callable[[int, float], tuple[float, float]]


def trend_chart(
    points: Series,
    *,
    title: str,
    comparison: Series | None = None,
    comparison_label: str | None = None,
    unit_label: str = "",
) -> Chart:
    """The chart of ``points`` (label, figure) in time order.

    ``comparison`` (the same period a year before, say) is matched point by
    point and drawn dashed with hollow dots, so colour is not the only
    difference.
    """
    compare = list(comparison or [])
    compare_name = comparison_label or gettext("For comparison")
    headers = [Cell(pgettext("report charts", "Period")), Cell(unit_label or title)]
    if compare:
        headers.append(Cell(compare_name))
    if not points:
        return empty_chart(title, headers)
    rows = [
        [Cell(label), Cell(figure_text(figure))]
        + ([Cell(figure_text(compare[i][1]) if i < len(compare) else "")] if compare else [])
        for i, (label, figure) in enumerate(points)
    ]
    return Chart(
        title=title,
        summary=_summary(points, compare, compare_name),
        svg=_drawing(points, compare[: len(points)], compare_name, title),
        table=Table(title, headers, rows),
    )


def _drawing(points: Series, compare: Series, compare_name: str, title: str) -> SafeString:
    area = frame(WIDTH, HEIGHT)
    top = 44 if compare else 20
    values = [v for _, f in [*points, *compare] if (v := shown(f)) is not None]
    ticks = nice_ticks(max(values, default=0.0))
    parts = y_axis(area, (LEFT, top, RIGHT, BOTTOM), ticks)
    count = len(points)

    def position(index: int, value: float) -> tuple[float, float]:
        x = (
            (LEFT + RIGHT) / 2
            if count == 1
            else LEFT + 12 + (RIGHT - LEFT - 24) * index / (count - 1)
        )
        return area.x(x), BOTTOM - (BOTTOM - top) * value / ticks[-1]

    longest = max(len(label) for label, _ in points)
    step = label_step(count, room=max(1, min(12, int((RIGHT - LEFT) / (longest * 6.5 + 10)))))
    for index, (label, _) in enumerate(points):
        if index % step == 0:
            parts.append(text(position(index, 0)[0], BOTTOM + 18, label, fill=INK))
    if compare:
        parts += _series(compare, position, COMPARE, hollow=True)
        parts += _legend(area, compare_name)
    parts += _series(points, position, ACCENT, hollow=False)
    return svg_document(WIDTH, HEIGHT, title, parts)


def _series(series: Series, position: Position, colour: str, *, hollow: bool) -> list[str]:
    """The line, broken at every hidden figure, and a dot on every shown one."""
    runs: list[list[tuple[float, float]]] = [[]]
    for index, (_, figure) in enumerate(series):
        value = shown(figure)
        if value is None:
            runs.append([])
        else:
            runs[-1].append(position(index, value))
    dash = ' stroke-dasharray="7 5"' if hollow else ""
    parts = []
    for run in runs:
        if len(run) > 1:
            path = " ".join(
                f"{'M' if i == 0 else 'L'}{x:.1f} {y:.1f}" for i, (x, y) in enumerate(run)
            )
            parts.append(
                f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}></path>'
            )
    fill = WHITE if hollow else colour
    for x, y in (point for run in runs for point in run):
        parts.append(
            f'<circle class="report-chart-point" cx="{x:.1f}" cy="{y:.1f}" r="4" '
            f'fill="{fill}" stroke="{colour}" stroke-width="2"></circle>'
        )
    return parts


def _legend(area: Frame, compare_name: str) -> list[str]:
    """Which line is which, drawn with the lines' own dash so it reads without colour."""
    parts = []
    for row, (name, colour, dash) in enumerate(
        ((gettext("This period"), ACCENT, ""), (compare_name, COMPARE, ' stroke-dasharray="7 5"'))
    ):
        y = 12 + row * 16
        x1, x2 = sorted((area.x(LEFT), area.x(LEFT + 28)))
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y:.1f}" x2="{x2:.1f}" y2="{y:.1f}" stroke="{colour}" '
            f'stroke-width="2.5"{dash}></line>'
        )
        parts.append(text(area.x(LEFT + 34), y + 4, name, anchor=area.anchor("start"), fill=MUTED))
    return parts


def _summary(points: Series, compare: Series, compare_name: str) -> str:
    """From the first shown figure to the last, the highest, the comparison, what is hidden."""
    seen = [(label, figure) for label, figure in points if shown(figure) is not None]
    sentences = []
    if seen:
        (first_label, first), (last_label, last) = seen[0], seen[-1]
        names = {
            "first": figure_text(first),
            "first_label": first_label,
            "last": figure_text(last),
            "last_label": last_label,
        }
        if len(seen) == 1:
            sentences.append(gettext("%(first)s in %(first_label)s.") % names)
        elif (shown(last) or 0) > (shown(first) or 0):
            sentences.append(
                gettext("Rose from %(first)s in %(first_label)s to %(last)s in %(last_label)s.")
                % names
            )
        elif (shown(last) or 0) < (shown(first) or 0):
            sentences.append(
                gettext("Fell from %(first)s in %(first_label)s to %(last)s in %(last_label)s.")
                % names
            )
        else:
            sentences.append(
                gettext("The same in %(first_label)s and %(last_label)s: %(first)s.") % names
            )
        if len(seen) > 2:
            peak_label, peak = max(seen, key=lambda item: shown(item[1]) or 0)
            sentences.append(
                gettext("The highest was %(value)s in %(label)s.")
                % {"value": number(peak.value or 0), "label": peak_label}
            )
    sentences += _comparison_sentence(compare, compare_name)
    if any(figure.hidden for _, figure in [*points, *compare]):
        sentences.append(hidden_summary())
    return " ".join(sentences)


def _comparison_sentence(compare: Series, compare_name: str) -> list[str]:
    seen = [(label, figure) for label, figure in compare if shown(figure) is not None]
    if not seen:
        return []
    label, figure = seen[-1]
    return [
        gettext("%(comparison)s: %(value)s in %(label)s.")
        % {"comparison": compare_name, "value": figure_text(figure), "label": label}
    ]
