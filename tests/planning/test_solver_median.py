"""p-median against brute force on small instances, and its bound, stops and edge cases."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from scipy import sparse

from publicoffice.planning.solver import pmedian
from publicoffice.planning.solver.median_bound import relax
from publicoffice.planning.solver.median_lists import assign, mask_of, median_lists
from publicoffice.planning.solver.median_search import greedy, interchange
from publicoffice.planning.solver.pmedian import solve_pmedian
from publicoffice.planning.solver.types import Limits, Model, StopReason, relative_gap
from tests.planning.median_instances import brute_median, choices, instance, median_value

EXACT = Limits(gap=0.0, seconds=30)


@pytest.mark.parametrize("seed", range(12))
def test_pmedian_finds_the_brute_force_optimum(seed):
    problem = instance(seed, fixed=seed % 3, p=1 + seed % 3)
    best = brute_median(problem)
    answer = solve_pmedian(problem, EXACT)
    assert answer.model == Model.P_MEDIAN
    assert answer.objective == pytest.approx(best, rel=1e-9)
    assert answer.bound <= best + 1e-6
    assert answer.stopped == StopReason.OPTIMAL
    assert answer.gap == pytest.approx(relative_gap(answer.objective, answer.bound))


@pytest.mark.parametrize("seed", range(6))
def test_the_objective_is_the_value_of_the_sites_returned(seed):
    problem = instance(seed, n=40, m=9, fixed=1, p=3)
    answer = solve_pmedian(problem, Limits(gap=0.05, seconds=30))
    opened = set(answer.sites) | set(problem.fixed.tolist())
    assert len(answer.sites) == 3
    assert not set(answer.sites) & set(problem.fixed.tolist())
    assert answer.objective == pytest.approx(median_value(problem, opened))
    assert answer.gap <= 0.05 + 1e-12


@pytest.mark.parametrize("seed", range(6))
def test_the_lagrangian_bound_holds_for_any_multipliers(seed):
    problem = instance(seed, p=2)
    lists = median_lists(problem)
    best = brute_median(problem)
    rng = np.random.default_rng(seed)
    for _ in range(20):
        multipliers = rng.uniform(0, 2 * lists.fallback.max() + 1, lists.weights.shape[0])
        assert relax(lists, 2, multipliers).bound <= best + 1e-6


def test_interchange_reaches_a_local_optimum_no_single_swap_improves():
    problem = instance(3, n=40, m=9, fixed=1, p=3)
    lists = median_lists(problem)
    opened, current, _ = interchange(lists, greedy(lists, 3), lambda: False)
    base = set(np.flatnonzero(opened).tolist())
    fixed = set(problem.fixed.tolist())
    assert current.total == pytest.approx(median_value(problem, base))
    for r in base - fixed:
        for a in set(range(problem.m)) - base:
            assert median_value(problem, (base - {r}) | {a}) >= current.total - 1e-6


def test_a_row_with_all_listed_sites_closed_is_charged_its_largest_cost_and_said_so():
    cost = sparse.csr_matrix(([1.0, 5.0, 2.0], [0, 1, 2], [0, 2, 3]), shape=(2, 3))
    problem = dataclasses.replace(
        instance(0), weights=np.array([1.0, 3.0]), reach=cost.astype(bool), cost=cost
    )
    problem = dataclasses.replace(problem, fixed=np.array([2], dtype=np.int64), p=0)
    answer = solve_pmedian(problem, EXACT)
    assert answer.objective == pytest.approx(1 * 5.0 + 3 * 2.0)
    assert "largest listed cost" in answer.method
    assert answer.sites == ()
    assert answer.stopped == StopReason.OPTIMAL


def test_rows_without_pairs_are_left_out():
    cost = sparse.csr_matrix(([4.0, 1.0], [0, 1], [0, 2, 2]), shape=(2, 2))
    problem = dataclasses.replace(
        instance(0),
        weights=np.array([2.0, 100.0]),
        reach=cost.astype(bool),
        cost=cost,
        fixed=np.zeros(0, dtype=np.int64),
        p=1,
    )
    answer = solve_pmedian(problem, EXACT)
    assert answer.sites == (1,)
    assert answer.objective == pytest.approx(2.0)


def test_p_at_least_the_free_sites_opens_them_all():
    problem = dataclasses.replace(instance(1, m=5, fixed=2), p=9)
    answer = solve_pmedian(problem, EXACT)
    assert sorted(answer.sites) == sorted(set(range(5)) - set(problem.fixed.tolist()))
    assert answer.optimal


def test_stops_when_asked_and_still_answers_validly():
    problem = instance(4, n=60, m=12, k=4, fixed=1, p=4)
    answer = solve_pmedian(problem, EXACT, should_stop=lambda: True)
    assert len(answer.sites) == 4
    assert answer.stopped in {StopReason.CANCELLED, StopReason.OPTIMAL}
    assert answer.bound <= brute_median(problem) + 1e-6
    assert answer.objective >= brute_median(problem) - 1e-6


def test_progress_is_reported_from_zero_to_one():
    seen: list[float] = []
    solve_pmedian(instance(2), EXACT, progress=lambda share, stage: seen.append(share))
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert all(0.0 <= s <= 1.0 for s in seen)


def test_the_bound_alone_certifies_without_the_mip(monkeypatch):
    monkeypatch.setattr(pmedian, "EXACT_PAIRS", 0)
    problem = instance(5, n=40, m=9, fixed=1, p=3)
    answer = solve_pmedian(problem, Limits(gap=0.0, seconds=2))
    best = brute_median(problem)
    assert "HiGHS" not in answer.method
    assert answer.bound <= best + 1e-6 <= answer.objective + 2e-6
    assert answer.gap == pytest.approx(relative_gap(answer.objective, answer.bound))


def test_assignment_lists_first_and_second_open_sites():
    problem = instance(6, p=2)
    lists = median_lists(problem)
    for opened in choices(problem)[:5]:
        current = assign(lists, mask_of(problem.m, sorted(opened)))
        assert current.total == pytest.approx(median_value(problem, opened))
        assert np.all(current.second >= current.first - 1e-12)


def test_without_costs_the_problem_is_refused():
    with pytest.raises(ValueError, match=r"problem\.cost"):
        solve_pmedian(dataclasses.replace(instance(0), cost=None), EXACT)
