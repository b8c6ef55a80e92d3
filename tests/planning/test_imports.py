"""Reading population grids: Statistics Sweden's GeoPackage, CSV files, and bad files.

The GeoPackage is built here with sqlite3 in the structure of Statistics
Sweden's open grid (layer ``befolkning_1km_2024``, geometry ``sp_geometry``,
columns ``rutid_scb``, ``rutstorl``, ``beftotalt``, five-year age bands).
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

import pytest

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.planning.geo import latlon_to_sweref
from publicoffice.planning.imports import gpkg, read_grid, reader
from tests.planning.conftest import RONNA

SCB_COLUMNS = ("rutid_scb", "rutid_inspire", "rutstorl", "beftotalt", "ald0_4", "ald20_24")


def corner() -> tuple[int, int]:
    """The lower-left corner of the 1 km cell Ronna's office lies in."""
    x, y = latlon_to_sweref(*RONNA)
    return x // 1000 * 1000, y // 1000 * 1000


def square(x: int, y: int, size: int, *, envelope: bool = True, srs: int = 3006) -> bytes:
    """A GeoPackage polygon blob: the "GP" header (little-endian) and a WKB square."""
    ring = [(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]
    wkb = struct.pack("<BII", 1, 3, 1) + struct.pack("<I", len(ring))
    wkb += b"".join(struct.pack("<2d", px, py) for px, py in ring)
    flags = 0b011 if envelope else 0b001
    header = b"GP" + bytes([0, flags]) + struct.pack("<i", srs)
    if envelope:
        header += struct.pack("<4d", x, x + size, y, y + size)
    return header + wkb


def point(x: float, y: float, srs: int = 3006) -> bytes:
    return b"GP" + bytes([0, 1]) + struct.pack("<i", srs) + struct.pack("<BI2d", 1, 1, x, y)


def make_gpkg(
    path: Path,
    rows: list[tuple],
    *,
    layer: str = "befolkning_1km_2024",
    columns: tuple[str, ...] = SCB_COLUMNS,
    srs: int = 3006,
    organization: str = "EPSG",
) -> Path:
    """A GeoPackage of ``rows``: (geometry blob, *values in ``columns``)."""
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY,
            organization TEXT, organization_coordsys_id INTEGER, definition TEXT,
            description TEXT);
        CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT,
            identifier TEXT, description TEXT, last_change TEXT, min_x REAL, min_y REAL,
            max_x REAL, max_y REAL, srs_id INTEGER);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT,
            geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
        """
    )
    db.execute(
        "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
        ("SWEREF99 TM", srs, organization, srs, "undefined", ""),
    )
    db.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, srs_id) VALUES (?, 'features', ?)",
        (layer, srs),
    )
    db.execute(
        "INSERT INTO gpkg_geometry_columns VALUES (?, 'sp_geometry', 'POLYGON', ?, 0, 0)",
        (layer, srs),
    )
    names = ", ".join(f'"{name}"' for name in columns)
    db.execute(f'CREATE TABLE "{layer}" (fid INTEGER PRIMARY KEY, sp_geometry BLOB, {names})')
    marks = ", ".join("?" for _ in range(len(columns) + 1))
    db.executemany(f'INSERT INTO "{layer}" (sp_geometry, {names}) VALUES ({marks})', rows)
    db.commit()
    db.close()
    return path


def scb_rows(count: int = 3) -> list[tuple]:
    x0, y0 = corner()
    rows = []
    for i in range(count):
        x, y = x0 + 1000 * i, y0
        rows.append(
            (square(x, y, 1000), f"{x}{y}", f"SE_CRS3006RES1000mN{y}E{x}", 1000, 100 + i, 10, 7)
        )
    return rows


def write(path: Path, text: str, *, bom: bool = False) -> Path:
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def refusal(path: Path, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as caught:
        read_grid(path, **kwargs)
    return caught.value


def test_statistics_swedens_geopackage_is_read_with_its_cell_centres_and_age_bands(tmp_path):
    grid = read_grid(make_gpkg(tmp_path / "scb.gpkg", scb_rows()))
    x0, y0 = corner()
    assert grid.kind == "scb_grid"
    assert grid.refs[0] == f"{x0}{y0}"
    assert (grid.x[0], grid.y[0]) == (x0 + 500, y0 + 500)
    assert grid.population == [100, 101, 102]
    assert grid.cell_size_m == 1000
    assert [(g.key, g.label) for g in grid.groups] == [("ald0_4", "0–4"), ("ald20_24", "20–24")]
    assert grid.counts[0] == {"ald0_4": 10, "ald20_24": 7}


def test_a_polygon_without_envelope_and_a_point_give_their_centres():
    x0, y0 = corner()
    assert gpkg.centre(square(x0, y0, 1000, envelope=False)) == (x0 + 500, y0 + 500)
    assert gpkg.centre(point(x0 + 3.0, y0 + 4.0)) == (x0 + 3.0, y0 + 4.0)
    assert gpkg.centre(None) is None


def test_a_geopackage_without_geometry_uses_statistics_swedens_cell_ids(tmp_path):
    rows = [(None, *row[1:]) for row in scb_rows(2)]
    grid = read_grid(make_gpkg(tmp_path / "ids.gpkg", rows))
    x0, y0 = corner()
    assert (grid.x[1], grid.y[1]) == (x0 + 1500, y0 + 500)


def test_a_geopackage_in_an_unknown_system_is_refused(tmp_path):
    path = make_gpkg(tmp_path / "odd.gpkg", scb_rows(), srs=-1, organization="NONE")
    assert refusal(path).code == ErrorCode.PLANNING_WRONG_CRS
    assert read_grid(path, crs="EPSG:3006").population == [100, 101, 102]


def test_a_geopackage_in_the_wrong_system_lies_outside_sweden(tmp_path):
    path = make_gpkg(tmp_path / "wgs.gpkg", scb_rows(), srs=4326)
    error = refusal(path)
    assert error.code == ErrorCode.PLANNING_WRONG_CRS
    assert "EPSG:4326" in str(error.message)


def test_a_csv_with_sweref_coordinates_semicolons_and_decimal_commas(tmp_path):
    x, y = latlon_to_sweref(*RONNA)
    path = write(
        tmp_path / "grid.csv",
        f"id;Easting;Northing;Population;age_0_19;age_65_plus;District\n"
        f"a;{x};{y};12,0;3;4;Ronna\nb;{x + 250};{y};8;;1;Hovsjö\n",
        bom=True,
    )
    grid = read_grid(path)
    assert grid.kind == "csv"
    assert grid.refs == ["a", "b"]
    assert grid.x == [x, x + 250]
    assert grid.population == [12, 8]
    assert [g.label for g in grid.groups] == ["0–19", "65+"]
    assert grid.counts[1] == {"age_0_19": 0, "age_65_plus": 1}
    assert grid.districts == ["Ronna", "Hovsjö"]


def test_a_csv_in_wgs84_is_transformed_and_cells_without_id_are_named_by_their_centre(tmp_path):
    path = write(tmp_path / "wgs.csv", f"lat,lon,pop\n{RONNA[0]},{RONNA[1]},40\n")
    grid = read_grid(path)
    x, y = latlon_to_sweref(*RONNA)
    assert (grid.x[0], grid.y[0]) == (x, y)
    assert grid.refs == [f"{x}_{y}"]


def test_the_officer_may_name_the_system(tmp_path):
    path = write(tmp_path / "named.csv", f"x,y,pop\n{RONNA[1]},{RONNA[0]},5\n")
    assert refusal(path).code == ErrorCode.PLANNING_WRONG_CRS
    assert read_grid(path, crs="EPSG:4326").population == [5]
    assert refusal(path, crs="not a system").code == ErrorCode.PLANNING_WRONG_CRS


def test_missing_columns_are_listed(tmp_path):
    error = refusal(write(tmp_path / "m.csv", "name,value\nx,1\n"))
    assert error.code == ErrorCode.PLANNING_MISSING_COLUMNS
    assert len(error.details["columns"]) == 2
    assert "beftotalt" in str(error.message)


@pytest.mark.parametrize(
    ("body", "code", "row"),
    [
        ("a,{x},{y},-3\n", ErrorCode.PLANNING_NEGATIVE_POPULATION, 2),
        ("a,{x},{y},5\nb,{x},{y},many\n", ErrorCode.PLANNING_BAD_VALUE, 3),
        ("a,{x},{y},5\na,{x},{y},6\n", ErrorCode.PLANNING_DUPLICATE_CELL, 3),
        ("a,{x},nan,5\n", ErrorCode.PLANNING_BAD_VALUE, 2),
    ],
)
def test_bad_rows_are_refused_with_their_row(tmp_path, body, code, row):
    x, y = latlon_to_sweref(*RONNA)
    error = refusal(write(tmp_path / "bad.csv", "id,x,y,pop\n" + body.format(x=x, y=y)))
    assert error.code == code
    assert error.details["row"] == row


def test_a_bad_value_names_its_column_and_keeps_names_as_text(tmp_path):
    x, y = latlon_to_sweref(*RONNA)
    odd = "<b>سكان 👪</b>"
    error = refusal(write(tmp_path / "odd.csv", f"id,x,y,pop\n{odd},{x},{y},{odd}\n"))
    assert error.details["column"] == "pop"
    assert odd in str(error.message)


def test_names_in_any_script_are_kept_as_cell_ids(tmp_path):
    x, y = latlon_to_sweref(*RONNA)
    grid = read_grid(write(tmp_path / "n.csv", f"id,x,y,pop\nحي 👪 <i>,{x},{y},3\n"))
    assert grid.refs == ["حي 👪 <i>"]


@pytest.mark.parametrize("text", ["", "id,x,y,pop\n", "\n\n"])
def test_an_empty_file_is_refused(tmp_path, text):
    assert refusal(write(tmp_path / "e.csv", text)).code == ErrorCode.PLANNING_EMPTY_FILE


def test_a_file_that_is_neither_csv_nor_geopackage_is_unreadable(tmp_path):
    path = tmp_path / "x.bin"
    path.write_bytes(b"\xff\xfe\x00\x01binary")
    assert refusal(path).code == ErrorCode.PLANNING_FILE_UNREADABLE
    broken = tmp_path / "broken.gpkg"
    broken.write_bytes(gpkg.SQLITE_MAGIC + b"\x00" * 100)
    assert refusal(broken).code == ErrorCode.PLANNING_FILE_UNREADABLE


def test_too_many_rows_or_bytes_are_refused(tmp_path, monkeypatch):
    x, y = latlon_to_sweref(*RONNA)
    path = write(tmp_path / "big.csv", "x,y,pop\n" + "".join(f"{x + i},{y},1\n" for i in range(5)))
    monkeypatch.setattr(reader, "MAX_ROWS", 4)
    assert refusal(path).code == ErrorCode.PLANNING_FILE_TOO_LARGE
    monkeypatch.setattr(reader, "MAX_BYTES", 10)
    assert refusal(path).code == ErrorCode.PLANNING_FILE_TOO_LARGE


def test_progress_is_reported_up_to_100(tmp_path):
    x, y = latlon_to_sweref(*RONNA)
    path = write(tmp_path / "p.csv", "x,y,pop\n" + "".join(f"{x + i},{y},1\n" for i in range(200)))
    seen: list[int] = []
    read_grid(path, progress=seen.append)
    assert seen[0] == 0
    assert seen[-1] == 100
    assert seen == sorted(seen)
