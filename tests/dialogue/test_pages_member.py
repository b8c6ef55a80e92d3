"""Members' dialogue pages through the HTTP client: proposing, supporting, following,
arguing, rewording, withdrawing and reporting, and what strangers may not do."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext, ngettext

from publicoffice.core.error_codes import ErrorCode
from publicoffice.core.error_specs import ERRORS
from publicoffice.dialogue.models import ContentReport, Follow, Proposal, Support
from publicoffice.dialogue.moderation import hide
from tests.dialogue.factories import answer, person, propose, supported_by

pytestmark = pytest.mark.django_db


def in_swedish(text: str) -> str:
    with translation.override("sv"):
        return gettext(text)


PROPOSE = "/sv/offices/ronna/dialogue/propose/"


def page(proposal: Proposal, action: str = "") -> str:
    return f"/sv/proposals/{proposal.public_id}/{action}"


class TestPropose:
    def test_a_visitor_gets_the_form_with_an_e_mail_field_and_a_log_in_link(self, client, office):
        html = client.get(PROPOSE).content.decode()
        assert 'name="email"' in html and "/accounts/login/?next=" in html
        assert client.post(PROPOSE, {"title": "x"}).status_code == 400
        assert not Proposal.objects.exists()

    def test_a_member_gets_no_e_mail_field(self, client, office, author):
        client.force_login(author)
        assert 'name="email"' not in client.get(PROPOSE).content.decode()

    def test_a_member_proposes_and_lands_on_the_public_page(self, client, office, author):
        client.force_login(author)
        form = client.get(PROPOSE + "?kind=equipment").content.decode()
        assert re.search(r'<input[^>]*value="equipment"[^>]*checked', form)
        response = client.post(
            PROPOSE,
            {
                "kind": "equipment",
                "title": "  En ny skrivare ",
                "body": "Den gamla\r\nkrånglar.",
                "language": "sv",
            },
        )
        proposal = Proposal.objects.get()
        assert response["Location"] == page(proposal)
        assert (proposal.title, proposal.body, proposal.author) == (
            "En ny skrivare",
            "Den gamla\nkrånglar.",
            author,
        )

    @pytest.mark.parametrize(
        ("fields", "field"),
        [
            ({"title": "", "body": "Text"}, "title"),
            ({"title": "   ", "body": "Text"}, "title"),
            ({"title": "T" * 121, "body": "Text"}, "title"),
            ({"title": "Titel", "body": ""}, "body"),
            ({"title": "Titel", "body": "B" * 4001}, "body"),
            ({"title": "Titel", "body": "Text", "kind": "party"}, "kind"),
            ({"title": "Titel", "body": "Text", "language": "xx"}, "language"),
        ],
    )
    def test_bad_input_is_shown_at_its_field_and_nothing_is_saved(
        self, client, office, author, fields, field
    ):
        client.force_login(author)
        data = {"kind": "activity", "language": "sv", **fields}
        response = client.post(PROPOSE, data)
        assert response.status_code == 400
        html = response.content.decode()
        assert f'href="#id_{field}"' in html
        assert not Proposal.objects.exists()

    def test_arabic_and_emoji_are_kept(self, client, office, author):
        client.force_login(author)
        client.post(
            PROPOSE,
            {
                "kind": "activity",
                "title": "مقهى الخياطة 🧵",
                "body": "نلتقي كل خميس",
                "language": "ar",
            },
        )
        assert Proposal.objects.get().title == "مقهى الخياطة 🧵"

    def test_a_closed_office_takes_no_proposals(self, client, office, author):
        office.status = "closed"
        office.save()
        client.force_login(author)
        assert client.get(PROPOSE).status_code in (403, 404)


def test_the_data_export_holds_the_members_dialogue(client, proposal, author, supporter):
    supported_by(proposal, supporter)
    client.force_login(supporter)
    export = client.get("/sv/accounts/me/export/").json()
    assert export["dialogue"]["supports"][0]["proposal"] == str(proposal.public_id)
    client.force_login(author)
    export = client.get("/sv/accounts/me/export/").json()
    assert export["dialogue"]["proposals"][0]["title"] == proposal.title


class TestSupportAndFollow:
    def test_support_and_take_it_back(self, client, proposal, supporter):
        client.force_login(supporter)
        assert client.post(page(proposal, "support/"), {"support": "on"}).status_code == 302
        assert client.post(page(proposal, "support/"), {"support": "on"}).status_code == 302
        proposal.refresh_from_db()
        assert proposal.support_count == 1 == Support.objects.count()
        html = client.get(page(proposal)).content.decode()
        assert in_swedish("Take back my support") in html
        client.post(page(proposal, "support/"), {"support": "off"})
        proposal.refresh_from_db()
        assert proposal.support_count == 0

    def test_with_htmx_the_support_block_comes_back_in_place(self, client, proposal, supporter):
        client.force_login(supporter)
        response = client.post(
            page(proposal, "support/"), {"support": "on"}, headers={"HX-Request": "true"}
        )
        assert response.status_code == 200
        html = response.content.decode()
        with translation.override("sv"):
            one = ngettext("%(supports)s supporter", "%(supports)s supporters", 1) % {"supports": 1}
        assert "<html" not in html and f">{one}<" in html.replace("\n", "")
        with translation.override("sv"):
            assert gettext("Thank you for your support!") in html
        assert 'name="support" value="off"' in html
        response = client.post(
            page(proposal, "follow/"), {"follow": "on"}, headers={"HX-Request": "true"}
        )
        assert 'name="follow" value="off"' in response.content.decode()

    def test_the_page_has_the_live_region_and_the_htmx_attributes(
        self, client, proposal, supporter
    ):
        client.force_login(supporter)
        html = client.get(page(proposal)).content.decode()
        assert '<div id="support-block" aria-live="polite">' in html
        assert 'hx-target="#support-block"' in html

    def test_the_author_cannot_support_their_own(self, client, proposal, author):
        client.force_login(author)
        response = client.post(page(proposal, "support/"), {"support": "on"}, follow=True)
        assert not Support.objects.exists()
        with translation.override("sv"):
            refusal = str(ERRORS[ErrorCode.OWN_PROPOSAL].message)
        assert refusal in response.content.decode()

    def test_a_closed_proposal_takes_no_support(self, client, proposal, supporter, host):
        answer(host, proposal, "declined", text="Det går inte.")
        client.force_login(supporter)
        client.post(page(proposal, "support/"), {"support": "on"})
        assert not Support.objects.exists()

    def test_a_visitor_cannot_support(self, client, proposal):
        response = client.post(page(proposal, "support/"), {"support": "on"})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert not Support.objects.exists()

    def test_get_is_not_allowed(self, client, proposal, supporter):
        client.force_login(supporter)
        assert client.get(page(proposal, "support/")).status_code == 405

    def test_follow_and_stop(self, client, proposal, supporter):
        client.force_login(supporter)
        client.post(page(proposal, "follow/"), {"follow": "on"})
        assert Follow.objects.filter(member=supporter).exists()
        client.post(page(proposal, "follow/"), {"follow": "off"})
        assert not Follow.objects.exists()


class TestArgueRewordWithdrawReport:
    def test_an_argument_needs_a_side_and_a_text(self, client, proposal, supporter):
        client.force_login(supporter)
        url = page(proposal, "arguments/")
        assert client.post(url, {"argument-side": "for", "argument-text": ""}).status_code == 400
        assert client.post(url, {"argument-side": "maybe", "argument-text": "x"}).status_code == 400
        too_long = {"argument-side": "for", "argument-text": "a" * 501}
        assert client.post(url, too_long).status_code == 400
        assert not proposal.arguments.exists()
        client.post(url, {"argument-side": "against", "argument-text": "Det är för dyrt."})
        assert proposal.arguments.get().side == "against"

    def test_only_the_author_rewords_and_a_supported_text_keeps_its_old_version(
        self, client, proposal, author, supporter
    ):
        supported_by(proposal, supporter)
        data = {"reword-title": "Läxhjälp", "reword-body": "Lördagar 10–12."}
        client.force_login(supporter)
        assert client.post(page(proposal, "reword/"), data).status_code == 403
        client.force_login(author)
        assert client.post(page(proposal, "reword/"), data).status_code == 302
        proposal.refresh_from_db()
        assert proposal.version == 2 and proposal.versions.get().title == "Läxhjälp på lördagar"

    def test_only_the_author_withdraws_and_must_say_why(self, client, proposal, author, stranger):
        client.force_login(stranger)
        assert client.post(page(proposal, "withdraw/"), {"withdraw-reason": "x"}).status_code == 403
        client.force_login(author)
        assert client.post(page(proposal, "withdraw/"), {"withdraw-reason": ""}).status_code == 400
        client.post(page(proposal, "withdraw/"), {"withdraw-reason": "Jag flyttar."})
        proposal.refresh_from_db()
        assert proposal.state == "withdrawn"

    def test_a_member_reports_a_proposal_or_an_argument(self, client, proposal, supporter):
        client.force_login(supporter)
        client.post(page(proposal, "report/"), {"report-reason": "Reklam."})
        assert ContentReport.objects.get().proposal == proposal
        response = client.post(
            page(proposal, "report/"), {"report-reason": "Fel.", "argument": "99999"}
        )
        assert response.status_code == 404
        assert ContentReport.objects.count() == 1

    def test_another_offices_proposal_is_theirs_to_answer_not_yours(
        self, client, other_office, supporter
    ):
        elsewhere = propose(supporter, office=other_office)
        assert client.get(page(elsewhere)).status_code == 200


class TestMine:
    def test_a_member_sees_what_they_proposed_support_and_follow(
        self, client, office, proposal, author, supporter
    ):
        other = supported_by(propose(person("Nour"), office=office, title="Sykafé"), supporter)
        followed = propose(person("Karim"), office=office, title="Bokföringskurs")
        client.force_login(supporter)
        client.post(page(followed, "follow/"), {"follow": "on"})
        html = client.get("/en/me/proposals/").content.decode()
        assert "Sykafé" in html and "Bokföringskurs" in html
        assert proposal.title not in html
        client.force_login(author)
        html = client.get("/en/me/proposals/").content.decode()
        assert proposal.title in html and other.title not in html

    def test_a_hidden_proposal_stays_on_its_authors_page(self, client, proposal, author, host):
        hide(staff=host, item=proposal, reason="Reklam.")
        client.force_login(author)
        assert proposal.title in client.get("/sv/me/proposals/").content.decode()

    def test_a_visitor_is_sent_to_log_in(self, client):
        response = client.get("/sv/me/proposals/")
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_query_count_does_not_grow(self, client, office, supporter, django_assert_num_queries):
        supported_by(propose(person("A"), office=office), supporter)
        client.force_login(supporter)
        client.get("/sv/me/proposals/")
        with CaptureQueriesContext(connection) as few:
            client.get("/sv/me/proposals/")
        for number in range(4):
            supported_by(propose(person(f"S{number}"), office=office), supporter)
        with django_assert_num_queries(len(few)):
            client.get("/sv/me/proposals/")
