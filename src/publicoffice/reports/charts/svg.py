"""What every report chart shares: the Chart it returns, number texts, SVG pieces.

Why one module: each chart is a drawing *and* a table *and* a sentence, and
the three must say the same numbers in the same words. A hidden figure (see
``core/disclosure.py``) is never drawn and never written as 0: the table
says why it is hidden, in the reader's language. Every text that goes into
an SVG passes through :func:`text` or :func:`svg_document`, which escape it.

Right-to-left pages read time from right to left, so the time charts draw
through a :class:`Frame` that mirrors x positions and text anchors when the
active language is bidirectional.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils import translation
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, pgettext

from publicoffice.core.disclosure import Figure, Flag

# The site's colours (static/publicoffice/site.css); contrast on white:
INK = "#1b1b1f"  # text, 16.8:1
MUTED = "#4a4a55"  # axes, 8.9:1
LINE = "#c9c5bb"  # grid lines, decorative only
ACCENT = "#0b5c4b"  # the figures, 7.7:1
COMPARE = "#8a5a00"  # the comparison line (also dashed, hollow dots), 5.6:1
WHITE = "#ffffff"
FONT = 'font-family="system-ui, sans-serif"'

#: Unicode isolates: keep "10–11" in this order inside right-to-left sentences.
LRI, PDI = "\u2066", "\u2069"


@dataclass(frozen=True)
class Cell:
    """One table cell; ``ltr`` for texts such as "10–11" that must not be reordered."""

    text: str
    ltr: bool = False


@dataclass(frozen=True)
class Table:
    """The data of a chart: the first cell of each row is the row's header."""

    caption: str
    headers: Sequence[Cell]
    rows: Sequence[Sequence[Cell]]


@dataclass(frozen=True)
class Chart:
    """A chart as the partial ``reports/_chart.html`` renders it.

    ``svg`` is empty when there is nothing to draw (the summary says so).
    """

    title: str
    summary: str
    svg: SafeString
    table: Table
    note: str = ""


def number(value: int | float | Decimal) -> str:
    """A number as the active language writes it (grouping included)."""
    return number_format(value, force_grouping=True)


def hidden_text(flag: Flag) -> str:
    """Why a figure is not shown, as the table and the summary say it."""
    if flag is Flag.TOO_FEW:
        return pgettext("report figures", "too few reports")
    if flag is Flag.SECONDARY:
        return pgettext("report figures", "hidden (protects a small figure)")
    if flag is Flag.NOT_PUBLISHED:
        return pgettext("report figures", "not published")
    return pgettext("report figures", "fewer than 5")


def figure_text(figure: Figure | None) -> str:
    """A figure for the table: its number, or why it is hidden; a missing one is 0."""
    if figure is None:
        return number(0)
    if figure.hidden or figure.value is None:
        return hidden_text(figure.flag)
    return number(figure.value)


def shown(figure: Figure | None) -> float | None:
    """The value to draw: None for a hidden figure (a gap), 0 for a missing one."""
    if figure is None:
        return 0.0
    if figure.hidden or figure.value is None:
        return None
    return float(figure.value)


def hour_range(hour: int) -> str:
    """ "10–11": the hour starting at ``hour``, digits as everywhere on the site."""
    return f"{hour:02d}–{hour + 1:02d}"


def isolate(text: str) -> str:
    """Keep a left-to-right piece in order inside a right-to-left sentence."""
    return f"{LRI}{text}{PDI}" if translation.get_language_bidi() else text


def empty_summary() -> str:
    return gettext("No figures for this period.")


def hidden_summary() -> str:
    return gettext("Some figures are hidden to protect small numbers; the table says which.")


def empty_chart(title: str, headers: Sequence[Cell]) -> Chart:
    """No data: a sentence, no drawing, an empty table (the partial skips it)."""
    return Chart(title, empty_summary(), mark_safe(""), Table(title, list(headers), []))


@dataclass(frozen=True)
class Frame:
    """A drawing area that mirrors x when the page reads right to left."""

    width: float
    height: float
    rtl: bool = False

    def x(self, value: float) -> float:
        return self.width - value if self.rtl else value

    def anchor(self, anchor: str) -> str:
        """``start``/``end`` meant for left-to-right, turned for right-to-left."""
        if not self.rtl or anchor == "middle":
            return anchor
        return "end" if anchor == "start" else "start"


def frame(width: float, height: float) -> Frame:
    return Frame(width, height, rtl=translation.get_language_bidi())


def text(
    x: float,
    y: float,
    content: str,
    *,
    anchor: str = "middle",
    size: int = 11,
    fill: str = INK,
    css_class: str = "",
) -> str:
    """An SVG <text>, escaped; always drawn left to right with its own bidi inside."""
    klass = f' class="{escape(css_class)}"' if css_class else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{fill}"{klass}>{escape(content)}</text>'
    )


def svg_document(width: float, height: float, title: str, parts: Iterable[str]) -> SafeString:
    """The <svg> element: hidden from screen readers, whose table says the same."""
    body = "".join(parts)
    return mark_safe(  # noqa: S308 - parts are built by text() and numbers; title escaped
        f'<svg viewBox="0 0 {width:.0f} {height:.0f}" width="100%" '
        f'aria-hidden="true" focusable="false" class="report-chart-svg" direction="ltr" '
        f"{FONT}><title>{escape(title)}</title>{body}</svg>"
    )


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """Round ticks from 0 to at least ``top``: 0, 250, 500 … rather than 0, 237, 474 …"""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if top >= 1:  # counts: whole-number ticks
        step = max(step, 1)
    steps = math.ceil(top / step - 1e-9)
    return [round(i * step, 6) for i in range(steps + 1)]


def tick_text(value: float) -> str:
    return number(int(value) if float(value).is_integer() else Decimal(str(value)))


def label_step(count: int, room: int = 12) -> int:
    """Write every n-th x label so that at most ``room`` labels are written."""
    return max(1, math.ceil(count / room))


def y_axis(area: Frame, box: tuple[float, float, float, float], ticks: list[float]) -> list[str]:
    """Grid lines and tick labels for a value axis; labels at the start side."""
    left, top, right, bottom = box
    parts = []
    for tick in ticks:
        y = bottom - (bottom - top) * tick / ticks[-1]
        x1, x2 = sorted((area.x(left), area.x(right)))
        colour = MUTED if tick == 0 else LINE
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y:.1f}" x2="{x2:.1f}" y2="{y:.1f}" stroke="{colour}" '
            f'stroke-width="1"></line>'
        )
        parts.append(text(area.x(left - 6), y + 4, tick_text(tick), anchor=area.anchor("end")))
    return parts
