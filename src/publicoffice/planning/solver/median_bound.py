"""The p-median's certified lower bound: Lagrangian relaxation of the assignment rows.

Beasley (1993): relax "each row is assigned once" with a multiplier
``λ_i``. For any ``λ`` the relaxed problem splits by site: opening site
``j`` is worth ``ρ_j = Σ_i min(0, w_i c_ij − λ_i)`` over its listed rows,
and the row's fallback (its largest listed cost, always available) is worth
``min(0, f_i − λ_i)``. Then

    L(λ) = Σ_i λ_i + Σ_i min(0, f_i − λ_i) + Σ_{j fixed} ρ_j + (the p smallest ρ_j of the rest)

is a lower bound on every choice of sites, whatever ``λ`` is, so the
largest ``L`` seen is certified. Subgradient steps (Polyak's rule with
Held–Karp halving) push ``λ`` upwards; the sites the relaxation opens are
also a feasible choice and feed the primal search.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from publicoffice.planning.solver.median_lists import BoolArray, MedianLists
from publicoffice.planning.solver.types import FloatArray


@dataclass
class Relaxed:
    """One evaluation of ``L(λ)``: the bound, its subgradient and the sites it opens."""

    bound: float
    subgradient: FloatArray
    opened: BoolArray


def relax(lists: MedianLists, p: int, multipliers: FloatArray) -> Relaxed:
    """``L(λ)`` in O(pairs), with the subgradient ``1 − Σ_j x_ij`` of each row."""
    reduced = lists.wcost - multipliers[lists.row]
    rho = np.bincount(lists.col, weights=np.minimum(reduced, 0.0), minlength=lists.m)
    opened = np.zeros(lists.m, dtype=bool)
    opened[lists.fixed] = True
    take = min(p, lists.free.size)
    if take > 0:
        free_rho = rho[lists.free]
        best = np.argpartition(free_rho, take - 1)[:take] if take < free_rho.size else None
        opened[lists.free if best is None else lists.free[best]] = True
    fall = np.minimum(lists.fallback - multipliers, 0.0)
    bound = float(multipliers.sum() + fall.sum() + rho[opened].sum())
    used = opened[lists.col] & (reduced < 0)
    assigned = np.bincount(lists.row[used], minlength=lists.weights.shape[0])
    subgradient = (1.0 - assigned - (fall < 0)).astype(np.float64)
    return Relaxed(bound=bound, subgradient=subgradient, opened=opened)


class Subgradient:
    """The multiplier search; call :meth:`step` with the best total found so far."""

    #: Steps without a better bound before the step factor is halved.
    PATIENCE = 20
    #: Below this step factor the search has converged as far as it will.
    SMALLEST = 1e-4

    def __init__(self, lists: MedianLists, p: int, start: FloatArray) -> None:
        self.lists = lists
        self.p = p
        self.multipliers = np.maximum(np.asarray(start, dtype=np.float64).copy(), 0.0)
        self.theta = 2.0
        self.stale = 0
        self.best = -np.inf
        self.steps = 0

    @property
    def converged(self) -> bool:
        return self.theta < self.SMALLEST

    def step(self, upper: float) -> Relaxed:
        """Evaluate ``L`` at the current multipliers, keep the best, move the multipliers."""
        relaxed = relax(self.lists, self.p, self.multipliers)
        self.steps += 1
        if self.best == -np.inf or relaxed.bound > self.best + 1e-12 * abs(self.best):
            self.best = relaxed.bound
            self.stale = 0
        else:
            self.stale += 1
            if self.stale >= self.PATIENCE:
                self.theta /= 2.0
                self.stale = 0
        norm = float(relaxed.subgradient @ relaxed.subgradient)
        if norm == 0.0:
            self.theta = 0.0  # λ is optimal for the relaxation: nothing more to gain
            return relaxed
        size = self.theta * max(upper - relaxed.bound, 0.0) / norm
        if size == 0.0:
            self.theta = 0.0
        self.multipliers = np.maximum(self.multipliers + size * relaxed.subgradient, 0.0)
        return relaxed
