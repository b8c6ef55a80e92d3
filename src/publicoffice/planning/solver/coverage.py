"""Who reaches whom: sparse demand × site matrices from coordinates.

Only pairs within reach are stored, so memory grows with the pairs that
matter, not with n × m (100 000 points × 5 000 sites is 500 million
pairs, of which a 1 km radius keeps a few per cent). The search runs
through a k-d tree over the sites, a chunk of demand points at a time.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.spatial import cKDTree

from publicoffice.planning.solver.types import FloatArray, IntArray

#: Demand points searched at once: bounds the temporary pair arrays.
CHUNK = 20_000


def from_pairs(
    rows: npt.ArrayLike, cols: npt.ArrayLike, values: npt.ArrayLike, n: int, m: int
) -> sparse.csr_matrix:
    """A CSR matrix from (row, column, value) triples, explicit zeros kept, columns sorted.

    Built directly rather than through COO so that a site standing on a
    demand point (distance 0) stays a stored pair instead of vanishing.
    Duplicate pairs keep their smallest value.
    """
    r = np.asarray(rows, dtype=np.int64)
    c = np.asarray(cols, dtype=np.int64)
    v = np.asarray(values)
    order = np.lexsort((v, c, r)) if v.dtype != bool else np.lexsort((c, r))
    r, c, v = r[order], c[order], v[order]
    if r.size:
        keep = np.ones(r.size, dtype=bool)
        keep[1:] = (r[1:] != r[:-1]) | (c[1:] != c[:-1])
        r, c, v = r[keep], c[keep], v[keep]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(r, minlength=n), out=indptr[1:])
    matrix = sparse.csr_matrix((v, c.astype(np.int32), indptr), shape=(n, m))
    matrix.has_sorted_indices = True
    return matrix


def _pairs(
    demand_xy: FloatArray, site_xy: FloatArray, radius: float
) -> tuple[IntArray, IntArray, FloatArray]:
    """Every (point, site, distance) with distance ≤ radius."""
    demand_xy = np.asarray(demand_xy, dtype=np.float64).reshape(-1, 2)
    site_xy = np.asarray(site_xy, dtype=np.float64).reshape(-1, 2)
    if len(demand_xy) == 0 or len(site_xy) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    sites = cKDTree(site_xy)
    rows, cols, dists = [], [], []
    for start in range(0, len(demand_xy), CHUNK):
        chunk = cKDTree(demand_xy[start : start + CHUNK])
        found = chunk.sparse_distance_matrix(sites, radius, output_type="ndarray")
        rows.append(found["i"].astype(np.int64) + start)
        cols.append(found["j"].astype(np.int64))
        dists.append(found["v"].astype(np.float64))
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(dists)


def within_radius(demand_xy: FloatArray, site_xy: FloatArray, radius: float) -> sparse.csr_matrix:
    """Boolean n × m: True where site j lies within ``radius`` metres of point i."""
    r, c, _ = _pairs(demand_xy, site_xy, radius)
    n, m = len(np.reshape(demand_xy, (-1, 2))), len(np.reshape(site_xy, (-1, 2)))
    return from_pairs(r, c, np.ones(r.size, dtype=bool), n, m)


def distances_within(
    demand_xy: FloatArray, site_xy: FloatArray, radius: float
) -> sparse.csr_matrix:
    """Float n × m: the distance in metres for each pair within ``radius`` (zeros stored)."""
    r, c, d = _pairs(demand_xy, site_xy, radius)
    n, m = len(np.reshape(demand_xy, (-1, 2))), len(np.reshape(site_xy, (-1, 2)))
    return from_pairs(r, c, d, n, m)


def nearest_k(demand_xy: FloatArray, site_xy: FloatArray, k: int) -> sparse.csr_matrix:
    """Float n × m: the distances to the ``k`` nearest sites of each point (for p-median)."""
    demand_xy = np.asarray(demand_xy, dtype=np.float64).reshape(-1, 2)
    site_xy = np.asarray(site_xy, dtype=np.float64).reshape(-1, 2)
    n, m = len(demand_xy), len(site_xy)
    k = min(int(k), m)
    if n == 0 or k <= 0:
        return sparse.csr_matrix((n, m), dtype=np.float64)
    dist, idx = cKDTree(site_xy).query(demand_xy, k=k, workers=-1)
    dist = np.asarray(dist, dtype=np.float64).reshape(n, k)
    idx = np.asarray(idx, dtype=np.int64).reshape(n, k)
    rows = np.repeat(np.arange(n, dtype=np.int64), k)
    return from_pairs(rows, idx.ravel(), dist.ravel(), n, m)
