"""The member's side of the conduct API through the HTTP client: their decisions with the
statement of reasons, one decision, and the appeal; a second member sees nothing of it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import pgettext

from publicoffice.conduct.models import Appeal, AppealOutcome
from publicoffice.conduct.services.appeals import appeal_deadline
from publicoffice.conduct.services.sanctions import sanction_approve
from tests.api import conduct_fixtures as fixtures
from tests.api.conduct_fixtures import appeal, ban, later, restrict
from tests.api.dialogue_factories import refusal, send, session_client, token_client

pytestmark = pytest.mark.django_db

office = fixtures.office
other_office = fixtures.other_office
author = fixtures.author
stranger = fixtures.stranger
host = fixtures.host
second_host = fixtures.second_host
rules = fixtures.rules

LIST = "/api/v1/me/conduct/decisions"


def url(sanction, rest: str = "") -> str:
    return f"{LIST}/{sanction.public_id}{rest}"


def aware(value: str) -> datetime:
    """An answer's time: ISO 8601 with its offset, never naive."""
    moment = datetime.fromisoformat(value)
    assert moment.utcoffset() is not None, value
    return moment


def same(value: str, moment: datetime | None) -> bool:
    """The answer's time is ``moment`` (JSON keeps milliseconds)."""
    assert moment is not None
    return abs(aware(value) - moment) < timedelta(milliseconds=1)


# -- reading ---------------------------------------------------------------------------------


def test_the_member_reads_their_decision_with_its_statement_of_reasons(office, host, author, rules):
    sanction = restrict(host, author, office)
    body = token_client(author).get(LIST, {"lang": "en"}).json()
    assert (body["count"], body["pages"], body["next"]) == (1, 1, None)
    item = body["results"][0]
    assert item["id"] == str(sanction.public_id)
    assert item["url"].endswith(f"/me/decisions/{sanction.public_id}/")
    assert (item["kind"], item["actions"], item["scope"]) == ("restriction", ["book"], "office")
    assert item["office"] == {"id": office.pk, "slug": "ronna", "name": str(office.name)}
    assert (item["category"], item["state"], item["automated"]) == (
        "disturbance",
        "in_force",
        False,
    )
    assert item["rule_version"]["number"] == 3
    assert item["facts"] == "Spelade hög musik i läsrummet."
    assert item["grounds"] == "Ordningsregel 4: tyst i läsrummet."
    assert same(item["ends_at"], sanction.ends_at)
    assert same(item["starts_at"], sanction.starts_at)
    assert item["review_at"] is None
    assert same(item["appeal_deadline"], appeal_deadline(sanction))
    assert (item["may_appeal"], item["appeal"]) == (True, None)
    with translation.override("en"):
        assert item["kind_label"] == pgettext("sanction kind", "Restriction")


def test_labels_follow_the_language_asked_for(office, host, author):
    restrict(host, author, office)
    for lang in ("sv", "ar", "fa"):
        item = token_client(author).get(LIST, {"lang": lang}).json()["results"][0]
        with translation.override(lang):
            assert item["scope_label"] == pgettext("sanction scope", "This office")
            assert item["state_label"] == pgettext("sanction state", "Decided")


def test_newest_first_and_a_waiting_ban_is_not_shown_until_approved(
    office, host, second_host, author
):
    older = restrict(host, author, office, kind="warning", starts_at=later(-3))
    newer = restrict(host, author, office)
    waiting = ban(host, author, office)
    client = token_client(author)
    assert [r["id"] for r in client.get(LIST).json()["results"]] == [
        str(newer.public_id),
        str(older.public_id),
    ]
    assert refusal(client.get(url(waiting))) == (404, "sanction_not_found")
    sanction_approve(staff=second_host, sanction=waiting)
    shown = client.get(url(waiting)).json()
    assert (shown["kind"], shown["ends_at"], shown["state"]) == ("ban", None, "in_force")
    assert same(shown["review_at"], waiting.review_at)
    assert len(shown["actions"]) == 5


def test_one_decision_and_the_pages(office, host, author):
    made = [restrict(host, author, office, starts_at=later(-i)) for i in range(3)]
    client = token_client(author)
    assert client.get(url(made[1])).json()["id"] == str(made[1].public_id)
    body = client.get(LIST, {"page": 2, "page_size": 2}).json()
    assert (body["count"], body["pages"], body["next"]) == (3, 2, None)
    assert body["previous"].endswith("page=1&page_size=2") or "page=1" in body["previous"]
    assert [r["id"] for r in body["results"]] == [str(made[2].public_id)]
    assert refusal(client.get(LIST, {"page": 0})) == (422, "invalid_page")
    assert refusal(client.get(LIST, {"page_size": 101})) == (422, "invalid_page")


