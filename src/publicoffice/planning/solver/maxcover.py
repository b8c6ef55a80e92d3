"""Maximal covering (Church & ReVelle 1974): p new sites, fixed ones kept, most weight reached.

The method, in the order it runs (``docs/planning-method.md``):

1. exact aggregation (``aggregate.reduce``);
2. greedy on sparse columns with vectorised gains, which gives a solution
   and, for free, the online upper bound;
3. best-improvement 1-swap search;
4. Lagrangian subgradient, then volume, steps to lower the bound
   (``lagrange``, ``dual_volume``);
5. reduced-cost fixing and an exact MIP on what is left (``exact_cover``).

It stops as soon as the proven gap reaches ``Limits.gap`` or the time runs out.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from publicoffice.planning.solver import aggregate, dual_volume, exact_cover, lagrange
from publicoffice.planning.solver.types import (
    Answer,
    FloatArray,
    IntArray,
    Limits,
    Model,
    Problem,
    Progress,
    ShouldStop,
    StopReason,
    relative_gap,
)

#: The exact step runs when the problem left after fixing has at most this many pairs.
MIP_MAX_PAIRS = 100_000
#: Later bound stages take volume steps once this many dual steps are done: the volume
#: algorithm is slower than plain subgradient steps at first and better after that.
VOLUME_AFTER = 500
#: Relative margin added to the bound against floating-point rounding.
SAFETY = 5e-10
#: The core MIP looks at this many times p sites (at least CORE_MIN), for this share of the time.
CORE_FACTOR = 3
CORE_MIN = 40
CORE_SHARE = 0.2
#: What runs after the swaps while the gap is open: (share of the time limit, step).
STAGES = (
    (0.25, "bound"),
    (0.45, "core"),
    (0.6, "bound"),
    (0.7, "core"),
    (0.8, "bound"),
    (0.85, "exact"),
    (1.0, "bound"),
)


class Clock:
    """The time limit, and the caller's cancel button, in one place."""

    def __init__(self, seconds: float, should_stop: ShouldStop | None) -> None:
        self.start = time.monotonic()
        self.deadline = self.start + seconds
        self._should_stop = should_stop
        self.cancelled = False

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def elapsed(self) -> float:
        return time.monotonic() - self.start

    def stop(self) -> bool:
        """True once the caller asked to stop (remembered) — time is checked separately."""
        if not self.cancelled and self._should_stop is not None and self._should_stop():
            self.cancelled = True
        return self.cancelled

    def over(self) -> bool:
        return self.stop() or self.left() <= 0


@dataclass
class Cover:
    """A working solution on the reduced problem: its columns, row counts and value."""

    columns: list[int]
    counts: IntArray
    value: float
    history: list[str] = field(default_factory=list)


def greedy(
    a: sparse.csr_matrix, at: sparse.csr_matrix, w: FloatArray, p: int
) -> tuple[Cover, FloatArray]:
    """Take the column of largest marginal gain p times; also return the final gains.

    Gains are kept for all columns at once: when a column is taken, the
    rows it newly reaches are subtracted from every column through those
    rows (one sparse slice), so the whole run costs about one pass over
    the pairs.
    """
    k = w.size
    gains = at @ w
    counts = np.zeros(k, dtype=np.int64)
    chosen: list[int] = []
    value = 0.0
    for _ in range(p):
        j = int(np.argmax(gains))
        if gains[j] <= 0:
            break
        rows = at.indices[at.indptr[j] : at.indptr[j + 1]]
        new = rows[counts[rows] == 0]
        counts[rows] += 1
        value += float(w[new].sum())
        chosen.append(j)
        sub = a[new]
        gains -= np.bincount(
            sub.indices, weights=np.repeat(w[new], np.diff(sub.indptr)), minlength=gains.size
        )
        gains[j] = 0.0
    np.maximum(gains, 0.0, out=gains)
    return Cover(chosen, counts, value), gains


def _best_swap(
    a: sparse.csr_matrix, at: sparse.csr_matrix, w: FloatArray, cover: Cover
) -> tuple[float, int, int]:
    """The best (gain, out, in) over all exchanges of one chosen column for another."""
    gains = at @ np.where(cover.counts == 0, w, 0.0)
    gains[cover.columns] = -np.inf
    best = (0.0, -1, -1)
    for j in cover.columns:
        rows = at.indices[at.indptr[j] : at.indptr[j + 1]]
        alone = rows[cover.counts[rows] == 1]
        loss = float(w[alone].sum())
        if alone.size:
            sub = a[alone]
            extra = np.bincount(
                sub.indices, weights=np.repeat(w[alone], np.diff(sub.indptr)), minlength=gains.size
            )
            delta = gains + extra - loss
        else:
            delta = gains - loss
        k = int(np.argmax(delta))
        if delta[k] > best[0]:
            best = (float(delta[k]), j, k)
    return best


