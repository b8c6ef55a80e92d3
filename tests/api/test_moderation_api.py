"""The content moderation API through the HTTP client: staff's cases and decisions, the
author's cases and appeal, a member's report; for the office's hosts, the one who decided,
a host of another operator's office, the author and a member who handles nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.conduct import moderation
from publicoffice.conduct.models import CaseState, ContentAppeal, ContentCase, ContentFlag
from tests.api import conduct_fixtures as fixtures
from tests.api.dialogue_factories import (
    host_of,
    operator_admin_of,
    person,
    propose,
    refusal,
    send,
    token_client,
)

pytestmark = pytest.mark.django_db

office = fixtures.office
other_office = fixtures.other_office
author = fixtures.author
stranger = fixtures.stranger
host = fixtures.host
second_host = fixtures.second_host
other_host = fixtures.other_host

CASES = "/api/v1/conduct/moderation"
MINE = "/api/v1/me/conduct/moderation"
REPORTS = "/api/v1/conduct/reports"


@pytest.fixture
def proposal(office: Any, author: Any) -> Any:
    return propose(author, office=office)


@pytest.fixture
def case(proposal: Any, stranger: Any) -> ContentCase:
    """Sara reported Amina's proposal at Ronna."""
    return flag(stranger, proposal)


def flag(reporter: Any, item: Any, reason: str = "Kränkande mot grannar.") -> ContentCase:
    return moderation.report(
        reporter=reporter, kind_name="proposal", key=str(item.public_id), reason=reason
    )


def url(case: ContentCase, action: str = "") -> str:
    return f"{CASES}/{case.public_id}" + (f"/{action}" if action else "")


def ids(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def state_of(case: ContentCase) -> tuple[str, str]:
    case.refresh_from_db()
    return case.state, case.reason


# -- who reads the staff lists ---------------------------------------------------------------


def test_a_member_who_handles_nothing_is_not_allowed(client, case, author, stranger):
    for member in (author, stranger):
        assert refusal(token_client(member).get(CASES)) == (403, "not_allowed")
        assert refusal(token_client(member).get(url(case))) == (404, "not_found")
    assert refusal(client.get(CASES)) == (401, "not_authenticated")


def test_the_queue_shows_waiting_cases_without_the_reporters(case, proposal, host, stranger):
    flag(person("Johan"), proposal, reason="Personuppgifter.")
    response = token_client(host).get(CASES, {"lang": "en"})
    assert ids(response) == [str(case.public_id)]
    (shown,) = response.json()["results"]
    assert (shown["kind"], shown["title"], shown["state"]) == ("proposal", proposal.title, "open")
    assert shown["office"]["slug"] == "ronna"
    assert (shown["reports"], shown["open_reports"], shown["automated"]) == (2, 2, False)
    assert shown["appeal"] is None and shown["decided_at"] is None
    assert shown["url"].endswith(f"/staff/conduct/moderation/{case.public_id}/")
    body = response.content.decode()
    for secret in ("Sara", "Johan", "@", "reporter"):
        assert secret not in body, secret


def test_one_case_with_its_reports_reasons_and_dates_only(case, host, stranger):
    response = token_client(host).get(url(case))
    assert response.status_code == 200, response.content
    shown = response.json()
    assert [f["reason"] for f in shown["flags"]] == ["Kränkande mot grannar."]
    assert shown["flags"][0]["reported_at"] and shown["flags"][0]["handled"] is False
    assert shown["content_exists"] is True and "/proposals/" in shown["content_url"]
    assert "Sara" not in response.content.decode()


def test_a_host_of_another_operators_office_sees_nothing(case, other_host):
    client = token_client(other_host)
    assert ids(client.get(CASES)) == []
    for state in ("open", "hidden", "restored", "dismissed"):
        assert ids(client.get(CASES, {"state": state})) == []
    assert refusal(client.get(url(case))) == (404, "not_found")
    answer = send(client, "post", url(case, "decision"), {"action": "hide", "reason": "Nej."})
    assert refusal(answer) == (404, "not_found")
    assert state_of(case) == (CaseState.OPEN, "")


def test_an_operator_admin_sees_the_operators_cases(case, office):
    admin = operator_admin_of(office.operator)
    assert ids(token_client(admin).get(CASES)) == [str(case.public_id)]


def test_the_state_filter_and_the_default(case, proposal, host):
    client = token_client(host)
    send(client, "post", url(case, "decision"), {"action": "hide", "reason": "Hot."})
    assert ids(client.get(CASES)) == []  # decided by a person, not appealed: not waiting
    assert ids(client.get(CASES, {"state": "hidden"})) == [str(case.public_id)]
    assert ids(client.get(CASES, {"state": "open"})) == []
    fixtures_appeal(case)
    assert ids(client.get(CASES)) == [str(case.public_id)]  # an appeal to answer


def fixtures_appeal(case: ContentCase) -> ContentAppeal:
    return moderation.appeal_make(member=case.author, case=case, text="Det är inte hot.")


@pytest.mark.parametrize(
    "query",
    [{"state": "gone"}, {"state": "<b>"}, {"state": "مخفی"}, {"page": 0}, {"page_size": 1000}],
)
def test_bad_list_parameters_are_refused(case, host, query):
    assert refusal(token_client(host).get(CASES, query))[0] == 422


@pytest.mark.parametrize("public_id", ["nope", "123", "<script>", "رونا", "😀", "0" * 200])
def test_a_malformed_case_id_is_not_found(case, host, public_id):
    assert refusal(token_client(host).get(f"{CASES}/{public_id}")) == (404, "not_found")


# -- staff decide ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "state", "hidden"),
    [("hide", "hidden", True), ("restore", "restored", False), ("dismiss", "dismissed", False)],
)
def test_a_decision_with_the_reason_the_author_reads(case, proposal, host, action, state, hidden):
    response = send(
        token_client(host), "post", url(case, "decision"), {"action": action, "reason": "Skäl."}
    )
    assert response.status_code == 200, response.content
    shown = response.json()
    assert (shown["state"], shown["reason"], shown["open_reports"]) == (state, "Skäl.", 0)
    assert shown["flags"][0]["handled"] is True
    proposal.refresh_from_db()
    assert (proposal.hidden_at is not None) is hidden
    assert state_of(case) == (state, "Skäl.")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"action": "hide", "reason": ""}, (400, "text_missing")),
        ({"action": "hide", "reason": "   "}, (400, "text_missing")),
        ({"action": "hide", "reason": "x" * 301}, (400, "text_too_long")),
        ({"action": "hide", "reason": "x" * 100_000}, (400, "text_too_long")),
        ({"action": "hide", "reason": 42}, (422, "invalid_input")),
        ({"action": "hide", "reason": ["Hot."]}, (422, "invalid_input")),
        ({"action": "hide"}, (422, "invalid_input")),
        ({"action": "erase", "reason": "Hot."}, (422, "invalid_input")),
        ({"action": "<b>hide</b>", "reason": "Hot."}, (422, "invalid_input")),
        ({"action": "إخفاء", "reason": "Hot."}, (422, "invalid_input")),
        ({"action": 1, "reason": "Hot."}, (422, "invalid_input")),
    ],
)
def test_bad_decisions_are_refused_and_change_nothing(case, proposal, host, body, expected):
    assert refusal(send(token_client(host), "post", url(case, "decision"), body)) == expected
    assert state_of(case) == (CaseState.OPEN, "")
    proposal.refresh_from_db()
    assert proposal.hidden_at is None


