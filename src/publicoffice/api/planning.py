"""The planning API: scenarios and their runs, with the sources and sites they stand on.

Private: only municipal officers, within their municipality, and platform
admins everywhere (:mod:`publicoffice.planning.policies`). Anyone logged in
who plans nowhere is ``403 not_allowed``; a source, site, scenario or run of
another municipality is ``404 planning_not_found``, as if it did not exist;
without a login or key, ``401 not_authenticated``. Callers authenticate like
every private operation (:mod:`publicoffice.api.auth`): a personal API token
(``Authorization: Bearer``) or the browser session with its CSRF token.

The operations call the same selectors and services as the pages, so a
scenario saved here is checked as one saved in the form, and a run started
here is answered inline when small or queued for the task worker.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import Router, Status

from publicoffice.accounts.actors import Member
from publicoffice.api.auth import member_auth
from publicoffice.api.common import (
    MAX_ID,
    READ_ERRORS,
    WRITE_ERRORS,
    activate_language,
    caller,
    count_write,
    write_limit_doc,
)
from publicoffice.api.planning_schemas import (
    CandidateListOut,
    RunOut,
    ScenarioIn,
    ScenarioListOut,
    ScenarioOut,
    SourceListOut,
)
from publicoffice.api.schemas import ErrorOut
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import Municipality
from publicoffice.places.selectors import municipality_by_code
from publicoffice.planning import exports, policies
from publicoffice.planning.models import Candidate, DemandSource, Run, RunStatus, Scenario
from publicoffice.planning.selectors import candidates as candidate_selectors
from publicoffice.planning.selectors import demand as demand_selectors
from publicoffice.planning.selectors import scenarios as scenario_selectors
from publicoffice.planning.services import runs as run_services
from publicoffice.planning.services import scenarios as scenario_services

router = Router(tags=["planning"], auth=member_auth)

#: A read may also be ``403``: the caller plans nowhere.
PLAN_READ_ERRORS: dict[int, type] = {403: ErrorOut, **READ_ERRORS}
#: A run in one of these has its answer (or none, for good).
FINISHED = frozenset({RunStatus.DONE, RunStatus.CANCELLED, RunStatus.FAILED})


# -- who and what ----------------------------------------------------------------------


def _planner(request: HttpRequest, lang: str = "") -> Member:
    """The caller, if they plan somewhere; anyone else is ``403 not_allowed``."""
    activate_language(request, lang)
    user = caller(request)
    if not policies.can_plan(user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    return user


T = TypeVar("T")


def _found(item: T | None) -> T:
    """The item a selector found for the caller; none is ``404 planning_not_found``."""
    if item is None:
        raise DomainError(ErrorCode.PLANNING_NOT_FOUND)
    return item


def _municipality(municipality: Any) -> dict[str, str] | None:
    if municipality is None:
        return None
    return {"code": municipality.code, "name": municipality.name}


# -- answers ---------------------------------------------------------------------------


def _source(source: DemandSource) -> dict[str, Any]:
    return {
        "id": source.pk,
        "name": source.name,
        "kind": source.kind,
        "synthetic": source.is_synthetic,
        "municipality": _municipality(source.municipality),
        "status": source.status,
        "progress": source.progress,
        "error_code": source.error_code,
        "error_message": source.error_message,
        "cell_size_m": source.cell_size_m,
        "cell_count": source.cell_count,
        "population": source.population,
        "groups": source.groups,
        "attribution": source.attribution,
        "created_at": source.created_at,
    }


def _candidate(candidate: Candidate) -> dict[str, Any]:
    return {
        "id": candidate.pk,
        "kind": candidate.kind,
        "name": candidate.name,
        "address": candidate.address,
        "ref": candidate.ref,
        "batch": candidate.batch,
        "office": candidate.office.slug if candidate.office is not None else None,
        "municipality": _municipality(candidate.municipality),
        "latitude": float(candidate.latitude),
        "longitude": float(candidate.longitude),
        "x": candidate.x,
        "y": candidate.y,
        "capacity": candidate.capacity,
    }


def _run_summary(run: Run) -> dict[str, Any]:
    return {
        "id": run.pk,
        "status": run.status,
        "progress": run.progress,
        "objective": run.objective,
        "bound": run.bound,
        "gap": run.gap,
        "seconds": run.seconds,
        "created_at": run.created_at,
    }


def _scenario(scenario: Scenario) -> dict[str, Any]:
    return {
        "id": scenario.pk,
        "name": scenario.name,
        "description": scenario.description,
        "municipality": _municipality(scenario.municipality),
        "model": scenario.model,
        "model_label": str(scenario.get_model_display()),
        "demand": scenario.demand_id,
        "sites": scenario.sites,
        "share": float(scenario.share) if scenario.share is not None else None,
        "reach": scenario.reach,
        "preset": scenario.preset,
        "radius_m": scenario.radius_m,
        "matrix": scenario.matrix_id,
        "minutes": scenario.minutes,
        "candidates": sorted(c.pk for c in scenario.candidates.all()),
        "fixed": sorted(c.pk for c in scenario.fixed.all()),
        "group_weights": scenario.group_weights,
        "use_capacities": scenario.use_capacities,
        "gap_target": float(scenario.gap_target),
        "time_limit_s": scenario.time_limit_s,
        "created_at": scenario.created_at,
        "runs": [_run_summary(run) for run in scenario.runs.all()],
    }


def _run(run: Run) -> dict[str, Any]:
    return {
        **_run_summary(run),
        "scenario": run.scenario_id,
        "stage": run.stage,
        "method": run.method,
        "error_code": run.error_code,
        "cancel_requested": run.cancel_requested,
        "started_at": run.started_at,
        "finished_at": run.finished_at,
        "sites": [
            {
                "candidate": site.candidate_id,
                "name": site.candidate.name,
                "kind": site.candidate.kind,
                "is_new": site.is_new,
                "rank": site.rank,
                "reached": site.reached,
                "latitude": float(site.candidate.latitude),
                "longitude": float(site.candidate.longitude),
            }
            for site in run.sites.select_related("candidate")
        ],
        "summary": run.summary,
    }


# -- sources and sites -----------------------------------------------------------------


@router.get(
    "/planning/sources",
    response={200: SourceListOut, **PLAN_READ_ERRORS},
    summary="Population sources",
)
def list_sources(request: HttpRequest, lang: str = "") -> Any:
    """The population sources the caller may plan with, newest first (national ones too)."""
    user = _planner(request, lang)
    sources = [_source(s) for s in demand_selectors.sources_for(user)]
    return {"count": len(sources), "results": sources}


@router.get(
    "/planning/candidates",
    response={200: CandidateListOut, **PLAN_READ_ERRORS},
    summary="Candidate sites",
)
def list_candidates(request: HttpRequest, municipality: str = "", lang: str = "") -> Any:
    """Sites a scenario may choose: existing offices, proposed addresses, imported premises.

    ``municipality`` (a code such as ``0181``) narrows a platform admin's list.
    """
    user = _planner(request, lang)
    municipality_id = _municipality_id(user, municipality) if municipality else None
    rows = candidate_selectors.candidates_for(user, municipality_id=municipality_id)
    sites = [_candidate(c) for c in rows]
    return {"count": len(sites), "results": sites}


def _municipality_id(user: Member, code: str) -> int:
    """The municipality named by ``code`` if the caller plans there; else ``404``."""
    found = municipality_by_code(code=code) if code.isprintable() else None
    if found is None or not policies.can_plan_in(user, found.pk):
        raise DomainError(ErrorCode.PLANNING_NOT_FOUND)
    return found.pk


# -- scenarios -------------------------------------------------------------------------


@router.get(
    "/planning/scenarios", response={200: ScenarioListOut, **PLAN_READ_ERRORS}, summary="Scenarios"
)
def list_scenarios(request: HttpRequest, lang: str = "") -> Any:
    """The caller's municipalities' scenarios, newest first, each with its runs."""
    user = _planner(request, lang)
    rows = scenario_selectors.scenarios_for(user).prefetch_related("candidates", "fixed", "runs")
    scenarios = [_scenario(s) for s in rows]
    return {"count": len(scenarios), "results": scenarios}


@router.get(
    "/planning/scenarios/{int:scenario_id}",
    response={200: ScenarioOut, **PLAN_READ_ERRORS},
    summary="One scenario",
)
def get_scenario(request: HttpRequest, scenario_id: int, lang: str = "") -> Any:
    """A scenario's question (model, sites, reach, pool) and its runs, newest first."""
    user = _planner(request, lang)
    return _scenario(_found(_scenario_of(user, scenario_id)))