def swap_search(
    a: sparse.csr_matrix, at: sparse.csr_matrix, w: FloatArray, cover: Cover, clock: Clock
) -> int:
    """Best-improvement 1-swaps until none helps or time is up; returns the swaps made."""
    swaps = 0
    while cover.columns and not clock.over():
        gain, out, into = _best_swap(a, at, w, cover)
        if out < 0 or gain <= 1e-9 * max(cover.value, 1.0):
            break
        cover.columns[cover.columns.index(out)] = into
        cover.counts = lagrange.times_covered(at, cover.columns, w.size)
        cover.value = float(w[cover.counts > 0].sum())
        swaps += 1
    return swaps


def _answer(
    problem: Problem,
    red: aggregate.Reduced,
    cover: Cover,
    bound: float,
    clock: Clock,
    steps: int,
    limits: Limits,
) -> Answer:
    """Translate back to the original sites and values, and say why it stopped."""
    sites = tuple(sorted(int(red.columns[c]) for c in cover.columns))
    objective = red.constant + cover.value
    # Every term of L(λ) is non-negative, so its floating sum is off by at most
    # (number of terms) × 1.1e-16 of itself; 5e-10 covers four million terms.
    total_bound = max(red.constant + bound + SAFETY * abs(bound), objective)
    gap = relative_gap(objective, total_bound)
    if gap <= 1e-9:  # equal but for rounding: proven optimal
        stopped, gap, total_bound = StopReason.OPTIMAL, 0.0, objective
    elif gap <= limits.gap:
        stopped = StopReason.GAP
    elif clock.cancelled:
        stopped = StopReason.CANCELLED
    else:
        stopped = StopReason.TIME
    return Answer(
        model=Model.MAX_COVER,
        sites=sites,
        objective=objective,
        bound=total_bound,
        gap=gap,
        seconds=clock.elapsed(),
        method="; ".join(cover.history),
        stopped=stopped,
        iterations=steps,
    )


@dataclass(frozen=True)
class Goal:
    """When the search may stop: the gap target, or a decided threshold (set covering)."""

    constant: float
    gap: float
    target: float | None = None

    def __call__(self, lower: float, upper: float) -> bool:
        low, high = self.constant + lower, self.constant + upper
        if self.target is not None and (low >= self.target or high < self.target):
            return True
        return relative_gap(low, high) <= max(self.gap, 1e-9)


def solve_maxcover(
    problem: Problem,
    limits: Limits | None = None,
    *,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    target: float | None = None,
) -> Answer:
    """The best p new sites found within ``limits``, with a certified upper bound.

    With ``target`` it also stops once the value is known to reach it or
    the bound to fall short of it (what set covering asks).
    """
    limits = limits or Limits()
    clock = Clock(limits.seconds, should_stop)
    report = progress or (lambda share, stage: None)
    report(0.0, "aggregate")
    red = aggregate.reduce(problem.reach, problem.weights, problem.fixed)
    p = min(int(problem.p), red.columns.size)
    a = sparse.csr_matrix(red.reach, dtype=np.float64)
    at = a.T.tocsr()
    report(0.1, "greedy")
    cover, gains = greedy(a, at, red.weights, p)
    dual = lagrange.online(red.weights, cover.counts > 0, gains, p)
    done = Goal(red.constant, limits.gap, target)
    cover.history.append(f"aggregation to {red.k} rows × {red.columns.size} sites, greedy")
    steps = 0
    if not done(cover.value, dual.bound) and not clock.over():
        report(0.3, "swap")
        swaps = swap_search(a, at, red.weights, cover, clock)
        cover.history.append(f"{swaps} swaps")
    for share, stage in STAGES:
        if done(cover.value, dual.bound) or clock.over():
            break
        report(share, stage)
        if stage == "bound":
            until = clock.start + share * (clock.deadline - clock.start)
            dual = _tighten(
                a, at, red, p, cover, dual, clock, done, until, volume=steps >= VOLUME_AFTER
            )
            steps += dual.steps
        elif stage == "core":
            _core_mip(a, at, red, p, cover, dual, clock)
        else:
            dual = _exact(a, at, red, p, cover, dual, clock, limits)
    cover.history.append(f"{steps} dual steps (subgradient, then volume)")
    report(1.0, "done")
    return _answer(problem, red, cover, dual.bound, clock, steps, limits)


