"""CSV that a spreadsheet program opens as data, never as formulas.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is read by Excel, LibreOffice and Google Sheets as a formula, and a
formula can fetch addresses or run commands ("CSV injection"). Exports
contain text other people wrote (office names, event titles), so every
text cell goes through :func:`safe_cell`, which puts a ``'`` in front, as
OWASP advises: the spreadsheet then shows the text as it is. Numbers
written as numbers (``int``, ``float``, ``Decimal``) stay numbers, a
negative one included; only text is escaped. Every CSV export of the
project writes through :func:`writer` or :func:`dict_writer`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def safe_cell(value: Any) -> Any:
    """``value``, with a ``'`` in front if it is text a spreadsheet would run."""
    if value is None or isinstance(value, int | float | Decimal):
        return value  # bool is an int: True/False are never formulas either
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_row(row: Iterable[Any]) -> list[Any]:
    """Every cell of ``row`` through :func:`safe_cell`."""
    return [safe_cell(value) for value in row]


class SafeWriter:
    """``csv.writer`` whose rows are escaped (the header too: it is text)."""

    def __init__(self, out: _Writable, **options: Any) -> None:
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class SafeDictWriter(csv.DictWriter):  # not subscriptable at run time in 3.11
    """``csv.DictWriter`` whose values are escaped."""

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow({key: safe_cell(value) for key, value in rowdict.items()})

    def writerows(self, rowdicts: Iterable[Mapping[str, Any]]) -> None:
        for row in rowdicts:
            self.writerow(row)


def writer(out: _Writable, **options: Any) -> SafeWriter:
    """A CSV writer for exports: like ``csv.writer``, formulas escaped."""
    return SafeWriter(out, **options)


def dict_writer(out: _Writable, fieldnames: list[str], **options: Any) -> SafeDictWriter:
    """A CSV dict writer for exports: like ``csv.DictWriter``, formulas escaped."""
    return SafeDictWriter(out, fieldnames=fieldnames, **options)
