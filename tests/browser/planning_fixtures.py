"""The world the planning browser tests read: Södertälje's officer with a question answered.

Residents live in four clusters of nine 250 m cells, 3 km apart, so that a
15-minute walk (about 920 m in a straight line) from one cluster's centre
reaches all of it and nothing of the others:

* around Ronna's open office (the centre), 100 residents a cell;
* to the west, 80 a cell; to the east (Hovsjö), 60; to the north, 40.

Candidate sites: Ronna's office (an existing site, kept open), and a
proposed address at the centre of each other cluster plus one in the
forest to the south where nobody lives. The two-site maximal covering
scenario (walk) therefore opens the west and the east sites; its copy with
three sites adds the north one. Both are run through the services, so their
results are what the solver and the results module really write. A run
left waiting in the queue gives the progress page its Cancel button, , a
grid still importing gives its page the progress bar, and a refused one its reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from django.test import override_settings

from publicoffice.core.errors import ErrorCode
from publicoffice.places.models import District, Municipality, Office
from publicoffice.planning.geo import sweref_to_latlon
from publicoffice.planning.models import (
    Candidate,
    DemandKind,
    DemandSource,
    ImportStatus,
    PlanningModel,
    ReachKind,
    Run,
    RunStatus,
    Scenario,
)
from publicoffice.planning.services import candidates as candidate_services
from publicoffice.planning.services import runs as run_services
from publicoffice.planning.services import scenarios as scenario_services
from tests.dialogue.factories import officer_of
from tests.factories import DistrictFactory, MunicipalityFactory, OfficeFactory
from tests.planning.conftest import RONNA, World, centre, make_source

#: Tasks run at once, in the request that queues them.
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
#: Cluster name → (dx, dy) of its centre from Ronna's office, and residents per cell.
CLUSTERS = {
    "centre": ((0, 0), 100),
    "west": ((-3000, 0), 80),
    "east": ((3000, 0), 60),
    "north": ((0, 3000), 40),
}
CELLS_PER_CLUSTER = 9
#: The proposed addresses: name → (street address, the cluster it serves or None).
SITES = {
    "Västra torget": ("Västra torget 1", "west"),
    "Östra torget": ("Östra torget 2", "east"),
    "Norra skolan": ("Skolvägen 3", "north"),
    "Skogsbrynet": ("Skogsvägen 4", None),
}
FOREST = (0, -3000)
#: Each cell counts its residents aged 65 and over (a quarter) and the rest.
OLDER_SHARE = 4


def cells_of(cluster: str) -> list[tuple[int, int, int]]:
    """(dx, dy, residents) of a cluster's nine cells."""
    (cx, cy), residents = CLUSTERS[cluster]
    return [(cx + dx, cy + dy, residents) for dx in (-250, 0, 250) for dy in (-250, 0, 250)]


def cluster_cells() -> list[tuple[int, int, int]]:
    """(dx, dy, residents) of every cell, cluster by cluster."""
    return [cell for cluster in CLUSTERS for cell in cells_of(cluster)]


def district_of(dx: int) -> str:
    """Cells west of Ronna's office, and in line with it, are Ronna's; the others Hovsjö's."""
    return "Ronna" if dx <= 0 else "Hovsjö"


def residents_of(*clusters: str) -> int:
    return sum(CLUSTERS[name][1] * CELLS_PER_CLUSTER for name in clusters)


def latlon_at(dx: int, dy: int) -> tuple[Decimal, Decimal]:
    """Latitude and longitude (six decimals) ``dx``, ``dy`` metres from Ronna's office."""
    x0, y0 = centre()
    lat, lon = sweref_to_latlon(np.array([x0 + dx]), np.array([y0 + dy]))
    return Decimal(f"{float(lat[0]):.6f}"), Decimal(f"{float(lon[0]):.6f}")


def site_offset(name: str) -> tuple[int, int]:
    cluster = SITES[name][1]
    return FOREST if cluster is None else CLUSTERS[cluster][0]


@dataclass(frozen=True)
class Planning:
    """The people and places; the grid, sites, scenarios and runs of the full world."""

    municipality: Municipality
    ronna: District
    hovsjo: District
    office: Office
    officer: Any


@dataclass(frozen=True)
class PlanningWorld:
    people: Planning
    source: DemandSource
    existing: Candidate
    proposed: dict[str, Candidate]
    two_sites: Scenario
    three_sites: Scenario
    run: Run  # the two-site scenario's answer
    run_three: Run  # the three-site scenario's answer
    queued: Run  # a run of the two-site scenario still waiting for the worker
    importing: DemandSource  # an upload the worker is still checking
    refused: DemandSource  # an upload refused, with the reason


