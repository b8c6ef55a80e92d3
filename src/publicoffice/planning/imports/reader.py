"""One grid from one file: read, find the columns, check every row, transform to SWEREF 99 TM.

The limits are constants, not settings: a national 1 km grid has about
115 000 populated cells and a national 250 m grid fits well under
:data:`MAX_ROWS`; anything larger is not a population grid this server
should hold.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from django.utils.translation import gettext as _

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.planning import geo
from publicoffice.planning.imports import csvfile, gpkg
from publicoffice.planning.imports.columns import GroupColumn, Layout, detect

MAX_ROWS = 600_000
MAX_BYTES = 200 * 1024 * 1024
#: Statistics Sweden's cells when the file does not say (``rutstorl``).
SCB_CELL_M = 1000
#: ``progress(percent)``: called as the rows are checked, every few percent.
Progress = Callable[[int], None]

__all__ = ["MAX_BYTES", "MAX_ROWS", "Grid", "GroupColumn", "Progress", "read_grid"]


@dataclass
class Grid:
    """Every cell of a file, checked: centres in SWEREF 99 TM metres."""

    kind: str
    refs: list[str] = field(default_factory=list)
    x: list[int] = field(default_factory=list)
    y: list[int] = field(default_factory=list)
    population: list[int] = field(default_factory=list)
    groups: list[GroupColumn] = field(default_factory=list)
    counts: list[dict[str, int]] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    cell_size_m: int | None = None

    @property
    def total(self) -> int:
        return sum(self.population)


def _bad(row: int, column: str, value: object) -> DomainError:
    shown = str(value)[:40]
    return DomainError(
        ErrorCode.PLANNING_BAD_VALUE,
        _("Row %(row)s, column “%(column)s”: “%(value)s” is not a number.")
        % {"row": row, "column": column, "value": shown},
        row=row,
        column=column,
    )


def number(value: object, row: int, column: str, *, decimal_comma: bool) -> float:
    """A cell of the file as a number; refused with its row and column."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        result = float(value)
    else:
        text = str(value if value is not None else "").strip().replace("\u00a0", "")
        if decimal_comma:
            text = text.replace(",", ".")
        try:
            result = float(text)
        except ValueError:
            raise _bad(row, column, value) from None
    if not math.isfinite(result):
        raise _bad(row, column, value)
    return result


def _scb_corner(ref: str, row: int, column: str) -> tuple[float, float]:
    """The lower-left corner a Statistics Sweden cell id encodes (6 + 7 digits)."""
    digits = ref.strip().split(".")[0]
    if len(digits) != 13 or not digits.isdigit():
        raise _bad(row, column, ref)
    return float(digits[:6]), float(digits[6:])


def _check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DomainError(
            ErrorCode.PLANNING_FILE_TOO_LARGE,
            _("The file is larger than %(limit)s MB.") % {"limit": MAX_BYTES // (1024 * 1024)},
        )
    if size == 0:
        raise DomainError(ErrorCode.PLANNING_EMPTY_FILE)


def _open(path: Path) -> tuple[gpkg.Table, bool, str]:
    if gpkg.is_geopackage(path):
        table = gpkg.read_table(path)
        scb = table.layer.lower().startswith("befolkning") or "rutid_scb" in table.columns
        return table, False, "scb_grid" if scb else "geopackage"
    table, decimal_comma = csvfile.read_table(path)
    return table, decimal_comma, "csv"


def read_grid(path: Path, crs: str | int | None = None, progress: Progress | None = None) -> Grid:
    """Every cell of the file at ``path``, or the first reason it cannot be imported."""
    _check_size(path)
    table, decimal_comma, kind = _open(path)
    if not table.rows:
        raise DomainError(ErrorCode.PLANNING_EMPTY_FILE)
    if len(table.rows) > MAX_ROWS:
        raise DomainError(
            ErrorCode.PLANNING_FILE_TOO_LARGE,
            _("The file has more than %(limit)s rows.") % {"limit": f"{MAX_ROWS:,}"},
        )
    layout = detect(table.columns, has_points=table.points is not None)
    grid = Grid(kind=kind, groups=[group for _i, group in layout.groups])
    xs, ys = _rows(table, layout, grid, decimal_comma, progress)
    epsg = _epsg(table, layout, crs)
    with np.errstate(invalid="ignore"):  # a wrong system gives infinities: refused below
        east, north = geo.to_sweref(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float), epsg)
    outside = np.flatnonzero(~geo.in_sweden(east, north))
    if outside.size:
        raise DomainError(
            ErrorCode.PLANNING_WRONG_CRS,
            _(
                "Row %(row)s lies outside Sweden once read as EPSG:%(epsg)s. "
                "Check the file's coordinate system."
            )
            % {"row": _row_number(table, int(outside[0])), "epsg": epsg},
        )
    grid.x, grid.y = east.tolist(), north.tolist()
    grid.refs = [ref or f"{x}_{y}" for ref, x, y in zip(grid.refs, grid.x, grid.y, strict=True)]
    _no_duplicates(table, grid.refs)
    return grid


