"""Dialogue migration 0003: event proposals of before become dialogue proposals.

The database is migrated back to just before it (events still with their
``approval``, ``proposed_by``, ``decided_by`` and ``decided_at`` columns),
old-style rows are made with the historical models, and it is migrated
forward again. Offices and people are made with today's factories: their
apps are not migrated back.
"""

from __future__ import annotations

import importlib
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from publicoffice.accounts.models import User
from publicoffice.dialogue.models import Answer, Proposal, ProposalStatistic
from publicoffice.events.models import Event
from tests.factories import OfficeFactory, OperatorFactory, SpaceFactory, UserFactory

# Migrations run outside a transaction on SQLite: a transactional test.
pytestmark = pytest.mark.django_db(transaction=True)

MIGRATION = ("dialogue", "0003_event_proposals_become_proposals")
STOCKHOLM = ZoneInfo("Europe/Stockholm")
#: When the migration runs: events ending before this have taken place.
RUN_AT = datetime(2027, 4, 1, 12, 0, tzinfo=STOCKHOLM)


def local(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2027, month, day, hour, minute, tzinfo=STOCKHOLM)


def _before(executor: MigrationExecutor) -> list[tuple[str, str]]:
    """The dialogue migration just before this one, and events before its columns went."""
    parents = executor.loader.graph.node_map[MIGRATION].parents
    dialogue = next(parent.key for parent in parents if parent.key[0] == "dialogue")
    return [dialogue, ("events", "0001_initial")]


@pytest.fixture
def old_apps() -> Any:
    """The models as they were before the migration; afterwards, the latest schema again."""
    executor = MigrationExecutor(connection)
    before = _before(executor)
    executor.migrate(before)
    try:
        yield executor.loader.project_state(before).apps
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def migrate_forward() -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    with time_machine.travel(RUN_AT, tick=False):
        executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def people() -> SimpleNamespace:
    office = OfficeFactory(slug="ronna", operator=OperatorFactory(answer_within_days=10))
    return SimpleNamespace(
        office=office,
        room=SpaceFactory(office=office, name="Mötesrum Ek"),
        nour=UserFactory(email="nour@example.org", preferred_language="ar"),
        johan=UserFactory(email="johan@example.org", preferred_language="sv"),
        host=UserFactory(email="host@example.org"),
    )


def old_event(apps: Any, people: SimpleNamespace, **fields: Any) -> Any:
    """An event as the old services left it, made on 1 March 2027 at 09:00."""
    Event = apps.get_model("events", "Event")
    values: dict[str, Any] = {
        "office_id": people.office.pk,
        "title": "Syrisk matlagning",
        "title_sv": "Syrisk matlagning",
        "description": "Vi lagar mat från Aleppo.",
        "description_sv": "Vi lagar mat från Aleppo.",
        "starts_at": local(3, 12, 18),
        "ends_at": local(3, 12, 20),
        "approval": "proposed",
        "proposed_by_id": people.nour.pk,
        "created_by_id": people.nour.pk,
    }
    updated_at = fields.pop("updated_at", local(3, 1, 9))
    values.update(fields)
    event = Event.objects.create(**values)
    Event.objects.filter(pk=event.pk).update(created_at=local(3, 1, 9), updated_at=updated_at)
    return event


def test_a_waiting_proposal_becomes_a_new_proposal_and_its_event_goes(old_apps, people):
    event = old_event(old_apps, people, space_id=people.room.pk)

    migrate_forward()

    proposal = Proposal.objects.get()
    assert (proposal.kind, proposal.state, proposal.office) == ("activity", "new", people.office)
    assert (proposal.title, proposal.author, proposal.language) == (
        "Syrisk matlagning",
        people.nour,
        "ar",
    )
    assert proposal.body == (
        "Vi lagar mat från Aleppo.\n\n"
        "Föreslagen tid: 12 mars 2027 18:00–20:00\n"
        "Önskat rum: Mötesrum Ek"
    )
    assert proposal.created_at == local(3, 1, 9)
    assert proposal.answer_due == date(2027, 3, 11)  # 1 March + the operator's 10 days
    assert proposal.first_answer_at is None and proposal.event is None
    assert not proposal.answers.exists()
    figures = ProposalStatistic.objects.get(proposal_public_id=proposal.public_id)
    assert (figures.state, figures.kind, figures.office) == ("new", "activity", people.office)
    assert (figures.created_on, figures.answer_due) == (date(2027, 3, 1), date(2027, 3, 11))
    assert figures.days_to_first_answer is None and figures.answered_on_time is None
    assert not Event.objects.filter(pk=event.pk).exists()


