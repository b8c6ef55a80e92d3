"""record_answer on the small grid: sites, reach before and after, districts, groups, gains.

The grid is 5 × 5 cells of 250 m, 100 residents each, around Ronna's office
(the baseline, kept open). Within 300 m the office reaches its own cell and
the four beside it (500 residents); site A, 500 m east, adds three cells
(east of the office's reach); site B, 500 m west and 500 m north, adds three
more. Figures below are worked out by hand from that picture.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import sparse

from publicoffice.planning import access
from publicoffice.planning.built import BuiltProblem
from publicoffice.planning.models import (
    Candidate,
    CandidateKind,
    DemandCell,
    Run,
    RunSite,
    RunStatus,
    Scenario,
)
from publicoffice.planning.services.results import record_answer
from publicoffice.planning.solver.types import Answer, Model, Problem, StopReason
from tests.planning.conftest import World, make_candidate, make_source

RADIUS = 300


def built_for(
    scenario: Scenario, sites: list[Candidate], baseline: int = 1, model: Model = Model.MAX_COVER
) -> BuiltProblem:
    """A straight-line BuiltProblem as ``instance.build_problem`` would make it."""
    cells = list(DemandCell.objects.filter(source=scenario.demand).order_by("pk"))
    cell_xy = np.array([[c.x, c.y] for c in cells], dtype=np.float64)
    site_xy = np.array([[s.x, s.y] for s in sites], dtype=np.float64)
    far = np.hypot(
        cell_xy[:, None, 0] - site_xy[None, :, 0], cell_xy[:, None, 1] - site_xy[None, :, 1]
    )
    within = far <= RADIUS
    population = np.array([c.population for c in cells], dtype=np.float64)
    return BuiltProblem(
        model=model,
        problem=Problem(
            weights=population,
            reach=sparse.csr_matrix(within),
            fixed=np.arange(baseline, dtype=np.int64),
            p=len(sites) - baseline,
        ),
        cell_ids=np.array([c.pk for c in cells], dtype=np.int64),
        candidate_ids=np.array([s.pk for s in sites], dtype=np.int64),
        population=population,
        cell_xy=cell_xy,
        site_xy=site_xy,
        distance=sparse.csr_matrix(np.where(within, far, 0.0)),
        baseline=np.arange(baseline, dtype=np.int64),
        unit="m",
    )


def answer(sites: tuple[int, ...], model: Model = Model.MAX_COVER) -> Answer:
    return Answer(
        model=model,
        sites=sites,
        objective=1100,
        bound=1150,
        gap=50 / 1150,
        seconds=0.25,
        method="lagrange",
        stopped=StopReason.GAP,
    )


def setup_run(world: World, **source: object) -> tuple[Run, list[Candidate]]:
    demand = make_source(world, **source)  # type: ignore[arg-type]
    office = make_candidate(world, "Ronna", 0, 0, kind=CandidateKind.EXISTING, office=world.office)
    east = make_candidate(world, "Öst", 500, 0)
    north_west = make_candidate(world, "Nordväst", -500, 500)
    scenario = Scenario.objects.create(
        municipality=world.municipality, name="Två till", demand=demand, sites=2, radius_m=RADIUS
    )
    run = Run.objects.create(scenario=scenario, status=RunStatus.DONE)
    return run, [office, east, north_west]


def record_example(world: World) -> tuple[Run, list[Candidate], BuiltProblem]:
    """The example of the module's docstring, recorded (other test modules use it too)."""
    run, sites = setup_run(world, groups={"age_20_24": [10] * 25})
    built = built_for(run.scenario, sites)
    record_answer(run, built, answer((1, 2)))
    run.refresh_from_db()
    return run, sites, built


@pytest.fixture
def recorded(world: World) -> tuple[Run, list[Candidate], BuiltProblem]:
    return record_example(world)


def test_sites_are_written_in_rank_order_with_who_they_reach_first(recorded):
    run, (office, east, north_west), _built = recorded
    rows = list(
        RunSite.objects.filter(run=run).values_list("candidate", "is_new", "rank", "reached")
    )
    assert rows == [
        (office.pk, False, 0, 500),
        (east.pk, True, 1, 300),
        (north_west.pk, True, 2, 300),
    ]


