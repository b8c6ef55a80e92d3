"""Visitors without an account propose through a short form and an e-mail they confirm."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.dialogue.models import Proposal, ProposalStatistic
from publicoffice.dialogue.services import visitors
from publicoffice.dialogue.services.answers import proposal_withdraw
from tests.dialogue.factories import NOW, answer, days_after, refused

pytestmark = pytest.mark.django_db

PROPOSE = "/ar/offices/ronna/dialogue/propose/"
FIELDS = {
    "kind": "activity",
    "title": "مقهى الخياطة",
    "body": "نلتقي كل خميس للخياطة معا.",
    "language": "ar",
    "email": "Visitor@Example.org",
}


def visitor_proposal(office, **fields):
    data = {**FIELDS, **fields}
    data.pop("email")
    return visitors.proposal_from_visitor(
        office=office,
        email=fields.get("email", "visitor@example.org"),
        reply_language="ar",
        now=NOW,
        **data,
    )


def link_in(message) -> str:
    found = re.search(r"https://kontor\.example(/\S+/proposals/confirm/\S+/)", message.body)
    assert found, message.body
    return found.group(1)


def test_a_visitor_proposes_confirms_by_e_mail_and_the_page_goes_public(client, office, notices):
    with notices():
        response = client.post(PROPOSE, FIELDS)
    assert response.status_code == 200
    proposal = Proposal.objects.get()
    assert proposal.awaiting_confirmation and proposal.author is None
    assert proposal.contact_email == "visitor@example.org"
    assert client.get(f"/sv/proposals/{proposal.public_id}/").status_code == 404
    assert FIELDS["title"] not in client.get("/sv/offices/ronna/dialogue/").content.decode()
    [message] = mail.outbox
    assert message.to == ["visitor@example.org"]
    with translation.override("ar"):
        assert message.subject == gettext("Confirm your proposal: %(title)s") % {
            "title": FIELDS["title"]
        }
    path = link_in(message)
    assert path.startswith("/ar/")
    page = client.get(path)
    assert page.status_code == 200 and "csrfmiddlewaretoken" in page.content.decode()
    proposal.refresh_from_db()
    assert proposal.awaiting_confirmation  # opening the link alone changes nothing
    assert client.post(path).status_code == 302
    proposal.refresh_from_db()
    assert not proposal.awaiting_confirmation
    assert ProposalStatistic.objects.filter(proposal_public_id=proposal.public_id).exists()
    html = client.get(f"/sv/proposals/{proposal.public_id}/").content.decode()
    assert "visitor@example.org" not in html.lower()


def test_the_clock_starts_when_the_address_is_confirmed(office):
    proposal = visitor_proposal(office)
    token = visitors.confirmation_token(proposal)
    later = days_after(NOW, 2)
    visitors.proposal_confirm(token=token, now=later)
    proposal.refresh_from_db()
    assert proposal.answer_due == (later + timedelta(days=10)).date()


@pytest.mark.parametrize("email", ["", "not-an-address", "a@b", "x" * 250 + "@example.org"])
def test_a_bad_address_is_refused_and_nothing_is_saved(client, office, email):
    response = client.post(PROPOSE, {**FIELDS, "email": email})
    assert response.status_code == 400
    assert 'href="#id_email"' in response.content.decode()
    assert not Proposal.objects.exists()


def test_an_altered_or_old_link_is_not_found(office):
    proposal = visitor_proposal(office)
    token = visitors.confirmation_token(proposal)
    with refused("proposal_not_found"):
        visitors.proposal_confirm(token=token + "x")
    with refused("proposal_not_found"):
        visitors.proposal_confirm(token=token, now=days_after(NOW, 30))


def test_confirming_twice_is_harmless(office):
    proposal = visitor_proposal(office)
    token = visitors.confirmation_token(proposal)
    visitors.proposal_confirm(token=token, now=NOW)
    visitors.proposal_confirm(token=token, now=days_after(NOW, 1))
    assert ProposalStatistic.objects.count() == 1


def test_the_answers_go_to_the_visitor_in_their_language(office, host, notices):
    proposal = visitor_proposal(office)
    visitors.proposal_confirm(token=visitors.confirmation_token(proposal), now=NOW)
    mail.outbox.clear()
    with notices():
        answer(host, proposal, "planned", text="نعم! نبدأ في يناير.")
    [message] = mail.outbox
    assert message.to == ["visitor@example.org"]
    assert "نعم! نبدأ في يناير." in message.body
    with translation.override("ar"):
        assert gettext("Hello,") in message.body


def test_unconfirmed_proposals_go_after_three_days(office):
    visitor_proposal(office)
    assert visitors.drop_unconfirmed(now=days_after(NOW, 2)) == 0
    assert visitors.drop_unconfirmed(now=days_after(NOW, 4)) == 1
    assert not Proposal.objects.exists()


def test_the_address_is_erased_30_days_after_the_proposal_closes(office, host):
    proposal = visitor_proposal(office)
    visitors.proposal_confirm(token=visitors.confirmation_token(proposal), now=NOW)
    answer(host, proposal, "declined", text="Tyvärr inte.", now=days_after(NOW, 1))
    assert visitors.forget_visitor_addresses(now=days_after(NOW, 20)) == 0
    assert visitors.forget_visitor_addresses(now=days_after(NOW, 32)) == 1
    proposal.refresh_from_db()
    assert proposal.contact_email == ""


def test_a_visitor_may_not_flood_one_office(office):
    for number in range(visitors.MAX_OPEN_PER_ADDRESS):
        visitor_proposal(office, title=f"Idé {number}")
    with refused("too_many_proposals"):
        visitor_proposal(office, title="En till")


def test_a_withdrawn_proposal_takes_no_answer(office, author, host):
    from tests.dialogue.factories import propose

    proposal = propose(author, office=office)
    proposal_withdraw(author=author, proposal=proposal, reason="Jag flyttar.", now=NOW)
    with refused("proposal_closed"):
        answer(host, proposal, "planned")
