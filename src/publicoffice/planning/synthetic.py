"""A made-up but realistic population grid for the demo and for tests.

Real grids come from Statistics Sweden, and their small counts are
protected; a demo needs residents anywhere, without real people. This one
lays 250 m cells around the municipality's offices: a dense suburb near each
office (a district the platform knows), a couple more suburbs between them,
and a sparse background of houses, drawn from a seeded generator so the
same seed gives the same grid. Ages come in four bands (0–19, 20–24, 25–64,
65+), younger in the dense suburbs. The source is of kind SYNTHETIC and its
attribution says that it is made up.
"""

from __future__ import annotations

import numpy as np
from django.utils.translation import gettext as _

from publicoffice.accounts.actors import Member
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import Municipality, Office, OfficeStatus
from publicoffice.planning import geo
from publicoffice.planning.imports import Grid, GroupColumn, districts
from publicoffice.planning.models import DemandKind, DemandSource
from publicoffice.planning.services.demand import write_cells

CELL_M = 250
#: How far the grid reaches beyond the outermost offices.
MARGIN_M = 4000
ATTRIBUTION = "Synthetic: made up for the demo by planning_demo_grid. These are not real residents."
BANDS = [
    GroupColumn("age_0_19", "0–19"),
    GroupColumn("age_20_24", "20–24"),
    GroupColumn("age_25_64", "25–64"),
    GroupColumn("age_65_plus", "65+"),
]
#: Shares of the bands in the background and in a dense suburb.
SPARSE_SHARES = np.array([0.21, 0.05, 0.50, 0.24])
DENSE_SHARES = np.array([0.28, 0.08, 0.52, 0.12])
DENSE = 80


def _office_points(municipality: Municipality) -> tuple[np.ndarray, np.ndarray]:
    offices = list(
        Office.objects.filter(municipality=municipality)
        .exclude(status=OfficeStatus.CLOSED)
        .values_list("longitude", "latitude")
    )
    if not offices:
        raise DomainError(
            ErrorCode.PLANNING_EMPTY_FILE,
            _("This municipality has no office to lay a synthetic grid around."),
        )
    lons = np.array([float(lon) for lon, _lat in offices])
    lats = np.array([float(lat) for _lon, lat in offices])
    return geo.to_sweref(lons, lats)


def _suburbs(rng: np.random.Generator, ox: np.ndarray, oy: np.ndarray) -> np.ndarray:
    """(x, y, peak residents per cell, spread in metres) of each dense suburb."""
    near = [
        (x + rng.uniform(-900, 900), y + rng.uniform(-900, 900))
        for x, y in zip(ox, oy, strict=True)
    ]
    extra = [
        (ox[i] + rng.uniform(-3000, 3000), oy[i] + rng.uniform(-3000, 3000))
        for i in rng.integers(0, len(ox), size=2)
    ]
    centres = np.array(near + extra)
    peaks = rng.uniform(180, 420, size=len(centres))
    spreads = rng.uniform(350, 800, size=len(centres))
    return np.column_stack([centres, peaks, spreads])


def synthetic_grid(municipality: Municipality, seed: int = 0) -> Grid:
    """The cells, checked like an imported file's, without writing anything."""
    rng = np.random.default_rng(seed)
    ox, oy = _office_points(municipality)
    west = (ox.min() - MARGIN_M) // CELL_M * CELL_M
    south = (oy.min() - MARGIN_M) // CELL_M * CELL_M
    xs = np.arange(west, ox.max() + MARGIN_M, CELL_M)
    ys = np.arange(south, oy.max() + MARGIN_M, CELL_M)
    corner_x, corner_y = (axis.ravel() for axis in np.meshgrid(xs, ys))
    cx, cy = corner_x + CELL_M // 2, corner_y + CELL_M // 2
    density = np.where(rng.random(cx.size) < 0.25, rng.uniform(1, 12, cx.size), 0.0)
    for sx, sy, peak, spread in _suburbs(rng, ox, oy):
        density += peak * np.exp(-((cx - sx) ** 2 + (cy - sy) ** 2) / (2 * spread**2))
    people = rng.poisson(density)
    grid = Grid(kind=DemandKind.SYNTHETIC, groups=list(BANDS), cell_size_m=CELL_M)
    for index in np.flatnonzero(people > 0).tolist():
        count = int(people[index])
        shares = DENSE_SHARES if density[index] >= DENSE else SPARSE_SHARES
        bands = rng.multinomial(count, shares)
        grid.refs.append(f"{int(corner_x[index])}{int(corner_y[index])}")
        grid.x.append(int(cx[index]))
        grid.y.append(int(cy[index]))
        grid.population.append(count)
        grid.counts.append({band.key: int(n) for band, n in zip(BANDS, bands, strict=True)})
    return grid


def generate_grid(
    municipality: Municipality, seed: int = 0, *, by: Member | None = None
) -> DemandSource:
    """A READY synthetic source of the municipality, its cells in their offices' districts."""
    grid = synthetic_grid(municipality, seed)
    source = DemandSource.objects.create(
        municipality=municipality,
        name=f"Synthetic grid 250 m, {municipality.name} (seed {seed})",
        kind=DemandKind.SYNTHETIC,
        attribution=ATTRIBUTION,
        created_by=by,
    )
    cell_districts = districts.nearest_office_districts(
        municipality, np.asarray(grid.x), np.asarray(grid.y)
    )
    write_cells(source, grid, cell_districts)
    return source