def _scenario_of(user: Member, scenario_id: int) -> Scenario | None:
    return scenario_selectors.scenario_for(user, scenario_id) if scenario_id <= MAX_ID else None


def _run_of(user: Member, run_id: int) -> Run:
    return _found(scenario_selectors.run_for(user, run_id) if run_id <= MAX_ID else None)


def _scenario_municipality(user: Member, data: ScenarioIn, source: DemandSource) -> Municipality:
    """The new scenario's municipality: the one named, the caller's only one, or the source's."""
    if data.municipality:
        return candidate_selectors.municipality_for(user, _municipality_id(user, data.municipality))
    own = policies.planning_municipalities(user)
    if own is not None and len(own) == 1:
        return candidate_selectors.municipality_for(user, next(iter(own)))
    if source.municipality is not None:
        return source.municipality
    raise DomainError(
        ErrorCode.INVALID_INPUT, fields={"municipality": _("Name the municipality by its code.")}
    )


@router.post(
    "/planning/scenarios",
    response={201: ScenarioOut, **WRITE_ERRORS},
    summary="Save a scenario",
    openapi_extra=write_limit_doc(),
)
def create_scenario(request: HttpRequest, data: ScenarioIn, lang: str = "") -> Any:
    """Save a new scenario, checked like the page's form; run it with ``…/runs``."""
    user = _planner(request, lang)
    count_write(user)
    source = _found(demand_selectors.source_for(user, data.demand))
    matrix = None if data.matrix is None else candidate_selectors.matrix_for(user, data.matrix)
    scenario = scenario_services.scenario_save(
        by=user,
        municipality=_scenario_municipality(user, data, source),
        demand=source,
        matrix=matrix,
        **data.dict(exclude={"municipality", "demand", "matrix"}),
    )
    return Status(201, _scenario(_found(_scenario_of(user, scenario.pk))))


