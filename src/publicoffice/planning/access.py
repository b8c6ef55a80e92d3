"""Who is within reach of a set of open sites, and how far each resident is from the nearest.

Pure arithmetic over a :class:`~publicoffice.planning.built.BuiltProblem`:
"before" is the baseline columns (the existing offices), "after" the fixed
sites and the ones a run chose. Reach follows the scenario's own rule
(``problem.reach``); distance is straight-line metres from a KD-tree over
the open sites, or the minutes of the imported matrix, where a resident with
no listed pair to any open site has no distance (``nan``) and is left out of
averages rather than guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from scipy.spatial import cKDTree

from publicoffice.planning.built import BuiltProblem
from publicoffice.planning.solver.types import FloatArray, IntArray

NONE = -1


def columns(values: Sequence[int] | IntArray) -> IntArray:
    """Column indices as a flat int array, duplicates dropped, order kept."""
    seen: dict[int, None] = dict.fromkeys(int(value) for value in values)
    return np.fromiter(seen, dtype=np.int64, count=len(seen))


def reached(built: BuiltProblem, open_columns: IntArray) -> np.ndarray:
    """A mask over rows: reached by at least one of the open columns."""
    if open_columns.size == 0:
        return np.zeros(built.problem.n, dtype=bool)
    sub = sparse.csr_matrix(built.problem.reach[:, open_columns])
    sub.eliminate_zeros()
    return np.asarray(sub.getnnz(axis=1) > 0)


def first_reached(built: BuiltProblem, ordered: IntArray) -> FloatArray:
    """Residents each column reaches that no column before it in ``ordered`` reached."""
    taken = np.zeros(built.problem.n, dtype=bool)
    counts = np.zeros(ordered.size, dtype=np.float64)
    for index in range(ordered.size):
        mask = reached(built, ordered[index : index + 1]) & ~taken
        counts[index] = float(built.population[mask].sum())
        taken |= mask
    return counts


def nearest(built: BuiltProblem, open_columns: IntArray) -> tuple[FloatArray, IntArray]:
    """Each row's distance to its nearest open site, and which one (position in ``open_columns``).

    Rows with no open site have ``nan`` and position ``NONE``.
    """
    n = built.problem.n
    if open_columns.size == 0:
        return np.full(n, np.nan), np.full(n, NONE, dtype=np.int64)
    if built.unit == "m":
        tree = cKDTree(built.site_xy[open_columns])
        distance, position = tree.query(built.cell_xy, k=1)
        return np.asarray(distance, dtype=np.float64), np.asarray(position, dtype=np.int64)
    return _nearest_in_matrix(built, open_columns)


def _nearest_in_matrix(built: BuiltProblem, open_columns: IntArray) -> tuple[FloatArray, IntArray]:
    """The least listed time per row; a pair stored as 0 minutes counts as 0."""
    sub = sparse.csr_matrix(built.distance[:, open_columns])
    sub.sort_indices()
    n = built.problem.n
    distance = np.full(n, np.nan)
    position = np.full(n, NONE, dtype=np.int64)
    for row in range(n):
        start, end = sub.indptr[row], sub.indptr[row + 1]
        if start == end:
            continue
        best = start + int(np.argmin(sub.data[start:end]))
        distance[row] = float(sub.data[best])
        position[row] = int(sub.indices[best])
    # A reached row without a stored pair sits at the site itself (a dropped 0).
    missing = np.isnan(distance) & reached(built, open_columns)
    if missing.any():
        distance[missing] = 0.0
        rows = np.flatnonzero(missing)
        reach = sparse.csr_matrix(built.problem.reach[:, open_columns])
        position[rows] = [int(reach.indices[reach.indptr[r]]) for r in rows]
    return distance, position


def nearest_served(built: BuiltProblem, ordered: IntArray) -> FloatArray:
    """Residents each column is the nearest open site for (how p-median assigns them)."""
    _distance, position = nearest(built, ordered)
    counts = np.zeros(ordered.size, dtype=np.float64)
    known = position >= 0
    np.add.at(counts, position[known], built.population[known])
    return counts


def average_distance(built: BuiltProblem, distance: FloatArray) -> tuple[float | None, float]:
    """Population-weighted mean of the known distances, and the residents it is over."""
    known = ~np.isnan(distance)
    weight = float(built.population[known].sum())
    if weight <= 0:
        return None, 0.0
    return float((built.population[known] * distance[known]).sum() / weight), weight