def _tighten(
    a: sparse.csr_matrix,
    at: sparse.csr_matrix,
    red: aggregate.Reduced,
    p: int,
    cover: Cover,
    dual: lagrange.Dual,
    clock: Clock,
    done: Goal,
    until: float,
    *,
    volume: bool = False,
) -> lagrange.Dual:
    """Dual steps; each step's p best columns are tried as a solution too.

    Plain subgradient steps make the quicker progress at first; once
    VOLUME_AFTER steps are done, later stages take volume steps from the
    best multipliers so far, which keep lowering the bound where the
    subgradient stalls.
    """
    w = red.weights

    def try_columns(top: IntArray) -> None:
        counts = lagrange.times_covered(at, top, w.size)
        value = float(w[counts > 0].sum())
        if value > cover.value + 1e-9 * max(cover.value, 1.0):
            cover.columns, cover.counts, cover.value = [int(c) for c in top], counts, value

    steps = dual_volume.volume if volume else functools.partial(lagrange.subgradient, a)
    return steps(
        at,
        w,
        p,
        dual,
        lambda: cover.value,
        done=done,
        deadline=until,
        should_stop=clock.stop,
        on_columns=try_columns,
    )


def _core_mip(
    a: sparse.csr_matrix,
    at: sparse.csr_matrix,
    red: aggregate.Reduced,
    p: int,
    cover: Cover,
    dual: lagrange.Dual,
    clock: Clock,
) -> None:
    """A better solution from a small MIP over the sites the bound likes best, then swaps.

    The p-largest reduced costs c = Aᵀλ point at the sites an optimal
    solution is likely to use; a MIP over a few times p of them (rows
    aggregated again on those sites) is quick and usually beats greedy.
    """
    size = max(CORE_FACTOR * p, CORE_MIN)
    core = np.union1d(np.asarray(cover.columns, dtype=np.int64), lagrange.top_p(dual.costs, size))
    sub = aggregate.reduce(red.reach[:, core], red.weights)
    seconds = min(0.8 * clock.left(), CORE_SHARE * (clock.deadline - clock.start))
    position = np.searchsorted(core[sub.columns], cover.columns)
    known = position[position < sub.columns.size]
    known = known[
        core[sub.columns][known] == np.asarray(cover.columns)[position < sub.columns.size]
    ]
    mip = exact_cover.solve_mip(
        sub.reach, sub.weights, min(p, sub.columns.size), seconds=seconds, gap=1e-4, start=known
    )
    cover.history.append(f"core MIP over {core.size} sites")
    if mip.value > cover.value + 1e-9 * max(cover.value, 1.0):
        cover.columns = [int(c) for c in core[sub.columns[mip.columns]]]
        cover.counts = lagrange.times_covered(at, cover.columns, red.k)
        cover.value = float(red.weights[cover.counts > 0].sum())
        swaps = swap_search(a, at, red.weights, cover, clock)
        cover.history.append(f"{swaps} swaps")


def _exact(
    a: sparse.csr_matrix,
    at: sparse.csr_matrix,
    red: aggregate.Reduced,
    p: int,
    cover: Cover,
    dual: lagrange.Dual,
    clock: Clock,
    limits: Limits,
) -> lagrange.Dual:
    """Fix what the bound decides, then let HiGHS prove the rest if it is small enough."""
    out, inside = lagrange.fixing(dual, p, cover.value)
    keep = np.flatnonzero(~out)
    if int(np.diff(at.indptr)[keep].sum()) > 4 * MIP_MAX_PAIRS:
        cover.history.append(f"reduced-cost fixing kept {keep.size} sites")
        return dual  # far too large for the exact step: leave the time to the bound
    fixed_in = np.flatnonzero(inside[keep])
    rest = aggregate.reduce(red.reach[:, keep], red.weights, fixed_in)
    cover.history.append(
        f"reduced-cost fixing kept {keep.size} sites ({fixed_in.size} fixed), "
        f"{rest.k} rows × {rest.columns.size} sites"
    )
    if rest.reach.nnz > MIP_MAX_PAIRS or clock.left() < 0.2:
        return dual
    p_rest = min(p - fixed_in.size, rest.columns.size)
    mip = exact_cover.solve_mip(
        rest.reach, rest.weights, p_rest, seconds=0.8 * clock.left(), gap=limits.gap * 0.5
    )
    cover.history.append("HiGHS MIP on the rest" + (" (optimal)" if mip.optimal else ""))
    value = rest.constant + mip.value
    if value > cover.value + 1e-9 * max(cover.value, 1.0):
        cols = list(keep[fixed_in]) + list(keep[rest.columns[mip.columns]])
        cover.columns = [int(c) for c in cols]
        cover.counts = lagrange.times_covered(at, cover.columns, red.k)
        cover.value = float(red.weights[cover.counts > 0].sum())
    bound = max(cover.value, rest.constant + mip.bound)
    if bound < dual.bound:
        dual = lagrange.Dual(bound, dual.lam, dual.costs, dual.steps)
    return dual
