"""Maximal covering as a mixed-integer programme, solved by HiGHS (Huangfu & Hall 2018).

Used on the reduced problem once aggregation and reduced-cost fixing have
made it small, and as the plain-HiGHS reference in tests and the bench.
HiGHS reports a dual bound with its solution, so its answer is certified
too.
"""

from __future__ import annotations

from dataclasses import dataclass

import highspy
import numpy as np
from scipy import sparse

from publicoffice.planning.solver.types import FloatArray, IntArray


@dataclass(frozen=True)
class MipResult:
    """Columns chosen, their value, HiGHS's proven upper bound, and whether it finished."""

    columns: IntArray
    value: float
    bound: float
    optimal: bool


def _matrix(reach: sparse.csr_matrix) -> sparse.csc_matrix:
    """Rows y_i − Σ_j a_ij x_j ≤ 0, then Σ_j x_j = p; columns x (m) then y (k)."""
    k, m = reach.shape
    a = sparse.csr_matrix(reach, dtype=np.float64)
    top = sparse.hstack([-a, sparse.identity(k, format="csr")])
    count = sparse.hstack([np.ones((1, m)), sparse.csr_matrix((1, k))])
    return sparse.vstack([top, count]).tocsc()


def _build(
    reach: sparse.csr_matrix,
    weights: FloatArray,
    p: int,
    *,
    relax: bool,
    seconds: float,
    gap: float = 1e-6,
    threads: int = 0,
) -> highspy.Highs:
    """A HiGHS instance holding the model (silent, with its limits set)."""
    k, m = reach.shape
    matrix = _matrix(reach)
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = m + k, k + 1
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.col_cost_ = np.concatenate([np.zeros(m), weights])
    lp.col_lower_ = np.zeros(m + k)
    lp.col_upper_ = np.ones(m + k)
    lp.row_lower_ = np.concatenate([np.full(k, -highspy.kHighsInf), [0.0]])
    lp.row_upper_ = np.concatenate([np.zeros(k), [float(p)]])
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = matrix.indptr.astype(np.int32)
    lp.a_matrix_.index_ = matrix.indices.astype(np.int32)
    lp.a_matrix_.value_ = matrix.data
    if not relax:
        lp.integrality_ = [highspy.HighsVarType.kInteger] * m + [
            highspy.HighsVarType.kContinuous
        ] * k
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", max(0.05, float(seconds)))
    h.setOptionValue("mip_rel_gap", float(gap))
    if threads:
        h.setOptionValue("threads", int(threads))
    h.passModel(lp)
    return h


def solve_mip(
    reach: sparse.csr_matrix,
    weights: FloatArray,
    p: int,
    *,
    seconds: float,
    gap: float = 1e-6,
    relax: bool = False,
    threads: int = 0,
    start: IntArray | None = None,
) -> MipResult:
    """Choose at most ``p`` columns reaching the most weight (or the LP bound if ``relax``).

    ``start`` (columns) is handed to HiGHS as the incumbent, so that a MIP
    cut short by its time limit still returns at least that solution.
    """
    m = reach.shape[1]
    h = _build(reach, weights, p, relax=relax, seconds=seconds, gap=gap, threads=threads)
    if start is not None and len(start):
        x = np.zeros(m)
        x[np.asarray(start)] = 1.0
        y = np.minimum(sparse.csr_matrix(reach, dtype=np.float64) @ x, 1.0)
        incumbent = highspy.HighsSolution()
        incumbent.col_value = np.concatenate([x, y]).tolist()
        incumbent.value_valid = True
        h.setSolution(incumbent)
    h.run()
    status = h.getModelStatus()
    info = h.getInfo()
    x = np.asarray(h.getSolution().col_value[:m]) if m else np.zeros(0)
    columns = np.flatnonzero(x > 0.5).astype(np.int64)
    if relax:
        value = float(info.objective_function_value)
        return MipResult(columns, value, value, status == highspy.HighsModelStatus.kOptimal)
    hit = np.asarray(reach[:, columns].sum(axis=1)).ravel() > 0 if columns.size else None
    value = float(weights[hit].sum()) if hit is not None else 0.0
    bound = float(info.mip_dual_bound)
    if not np.isfinite(bound):
        bound = float(weights.sum())
    return MipResult(
        columns=columns,
        value=value,
        bound=max(bound, value),
        optimal=status == highspy.HighsModelStatus.kOptimal,
    )


def lp_multipliers(
    reach: sparse.csr_matrix, weights: FloatArray, p: int, *, seconds: float
) -> tuple[float, FloatArray] | None:
    """The LP bound and its multipliers λ (0 ≤ λ ≤ w) on the coverage rows, or None.

    The LP duals of y_i ≤ Σ_j a_ij x_j are exactly Lagrangian multipliers,
    so ``lagrange`` can price columns the LP never saw with them.
    """
    k = reach.shape[0]
    h = _build(reach, weights, p, relax=True, seconds=seconds)
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    duals = np.abs(np.asarray(h.getSolution().row_dual[:k], dtype=np.float64))
    return float(h.getInfo().objective_function_value), np.clip(duals, 0.0, weights)
