"""Writing a run's answer: the open sites, and a small summary of who gains access.

The summary is computed once, when the run ends, and kept as JSON on the
run (``Run.summary``) so that the result page, the comparison and the API
read one row instead of re-solving or re-reading the grid. It holds counts
and averages, never people: cells are at least a grid square, and the list
of newly reached cells is capped at :data:`GAINS_CAP` for the map and table
(the totals stay exact).

Layout (``version`` 1)::

    {"version", "model", "unit", "objective", "bound", "gap" (%), "seconds",
     "method", "stopped", "population",
     "reached": {"before", "after", "new", "lost"},
     "districts": {"<id or ''>": {"name", "population", "before", "after"}},
     "groups": {"<key>": {"label", "population", "before", "after"}},
     "distance": {"unit", "before", "after", "over_before", "over_after"},
     "gains": {"cells": [[ref, x, y, population, district id or null]], "cells_total",
               "population", "capped"},
     "commuting": see planning/commuting.py}
"""

from __future__ import annotations

from typing import Any

import numpy as np
from django.db import transaction

from publicoffice.places.models import District
from publicoffice.planning import access
from publicoffice.planning.built import BuiltProblem
from publicoffice.planning.commuting import commute_for
from publicoffice.planning.models import DemandCell, Run, RunSite
from publicoffice.planning.solver.types import Answer, Model

#: At most this many newly reached cells are listed (the biggest first).
GAINS_CAP = 3000
VERSION = 1


def _round(value: float | None, places: int = 1) -> float | None:
    return None if value is None else round(value, places)


def open_after(built: BuiltProblem, answer: Answer) -> np.ndarray:
    """The columns open in the answer: fixed ones first, then the chosen in the answer's order."""
    return access.columns([*built.problem.fixed.tolist(), *answer.sites])


@transaction.atomic
def record_answer(run: Run, built: BuiltProblem, answer: Answer) -> None:
    """Write the run's open sites (``RunSite``) and its summary; the run's figures too."""
    after = open_after(built, answer)
    before = access.columns(built.baseline.tolist())
    _write_sites(run, built, answer, after, before)
    cells = _cells(run, built)
    run.objective = answer.objective
    run.bound = answer.bound
    run.gap = round(answer.gap * 100, 4)
    run.seconds = answer.seconds
    run.method = answer.method[:120]
    summary = summarise(built, answer, cells, before=before, after=after)
    labels = {group["key"]: group["label"] for group in run.scenario.demand.groups or []}
    summary["groups"] = {
        key: {**summary["groups"][key], "label": labels.get(key, key)}
        for key in [*labels, *summary["groups"]]
        if key in summary["groups"]
    }
    run.summary = summary
    run.save(
        update_fields=["objective", "bound", "gap", "seconds", "method", "summary", "updated_at"]
    )


def _write_sites(
    run: Run, built: BuiltProblem, answer: Answer, after: np.ndarray, before: np.ndarray
) -> None:
    if built.model == Model.P_MEDIAN:
        counts = access.nearest_served(built, after)
    else:
        counts = access.first_reached(built, after)
    baseline = set(before.tolist())
    RunSite.objects.filter(run=run).delete()
    RunSite.objects.bulk_create(
        RunSite(
            run=run,
            candidate_id=int(built.candidate_ids[column]),
            is_new=int(column) not in baseline,
            rank=rank,
            reached=round(float(counts[rank])),
        )
        for rank, column in enumerate(after.tolist())
    )


def _cells(run: Run, built: BuiltProblem) -> list[tuple[str, int | None, dict[str, Any]]]:
    """Each row's cell id, district and group counts, in row order (one query)."""
    found = {
        pk: (ref, district, groups)
        for pk, ref, district, groups in DemandCell.objects.filter(
            source_id=run.scenario.demand_id
        ).values_list("pk", "ref", "district_id", "groups")
    }
    return [found.get(int(pk), ("", None, {})) for pk in built.cell_ids]


