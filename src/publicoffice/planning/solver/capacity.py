"""Maximal covering and p-median when sites have capacities: a MIP for HiGHS.

A site ``j`` may serve at most ``capacity[j]`` weighted residents (``inf``
for no limit). Demand may split between sites (the residents of a grid cell
need not all go to the same office), so only the sites are integer; the
model is in :mod:`median_mip`. HiGHS (Huangfu & Hall 2018) runs
branch-and-cut within the time limit; its dual bound is the certified bound.

Size: the MIP has one variable and one row per pair, so instances above
:data:`MAX_PAIRS` pairs are refused with a ``ValueError`` (the services turn
it into a message asking for a smaller area, fewer candidates or no
capacities) rather than left to run out of time without an answer.

If HiGHS stops without a feasible choice (rare: every choice is feasible,
since points may stay unserved), a greedy choice is evaluated exactly
(all sites fixed, the assignment is then a small LP) and returned with
HiGHS's bound.
"""

from __future__ import annotations

import dataclasses
import math
import time

import numpy as np
from scipy import sparse

from publicoffice.planning.solver.median_lists import BoolArray, median_lists
from publicoffice.planning.solver.median_mip import MipResult, SiteMip, solve_mip
from publicoffice.planning.solver.median_search import greedy
from publicoffice.planning.solver.types import (
    Answer,
    Limits,
    Model,
    Problem,
    Progress,
    ShouldStop,
    StopReason,
    relative_gap,
)

#: The largest number of pairs the capacitated MIP accepts.
MAX_PAIRS = 50_000


def solve_capacitated(
    problem: Problem,
    model: Model,
    limits: Limits,
    *,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> Answer:
    """The best choice of ``problem.p`` new sites under the capacities, with HiGHS's bound."""
    started = time.monotonic()
    report = progress or (lambda share, stage: None)
    mip = _site_mip(problem, model)
    report(0.0, "mip")
    result = solve_mip(mip, limits.seconds, limits.gap, should_stop=should_stop)
    method = f"capacitated {model.value}: HiGHS MIP ({result.status})"
    if result.sites is None:
        chosen = _greedy(problem, model, mip)
        left = max(limits.seconds - (time.monotonic() - started), 1.0)
        fixed_all = dataclasses.replace(
            mip, fixed=np.flatnonzero(chosen), free=np.flatnonzero(~chosen), p=0
        )
        evaluated = solve_mip(fixed_all, left, 0.0)
        result = MipResult(chosen, evaluated.objective, result.bound, result.status)
        method += "; greedy choice (HiGHS found none in time), assignment solved exactly"
    report(1.0, "done")
    return _answer(mip, model, result, limits, started, method, bool(should_stop and should_stop()))


def _site_mip(problem: Problem, model: Model) -> SiteMip:
    """The instance as pairs: cost pairs for the p-median, reach pairs for maximal covering."""
    capacity = problem.capacity if problem.capacity is not None else np.full(problem.m, np.inf)
    if model == Model.P_MEDIAN:
        lists = median_lists(problem)
        weights, rows, cols, value = lists.weights, lists.row, lists.col, lists.wcost
        fallback, fixed, free = lists.fallback, lists.fixed, lists.free
    elif model == Model.MAX_COVER:
        reach = sparse.csr_matrix(problem.reach, dtype=bool)
        counts = np.diff(reach.indptr)
        kept = np.flatnonzero(counts > 0)
        index = np.full(problem.n, -1, dtype=np.int64)
        index[kept] = np.arange(kept.size)
        rows = index[np.repeat(np.arange(problem.n), counts)]
        cols = reach.indices.astype(np.int64)
        weights = np.asarray(problem.weights, dtype=np.float64)[kept]
        value, fallback = weights[rows], None
        fixed = np.unique(np.asarray(problem.fixed, dtype=np.int64))
        free = np.setdiff1d(np.arange(problem.m, dtype=np.int64), fixed)
    else:
        raise ValueError(f"capacities apply to max_cover and p_median, not {model.value}")
    if cols.size > MAX_PAIRS:
        raise ValueError(
            f"capacitated instance too large: {cols.size} pairs, at most {MAX_PAIRS}; "
            "choose a smaller area, fewer candidates or no capacities"
        )
    return SiteMip(
        m=problem.m,
        weights=weights,
        pair_row=rows,
        pair_col=cols,
        pair_value=value,
        fallback=fallback,
        capacity=np.asarray(capacity, dtype=np.float64),
        fixed=fixed,
        free=free,
        p=min(max(problem.p, 0), free.size),
        maximise=model == Model.MAX_COVER,
    )


def _greedy(problem: Problem, model: Model, mip: SiteMip) -> BoolArray:
    """A quick choice: the uncapacitated greedy, gains capped by capacity for covering."""
    if model == Model.P_MEDIAN:
        return greedy(median_lists(problem), mip.p)
    is_open = np.zeros(mip.m, dtype=bool)
    is_open[mip.fixed] = True
    covered = np.zeros(mip.weights.shape[0], dtype=bool)
    covered[mip.pair_row[is_open[mip.pair_col]]] = True
    capacity = mip.capacity if mip.capacity is not None else np.full(mip.m, np.inf)
    for _ in range(mip.p):
        loose = ~covered[mip.pair_row]
        gain = np.bincount(mip.pair_col[loose], weights=mip.pair_value[loose], minlength=mip.m)
        gain = np.minimum(gain, capacity)
        gain[is_open] = -1.0
        best = int(np.argmax(gain))
        is_open[best] = True
        covered[mip.pair_row[mip.pair_col == best]] = True
    return is_open


def _answer(
    mip: SiteMip,
    model: Model,
    result: MipResult,
    limits: Limits,
    started: float,
    method: str,
    cancelled: bool,
) -> Answer:
    objective = float(result.objective)
    bound = result.bound
    if not math.isfinite(bound):  # HiGHS proved nothing: the trivial bound
        bound = float(mip.weights.sum()) if mip.maximise else 0.0
    bound = max(bound, objective) if mip.maximise else min(bound, objective)
    gap = relative_gap(objective, bound)
    if gap <= 1e-9:
        stopped = StopReason.OPTIMAL
    elif gap <= limits.gap:
        stopped = StopReason.GAP
    else:
        stopped = StopReason.CANCELLED if cancelled else StopReason.TIME
    opened = np.flatnonzero(np.asarray(result.sites, dtype=bool))
    fixed = set(mip.fixed.tolist())
    return Answer(
        model=model,
        sites=tuple(int(j) for j in opened if int(j) not in fixed),
        objective=objective,
        bound=float(bound),
        gap=float(gap),
        seconds=time.monotonic() - started,
        method=method,
        stopped=stopped,
    )
