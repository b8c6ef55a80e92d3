"""p-median (Hakimi 1964): p new sites, least total weighted cost to the nearest open site.

The primal side is greedy opening then fast vertex substitution
(:mod:`median_search`); the certified lower bound is Beasley's Lagrangian
relaxation (:mod:`median_bound`). Every few subgradient steps the sites the
relaxation opens are tried as a start for the interchange, which often
finds better local optima. On small instances whose gap is still open,
HiGHS solves the MIP (:mod:`median_mip`) in the time that is left, which
closes the gap or tightens the bound.

The objective is the total weighted cost (residents × metres or minutes)
over the rows that have listed pairs; rows without any are unreachable and
left out. A row whose listed sites are all closed is charged its largest
listed cost, a lower estimate of its true cost; the method text says so.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from publicoffice.planning.solver.median_bound import Subgradient, relax
from publicoffice.planning.solver.median_lists import (
    BoolArray,
    MedianLists,
    assign,
    median_lists,
    truncated,
)
from publicoffice.planning.solver.median_mip import SiteMip, solve_mip
from publicoffice.planning.solver.median_search import greedy, interchange
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

#: Up to this many pairs HiGHS gets the MIP when the Lagrangian leaves a gap.
EXACT_PAIRS = 20_000
#: Subgradient steps between two looks at the relaxation's sites as a primal start.
PRIMAL_EVERY = 5
#: Those sites start an interchange when within this share of the best total.
PROMISING = 0.02


@dataclass
class _Search:
    """The running state: best sites and total, best bound, and what was done."""

    lists: MedianLists
    p: int
    started: float
    limits: Limits
    stop: Callable[[], bool]
    best: BoolArray
    total: float
    bound: float
    steps: int = 0
    swaps: int = 0
    exact: str = ""

    @property
    def gap(self) -> float:
        return relative_gap(self.total, min(self.bound, self.total))

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def out_of_time(self) -> bool:
        return self.elapsed >= self.limits.seconds or self.stop()

    def offer(self, is_open: BoolArray) -> None:
        """Improve ``is_open`` by interchange and keep it when it beats the best."""
        better, current, swaps = interchange(self.lists, is_open, self.out_of_time)
        self.swaps += swaps
        if current.total < self.total:
            self.best, self.total = better, current.total


def solve_pmedian(
    problem: Problem,
    limits: Limits,
    *,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> Answer:
    """The best choice of ``problem.p`` new sites found within ``limits``, with its bound."""
    stop = should_stop or (lambda: False)
    report = progress or (lambda share, stage: None)
    lists = median_lists(problem)
    p = min(max(problem.p, 0), lists.free.size)
    search = _Search(lists, p, time.monotonic(), limits, stop, np.zeros(0, bool), np.inf, -np.inf)
    report(0.0, "greedy")
    search.offer(greedy(lists, p))
    if p in (0, lists.free.size):
        search.bound = search.total  # only one choice exists
    else:
        report(0.2, "bound")
        _lagrangian(search, report)
        if search.gap > limits.gap and lists.pairs <= EXACT_PAIRS and not search.out_of_time():
            report(0.8, "exact")
            _exact(search)
    report(1.0, "done")
    return _answer(search, stop())


def _lagrangian(search: _Search, report: Progress) -> None:
    """Subgradient steps until the gap, the time, or convergence; primal tries on the way."""
    lists = search.lists
    nearest = lists.wcost[lists.start[:-1]]  # λ_i = w_i · (smallest listed cost): L = Σ λ
    method = Subgradient(lists, search.p, nearest)
    search.bound = max(search.bound, relax(lists, search.p, nearest).bound)
    tried: set[bytes] = set()
    while not (search.gap <= search.limits.gap or method.converged or search.out_of_time()):
        relaxed = method.step(search.total)
        search.bound = max(search.bound, method.best)
        search.steps = method.steps
        key = np.flatnonzero(relaxed.opened).tobytes()
        if method.steps % PRIMAL_EVERY == 0 and key not in tried:
            tried.add(key)
            if assign(lists, relaxed.opened).total < search.total * (1 + PROMISING):
                search.offer(relaxed.opened)
        if method.steps % 25 == 0:
            report(min(0.2 + 0.6 * search.elapsed / search.limits.seconds, 0.8), "bound")


def _exact(search: _Search) -> None:
    """HiGHS on the MIP with the remaining time, seeded with the best sites."""
    lists = search.lists
    mip = SiteMip(
        m=lists.m,
        weights=lists.weights,
        pair_row=lists.row,
        pair_col=lists.col,
        pair_value=lists.wcost,
        fallback=lists.fallback,
        capacity=None,
        fixed=lists.fixed,
        free=lists.free,
        p=search.p,
        maximise=False,
    )
    left = search.limits.seconds - search.elapsed
    result = solve_mip(mip, left, search.limits.gap, should_stop=search.stop)
    search.exact = "; HiGHS MIP " + result.status
    search.bound = max(search.bound, result.bound)
    if result.sites is not None:
        total = assign(lists, result.sites).total
        if total < search.total:
            search.best, search.total = result.sites, total


def _answer(search: _Search, cancelled: bool) -> Answer:
    lists = search.lists
    bound = min(search.bound, search.total)
    gap = relative_gap(search.total, bound)
    if gap <= 1e-9:
        stopped = StopReason.OPTIMAL
    elif gap <= search.limits.gap:
        stopped = StopReason.GAP
    else:
        stopped = StopReason.CANCELLED if cancelled else StopReason.TIME
    method = (
        "p-median: greedy + fast interchange (Whitaker; Resende & Werneck), "
        f"{search.swaps} swaps; Lagrangian bound (Beasley), {search.steps} steps{search.exact}"
    )
    if truncated(lists, assign(lists, search.best)):
        method += (
            "; some points have none of their listed sites open and are charged "
            "their largest listed cost, a lower estimate"
        )
    chosen = np.flatnonzero(search.best)
    sites = tuple(int(j) for j in chosen if j not in set(lists.fixed.tolist()))
    return Answer(
        model=Model.P_MEDIAN,
        sites=sites,
        objective=float(search.total),
        bound=float(bound),
        gap=float(gap),
        seconds=search.elapsed,
        method=method,
        stopped=stopped,
        iterations=search.steps + search.swaps,
    )
