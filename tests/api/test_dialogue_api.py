"""The proposals API through the HTTP client: lists, one proposal, proposing, rewording.

Supports, arguments, answers, the queue and the write limit are in
``test_dialogue_api_writes.py``.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from publicoffice.api.dialogue_schemas import StateFilter
from publicoffice.dialogue import moderation
from publicoffice.dialogue.models import Proposal, State
from publicoffice.dialogue.services.answers import answer_write, archive_stale
from publicoffice.dialogue.services.proposals import argument_add, support_add
from publicoffice.places.models import OfficeStatus
from tests.api import dialogue_fixtures as fixtures
from tests.api.dialogue_factories import (
    person,
    propose,
    refusal,
    send,
    session_client,
    token_client,
)
from tests.factories import MunicipalityFactory, OfficeFactory, OperatorFactory

pytestmark = pytest.mark.django_db

office = fixtures.office
other_office = fixtures.other_office
author = fixtures.author
supporter = fixtures.supporter
stranger = fixtures.stranger
host = fixtures.host
other_host = fixtures.other_host
proposal = fixtures.proposal

NEW = {
    "office": "ronna",
    "kind": "equipment",
    "title": "En symaskin",
    "body": "Många vill laga sina kläder här.",
    "language": "sv",
}


def url(proposal: Proposal, rest: str = "") -> str:
    return f"/api/v1/proposals/{proposal.public_id}{rest}"


# -- the list ---------------------------------------------------------------------------


def test_the_list_shows_listed_proposals_with_their_clock(client, office, author, stranger):
    late = propose(author, office=office, title="Gammal", now=timezone.now() - timedelta(days=20))
    body = client.get("/api/v1/proposals", {"lang": "en"}).json()
    assert body["count"] == 1
    item = body["results"][0]
    assert item["id"] == str(late.public_id)
    assert item["url"].endswith(f"/proposals/{late.public_id}/")
    assert item["office"] == {"id": office.pk, "slug": "ronna", "name": "Ronna kontor (en)"}
    assert (item["operator"], item["municipality"]) == (None, None)
    assert (item["state"], item["family"], item["family_label"]) == ("new", "open", "Open")
    assert item["kind_label"] == "An activity"
    assert (item["overdue"], item["age_days"]) == (True, 20)
    assert item["supported"] is None  # nobody asked
    assert item["author"] == "Amina"


def test_the_list_never_shows_an_e_mail_address(client, office):
    nameless = person("Nameless", display_name="")
    propose(nameless, office=office)
    item = client.get("/api/v1/proposals").json()["results"][0]
    assert item["author"] is None
    assert "example.org" not in str(client.get("/api/v1/proposals").content)


def test_a_known_caller_sees_what_they_support(office, author, supporter):
    supported = propose(author, office=office, title="Stödd")
    propose(author, office=office, title="Inte stödd")
    support_add(member=supporter, proposal=supported)
    results = token_client(supporter).get("/api/v1/proposals").json()["results"]
    assert {r["title"]: r["supported"] for r in results} == {"Stödd": True, "Inte stödd": False}


def test_filters_by_office_municipality_family_and_state(
    client, office, other_office, author, host
):
    here = propose(author, office=office, title="Här")
    there = propose(author, office=other_office, title="Där")
    kommun = propose(author, municipality=other_office.municipality, title="Kommunen")
    answer_write(staff=host, proposal=here, state=State.PLANNED, text="Vi gör det.")

    def titles(**query):
        return sorted(r["title"] for r in client.get("/api/v1/proposals", query).json()["results"])

    assert titles() == ["Där", "Här", "Kommunen"]
    assert titles(office="ronna") == ["Här"]
    assert titles(municipality=other_office.municipality.code) == ["Där", "Kommunen"]
    assert titles(state="planned") == ["Här"]
    assert titles(family="open", office="alby") == ["Där"]
    assert titles(family="done") == []
    answer_write(staff=host, proposal=here, state=State.DONE, text="Klart!")
    assert titles(family="done") == ["Här"]
    assert titles(municipality="9999") == []  # an unknown municipality lists nothing
    item = client.get("/api/v1/proposals", {"municipality": kommun.municipality.code}).json()
    assert {r["municipality"]["code"] for r in item["results"] if r["municipality"]} == {
        kommun.municipality.code
    }
    assert there.office == other_office


def test_by_support_or_newest(client, office, author, supporter, stranger):
    older = propose(author, office=office, title="Äldre", now=timezone.now() - timedelta(days=2))
    propose(author, office=office, title="Nyare")
    support_add(member=supporter, proposal=older)
    support_add(member=stranger, proposal=older)

    def order(how):
        results = client.get("/api/v1/proposals", {"order": how}).json()["results"]
        return [r["title"] for r in results]

    assert order("support") == ["Äldre", "Nyare"]
    assert order("newest") == ["Nyare", "Äldre"]


def test_hidden_and_archived_proposals_leave_the_list(client, office, author, host, settings):
    hidden = propose(author, office=office, title="Dold")
    moderation.hide(staff=host, item=hidden, reason="Personangrepp")
    propose(author, office=office, title="Glömd", now=timezone.now() - timedelta(days=200))
    archive_stale()
    propose(author, office=office, title="Kvar")
    assert [r["title"] for r in client.get("/api/v1/proposals").json()["results"]] == ["Kvar"]


@pytest.mark.parametrize(
    ("query", "status", "code"),
    [
        ({"office": "nowhere"}, 404, "office_not_found"),
        ({"family": "maybe"}, 422, "invalid_input"),
        ({"state": "lost"}, 422, "invalid_input"),
        ({"order": "random"}, 422, "invalid_input"),
        ({"page": 0}, 422, "invalid_page"),
        ({"page_size": 101}, 422, "invalid_page"),
        ({"page": "abc"}, 422, "invalid_input"),
    ],
)
def test_a_list_refuses_what_it_cannot_answer(client, office, query, status, code):
    assert refusal(client.get("/api/v1/proposals", query)) == (status, code)


def test_the_list_pages(client, office, author, supporter):
    for index in range(3):
        propose(author if index < 2 else supporter, office=office, title=f"Förslag {index}")
    body = client.get("/api/v1/proposals", {"page_size": 2, "order": "newest"}).json()
    assert (body["count"], body["pages"], len(body["results"])) == (3, 2, 2)
    assert "page=2" in body["next"] and body["previous"] is None
    second = client.get("/api/v1/proposals", {"page_size": 2, "page": 2}).json()
    assert len(second["results"]) == 1 and "page=1" in second["previous"]


def test_the_states_a_list_filters_by_are_every_state():
    assert set(StateFilter.__args__) == {"", *State.values}


@pytest.mark.parametrize("known", [False, True])
def test_the_list_costs_the_same_queries_for_few_or_many(office, other_office, known, settings):
    settings.DIALOGUE_MAX_OPEN_PROPOSALS = 50
    people = [person(f"P{n}") for n in range(3)]
    client = token_client(people[0]) if known else Client()

    def cost(query):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/proposals", query).status_code == 200
        return len(queries)

    propose(people[1], office=office)
    few = [cost({}), cost({"office": "ronna"})]
    for index in range(12):
        where = {"office": office} if index % 3 else {"operator": other_office.operator}
        made = propose(people[1 + index % 2], title=f"Förslag {index}", **where)
        if index % 2:
            support_add(member=people[0], proposal=made)
    many = [cost({}), cost({"office": "ronna"})]
    assert few == many
    assert token_client(people[0]).get("/api/v1/proposals").json()["count"] == 13


# -- one proposal ---------------------------------------------------------------------------


def test_one_proposal_for_anyone(client, proposal, supporter, host):
    support_add(member=supporter, proposal=proposal)
    argument_add(member=supporter, proposal=proposal, side="for", text="Bra idé!")
    answer_write(staff=host, proposal=proposal, state=State.CONSIDERING, text="Vi tittar på det.")
    body = client.get(url(proposal), {"lang": "en"}).json()
    assert (body["support_count"], body["supported"], body["following"]) == (1, None, None)
    assert [(a["state"], a["text"], a["draft"]) for a in body["answers"]] == [
        ("considering", "Vi tittar på det.", False)
    ]
    assert body["answers"][0]["state_label"] == "Under consideration"
    assert body["drafts"] == []
    assert [(a["side"], a["side_label"], a["author"]) for a in body["arguments"]] == [
        ("for", "For", "Johan")
    ]
    assert body["answered_at"] is not None and body["overdue"] is False
    assert body["allowed"] == dict.fromkeys(
        ("support", "argue", "edit", "withdraw", "answer"), False
    )


def test_a_known_caller_sees_their_support_follow_and_rights(proposal, supporter, author):
    support_add(member=supporter, proposal=proposal)
    body = token_client(supporter).get(url(proposal)).json()
    assert (body["supported"], body["following"]) == (True, False)
    assert body["allowed"] == {
        "support": True,
        "argue": True,
        "edit": False,
        "withdraw": False,
        "answer": False,
    }
    mine = token_client(author).get(url(proposal)).json()["allowed"]
    assert (mine["support"], mine["edit"], mine["withdraw"]) == (False, True, True)


@pytest.mark.parametrize("public_id", ["00000000-0000-0000-0000-000000000000", "not-a-uuid"])
def test_an_unknown_proposal_is_not_found(client, public_id):
    response = client.get(f"/api/v1/proposals/{public_id}")
    assert refusal(response) == (404, "proposal_not_found")


def test_a_hidden_proposal_is_for_its_author_and_the_answering_side(
    client, proposal, author, host, stranger, other_host
):
    moderation.hide(staff=host, item=proposal, reason="Personangrepp")
    assert refusal(client.get(url(proposal))) == (404, "proposal_not_found")
    assert refusal(token_client(stranger).get(url(proposal))) == (404, "proposal_not_found")
    assert refusal(token_client(other_host).get(url(proposal))) == (404, "proposal_not_found")
    seen = token_client(author).get(url(proposal)).json()
    assert (seen["hidden"], seen["hidden_reason"]) == (True, "Personangrepp")
    assert token_client(host).get(url(proposal)).status_code == 200


def test_a_hidden_argument_is_for_its_writer_and_the_answering_side(
    client, proposal, supporter, host, stranger
):
    argument = argument_add(member=supporter, proposal=proposal, side="against", text="Dyrt")
    moderation.hide(staff=host, item=argument, reason="Off topic")
    assert client.get(url(proposal)).json()["arguments"] == []
    assert token_client(stranger).get(url(proposal)).json()["arguments"] == []
    for who in (supporter, host):
        shown = token_client(who).get(url(proposal)).json()["arguments"]
        assert [(a["hidden"], a["hidden_reason"]) for a in shown] == [(True, "Off topic")]


def test_a_wrong_key_is_refused_even_on_reads(client, proposal):
    wrong = {"Authorization": "Bearer po_nonsense"}
    assert refusal(client.get(url(proposal), headers=wrong)) == (401, "not_authenticated")
    assert refusal(client.get("/api/v1/proposals", headers=wrong)) == (401, "not_authenticated")


# -- proposing ---------------------------------------------------------------------------------


def test_a_member_proposes_with_a_token(office, author):
    response = send(token_client(author), "post", "/api/v1/proposals", NEW)
    assert response.status_code == 201
    body = response.json()
    assert (body["title"], body["state"], body["author"]) == ("En symaskin", "new", "Amina")
    assert body["office"]["slug"] == "ronna"
    made = Proposal.objects.get(public_id=body["id"])
    assert (made.author, made.office, made.kind) == (author, office, "equipment")
    assert body["answer_due"] == str(made.answer_due)


def test_a_session_needs_its_csrf_token(office, author):
    assert send(session_client(author), "post", "/api/v1/proposals", NEW).status_code == 201
    refused = send(session_client(author, csrf=False), "post", "/api/v1/proposals", NEW)
    assert refusal(refused) == (403, "csrf_failed")
    assert Proposal.objects.count() == 1


def test_nobody_and_a_wrong_key_are_refused(client, office):
    assert refusal(send(client, "post", "/api/v1/proposals", NEW)) == (401, "not_authenticated")
    wrong = type(client)(headers={"authorization": "Bearer po_wrong"})
    assert refusal(send(wrong, "post", "/api/v1/proposals", NEW)) == (401, "not_authenticated")
    assert Proposal.objects.count() == 0


def test_a_proposal_for_an_operators_or_a_municipalitys_network(author):
    operator, municipality = OperatorFactory(), MunicipalityFactory(code="0181")
    client = token_client(author)
    scoped = {k: v for k, v in NEW.items() if k != "office"}
    made = send(client, "post", "/api/v1/proposals", {**scoped, "operator": operator.pk}).json()
    assert (made["office"], made["operator"]["id"]) == (None, operator.pk)
    made = send(client, "post", "/api/v1/proposals", {**scoped, "municipality": "0181"}).json()
    assert made["municipality"] == {"code": "0181", "name": municipality.name}


@pytest.mark.parametrize(
    ("scope", "status", "code", "field"),
    [
        ({}, 400, "office_unknown", "office"),
        ({"office": "ronna", "municipality": "0181"}, 400, "office_unknown", "office"),
        ({"office": "nowhere"}, 404, "office_not_found", None),
        ({"operator": 987654}, 400, "office_unknown", "operator"),
        ({"operator": 2**40}, 400, "office_unknown", "operator"),
        ({"municipality": "9999"}, 400, "office_unknown", "municipality"),
        ({"operator": "many"}, 422, "invalid_input", None),
    ],
)
def test_exactly_one_known_scope(office, author, scope, status, code, field):
    MunicipalityFactory(code="0181")
    payload = {**{k: v for k, v in NEW.items() if k != "office"}, **scope}
    response = send(token_client(author), "post", "/api/v1/proposals", payload)
    assert refusal(response) == (status, code)
    if field:
        assert response.json()["details"]["field"] == field


def test_only_at_an_open_office(author):
    OfficeFactory(slug="stangt", status=OfficeStatus.PAUSED)
    response = send(token_client(author), "post", "/api/v1/proposals", {**NEW, "office": "stangt"})
    assert refusal(response) == (403, "not_allowed")


def test_too_many_open_proposals(office, author, settings):
    settings.DIALOGUE_MAX_OPEN_PROPOSALS = 1
    client = token_client(author)
    assert send(client, "post", "/api/v1/proposals", NEW).status_code == 201
    assert refusal(send(client, "post", "/api/v1/proposals", NEW)) == (429, "too_many_proposals")


LONG = "ب" * 4001


@pytest.mark.parametrize(
    ("change", "status", "code", "field"),
    [
        ({"title": ""}, 400, "text_missing", "title"),
        ({"title": " \n\t "}, 400, "text_missing", "title"),
        ({"body": ""}, 400, "text_missing", "body"),
        ({"title": "x" * 121}, 400, "text_too_long", "title"),
        ({"body": LONG}, 400, "text_too_long", "body"),
        ({"body": "y" * 200_000}, 400, "text_too_long", "body"),
        ({"kind": "party"}, 400, "proposal_kind_invalid", "kind"),
        ({"language": "xx"}, 400, "language_unknown", "language"),
        ({"title": 12}, 422, "invalid_input", "title"),
        ({"body": ["a", "b"]}, 422, "invalid_input", "body"),
        ({"title": None}, 422, "invalid_input", "title"),
    ],
)
def test_bad_input_has_the_services_codes(office, author, change, status, code, field):
    response = send(token_client(author), "post", "/api/v1/proposals", {**NEW, **change})
    assert refusal(response) == (status, code)
    details = response.json()["details"]
    assert field == details.get("field") or f"payload.{field}" in details["fields"]
    assert Proposal.objects.count() == 0


@pytest.mark.parametrize(
    "title",
    [
        "اقتراح: مقهى لغة ☕",
        "پیشنهاد ۱۲ – کلاس زبان 👩🏽‍🏫",
        "<b>Fet</b> <script>alert(1)</script>",
    ],
)
def test_texts_in_any_script_come_back_as_written(office, author, title):
    response = send(token_client(author), "post", "/api/v1/proposals", {**NEW, "title": title})
    assert response.status_code == 201
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["title"] == title


def test_invisible_reordering_characters_are_dropped(office, author):
    payload = {**NEW, "title": "Bra\u202e idé\u2066"}
    assert send(token_client(author), "post", "/api/v1/proposals", payload).json()["title"] == (
        "Bra idé"
    )


# -- rewording and withdrawing ------------------------------------------------------------------


def test_the_author_rewords_and_supporters_keep_the_old_wording(proposal, author, supporter):
    support_add(member=supporter, proposal=proposal)
    response = send(token_client(author), "patch", url(proposal), {"title": "Läxhjälp varje dag"})
    assert response.status_code == 200
    body = response.json()
    assert (body["title"], body["body"], body["version"]) == (
        "Läxhjälp varje dag",
        proposal.body,
        2,
    )
    assert [(v["number"], v["title"], v["supporters_then"]) for v in body["versions"]] == [
        (1, "Läxhjälp på lördagar", 1)
    ]


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({}, 400, "nothing_to_change"),
        ({"title": "Läxhjälp på lördagar"}, 400, "nothing_to_change"),
        ({"title": ""}, 400, "text_missing"),
        ({"body": "z" * 4001}, 400, "text_too_long"),
        ({"title": 5}, 422, "invalid_input"),
    ],
)
def test_a_reword_that_changes_nothing_or_breaks_a_limit(proposal, author, payload, status, code):
    response = send(token_client(author), "patch", url(proposal), payload)
    assert refusal(response) == (status, code)
    proposal.refresh_from_db()
    assert proposal.title == "Läxhjälp på lördagar"


def test_nobody_else_rewords_and_not_after_an_answer(proposal, author, stranger, host):
    change = {"title": "Något annat"}
    assert refusal(send(token_client(stranger), "patch", url(proposal), change)) == (
        403,
        "not_allowed",
    )
    assert refusal(send(token_client(host), "patch", url(proposal), change)) == (
        403,
        "not_allowed",
    )
    answer_write(staff=host, proposal=proposal, state=State.CONSIDERING, text="Vi tittar.")
    assert refusal(send(token_client(author), "patch", url(proposal), change)) == (
        403,
        "not_allowed",
    )


def test_the_author_withdraws_saying_why(proposal, author, stranger):
    client = token_client(author)
    refused = send(client, "post", url(proposal, "/withdraw"), {"reason": " "})
    assert refusal(refused) == (400, "text_missing")
    assert refused.json()["details"]["field"] == "reason"
    assert refusal(
        send(token_client(stranger), "post", url(proposal, "/withdraw"), {"reason": "x"})
    ) == (
        403,
        "not_allowed",
    )
    body = send(client, "post", url(proposal, "/withdraw"), {"reason": "Löst på annat sätt"}).json()
    assert (body["state"], body["family"]) == ("withdrawn", "closed")
    assert body["answers"][-1]["text"] == "Löst på annat sätt"
    again = send(client, "post", url(proposal, "/withdraw"), {"reason": "Igen"})
    assert refusal(again) == (403, "not_allowed")
    missing = send(client, "post", url(proposal, "/withdraw"), {})
    assert refusal(missing) == (422, "invalid_input")
