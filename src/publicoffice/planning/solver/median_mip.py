"""A site-location MIP for HiGHS over the sparse pairs only (Huangfu & Hall 2018).

Variables: ``y_j`` (binary, open site ``j``; fixed sites have both bounds at
1), ``x_k`` for each listed pair ``k`` (continuous 0–1: the share of the
row served by that site; demand may split, as residents of a grid cell may
go to different offices), and for the p-median a fallback ``f_i`` per row
at the row's largest listed cost (an unlisted site is at least that far).

Rows: each point assigned once (p-median: ``Σ x + f = 1``) or at most once
(maximal covering: ``Σ x ≤ 1``); ``x_k ≤ y_j`` per pair; the capacity
``Σ w_i x_ij ≤ cap_j · y_j`` for each site with a finite capacity; and
``Σ y_j = p`` over the sites that are not fixed.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import highspy
import numpy as np
from scipy import sparse

from publicoffice.planning.solver.median_lists import BoolArray
from publicoffice.planning.solver.types import FloatArray, IntArray


@dataclass(frozen=True)
class SiteMip:
    """The data of one instance: pair ``k`` links row ``pair_row[k]`` to ``pair_col[k]``."""

    m: int
    weights: FloatArray  # per row (the rows kept)
    pair_row: IntArray
    pair_col: IntArray
    pair_value: FloatArray  # weighted cost (minimise) or weight reached (maximise)
    fallback: FloatArray | None  # per-row weighted fallback cost; None for maximal covering
    capacity: FloatArray | None
    fixed: IntArray
    free: IntArray
    p: int
    maximise: bool


@dataclass(frozen=True)
class MipResult:
    """HiGHS's incumbent (``sites`` open, or None without one) and its dual bound."""

    sites: BoolArray | None
    objective: float
    bound: float
    status: str


def _columns(mip: SiteMip) -> tuple[FloatArray, FloatArray, FloatArray, IntArray]:
    """Cost, lower and upper bound and integrality of y, then x, then f."""
    rows = mip.weights.shape[0]
    pairs = mip.pair_col.shape[0]
    n_fall = rows if mip.fallback is not None else 0
    cost = np.concatenate(
        [np.zeros(mip.m), mip.pair_value, mip.fallback if mip.fallback is not None else []]
    )
    lower = np.zeros(mip.m + pairs + n_fall)
    lower[mip.fixed] = 1.0
    upper = np.ones(mip.m + pairs + n_fall)
    integrality = np.zeros(mip.m + pairs + n_fall, dtype=np.int32)
    integrality[: mip.m] = 1
    return cost, lower, upper, integrality


def _matrix(mip: SiteMip) -> tuple[sparse.csc_matrix, FloatArray, FloatArray]:
    """The constraint matrix (columns y, x, f) with its row bounds."""
    rows = mip.weights.shape[0]
    pairs = mip.pair_col.shape[0]
    x = mip.m + np.arange(pairs)
    r_assign, c_assign = [mip.pair_row], [x]
    if mip.fallback is not None:
        r_assign.append(np.arange(rows))
        c_assign.append(mip.m + pairs + np.arange(rows))
    vub = rows + np.arange(pairs)
    capped: IntArray = (
        np.flatnonzero(np.isfinite(mip.capacity))
        if mip.capacity is not None
        else np.zeros(0, dtype=np.int64)
    )
    cap_slot = np.full(mip.m, -1, dtype=np.int64)
    cap_slot[capped] = rows + pairs + np.arange(len(capped))
    in_cap = cap_slot[mip.pair_col] >= 0
    card = rows + pairs + len(capped)
    r = np.concatenate(
        [
            *r_assign,
            vub,
            vub,
            cap_slot[mip.pair_col[in_cap]],
            cap_slot[capped],
            np.full(mip.free.size, card),
        ]
    )
    c = np.concatenate([*c_assign, x, mip.pair_col, x[in_cap], capped, mip.free])
    cap_values = mip.capacity[capped] if mip.capacity is not None else np.zeros(0)
    v = np.concatenate(
        [
            np.ones(sum(len(a) for a in r_assign)),
            np.ones(pairs),
            -np.ones(pairs),
            mip.weights[mip.pair_row[in_cap]],
            -cap_values,
            np.ones(mip.free.size),
        ]
    )
    total_rows = card + 1
    n_cols = mip.m + pairs + (rows if mip.fallback is not None else 0)
    matrix = sparse.csc_matrix((v, (r, c)), shape=(total_rows, n_cols))
    lower = np.full(total_rows, -highspy.kHighsInf)
    upper = np.zeros(total_rows)
    upper[:rows] = 1.0
    if mip.fallback is not None:
        lower[:rows] = 1.0
    take = min(mip.p, mip.free.size)
    lower[card] = upper[card] = float(take)
    return matrix, lower, upper


def solve_mip(
    mip: SiteMip,
    seconds: float,
    gap: float,
    *,
    should_stop: Callable[[], bool] | None = None,
) -> MipResult:
    """Solve within ``seconds`` to the relative ``gap``.

    No start solution is passed: with one (even complete and optimal),
    HiGHS 1.16 stopped at the root in our tests and reported the LP bound as
    the objective. The callers keep their own incumbent and recompute the
    objective of HiGHS's sites themselves.
    """
    cost, col_lower, col_upper, integrality = _columns(mip)
    matrix, row_lower, row_upper = _matrix(mip)
    highs = highspy.Highs()
    highs.silent()
    highs.setOptionValue("time_limit", max(float(seconds), 0.01))
    highs.setOptionValue("mip_rel_gap", float(gap))
    highs.passModel(
        int(matrix.shape[1]),
        int(matrix.shape[0]),
        int(matrix.nnz),
        1,  # column-wise
        -1 if mip.maximise else 1,
        0.0,
        cost,
        col_lower,
        col_upper,
        row_lower,
        row_upper,
        matrix.indptr.astype(np.int32),
        matrix.indices.astype(np.int32),
        matrix.data.astype(np.float64),
        integrality,
    )
    if should_stop is not None:
        check = _interrupter(should_stop)
        highs.cbMipInterrupt.subscribe(check)
        highs.cbSimplexInterrupt.subscribe(check)  # the root LP may take most of the time
        highs.cbIpmInterrupt.subscribe(check)
    highs.run()
    info = highs.getInfo()
    status = highs.modelStatusToString(highs.getModelStatus())
    if info.primal_solution_status != highspy.SolutionStatus.kSolutionStatusFeasible:
        return MipResult(sites=None, objective=math.nan, bound=_bound(info, mip), status=status)
    values = np.asarray(highs.getSolution().col_value[: mip.m])
    return MipResult(
        sites=values > 0.5,
        objective=float(info.objective_function_value),
        bound=_bound(info, mip),
        status=status,
    )


def _bound(info: Any, mip: SiteMip) -> float:
    bound = float(info.mip_dual_bound)
    if math.isfinite(bound):
        return bound
    return math.inf if mip.maximise else -math.inf


def _interrupter(should_stop: Callable[[], bool]) -> Callable[[Any], None]:
    def check(event: Any) -> None:
        if should_stop():
            event.interrupt()

    return check