def test_a_declined_proposal_keeps_the_hosts_reason_as_its_public_answer(old_apps, people):
    old_event(
        old_apps,
        people,
        title="Fotbollskväll",
        title_sv="Fotbollskväll",
        description="",
        description_sv="",
        proposed_by_id=people.johan.pk,
        approval="declined",
        status_note="Salen är full.",
        status_note_sv="Salen är full.",
        decided_by_id=people.host.pk,
        decided_at=local(3, 5, 10),
    )

    migrate_forward()

    proposal = Proposal.objects.get()
    assert (proposal.state, proposal.language) == ("declined", "sv")
    assert proposal.body == "Föreslagen tid: 12 mars 2027 18:00–20:00"
    answer = Answer.objects.get(proposal=proposal)
    assert (answer.state, answer.text, answer.written_by) == (
        "declined",
        "Salen är full.",
        people.host,
    )
    assert answer.published_at == proposal.first_answer_at == proposal.state_changed_at
    assert answer.published_at == local(3, 5, 10)
    figures = ProposalStatistic.objects.get(proposal_public_id=proposal.public_id)
    assert (figures.state, figures.days_to_first_answer, figures.answered_on_time) == (
        "declined",
        4,
        True,
    )
    assert not Event.objects.exists()


def test_a_declined_proposal_without_a_reason_or_a_date_is_answered_all_the_same(old_apps, people):
    """Unknown languages fall back to Swedish; an undated decision is the event's last change."""
    User.objects.filter(pk=people.johan.pk).update(preferred_language="de")
    old_event(
        old_apps,
        people,
        proposed_by_id=people.johan.pk,
        approval="declined",
        updated_at=local(3, 20, 8),
    )

    migrate_forward()

    proposal = Proposal.objects.get()
    assert proposal.language == "sv"
    answer = proposal.answers.get()
    assert (answer.text, answer.written_by, answer.published_at) == (
        "Avböjt.",
        None,
        local(3, 20, 8),
    )
    figures = ProposalStatistic.objects.get(proposal_public_id=proposal.public_id)
    assert (figures.days_to_first_answer, figures.answered_on_time) == (19, False)


def test_approved_proposals_are_linked_to_their_events(old_apps, people):
    """Planned while the event is ahead; became an event once it has taken place."""
    coming = old_event(
        old_apps,
        people,
        title="Kommer",
        title_sv="Kommer",
        starts_at=local(5, 2, 18),
        ends_at=local(5, 2, 20),
        approval="approved",
        decided_by_id=people.host.pk,
        decided_at=local(3, 2, 9),
    )
    held = old_event(
        old_apps,
        people,
        title="Har varit",
        title_sv="Har varit",
        approval="approved",
        decided_by_id=people.host.pk,
        decided_at=local(3, 3, 9),
    )
    hosts_own = old_event(
        old_apps, people, title_sv="Värdens", approval="approved", proposed_by_id=None
    )

    migrate_forward()

    assert set(Event.objects.values_list("pk", flat=True)) == {coming.pk, held.pk, hosts_own.pk}
    planned = Proposal.objects.get(event_id=coming.pk)
    assert (planned.state, planned.title, planned.author) == ("planned", "Kommer", people.nour)
    assert list(planned.answers.values_list("state", "written_by", "published_at")) == [
        ("planned", people.host.pk, local(3, 2, 9))
    ]
    assert planned.first_answer_at == local(3, 2, 9)
    done = Proposal.objects.get(event_id=held.pk)
    assert done.state == "became_event"
    assert list(done.answers.order_by("published_at").values_list("state", "published_at")) == [
        ("planned", local(3, 3, 9)),
        ("became_event", local(3, 12, 20)),
    ]
    assert done.first_answer_at == local(3, 3, 9)
    assert done.state_changed_at == local(3, 12, 20)
    assert ProposalStatistic.objects.get(proposal_public_id=done.public_id).state == "became_event"
    assert Proposal.objects.count() == 2  # the host's own event was nobody's proposal


def test_an_event_with_registrations_is_kept_all_the_same(old_apps, people):
    event = old_event(old_apps, people)
    Registration = old_apps.get_model("events", "Registration")
    Registration.objects.create(
        event_id=event.pk, member_id=people.johan.pk, status="registered", queued_at=local(3, 2, 9)
    )

    migrate_forward()

    assert Proposal.objects.get().state == "new"
    assert Event.objects.filter(pk=event.pk).exists()


def test_the_time_is_written_out_in_swedish_over_midnight_too():
    module = importlib.import_module(f"publicoffice.dialogue.migrations.{MIGRATION[1]}")
    overnight = SimpleNamespace(starts_at=local(12, 31, 22, 30), ends_at=local(12, 31, 23, 59))
    assert module._proposed_time(overnight) == "Föreslagen tid: 31 december 2027 22:30–23:59"
    overnight.ends_at = datetime(2028, 1, 1, 2, 0, tzinfo=STOCKHOLM)
    assert module._proposed_time(overnight) == (
        "Föreslagen tid: 31 december 2027 22:30 – 1 januari 2028 02:00"
    )
