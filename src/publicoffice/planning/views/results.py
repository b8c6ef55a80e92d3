"""Result pages: one run in words, tables and a map; several runs side by side; the files.

Officers see the runs of their own municipality, a platform admin every
run. Somebody who plans nowhere is refused (403); a run of another
municipality does not exist for the officer (404). A run that has not
finished shows its state and links to its progress page.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_safe

from publicoffice.planning import exports, policies
from publicoffice.planning.models import Run
from publicoffice.planning.selectors import results as selectors

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
GEOJSON_CONTENT_TYPE = "application/geo+json"


def _run(request: HttpRequest, run_id: int) -> Run:
    if not policies.can_plan(request.user):
        raise PermissionDenied
    run = selectors.run_visible(request.user, run_id)
    if run is None:
        raise Http404
    return run


def _progress_url(run: Run) -> str | None:
    """The run's progress page, where the scenarios pages offer one."""
    try:
        return reverse("planning:run_progress", args=[run.pk])
    except NoReverseMatch:
        return None


def map_data(result: dict[str, Any]) -> dict[str, Any]:
    """What the map script draws: sites and newly reached cells, positions and labels only."""
    return {
        "sites": [
            {"lat": s["lat"], "lon": s["lon"], "name": s["name"], "new": s["is_new"]}
            for s in result["sites"]
        ],
        "cells": [
            {"lat": c["lat"], "lon": c["lon"], "population": c["population"]}
            for c in result["gains"]
        ],
    }


@require_safe
@login_required
def run_detail(request: HttpRequest, run_id: int) -> HttpResponse:
    run = _run(request, run_id)
    result = selectors.result_of(run)
    context = {
        "result": result,
        "run": run,
        "progress_url": _progress_url(run),
        "map_data": map_data(result) if result["done"] else None,
    }
    return render(request, "planning/run_detail.html", context)


def _run_ids(request: HttpRequest) -> list[int]:
    ids: list[int] = []
    for value in request.GET.getlist("run"):
        if value.isdigit() and len(value) < 10 and int(value) not in ids:
            ids.append(int(value))
    return ids[: selectors.COMPARE_MAX]


@require_safe
@login_required
def compare(request: HttpRequest) -> HttpResponse:
    if not policies.can_plan(request.user):
        raise PermissionDenied
    choices = selectors.runs_to_compare(request.user)
    chosen = _run_ids(request)
    runs = [run for pk in chosen for run in choices if run.pk == pk]
    context = {
        "choices": choices,
        "chosen": chosen,
        "comparison": selectors.compare(runs) if runs else None,
        "too_many": len(request.GET.getlist("run")) > selectors.COMPARE_MAX,
        "compare_max": selectors.COMPARE_MAX,
    }
    return render(request, "planning/compare.html", context)


@require_safe
@login_required
def run_csv(request: HttpRequest, run_id: int) -> HttpResponse:
    run = _run(request, run_id)
    response = HttpResponse(exports.run_csv(run), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="planning-run-{run.pk}.csv"'
    return response


@require_safe
@login_required
def run_geojson(request: HttpRequest, run_id: int) -> HttpResponse:
    run = _run(request, run_id)
    response = HttpResponse(exports.run_geojson_text(run), content_type=GEOJSON_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="planning-run-{run.pk}.geojson"'
    return response
