"""GeoPackage, read with the standard library's sqlite3: no GDAL on the server.

A GeoPackage is an SQLite database: ``gpkg_contents`` names its layers,
``gpkg_geometry_columns`` a layer's geometry column and coordinate system,
``gpkg_spatial_ref_sys`` what that system is. A geometry is a small "GP"
header (version, flags, system id, an optional envelope) followed by
well-known binary (WKB). Planning needs one point per row: a point as it is,
a polygon (a grid square) by the centre of its bounding box, which for a
square cell is its centre.
"""

from __future__ import annotations

import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.planning.geo import epsg_of

SQLITE_MAGIC = b"SQLite format 3\x00"
#: Bytes of the envelope by the flags' envelope indicator (GeoPackage 1.3, table 2.1.3).
ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
POINT, POLYGON, MULTIPOLYGON = 1, 3, 6


@dataclass
class Table:
    """The rows of one layer (or CSV file): values by column, and each row's point if any."""

    columns: list[str]
    rows: list[list[object]]
    points: list[tuple[float, float] | None] | None
    epsg: int | None
    layer: str = ""
    #: The number a person gives the first row: a CSV's header is line 1.
    first_row: int = 1


def is_geopackage(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def _unreadable(detail: str) -> DomainError:
    return DomainError(
        ErrorCode.PLANNING_FILE_UNREADABLE,
        _("The GeoPackage could not be read: %(detail)s") % {"detail": detail},
    )


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _layer(db: sqlite3.Connection) -> tuple[str, str | None, int | None]:
    """The first feature layer (or table of attributes): its name, geometry column, system id."""
    found = db.execute(
        "SELECT table_name, data_type FROM gpkg_contents "
        "WHERE data_type IN ('features', 'attributes') ORDER BY data_type DESC, table_name"
    ).fetchone()
    if found is None:
        raise _unreadable(_("it holds no layer."))
    name = str(found[0])
    geometry = db.execute(
        "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (name,)
    ).fetchone()
    if geometry is None:
        return name, None, None
    return name, str(geometry[0]), int(geometry[1])


def _epsg(db: sqlite3.Connection, srs_id: int | None) -> int | None:
    """The layer's EPSG code; None when the file leaves it undefined (system 0 or -1)."""
    if srs_id is None or srs_id in (0, -1):
        return None
    row = db.execute(
        "SELECT organization, organization_coordsys_id, definition "
        "FROM gpkg_spatial_ref_sys WHERE srs_id = ?",
        (srs_id,),
    ).fetchone()
    if row is None:
        raise DomainError(ErrorCode.PLANNING_WRONG_CRS)
    organization, code, definition = row
    if str(organization).upper() == "EPSG" and int(code) > 0:
        return int(code)
    if not definition or str(definition).strip().lower() == "undefined":
        return None
    return epsg_of(str(definition))


def read_table(path: Path) -> Table:
    """Every row of the file's first layer, with each geometry's centre."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise _unreadable(str(error)) from error
    try:
        name, geometry, srs_id = _layer(db)
        cursor = db.execute(f"SELECT * FROM {_quoted(name)}")  # noqa: S608 (a quoted name)
        columns = [str(d[0]) for d in cursor.description]
        rows = [list(row) for row in cursor]
        epsg = _epsg(db, srs_id)
    except sqlite3.Error as error:
        raise _unreadable(str(error)) from error
    finally:
        db.close()
    points = None
    if geometry is not None:
        at = columns.index(geometry)
        points = [centre(row.pop(at)) for row in rows]
        columns.pop(at)
    return Table(columns=columns, rows=rows, points=points, epsg=epsg, layer=name)


def centre(blob: bytes | None) -> tuple[float, float] | None:
    """A GeoPackage geometry's centre: the envelope's if it has one, else from the WKB."""
    if not blob:
        return None
    data = bytes(blob)
    if data[:2] != b"GP" or len(data) < 8:
        raise _unreadable(_("a geometry is not in GeoPackage's binary format."))
    flags = data[3]
    if flags & 0x10:  # an empty geometry
        return None
    order = "<" if flags & 1 else ">"
    indicator = (flags >> 1) & 7
    if indicator not in ENVELOPE_BYTES:
        raise _unreadable(_("a geometry has an unknown envelope."))
    if indicator:
        min_x, max_x, min_y, max_y = struct.unpack_from(order + "4d", data, 8)
        return (min_x + max_x) / 2, (min_y + max_y) / 2
    return wkb_centre(data[8 + ENVELOPE_BYTES[indicator] :])


def wkb_centre(wkb: bytes) -> tuple[float, float] | None:
    """A point, or the centre of a (multi)polygon's bounding box, from well-known binary."""
    try:
        xs, ys = _wkb_points(wkb, 0)[0]
    except (struct.error, IndexError) as error:
        raise _unreadable(_("a geometry is damaged.")) from error
    if not xs:
        return None
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def _wkb_points(wkb: bytes, at: int) -> tuple[tuple[list[float], list[float]], int]:
    """The coordinates of one WKB geometry starting at ``at``, and where it ends."""
    order = "<" if wkb[at] == 1 else ">"
    (raw,) = struct.unpack_from(order + "I", wkb, at + 1)
    kind = raw & 0x0FFFFFFF  # EWKB's flags say Z and M in the top bits
    base, variant = kind % 1000, kind // 1000
    has_z = variant in (1, 3) or bool(raw & 0x80000000)
    has_m = variant in (2, 3) or bool(raw & 0x40000000)
    dims = 2 + has_z + has_m
    at += 5
    xs: list[float] = []
    ys: list[float] = []
    if base == POINT:
        x, y = struct.unpack_from(order + "2d", wkb, at)
        return ([x], [y]), at + 8 * dims
    if base == POLYGON:
        (rings,) = struct.unpack_from(order + "I", wkb, at)
        at += 4
        for ring in range(rings):
            (count,) = struct.unpack_from(order + "I", wkb, at)
            at += 4
            for _index in range(count):
                x, y = struct.unpack_from(order + "2d", wkb, at)
                if ring == 0:
                    xs.append(x)
                    ys.append(y)
                at += 8 * dims
        return (xs, ys), at
    if base in (4, MULTIPOLYGON):
        (parts,) = struct.unpack_from(order + "I", wkb, at)
        at += 4
        for _part in range(parts):
            (part_xs, part_ys), at = _wkb_points(wkb, at)
            xs += part_xs
            ys += part_ys
        return (xs, ys), at
    raise _unreadable(_("a geometry is neither a point nor a polygon."))