@pytest.mark.parametrize(
    "reason", ["تهديد للجيران", "🙅 inte okej 👎", "<script>alert(1)</script> & <b>fet</b>"]
)
def test_any_script_and_html_are_kept_as_plain_text(case, host, reason):
    response = send(
        token_client(host), "post", url(case, "decision"), {"action": "hide", "reason": reason}
    )
    assert response.status_code == 200, response.content
    assert response.json()["reason"] == reason
    assert state_of(case) == (CaseState.HIDDEN, reason)


# -- the author and the appeal ---------------------------------------------------------------


def test_the_author_reads_decisions_about_their_own_content_only(case, author, stranger, host):
    assert ids(token_client(author).get(MINE)) == []  # open: nothing decided yet
    send(token_client(host), "post", url(case, "decision"), {"action": "hide", "reason": "Hot."})
    response = token_client(author).get(MINE)
    assert ids(response) == [str(case.public_id)]
    (shown,) = response.json()["results"]
    assert (shown["state"], shown["reason"], shown["automated"]) == ("hidden", "Hot.", False)
    assert (shown["may_appeal"], shown["appeal"]) == (True, None)
    assert "Sara" not in response.content.decode()
    assert ids(token_client(stranger).get(MINE)) == []
    assert ids(token_client(host).get(MINE)) == []


def test_content_hidden_by_the_count_says_it_was_automated(proposal, author, office):
    for n in range(3):
        flag(person(f"Reporter{n}"), proposal)
    (shown,) = token_client(author).get(MINE).json()["results"]
    assert (shown["state"], shown["automated"]) == ("hidden", True)
    staff = token_client(host_of(office, "Third"))
    (queued,) = staff.get(CASES).json()["results"]
    assert (queued["automated"], queued["reports"]) == (True, 3)


