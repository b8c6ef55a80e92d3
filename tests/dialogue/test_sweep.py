"""The sweep: scheduled answers published, forgotten proposals archived (and brought back)."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from publicoffice.dialogue import selectors, tasks
from publicoffice.dialogue.models import Proposal, State
from publicoffice.dialogue.services.answers import archive_stale, proposal_withdraw
from tests.dialogue.factories import NOW, answer, days_after, person, propose, supported_by

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def month(settings):
    settings.DIALOGUE_ARCHIVE_DAYS = 30
    return NOW + timedelta(days=30)


def archived(*proposals: Proposal) -> list[bool]:
    return [Proposal.objects.get(pk=p.pk).archived_at is not None for p in proposals]


def test_only_new_proposals_without_support_or_answer_are_archived(office, host, month):
    stale = propose(person("Stale"), office=office, now=NOW - timedelta(minutes=1))
    on_the_day = propose(person("OnTheDay"), office=office, now=NOW)
    supported = supported_by(
        propose(person("Supported"), office=office, now=NOW - timedelta(days=9)), person("Fan")
    )
    planned = propose(person("Planned"), office=office, now=NOW - timedelta(days=9))
    answer(host, planned, "planned", now=NOW)
    withdrawn = propose(person("Withdrawn"), office=office, now=NOW - timedelta(days=9))
    proposal_withdraw(author=withdrawn.author, proposal=withdrawn, reason="Inte längre.")
    draft_only = propose(person("Draft"), office=office, now=NOW - timedelta(days=9))
    answer(host, draft_only, "planned", draft=True)

    assert archive_stale(now=month) == 2
    assert archived(stale, on_the_day, supported, planned, withdrawn, draft_only) == [
        True,
        False,  # exactly 30 days old: not yet
        False,
        False,
        False,
        True,  # an unpublished draft is no answer
    ]
    assert archive_stale(now=month + timedelta(days=1)) == 1  # on_the_day; the others stay
    assert Proposal.objects.get(pk=stale.pk).archived_at == month


def test_the_archive_days_are_read_when_the_sweep_runs(office, settings):
    stale = propose(person("Stale"), office=office)
    settings.DIALOGUE_ARCHIVE_DAYS = 90
    assert archive_stale(now=days_after(NOW, 60)) == 0
    settings.DIALOGUE_ARCHIVE_DAYS = 50
    assert archive_stale(now=days_after(NOW, 60)) == 1
    assert archived(stale) == [True]


def test_an_archived_proposal_leaves_the_lists_and_an_answer_brings_it_back(office, host, month):
    proposal = propose(person("Quiet"), office=office, now=NOW - timedelta(days=1))
    archive_stale(now=month)
    assert list(selectors.office_open_proposals(office=office)) == []
    assert list(selectors.network_proposals()) == []
    # Out of the queue too (nobody cared in months); the page still takes an answer.
    assert list(selectors.queue_to_answer(user=host)) == []

    answer(host, proposal, "considering", now=month + timedelta(days=1))
    assert proposal.archived_at is None
    assert list(selectors.office_open_proposals(office=office)) == [proposal]
    assert archive_stale(now=month + timedelta(days=60)) == 0  # answered: never again


def test_the_sweep_task_publishes_and_archives(office, host, month, settings):
    settings.TASKS = DUMMY_TASKS
    stale = propose(person("Stale"), office=office, now=NOW - timedelta(days=1))
    waiting = propose(person("Waiting"), office=office, now=NOW)
    answer(host, waiting, "planned", publish_at=NOW + timedelta(hours=1), now=NOW)
    later = answer(host, waiting, "done", publish_at=month + timedelta(days=5), now=NOW)

    with time_machine.travel(month, tick=False):
        first = tasks.sweep_dialogue.call(reschedule=False)
        second = tasks.sweep_dialogue.call(reschedule=False)
    assert (first["answers_published"], first["proposals_archived"]) == (1, 1)
    assert (second["answers_published"], second["proposals_archived"]) == (0, 0)
    waiting.refresh_from_db()
    later.refresh_from_db()
    assert (waiting.state, waiting.first_answer_at, later.published_at) == (
        State.PLANNED,
        month,
        None,
    )
    assert archived(stale, waiting) == [True, False]


def test_the_command_runs_the_sweep_once(office, host, month):
    propose(person("Stale"), office=office, now=NOW - timedelta(days=1))
    output = StringIO()
    with time_machine.travel(month, tick=False):
        call_command("dialogue_sweep", stdout=output)
    assert output.getvalue().startswith("0 answers published, 1 proposals archived")


def test_the_sweep_schedules_itself_once(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    output, again = StringIO(), StringIO()
    call_command("dialogue_sweep", "--schedule", stdout=output)
    assert "Dialogue sweep queued" in output.getvalue()
    call_command("dialogue_sweep", "--schedule", stdout=again)
    assert "already queued" in again.getvalue()
