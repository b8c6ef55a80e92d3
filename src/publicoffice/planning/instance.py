"""A saved scenario as numbers: the population, the sites and who is within reach of which.

The scenario's question is in the database (cells, candidates, a travel-time
matrix); the solver wants arrays. This module reads each table once with
``values_list`` (no model instances: a national grid has 100 000 cells and
more) and builds the :class:`~publicoffice.planning.built.BuiltProblem`.
It refuses, before any heavy work, what cannot be run: a source still
importing, no candidates, more new sites than there are sites to choose, an
instance too large for this server.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from django.utils.translation import gettext as _
from scipy import sparse

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.planning import reach as presets
from publicoffice.planning.built import BuiltProblem
from publicoffice.planning.models import (
    Candidate,
    CandidateKind,
    DemandCell,
    ImportStatus,
    PlanningModel,
    ReachKind,
    Scenario,
    TravelTime,
)
from publicoffice.planning.solver import capacity as capacitated
from publicoffice.planning.solver import coverage
from publicoffice.planning.solver.types import FloatArray, IntArray, Model, Problem

#: The most cell × site pairs this server looks at for one run (about 1.6 GB
#: of coordinates and distances at worst); above it the officer is asked for
#: a smaller area, grid or pool of sites.
MAX_PAIRS = 50_000_000
#: How many nearest sites per cell a p-median may assign to (besides the fixed ones).
NEAREST_K = 64


def instance_size(scenario: Scenario) -> int:
    """Cells × candidate sites: the measure of work the limits are written in."""
    return int(scenario.demand.cell_count) * _pool_queryset(scenario).count()


def build_problem(scenario: Scenario) -> BuiltProblem:
    """The scenario's problem, or a PLANNING_* refusal that says what to change."""
    source = scenario.demand
    if source.status != ImportStatus.READY:
        raise DomainError(ErrorCode.PLANNING_SOURCE_NOT_READY)
    pool = _load_candidates(scenario)
    fixed = _fixed_columns(scenario, pool["ids"])
    model = Model(scenario.model)
    p = int(scenario.sites or 0)
    if model != Model.SET_COVER and p > len(pool["ids"]) - len(fixed):
        raise DomainError(ErrorCode.PLANNING_TOO_MANY_SITES, field="sites")
    cell_ids, cell_xy, population, weights = _load_cells(scenario)
    if len(cell_ids) * len(pool["ids"]) > MAX_PAIRS:
        raise DomainError(ErrorCode.PLANNING_TOO_LARGE)
    if scenario.reach == ReachKind.MATRIX:
        distance, unit = _matrix_distance(scenario, cell_ids, pool["ids"]), "min"
    else:
        distance, unit = coverage.distances_within(cell_xy, pool["xy"], radius_of(scenario)), "m"
    reach = _pattern(distance)
    cost = _cost(scenario, cell_ids, cell_xy, pool, fixed) if model == Model.P_MEDIAN else None
    problem = Problem(
        weights=weights,
        reach=reach,
        fixed=fixed,
        p=p if model != Model.SET_COVER else max(0, len(pool["ids"]) - len(fixed)),
        cost=cost,
        capacity=pool["capacity"] if scenario.use_capacities else None,
        share=float(scenario.share) if model == Model.SET_COVER and scenario.share else None,
    )
    _check_capacitated(problem)
    return BuiltProblem(
        model=model,
        problem=problem,
        cell_ids=cell_ids,
        candidate_ids=pool["ids"],
        population=population,
        cell_xy=cell_xy,
        site_xy=pool["xy"],
        distance=distance,
        baseline=pool["baseline"],
        unit=unit,
    )


def _check_capacitated(problem: Problem) -> None:
    """Refuse, before solving, a capacitated instance larger than the exact model can take."""
    if problem.capacity is None or not np.isfinite(problem.capacity).any():
        return
    pairs = (problem.cost if problem.cost is not None else problem.reach).nnz
    if pairs > capacitated.MAX_PAIRS:
        raise DomainError(
            ErrorCode.PLANNING_TOO_LARGE,
            _(
                "With capacities this question has %(pairs)s pairs of cells and sites; "
                "at most %(limit)s can be solved. Choose a smaller area, fewer sites or "
                "no capacities."
            )
            % {
                "pairs": f"{pairs:,}".replace(",", " "),
                "limit": f"{capacitated.MAX_PAIRS:,}".replace(",", " "),
            },
            field="use_capacities",
            pairs=pairs,
        )


def radius_of(scenario: Scenario) -> float:
    """The straight-line reach in metres: the scenario's own radius, or its preset's."""
    if scenario.radius_m:
        return float(scenario.radius_m)
    preset = presets.PRESETS.get(scenario.preset) if scenario.preset else None
    if preset is None:
        raise DomainError(
            ErrorCode.PLANNING_SCENARIO_INVALID,
            _("Give a radius in metres or choose walking or cycling."),
            field="radius_m",
        )
    return float(preset.radius_m)


def _pool_queryset(scenario: Scenario) -> Any:
    ids = {*scenario.candidates.values_list("pk", flat=True)}
    ids |= {*scenario.fixed.values_list("pk", flat=True)}
    return Candidate.objects.filter(pk__in=ids)


def _load_candidates(scenario: Scenario) -> dict[str, Any]:
    """The pool (chosen and fixed sites) sorted by id: ids, xy, capacity, baseline columns."""
    rows = list(
        _pool_queryset(scenario).order_by("pk").values_list("pk", "x", "y", "capacity", "kind")
    )
    if not rows:
        raise DomainError(
            ErrorCode.PLANNING_SCENARIO_INVALID,
            _("Choose at least one candidate site."),
            field="candidates",
        )
    capacity = [np.inf if row[3] is None else float(row[3]) for row in rows]
    return {
        "ids": np.array([row[0] for row in rows], dtype=np.int64),
        "xy": np.array([(row[1], row[2]) for row in rows], dtype=np.float64),
        "capacity": np.array(capacity, dtype=np.float64),
        "baseline": np.array(
            [j for j, row in enumerate(rows) if row[4] == CandidateKind.EXISTING], dtype=np.int64
        ),
    }


