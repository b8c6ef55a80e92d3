"""The p-median instance as sorted sparse lists, and the cost of a choice of open sites.

Each row keeps only its listed pairs (the instance builder gives it its
nearest sites plus every fixed site), sorted by cost. A site not listed for a
row is at least as far as the row's largest listed cost, so a row whose
listed sites are all closed is charged that largest cost, ``fallback``. That
charge is a lower estimate of the true cost, which keeps every bound computed
on these lists a valid bound for the full problem.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from publicoffice.planning.solver.types import FloatArray, IntArray, Problem

BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class MedianLists:
    """Listed pairs in row order, each row sorted by cost (ascending).

    ``row``/``col``/``cost`` describe pair ``k``; ``wcost`` is the weighted
    cost ``w_i · c_ij``; ``start`` are the CSR offsets of the ``rows`` kept
    (rows with at least one pair). ``fallback`` is the weighted largest
    listed cost of each kept row.
    """

    n: int
    m: int
    rows: IntArray
    weights: FloatArray
    start: IntArray
    row: IntArray
    col: IntArray
    cost: FloatArray
    wcost: FloatArray
    fallback: FloatArray
    fixed: IntArray
    free: IntArray

    @property
    def pairs(self) -> int:
        return int(self.col.shape[0])


@dataclass(frozen=True)
class Assignment:
    """Each kept row's nearest and second-nearest open site under a choice.

    ``first``/``second`` are weighted costs (the fallback when fewer sites
    are open); ``site`` is the nearest open site or -1 for the fallback, and
    ``pair`` the index of that listed pair (-1 likewise).
    """

    first: FloatArray
    second: FloatArray
    site: IntArray
    pair: IntArray

    @property
    def total(self) -> float:
        return float(self.first.sum())


def median_lists(problem: Problem) -> MedianLists:
    """Sort each row's pairs by cost once; drop rows without pairs (unreachable)."""
    if problem.cost is None:
        raise ValueError("p-median needs problem.cost (the pairs a point may be assigned to)")
    cost = sparse.csr_matrix(problem.cost)
    cost.sum_duplicates()
    n, m = cost.shape
    counts = np.diff(cost.indptr)
    rows = np.flatnonzero(counts > 0).astype(np.int64)
    row_of = np.repeat(np.arange(n, dtype=np.int64), counts)
    values = np.asarray(cost.data, dtype=np.float64)
    order = np.lexsort((cost.indices, values, row_of))
    kept_index = np.full(n, -1, dtype=np.int64)
    kept_index[rows] = np.arange(rows.shape[0])
    row = kept_index[row_of[order]]
    col = cost.indices[order].astype(np.int64)
    pair_cost = values[order]
    weights = np.asarray(problem.weights, dtype=np.float64)[rows]
    start = np.zeros(rows.shape[0] + 1, dtype=np.int64)
    np.cumsum(counts[rows], out=start[1:])
    fallback = weights * pair_cost[start[1:] - 1] if rows.size else np.zeros(0)
    fixed = np.unique(np.asarray(problem.fixed, dtype=np.int64))
    free = np.setdiff1d(np.arange(m, dtype=np.int64), fixed)
    return MedianLists(
        n=int(n),
        m=int(m),
        rows=rows,
        weights=weights,
        start=start,
        row=row,
        col=col,
        cost=pair_cost,
        wcost=weights[row] * pair_cost,
        fallback=fallback,
        fixed=fixed,
        free=free,
    )


def assign(lists: MedianLists, open_mask: BoolArray) -> Assignment:
    """Nearest and second-nearest open listed site of every kept row, in O(pairs)."""
    rows_n = lists.rows.shape[0]
    is_open = open_mask[lists.col]
    running = np.concatenate(([0], np.cumsum(is_open)))
    rank = running[1:] - np.repeat(running[lists.start[:-1]], np.diff(lists.start))
    first = lists.fallback.copy()
    second = lists.fallback.copy()
    site = np.full(rows_n, -1, dtype=np.int64)
    pair = np.full(rows_n, -1, dtype=np.int64)
    one = np.flatnonzero(is_open & (rank == 1))
    two = np.flatnonzero(is_open & (rank == 2))
    first[lists.row[one]] = lists.wcost[one]
    site[lists.row[one]] = lists.col[one]
    pair[lists.row[one]] = one
    second[lists.row[two]] = lists.wcost[two]
    return Assignment(first=first, second=second, site=site, pair=pair)


def mask_of(m: int, sites: IntArray | list[int] | tuple[int, ...]) -> BoolArray:
    mask = np.zeros(m, dtype=bool)
    mask[np.asarray(sites, dtype=np.int64)] = True
    return mask


def truncated(lists: MedianLists, assignment: Assignment) -> bool:
    """True when some row with weight is charged its fallback (all listed sites closed)."""
    return bool(np.any((assignment.site < 0) & (lists.weights > 0)))
