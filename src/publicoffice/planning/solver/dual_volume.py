"""The volume algorithm (Barahona & Anbil 2000) for the Lagrangian bound of ``lagrange``.

Plain subgradient steps make quick progress first and then stall a few
per cent above the LP bound: each step follows the subgradient of a single
Lagrangian solution, which on large, overlapping covering instances points
somewhere new every time. The volume algorithm keeps two things instead:

* a *centre*, the best multipliers so far, which only moves when a trial
  point gives a better bound (a "serious step");
* a *direction*, an exponentially weighted average of the subgradients of
  all trial points. Averaged, the Lagrangian solutions approximate an LP
  solution, and their average subgradient approximates the gradient of the
  LP dual, so the steps stop zig-zagging.

Every bound it reports is L(λ) evaluated exactly at a λ clipped into
0 ≤ λ ≤ w, so it is as certified as the subgradient's. Steps are taken in
the metric of the weights, as in ``lagrange.subgradient``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from scipy import sparse

from publicoffice.planning.solver.lagrange import Dual, times_covered, top_p
from publicoffice.planning.solver.types import FloatArray, IntArray

#: The largest weight of a new subgradient in the averaged direction.
ALPHA = 0.1
#: Shrink the step factor after this many trial points without a better bound ...
RED_STEPS = 20
#: ... by this much; and grow it by GROW after a serious step that still descends.
SHRINK = 0.66
GROW = 1.1
#: Stop once the step factor falls below this.
MIN_THETA = 1e-4


def _evaluate(
    at: sparse.csr_matrix, weights: FloatArray, lam: FloatArray, p: int
) -> tuple[float, FloatArray, IntArray, FloatArray]:
    """L(λ), c = Aᵀλ, the p best columns and the subgradient (times covered − 1)."""
    costs = at @ lam
    top = top_p(costs, p)
    bound = float((weights - lam).sum() + costs[top].sum())
    g = times_covered(at, top, weights.size).astype(np.float64) - 1.0
    return bound, costs, top, g


def _mix(g: FloatArray, average: FloatArray, weights: FloatArray) -> float:
    """The share of the new subgradient that makes the average shortest, in [ALPHA/10, ALPHA]."""
    diff = g - average
    norm = float(np.sum(diff * diff * weights))
    if norm <= 0:
        return ALPHA
    best = -float(np.sum(average * diff * weights)) / norm
    return min(max(best, ALPHA / 10), ALPHA)


def volume(
    at: sparse.csr_matrix,
    weights: FloatArray,
    p: int,
    start: Dual,
    lower: Callable[[], float],
    *,
    done: Callable[[float, float], bool],
    deadline: float,
    should_stop: Callable[[], bool],
    theta: float = 0.02,
    max_steps: int = 100_000,
    on_columns: Callable[[IntArray], None] | None = None,
) -> Dual:
    """Volume steps from ``start`` towards ``lower()``; returns the best bound seen.

    Same contract as ``lagrange.subgradient``: ``done(lower, bound)`` says
    when the bound is good enough, ``on_columns`` sees each trial point's p
    best columns.
    """
    best = Dual(start.bound, start.lam.copy(), start.costs.copy(), 0)
    bound, best.costs, _, average = _evaluate(at, weights, best.lam, p)
    best.bound = min(best.bound, bound)
    idle = 0
    for step in range(max_steps):
        lb = lower()
        if done(lb, best.bound) or theta < MIN_THETA:
            break
        if time.monotonic() >= deadline or should_stop():
            break
        v = average.copy()
        # Project: a multiplier at a bound does not move outwards.
        v[(best.lam <= 0) & (v > 0)] = 0.0
        v[(best.lam >= weights) & (v < 0)] = 0.0
        norm = float(np.sum(v * v * weights))
        if norm == 0:
            break
        gap = max(best.bound - lb, 1e-9 * max(abs(best.bound), 1.0))
        lam = np.clip(best.lam - theta * gap / norm * weights * v, 0.0, weights)
        bound, costs, top, g = _evaluate(at, weights, lam, p)
        best.steps = step + 1
        if on_columns is not None:
            on_columns(top)
        share = _mix(g, average, weights)
        average = share * g + (1.0 - share) * average
        if bound < best.bound:
            if float(np.sum(g * v * weights)) > 0:  # a longer step would have helped
                theta = min(GROW * theta, 2.0)
            best.bound, best.lam, best.costs, idle = bound, lam, costs, 0
        else:
            idle += 1
            if idle >= RED_STEPS:
                theta, idle = SHRINK * theta, 0
    return best
