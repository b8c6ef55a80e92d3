"""The hub's counts: how far the officer has come with each step of planning."""

from __future__ import annotations

from dataclasses import dataclass

from publicoffice.accounts.actors import AnyUser
from publicoffice.planning import policies
from publicoffice.planning.models import Candidate, DemandSource, Run, RunStatus, Scenario


@dataclass(frozen=True)
class HubCounts:
    """What the user may plan with: sources, sites, scenarios and finished runs."""

    sources: int
    candidates: int
    scenarios: int
    runs_done: int


def hub_counts(user: AnyUser) -> HubCounts:
    """Four counts, one query each, within the user's municipalities (all for an admin).

    National sources (no municipality) are a platform admin's alone, as on
    the population page (``selectors.demand.sources_for``).
    """
    municipalities = policies.planning_municipalities(user)
    sources = DemandSource.objects.all()
    candidates = Candidate.objects.all()
    scenarios = Scenario.objects.all()
    runs = Run.objects.filter(status=RunStatus.DONE)
    if municipalities is not None:
        sources = sources.filter(municipality_id__in=municipalities)
        candidates = candidates.filter(municipality_id__in=municipalities)
        scenarios = scenarios.filter(municipality_id__in=municipalities)
        runs = runs.filter(scenario__municipality_id__in=municipalities)
    return HubCounts(
        sources=sources.count(),
        candidates=candidates.count(),
        scenarios=scenarios.count(),
        runs_done=runs.count(),
    )
