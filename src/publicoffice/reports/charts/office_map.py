"""Where the offices are and how many visits each had: circles on a plain projection.

Why no map tiles: a report must render without the network, print cleanly
and send no reader's address to a tile server. An equirectangular
projection (longitudes shrunk by the cosine of the mean latitude, so a
kilometre is about as long east as north) is exact enough over a city or a
region. A circle's *area* grows with the visits, as readers compare areas.
Geography is never mirrored, also in Arabic and Persian.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from publicoffice.core.disclosure import Figure
from publicoffice.reports.charts.svg import (
    ACCENT,
    INK,
    MUTED,
    WHITE,
    Cell,
    Chart,
    Table,
    empty_chart,
    figure_text,
    hidden_summary,
    shown,
    svg_document,
    text,
)

WIDTH, MAX_HEIGHT, MARGIN = 640, 420, 40
LARGEST, HOLLOW, DOT = 26.0, 5.0, 2.5
#: Offices are named on the drawing up to this many; beyond, the table names them.
NAMED = 15
#: The smallest box drawn, in degrees (about 1 km): one office still gets a frame.
MIN_SPAN = 0.01
Coordinate = float | Decimal | None
Office = tuple[str, Coordinate, Coordinate, Figure]


def office_map(offices: Sequence[Office], *, title: str) -> Chart:
    """(name, latitude, longitude, visits) of each office; the table keeps their order."""
    headers = [Cell(gettext("Office")), Cell(gettext("Visits"))]
    if not offices:
        return empty_chart(title, headers)
    rows = [[Cell(name), Cell(figure_text(visits))] for name, _, _, visits in offices]
    placed = [o for o in offices if o[1] is not None and o[2] is not None]
    return Chart(
        title=title,
        summary=_summary(offices),
        svg=_drawing(placed, title) if placed else mark_safe(""),
        table=Table(title, headers, rows),
        note=gettext(
            "The area of each circle is in proportion to the visits. A small hollow circle: "
            "the figure is hidden to protect small numbers."
        ),
    )


def project(
    placed: Sequence[Office],
) -> tuple[list[tuple[float, float]], float]:
    """Each office's (x, y) in the drawing, and the drawing's height."""
    latitudes = [float(o[1] or 0) for o in placed]
    longitudes = [float(o[2] or 0) for o in placed]
    shrink = math.cos(math.radians(sum(latitudes) / len(latitudes)))
    xs = [lon * shrink for lon in longitudes]
    west, east = min(xs), max(xs)
    south, north = min(latitudes), max(latitudes)
    span_x = max(east - west, MIN_SPAN)
    span_y = max(north - south, MIN_SPAN)
    scale = min((WIDTH - 2 * MARGIN) / span_x, (MAX_HEIGHT - 2 * MARGIN) / span_y)
    height = span_y * scale + 2 * MARGIN
    centre_x, centre_y = (west + east) / 2, (south + north) / 2
    points = [
        (WIDTH / 2 + (x - centre_x) * scale, height / 2 - (lat - centre_y) * scale)
        for x, lat in zip(xs, latitudes, strict=True)
    ]
    return points, height


def _drawing(placed: Sequence[Office], title: str) -> SafeString:
    points, height = project(placed)
    largest = max((v for *_, f in placed if (v := shown(f)) is not None), default=0.0)
    circles: list[tuple[float, str]] = []
    labels = []
    for (name, _, _, visits), (x, y) in zip(placed, points, strict=True):
        value = shown(visits)
        if value is None:
            radius = HOLLOW
            shape = (
                f'<circle class="report-chart-office report-chart-office-hidden" cx="{x:.1f}" '
                f'cy="{y:.1f}" r="{radius}" fill="{WHITE}" stroke="{MUTED}" stroke-width="2">'
                f"</circle>"
            )
        else:
            radius = LARGEST * math.sqrt(value / largest) if largest and value else DOT
            radius = max(radius, DOT)
            shape = (
                f'<circle class="report-chart-office" cx="{x:.1f}" cy="{y:.1f}" '
                f'r="{radius:.1f}" fill="{ACCENT}" fill-opacity="0.7" stroke="{ACCENT}" '
                f'stroke-width="1.5"></circle>'
            )
        circles.append((radius, shape))
        if len(placed) <= NAMED:
            east = x < WIDTH * 0.7
            labels.append(
                text(
                    x + radius + 4 if east else x - radius - 4,
                    y + 4,
                    name,
                    anchor="start" if east else "end",
                    fill=INK,
                )
            )
    parts = [shape for _, shape in sorted(circles, key=lambda c: -c[0])] + labels
    return svg_document(WIDTH, height, title, parts)


def _summary(offices: Sequence[Office]) -> str:
    seen = [(name, visits) for name, _, _, visits in offices if shown(visits)]
    sentences = []
    if seen:
        name, visits = max(seen, key=lambda office: shown(office[1]) or 0)
        sentences.append(
            gettext("The office with the most visits is %(name)s, with %(value)s.")
            % {"name": name, "value": figure_text(visits)}
        )
    if any(visits.hidden for *_, visits in offices):
        sentences.append(hidden_summary())
    return " ".join(sentences) or gettext("Every figure is 0 in this period.")
