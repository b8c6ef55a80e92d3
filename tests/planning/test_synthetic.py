"""The synthetic demo grid: made up, marked so, realistic enough, the same for the same seed."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.planning.models import DemandKind, DemandSource, ImportStatus
from publicoffice.planning.synthetic import BANDS, CELL_M, generate_grid, synthetic_grid
from tests.factories import MunicipalityFactory
from tests.planning.conftest import centre


def test_the_grid_is_synthetic_ready_and_says_it_is_made_up(world):
    source = generate_grid(world.municipality, seed=1)
    assert source.kind == DemandKind.SYNTHETIC
    assert source.is_synthetic
    assert source.status == ImportStatus.READY
    assert "made up" in source.attribution
    assert source.cell_size_m == CELL_M
    assert [g["key"] for g in source.groups] == [band.key for band in BANDS]
    assert source.cell_count == source.cells.count() > 100


def test_cells_are_250_m_apart_with_age_bands_that_add_up(world):
    grid = synthetic_grid(world.municipality, seed=2)
    assert all((x - CELL_M // 2) % CELL_M == 0 for x in grid.x)
    assert all(
        sum(counts.values()) == pop
        for counts, pop in zip(grid.counts, grid.population, strict=True)
    )
    assert len(set(grid.refs)) == len(grid.refs)


def test_the_office_has_a_dense_suburb_and_the_background_is_sparse(world):
    grid = synthetic_grid(world.municipality, seed=3)
    x0, y0 = centre()
    near = [
        p
        for x, y, p in zip(grid.x, grid.y, grid.population, strict=True)
        if abs(x - x0) + abs(y - y0) < 700
    ]
    far = [
        p
        for x, y, p in zip(grid.x, grid.y, grid.population, strict=True)
        if abs(x - x0) + abs(y - y0) > 6000
    ]
    assert sum(near) / len(near) > 20 * (sum(far) / max(1, len(far)))
    assert 5_000 < sum(grid.population) < 200_000


def test_the_same_seed_gives_the_same_grid(world):
    one, two = (
        synthetic_grid(world.municipality, seed=7),
        synthetic_grid(world.municipality, seed=7),
    )
    assert (one.refs, one.population) == (two.refs, two.population)
    assert synthetic_grid(world.municipality, seed=8).population != one.population


def test_cells_near_the_office_are_in_its_district(world):
    source = generate_grid(world.municipality, seed=4)
    x0, y0 = centre()
    cell = min(source.cells.all(), key=lambda c: abs(c.x - x0) + abs(c.y - y0))
    assert cell.district_id == world.ronna.pk


def test_a_municipality_without_offices_is_refused(db):
    with pytest.raises(DomainError) as caught:
        generate_grid(MunicipalityFactory(name="Tom", code="9998"))
    assert caught.value.code == ErrorCode.PLANNING_EMPTY_FILE


def test_the_demo_command_makes_one_grid_per_municipality(world):
    out = io.StringIO()
    call_command("planning_demo_grid", municipality=["0181"], seed=5, stdout=out)
    assert "synthetic" in out.getvalue()
    assert DemandSource.objects.filter(kind=DemandKind.SYNTHETIC).count() == 1
