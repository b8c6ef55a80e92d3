"""Exact aggregation: a smaller covering problem with exactly the same optimum.

Three reductions, none of which changes the value of any choice of sites:

* a point no open-able site reaches can never count: it is dropped;
* a point a fixed site already reaches always counts: its weight becomes a
  constant, and the point is dropped;
* points reached by exactly the same set of sites are interchangeable: they
  become one row with the sum of their weights.

Columns are the non-fixed sites that still reach some remaining point.
The value of sites ``S`` in the original problem is
``constant + value of S ∩ columns`` in the reduced one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from publicoffice.planning.solver.types import FloatArray, IntArray

_SEED = 20_171


@dataclass(frozen=True)
class Reduced:
    """The reduced problem and the way back.

    ``reach`` is k × len(columns), boolean CSR; ``columns[c]`` is the
    original site of reduced column ``c``; ``row_of[i]`` is the reduced row
    of original point ``i`` (−1 dropped as unreachable, −2 reached by a
    fixed site). ``constant`` is the weight the fixed sites reach.
    """

    weights: FloatArray
    reach: sparse.csr_matrix
    columns: IntArray
    row_of: IntArray
    constant: float
    total: float

    @property
    def k(self) -> int:
        return int(self.weights.shape[0])

    def value(self, sites: IntArray | list[int] | tuple[int, ...]) -> float:
        """The original objective of the original sites ``sites`` (fixed ones added)."""
        position = {int(j): c for c, j in enumerate(self.columns)}
        chosen = [position[int(j)] for j in sites if int(j) in position]
        return self.constant + covered_weight(self.reach, self.weights, chosen)


def covered_weight(reach: sparse.csr_matrix, weights: FloatArray, columns: list[int]) -> float:
    """Σ w_i over the rows any of ``columns`` reaches."""
    if not columns:
        return 0.0
    hit = np.asarray(reach[:, columns].sum(axis=1)).ravel() > 0
    return float(weights[hit].sum())


def _row_keys(reach: sparse.csr_matrix) -> npt.NDArray[np.uint64]:
    """Two independent 64-bit hashes of each row's set of columns, and its size."""
    rng = np.random.default_rng(_SEED)
    keys = rng.integers(0, 2**63, size=(2, reach.shape[1]), dtype=np.int64).view(np.uint64)
    out = np.zeros((reach.shape[0], 3), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for h in range(2):
            sums = np.zeros(reach.nnz + 1, dtype=np.uint64)
            np.cumsum(keys[h][reach.indices], out=sums[1:])  # wraps mod 2**64, as wanted
            out[:, h] = sums[reach.indptr[1:]] - sums[reach.indptr[:-1]]
    out[:, 2] = np.diff(reach.indptr).astype(np.uint64)
    return out


def merge_identical_rows(
    reach: sparse.csr_matrix, weights: FloatArray
) -> tuple[sparse.csr_matrix, FloatArray, IntArray]:
    """Rows with the same columns become one row of summed weight; returns the map too.

    Rows are keyed by their number of sites and two 64-bit sums of random
    per-site keys; a collision between different sets of equal size has
    odds of about 2⁻¹²⁸ per pair.
    """
    if reach.shape[0] == 0:
        return reach, weights, np.zeros(0, dtype=np.int64)
    keys = _row_keys(reach)
    _, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    inverse = inverse.ravel().astype(np.int64)
    merged_w = np.bincount(inverse, weights=weights, minlength=len(first))
    merged = reach[first]
    merged.sort_indices()
    return merged.tocsr(), merged_w.astype(np.float64), inverse


def reduce(
    reach: sparse.csr_matrix,
    weights: FloatArray,
    fixed: IntArray | list[int] | tuple[int, ...] = (),
    *,
    merge: bool = True,
) -> Reduced:
    """The exact reduction of a covering problem (see the module docstring)."""
    reach = sparse.csr_matrix(reach, dtype=bool)
    reach.eliminate_zeros()
    weights = np.asarray(weights, dtype=np.float64)
    n, m = reach.shape
    fixed_arr = np.unique(np.asarray(fixed, dtype=np.int64))
    row_of = np.full(n, -1, dtype=np.int64)
    if fixed_arr.size:
        by_fixed = np.asarray(reach[:, fixed_arr].sum(axis=1)).ravel() > 0
    else:
        by_fixed = np.zeros(n, dtype=bool)
    row_of[by_fixed] = -2
    constant = float(weights[by_fixed].sum())
    free = np.ones(m, dtype=bool)
    free[fixed_arr] = False
    live = (~by_fixed) & (weights > 0) & (np.diff(reach.indptr) > 0)
    sub = reach[live][:, np.flatnonzero(free)]
    live_idx = np.flatnonzero(live)
    has_any = np.diff(sub.indptr) > 0
    sub, live_idx = sub[has_any], live_idx[has_any]
    col_used = np.zeros(sub.shape[1], dtype=bool)
    col_used[sub.indices] = True
    columns = np.flatnonzero(free)[col_used]
    sub = sub[:, np.flatnonzero(col_used)].tocsr()
    w = weights[live_idx]
    if merge:
        sub, w, inverse = merge_identical_rows(sub, w)
    else:
        inverse = np.arange(len(live_idx), dtype=np.int64)
    row_of[live_idx] = inverse
    sub.sort_indices()
    return Reduced(
        weights=w,
        reach=sub,
        columns=columns.astype(np.int64),
        row_of=row_of,
        constant=constant,
        total=float(weights.sum()),
    )
