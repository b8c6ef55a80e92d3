"""The moderation hook: reports, and hiding with a reason that leaves the lists and the figures."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser

from publicoffice.dialogue import clock, selectors
from publicoffice.dialogue.models import ContentReport, ProposalStatistic
from publicoffice.dialogue.moderation import hide, proposal_of, report
from publicoffice.dialogue.services.proposals import argument_add
from tests.dialogue.factories import NOW, answer, days_after, local, person, propose, refused

pytestmark = pytest.mark.django_db

LATER = days_after(NOW, 1)


def test_anyone_reports_a_proposal_or_an_argument_with_a_reason(proposal, supporter, stranger):
    argument = argument_add(member=supporter, proposal=proposal, side="against", text="Dumt.")
    first = report(reporter=stranger, item=proposal, reason="  Reklam   för ett företag ")
    second = report(reporter=None, item=argument, reason="Otrevligt.")
    assert (first.proposal, first.argument, first.reporter, first.reason) == (
        proposal,
        None,
        stranger,
        "Reklam för ett företag",
    )
    assert (second.proposal, second.argument, second.reporter) == (None, argument, None)
    assert ContentReport.objects.filter(handled_at__isnull=True).count() == 2
    assert proposal_of(argument) == proposal_of(proposal) == proposal


@pytest.mark.parametrize(
    ("reason", "code"),
    [
        ("", "text_missing"),
        ("  ", "text_missing"),
        (None, "text_invalid"),
        ("x" * 501, "text_too_long"),
    ],
)
def test_a_report_needs_a_reason(proposal, stranger, reason, code):
    with refused(code, "reason"):
        report(reporter=stranger, item=proposal, reason=reason)
    assert not ContentReport.objects.exists()


@pytest.mark.parametrize(("reason", "code"), [("", "text_missing"), ("x" * 301, "text_too_long")])
def test_hiding_needs_a_reason(proposal, host, reason, code):
    with refused(code, "reason"):
        hide(staff=host, item=proposal, reason=reason)
    proposal.refresh_from_db()
    assert (proposal.hidden_at, proposal.hidden_reason) == (None, "")
    assert ProposalStatistic.objects.get().excluded is False


def test_hiding_a_proposal_keeps_the_reason_and_handles_its_reports(proposal, office, host):
    other = propose(person("Other"), office=office)
    handled_before = report(reporter=None, item=proposal, reason="Först.")
    ContentReport.objects.filter(pk=handled_before.pk).update(handled_at=NOW)
    open_one = report(reporter=None, item=proposal, reason="Reklam.")
    elsewhere = report(reporter=None, item=other, reason="Annat.")

    hide(staff=host, item=proposal, reason=" Reklam för ett företag. ", now=LATER)
    proposal.refresh_from_db()
    assert (proposal.hidden_at, proposal.hidden_reason) == (LATER, "Reklam för ett företag.")
    handled = dict(ContentReport.objects.values_list("pk", "handled_at"))
    assert handled == {handled_before.pk: NOW, open_one.pk: LATER, elsewhere.pk: None}


def test_hiding_an_argument_leaves_the_proposal(proposal, supporter, host):
    argument = argument_add(member=supporter, proposal=proposal, side="for", text="Köp min bok!")
    about_it = report(reporter=None, item=argument, reason="Reklam.")
    about_proposal = report(reporter=None, item=proposal, reason="Också reklam?")
    hide(staff=host, item=argument, reason="Reklam.", now=LATER)
    argument.refresh_from_db()
    proposal.refresh_from_db()
    assert (argument.hidden_at, argument.hidden_reason) == (LATER, "Reklam.")
    assert proposal.hidden_at is None
    about_it.refresh_from_db()
    about_proposal.refresh_from_db()
    assert (about_it.handled_at, about_proposal.handled_at) == (LATER, None)
    assert ProposalStatistic.objects.get().excluded is False


def test_a_hidden_proposal_leaves_the_lists_the_queue_and_the_figures(office, host, author):
    proposal = propose(author, office=office)
    kept = propose(person("Kept"), office=office, title="Kvar")
    hide(staff=host, item=proposal, reason="Personuppgifter.")
    assert list(selectors.office_open_proposals(office=office)) == [kept]
    assert list(selectors.network_proposals(municipality=office.municipality)) == [kept]
    assert list(selectors.network_proposals()) == [kept]
    assert list(selectors.queue_to_answer(user=host)) == [kept]
    assert selectors.open_proposals_count(office=office) == 1
    assert ProposalStatistic.objects.get(proposal_public_id=proposal.public_id).excluded is True
    today = kept.answer_due + timedelta(days=1)
    assert clock.on_time_share(office=office, today=today) == clock.OnTime(on_time=0, due=1)
    with refused("proposal_not_found"):
        selectors.proposal_get_visible(user=AnonymousUser(), public_id=proposal.public_id)
    assert selectors.proposal_get_visible(user=author, public_id=proposal.public_id) == proposal


def test_a_hidden_answered_proposal_leaves_the_answered_list(office, host, author):
    proposal = propose(author, office=office, now=local(NOW.date(), 9))
    answer(host, proposal, "done", now=LATER)
    assert list(selectors.office_answered_proposals(office=office)) == [proposal]
    hide(staff=host, item=proposal, reason="Personuppgifter.")
    assert list(selectors.office_answered_proposals(office=office)) == []
