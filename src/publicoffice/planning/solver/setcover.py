"""Set covering (Toregas et al. 1971): the fewest new sites reaching a share of the weight.

A search over the number of sites p with the maximal-covering solver: p
sites are enough once a solution reaches the target, and provably too few
once the certified upper bound for p sites stays below it. The answer's
``objective`` is the number of new sites, ``bound`` the proven lower bound
on that number.
"""

from __future__ import annotations

import dataclasses

import numpy as np
from scipy import sparse

from publicoffice.planning.solver import aggregate, maxcover
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

_EPS = 1e-9


def _first_lower(red: aggregate.Reduced, target: float) -> int:
    """The fewest sites whose single-site reaches could add up to the target (a weak bound)."""
    a = sparse.csr_matrix(red.reach, dtype=np.float64)
    alone = np.sort(a.T @ red.weights)[::-1]
    reach = red.constant + np.concatenate([[0.0], np.cumsum(alone)])
    enough = np.flatnonzero(reach >= target - _EPS)
    return int(enough[0]) if enough.size else red.columns.size + 1


def solve_setcover(
    problem: Problem,
    limits: Limits | None = None,
    *,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> Answer:
    """The fewest new sites reaching ``problem.share`` of the weight, with a proven lower bound."""
    limits = limits or Limits()
    clock = maxcover.Clock(limits.seconds, should_stop)
    report = progress or (lambda share, stage: None)
    red = aggregate.reduce(problem.reach, problem.weights, problem.fixed)
    target = float(problem.share or 0.0) * red.total * (1 - _EPS)
    a = sparse.csr_matrix(red.reach, dtype=np.float64)
    cover, _ = maxcover.greedy(a, a.T.tocsr(), red.weights, red.columns.size)
    reached = red.constant + np.concatenate([[0.0], np.cumsum(_gains_in_order(a, red, cover))])
    hits = np.flatnonzero(reached >= target)
    if not hits.size:
        return _unreachable(red, cover.columns, clock)
    upper = int(hits[0])
    best = [int(red.columns[c]) for c in cover.columns[:upper]]
    lower = min(_first_lower(red, target), upper)
    method = [f"greedy: {upper} sites"]
    p = upper - 1
    while p >= lower and not clock.over():
        report(1 - (p - lower) / max(upper - lower, 1), f"p={p}")
        slice_limits = Limits(gap=0.0, seconds=max(clock.left() / 2, 0.05))
        answer = maxcover.solve_maxcover(
            dataclasses.replace(problem, p=p), slice_limits, should_stop=clock.stop, target=target
        )
        if answer.objective >= target:
            upper, best = p, list(answer.sites)
            method.append(f"{p} sites reach it")
            p -= 1
        elif answer.bound < target:
            lower = p + 1
            method.append(f"{p} sites proven too few")
        else:
            method.append(f"{p} sites undecided")
            break
    gap = relative_gap(float(upper), float(lower))
    stopped = StopReason.OPTIMAL if lower >= upper else StopReason.TIME
    if stopped != StopReason.OPTIMAL and clock.cancelled:
        stopped = StopReason.CANCELLED
    elif stopped != StopReason.OPTIMAL and gap <= limits.gap:
        stopped = StopReason.GAP
    return Answer(
        model=Model.SET_COVER,
        sites=tuple(sorted(best)),
        objective=float(upper),
        bound=float(min(lower, upper)),
        gap=0.0 if stopped == StopReason.OPTIMAL else gap,
        seconds=clock.elapsed(),
        method="; ".join(method),
        stopped=stopped,
    )


def _gains_in_order(
    a: sparse.csr_matrix, red: aggregate.Reduced, cover: maxcover.Cover
) -> list[float]:
    """The weight each greedy pick added, in the order taken."""
    counts = np.zeros(red.k, dtype=np.int64)
    at = a.T.tocsr()
    out = []
    for j in cover.columns:
        rows = at.indices[at.indptr[j] : at.indptr[j + 1]]
        out.append(float(red.weights[rows[counts[rows] == 0]].sum()))
        counts[rows] += 1
    return out


def _unreachable(red: aggregate.Reduced, columns: list[int], clock: maxcover.Clock) -> Answer:
    """No choice reaches the share: answer with the sites that reach all that can be reached."""
    sites = tuple(sorted(int(red.columns[c]) for c in columns))
    count = float(len(sites))
    return Answer(
        model=Model.SET_COVER,
        sites=sites,
        objective=count,
        bound=count,
        gap=0.0,
        seconds=clock.elapsed(),
        method="the share cannot be reached with every candidate open; "
        "these sites reach everyone who can be reached",
        stopped=StopReason.OPTIMAL,
    )
