"""Server-rendered SVG bar charts, each paired with its data table."""

from __future__ import annotations

from datetime import datetime

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT, BAR_GAP = 480, 160, 4


def hour_chart(hours: list[tuple[datetime, int]], *, title: str) -> SafeString:
    """Bars of people per hour; decorative for screen readers (the table says it)."""
    if not hours:
        return mark_safe("")
    first = min(hour.hour for hour, _ in hours)
    last = max(hour.hour for hour, _ in hours)
    counts = {hour.hour: people for hour, people in hours}
    span = list(range(first, last + 1))
    top = max(counts.values()) or 1
    bar_width = (WIDTH - BAR_GAP * len(span)) / len(span)
    bars = []
    for index, hour in enumerate(span):
        height = (HEIGHT - 24) * counts.get(hour, 0) / top
        x = index * (bar_width + BAR_GAP)
        y = HEIGHT - 20 - height
        bars.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{height:.1f}" '
            f'fill="#0b5c4b"></rect>'
            f'<text x="{x + bar_width / 2:.1f}" y="{HEIGHT - 6}" font-size="11" '
            f'text-anchor="middle" fill="#1b1b1f">{hour:02d}</text>'
        )
    svg = (
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" aria-hidden="true" '
        f'focusable="false" class="chart" direction="ltr"><title>{escape(title)}</title>'
        + "".join(bars)
        + "</svg>"
    )
    return mark_safe(svg)  # noqa: S308 - numbers and an escaped title only
