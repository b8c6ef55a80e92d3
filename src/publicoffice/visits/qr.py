"""QR codes as inline SVG (no images to serve, sharp when printed)."""

from __future__ import annotations

import segno
from django.utils.safestring import SafeString, mark_safe


def qr_svg(url: str, *, title: str, scale: int = 8) -> SafeString:
    """An inline ``<svg>`` QR code for ``url``, with an accessible title."""
    code = segno.make_qr(url, error="m")
    # omitsize: a viewBox instead of fixed width/height, so CSS can scale the
    # code without cropping it.
    svg = code.svg_inline(
        scale=scale, title=title, dark="#000000", light="#ffffff", border=2, omitsize=True
    )
    # segno escapes the title; the rest is its own markup.
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308
