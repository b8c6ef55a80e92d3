"""A run's result as files: CSV for a spreadsheet, GeoJSON for a GIS or a web map.

Both hold the open sites and the newly reached cells (as listed in the
summary: the most populous first, at most ``GAINS_CAP``), never a person:
a cell is a grid square's count of residents.

CSV: one table, one row per open site then one per newly reached cell,
told apart by the first column ``row`` (``site`` or ``cell``)::

    row, rank, name, new, easting, northing, latitude, longitude, residents, district

For a site ``name`` is its name, ``new`` is 1 for a chosen site and 0 for a
kept one, ``residents`` the residents it reaches first (rank order). For a
cell ``name`` is its cell id, ``rank`` and ``new`` are empty, ``residents``
its population. Easting and northing are SWEREF 99 TM metres, latitude and
longitude WGS 84. Text goes through :mod:`publicoffice.core.csv_safe`.

GeoJSON (RFC 7946, WGS 84 longitude, latitude): a FeatureCollection of
Points. Site properties: ``kind`` = "site", ``rank``, ``name``, ``new``,
``reached``. Cell properties: ``kind`` = "cell", ``ref``, ``population``,
``district``. A foreign member ``run`` carries the run's id, its scenario,
the totals and whether the list of cells was capped.
"""

from __future__ import annotations

import io
import json
from typing import Any

from publicoffice.core import csv_safe
from publicoffice.planning.models import Run
from publicoffice.planning.selectors.results import result_of

CSV_HEADER = [
    "row",
    "rank",
    "name",
    "new",
    "easting",
    "northing",
    "latitude",
    "longitude",
    "residents",
    "district",
]


def run_csv(run: Run) -> str:
    """The CSV text of the run (header first; see the module's docstring)."""
    result = result_of(run)
    out = io.StringIO()
    writer = csv_safe.writer(out)
    writer.writerow(CSV_HEADER)
    for site in result["sites"]:
        writer.writerow(
            [
                "site",
                site["rank"],
                site["name"],
                int(site["is_new"]),
                site["x"],
                site["y"],
                site["lat"],
                site["lon"],
                site["reached"],
                "",
            ]
        )
    for cell in result["gains"]:
        writer.writerow(
            [
                "cell",
                "",
                cell["ref"],
                "",
                cell["x"],
                cell["y"],
                cell["lat"],
                cell["lon"],
                cell["population"],
                cell["district"],
            ]
        )
    return out.getvalue()


def _point(lat: float, lon: float, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


def run_geojson(run: Run) -> dict[str, Any]:
    """The GeoJSON FeatureCollection of the run (see the module's docstring)."""
    result = result_of(run)
    features = [
        _point(
            site["lat"],
            site["lon"],
            {
                "kind": "site",
                "rank": site["rank"],
                "name": site["name"],
                "new": site["is_new"],
                "reached": site["reached"],
            },
        )
        for site in result["sites"]
    ]
    features += [
        _point(
            cell["lat"],
            cell["lon"],
            {
                "kind": "cell",
                "ref": cell["ref"],
                "population": cell["population"],
                "district": cell["district"],
            },
        )
        for cell in result["gains"]
    ]
    gains = result["gains_total"]
    return {
        "type": "FeatureCollection",
        "run": {
            "id": run.pk,
            "scenario": run.scenario.name,
            "reached": result["reached"],
            "population": result["population"],
            "cells_total": gains.get("cells_total", 0),
            "cells_capped": gains.get("capped", False),
        },
        "features": features,
    }


def run_geojson_text(run: Run) -> str:
    return json.dumps(run_geojson(run), ensure_ascii=False)
