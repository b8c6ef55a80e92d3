"""Staff's side of the conduct API through the HTTP client: incidents, bans awaiting a
second approval, appeals and their answers; for the office's hosts, the one who decided,
a host of another office and a member who handles nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from publicoffice.conduct.models import Appeal, AppealOutcome, Sanction, SanctionState
from tests.api import conduct_fixtures as fixtures
from tests.api.conduct_fixtures import appeal, ban, incident, later, restrict
from tests.api.dialogue_factories import operator_admin_of, person, refusal, send, token_client
from tests.factories import OfficeFactory

pytestmark = pytest.mark.django_db

office = fixtures.office
other_office = fixtures.other_office
author = fixtures.author
stranger = fixtures.stranger
host = fixtures.host
second_host = fixtures.second_host
other_host = fixtures.other_host

INCIDENTS = "/api/v1/conduct/incidents"
AWAITING = "/api/v1/conduct/decisions/awaiting"
APPEALS = "/api/v1/conduct/appeals"


def approve_url(sanction: Sanction) -> str:
    return f"/api/v1/conduct/decisions/{sanction.public_id}/approve"


def decide_url(made: Appeal) -> str:
    return f"{APPEALS}/{made.public_id}/decision"


def ids(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def cost(client, address: str, query: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address, {"page_size": 50, **(query or {})}).status_code == 200
    return len(queries)


# -- who may read the lists ----------------------------------------------------------------


@pytest.mark.parametrize("address", [INCIDENTS, AWAITING, APPEALS])
def test_a_member_who_handles_nothing_is_not_allowed(client, author, address):
    assert refusal(token_client(author).get(address)) == (403, "not_allowed")
    assert refusal(client.get(address)) == (401, "not_authenticated")


# -- incidents -------------------------------------------------------------------------------


def test_incidents_open_first_oldest_first_with_their_details(office, host, second_host, author):
    now = timezone.now()
    newer = incident(host, office, author, occurred_at=now - timedelta(hours=1))
    older = incident(host, office, occurred_at=now - timedelta(days=2), person_description="Man")
    done = incident(host, office, occurred_at=now - timedelta(days=5))
    done.handled_at, done.outcome = now, "Samtal."
    done.save(update_fields=["handled_at", "outcome"])
    client = token_client(second_host)
    response = client.get(INCIDENTS, {"lang": "en"})
    assert ids(response) == [str(older.public_id), str(newer.public_id), str(done.public_id)]
    shown = response.json()["results"][1]
    assert shown["member"] == {"id": author.pk, "name": "Amina"}
    assert (shown["category"], shown["severity"], shown["source"]) == ("disturbance", 2, "staff")
    assert (shown["description"], shown["handled_at"], shown["erased"]) == (
        "Höga röster vid kaffet.",
        None,
        False,
    )
    assert shown["office"]["slug"] == "ronna"
    assert "@" not in response.content.decode()
    assert ids(client.get(INCIDENTS, {"open": "true"})) == [
        str(older.public_id),
        str(newer.public_id),
    ]


def test_incidents_of_one_office_and_only_of_those_one_handles(
    office, other_office, host, other_host
):
    here = incident(host, office)
    there = incident(other_host, other_office)
    assert ids(token_client(host).get(INCIDENTS)) == [str(here.public_id)]
    assert ids(token_client(other_host).get(INCIDENTS)) == [str(there.public_id)]
    assert ids(token_client(host).get(INCIDENTS, {"office": "ronna"})) == [str(here.public_id)]
    for slug in ("alby", "nowhere", "<b>x</b>", "رونا"):
        response = token_client(host).get(INCIDENTS, {"office": slug})
        assert refusal(response) == (404, "office_not_found"), slug


def test_an_operator_admin_sees_every_office_of_the_operator(office, host):
    sister = OfficeFactory(slug="rinkeby", operator=office.operator)
    admin = operator_admin_of(office.operator)
    incidents = [incident(host, office), incident(admin, sister)]
    assert sorted(ids(token_client(admin).get(INCIDENTS))) == sorted(
        str(i.public_id) for i in incidents
    )


@pytest.mark.parametrize(
    "query", [{"open": "maybe"}, {"page": "x"}, {"page": 0}, {"page_size": 1000}]
)
def test_bad_list_parameters_are_refused(office, host, query):
    assert refusal(token_client(host).get(INCIDENTS, query))[0] == 422


def test_the_incident_list_costs_the_same_for_2_and_20(office, host, author):
    client = token_client(host)
    for _index in range(2):
        incident(host, office, author)
    few = [cost(client, INCIDENTS), cost(client, INCIDENTS, {"open": "true", "office": "ronna"})]
    for index in range(18):
        incident(host, office, author if index % 2 else None)
    many = [cost(client, INCIDENTS), cost(client, INCIDENTS, {"open": "true", "office": "ronna"})]
    assert few == many


# -- approving a ban -------------------------------------------------------------------------


def test_a_second_host_approves_the_ban_the_decider_cannot(office, host, second_host, author):
    waiting = ban(host, author, office)
    listed = token_client(host).get(AWAITING).json()["results"]
    assert [(r["id"], r["may_approve"]) for r in listed] == [(str(waiting.public_id), False)]
    assert listed[0]["member"] == {"id": author.pk, "name": "Amina"}
    assert listed[0]["url"].endswith(f"/staff/decisions/{waiting.public_id}/")
    response = send(token_client(host), "post", approve_url(waiting))
    assert refusal(response) == (403, "second_staff_needed")
    assert Sanction.objects.get().state == SanctionState.AWAITING_APPROVAL
    second = token_client(second_host)
    assert second.get(AWAITING).json()["results"][0]["may_approve"] is True
    response = send(second, "post", approve_url(waiting))
    assert response.status_code == 200
    assert (response.json()["state"], response.json()["may_approve"]) == ("in_force", False)
    assert Sanction.objects.get().approved_by == second_host
    assert second.get(AWAITING).json()["count"] == 0
    assert refusal(send(second, "post", approve_url(waiting))) == (409, "sanction_not_awaiting")


def test_other_offices_and_members_do_not_approve(office, host, other_host, author, stranger):
    waiting = ban(host, author, office)
    assert token_client(other_host).get(AWAITING).json()["count"] == 0
    for who in (other_host, author, stranger):
        response = send(token_client(who), "post", approve_url(waiting))
        assert refusal(response) == (404, "sanction_not_found")
    for bad in ("nope", "00000000-0000-0000-0000-000000000000"):
        response = send(token_client(host), "post", f"/api/v1/conduct/decisions/{bad}/approve")
        assert refusal(response) == (404, "sanction_not_found")
    assert Sanction.objects.get().state == SanctionState.AWAITING_APPROVAL


def test_the_awaiting_list_costs_the_same_for_2_and_20(office, host, second_host):
    client = token_client(second_host)
    for index in range(2):
        ban(host, person(f"Few{index}"), office)
    few = cost(client, AWAITING)
    for index in range(18):
        ban(host, person(f"Many{index}"), office)
    assert cost(client, AWAITING) == few


# -- appeals -------------------------------------------------------------------------------


def test_appeals_by_answer_due_and_the_second_host_answers(office, host, second_host, author):
    made = appeal(author, restrict(host, author, office))
    listed = token_client(second_host).get(APPEALS, {"pending": "true"}).json()["results"]
    assert [(r["id"], r["may_decide"]) for r in listed] == [(str(made.public_id), True)]
    assert listed[0]["decision"]["facts"] == "Spelade hög musik i läsrummet."
    assert listed[0]["text"] == "Det var inte jag."
    assert token_client(host).get(APPEALS).json()["results"][0]["may_decide"] is False
    payload = {"outcome": "lifted", "reply": "Vittnen bekräftar att det var någon annan."}
    assert refusal(send(token_client(host), "post", decide_url(made), payload)) == (
        403,
        "second_staff_needed",
    )
    response = send(token_client(second_host), "post", decide_url(made), payload)
    assert response.status_code == 200
    body = response.json()
    assert (body["outcome"], body["decision"]["state"], body["may_decide"]) == (
        "lifted",
        "lifted",
        False,
    )
    assert token_client(second_host).get(APPEALS, {"pending": "true"}).json()["count"] == 0
    assert token_client(second_host).get(APPEALS).json()["count"] == 1
    again = send(token_client(second_host), "post", decide_url(made), payload)
    assert refusal(again) == (409, "appeal_decided")
    mine = token_client(author).get(f"/api/v1/me/conduct/decisions/{made.sanction.public_id}")
    assert mine.json()["appeal"]["reply"] == payload["reply"]


def test_an_appeal_is_shortened_to_a_new_end_with_an_offset(office, host, second_host, author):
    made = appeal(author, restrict(host, author, office))
    client = token_client(second_host)
    new_end = later(3).astimezone(timezone.get_fixed_timezone(180))
    payload = {"outcome": "shortened", "reply": "Tre dagar räcker.", "new_ends_at": None}
    assert refusal(send(client, "post", decide_url(made), payload)) == (
        400,
        "sanction_end_invalid",
    )
    naive = {**payload, "new_ends_at": new_end.replace(tzinfo=None).isoformat()}
    assert refusal(send(client, "post", decide_url(made), naive)) == (400, "naive_datetime")
    late = {**payload, "new_ends_at": later(30).isoformat()}
    assert refusal(send(client, "post", decide_url(made), late)) == (400, "sanction_end_invalid")
    response = send(
        client, "post", decide_url(made), {**payload, "new_ends_at": new_end.isoformat()}
    )
    assert response.status_code == 200, response.content
    assert Sanction.objects.get().ends_at == new_end
    assert response.json()["decision"]["ends_at"] == response.json()["new_ends_at"]


def test_the_order_is_by_answer_due(office, host, second_host, author, stranger):
    first = appeal(author, restrict(host, author, office))
    second = appeal(stranger, restrict(host, stranger, office))
    Appeal.objects.filter(pk=second.pk).update(answer_due=first.answer_due - timedelta(days=1))
    assert ids(token_client(second_host).get(APPEALS)) == [
        str(second.public_id),
        str(first.public_id),
    ]


def test_other_offices_and_members_do_not_see_or_answer(office, host, other_host, author, stranger):
    made = appeal(author, restrict(host, author, office))
    assert token_client(other_host).get(APPEALS).json()["count"] == 0
    payload = {"outcome": "kept", "reply": "Beslutet står fast."}
    for who in (other_host, author, stranger):
        response = send(token_client(who), "post", decide_url(made), payload)
        assert refusal(response) == (404, "appeal_not_found")
    assert Appeal.objects.get().outcome == AppealOutcome.PENDING


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({}, 422, "invalid_input"),
        ({"outcome": "kept"}, 422, "invalid_input"),
        ({"outcome": "kept", "reply": ""}, 400, "text_missing"),
        ({"outcome": "kept", "reply": "x" * 2001}, 400, "text_too_long"),
        ({"outcome": "kept", "reply": 7}, 422, "invalid_input"),
        ({"outcome": "pending", "reply": "Vänta."}, 400, "appeal_outcome_invalid"),
        ({"outcome": "<b>lifted</b>", "reply": "Ja."}, 400, "appeal_outcome_invalid"),
        ({"outcome": "مرفوع", "reply": "Ja."}, 400, "appeal_outcome_invalid"),
        ({"outcome": "kept", "reply": "Ja.", "new_ends_at": "tomorrow"}, 422, "invalid_input"),
    ],
)
def test_bad_answers_are_refused_and_change_nothing(
    office, host, second_host, author, payload, status, code
):
    made = appeal(author, restrict(host, author, office))
    response = send(token_client(second_host), "post", decide_url(made), payload)
    assert refusal(response) == (status, code)
    assert response.json()["message"]
    assert Appeal.objects.get().outcome == AppealOutcome.PENDING
    assert Sanction.objects.get().state == SanctionState.IN_FORCE


@pytest.mark.parametrize("reply", ["القرار باقٍ 🙂", "<script>alert(1)</script> بله"])
def test_replies_in_any_script_come_back_as_written(office, host, second_host, author, reply):
    made = appeal(author, restrict(host, author, office))
    response = send(
        token_client(second_host), "post", decide_url(made), {"outcome": "kept", "reply": reply}
    )
    assert response.status_code == 200
    assert response.json()["reply"] == reply


def test_the_appeal_list_costs_the_same_for_2_and_20(office, host, second_host):
    client = token_client(second_host)
    for index in range(2):
        member = person(f"Few{index}")
        appeal(member, restrict(host, member, office))
    few = [cost(client, APPEALS), cost(client, APPEALS, {"pending": "true"})]
    for index in range(18):
        member = person(f"Many{index}")
        appeal(member, restrict(host, member, office))
    assert [cost(client, APPEALS), cost(client, APPEALS, {"pending": "true"})] == few
