"""A scenario turned into numbers: the solver's problem and the way back to the database.

``planning/instance.py`` builds it from a scenario; the solver reads only
``problem``; ``planning/services/results.py`` reads the rest to say who
gains access, per district and per group.
"""

from __future__ import annotations

from dataclasses import dataclass

from scipy import sparse

from publicoffice.planning.solver.types import FloatArray, IntArray, Model, Problem


@dataclass(frozen=True)
class BuiltProblem:
    """Row ``i`` is the cell ``cell_ids[i]``; column ``j`` is the candidate ``candidate_ids[j]``.

    ``population`` is the residents of each row before group weights
    (``problem.weights`` has them applied). ``cell_xy`` and ``site_xy`` are
    SWEREF 99 TM metres. ``distance`` holds metres (straight line) or
    minutes (a matrix) for the pairs within reach, for average distances.
    ``baseline`` are the columns open before the scenario: its existing
    offices, fixed or removable.
    """

    model: Model
    problem: Problem
    cell_ids: IntArray
    candidate_ids: IntArray
    population: FloatArray
    cell_xy: FloatArray
    site_xy: FloatArray
    distance: sparse.csr_matrix
    baseline: IntArray
    unit: str  # "m" or "min"
