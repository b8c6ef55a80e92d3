"""Cleaning what people type, once for every app.

Every free text is cleaned the same way before it is stored: control
characters become spaces (PostgreSQL refuses NUL; terminals and e-mail
clients obey escapes), line and paragraph separators too. Of the invisible
format characters only those that can reorder the text *around* what a
person wrote go: the bidi embeddings, overrides and isolates (so a name
cannot turn a page's sentence backwards), the byte-order mark and the
interlinear annotation marks. Everything people need to write stays: the
zero-width joiner and non-joiner of Persian and Arabic spelling, the
left-to-right, right-to-left and Arabic letter marks, soft hyphens and the
tag characters of flag emoji. Every user-written text is shown with
``dir="auto"``.

Nothing here refuses or shortens silently: callers compare the length with
their limit and raise a ``text_too_long`` the person can fix.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from django.utils.translation import gettext as _

from publicoffice.core.errors import DomainError, ErrorCode

#: Invisible characters that reorder or hide the text around them.
DROPPED_FORMAT_CHARACTERS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\ufeff"  # byte-order mark
    "\ufff9\ufffa\ufffb"  # interlinear annotation
)


def _printable(text: str, *, keep: str = "") -> str:
    return "".join(
        char if char in keep else " " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char
        for char in text
        if char not in DROPPED_FORMAT_CHARACTERS
    )


def one_line(value: Any) -> str:
    """One line of text: printable characters only, single spaces, no ends."""
    return " ".join(_printable(str(value)).split())


def paragraphs(value: Any, *, as_laid_out: bool = False) -> str:
    """Several lines (a message, a description): each line cleaned, at most
    one empty line in a row, no empty lines at either end.

    ``as_laid_out`` keeps the spaces, tabs and empty lines a person used to
    lay a text out (an event's programme, indented by hand); the characters
    are cleaned all the same.
    """
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if as_laid_out:
        return _printable(text, keep="\n\t").strip()
    lines = [" ".join(line.split()) for line in _printable(text, keep="\n").split("\n")]
    return re.sub("\n{3,}", "\n\n", "\n".join(lines)).strip()


def within_limit(cleaned: str, *, field: str, limit: int) -> str:
    """``cleaned`` unchanged, or a ``text_too_long`` naming the field and both
    lengths, so the person can shorten it themselves (never a silent cut)."""
    if len(cleaned) > limit:
        raise DomainError(
            ErrorCode.TEXT_TOO_LONG,
            _("Keep it under %(limit)s characters; now it is %(length)s.")
            % {"limit": limit, "length": len(cleaned)},
            field=field,
            limit=limit,
        )
    return cleaned


def clean_line(value: Any, *, field: str, limit: int, missing: Any) -> str:
    """One line of required text (a title, a reason), cleaned and within ``limit``."""
    if not isinstance(value, str):
        raise DomainError(ErrorCode.TEXT_INVALID, _("This text could not be read."), field=field)
    text = one_line(value)
    if not text:
        raise DomainError(ErrorCode.TEXT_MISSING, missing, field=field)
    return within_limit(text, field=field, limit=limit)


def clean_paragraphs(value: Any, *, field: str, limit: int, missing: Any) -> str:
    """Several lines of required text (a proposal, an answer), cleaned and within ``limit``."""
    if not isinstance(value, str):
        raise DomainError(ErrorCode.TEXT_INVALID, _("This text could not be read."), field=field)
    text = paragraphs(value)
    if not text:
        raise DomainError(ErrorCode.TEXT_MISSING, missing, field=field)
    return within_limit(text, field=field, limit=limit)
