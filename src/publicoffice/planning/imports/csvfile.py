"""CSV, as spreadsheets in Sweden write it: UTF-8 with or without a BOM, comma or semicolon.

A semicolon-separated file usually writes decimals with a comma ("12,5"),
so :attr:`CsvTable.decimal_comma` tells the number parser to accept it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from django.utils.translation import gettext as _

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.planning.imports.gpkg import Table


def read_table(path: Path) -> tuple[Table, bool]:
    """The header and rows of a CSV file, and whether its decimals are written with a comma."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DomainError(
            ErrorCode.PLANNING_FILE_UNREADABLE,
            _("The file is not a GeoPackage and not a CSV file in UTF-8."),
        ) from error
    if "\x00" in text:
        raise DomainError(ErrorCode.PLANNING_FILE_UNREADABLE)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if any(row)]
    except csv.Error as error:
        raise DomainError(ErrorCode.PLANNING_FILE_UNREADABLE) from error
    if not rows:
        raise DomainError(ErrorCode.PLANNING_EMPTY_FILE)
    header, *body = rows
    table = Table(columns=header, rows=body, points=None, epsg=None, first_row=2)  # type: ignore[arg-type]
    return table, delimiter == ";"
