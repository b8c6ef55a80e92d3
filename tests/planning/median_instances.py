"""Small p-median and capacity instances and their brute-force optima, shared by the solver tests.

The cost lists are built as the instance builder does: each row's ``k``
nearest sites plus every fixed site. Brute force enumerates every choice of
sites and charges a row whose listed sites are all closed its largest listed
cost; with capacities, each choice's assignment is an LP (scipy's HiGHS).
"""

from __future__ import annotations

import itertools

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

from publicoffice.planning.solver.coverage import from_pairs
from publicoffice.planning.solver.types import Model, Problem


def instance(
    seed: int,
    *,
    n: int = 25,
    m: int = 7,
    k: int = 3,
    fixed: int = 1,
    p: int = 2,
    radius: float = 30,
) -> Problem:
    """Random points and sites in a 100 × 100 square, integer weights (some zero)."""
    rng = np.random.default_rng(seed)
    points = rng.uniform(0, 100, (n, 2))
    sites = rng.uniform(0, 100, (m, 2))
    dist = np.linalg.norm(points[:, None] - sites[None], axis=2)
    fixed_sites = rng.choice(m, size=fixed, replace=False).astype(np.int64)
    nearest = np.argsort(dist, axis=1)[:, :k]
    rows, cols = [], []
    for i in range(n):
        for j in sorted(set(nearest[i].tolist()) | set(fixed_sites.tolist())):
            rows.append(i)
            cols.append(j)
    cost = from_pairs(rows, cols, dist[rows, cols], n, m)
    reach = sparse.csr_matrix(dist <= radius)
    weights = rng.integers(0, 20, n).astype(np.float64)
    return Problem(weights=weights, reach=reach, fixed=fixed_sites, p=p, cost=cost)


def median_value(problem: Problem, opened: set[int]) -> float:
    """Total weighted cost of a choice, a row with no open listed site at its largest cost."""
    cost = problem.cost.tocsr()  # type: ignore[union-attr]
    total = 0.0
    for i in range(problem.n):
        listed = dict(
            zip(
                cost.indices[cost.indptr[i] : cost.indptr[i + 1]],
                cost.data[cost.indptr[i] : cost.indptr[i + 1]],
                strict=True,
            )
        )
        if not listed:
            continue
        open_costs = [c for j, c in listed.items() if j in opened]
        total += problem.weights[i] * (min(open_costs) if open_costs else max(listed.values()))
    return total


def choices(problem: Problem) -> list[set[int]]:
    """Every admissible choice: the fixed sites plus ``p`` of the others."""
    fixed = set(problem.fixed.tolist())
    free = [j for j in range(problem.m) if j not in fixed]
    take = min(problem.p, len(free))
    return [set(extra) | fixed for extra in itertools.combinations(free, take)]


def brute_median(problem: Problem) -> float:
    return min(median_value(problem, opened) for opened in choices(problem))


def capacitated_value(problem: Problem, model: Model, opened: set[int]) -> float:
    """The best assignment to the open sites under capacities (demand may split): an LP."""
    pairs = problem.cost if model == Model.P_MEDIAN else problem.reach
    pairs = sparse.csr_matrix(pairs)
    variables: list[tuple[int, int]] = []
    objective: list[float] = []
    for i in range(problem.n):
        lo, hi = pairs.indptr[i], pairs.indptr[i + 1]
        if lo == hi:
            continue
        for j, c in zip(pairs.indices[lo:hi], pairs.data[lo:hi], strict=True):
            if j in opened:
                variables.append((i, int(j)))
                objective.append(
                    problem.weights[i] * (float(c) if model == Model.P_MEDIAN else -1.0)
                )
        if model == Model.P_MEDIAN:
            variables.append((i, -1))
            objective.append(problem.weights[i] * float(pairs.data[lo:hi].max()))
    if not variables:
        return 0.0
    rows = sorted({i for i, _ in variables})
    once = np.array([[1.0 if vi == i else 0.0 for vi, _ in variables] for i in rows])
    capacity = problem.capacity if problem.capacity is not None else np.full(problem.m, np.inf)
    limited = [j for j in sorted(opened) if np.isfinite(capacity[j])]
    served = np.array(
        [[problem.weights[vi] if vj == j else 0.0 for vi, vj in variables] for j in limited]
    )
    a_ub = [served] if limited else []
    b_ub = [capacity[limited]] if limited else []
    if model == Model.MAX_COVER:
        a_ub.append(once)
        b_ub.append(np.ones(len(rows)))
    result = linprog(
        objective,
        A_ub=np.vstack(a_ub) if a_ub else None,
        b_ub=np.concatenate(b_ub) if b_ub else None,
        A_eq=once if model == Model.P_MEDIAN else None,
        b_eq=np.ones(len(rows)) if model == Model.P_MEDIAN else None,
        bounds=(0, 1),
        method="highs",
    )
    return float(result.fun) if model == Model.P_MEDIAN else -float(result.fun)


def brute_capacitated(problem: Problem, model: Model) -> float:
    values = [capacitated_value(problem, model, opened) for opened in choices(problem)]
    return min(values) if model == Model.P_MEDIAN else max(values)