def summarise(
    built: BuiltProblem,
    answer: Answer,
    cells: list[tuple[str, int | None, dict[str, Any]]],
    *,
    before: np.ndarray,
    after: np.ndarray,
) -> dict[str, Any]:
    """The JSON summary (see the module's docstring) from the numbers and the cells."""
    was = access.reached(built, before)
    now = access.reached(built, after)
    population = built.population
    far_before, _ = access.nearest(built, before)
    far_after, _ = access.nearest(built, after)
    mean_before, over_before = access.average_distance(built, far_before)
    mean_after, over_after = access.average_distance(built, far_after)
    return {
        "version": VERSION,
        "model": str(answer.model),
        "unit": built.unit,
        "objective": answer.objective,
        "bound": answer.bound,
        "gap": round(answer.gap * 100, 4),
        "seconds": round(answer.seconds, 3),
        "method": answer.method,
        "stopped": str(answer.stopped),
        "population": round(float(population.sum())),
        "reached": {
            "before": round(float(population[was].sum())),
            "after": round(float(population[now].sum())),
            "new": round(float(population[now & ~was].sum())),
            "lost": round(float(population[was & ~now].sum())),
        },
        "districts": _districts(population, cells, was, now),
        "groups": _groups(built, cells, was, now),
        "distance": {
            "unit": built.unit,
            "before": _round(mean_before),
            "after": _round(mean_after),
            "over_before": round(over_before),
            "over_after": round(over_after),
        },
        "gains": _gains(built, cells, now & ~was),
        "commuting": commute_for(round(float(population[now & ~was].sum()))),
    }


def _districts(
    population: np.ndarray,
    cells: list[tuple[str, int | None, dict[str, Any]]],
    was: np.ndarray,
    now: np.ndarray,
) -> dict[str, dict[str, Any]]:
    ids = {district for _ref, district, _groups in cells if district is not None}
    names = dict(District.objects.filter(pk__in=ids).values_list("pk", "name"))
    rows: dict[str, dict[str, Any]] = {}
    for index, (_ref, district, _groups) in enumerate(cells):
        key = "" if district is None else str(district)
        row = rows.setdefault(
            key,
            {
                "name": names.get(district, "") if district is not None else "",
                "population": 0,
                "before": 0,
                "after": 0,
            },
        )
        people = round(float(population[index]))
        row["population"] += people
        row["before"] += people if was[index] else 0
        row["after"] += people if now[index] else 0
    return dict(sorted(rows.items(), key=lambda item: (item[0] == "", item[1]["name"])))


def _groups(
    built: BuiltProblem,
    cells: list[tuple[str, int | None, dict[str, Any]]],
    was: np.ndarray,
    now: np.ndarray,
) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for index, (_ref, _district, groups) in enumerate(cells):
        for key, count in (groups or {}).items():
            row = rows.setdefault(key, {"label": key, "population": 0, "before": 0, "after": 0})
            people = int(count or 0)
            row["population"] += people
            row["before"] += people if was[index] else 0
            row["after"] += people if now[index] else 0
    return rows


def _gains(
    built: BuiltProblem,
    cells: list[tuple[str, int | None, dict[str, Any]]],
    gained: np.ndarray,
) -> dict[str, Any]:
    rows = np.flatnonzero(gained)
    order = rows[np.argsort(-built.population[rows], kind="stable")][:GAINS_CAP]
    listed = [
        [
            cells[row][0],
            round(float(built.cell_xy[row, 0])),
            round(float(built.cell_xy[row, 1])),
            round(float(built.population[row])),
            cells[row][1],
        ]
        for row in order.tolist()
    ]
    return {
        "cells": listed,
        "cells_total": int(rows.size),
        "population": round(float(built.population[rows].sum())),
        "capped": bool(rows.size > GAINS_CAP),
    }
