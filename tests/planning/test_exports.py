"""A run's CSV and GeoJSON: they parse, hold the sites and cells, in Sweden, and nobody's name."""

from __future__ import annotations

import csv
import io
import json

import pytest

from publicoffice.planning.built import BuiltProblem
from publicoffice.planning.exports import CSV_HEADER, run_csv, run_geojson, run_geojson_text
from publicoffice.planning.geo import SWEDEN_LATLON
from publicoffice.planning.models import Candidate, Run
from tests.planning.conftest import World
from tests.planning.test_results import record_example


@pytest.fixture
def recorded(world: World) -> tuple[Run, list[Candidate], BuiltProblem]:
    return record_example(world)


def test_csv_has_one_row_per_site_then_per_newly_reached_cell(recorded):
    run, _sites, _built = recorded
    rows = list(csv.DictReader(io.StringIO(run_csv(run))))
    assert list(rows[0]) == CSV_HEADER
    sites = [row for row in rows if row["row"] == "site"]
    cells = [row for row in rows if row["row"] == "cell"]
    assert [(s["rank"], s["name"], s["new"], s["residents"]) for s in sites] == [
        ("1", "Ronna", "0", "500"),
        ("2", "Öst", "1", "300"),
        ("3", "Nordväst", "1", "300"),
    ]
    assert len(cells) == 6 and {c["residents"] for c in cells} == {"100"}
    assert {c["district"] for c in cells} == {"Ronna", "Hovsjö"}


def test_csv_escapes_formulas(recorded):
    run, _sites, _built = recorded
    Candidate.objects.filter(name="Öst").update(name="=HYPERLINK(1)")
    rows = list(csv.reader(io.StringIO(run_csv(run))))
    assert [row[2] for row in rows if row[2].endswith("HYPERLINK(1)")] == ["'=HYPERLINK(1)"]


def test_geojson_is_a_feature_collection_in_sweden(recorded):
    run, _sites, _built = recorded
    data = json.loads(run_geojson_text(run))
    assert data["type"] == "FeatureCollection"
    assert data["run"]["reached"]["new"] == 600
    south, west, north, east = SWEDEN_LATLON
    kinds = []
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert south <= lat <= north and west <= lon <= east
        kinds.append(feature["properties"]["kind"])
    assert kinds == ["site"] * 3 + ["cell"] * 6


def test_exports_hold_no_personal_data(recorded, world):
    run, _sites, _built = recorded
    text = run_csv(run) + json.dumps(run_geojson(run), ensure_ascii=False)
    for user in (world.officer, world.admin):
        assert user.email not in text
        assert str(user) not in text
    assert set(run_geojson(run)["features"][-1]["properties"]) == {
        "kind",
        "ref",
        "population",
        "district",
    }
