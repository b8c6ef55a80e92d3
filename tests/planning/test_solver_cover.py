"""Maximal and set covering against brute force over every subset, on small instances."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from publicoffice.planning.solver import (
    aggregate,
    coverage,
    dual_volume,
    exact_cover,
    lagrange,
    maxcover,
)
from publicoffice.planning.solver.setcover import solve_setcover
from publicoffice.planning.solver.solve import solve
from publicoffice.planning.solver.types import Limits, Model, Problem, StopReason, relative_gap

EXACT = Limits(gap=0.0, seconds=30)


def _value(reach, weights, columns) -> float:
    cols = list(columns)
    if not cols:
        return 0.0
    hit = np.asarray(reach[:, cols].sum(axis=1)).ravel() > 0
    return float(weights[hit].sum())


def _brute_max(reach, weights, fixed, p) -> float:
    free = [j for j in range(reach.shape[1]) if j not in set(fixed)]
    p = min(p, len(free))
    return max(
        _value(reach, weights, list(s) + list(fixed)) for s in itertools.combinations(free, p)
    )


def _brute_sites(reach, weights, fixed, share) -> int | None:
    free = [j for j in range(reach.shape[1]) if j not in set(fixed)]
    for p in range(len(free) + 1):
        for s in itertools.combinations(free, p):
            if _value(reach, weights, list(s) + list(fixed)) >= share * weights.sum() - 1e-9:
                return p
    return None


@st.composite
def instances(draw):
    n = draw(st.integers(1, 14))
    m = draw(st.integers(1, 7))
    seed = draw(st.integers(0, 2**31))
    rng = np.random.default_rng(seed)
    density = draw(st.floats(0.05, 0.6))
    reach = sparse.csr_matrix(rng.random((n, m)) < density)
    weights = rng.integers(0, 20, n).astype(float)
    fixed = np.unique(rng.integers(0, m, draw(st.integers(0, min(2, m - 1)))))
    p = draw(st.integers(0, 4))
    return reach, weights, fixed.astype(np.int64), p


@settings(max_examples=60, deadline=None)
@given(instances())
def test_max_cover_matches_brute_force(instance):
    reach, weights, fixed, p = instance
    answer = solve(Problem(weights=weights, reach=reach, fixed=fixed, p=p), Model.MAX_COVER, EXACT)
    best = _brute_max(reach, weights, fixed, p)
    assert answer.objective == pytest.approx(best)
    assert answer.bound >= best - 1e-9
    assert answer.objective == pytest.approx(_value(reach, weights, answer.sites + tuple(fixed)))
    assert len(answer.sites) <= p and not set(answer.sites) & set(fixed.tolist())
    assert answer.gap == pytest.approx(relative_gap(answer.objective, answer.bound))


@settings(max_examples=40, deadline=None)
@given(instances(), st.floats(0.05, 1.0))
def test_set_cover_matches_brute_force(instance, share):
    reach, weights, fixed, _ = instance
    problem = Problem(weights=weights, reach=reach, fixed=fixed, share=share)
    fewest = _brute_sites(reach, weights, fixed, share)
    answer = solve_setcover(problem, EXACT)
    if fewest is None:
        return  # the share cannot be reached: answered with all that helps
    assert answer.objective == fewest and answer.bound == fewest and answer.optimal
    assert _value(reach, weights, answer.sites + tuple(fixed)) >= share * weights.sum() - 1e-9


@settings(max_examples=40, deadline=None)
@given(instances())
def test_aggregation_keeps_every_value(instance):
    reach, weights, fixed, _ = instance
    red = aggregate.reduce(reach, weights, fixed)
    free = [j for j in range(reach.shape[1]) if j not in set(fixed.tolist())]
    for size in range(min(3, len(free)) + 1):
        for s in itertools.combinations(free, size):
            assert red.value(s) == pytest.approx(_value(reach, weights, list(s) + list(fixed)))


def _clustered(n=600, m=60, seed=3):
    rng = np.random.default_rng(seed)
    centres = rng.uniform(0, 8_000, (5, 2))
    xy = centres[rng.integers(0, 5, n)] + rng.normal(size=(n, 2)) * 700
    sites = xy[rng.choice(n, m, replace=False)]
    return coverage.within_radius(xy, sites, 800), rng.lognormal(2, 1, n)


def test_bound_is_above_every_solution_found():
    reach, weights = _clustered()
    p = 6
    red = aggregate.reduce(reach, weights)
    a = sparse.csr_matrix(red.reach, dtype=float)
    at = a.T.tocsr()
    cover, gains = maxcover.greedy(a, at, red.weights, p)
    online = lagrange.online(red.weights, cover.counts > 0, gains, p)
    greedy_value = cover.value
    maxcover.swap_search(a, at, red.weights, cover, maxcover.Clock(10, None))
    mip = exact_cover.solve_mip(red.reach, red.weights, p, seconds=20)
    assert mip.optimal
    for value in (greedy_value, cover.value, mip.value):
        assert online.bound >= value - 1e-9
    answer = solve(Problem(weights=weights, reach=reach, p=p), Model.MAX_COVER, EXACT)
    assert answer.objective == pytest.approx(mip.value)
    assert answer.bound >= mip.value - 1e-9


def test_volume_lowers_the_bound_but_never_below_the_lp_bound():
    reach, weights = _clustered()
    p = 6
    red = aggregate.reduce(reach, weights)
    a = sparse.csr_matrix(red.reach, dtype=float)
    at = a.T.tocsr()
    cover, gains = maxcover.greedy(a, at, red.weights, p)
    online = lagrange.online(red.weights, cover.counts > 0, gains, p)
    lp, _ = exact_cover.lp_multipliers(red.reach, red.weights, p, seconds=10)
    dual = dual_volume.volume(
        at,
        red.weights,
        p,
        online,
        lambda: cover.value,
        done=lambda low, high: False,
        deadline=float("inf"),
        should_stop=lambda: False,
        max_steps=300,
    )
    assert lp - 1e-6 * lp <= dual.bound < online.bound
    assert np.all((dual.lam >= 0) & (dual.lam <= red.weights))
    costs = at @ dual.lam
    assert lagrange.value_of(dual.lam, red.weights, costs, p) == pytest.approx(dual.bound)


def test_lp_multipliers_give_the_lp_bound():
    reach, weights = _clustered(300, 40)
    value, lam = exact_cover.lp_multipliers(reach, weights, 4, seconds=10)
    costs = sparse.csr_matrix(reach, dtype=float).T @ lam
    assert lagrange.value_of(lam, weights, costs, 4) == pytest.approx(value, rel=1e-6)


def test_reported_gap_is_true_when_stopped_early():
    reach, weights = _clustered(2_000, 200, seed=5)
    problem = Problem(weights=weights, reach=reach, p=10)
    quick = solve(problem, Model.MAX_COVER, Limits(gap=0.5, seconds=10))
    best = exact_cover.solve_mip(reach, weights, 10, seconds=30)
    assert quick.objective <= best.bound + 1e-6
    assert quick.bound >= best.value - 1e-6
    assert quick.gap == pytest.approx(relative_gap(quick.objective, quick.bound))
    assert quick.stopped in (StopReason.GAP, StopReason.OPTIMAL)


def test_stops_on_time_and_on_should_stop():
    reach, weights = _clustered(2_000, 200, seed=6)
    problem = Problem(weights=weights, reach=reach, p=10)
    cancelled = solve(
        problem, Model.MAX_COVER, Limits(gap=0.0, seconds=30), should_stop=lambda: True
    )
    assert cancelled.stopped in (StopReason.CANCELLED, StopReason.OPTIMAL)
    assert cancelled.bound >= cancelled.objective > 0
    timed = solve(problem, Model.MAX_COVER, Limits(gap=0.0, seconds=0.0))
    assert timed.stopped in (StopReason.TIME, StopReason.OPTIMAL)
    assert timed.bound >= timed.objective > 0
    stages = []
    solve(problem, Model.MAX_COVER, Limits(gap=0.5), progress=lambda s, stage: stages.append(s))
    assert stages[0] == 0.0 and stages[-1] == 1.0


def test_coverage_matrices_agree_with_brute_distances():
    rng = np.random.default_rng(1)
    xy, sites = rng.uniform(0, 3_000, (400, 2)), rng.uniform(0, 3_000, (30, 2))
    sites[0] = xy[0]  # a site on a demand point: distance 0 stays a stored pair
    full = np.hypot(*(xy[:, None, :] - sites[None, :, :]).transpose(2, 0, 1))
    reach = coverage.within_radius(xy, sites, 500).toarray()
    assert (reach == (full <= 500)).all()
    dist = coverage.distances_within(xy, sites, 500)
    assert dist.nnz == reach.sum() and dist[0, 0] == 0 and (dist.indices.size == dist.nnz)
    assert np.allclose(dist.toarray()[reach], full[reach])
    near = coverage.nearest_k(xy, sites, 3)
    assert (np.diff(near.indptr) == 3).all()
    assert np.allclose(
        np.sort(near.toarray(), axis=1)[:, -3:].max(axis=1), np.sort(full, axis=1)[:, 2]
    )
    pairs = coverage.from_pairs([1, 0, 1], [2, 0, 2], [5.0, 1.0, 3.0], 2, 3)
    assert pairs[1, 2] == 3.0 and pairs.nnz == 2
