"""Supports: once per member, withdrawable, never one's own, only while open.

The kept ``support_count`` (and the statistics row's ``supports``) must
equal the number of Support rows after every step.
"""

from __future__ import annotations

import pytest

from publicoffice.accounts.privacy import account_delete
from publicoffice.dialogue.models import Proposal, ProposalStatistic, Support
from publicoffice.dialogue.moderation import hide
from publicoffice.dialogue.services.answers import proposal_withdraw
from publicoffice.dialogue.services.proposals import support_add, support_withdraw
from tests.dialogue.factories import answer, person, propose, refused

pytestmark = pytest.mark.django_db


def assert_counts_in_step(proposal: Proposal, expected: int) -> None:
    proposal.refresh_from_db()
    rows = Support.objects.filter(proposal=proposal).count()
    statistic = ProposalStatistic.objects.get(proposal_public_id=proposal.public_id)
    assert (proposal.support_count, statistic.supports, rows) == (expected, expected, expected)


def test_a_member_supports_once(proposal, supporter):
    assert support_add(member=supporter, proposal=proposal) is True
    assert_counts_in_step(proposal, 1)
    assert support_add(member=supporter, proposal=proposal) is False
    assert_counts_in_step(proposal, 1)


def test_a_support_can_be_withdrawn_once(proposal, supporter):
    support_add(member=supporter, proposal=proposal)
    assert support_withdraw(member=supporter, proposal=proposal) is True
    assert_counts_in_step(proposal, 0)
    assert support_withdraw(member=supporter, proposal=proposal) is False
    assert_counts_in_step(proposal, 0)
    assert support_add(member=supporter, proposal=proposal) is True  # and given again
    assert_counts_in_step(proposal, 1)


def test_withdrawing_a_support_never_given_changes_nothing(proposal, supporter, stranger):
    support_add(member=supporter, proposal=proposal)
    assert support_withdraw(member=stranger, proposal=proposal) is False
    assert_counts_in_step(proposal, 1)


def test_nobody_supports_their_own_proposal(proposal, author):
    with refused("own_proposal"):
        support_add(member=author, proposal=proposal)
    assert_counts_in_step(proposal, 0)


def test_a_stale_copy_of_the_proposal_does_not_break_the_count(proposal):
    """Callers hold the proposal they read before; the service counts on the row."""
    people = [person(f"P{i}") for i in range(4)]
    for someone in people:
        support_add(member=someone, proposal=proposal)  # the same, never refreshed, object
    assert_counts_in_step(proposal, 4)
    support_withdraw(member=people[0], proposal=proposal)
    support_withdraw(member=people[0], proposal=proposal)
    support_add(member=people[1], proposal=proposal)
    assert_counts_in_step(proposal, 3)


@pytest.mark.parametrize("state", ["declined", "done", "duplicate", "forwarded"])
def test_closed_and_done_proposals_take_no_support(proposal, supporter, host, office, state):
    original = propose(person("First"), office=office, title="Samma sak, tidigare")
    answer(host, proposal, state, forwarded_to="Kommunen", duplicate_of=original)
    with refused("proposal_closed"):
        support_add(member=supporter, proposal=proposal)
    assert_counts_in_step(proposal, 0)


def test_answered_open_proposals_still_take_support(proposal, supporter, host):
    answer(host, proposal, "planned")
    assert support_add(member=supporter, proposal=proposal) is True
    assert_counts_in_step(proposal, 1)


def test_a_withdrawn_proposal_takes_no_support(proposal, author, supporter):
    proposal_withdraw(author=author, proposal=proposal, reason="Vi löste det själva.")
    with refused("proposal_closed"):
        support_add(member=supporter, proposal=proposal)


def test_a_hidden_proposal_takes_no_support_but_one_may_be_withdrawn(
    proposal, supporter, stranger, host
):
    support_add(member=supporter, proposal=proposal)
    hide(staff=host, item=proposal, reason="Kränkande.")
    with refused("proposal_closed"):
        support_add(member=stranger, proposal=proposal)
    assert_counts_in_step(proposal, 1)
    assert support_withdraw(member=supporter, proposal=proposal) is True
    assert_counts_in_step(proposal, 0)


def test_the_count_follows_many_members_coming_and_going(proposal):
    people = [person(f"Member{i}") for i in range(6)]
    expected = 0
    for step, someone in enumerate(people * 2):
        if step < 6 or step % 2:
            changed = support_add(member=someone, proposal=proposal)
            expected += changed
        else:
            changed = support_withdraw(member=someone, proposal=proposal)
            expected -= changed
        assert_counts_in_step(proposal, expected)
    assert expected == 3


def test_a_supporter_who_deletes_their_account_leaves_the_count_in_step(proposal, supporter):
    support_add(member=supporter, proposal=proposal)
    support_add(member=person("Stays"), proposal=proposal)
    account_delete(user=supporter)
    assert_counts_in_step(proposal, 1)
