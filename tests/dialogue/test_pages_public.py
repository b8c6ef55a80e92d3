"""The public dialogue pages through the HTTP client: an office's proposals, the
network's, one proposal, for visitors, members, staff and strangers."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publicoffice.dialogue.moderation import hide
from publicoffice.dialogue.services.proposals import argument_add, proposal_reword
from tests.dialogue.factories import answer, host_of, person, propose, supported_by

pytestmark = pytest.mark.django_db


def count_queries(client, url: str) -> int:
    client.get(url)  # warm up the session and the content types
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


class TestOfficePage:
    def test_open_proposals_by_support_then_newest(self, client, office, author, supporter):
        quiet = propose(author, office=office, title="Stickcafé")
        loved = propose(person("Nour"), office=office, title="Sykafé på torsdagar")
        supported_by(loved, supporter, author)
        html = client.get("/en/offices/ronna/dialogue/").content.decode()
        assert html.index("Sykafé på torsdagar") < html.index("Stickcafé")
        assert "2 supporters" in html
        html = client.get("/en/offices/ronna/dialogue/?order=newest").content.decode()
        assert html.index("Sykafé på torsdagar") < html.index("Stickcafé")
        assert quiet.title in html

    def test_an_odd_order_or_page_falls_back_instead_of_failing(self, client, proposal):
        for query in ("?order=<script>", "?page=-1", "?page=abc", "?order=" + "x" * 5000):
            response = client.get(f"/sv/offices/ronna/dialogue/{query}")
            assert response.status_code == 200
            assert "<script>" not in response.content.decode().split("<main", 1)[1]

    def test_the_title_is_marked_with_its_language(self, client, office, author):
        propose(author, office=office, title="مقهى الخياطة", language="ar")
        html = client.get("/sv/offices/ronna/dialogue/").content.decode()
        assert 'lang="ar" dir="auto">مقهى الخياطة</a>' in html

    def test_answered_proposals_are_listed_apart_with_their_state(
        self, client, office, author, host
    ):
        done = propose(author, office=office, title="Fler eluttag")
        answer(host, done, "done", text="Klart: tio nya uttag vid fönstren.")
        html = client.get("/en/offices/ronna/dialogue/").content.decode()
        recent = html.split("Recently answered", 1)[1]
        assert "Fler eluttag" in recent and "Done" in recent

    def test_the_on_time_record_and_the_promise_are_shown(self, client, office, proposal):
        html = client.get("/en/offices/ronna/dialogue/").content.decode()
        assert "answer within 10 days" in html

    def test_hidden_and_archived_proposals_are_not_listed(self, client, office, author, host):
        hidden = propose(author, office=office, title="Reklam för mitt företag")
        hide(staff=host, item=hidden, reason="Reklam bryter mot husreglerna.")
        html = client.get("/sv/offices/ronna/dialogue/").content.decode()
        assert "Reklam för mitt företag" not in html

    def test_query_count_does_not_grow_with_proposals(
        self, client, office, author, supporter, django_assert_num_queries
    ):
        client.force_login(supporter)
        supported_by(propose(author, office=office), supporter)
        few = count_queries(client, "/sv/offices/ronna/dialogue/")
        for number in range(4):
            supported_by(propose(person(f"P{number}"), office=office), supporter)
        with django_assert_num_queries(few):
            client.get("/sv/offices/ronna/dialogue/")

    def test_an_unknown_office_is_404(self, client):
        assert client.get("/sv/offices/nowhere/dialogue/").status_code == 404

    def test_the_office_page_shows_the_panel(self, client, office, proposal):
        html = client.get("/en/offices/ronna/").content.decode()
        assert proposal.title in html
        assert "/en/offices/ronna/dialogue/propose/" in html


class TestNetworkPage:
    def test_every_office_and_one_municipality(self, client, office, other_office, author):
        here = propose(author, office=office, title="Här")
        there = propose(person("Yusuf"), office=other_office, title="Där")
        html = client.get("/en/proposals/").content.decode()
        assert here.title in html and there.title in html
        code = office.municipality.code
        html = client.get(f"/en/proposals/?municipality={code}").content.decode()
        assert here.title in html and "Där" not in html

    def test_a_bad_municipality_shows_the_whole_network(self, client, proposal):
        for code in ("abcd", "99999", "<b>", ""):
            response = client.get("/sv/proposals/", {"municipality": code})
            assert response.status_code == 200
            assert proposal.title in response.content.decode()

    def test_query_count_does_not_grow_with_proposals(
        self, client, office, other_office, author, django_assert_num_queries
    ):
        propose(author, office=office)
        few = count_queries(client, "/sv/proposals/")
        for number in range(4):
            propose(person(f"Q{number}"), office=other_office)
        with django_assert_num_queries(few):
            client.get("/sv/proposals/")


class TestProposalPage:
    def test_a_visitor_reads_it_and_is_asked_to_log_in_to_support(self, client, proposal):
        response = client.get(f"/en/proposals/{proposal.public_id}/")
        html = response.content.decode()
        assert response.status_code == 200
        assert proposal.body in html
        assert "Log in to support it" in html
        assert "csrfmiddlewaretoken" not in html.split("<main", 1)[1]

    def test_answers_versions_and_arguments_are_public(
        self, client, office, proposal, author, supporter, host
    ):
        supported_by(proposal, supporter)
        proposal_reword(author=author, proposal=proposal, title="Läxhjälp", body="Varje lördag.")
        argument_add(member=supporter, proposal=proposal, side="for", text="Min son behöver det.")
        answer(host, proposal, "planned", text="Vi börjar i januari.")
        html = client.get(f"/en/proposals/{proposal.public_id}/").content.decode()
        assert "Vi börjar i januari." in html
        assert "Earlier versions" in html and "Läxhjälp på lördagar" in html
        assert "Min son behöver det." in html

    def test_html_in_a_proposal_is_shown_as_text(self, client, office, author):
        odd = propose(author, office=office, title="<script>alert(1)</script>", body="<b>x</b> 🎉")
        html = client.get(f"/sv/proposals/{odd.public_id}/").content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "🎉" in html

    def test_a_hidden_proposal_is_404_for_others_and_shows_the_reason_to_its_author(
        self, client, proposal, author, stranger, host
    ):
        hide(staff=host, item=proposal, reason="Personangrepp.")
        url = f"/sv/proposals/{proposal.public_id}/"
        assert client.get(url).status_code == 404
        client.force_login(stranger)
        assert client.get(url).status_code == 404
        client.force_login(author)
        html = client.get(url).content.decode()
        assert "Personangrepp." in html

    def test_an_unknown_proposal_is_404(self, client):
        assert client.get("/sv/proposals/00000000-0000-0000-0000-000000000000/").status_code == 404

    def test_the_answer_form_is_for_the_answering_side_only(
        self, client, office, other_office, proposal, stranger
    ):
        url = f"/en/proposals/{proposal.public_id}/"
        client.force_login(stranger)
        assert "Answer in public" not in client.get(url).content.decode()
        client.force_login(host_of(other_office, "Elsewhere"))
        assert "Answer in public" not in client.get(url).content.decode()
        client.force_login(host_of(office, "Here"))
        assert "Answer in public" in client.get(url).content.decode()


def test_an_author_without_a_display_name_is_never_shown_by_e_mail(client, office, supporter):
    nameless = person("Nameless")
    nameless.display_name = ""
    nameless.save()
    proposal = propose(nameless, office=office)
    other = propose(supporter, office=office, title="Annat")
    argument_add(member=nameless, proposal=other, side="for", text="Ja")
    pages = (f"/en/proposals/{proposal.public_id}/", f"/en/proposals/{other.public_id}/")
    for url in (*pages, "/en/offices/ronna/dialogue/"):
        assert "nameless@example.org" not in client.get(url).content.decode()
    html = client.get(f"/en/proposals/{proposal.public_id}/").content.decode()
    assert "proposed by a member" in html
