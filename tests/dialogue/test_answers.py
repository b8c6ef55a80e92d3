"""Public answers: each moves the state; drafts wait; the author may withdraw.

The e-mails an answer sends are in ``test_notifications.py``.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from publicoffice.dialogue.models import Answer, Proposal, ProposalStatistic, State
from publicoffice.dialogue.moderation import hide
from publicoffice.dialogue.services.answers import (
    answer_publish,
    answer_write,
    proposal_withdraw,
    publish_due_answers,
)
from tests.dialogue.factories import NOW, answer, days_after, person, propose, refused

pytestmark = pytest.mark.django_db

DAY_3 = days_after(NOW, 3)
DAY_5 = days_after(NOW, 5)


def statistic(proposal: Proposal) -> ProposalStatistic:
    return ProposalStatistic.objects.get(proposal_public_id=proposal.public_id)


def test_a_published_answer_moves_the_state_and_starts_nothing_twice(proposal, host):
    first = answer(host, proposal, "considering", text="Vi funderar.", now=DAY_3)
    assert (first.published_at, first.written_by, first.state) == (DAY_3, host, "considering")
    assert (proposal.state, proposal.first_answer_at, proposal.state_changed_at) == (
        State.CONSIDERING,
        DAY_3,
        DAY_3,
    )
    answer(host, proposal, "done", text="Klart!", now=DAY_5)
    assert (proposal.state, proposal.first_answer_at, proposal.state_changed_at) == (
        State.DONE,
        DAY_3,
        DAY_5,
    )
    assert list(proposal.answers.values_list("state", flat=True)) == ["considering", "done"]


def test_the_statistics_row_records_the_first_answer(proposal, host):
    answer(host, proposal, "planned", now=DAY_3)
    row = statistic(proposal)
    assert (row.state, row.days_to_first_answer, row.answered_on_time) == ("planned", 3, True)
    answer(host, proposal, "declined", now=days_after(NOW, 20))
    row = statistic(proposal)
    assert (row.state, row.days_to_first_answer, row.answered_on_time) == ("declined", 3, True)


@pytest.mark.parametrize(
    "state", ["withdrawn", "became_event", "new", "junk", "", None, ["done"], {"state": "done"}]
)
def test_states_staff_may_not_give_are_refused(proposal, host, state):
    with refused("proposal_state_invalid", "state"):
        answer_write(staff=host, proposal=proposal, state=state, text="Svar.", now=DAY_3)
    proposal.refresh_from_db()
    assert (proposal.state, proposal.first_answer_at) == (State.NEW, None)
    assert not Answer.objects.exists()


def test_a_duplicate_names_another_proposal(proposal, host, office, author):
    with refused("proposal_state_invalid", "duplicate_of"):
        answer(host, proposal, "duplicate")
    with refused("proposal_state_invalid", "duplicate_of"):
        answer(host, proposal, "duplicate", duplicate_of=proposal)
    with refused("proposal_state_invalid", "duplicate_of"):
        answer(host, proposal, "duplicate", duplicate_of=str(proposal.public_id))
    assert proposal.state == State.NEW
    original = propose(person("Earlier"), office=office, title="Läxhjälp")
    answer(host, proposal, "duplicate", duplicate_of=original)
    assert (proposal.state, proposal.duplicate_of) == (State.DUPLICATE, original)


@pytest.mark.parametrize(
    ("forwarded_to", "code"),
    [
        ("", "text_missing"),
        ("   ", "text_missing"),
        (None, "text_invalid"),
        (["Kommunen"], "text_invalid"),
    ],
)
def test_forwarded_says_to_whom(proposal, host, forwarded_to, code):
    with refused(code, "forwarded_to"):
        answer(host, proposal, "forwarded", forwarded_to=forwarded_to)
    assert (proposal.state, proposal.forwarded_to) == (State.NEW, "")


def test_forwarded_keeps_the_cleaned_receiver(proposal, host):
    answer(host, proposal, "forwarded", forwarded_to="  Kommunens   fritidsförvaltning ")
    assert (proposal.state, proposal.forwarded_to) == (
        State.FORWARDED,
        "Kommunens fritidsförvaltning",
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "text_missing"),
        (" \n ", "text_missing"),
        ("x" * 4001, "text_too_long"),
        (None, "text_invalid"),
    ],
)
def test_the_answer_needs_words_people_can_read(proposal, host, text, code):
    with refused(code, "text"):
        answer(host, proposal, "planned", text=text)
    assert not Answer.objects.exists()


def test_a_hidden_proposal_is_not_answered(proposal, host):
    hide(staff=host, item=proposal, reason="Personuppgifter.")
    with refused("proposal_closed"):
        answer(host, proposal, "planned")


def test_a_draft_changes_nothing_until_it_is_published(proposal, host):
    draft = answer(host, proposal, "planned", text="Vi planerar.", draft=True, now=DAY_3)
    assert (draft.published_at, draft.publish_at) == (None, None)
    assert (proposal.state, proposal.first_answer_at, proposal.state_changed_at) == (
        State.NEW,
        None,
        NOW,
    )
    row = statistic(proposal)
    assert (row.state, row.days_to_first_answer, row.answered_on_time) == ("new", None, None)

    answer_publish(answer=draft, now=DAY_5)
    draft.refresh_from_db()
    proposal.refresh_from_db()
    assert draft.published_at == DAY_5
    assert (proposal.state, proposal.first_answer_at) == (State.PLANNED, DAY_5)
    assert (statistic(proposal).days_to_first_answer, statistic(proposal).state) == (5, "planned")
    with refused("answer_not_found"):
        answer_publish(answer=draft, now=days_after(NOW, 6))


@pytest.mark.parametrize("offset", [timedelta(0), timedelta(seconds=-1), timedelta(days=-1)])
def test_publish_at_must_be_later(proposal, host, offset):
    with refused("in_past", "publish_at"):
        answer(host, proposal, "planned", publish_at=DAY_3 + offset, now=DAY_3)
    assert not Answer.objects.exists()


def test_the_sweep_publishes_only_the_drafts_whose_time_has_come(proposal, host, office, author):
    other = propose(person("Other"), office=office)
    soon = answer(host, proposal, "planned", publish_at=DAY_3, now=NOW)
    later = answer(host, other, "declined", publish_at=DAY_5, now=NOW)
    by_hand = answer(host, other, "considering", draft=True, now=NOW)
    assert (soon.published_at, proposal.state) == (None, State.NEW)

    assert publish_due_answers(now=DAY_3 - timedelta(minutes=1)) == 0
    assert publish_due_answers(now=DAY_3) == 1
    assert publish_due_answers(now=DAY_3 + timedelta(hours=1)) == 0
    proposal.refresh_from_db()
    other.refresh_from_db()
    assert (proposal.state, proposal.first_answer_at) == (State.PLANNED, DAY_3)
    assert other.state == State.NEW

    assert publish_due_answers(now=days_after(NOW, 30)) == 1
    other.refresh_from_db()
    assert other.state == State.DECLINED
    for draft in (soon, later, by_hand):
        draft.refresh_from_db()
    assert [a.published_at for a in (soon, later, by_hand)] == [DAY_3, days_after(NOW, 30), None]


def test_the_author_withdraws_with_a_reason(proposal, author):
    proposal_withdraw(
        author=author, proposal=proposal, reason=" Vi ordnade det själva. ", now=DAY_3
    )
    proposal.refresh_from_db()
    assert (proposal.state, proposal.state_changed_at) == (State.WITHDRAWN, DAY_3)
    assert proposal.first_answer_at is None  # the author's word does not stop the clock
    (said,) = proposal.answers.all()
    assert (said.state, said.text, said.written_by) == (
        "withdrawn",
        "Vi ordnade det själva.",
        author,
    )
    row = statistic(proposal)
    assert (row.state, row.excluded, row.answered_on_time) == ("withdrawn", True, None)


def test_a_withdrawal_after_an_answer_keeps_the_office_record(proposal, author, host):
    answer(host, proposal, "considering", now=days_after(NOW, 20))  # late
    proposal_withdraw(
        author=author, proposal=proposal, reason="Tog för lång tid.", now=days_after(NOW, 21)
    )
    row = statistic(proposal)
    assert (row.state, row.excluded, row.answered_on_time) == ("withdrawn", False, False)


def test_only_the_author_withdraws_and_only_open_proposals(proposal, author, supporter, host):
    for someone in (supporter, host):
        with refused("not_allowed"):
            proposal_withdraw(author=someone, proposal=proposal, reason="Nej.")
    with refused("text_missing", "reason"):
        proposal_withdraw(author=author, proposal=proposal, reason="  ")
    proposal.refresh_from_db()
    assert proposal.state == State.NEW
    answer(host, proposal, "declined")
    with refused("proposal_closed"):
        proposal_withdraw(author=author, proposal=proposal, reason="För sent.")