def test_appeal_then_another_staff_member_answers(case, proposal, author, host, second_host):
    send(token_client(host), "post", url(case, "decision"), {"action": "hide", "reason": "Hot."})
    mine = f"{MINE}/{case.public_id}/appeal"
    made = send(token_client(author), "post", mine, {"text": "Det var ironi."})
    assert made.status_code == 201, made.content
    assert made.json()["appeal"]["outcome"] == "pending"
    assert made.json()["may_appeal"] is False
    assert refusal(send(token_client(author), "post", mine, {"text": "Igen."})) == (
        409,
        "already_appealed",
    )
    body = {"outcome": "restored", "reply": "Vi läste det igen."}
    answer = url(case, "appeal-answer")
    assert refusal(send(token_client(host), "post", answer, body)) == (403, "second_staff_needed")
    assert token_client(second_host).get(url(case)).json()["may_answer_appeal"] is True
    response = send(token_client(second_host), "post", answer, body)
    assert response.status_code == 200, response.content
    assert response.json()["appeal"]["outcome"] == "restored"
    assert response.json()["state"] == "restored"
    proposal.refresh_from_db()
    assert proposal.hidden_at is None
    assert refusal(send(token_client(host), "post", answer, body)) == (409, "appeal_decided")
    (shown,) = token_client(author).get(MINE).json()["results"]
    assert shown["appeal"]["reply"] == "Vi läste det igen."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"outcome": "pending", "reply": "Nej."}, (400, "appeal_outcome_invalid")),
        ({"outcome": "<b>kept</b>", "reply": "Nej."}, (400, "appeal_outcome_invalid")),
        ({"outcome": "kept", "reply": ""}, (400, "text_missing")),
        ({"outcome": "kept", "reply": "x" * 2001}, (400, "text_too_long")),
        ({"outcome": "kept", "reply": 7}, (422, "invalid_input")),
        ({"outcome": 7, "reply": "Nej."}, (422, "invalid_input")),
    ],
)
def test_bad_appeal_answers_are_refused(case, host, second_host, body, expected):
    send(token_client(host), "post", url(case, "decision"), {"action": "hide", "reason": "Hot."})
    made = fixtures_appeal(case)
    answer = send(token_client(second_host), "post", url(case, "appeal-answer"), body)
    assert refusal(answer) == expected
    made.refresh_from_db()
    assert (made.outcome, state_of(case)[0]) == ("pending", CaseState.HIDDEN)


def test_no_appeal_to_answer_is_not_found(case, host):
    body = {"outcome": "kept", "reply": "Nej."}
    assert refusal(send(token_client(host), "post", url(case, "appeal-answer"), body)) == (
        404,
        "appeal_not_found",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (400, "text_missing")),
        ("x" * 3001, (400, "text_too_long")),
        (12, (422, "invalid_input")),
        (None, (422, "invalid_input")),
    ],
)
def test_a_bad_appeal_is_refused_and_nothing_is_made(case, author, host, text, expected):
    send(token_client(host), "post", url(case, "decision"), {"action": "hide", "reason": "Hot."})
    mine = f"{MINE}/{case.public_id}/appeal"
    assert refusal(send(token_client(author), "post", mine, {"text": text})) == expected
    assert not ContentAppeal.objects.exists()


def test_only_the_author_appeals_and_only_hidden_content(case, author, stranger, host):
    mine = f"{MINE}/{case.public_id}/appeal"
    assert refusal(send(token_client(author), "post", mine, {"text": "Öppen."})) == (
        404,
        "not_found",
    )
    send(token_client(host), "post", url(case, "decision"), {"action": "dismiss", "reason": "OK."})
    assert refusal(send(token_client(author), "post", mine, {"text": "Nu."})) == (
        409,
        "appeal_too_late",
    )
    assert refusal(send(token_client(stranger), "post", mine, {"text": "Jag."})) == (
        404,
        "not_found",
    )
    assert not ContentAppeal.objects.exists()


# -- a member reports ------------------------------------------------------------------------


def test_a_member_reports_content_once(proposal, stranger, host):
    body = {"kind": "proposal", "key": str(proposal.public_id), "reason": "Kränkande."}
    with translation.override("ar"):
        expected = gettext("Thank you. The moderators will look at it.")
    response = send(token_client(stranger), "post", f"{REPORTS}?lang=ar", body)
    assert response.status_code == 201, response.content
    assert response.json()["message"] in {expected, "Thank you. The moderators will look at it."}
    assert send(token_client(stranger), "post", REPORTS, body).status_code == 201
    assert ContentFlag.objects.count() == 1
    (shown,) = token_client(host).get(CASES).json()["results"]
    assert shown["reports"] == 1


