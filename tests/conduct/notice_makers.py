"""Makers for the tests of conduct's e-mails, retention sweep and data export.

Decisions, appeals and incidents are made through the services, at times
given by ``now``; :func:`clock` also freezes the wall clock (``created_at``,
from which the appeal window counts, is the database's own time).
Import the fixtures by name into a test module to use them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
import time_machine
from django_tasks.signals import task_finished

from publicoffice.conduct.models import Appeal, Incident, RuleScope, RuleVersion, Sanction
from publicoffice.conduct.rules import publish_version
from publicoffice.conduct.services.appeals import appeal_decide, appeal_make
from publicoffice.conduct.services.incidents import (
    incident_handle,
    incident_record,
    incident_report,
)
from publicoffice.conduct.services.sanctions import sanction_decide
from tests.dialogue.factories import NOW

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
BASE = "https://kontor.example"


@pytest.fixture
def clock() -> Iterator[Any]:
    """The wall clock stands at :data:`NOW`; ``clock.move_to(t)`` moves it."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def notices(settings: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any) -> Any:
    """Tasks run at once after the commit; a failing task fails the test.

    Returns the context manager to wrap around a service call.
    """
    settings.TASKS = IMMEDIATE_TASKS
    settings.PUBLIC_BASE_URL = BASE
    failed: list[str] = []

    def remember(sender: Any, task_result: Any, **kwargs: Any) -> None:
        if task_result.errors:
            failed.append(task_result.errors[-1].traceback)

    def committed() -> Any:
        return django_capture_on_commit_callbacks(execute=True)

    task_finished.connect(remember)
    yield committed
    task_finished.disconnect(remember)
    assert not failed, failed[0]


def network_rules(staff: Any, at: datetime = NOW - timedelta(days=400)) -> RuleVersion:
    texts = {
        f"{field}_{lang}": f"{field} {lang}"
        for field in ("summary", "full_text")
        for lang in ("sv", "en")
    }
    return publish_version(
        staff=staff, scope=RuleScope.NETWORK, texts=texts, effective_from=at, material=True
    )


def decide(staff: Any, member: Any, office: Any, **terms: Any) -> Sanction:
    """A one-week restriction on booking unless ``terms`` say otherwise."""
    now = terms.pop("now", NOW)
    kind = terms.pop("kind", "restriction")
    if kind == "restriction":
        terms.setdefault("actions", ["book", "register"])
        terms.setdefault("ends_at", now + timedelta(days=7))
    return sanction_decide(
        staff=staff,
        member=member,
        office=office,
        kind=kind,
        scope=terms.pop("scope", "office"),
        facts=terms.pop("facts", "Skrek åt en annan besökare vid köket."),
        grounds=terms.pop("grounds", "Andra gången på en månad; första gången en varning."),
        category=terms.pop("category", "harassment"),
        now=now,
        **terms,
    )


def appeal(member: Any, sanction: Sanction, now: datetime = NOW, **kw: Any) -> Appeal:
    return appeal_make(
        member=member, sanction=sanction, text=kw.get("text", "Det var inte jag."), now=now
    )


def answer(staff: Any, the_appeal: Appeal, outcome: str = "kept", **kw: Any) -> Appeal:
    return appeal_decide(
        staff=staff,
        appeal=the_appeal,
        outcome=outcome,
        reply=kw.pop("reply", "Vi har sett på det igen."),
        **kw,
    )


def record(staff: Any, office: Any, member: Any = None, now: datetime = NOW) -> Incident:
    return incident_record(
        staff=staff,
        office=office,
        category="harassment",
        severity=2,
        description="Amina skrek åt Johan vid köket.",
        member=member,
        person_description="" if member else "En man i grå jacka",
        now=now,
    )


def report(office: Any, reporter: Any = None, now: datetime = NOW, **kw: Any) -> Incident:
    return incident_report(
        reporter=reporter,
        office=office,
        category=kw.pop("category", "threat"),
        description=kw.pop("description", "En man hotade personalen i entrén."),
        now=now,
        **kw,
    )


def handle(staff: Any, incident: Incident, now: datetime = NOW) -> Incident:
    return incident_handle(
        staff=staff, incident=incident, outcome="Johan fick en varning av Hanna.", now=now
    )
