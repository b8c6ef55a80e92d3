"""What the scenario pages read: whose scenarios, one scenario, one run, and the form's choices.

Officers see their own municipality's scenarios; a platform admin sees all.
Anyone else is refused (403); another municipality's scenario or run is
"not found" (404), so its existence is not told.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from publicoffice.accounts.actors import AnyUser
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import Municipality
from publicoffice.planning import policies
from publicoffice.planning.models import (
    Candidate,
    DemandSource,
    ImportStatus,
    Run,
    Scenario,
    TravelMatrix,
)

#: The runs a scenario's page lists, the latest first.
LATEST_RUNS = 20
#: What the stages written by the services and the solver mean to an officer.
STAGE_WORDS = {
    "build": gettext_lazy("Reading the population and the sites"),
    "record": gettext_lazy("Writing down the answer"),
}


def _allowed(user: AnyUser) -> set[int] | None:
    if not policies.can_plan(user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    return policies.planning_municipalities(user)


def scenarios_for(user: AnyUser) -> QuerySet[Scenario]:
    """The user's scenarios, each with its latest run's status, objective and gap (one query)."""
    municipalities = _allowed(user)
    latest = Run.objects.filter(scenario=OuterRef("pk")).order_by("-created_at", "-pk")
    rows = Scenario.objects.select_related("municipality", "demand").annotate(
        latest_run_id=Subquery(latest.values("pk")[:1]),
        latest_status=Subquery(latest.values("status")[:1]),
        latest_objective=Subquery(latest.values("objective")[:1]),
        latest_gap=Subquery(latest.values("gap")[:1]),
    )
    if municipalities is not None:
        rows = rows.filter(municipality_id__in=municipalities)
    return rows.order_by("-created_at", "-pk")


def scenario_for(user: AnyUser, pk: int) -> Scenario:
    """One scenario of the user's municipality: 403 for non-planners, 404 for others'."""
    _allowed(user)
    found = (
        Scenario.objects.select_related("municipality", "demand", "matrix")
        .prefetch_related("candidates", "fixed")
        .filter(pk=pk)
        .first()
    )
    if found is None or not policies.can_plan_in(user, found.municipality_id):
        raise DomainError(ErrorCode.PLANNING_NOT_FOUND)
    return found


def run_for(user: AnyUser, pk: int) -> Run:
    """One run of the user's municipality: 403 for non-planners, 404 for others'."""
    _allowed(user)
    found = Run.objects.select_related("scenario__municipality", "scenario__demand").filter(pk=pk)
    run = found.first()
    if run is None or not policies.can_plan_in(user, run.scenario.municipality_id):
        raise DomainError(ErrorCode.PLANNING_NOT_FOUND)
    return run


def runs_of(scenario: Scenario, limit: int = LATEST_RUNS) -> list[Run]:
    """The scenario's latest runs, the newest first."""
    return list(scenario.runs.order_by("-created_at", "-pk")[:limit])


def latest_run(scenario: Scenario) -> Run | None:
    return scenario.runs.order_by("-created_at", "-pk").first()


def municipality_for(user: AnyUser, requested: int | None = None) -> Municipality:
    """The municipality a new scenario belongs to: the one asked for, or the officer's own."""
    municipalities = _allowed(user)
    if requested is None and municipalities:
        requested = min(municipalities)
    found = Municipality.objects.filter(pk=requested).first() if requested else None
    if found is None or not policies.can_plan_in(user, found.pk):
        raise DomainError(ErrorCode.PLANNING_NOT_FOUND)
    return found


@dataclass(frozen=True)
class Choices:
    """What a scenario of one municipality may use."""

    sources: list[DemandSource]
    candidates: list[Candidate]
    matrices: list[TravelMatrix]


def choices_for(municipality_id: int | None) -> Choices:
    """Ready population sources (the municipality's and national ones), sites and matrices."""
    own = Q(municipality_id=municipality_id) | Q(municipality__isnull=True)
    sources = list(DemandSource.objects.filter(own, status=ImportStatus.READY).order_by("name"))
    candidates = list(
        Candidate.objects.filter(municipality_id=municipality_id or 0).order_by(
            "kind", "name", "pk"
        )
    )
    matrices = list(
        TravelMatrix.objects.filter(source__in=[s.pk for s in sources])
        .select_related("source")
        .order_by("name")
    )
    return Choices(sources, candidates, matrices)


def stage_words(stage: str) -> str:
    """A run's stage as an officer reads it."""
    words = STAGE_WORDS.get(stage)
    return str(words) if words else _("Searching for the best sites")
