"""Capacitated maximal covering and p-median against brute force (every choice, its LP)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from publicoffice.planning.solver import capacity
from publicoffice.planning.solver.capacity import MAX_PAIRS, solve_capacitated
from publicoffice.planning.solver.median_mip import MipResult
from publicoffice.planning.solver.pmedian import solve_pmedian
from publicoffice.planning.solver.types import Limits, Model, StopReason, relative_gap
from tests.planning.median_instances import (
    brute_capacitated,
    capacitated_value,
    instance,
)

EXACT = Limits(gap=0.0, seconds=30)


def _capacitated(seed: int, **kwargs):
    problem = instance(seed, n=15, m=6, **kwargs)
    rng = np.random.default_rng(seed)
    caps = rng.uniform(10, 60, problem.m)
    caps[rng.random(problem.m) < 0.3] = np.inf
    return dataclasses.replace(problem, capacity=caps)


@pytest.mark.parametrize("model", [Model.P_MEDIAN, Model.MAX_COVER])
@pytest.mark.parametrize("seed", range(6))
def test_capacitated_optimum_matches_brute_force(seed, model):
    problem = _capacitated(seed, fixed=seed % 2, p=1 + seed % 2)
    best = brute_capacitated(problem, model)
    answer = solve_capacitated(problem, model, EXACT)
    assert answer.model == model
    assert answer.objective == pytest.approx(best, rel=1e-6, abs=1e-6)
    if model == Model.P_MEDIAN:
        assert answer.bound <= best + 1e-6
    else:
        assert answer.bound >= best - 1e-6
    assert answer.stopped == StopReason.OPTIMAL
    assert answer.gap == pytest.approx(relative_gap(answer.objective, answer.bound))
    assert not set(answer.sites) & set(problem.fixed.tolist())
    opened = set(answer.sites) | set(problem.fixed.tolist())
    assert capacitated_value(problem, model, opened) == pytest.approx(answer.objective, abs=1e-6)


def test_infinite_capacities_give_the_uncapacitated_p_median():
    problem = dataclasses.replace(instance(3, n=30, m=7, p=2), capacity=np.full(7, np.inf))
    capped = solve_capacitated(problem, Model.P_MEDIAN, EXACT)
    free = solve_pmedian(problem, EXACT)
    assert capped.objective == pytest.approx(free.objective)


def test_tight_capacities_leave_residents_unreached():
    problem = dataclasses.replace(
        instance(2, n=20, m=5, fixed=0, p=1, radius=200), capacity=np.full(5, 7.0)
    )
    answer = solve_capacitated(problem, Model.MAX_COVER, EXACT)
    assert answer.objective == pytest.approx(7.0)


def test_too_many_pairs_are_refused(monkeypatch):
    monkeypatch.setattr(capacity, "MAX_PAIRS", 10)
    with pytest.raises(ValueError, match="too large"):
        solve_capacitated(_capacitated(0), Model.P_MEDIAN, EXACT)
    assert MAX_PAIRS >= 10_000


def test_set_cover_with_capacities_is_refused():
    with pytest.raises(ValueError, match="set_cover"):
        solve_capacitated(_capacitated(0), Model.SET_COVER, EXACT)


@pytest.mark.parametrize("model", [Model.P_MEDIAN, Model.MAX_COVER])
def test_greedy_fallback_when_highs_finds_nothing(monkeypatch, model):
    real = capacity.solve_mip
    calls = []

    def no_incumbent(mip, seconds, gap, **kwargs):
        calls.append(mip.p)
        if len(calls) == 1:
            bound = np.inf if mip.maximise else -np.inf
            return MipResult(sites=None, objective=np.nan, bound=bound, status="Time limit reached")
        return real(mip, seconds, gap, **kwargs)

    monkeypatch.setattr(capacity, "solve_mip", no_incumbent)
    problem = _capacitated(4, fixed=1, p=2)
    answer = solve_capacitated(problem, model, EXACT)
    assert "greedy" in answer.method
    assert len(answer.sites) == 2
    opened = set(answer.sites) | set(problem.fixed.tolist())
    assert answer.objective == pytest.approx(capacitated_value(problem, model, opened), abs=1e-6)
    best = brute_capacitated(problem, model)
    if model == Model.P_MEDIAN:
        assert answer.bound <= best + 1e-6
    else:
        assert answer.bound >= best - 1e-6
    assert answer.gap == pytest.approx(relative_gap(answer.objective, answer.bound))