def test_nobody_reports_their_own_content(proposal, author):
    body = {"kind": "proposal", "key": str(proposal.public_id), "reason": "Test."}
    assert refusal(send(token_client(author), "post", REPORTS, body)) == (403, "not_allowed")
    assert not ContentCase.objects.exists()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"kind": "nope", "key": "1", "reason": "x"}, (404, "not_found")),
        ({"kind": "proposal", "key": "x", "reason": "x"}, (404, "not_found")),
        ({"kind": "proposal", "key": "😀" * 500, "reason": "x"}, (404, "not_found")),
        ({"kind": "<b>", "key": "<b>", "reason": "x"}, (404, "not_found")),
        ({"kind": "مقترح", "key": "1", "reason": "x"}, (404, "not_found")),
        ({"kind": "proposal", "key": "{key}", "reason": ""}, (400, "text_missing")),
        ({"kind": "proposal", "key": "{key}", "reason": "x" * 1001}, (400, "text_too_long")),
        ({"kind": "proposal", "key": "{key}", "reason": 5}, (422, "invalid_input")),
        ({"kind": "proposal", "key": 5, "reason": "x"}, (422, "invalid_input")),
        ({"kind": "proposal", "key": "{key}"}, (422, "invalid_input")),
    ],
)
def test_bad_reports_are_refused_and_record_nothing(proposal, stranger, body, expected):
    body = {
        k: v.replace("{key}", str(proposal.public_id)) if isinstance(v, str) else v
        for k, v in body.items()
    }
    assert refusal(send(token_client(stranger), "post", REPORTS, body)) == expected
    assert not ContentFlag.objects.exists()


def test_a_report_needs_a_caller(client, proposal):
    body = {"kind": "proposal", "key": str(proposal.public_id), "reason": "x"}
    assert refusal(send(client, "post", REPORTS, body)) == (401, "not_authenticated")


# -- query counts and the OpenAPI document ---------------------------------------------------


def cost(client: Any, address: str, query: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address, {"page_size": 50, **(query or {})}).status_code == 200
    return len(queries)


def cases_of(author: Any, office: Any, count: int) -> None:
    reporter = person(f"Reporter{count}")
    for n in range(count):
        flag(reporter, propose(author, office=office, title=f"Förslag {n}"))


def decide_all(host: Any) -> None:
    """Hide every open case; the author appeals every other one."""
    for n, case in enumerate(ContentCase.objects.filter(state=CaseState.OPEN)):
        moderation.hide(staff=host, case=case, reason="Hot.")
        if n % 2:
            moderation.appeal_make(member=case.author, case=case, text="Nej.")


@pytest.fixture
def many_proposals(settings: Any) -> None:
    settings.DIALOGUE_MAX_OPEN_PROPOSALS = 100


@pytest.mark.usefixtures("many_proposals")
def test_the_staff_list_costs_the_same_for_2_and_20_cases(author, office, host):
    viewer = token_client(host)
    cases_of(author, office, 2)
    few = cost(viewer, CASES)
    cases_of(author, office, 18)
    assert cost(viewer, CASES) == few
    assert viewer.get(CASES, {"page_size": 50}).json()["count"] == 20
    decide_all(host)
    assert cost(viewer, CASES, {"state": "hidden"}) == few
    assert cost(viewer, CASES) == few  # the appealed ones


@pytest.mark.usefixtures("many_proposals")
def test_the_authors_list_costs_the_same_for_2_and_20_cases(author, office, host):
    viewer = token_client(author)
    cases_of(author, office, 2)
    decide_all(host)
    few = cost(viewer, MINE)
    cases_of(author, office, 18)
    decide_all(host)
    assert len(viewer.get(MINE, {"page_size": 50}).json()["results"]) == 20
    assert cost(viewer, MINE) == few


def test_the_openapi_document_has_the_moderation_paths(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/conduct/moderation",
        "/api/v1/conduct/moderation/{public_id}",
        "/api/v1/conduct/moderation/{public_id}/decision",
        "/api/v1/conduct/moderation/{public_id}/appeal-answer",
        "/api/v1/me/conduct/moderation",
        "/api/v1/me/conduct/moderation/{public_id}/appeal",
        "/api/v1/conduct/reports",
    ):
        assert path in paths, path
    listed = paths["/api/v1/conduct/moderation"]["get"]["responses"]
    assert "403" in listed
    schema = str(paths["/api/v1/conduct/moderation/{public_id}"])
    assert "reporter" not in schema.lower()
