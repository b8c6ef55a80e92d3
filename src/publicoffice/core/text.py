"""Cleaning what people type, once for every app.

Every free text is cleaned the same way before it is stored: control
characters become spaces (PostgreSQL refuses NUL; terminals and e-mail
clients obey escapes), line and paragraph separators too, and format
characters go, except the zero-width joiner and non-joiner that Persian and
Arabic spelling needs. Bidi overrides are format characters, so a name cannot
turn the text around it backwards; every user-written text is shown with
``dir="auto"`` instead.

Nothing here refuses or shortens silently: callers compare the length with
their limit and raise a ``text_too_long`` the person can fix.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

#: Format characters that spelling needs (zero-width non-joiner and joiner).
KEPT_FORMAT_CHARACTERS = "\u200c\u200d"


def _printable(text: str, *, keep: str = "") -> str:
    return "".join(
        char if char in keep else " " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char
        for char in text
        if unicodedata.category(char) != "Cf" or char in KEPT_FORMAT_CHARACTERS
    )


def one_line(value: Any) -> str:
    """One line of text: printable characters only, single spaces, no ends."""
    return " ".join(_printable(str(value)).split())


def paragraphs(value: Any) -> str:
    """Several lines (a message, a description): each line cleaned, at most
    one empty line in a row, no empty lines at either end."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    lines = [" ".join(line.split()) for line in _printable(text, keep="\n").split("\n")]
    return re.sub("\n{3,}", "\n\n", "\n".join(lines)).strip()
