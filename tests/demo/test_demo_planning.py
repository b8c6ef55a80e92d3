"""``publicoffice demo`` shows planning at once: a synthetic grid, sites and two runs.

Loaded once with the network only (the other stories are tested in their
own modules); loading planning again gives the same grid and the same
answers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from publicoffice.demo.loader import load_demo
from publicoffice.demo.planning import load_planning
from publicoffice.planning.models import (
    Candidate,
    CandidateKind,
    DemandKind,
    DemandSource,
    Run,
    RunStatus,
    Scenario,
)
from publicoffice.planning.selectors.hub import hub_counts

STOCKHOLM = ZoneInfo("Europe/Stockholm")
WEDNESDAY_11 = datetime(2026, 11, 25, 11, 0, tzinfo=STOCKHOLM)
ONLY_THE_NETWORK: dict[str, Any] = {
    name: False
    for name in (
        "visits",
        "bookings",
        "community",
        "events",
        "dialogue",
        "conduct",
        "history",
        "commissioning",
    )
}

pytestmark = pytest.mark.django_db


def answers() -> list[tuple[str, str, float, list[str]]]:
    return [
        (
            str(run.scenario.municipality),
            run.scenario.name,
            round(run.objective or 0),
            sorted(site.candidate.name for site in run.sites.all() if site.is_new),
        )
        for run in Run.objects.select_related("scenario__municipality").order_by(
            "scenario__municipality__code", "scenario__sites"
        )
    ]


def test_an_officer_finds_scenarios_already_run_and_a_second_load_gives_the_same():
    with time_machine.travel(WEDNESDAY_11, tick=False):
        result = load_demo(**ONLY_THE_NETWORK)
    assert result.totals["planning: scenarios"] == 4
    assert result.totals["planning: runs done"] == 4

    sodertalje = Scenario.objects.filter(municipality__code="0181").order_by("sites")
    assert [s.sites for s in sodertalje] == [2, 3]
    source = DemandSource.objects.get(municipality__code="0181")
    assert source.kind == DemandKind.SYNTHETIC and source.is_synthetic
    assert source.cell_count > 100 and source.population > 10_000
    sites = kinds_of(Candidate.objects.filter(municipality__code="0181"))
    assert sites[CandidateKind.EXISTING] >= 3 and sites[CandidateKind.PROPOSED] == 3
    assert sites[CandidateKind.IMPORTED] == 4
    assert all(c.capacity for c in Candidate.objects.filter(kind=CandidateKind.IMPORTED))

    runs = list(Run.objects.filter(scenario__municipality__code="0181").order_by("scenario__sites"))
    assert all(run.status == RunStatus.DONE and run.gap is not None for run in runs)
    proofs = [(run.objective or 0.0, run.bound or 0.0) for run in runs]
    assert all(bound >= objective - 1e-6 for objective, bound in proofs)
    assert [sum(s.is_new for s in run.sites.all()) for run in runs] == [2, 3]
    assert proofs[1][0] >= proofs[0][0]  # a third site never reaches fewer
    assert runs[0].summary

    officer = Scenario.objects.get(pk=runs[0].scenario_id).created_by
    assert officer is not None and officer.email.startswith("officer.sodertalje@")
    counts = hub_counts(officer)
    assert (counts.sources, counts.scenarios, counts.runs_done) == (1, 2, 2)
    client = Client()
    client.force_login(officer)
    assert client.get(reverse("planning:run", kwargs={"run_id": runs[0].pk})).status_code == 200

    before = answers()
    load_planning()
    assert answers() == before
    assert DemandSource.objects.filter(municipality__code="0181").count() == 1


def kinds_of(rows: Any) -> dict[str, int]:
    found: dict[str, int] = {}
    for row in rows:
        found[row.kind] = found.get(row.kind, 0) + 1
    return found
