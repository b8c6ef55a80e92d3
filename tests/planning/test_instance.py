"""Building the solver's problem from a scenario: weights, reach, matrices, fixed, refusals."""

from __future__ import annotations

import numpy as np
import pytest

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.planning import instance
from publicoffice.planning.models import (
    CandidateKind,
    DemandCell,
    ImportStatus,
    TravelMatrix,
    TravelTime,
)
from publicoffice.planning.reach import PRESETS
from tests.planning.conftest import make_candidate, make_source
from tests.planning.scenario_helpers import make_scenario

pytestmark = pytest.mark.django_db


def test_weights_count_weighted_groups_and_skip_empty_cells(world):
    cells = [(0, 0, 100), (250, 0, 50), (500, 0, 0)]
    source = make_source(world, cells, groups={"old": [10, 20, 0], "young": [5, 5, 0]})
    site = make_candidate(world, "Torget", 0, 0)
    scenario = make_scenario(world, source, [site], group_weights={"old": 3, "young": 0})
    built = instance.build_problem(scenario)
    assert built.cell_ids.size == 2  # the empty cell is left out
    assert built.population.tolist() == [100, 50]
    # 100 + 2·10 − 1·5 and 50 + 2·20 − 1·5
    assert built.problem.weights.tolist() == [115, 85]


def test_radius_reaches_within_metres_and_keeps_a_zero_distance(world):
    source = make_source(world)
    site = make_candidate(world, "Torget", 0, 0)
    built = instance.build_problem(make_scenario(world, source, [site], radius_m=300))
    assert built.unit == "m" and built.problem.reach.shape == (25, 1)
    assert built.problem.reach.nnz == 5  # the centre and its four neighbours at 250 m
    assert sorted(built.distance.data.tolist()) == [0, 250, 250, 250, 250]


def test_preset_gives_the_radius(world):
    source = make_source(world)
    site = make_candidate(world, "Torget", 0, 0)
    scenario = make_scenario(world, source, [site], radius_m=None, preset="walk")
    assert instance.radius_of(scenario) == PRESETS["walk"].radius_m
    built = instance.build_problem(scenario)
    assert built.problem.reach.nnz == 25  # the farthest corner is 707 m away


def test_matrix_reach_takes_pairs_within_the_minutes(world):
    source = make_source(world, [(0, 0, 100), (250, 0, 50), (500, 0, 10)])
    near, far = make_candidate(world, "Nära", 0, 0), make_candidate(world, "Långt", 900, 0)
    matrix = TravelMatrix.objects.create(source=source, name="OSRM gång", mode="walk")
    cells = list(DemandCell.objects.filter(source=source).order_by("pk"))
    for cell, (m_near, m_far) in zip(cells, [(0, 20), (4, 16), (9, 12)], strict=True):
        TravelTime.objects.create(matrix=matrix, cell=cell, candidate=near, minutes=m_near)
        TravelTime.objects.create(matrix=matrix, cell=cell, candidate=far, minutes=m_far)
    scenario = make_scenario(
        world, source, [near, far], reach="matrix", matrix=matrix, minutes=12, radius_m=None
    )
    built = instance.build_problem(scenario)
    assert built.unit == "min"
    dense = built.problem.reach.toarray()
    near_col = int(np.where(built.candidate_ids == near.pk)[0][0])
    assert dense[:, near_col].tolist() == [True, True, True]  # 0 minutes is within reach
    assert dense[:, 1 - near_col].tolist() == [False, False, True]
    scenario.model, scenario.sites = "p_median", 1
    cost = instance.build_problem(scenario).problem.cost
    assert cost is not None and cost.nnz == 6  # p-median may assign beyond the reach


def test_fixed_sites_are_in_the_pool_baseline_and_cost(world):
    source = make_source(world)
    office = make_candidate(
        world, "Ronna", 0, 0, kind=CandidateKind.EXISTING, office=world.office, capacity=40
    )
    new = [make_candidate(world, f"S{i}", 250 * i, 0) for i in range(1, 4)]
    scenario = make_scenario(
        world, source, new, fixed=[office], model="p_median", sites=2, use_capacities=True
    )
    built = instance.build_problem(scenario)
    column = int(np.where(built.candidate_ids == office.pk)[0][0])
    assert built.problem.fixed.tolist() == [column] and built.baseline.tolist() == [column]
    assert built.problem.p == 2
    cost = built.problem.cost
    assert cost is not None and (cost[:, column].getnnz(axis=1) == 1).all()
    capacity = built.problem.capacity
    assert capacity is not None and capacity[column] == 40 and np.isinf(capacity).sum() == 3


def test_a_capacitated_instance_too_large_for_the_exact_model_is_refused_first(world, monkeypatch):
    source = make_source(world)
    sites = [make_candidate(world, f"S{i}", 250 * i, 0, capacity=50) for i in range(3)]
    scenario = make_scenario(world, source, sites, sites=1, use_capacities=True)
    assert instance.build_problem(scenario).problem.capacity is not None
    monkeypatch.setattr(instance.capacitated, "MAX_PAIRS", 5)
    with pytest.raises(DomainError) as caught:
        instance.build_problem(scenario)
    assert caught.value.code == ErrorCode.PLANNING_TOO_LARGE
    assert caught.value.details["field"] == "use_capacities"
    assert caught.value.details["pairs"] > 5


def test_set_cover_passes_the_share(world):
    source = make_source(world)
    site = make_candidate(world, "Torget", 0, 0)
    built = instance.build_problem(
        make_scenario(world, source, [site], model="set_cover", sites=None, share="0.5")
    )
    assert built.problem.share == 0.5


def test_refusals(world, monkeypatch):
    source = make_source(world)
    site = make_candidate(world, "Torget", 0, 0)
    scenario = make_scenario(world, source, [], sites=1)
    with pytest.raises(DomainError) as no_sites:
        instance.build_problem(scenario)
    assert no_sites.value.code == ErrorCode.PLANNING_SCENARIO_INVALID
    scenario.candidates.set([site])
    scenario.sites = 2
    with pytest.raises(DomainError) as too_many:
        instance.build_problem(scenario)
    assert too_many.value.code == ErrorCode.PLANNING_TOO_MANY_SITES
    scenario.sites = 1
    monkeypatch.setattr(instance, "MAX_PAIRS", 10)
    with pytest.raises(DomainError) as too_large:
        instance.build_problem(scenario)
    assert too_large.value.code == ErrorCode.PLANNING_TOO_LARGE
    source.status = ImportStatus.IMPORTING
    source.save()
    scenario.refresh_from_db()
    with pytest.raises(DomainError) as not_ready:
        instance.build_problem(scenario)
    assert not_ready.value.code == ErrorCode.PLANNING_SOURCE_NOT_READY
