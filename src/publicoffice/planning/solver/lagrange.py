"""The certified upper bound for maximal covering: Lagrangian relaxation (Fisher 1981).

Maximal covering reads: maximise Σ w_i y_i subject to y_i ≤ Σ_j a_ij x_j,
Σ_j x_j = p, x binary, 0 ≤ y ≤ 1. Moving the coverage constraints into the
objective with multipliers 0 ≤ λ_i ≤ w_i gives, for every such λ,

    L(λ) = Σ_i (w_i − λ_i) + (sum of the p largest entries of Aᵀλ),

an upper bound on every choice of p sites. With λ_i = w_i on the rows a
solution S leaves uncovered and 0 elsewhere, L(λ) is the classic online
bound "value of S plus the p largest marginal gains" (Nemhauser, Wolsey &
Fisher 1978; Leskovec et al. 2007). Subgradient steps (Polyak 1969) then
lower L towards the LP bound. Each step costs two sparse products.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from publicoffice.planning.solver.types import FloatArray, IntArray

BoolArray = npt.NDArray[np.bool_]

#: Halve the Polyak step factor after this many steps without a better bound.
PATIENCE = 10
#: Stop the dual once the step factor falls below this.
MIN_THETA = 1e-4
#: How strongly the last direction deflects the next one (1.5 in the literature).
DEFLECT = 1.5


def top_p(values: FloatArray, p: int) -> IntArray:
    """Indices of the ``p`` largest entries (any order)."""
    if p <= 0:
        return np.zeros(0, dtype=np.int64)
    if p >= values.size:
        return np.arange(values.size, dtype=np.int64)
    return np.argpartition(-values, p - 1)[:p].astype(np.int64)


def times_covered(at: sparse.csr_matrix, columns: IntArray | list[int], k: int) -> IntArray:
    """How many of ``columns`` reach each of the ``k`` rows (``at`` is Aᵀ, CSR)."""
    if len(columns) == 0:
        return np.zeros(k, dtype=np.int64)
    return np.bincount(at[np.asarray(columns)].indices, minlength=k).astype(np.int64)


def value_of(lam: FloatArray, weights: FloatArray, reduced_costs: FloatArray, p: int) -> float:
    """L(λ), given c = Aᵀλ."""
    top = top_p(reduced_costs, p)
    return float((weights - lam).sum() + reduced_costs[top].sum())


@dataclass
class Dual:
    """The best bound found, its multipliers and reduced costs c = Aᵀλ."""

    bound: float
    lam: FloatArray
    costs: FloatArray
    steps: int = 0


def online(weights: FloatArray, covered: BoolArray, gains: FloatArray, p: int) -> Dual:
    """The bound of a solution: its value plus the p largest marginal gains."""
    lam = np.where(covered, 0.0, weights)
    bound = float(weights[covered].sum() + gains[top_p(gains, p)].sum())
    return Dual(bound=bound, lam=lam, costs=gains.copy())


def subgradient(
    a: sparse.csr_matrix,
    at: sparse.csr_matrix,
    weights: FloatArray,
    p: int,
    start: Dual,
    lower: Callable[[], float],
    *,
    done: Callable[[float, float], bool],
    deadline: float,
    should_stop: Callable[[], bool],
    max_steps: int = 10_000,
    on_columns: Callable[[IntArray], None] | None = None,
) -> Dual:
    """Polyak steps towards the best primal value ``lower()``; returns the best bound seen.

    ``done(lower, bound)`` says when the bound is good enough.

    ``on_columns`` sees each step's p best columns (a Lagrangian heuristic
    may try them as a solution).
    """
    best = Dual(start.bound, start.lam.copy(), start.costs.copy())
    lam = start.lam.copy()
    theta, idle = 1.0, 0
    direction: FloatArray | None = None
    k = weights.size
    for step in range(max_steps):
        lb = lower()
        if done(lb, best.bound) or theta < MIN_THETA:
            break
        if time.monotonic() >= deadline or should_stop():
            break
        costs = at @ lam
        top = top_p(costs, p)
        bound = float((weights - lam).sum() + costs[top].sum())
        best.steps = step + 1
        if bound < best.bound - 1e-12 * abs(best.bound):
            best.bound, best.lam, best.costs, idle = bound, lam.copy(), costs, 0
        else:
            idle += 1
            if idle >= PATIENCE:
                theta, idle = theta / 2, 0
        if on_columns is not None:
            on_columns(top)
        g = times_covered(at, top, k).astype(np.float64) - 1.0
        # Project: a multiplier at a bound does not move outwards.
        g[(lam <= 0) & (g > 0)] = 0.0
        g[(lam >= weights) & (g < 0)] = 0.0
        if direction is not None:
            g = g + _deflection(g, direction, weights) * direction
        direction = g
        # A step in the metric of the weights: heavy rows move more, light ones less.
        norm = _weighted(g, g, weights)
        if norm == 0:
            break
        lam = np.clip(lam - theta * (bound - lb) / norm * weights * g, 0.0, weights)
    return best


def _deflection(g: FloatArray, last: FloatArray, weights: FloatArray) -> float:
    """How much of the last direction to add (Camerini, Fratta & Maffioli 1975).

    Only when the two directions point against each other, so that the
    zig-zag of plain subgradient steps is damped.
    """
    against = -DEFLECT * _weighted(g, last, weights)
    return max(0.0, against) / max(_weighted(last, last, weights), 1e-300)


def _weighted(x: FloatArray, y: FloatArray, weights: FloatArray) -> float:
    """Σ x_i y_i w_i, summed by numpy rather than BLAS: a threaded BLAS dot on a
    busy machine costs milliseconds where this costs microseconds."""
    return float(np.sum(x * y * weights))


def fixing(dual: Dual, p: int, lower: float) -> tuple[BoolArray, BoolArray]:
    """Reduced-cost fixing: columns no better solution uses, and columns every one uses.

    With c = Aᵀλ sorted, forcing column j in (when outside the p best)
    gives the bound L − c_(p) + c_j; forcing it out (when among them) gives
    L − c_j + c_(p+1). A bound at or below ``lower`` (the best value found)
    means no solution beating ``lower`` does that.
    """
    c = dual.costs
    out = np.zeros(c.size, dtype=bool)
    inside = np.zeros(c.size, dtype=bool)
    if p <= 0 or p >= c.size:
        return out, inside
    order = np.argsort(-c, kind="stable")
    chosen = np.zeros(c.size, dtype=bool)
    chosen[order[:p]] = True
    c_p, c_next = c[order[p - 1]], c[order[p]]
    out = (~chosen) & (dual.bound - c_p + c <= lower)
    inside = chosen & (dual.bound - c + c_next <= lower)
    return out, inside
