"""Reading a run's result, and several side by side, for the pages, the exports and the API.

Everything comes from the run's summary (``Run.summary``, written by
:func:`publicoffice.planning.services.results.record_answer`) and its open
sites: two queries for a result whatever the size of the grid.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from django.db.models import QuerySet

from publicoffice.accounts.actors import AnyUser
from publicoffice.planning import commuting, policies
from publicoffice.planning.geo import sweref_to_latlon
from publicoffice.planning.models import Run, RunSite, RunStatus

#: A comparison shows at most this many runs.
COMPARE_MAX = 4


def runs_visible_to(user: AnyUser) -> QuerySet[Run]:
    """Runs of the user's municipalities (every run for a platform admin)."""
    runs = Run.objects.select_related("scenario", "scenario__municipality")
    allowed = policies.planning_municipalities(user)
    if allowed is None:
        return runs
    return runs.filter(scenario__municipality_id__in=allowed)


def run_visible(user: AnyUser, pk: int) -> Run | None:
    """The run if the user may read it; None when it does not exist or is another's."""
    return runs_visible_to(user).filter(pk=pk).first()


def runs_to_compare(user: AnyUser) -> list[Run]:
    """Finished runs the user may compare, newest first (for the picker)."""
    return list(runs_visible_to(user).filter(status=RunStatus.DONE).order_by("-created_at")[:100])


def _share(part: int, whole: int) -> float | None:
    return None if not whole else round(100 * part / whole, 1)


def _latlon(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    if not points:
        return []
    xs = np.array([x for x, _y in points], dtype=np.float64)
    ys = np.array([y for _x, y in points], dtype=np.float64)
    lat, lon = sweref_to_latlon(xs, ys)
    return [(round(float(a), 6), round(float(b), 6)) for a, b in zip(lat, lon, strict=True)]


def sites_of(run: Run) -> list[dict[str, Any]]:
    """The open sites of the answer in rank order, with WGS 84 positions (one query)."""
    rows = list(RunSite.objects.filter(run=run).select_related("candidate").order_by("rank"))
    places = _latlon([(row.candidate.x, row.candidate.y) for row in rows])
    return [
        {
            "rank": row.rank + 1,
            "name": row.candidate.name,
            "address": row.candidate.address,
            "kind": row.candidate.get_kind_display(),
            "candidate_id": row.candidate_id,
            "is_new": row.is_new,
            "reached": row.reached,
            "x": row.candidate.x,
            "y": row.candidate.y,
            "lat": lat,
            "lon": lon,
        }
        for row, (lat, lon) in zip(rows, places, strict=True)
    ]


def gains_of(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """The newly reached cells listed in the summary, with district names and positions."""
    cells = summary.get("gains", {}).get("cells", [])
    names = {key: row["name"] for key, row in summary.get("districts", {}).items()}
    places = _latlon([(cell[1], cell[2]) for cell in cells])
    return [
        {
            "ref": ref,
            "x": x,
            "y": y,
            "population": people,
            "district": names.get("" if district is None else str(district), ""),
            "lat": lat,
            "lon": lon,
        }
        for (ref, x, y, people, district), (lat, lon) in zip(cells, places, strict=True)
    ]


def _rows(table: dict[str, dict[str, Any]], title: str) -> list[dict[str, Any]]:
    return [
        {
            "key": key,
            "name": row.get(title) or "",
            "population": row["population"],
            "before": row["before"],
            "after": row["after"],
            "gain": row["after"] - row["before"],
            "share_after": _share(row["after"], row["population"]),
        }
        for key, row in table.items()
    ]


def result_of(run: Run) -> dict[str, Any]:
    """What a result page, an export or the API shows of one run."""
    summary: dict[str, Any] = run.summary or {}
    done = bool(summary) and run.status == RunStatus.DONE
    reached = summary.get("reached", {})
    population = summary.get("population", 0)
    sites = sites_of(run) if done else []
    return {
        "run": run,
        "scenario": run.scenario,
        "done": done,
        "summary": summary,
        "population": population,
        "reached": reached,
        "share_before": _share(reached.get("before", 0), population),
        "share_after": _share(reached.get("after", 0), population),
        "new_sites": [site for site in sites if site["is_new"]],
        "sites": sites,
        "districts": _rows(summary.get("districts", {}), "name"),
        "groups": _rows(summary.get("groups", {}), "label"),
        "distance": summary.get("distance", {}),
        "gains": gains_of(summary) if done else [],
        "gains_total": summary.get("gains", {}),
        "commuting": summary.get("commuting"),
        "assumptions": commuting.assumptions(),
    }


def _side_by_side(results: list[dict[str, Any]], part: str) -> list[dict[str, Any]]:
    """One row per district (or group) across the runs; a run without it shows nothing."""
    names: dict[str, str] = {}
    for result in results:
        for row in result[part]:
            names.setdefault(row["key"], row["name"])
    table = []
    for key, name in names.items():
        cells = [next((r for r in result[part] if r["key"] == key), None) for result in results]
        table.append({"key": key, "name": name, "cells": cells})
    return table


def compare(runs: Sequence[Run]) -> dict[str, Any]:
    """Several runs side by side: totals, districts, groups, distance, commuting, sites."""
    results = [result_of(run) for run in runs[:COMPARE_MAX]]
    return {
        "results": results,
        "districts": _side_by_side(results, "districts"),
        "groups": _side_by_side(results, "groups"),
    }
