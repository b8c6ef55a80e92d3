"""Scenarios for the tests of instance, scenarios and runs: saved directly, no validation."""

from __future__ import annotations

from typing import Any

from publicoffice.planning.models import Candidate, DemandSource, Scenario
from tests.planning.conftest import World


def make_scenario(
    world: World,
    source: DemandSource,
    candidates: list[Candidate],
    *,
    fixed: list[Candidate] | None = None,
    **fields: Any,
) -> Scenario:
    """A max-cover scenario with a 300 m radius unless ``fields`` say otherwise."""
    values: dict[str, Any] = {
        "model": "max_cover",
        "sites": 1,
        "reach": "straight",
        "radius_m": 300,
    }
    values.update(fields)
    scenario = Scenario.objects.create(
        municipality=world.municipality, name="Två till", demand=source, **values
    )
    scenario.candidates.set(candidates)
    scenario.fixed.set(fixed or [])
    return scenario
