"""The problem reports API through the HTTP client: the list, one report, reporting,
staff's updates and reopening, for visitors, members, the office's people, a second
member and a host of another office."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from publicoffice.api.problem_schemas import CategoryFilter, ProblemStateFilter
from publicoffice.dialogue import moderation, photos
from publicoffice.dialogue.models import (
    ProblemCategory,
    ProblemReport,
    ProblemState,
    ProblemUpdate,
)
from publicoffice.places.models import OfficeStatus
from tests.api import dialogue_fixtures as fixtures
from tests.api.dialogue_factories import (
    operator_admin_of,
    person,
    refusal,
    send,
    session_client,
    token_client,
)
from tests.dialogue.problem_makers import barrier, picture, report, update
from tests.factories import OfficeFactory

pytestmark = pytest.mark.django_db

office = fixtures.office
other_office = fixtures.other_office
author = fixtures.author
stranger = fixtures.stranger
host = fixtures.host
other_host = fixtures.other_host

NEW = {
    "office": "ronna",
    "category": "equipment",
    "title": "Skrivaren är trasig",
    "description": "Skrivaren vid fönstret drar inte in papper.",
    "language": "sv",
}
LIST = "/api/v1/problems"


def url(problem: ProblemReport, rest: str = "") -> str:
    return f"{LIST}/{problem.public_id}{rest}"


def ago(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)


def fixed(office, host, *, days_ago: int, **options) -> ProblemReport:
    """A report fixed ``days_ago`` days ago (reported a day before that)."""
    problem = report(office, now=ago(days_ago + 1), **options)
    update(host, problem, "fixed", text="Lagad.", now=ago(days_ago))
    return problem


# -- the list ------------------------------------------------------------------------------


def test_the_list_shows_reports_with_their_clock_and_never_an_address(client, office, author):
    late = report(office, reporter=author, now=ago(20))
    report(office, contact_email="besokare@example.net", title="Smutsigt", now=ago(1))
    body = client.get(LIST, {"lang": "en"}).json()
    assert body["count"] == 2
    item = body["results"][1]
    assert item["id"] == str(late.public_id)
    assert item["url"].endswith(f"/problems/{late.public_id}/")
    assert item["office"] == {"id": office.pk, "slug": "ronna", "name": "Ronna kontor (en)"}
    assert (item["state"], item["family"], item["family_label"]) == ("new", "open", "Open")
    assert (item["category"], item["category_label"]) == ("equipment", "Broken equipment")
    assert (item["overdue"], item["age_days"], item["photo_url"]) == (True, 20, None)
    content = client.get(LIST).content.decode()
    assert "example.net" not in content and "example.org" not in content


def test_filters_by_office_family_state_and_category(client, office, other_office, host):
    here = report(office, title="Här")
    report(other_office, title="Där")
    barrier(office, title="Hissen")
    update(host, here, "fixed", text="Lagad.")

    def titles(**query):
        return sorted(r["title"] for r in client.get(LIST, query).json()["results"])

    assert titles() == ["Där", "Hissen", "Här"]
    assert titles(office="ronna") == ["Hissen", "Här"]
    assert titles(office="alby") == ["Där"]
    assert titles(family="done") == ["Här"]
    assert titles(family="open", office="ronna") == ["Hissen"]
    assert titles(family="closed") == []
    assert titles(state="fixed") == ["Här"]
    assert titles(category="accessibility") == ["Hissen"]


def test_hidden_reports_leave_the_list(client, office, host, author):
    hidden = report(office, reporter=author, title="Dold")
    moderation.hide(staff=host, item=hidden, reason="Personangrepp")
    report(office, title="Kvar")
    for who in (client, token_client(author), token_client(host)):
        assert [r["title"] for r in who.get(LIST).json()["results"]] == ["Kvar"]


@pytest.mark.parametrize(
    ("query", "status", "code"),
    [
        ({"office": "nowhere"}, 404, "office_not_found"),
        ({"family": "maybe"}, 422, "invalid_input"),
        ({"state": "lost"}, 422, "invalid_input"),
        ({"category": "noise"}, 422, "invalid_input"),
        ({"page": 0}, 422, "invalid_page"),
        ({"page_size": 101}, 422, "invalid_page"),
        ({"page": "abc"}, 422, "invalid_input"),
    ],
)
def test_a_list_refuses_what_it_cannot_answer(client, office, query, status, code):
    assert refusal(client.get(LIST, query)) == (status, code)


def test_the_list_pages(client, office):
    for index in range(3):
        report(office, title=f"Problem {index}", now=ago(index))
    body = client.get(LIST, {"page_size": 2}).json()
    assert (body["count"], body["pages"], len(body["results"])) == (3, 2, 2)
    assert [r["title"] for r in body["results"]] == ["Problem 0", "Problem 1"]
    assert "page=2" in body["next"] and body["previous"] is None
    second = client.get(LIST, {"page_size": 2, "page": 2}).json()
    assert [r["title"] for r in second["results"]] == ["Problem 2"]
    assert "page=1" in second["previous"] and second["next"] is None


def test_the_filters_are_every_state_and_every_category():
    assert set(ProblemStateFilter.__args__) == {"", *ProblemState.values}
    assert set(CategoryFilter.__args__) == {"", *ProblemCategory.values}


@pytest.mark.parametrize("known", [False, True])
def test_the_list_costs_the_same_queries_for_few_or_many(office, other_office, host, known):
    client = token_client(person("Reader")) if known else Client()

    def cost(query):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST, query).status_code == 200
        return len(queries)

    report(office)
    few = [cost({}), cost({"office": "ronna", "family": "open"})]
    for index in range(12):
        made = report(office if index % 3 else other_office, title=f"Problem {index}")
        if index % 3 and index % 2:
            update(host, made, "in_progress")
    many = [cost({}), cost({"office": "ronna", "family": "open"})]
    assert few == many
    assert client.get(LIST).json()["count"] == 13


# -- one report ------------------------------------------------------------------------------


def test_one_report_with_its_updates_and_reopening_time(client, office, host, author):
    problem = fixed(office, host, days_ago=2, reporter=author, contact_email="a@example.net")
    body = client.get(url(problem), {"lang": "en"}).json()
    assert [(u["state"], u["state_label"], u["text"], u["reopening"]) for u in body["updates"]] == [
        ("fixed", "Fixed", "Lagad.", False)
    ]
    deadline = datetime.fromisoformat(body["reopen_until"])
    assert abs(deadline - (ago(2) + timedelta(days=14))) < timedelta(minutes=1)
    assert (body["family"], body["hidden"], body["photo_url"]) == ("done", False, None)
    assert body["answered_at"] is not None and body["fixed_at"] is not None
    assert body["allowed"] == {"update": False, "reopen": False}
    assert "example" not in client.get(url(problem)).content.decode()


def test_no_reopening_time_unless_fixed(client, office):
    assert client.get(url(report(office))).json()["reopen_until"] is None


def test_what_each_caller_may_do(office, host, stranger, other_host):
    problem = fixed(office, host, days_ago=1)
    assert token_client(host).get(url(problem)).json()["allowed"] == {
        "update": True,
        "reopen": True,
    }
    assert token_client(stranger).get(url(problem)).json()["allowed"] == {
        "update": False,
        "reopen": True,
    }
    assert token_client(other_host).get(url(problem)).json()["allowed"]["update"] is False


def test_the_photo_has_its_address(client, office, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    problem = report(office, photo=photos.Photo(data=picture(), ending="jpg"))
    body = client.get(url(problem)).json()
    assert body["photo_url"].endswith(f"/problems/{problem.public_id}/photo/")
    listed = client.get(LIST).json()["results"][0]
    assert listed["photo_url"] == body["photo_url"]


@pytest.mark.parametrize("public_id", ["00000000-0000-0000-0000-000000000000", "not-a-uuid"])
def test_an_unknown_report_is_not_found(client, public_id):
    assert refusal(client.get(f"{LIST}/{public_id}")) == (404, "problem_not_found")


def test_a_hidden_report_is_for_its_reporter_and_the_office(
    client, office, author, host, stranger, other_host
):
    problem = report(office, reporter=author)
    moderation.hide(staff=host, item=problem, reason="Personangrepp")
    for who in (client, token_client(stranger), token_client(other_host)):
        assert refusal(who.get(url(problem))) == (404, "problem_not_found")
    seen = token_client(author).get(url(problem)).json()
    assert (seen["hidden"], seen["hidden_reason"]) == (True, "Personangrepp")
    staff = token_client(host).get(url(problem)).json()
    assert staff["hidden"] is True and staff["allowed"]["update"] is False


def test_a_wrong_key_is_refused_even_on_reads(client, office):
    problem = report(office)
    wrong = {"Authorization": "Bearer po_nonsense"}
    assert refusal(client.get(url(problem), headers=wrong)) == (401, "not_authenticated")
    assert refusal(client.get(LIST, headers=wrong)) == (401, "not_authenticated")


# -- reporting -------------------------------------------------------------------------------


def test_a_member_reports_with_a_token(office, author):
    response = send(token_client(author), "post", LIST, NEW)
    assert response.status_code == 201
    body = response.json()
    assert (body["title"], body["state"], body["updates"]) == ("Skrivaren är trasig", "new", [])
    assert body["office"]["slug"] == "ronna"
    made = ProblemReport.objects.get(public_id=body["id"])
    assert (made.reporter, made.office, made.category, made.contact_email) == (
        author,
        office,
        "equipment",
        "",
    )
    assert body["answer_due"] == str(made.answer_due)
    assert "example.org" not in response.content.decode()


def test_a_session_needs_its_csrf_token(office, author):
    assert send(session_client(author), "post", LIST, NEW).status_code == 201
    refused = send(session_client(author, csrf=False), "post", LIST, NEW)
    assert refusal(refused) == (403, "csrf_failed")
    assert ProblemReport.objects.count() == 1


def test_at_a_known_office_that_is_open_or_paused(author):
    OfficeFactory(slug="planerad", status=OfficeStatus.PLANNED)
    OfficeFactory(slug="pausad", status=OfficeStatus.PAUSED)
    client = token_client(author)
    assert refusal(send(client, "post", LIST, {**NEW, "office": "nowhere"})) == (
        404,
        "office_not_found",
    )
    assert refusal(send(client, "post", LIST, {**NEW, "office": "planerad"})) == (
        400,
        "office_not_open",
    )
    assert send(client, "post", LIST, {**NEW, "office": "pausad"}).status_code == 201


LONG = "ب" * 4001


@pytest.mark.parametrize(
    ("change", "status", "code", "field"),
    [
        ({"title": ""}, 400, "text_missing", "title"),
        ({"title": " \n\t "}, 400, "text_missing", "title"),
        ({"description": ""}, 400, "text_missing", "description"),
        ({"title": "x" * 121}, 400, "text_too_long", "title"),
        ({"description": LONG}, 400, "text_too_long", "description"),
        ({"description": "y" * 200_000}, 400, "text_too_long", "description"),
        ({"category": "noise"}, 400, "problem_category_invalid", "category"),
        ({"language": "xx"}, 400, "language_unknown", "language"),
        ({"title": 12}, 422, "invalid_input", "title"),
        ({"description": ["a", "b"]}, 422, "invalid_input", "description"),
        ({"title": None}, 422, "invalid_input", "title"),
        ({"office": 3}, 422, "invalid_input", "office"),
    ],
)
def test_bad_reports_have_the_services_codes(office, author, change, status, code, field):
    response = send(token_client(author), "post", LIST, {**NEW, **change})
    assert refusal(response) == (status, code)
    details = response.json()["details"]
    assert field == details.get("field") or f"payload.{field}" in details["fields"]
    assert ProblemReport.objects.count() == 0


def test_an_empty_body_is_refused(office, author):
    response = send(token_client(author), "post", LIST, {})
    assert refusal(response) == (422, "invalid_input")
    assert ProblemReport.objects.count() == 0


@pytest.mark.parametrize(
    "title",
    [
        "المصعد معطل ♿",
        "چاپگر ۲ خراب است 🖨️👩🏽‍🔧",
        "<b>Trasig</b> <script>alert(1)</script>",
    ],
)
def test_texts_in_any_script_come_back_as_written(office, author, title):
    response = send(token_client(author), "post", LIST, {**NEW, "title": title})
    assert response.status_code == 201
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["title"] == title


# -- staff's updates ---------------------------------------------------------------------------


def test_the_host_updates_in_public(office, host, author):
    problem = report(office, reporter=author)
    payload = {"state": "in_progress", "text": "Reservdelen är beställd."}
    response = send(token_client(host), "post", url(problem, "/updates"), payload)
    assert response.status_code == 201
    assert (response.json()["state"], response.json()["reopening"]) == ("in_progress", False)
    shown = token_client(author).get(url(problem)).json()
    assert shown["state"] == "in_progress" and shown["answered_at"] is not None
    assert [u["text"] for u in shown["updates"]] == ["Reservdelen är beställd."]


def test_the_operators_admin_updates_too(office):
    admin = operator_admin_of(office.operator)
    payload = {"state": "acknowledged", "text": "Vi vet."}
    response = send(token_client(admin), "post", url(report(office), "/updates"), payload)
    assert response.status_code == 201


def test_nobody_else_updates(office, author, stranger, other_host):
    problem = report(office, reporter=author)
    payload = {"state": "fixed", "text": "Lagad!"}
    for who in (author, stranger, other_host):
        response = send(token_client(who), "post", url(problem, "/updates"), payload)
        assert refusal(response) == (403, "not_allowed")
    problem.refresh_from_db()
    assert (problem.state, problem.first_answer_at) == ("new", None)
    assert not ProblemUpdate.objects.exists()


def test_a_hidden_report_is_not_found_by_others_nor_updated(office, host, other_host):
    problem = report(office)
    moderation.hide(staff=host, item=problem, reason="Reklam")
    payload = {"state": "fixed", "text": "Lagad!"}
    response = send(token_client(other_host), "post", url(problem, "/updates"), payload)
    assert refusal(response) == (404, "problem_not_found")
    response = send(token_client(host), "post", url(problem, "/updates"), payload)
    assert refusal(response) == (403, "not_allowed")


@pytest.mark.parametrize(
    ("payload", "status", "code", "field"),
    [
        ({"state": "new", "text": "Nej"}, 400, "problem_state_invalid", "state"),
        ({"state": "broken", "text": "Nej"}, 400, "problem_state_invalid", "state"),
        ({"state": "duplicate", "text": "Samma"}, 400, "problem_state_invalid", "duplicate_of"),
        ({"state": "forwarded", "text": "Till kommunen"}, 400, "text_missing", "forwarded_to"),
        ({"state": "fixed", "text": ""}, 400, "text_missing", "text"),
        ({"state": "fixed", "text": "ن" * 4001}, 400, "text_too_long", "text"),
        ({"state": "fixed"}, 422, "invalid_input", None),
        ({"state": ["fixed"], "text": "Ja"}, 422, "invalid_input", None),
        (
            {"state": "duplicate", "text": "Ja", "duplicate_of": "nope"},
            404,
            "problem_not_found",
            None,
        ),
    ],
)
def test_a_bad_update(office, host, payload, status, code, field):
    problem = report(office)
    response = send(token_client(host), "post", url(problem, "/updates"), payload)
    assert refusal(response) == (status, code)
    if field:
        assert response.json()["details"]["field"] == field
    problem.refresh_from_db()
    assert (problem.state, problem.first_answer_at) == ("new", None)


def test_a_duplicate_names_a_report_of_the_same_office(office, other_office, host):
    problem, earlier, elsewhere = report(office), report(office), report(other_office)
    client = token_client(host)
    payload = {"state": "duplicate", "text": "Samma sak.", "duplicate_of": str(elsewhere.public_id)}
    assert refusal(send(client, "post", url(problem, "/updates"), payload)) == (
        404,
        "problem_not_found",
    )
    payload["duplicate_of"] = str(earlier.public_id)
    assert send(client, "post", url(problem, "/updates"), payload).status_code == 201
    shown = client.get(url(problem)).json()
    assert (shown["duplicate_of"]["id"], shown["family"]) == (str(earlier.public_id), "closed")


def test_forwarded_says_to_whom(office, host):
    problem = report(office)
    payload = {"state": "forwarded", "text": "Skickat.", "forwarded_to": "Fastighetsägaren"}
    assert send(token_client(host), "post", url(problem, "/updates"), payload).status_code == 201
    assert token_client(host).get(url(problem)).json()["forwarded_to"] == "Fastighetsägaren"


# -- reopening ---------------------------------------------------------------------------------


def test_a_member_reopens_within_the_window(office, host, stranger):
    problem = fixed(office, host, days_ago=1)
    client = token_client(stranger)
    response = send(client, "post", url(problem, "/reopen"), {"reason": "Hissen står still 😞"})
    assert response.status_code == 201
    assert (response.json()["state"], response.json()["reopening"]) == ("acknowledged", True)
    shown = client.get(url(problem)).json()
    assert (shown["state"], shown["reopened_count"], shown["reopen_until"]) == (
        "acknowledged",
        1,
        None,
    )
    assert shown["updates"][-1]["text"] == "Hissen står still 😞"


def test_too_late_or_not_fixed_is_a_conflict(office, host, stranger):
    late = fixed(office, host, days_ago=15)
    client = token_client(stranger)
    response = send(client, "post", url(late, "/reopen"), {"reason": "Trasig igen"})
    assert refusal(response) == (409, "reopen_too_late")
    still_open = report(office)
    response = send(client, "post", url(still_open, "/reopen"), {"reason": "Trasig"})
    assert refusal(response) == (409, "problem_not_fixed")
    late.refresh_from_db()
    assert (late.state, late.reopened_count) == ("fixed", 0)


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"reason": ""}, 400, "text_missing"),
        ({"reason": "x" * 301}, 400, "text_too_long"),
        ({"reason": 5}, 422, "invalid_input"),
        ({}, 422, "invalid_input"),
    ],
)
def test_a_bad_reason(office, host, stranger, payload, status, code):
    problem = fixed(office, host, days_ago=1)
    response = send(token_client(stranger), "post", url(problem, "/reopen"), payload)
    assert refusal(response) == (status, code)
    problem.refresh_from_db()
    assert problem.state == "fixed"


def test_a_hidden_report_is_not_reopened_by_others(office, host, stranger):
    problem = fixed(office, host, days_ago=1)
    moderation.hide(staff=host, item=problem, reason="Reklam")
    response = send(token_client(stranger), "post", url(problem, "/reopen"), {"reason": "Nej"})
    assert refusal(response) == (404, "problem_not_found")


# -- callers and the write limit ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("rest", "data"),
    [
        ("", NEW),
        ("/updates", {"state": "fixed", "text": "Lagad"}),
        ("/reopen", {"reason": "Trasig"}),
    ],
)
def test_writes_need_a_caller_and_a_good_key(client, office, host, rest, data):
    problem = fixed(office, host, days_ago=1)
    address = LIST if not rest else url(problem, rest)
    assert refusal(send(client, "post", address, data)) == (401, "not_authenticated")
    wrong = Client(headers={"authorization": "Bearer po_wrong"})
    assert refusal(send(wrong, "post", address, data)) == (401, "not_authenticated")
    problem.refresh_from_db()
    assert (ProblemReport.objects.count(), problem.state, problem.updates.count()) == (
        1,
        "fixed",
        1,
    )


def test_these_writes_count_against_the_write_limit(settings, office, host, stranger, author):
    settings.API_WRITE_LIMIT = 3
    problem = fixed(office, host, days_ago=1)
    client = token_client(stranger)
    assert send(client, "post", LIST, NEW).status_code == 201
    refused = send(client, "post", LIST, {**NEW, "title": ""})
    assert refusal(refused) == (400, "text_missing")  # refused, still counted
    assert send(client, "post", url(problem, "/reopen"), {"reason": "Nej"}).status_code == 201
    limited = send(client, "post", LIST, NEW)
    assert refusal(limited) == (429, "too_many_requests")
    assert client.get(url(problem)).status_code == 200  # reads are not limited
    assert send(token_client(author), "post", LIST, NEW).status_code == 201
    assert ProblemReport.objects.count() == 3


def test_the_document_has_the_problem_paths_and_their_limits(client, settings):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths[LIST]) == {"get", "post"}
    assert set(paths["/api/v1/problems/{public_id}"]) == {"get"}
    for path in ("/api/v1/problems/{public_id}/updates", "/api/v1/problems/{public_id}/reopen"):
        operation = paths[path]["post"]
        assert operation["x-rate-limit"]["limit"] == settings.API_WRITE_LIMIT
        assert {"401", "403", "404", "409", "429"} <= set(operation["responses"])
    declared = {p["name"] for p in paths[LIST]["get"]["parameters"]}
    assert {"office", "family", "state", "category", "page", "page_size"} <= declared
