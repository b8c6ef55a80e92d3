"""Reading the small CSV files officers send: candidate premises and travel-time matrices.

Shared by ``services/candidates.py`` and ``services/matrices.py`` so both
refuse the same way: a file that is too large, not UTF-8, or empty is
refused before any row is read; every row error names its row number as a
spreadsheet shows it (the header is row 1). Swedish spreadsheets save with
semicolons and decimal commas; both are read.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from publicoffice.core.errors import DomainError, ErrorCode


@dataclass(frozen=True)
class Table:
    """A CSV file's lower-cased header and its rows, each with its row number."""

    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]
    decimal_comma: bool


def read_table(path: str | Path, *, max_bytes: int) -> Table:
    """The file's rows, or a refusal: too large, unreadable, or no rows."""
    if os.path.getsize(path) > max_bytes:
        raise DomainError(ErrorCode.PLANNING_FILE_TOO_LARGE)
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DomainError(
            ErrorCode.PLANNING_FILE_UNREADABLE, _("The file is not a UTF-8 CSV file.")
        ) from error
    if "\x00" in text:
        raise DomainError(ErrorCode.PLANNING_FILE_UNREADABLE, _("The file is not a CSV file."))
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        lines = list(reader)
    except csv.Error as error:
        raise DomainError(ErrorCode.PLANNING_FILE_UNREADABLE) from error
    if not lines:
        raise DomainError(ErrorCode.PLANNING_EMPTY_FILE)
    columns = [name.strip().lower() for name in lines[0]]
    rows = list(_rows(columns, lines[1:]))
    if not rows:
        raise DomainError(ErrorCode.PLANNING_EMPTY_FILE)
    return Table(columns, rows, decimal_comma=delimiter == ";")


def _rows(columns: list[str], lines: list[list[str]]) -> Iterator[tuple[int, dict[str, str]]]:
    for number, line in enumerate(lines, start=2):
        if not any(value.strip() for value in line):
            continue
        if len(line) > len(columns):
            raise DomainError(
                ErrorCode.PLANNING_BAD_VALUE,
                _("Row %(row)s has more values than the header has columns.") % {"row": number},
                row=number,
            )
        yield number, {name: value.strip() for name, value in zip(columns, line, strict=False)}


def require_columns(table: Table, *groups: tuple[str, ...]) -> list[str]:
    """For each group of accepted spellings, the one the file uses; refused if any lacks."""
    found, missing = [], []
    for names in groups:
        name = next((n for n in names if n in table.columns), None)
        if name is None:
            missing.append(names[0])
        else:
            found.append(name)
    if missing:
        raise DomainError(
            ErrorCode.PLANNING_MISSING_COLUMNS,
            _("The file lacks these columns: %(columns)s.") % {"columns": ", ".join(missing)},
            columns=missing,
        )
    return found


def number(table: Table, row: int, column: str, value: str) -> float:
    """A finite number from a cell, or a refusal naming the row and the column."""
    text = value.replace(",", ".") if table.decimal_comma else value
    try:
        result = float(text)
    except ValueError:
        result = math.nan
    if not math.isfinite(result):
        raise DomainError(
            ErrorCode.PLANNING_BAD_VALUE,
            _("Row %(row)s: “%(value)s” in column %(column)s is not a number.")
            % {"row": row, "value": value[:40], "column": column},
            row=row,
            column=column,
        )
    return result