def _fixed_columns(scenario: Scenario, candidate_ids: IntArray) -> IntArray:
    fixed = sorted(scenario.fixed.values_list("pk", flat=True))
    return np.searchsorted(candidate_ids, np.array(fixed, dtype=np.int64)).astype(np.int64)


def _load_cells(scenario: Scenario) -> tuple[IntArray, FloatArray, FloatArray, FloatArray]:
    """Cells with residents: ids, xy, population and the weights with group weights applied."""
    extra = {k: float(w) - 1 for k, w in (scenario.group_weights or {}).items() if float(w) != 1}
    fields = ("pk", "x", "y", "population", "groups") if extra else ("pk", "x", "y", "population")
    rows = list(
        DemandCell.objects.filter(source_id=scenario.demand_id, population__gt=0)
        .order_by("pk")
        .values_list(*fields)
    )
    if not rows:
        raise DomainError(
            ErrorCode.PLANNING_SCENARIO_INVALID, _("The population source has no residents.")
        )
    ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
    xy = np.array([(row[1], row[2]) for row in rows], dtype=np.float64)
    population = np.fromiter((row[3] for row in rows), dtype=np.float64, count=len(rows))
    weights = population.copy()
    if extra:
        weights += np.fromiter((_extra_weight(row[4], extra) for row in rows), dtype=np.float64)
    return ids, xy, population, np.maximum(weights, 0.0)


def _extra_weight(groups: Mapping[str, Any] | None, extra: Mapping[str, float]) -> float:
    """Σ (weight − 1) · count over the weighted groups this cell counts."""
    if not groups:
        return 0.0
    return sum(extra_w * float(groups.get(key) or 0) for key, extra_w in extra.items())


def _rows_of(cell_ids: IntArray, wanted: Iterable[int]) -> tuple[IntArray, np.ndarray]:
    """The rows of the given cell ids, and which of them are cells of the instance."""
    wanted_ids = np.asarray(list(wanted), dtype=np.int64)
    rows = np.searchsorted(cell_ids, wanted_ids)
    known = rows < len(cell_ids)
    known[known] = cell_ids[rows[known]] == wanted_ids[known]
    return rows, known


def _matrix_pairs(
    scenario: Scenario, cell_ids: IntArray, candidate_ids: IntArray, *, limit: float | None
) -> sparse.csr_matrix:
    """The matrix's minutes (within ``limit`` when given) as a cell × site sparse matrix."""
    times = TravelTime.objects.filter(
        matrix_id=scenario.matrix_id, candidate_id__in=[int(c) for c in candidate_ids]
    )
    if limit is not None:
        times = times.filter(minutes__lte=limit)
    triples = list(times.values_list("cell_id", "candidate_id", "minutes"))
    rows, known = _rows_of(cell_ids, (t[0] for t in triples))
    cols = np.searchsorted(candidate_ids, np.array([t[1] for t in triples], dtype=np.int64))
    minutes = np.array([t[2] for t in triples], dtype=np.float64)
    return coverage.from_pairs(
        rows[known], cols[known], minutes[known], len(cell_ids), len(candidate_ids)
    )


def _matrix_distance(
    scenario: Scenario, cell_ids: IntArray, candidate_ids: IntArray
) -> sparse.csr_matrix:
    if scenario.matrix_id is None or not scenario.minutes:
        raise DomainError(
            ErrorCode.PLANNING_SCENARIO_INVALID,
            _("Choose a travel-time matrix and a number of minutes."),
            field="matrix",
        )
    return _matrix_pairs(scenario, cell_ids, candidate_ids, limit=float(scenario.minutes))


def _pattern(distance: sparse.csr_matrix) -> sparse.csr_matrix:
    """Reach: every stored pair of ``distance`` (a distance of 0 is still within reach)."""
    data = np.ones(distance.nnz, dtype=bool)
    return sparse.csr_matrix(
        (data, distance.indices.copy(), distance.indptr.copy()), shape=distance.shape
    )


def _cost(
    scenario: Scenario,
    cell_ids: IntArray,
    cell_xy: FloatArray,
    pool: Mapping[str, Any],
    fixed: IntArray,
) -> sparse.csr_matrix:
    """What a p-median may assign: the matrix's pairs, or the nearest sites and the fixed."""
    if scenario.reach == ReachKind.MATRIX:
        return _matrix_pairs(scenario, cell_ids, pool["ids"], limit=None)
    site_xy = pool["xy"]
    nearest = sparse.coo_matrix(coverage.nearest_k(cell_xy, site_xy, min(len(site_xy), NEAREST_K)))
    keep = ~np.isin(nearest.col, fixed)
    rows, cols, data = [nearest.row[keep]], [nearest.col[keep]], [nearest.data[keep]]
    for column in fixed:
        gaps = np.hypot(*(cell_xy - site_xy[column]).T)
        rows.append(np.arange(len(cell_xy)))
        cols.append(np.full(len(cell_xy), column))
        data.append(gaps)
    return coverage.from_pairs(
        np.concatenate(rows), np.concatenate(cols), np.concatenate(data), len(cell_xy), len(site_xy)
    )


def is_p_model(model: str) -> bool:
    """Does the model choose a number of new sites (rather than a share)?"""
    return model in (PlanningModel.MAX_COVER, PlanningModel.P_MEDIAN)