def planning_people() -> Planning:
    """Södertälje, its districts Ronna and Hovsjö, Ronna's open office and an officer."""
    soder: Any = MunicipalityFactory(name="Södertälje", code="0181")
    ronna: Any = DistrictFactory(municipality=soder, name="Ronna")
    hovsjo: Any = DistrictFactory(municipality=soder, name="Hovsjö")
    office: Any = OfficeFactory(
        municipality=soder,
        district=ronna,
        slug="ronna",
        name="Ronna kontor",
        status="open",
        latitude=RONNA[0],
        longitude=RONNA[1],
    )
    return Planning(
        municipality=soder,
        ronna=ronna,
        hovsjo=hovsjo,
        office=office,
        officer=officer_of(soder, "Sanna"),
    )


@pytest.fixture
def planning_people_only(transactional_db: None) -> Planning:
    return planning_people()


def _as_world(people: Planning) -> World:
    """The planning tests' own world, for their ``make_source``."""
    return World(
        municipality=people.municipality,
        other_municipality=people.municipality,
        ronna=people.ronna,
        hovsjo=people.hovsjo,
        office=people.office,
        officer=people.officer,
        other_officer=people.officer,
        admin=people.officer,
        stranger=people.officer,
    )


def _source(people: Planning) -> DemandSource:
    cells = cluster_cells()
    older = [residents // OLDER_SHARE for _dx, _dy, residents in cells]
    younger = [residents - old for (_dx, _dy, residents), old in zip(cells, older, strict=True)]
    source = make_source(
        _as_world(people),
        cells,
        groups={"age_0_64": younger, "age_65_plus": older},
        name="Rutnät Södertälje 250 m",
    )
    source.groups = [  # labelled as an import labels them
        {"key": "age_0_64", "label": "0–64", "total": sum(younger)},
        {"key": "age_65_plus", "label": "65+", "total": sum(older)},
    ]
    source.save(update_fields=["groups"])
    return source


def _proposed(people: Planning) -> dict[str, Candidate]:
    sites = {}
    for name, (address, _cluster) in SITES.items():
        lat, lon = latlon_at(*site_offset(name))
        sites[name] = candidate_services.candidate_propose(
            municipality=people.municipality,
            name=name,
            address=address,
            latitude=lat,
            longitude=lon,
            capacity=None,
            by=people.officer,
        )
    return sites


def _two_sites(people: Planning, source: DemandSource, pool: list[Candidate], kept: Any) -> Any:
    return scenario_services.scenario_save(
        by=people.officer,
        municipality=people.municipality,
        name="Två nya kontor, promenad",
        description="Var når vi flest invånare inom en kvarts promenad?",
        model=PlanningModel.MAX_COVER,
        demand=source,
        sites=2,
        reach=ReachKind.STRAIGHT,
        preset="walk",
        candidates=pool,
        fixed=[kept],
        gap_target=Decimal(1),
        time_limit_s=60,
    )


@pytest.fixture
def planning_world(transactional_db: None) -> PlanningWorld:
    people = planning_people()
    source = _source(people)
    (existing,) = candidate_services.candidates_from_offices(people.municipality, people.officer)
    proposed = _proposed(people)
    two = _two_sites(people, source, list(proposed.values()), existing)
    three = scenario_services.scenario_copy(
        scenario=two, by=people.officer, name="Tre nya kontor, promenad"
    )
    three.sites = 3
    three.save(update_fields=["sites"])
    # Waiting for a worker that never comes: made before the real runs, so it is not the latest.
    queued = Run.objects.create(scenario=two, status=RunStatus.QUEUED, created_by=people.officer)
    with override_settings(TASKS=IMMEDIATE_TASKS):
        run = run_services.run_start(scenario=two, by=people.officer)
        run_three = run_services.run_start(scenario=three, by=people.officer)
    assert run.status == RunStatus.DONE, (run.status, run.error_code)
    assert run_three.status == RunStatus.DONE, (run_three.status, run_three.error_code)
    importing = DemandSource.objects.create(
        municipality=people.municipality,
        name="SCB 1 km 2024",
        kind=DemandKind.SCB_GRID,
        status=ImportStatus.IMPORTING,
        progress=42,
        created_by=people.officer,
    )
    refused = DemandSource.objects.create(
        municipality=people.municipality,
        name="Befolkning från Excel",
        kind=DemandKind.CSV,
        status=ImportStatus.FAILED,
        error_code=str(ErrorCode.PLANNING_MISSING_COLUMNS),
        error_message="The file lacks these columns: population.",
        created_by=people.officer,
    )
    return PlanningWorld(
        people=people,
        source=source,
        existing=existing,
        proposed=proposed,
        two_sites=two,
        three_sites=three,
        run=run,
        run_three=run_three,
        queued=queued,
        importing=importing,
        refused=refused,
    )
