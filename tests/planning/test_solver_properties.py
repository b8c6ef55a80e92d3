"""Properties every answer of :func:`solver.solve.solve` must have, on random small instances.

For all three models (and capacitated maximal covering and p-median): the
certified bound is never beaten by any choice (brute force, greedy, ours);
the reported gap is ``relative_gap(objective, bound)`` and at least the true
gap to the brute-force optimum; the objective is the value of the sites
returned; fixed sites are never among the new sites; splitting demand points
into identical halves (what aggregation undoes) leaves the optimum alone;
``should_stop`` stops the solve with a valid answer.
"""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import sparse

from publicoffice.planning.solver.solve import solve
from publicoffice.planning.solver.types import Answer, Limits, Model, Problem, relative_gap
from tests.planning.median_instances import (
    brute_capacitated,
    capacitated_value,
    choices,
    instance,
    median_value,
)

EXACT = Limits(gap=0.0, seconds=20)
SETTINGS = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

shapes = st.fixed_dictionaries(
    {
        "seed": st.integers(0, 10_000),
        "n": st.integers(4, 14),
        "m": st.integers(3, 6),
        "fixed": st.integers(0, 1),
        "p": st.integers(0, 3),
        "k": st.integers(1, 4),
    }
)


def _cover_value(problem: Problem, opened: set[int]) -> float:
    cols = sorted(opened)
    if not cols:
        return 0.0
    hit = np.asarray(problem.reach[:, cols].sum(axis=1)).ravel() > 0
    return float(problem.weights[hit].sum())


def _value(problem: Problem, model: Model, opened: set[int]) -> float:
    if problem.capacity is not None:
        return capacitated_value(problem, model, opened)
    if model == Model.P_MEDIAN:
        return median_value(problem, opened)
    if model == Model.MAX_COVER:
        return _cover_value(problem, opened)
    return float(len(opened - set(problem.fixed.tolist())))


def _fewest(problem: Problem) -> int:
    fixed = set(problem.fixed.tolist())
    free = [j for j in range(problem.m) if j not in fixed]
    target = problem.share * problem.weights.sum()
    for count in range(len(free) + 1):
        for extra in itertools.combinations(free, count):
            if _cover_value(problem, set(extra) | fixed) >= target - 1e-9:
                return count
    return len(free)


def _optimum(problem: Problem, model: Model) -> float:
    if problem.capacity is not None:
        return brute_capacitated(problem, model)
    if model == Model.SET_COVER:
        return _fewest(problem)
    values = [_value(problem, model, opened) for opened in choices(problem)]
    return min(values) if model == Model.P_MEDIAN else max(values)


def _problem(shape: dict, model: Model, capacitated: bool = False) -> Problem:
    k = min(shape["k"], shape["m"])
    problem = instance(
        shape["seed"], n=shape["n"], m=shape["m"], k=k, fixed=shape["fixed"], p=shape["p"]
    )
    if model == Model.SET_COVER:
        fixed = problem.fixed.tolist()
        reachable = _cover_value(problem, set(range(problem.m))) / max(problem.weights.sum(), 1)
        share = round(reachable * (0.3 + 0.6 * (shape["seed"] % 3) / 2), 3)
        problem = dataclasses.replace(problem, share=share, fixed=np.array(fixed, dtype=np.int64))
    if capacitated:
        rng = np.random.default_rng(shape["seed"])
        caps = rng.uniform(5, 60, problem.m)
        caps[rng.random(problem.m) < 0.3] = np.inf
        problem = dataclasses.replace(problem, capacity=caps)
    return problem


def _check(problem: Problem, model: Model, answer: Answer) -> None:
    """The properties shared by every answer, against the brute-force optimum."""
    fixed = set(problem.fixed.tolist())
    assert not set(answer.sites) & fixed
    opened = set(answer.sites) | fixed
    if model == Model.P_MEDIAN:
        assert len(answer.sites) == min(problem.p, problem.m - len(fixed))
    elif model == Model.MAX_COVER:  # sites that would reach nobody more may be left out
        assert len(answer.sites) <= problem.p
    assert answer.objective == pytest.approx(_value(problem, model, opened), rel=1e-7, abs=1e-6)
    best = _optimum(problem, model)
    assert answer.gap == pytest.approx(relative_gap(answer.objective, answer.bound), abs=1e-12)
    assert relative_gap(answer.objective, best) <= answer.gap + 1e-7
    if model == Model.MAX_COVER:
        assert answer.bound >= max(best, answer.objective) - 1e-6
    else:
        assert answer.bound <= min(best, answer.objective) + 1e-6


@pytest.mark.parametrize("model", list(Model))
@SETTINGS
@given(shape=shapes)
def test_bound_gap_and_fixed_sites_hold(model, shape):
    problem = _problem(shape, model)
    answer = solve(problem, model, EXACT)
    _check(problem, model, answer)
    assert answer.optimal


@pytest.mark.parametrize("model", [Model.MAX_COVER, Model.P_MEDIAN])
@settings(max_examples=10, deadline=None, database=None)
@given(shape=shapes)
def test_capacitated_answers_hold_the_same_properties(model, shape):
    problem = _problem(shape, model, capacitated=True)
    answer = solve(problem, model, EXACT)
    _check(problem, model, answer)


def _split(problem: Problem) -> Problem:
    """Every point twice, each copy with half the weight: aggregation merges them back."""
    double = np.repeat(np.arange(problem.n), 2)
    cost = sparse.csr_matrix(problem.cost)[double] if problem.cost is not None else None
    return dataclasses.replace(
        problem,
        weights=np.repeat(problem.weights / 2, 2),
        reach=sparse.csr_matrix(problem.reach)[double],
        cost=cost,
    )


@pytest.mark.parametrize("model", list(Model))
@SETTINGS
@given(shape=shapes)
def test_identical_points_split_or_merged_give_the_same_optimum(model, shape):
    problem = _problem(shape, model)
    whole = solve(problem, model, EXACT)
    halves = solve(_split(problem), model, EXACT)
    assert halves.objective == pytest.approx(whole.objective, rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("model", list(Model))
@settings(max_examples=10, deadline=None, database=None)
@given(shape=shapes)
def test_should_stop_ends_the_solve_with_a_valid_answer(model, shape):
    problem = _problem(shape, model)
    answer = solve(problem, model, EXACT, should_stop=lambda: True)
    _check(problem, model, answer)
