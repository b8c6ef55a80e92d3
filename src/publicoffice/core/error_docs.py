"""The table of error codes in ``docs/api.md``, written from the registry.

The docs list every code with its HTTP status and default message; writing
the table from :data:`~publicoffice.core.error_specs.ERRORS` keeps the two
from drifting apart (a test compares them). Regenerate it with
``publicoffice error_codes --write``.
"""

from __future__ import annotations

from pathlib import Path

from django.utils import translation

from publicoffice.core.error_specs import ERRORS

START = "<!-- error-codes:start (written by `publicoffice error_codes --write`) -->"
END = "<!-- error-codes:end -->"


def error_table() -> str:
    """Every code, its status and its default message in English, as Markdown."""
    rows = ["| code | status | default message |", "|---|---|---|"]
    with translation.override("en"):
        for code, spec in ERRORS.items():
            message = str(spec.message).replace("|", "\\|")
            rows.append(f"| `{code}` | {spec.status} | {message} |")
    return "\n".join(rows)


def docs_with_table(text: str) -> str:
    """``text`` (a Markdown page) with the table between the markers replaced."""
    before, _start, rest = text.partition(START)
    _old, end, after = rest.partition(END)
    if not _start or not end:
        raise ValueError("the page has no error-codes markers")
    return f"{before}{START}\n{error_table()}\n{END}{after}"


def write_docs(page: Path) -> bool:
    """Rewrite the table in ``page``; whether anything changed."""
    text = page.read_text(encoding="utf-8")
    updated = docs_with_table(text)
    if updated != text:
        page.write_text(updated, encoding="utf-8")
    return updated != text
