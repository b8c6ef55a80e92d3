"""People, decisions and helpers for the conduct API tests (test modules take them by name).

Ronna has two hosts (the one who decides, and a second pair of eyes); Alby
is another operator's office in another municipality, with its own host.
Decisions are made through the services, as in real life.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from publicoffice.conduct.models import Appeal, Incident, RuleVersion, Sanction
from publicoffice.conduct.services.appeals import appeal_make
from publicoffice.conduct.services.incidents import incident_record
from publicoffice.conduct.services.sanctions import sanction_decide
from publicoffice.places.models import Office
from tests.api.dialogue_factories import host_of
from tests.dialogue.fixtures import author, office, other_office, stranger

__all__ = ["author", "office", "other_office", "stranger"]


@pytest.fixture
def host(office: Office) -> Any:
    return host_of(office, "Decider")


@pytest.fixture
def second_host(office: Office) -> Any:
    return host_of(office, "Second")


@pytest.fixture
def other_host(other_office: Office) -> Any:
    return host_of(other_office, "AlbyHost")


@pytest.fixture
def rules(db: Any) -> RuleVersion:
    """Version 3 of the network's house rules, in force since yesterday."""
    return RuleVersion.objects.create(
        scope="network",
        number=3,
        effective_from=timezone.now() - timedelta(days=1),
        summary="Var schysst.",
        full_text="Var schysst mot alla.",
    )


def later(days: int) -> datetime:
    return timezone.now() + timedelta(days=days)


def restrict(host: Any, member: Any, office: Office, **terms: Any) -> Sanction:
    """A week's restriction on booking at ``office``, decided by ``host``."""
    values = {
        "kind": "restriction",
        "actions": ["book"],
        "scope": "office",
        "category": "disturbance",
        "facts": "Spelade hög musik i läsrummet.",
        "grounds": "Ordningsregel 4: tyst i läsrummet.",
        "ends_at": later(7),
        **terms,
    }
    return sanction_decide(staff=host, member=member, office=office, **values)


def ban(host: Any, member: Any, office: Office) -> Sanction:
    """A ban without an end, waiting for a second staff member's approval."""
    return restrict(host, member, office, kind="ban", ends_at=None, review_at=later(90))


def appeal(member: Any, sanction: Sanction, text: str = "Det var inte jag.") -> Appeal:
    return appeal_make(member=member, sanction=sanction, text=text)


def incident(host: Any, office: Office, member: Any = None, **values: Any) -> Incident:
    fields = {
        "category": "disturbance",
        "severity": 2,
        "description": "Höga röster vid kaffet.",
        **values,
    }
    return incident_record(staff=host, office=office, member=member, **fields)