# -- runs ------------------------------------------------------------------------------


@router.post(
    "/planning/scenarios/{int:scenario_id}/runs",
    response={201: RunOut, 202: RunOut, **WRITE_ERRORS},
    summary="Run a scenario",
    openapi_extra=write_limit_doc(),
)
def start_run(request: HttpRequest, scenario_id: int, lang: str = "") -> Any:
    """Start a run: a small instance is answered at once (``201``, done); a larger one is
    queued for the task worker (``202``): poll ``/planning/runs/{id}``."""
    user = _planner(request, lang)
    scenario = _found(_scenario_of(user, scenario_id))
    count_write(user)
    run = run_services.run_start(scenario=scenario, by=user)
    run = _run_of(user, run.pk)
    return Status(201 if run.status in FINISHED else 202, _run(run))


@router.get(
    "/planning/runs/{int:run_id}", response={200: RunOut, **PLAN_READ_ERRORS}, summary="One run"
)
def get_run(request: HttpRequest, run_id: int, lang: str = "") -> Any:
    """A run's status and progress and, once done, its proof (objective, certified bound,
    proven gap, seconds), its sites and its summary of who gains access."""
    user = _planner(request, lang)
    return _run(_run_of(user, run_id))


@router.post(
    "/planning/runs/{int:run_id}/cancel",
    response={200: RunOut, **WRITE_ERRORS},
    summary="Cancel a run",
    openapi_extra=write_limit_doc(),
)
def cancel_run(request: HttpRequest, run_id: int, lang: str = "") -> Any:
    """Ask a queued or running run to stop; it keeps the best answer found so far, if any.
    A finished run is ``409 planning_run_finished``."""
    user = _planner(request, lang)
    run = _run_of(user, run_id)
    count_write(user)
    run_services.run_cancel(run=run, by=user)
    return _run(_run_of(user, run_id))


@router.get(
    "/planning/runs/{int:run_id}.geojson",
    response=PLAN_READ_ERRORS,
    summary="A run's sites as GeoJSON",
    openapi_extra={
        "responses": {
            "200": {
                "description": "RFC 7946 FeatureCollection of the run's sites",
                "content": {"application/geo+json": {"schema": {"type": "object"}}},
            }
        }
    },
)
def run_geojson(request: HttpRequest, run_id: int, lang: str = "") -> Any:
    """The run's open sites (kept and new) as a FeatureCollection, as the page exports it."""
    user = _planner(request, lang)
    run = _run_of(user, run_id)
    return JsonResponse(
        exports.run_geojson(run),
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False},
    )