def _row_number(table: gpkg.Table, index: int) -> int:
    """The row as a person counts it: a CSV's header is line 1; a layer's features start at 1."""
    return index + table.first_row


def _epsg(table: gpkg.Table, layout: Layout, crs: str | int | None) -> int:
    """The file's system: what the officer says, else the GeoPackage's, else by the columns."""
    if crs not in (None, ""):
        return geo.epsg_of(crs)
    if table.points is not None:
        if table.epsg is None:
            raise DomainError(ErrorCode.PLANNING_WRONG_CRS)
        return table.epsg
    return geo.WGS84 if layout.geographic else geo.SWEREF99TM


def _no_duplicates(table: gpkg.Table, refs: list[str]) -> None:
    seen: set[str] = set()
    for index, ref in enumerate(refs):
        if ref in seen:
            raise DomainError(
                ErrorCode.PLANNING_DUPLICATE_CELL,
                _("Row %(row)s repeats the cell “%(cell)s”.")
                % {"row": _row_number(table, index), "cell": ref[:40]},
                row=_row_number(table, index),
            )
        seen.add(ref)


@dataclass
class _Reading:
    """How to read the rows of one table."""

    table: gpkg.Table
    layout: Layout
    decimal_comma: bool

    def value(self, row: list[object], at: int | None) -> object:
        return row[at] if at is not None and at < len(row) else None

    def number(self, row: list[object], at: int, line: int) -> float:
        column = self.table.columns[at]
        return number(self.value(row, at), line, column, decimal_comma=self.decimal_comma)


def _rows(
    table: gpkg.Table, layout: Layout, grid: Grid, decimal_comma: bool, progress: Progress | None
) -> tuple[list[float], list[float]]:
    """Check every row into ``grid``; the coordinates as the file gives them."""
    reading = _Reading(table, layout, decimal_comma)
    xs: list[float] = []
    ys: list[float] = []
    total = len(table.rows)
    step = max(1, total // 50)
    for index, row in enumerate(table.rows):
        if progress is not None and index % step == 0:
            progress(index * 100 // total)
        line = index + table.first_row
        population = _not_negative(reading.number(row, layout.population, line), line)
        grid.population.append(round(population))
        grid.counts.append(
            {group.key: round(_count(reading, row, at, line)) for at, group in layout.groups}
        )
        district = reading.value(row, layout.district)
        grid.districts.append(str(district).strip() if district is not None else "")
        x, y = _point(reading, row, index, grid)
        xs.append(x)
        ys.append(y)
    if progress is not None:
        progress(100)
    return xs, ys


def _count(reading: _Reading, row: list[object], at: int, line: int) -> float:
    """A group's count; an empty cell counts 0 (Statistics Sweden leaves some empty)."""
    if str(reading.value(row, at) or "").strip() == "":
        return 0
    return _not_negative(reading.number(row, at, line), line)


def _not_negative(value: float, line: int) -> float:
    if value < 0:
        raise DomainError(
            ErrorCode.PLANNING_NEGATIVE_POPULATION,
            _("Row %(row)s has a negative population.") % {"row": line},
            row=line,
        )
    return value


def _point(reading: _Reading, row: list[object], index: int, grid: Grid) -> tuple[float, float]:
    """The row's point in the file's system, and its id into ``grid.refs``."""
    layout, table = reading.layout, reading.table
    line = index + table.first_row
    ref = str(reading.value(row, layout.ref) or "").strip()
    grid.refs.append(ref[:40])
    if layout.size is not None:
        grid.cell_size_m = round(reading.number(row, layout.size, line))
    if layout.coords is not None:
        x_at, y_at = layout.coords
        return reading.number(row, x_at, line), reading.number(row, y_at, line)
    point = table.points[index] if table.points is not None else None
    if point is not None:
        return point
    column = table.columns[layout.ref] if layout.ref is not None else "geometry"
    east, north = _scb_corner(ref, line, column)
    grid.cell_size_m = grid.cell_size_m or SCB_CELL_M
    half = grid.cell_size_m / 2
    return east + half, north + half