def test_another_member_and_a_visitor_see_nothing(client, office, host, author, stranger):
    sanction = restrict(host, author, office)
    other = token_client(stranger)
    assert other.get(LIST).json()["count"] == 0
    assert refusal(other.get(url(sanction))) == (404, "sanction_not_found")
    assert refusal(client.get(LIST)) == (401, "not_authenticated")
    assert refusal(client.get(url(sanction))) == (401, "not_authenticated")
    for bad in ("not-a-uuid", "1", "00000000-0000-0000-0000-000000000000"):
        assert refusal(token_client(author).get(f"{LIST}/{bad}")) == (404, "sanction_not_found")


def test_the_staff_who_decided_do_not_read_it_as_their_own(office, host, author):
    sanction = restrict(host, author, office)
    assert refusal(token_client(host).get(url(sanction))) == (404, "sanction_not_found")


def test_the_list_costs_the_same_for_2_and_20_decisions(office, host, author):
    client = token_client(author)

    def cost() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST, {"page_size": 50}).status_code == 200
        return len(queries)

    for index in range(2):
        appeal(author, restrict(host, author, office, starts_at=later(-index)))
    few = cost()
    for index in range(18):
        made = restrict(host, author, office, starts_at=later(-10 - index))
        if index % 2:
            appeal(author, made)
    assert cost() == few
    assert client.get(LIST).json()["count"] == 20


# -- appealing -------------------------------------------------------------------------------


def test_the_member_appeals_once(office, host, author):
    sanction = restrict(host, author, office)
    client = token_client(author)
    response = send(client, "post", url(sanction, "/appeal"), {"text": "Det var inte jag."})
    assert response.status_code == 201
    body = response.json()
    assert body["may_appeal"] is False
    made = body["appeal"]
    assert (made["text"], made["outcome"], made["reply"]) == ("Det var inte jag.", "pending", "")
    assert aware(made["answer_due"]) > aware(made["submitted_at"])
    again = send(client, "post", url(sanction, "/appeal"), {"text": "Igen."})
    assert refusal(again) == (409, "already_appealed")
    assert Appeal.objects.get().text == "Det var inte jag."


def test_an_appeal_after_the_deadline_is_too_late(office, host, author, settings):
    settings.CONDUCT_APPEAL_DAYS = 0
    sanction = restrict(host, author, office)
    client = token_client(author)
    assert client.get(url(sanction)).json()["may_appeal"] is False
    response = send(client, "post", url(sanction, "/appeal"), {"text": "Sent."})
    assert refusal(response) == (409, "appeal_too_late")
    assert not Appeal.objects.exists()


def test_nobody_else_appeals_it(client, office, host, author, stranger):
    sanction = restrict(host, author, office)
    for who in (token_client(stranger), token_client(host)):
        response = send(who, "post", url(sanction, "/appeal"), {"text": "Nej."})
        assert refusal(response) == (404, "sanction_not_found")
    assert refusal(send(client, "post", url(sanction, "/appeal"), {"text": "Nej."}))[0] == 401
    assert not Appeal.objects.exists()


def test_a_browser_session_needs_the_csrf_token(office, host, author):
    sanction = restrict(host, author, office)
    response = send(
        session_client(author, csrf=False), "post", url(sanction, "/appeal"), {"text": "x"}
    )
    assert refusal(response) == (403, "csrf_failed")
    response = send(session_client(author), "post", url(sanction, "/appeal"), {"text": "Fel."})
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({}, 422, "invalid_input"),
        ({"text": ""}, 400, "text_missing"),
        ({"text": "   \n  "}, 400, "text_missing"),
        ({"text": "x" * 3001}, 400, "text_too_long"),
        ({"text": 42}, 422, "invalid_input"),
        ({"text": ["a"]}, 422, "invalid_input"),
        ({"text": None}, 422, "invalid_input"),
    ],
)
def test_bad_appeals_are_refused_and_change_nothing(office, host, author, payload, status, code):
    sanction = restrict(host, author, office)
    response = send(token_client(author), "post", url(sanction, "/appeal"), payload)
    assert refusal(response) == (status, code)
    assert response.json()["message"]
    assert not Appeal.objects.exists()


def test_a_body_that_is_not_json_is_refused(office, host, author):
    sanction = restrict(host, author, office)
    response = token_client(author).post(
        url(sanction, "/appeal"), data="text=hej", content_type="application/json"
    )
    assert response.status_code in (400, 422)
    assert not Appeal.objects.exists()


@pytest.mark.parametrize(
    "text",
    [
        "القرار خاطئ، لم أكن هناك ☕",
        "من آنجا نبودم ۱۲ 👩🏽‍🏫",
        "<b>Fel</b> <script>alert(1)</script>",
    ],
)
def test_appeals_in_any_script_come_back_as_written(office, host, author, text):
    sanction = restrict(host, author, office)
    response = send(token_client(author), "post", url(sanction, "/appeal"), {"text": text})
    assert response.status_code == 201
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["appeal"]["text"] == text
    assert Appeal.objects.get().outcome == AppealOutcome.PENDING