def test_summary_totals_and_proof(recorded):
    run, _sites, _built = recorded
    summary = run.summary
    assert summary["population"] == 2500
    assert summary["reached"] == {"before": 500, "after": 1100, "new": 600, "lost": 0}
    assert (summary["objective"], summary["bound"], summary["stopped"]) == (1100, 1150, "gap")
    assert summary["gap"] == pytest.approx(4.3478, abs=1e-3)
    assert run.gap == pytest.approx(4.3478, abs=1e-3)
    assert run.method == "lagrange"


def test_summary_per_district_and_group(recorded, world):
    run, _sites, _built = recorded
    districts = run.summary["districts"]
    assert districts[str(world.ronna.pk)] == {
        "name": "Ronna",
        "population": 1500,
        "before": 400,
        "after": 700,
    }
    assert districts[str(world.hovsjo.pk)] == {
        "name": "Hovsjö",
        "population": 1000,
        "before": 100,
        "after": 400,
    }
    assert run.summary["groups"] == {
        "age_20_24": {"label": "age_20_24", "population": 250, "before": 50, "after": 110}
    }


def test_average_distance_is_population_weighted_to_the_nearest_open_site(recorded):
    run, _sites, _built = recorded
    cells = [(dx * 250, dy * 250) for dx in range(-2, 3) for dy in range(-2, 3)]
    sites_after = [(0, 0), (500, 0), (-500, 500)]
    before = sum(math.hypot(x, y) for x, y in cells) / 25
    after = sum(min(math.hypot(x - sx, y - sy) for sx, sy in sites_after) for x, y in cells) / 25
    distance = run.summary["distance"]
    assert distance["unit"] == "m"
    assert distance["before"] == pytest.approx(before, abs=0.1)
    assert distance["after"] == pytest.approx(after, abs=0.1)
    assert distance["over_before"] == distance["over_after"] == 2500


def test_who_gains_access_lists_the_newly_reached_cells(recorded, world):
    run, _sites, _built = recorded
    gains = run.summary["gains"]
    assert (gains["cells_total"], gains["population"], gains["capped"]) == (6, 600, False)
    assert all(cell[3] == 100 for cell in gains["cells"])
    assert sorted(cell[4] for cell in gains["cells"]) == sorted(
        [world.ronna.pk] * 3 + [world.hovsjo.pk] * 3
    )
    assert run.summary["commuting"]["residents"] == 600


def test_record_answer_twice_replaces_the_sites(recorded):
    run, _sites, built = recorded
    record_answer(run, built, answer((1,)))
    assert RunSite.objects.filter(run=run).count() == 2
    assert run.summary["reached"]["after"] == 800


def test_p_median_sites_count_the_residents_they_are_nearest_for(world):
    run, sites = setup_run(world)
    built = built_for(run.scenario, sites, model=Model.P_MEDIAN)
    record_answer(run, built, answer((1, 2), Model.P_MEDIAN))
    reached = list(RunSite.objects.filter(run=run).values_list("reached", flat=True))
    assert sum(reached) == 2500


def test_matrix_distances_take_the_least_listed_time():
    reach = sparse.csr_matrix(np.array([[True, True], [False, False], [True, False]]))
    minutes = sparse.csr_matrix(np.array([[7.0, 4.0], [0.0, 0.0], [0.0, 0.0]]))
    built = BuiltProblem(
        model=Model.MAX_COVER,
        problem=Problem(weights=np.ones(3), reach=reach),
        cell_ids=np.arange(3),
        candidate_ids=np.arange(2),
        population=np.array([10.0, 20.0, 30.0]),
        cell_xy=np.zeros((3, 2)),
        site_xy=np.zeros((2, 2)),
        distance=minutes,
        baseline=np.array([0]),
        unit="min",
    )
    distance, position = access.nearest(built, np.array([0, 1]))
    assert distance[0] == 4.0 and position[0] == 1
    assert np.isnan(distance[1]) and position[1] == access.NONE
    assert distance[2] == 0.0  # reached with no stored time: at the site
    mean, over = access.average_distance(built, distance)
    assert (mean, over) == (pytest.approx(40 / 40), 40.0)
