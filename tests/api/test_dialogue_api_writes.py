"""The proposals API's other writes: supports, follows, arguments, answers, the queue.

Also the write limit on these writes and the OpenAPI document's proposals paths.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from publicoffice.api.schemas import MAX_PAGE, MAX_PAGE_SIZE
from publicoffice.dialogue import moderation
from publicoffice.dialogue.models import Answer, Argument, Follow, Proposal, State, Support
from publicoffice.dialogue.services.answers import answer_write
from tests.api import dialogue_fixtures as fixtures
from tests.api.dialogue_factories import operator_admin_of, propose, refusal, send, token_client

pytestmark = pytest.mark.django_db

office = fixtures.office
other_office = fixtures.other_office
author = fixtures.author
supporter = fixtures.supporter
stranger = fixtures.stranger
host = fixtures.host
other_host = fixtures.other_host
proposal = fixtures.proposal


def url(proposal: Proposal, rest: str = "") -> str:
    return f"/api/v1/proposals/{proposal.public_id}{rest}"


def later(days: int = 1) -> str:
    return (timezone.now() + timedelta(days=days)).replace(microsecond=0).isoformat()


# -- supporting ----------------------------------------------------------------------------


def test_support_once_and_take_it_back(proposal, supporter):
    client = token_client(supporter)
    first = send(client, "put", url(proposal, "/support")).json()
    assert first == {
        "proposal": str(proposal.public_id),
        "supported": True,
        "support_count": 1,
        "changed": True,
    }
    again = send(client, "put", url(proposal, "/support")).json()
    assert (again["support_count"], again["changed"]) == (1, False)
    assert Support.objects.filter(proposal=proposal).count() == 1
    back = send(client, "delete", url(proposal, "/support")).json()
    assert (back["supported"], back["support_count"], back["changed"]) == (False, 0, True)
    assert send(client, "delete", url(proposal, "/support")).json()["changed"] is False
    proposal.refresh_from_db()
    assert proposal.support_count == 0


def test_not_ones_own_nor_a_closed_one(proposal, author, supporter, host):
    own = send(token_client(author), "put", url(proposal, "/support"))
    assert refusal(own) == (400, "own_proposal")
    answer_write(staff=host, proposal=proposal, state=State.DECLINED, text="Nej tyvärr.")
    closed = send(token_client(supporter), "put", url(proposal, "/support"))
    assert refusal(closed) == (409, "proposal_closed")
    assert Support.objects.count() == 0


def test_a_hidden_proposal_cannot_be_supported_by_others(proposal, supporter, host):
    moderation.hide(staff=host, item=proposal, reason="Reklam")
    response = send(token_client(supporter), "put", url(proposal, "/support"))
    assert refusal(response) == (404, "proposal_not_found")


@pytest.mark.parametrize(
    ("method", "rest", "data"),
    [
        ("put", "/support", None),
        ("delete", "/support", None),
        ("put", "/follow", None),
        ("delete", "/follow", None),
        ("post", "/arguments", {"side": "for", "text": "Bra"}),
        ("post", "/answers", {"state": "planned", "text": "Ja"}),
        ("post", "/withdraw", {"reason": "Ångrar mig"}),
        ("patch", "", {"title": "Nytt"}),
    ],
)
def test_writes_need_a_caller_and_a_good_key(client, proposal, method, rest, data):
    assert refusal(send(client, method, url(proposal, rest), data)) == (401, "not_authenticated")
    wrong = type(client)(headers={"authorization": "Bearer po_wrong"})
    assert refusal(send(wrong, method, url(proposal, rest), data)) == (401, "not_authenticated")
    proposal.refresh_from_db()
    assert (proposal.support_count, proposal.state, proposal.title) == (
        0,
        "new",
        "Läxhjälp på lördagar",
    )


# -- following -----------------------------------------------------------------------------


def test_follow_and_stop(proposal, stranger):
    client = token_client(stranger)
    assert send(client, "put", url(proposal, "/follow")).json() == {
        "proposal": str(proposal.public_id),
        "following": True,
        "changed": True,
    }
    assert send(client, "put", url(proposal, "/follow")).json()["changed"] is False
    assert client.get(url(proposal)).json()["following"] is True
    assert send(client, "delete", url(proposal, "/follow")).json()["following"] is False
    assert not Follow.objects.exists()


# -- arguing -------------------------------------------------------------------------------


def test_an_argument_for_or_against(proposal, supporter):
    response = send(
        token_client(supporter),
        "post",
        url(proposal, "/arguments"),
        {"side": "against", "text": "För dyrt 💸"},
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["side"], body["text"], body["author"], body["hidden"]) == (
        "against",
        "För dyrt 💸",
        "Johan",
        False,
    )


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"side": "maybe", "text": "Hm"}, 400, "argument_side_invalid"),
        ({"side": "for", "text": ""}, 400, "text_missing"),
        ({"side": "for", "text": "و" * 501}, 400, "text_too_long"),
        ({"side": "for"}, 422, "invalid_input"),
        ({"side": 1, "text": "Ja"}, 422, "invalid_input"),
    ],
)
def test_a_bad_argument(proposal, supporter, payload, status, code):
    response = send(token_client(supporter), "post", url(proposal, "/arguments"), payload)
    assert refusal(response) == (status, code)
    assert not Argument.objects.exists()


def test_no_argument_on_a_closed_proposal(proposal, supporter, host):
    answer_write(staff=host, proposal=proposal, state=State.DONE, text="Klart!")
    payload = {"side": "for", "text": "Bra"}
    response = send(token_client(supporter), "post", url(proposal, "/arguments"), payload)
    assert refusal(response) == (409, "proposal_closed")


# -- answering -----------------------------------------------------------------------------


def test_the_host_answers_in_public(proposal, host, author):
    payload = {"state": "planned", "text": "Vi börjar i januari."}
    response = send(token_client(host), "post", url(proposal, "/answers"), payload)
    assert response.status_code == 201
    assert (response.json()["state"], response.json()["draft"]) == ("planned", False)
    shown = token_client(author).get(url(proposal)).json()
    assert shown["state"] == "planned"
    assert [a["text"] for a in shown["answers"]] == ["Vi börjar i januari."]
    assert shown["answered_at"] is not None


def test_the_operators_admin_answers_too(proposal, office):
    admin = operator_admin_of(office.operator)
    payload = {"state": "considering", "text": "Vi ser över det."}
    assert send(token_client(admin), "post", url(proposal, "/answers"), payload).status_code == 201


def test_nobody_else_answers(proposal, author, stranger, other_host):
    payload = {"state": "planned", "text": "Ja!"}
    for who in (author, stranger, other_host):
        response = send(token_client(who), "post", url(proposal, "/answers"), payload)
        assert refusal(response) == (403, "not_allowed")
    assert not Answer.objects.exists()


def test_a_draft_waits_unseen_until_published(proposal, host, stranger, other_host):
    staff = token_client(host)
    payload = {"state": "declined", "text": "Tyvärr inte.", "draft": True}
    draft = send(staff, "post", url(proposal, "/answers"), payload).json()
    assert (draft["draft"], draft["published_at"]) == (True, None)
    assert [d["id"] for d in staff.get(url(proposal)).json()["drafts"]] == [draft["id"]]
    assert token_client(stranger).get(url(proposal)).json()["drafts"] == []
    publish = url(proposal, f"/answers/{draft['id']}/publish")
    for who in (stranger, other_host):
        assert refusal(send(token_client(who), "post", publish)) == (403, "not_allowed")
    published = send(staff, "post", publish)
    assert published.status_code == 200
    assert published.json()["draft"] is False
    assert staff.get(url(proposal)).json()["state"] == "declined"
    assert refusal(send(staff, "post", publish)) == (404, "answer_not_found")


@pytest.mark.parametrize("answer_id", ["999999", str(2**40)])
def test_publishing_an_unknown_draft(proposal, host, answer_id):
    response = send(token_client(host), "post", url(proposal, f"/answers/{answer_id}/publish"))
    assert refusal(response) == (404, "answer_not_found")


def test_a_draft_with_a_time_to_publish_itself(proposal, host):
    when = later(2)
    payload = {"state": "planned", "text": "Snart.", "publish_at": when}
    body = send(token_client(host), "post", url(proposal, "/answers"), payload).json()
    assert body["draft"] is True
    assert datetime.fromisoformat(body["publish_at"]) == datetime.fromisoformat(when)


@pytest.mark.parametrize(
    ("payload", "status", "code", "field"),
    [
        ({"state": "withdrawn", "text": "Nej"}, 400, "proposal_state_invalid", "state"),
        ({"state": "new", "text": "Nej"}, 400, "proposal_state_invalid", "state"),
        ({"state": "duplicate", "text": "Samma"}, 400, "proposal_state_invalid", "duplicate_of"),
        ({"state": "forwarded", "text": "Till kommunen"}, 400, "text_missing", "forwarded_to"),
        ({"state": "planned", "text": ""}, 400, "text_missing", "text"),
        ({"state": "planned", "text": "x" * 4001}, 400, "text_too_long", "text"),
        (
            {"state": "planned", "text": "Ja", "publish_at": "2030-01-01T10:00"},
            400,
            "naive_datetime",
            None,
        ),
        (
            {"state": "planned", "text": "Ja", "publish_at": "2020-01-01T10:00+01:00"},
            400,
            "in_past",
            "publish_at",
        ),
        ({"state": "planned", "text": "Ja", "publish_at": "soon"}, 422, "invalid_input", None),
        ({"state": "planned", "text": "Ja", "draft": "kanske"}, 422, "invalid_input", None),
        (
            {"state": "duplicate", "text": "Ja", "duplicate_of": "nope"},
            404,
            "proposal_not_found",
            None,
        ),
    ],
)
def test_a_bad_answer(proposal, host, payload, status, code, field):
    response = send(token_client(host), "post", url(proposal, "/answers"), payload)
    assert refusal(response) == (status, code)
    if field:
        assert response.json()["details"]["field"] == field
    proposal.refresh_from_db()
    assert (proposal.state, proposal.first_answer_at) == ("new", None)


def test_a_duplicate_names_the_original(proposal, office, host, supporter):
    original = propose(supporter, office=office, title="Läxhjälp")
    payload = {
        "state": "duplicate",
        "text": "Samma som förut.",
        "duplicate_of": str(original.public_id),
    }
    assert send(token_client(host), "post", url(proposal, "/answers"), payload).status_code == 201
    shown = token_client(host).get(url(proposal)).json()
    assert shown["duplicate_of"]["id"] == str(original.public_id)
    assert shown["family"] == "closed"


# -- the queue -----------------------------------------------------------------------------


def test_the_queue_is_the_hosts_own(proposal, office, other_office, host, author, supporter):
    propose(author, office=other_office, title="Alby")
    answer_write(staff=host, proposal=proposal, state=State.PLANNED, text="Ja", draft=True)
    body = token_client(host).get("/api/v1/proposals/to-answer").json()
    assert [(r["id"], r["has_draft"]) for r in body["results"]] == [(str(proposal.public_id), True)]


def test_only_the_answering_side_has_a_queue(client, proposal, stranger):
    assert refusal(token_client(stranger).get("/api/v1/proposals/to-answer")) == (
        403,
        "not_allowed",
    )
    assert refusal(client.get("/api/v1/proposals/to-answer")) == (401, "not_authenticated")


# -- the write limit -----------------------------------------------------------------------


def test_these_writes_count_against_the_write_limit(
    settings, proposal, office, supporter, stranger
):
    settings.API_WRITE_LIMIT = 3
    client = token_client(supporter)
    assert send(client, "put", url(proposal, "/support")).status_code == 200
    assert send(client, "put", url(proposal, "/follow")).status_code == 200
    refused = send(client, "post", url(proposal, "/arguments"), {"side": "what", "text": "?"})
    assert refusal(refused) == (400, "argument_side_invalid")  # refused, still counted
    limited = send(client, "post", url(proposal, "/arguments"), {"side": "for", "text": "Bra"})
    assert refusal(limited) == (429, "too_many_requests")
    assert refusal(send(client, "delete", url(proposal, "/support"))) == (429, "too_many_requests")
    assert client.get(url(proposal)).status_code == 200  # reads are not limited
    assert send(token_client(stranger), "put", url(proposal, "/support")).status_code == 200
    assert Support.objects.filter(member=supporter).exists()


# -- the OpenAPI document ------------------------------------------------------------------


def test_the_document_has_the_proposals_paths_and_their_limits(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/v1/proposals",
        "/api/v1/proposals/to-answer",
        "/api/v1/proposals/{public_id}",
        "/api/v1/proposals/{public_id}/support",
        "/api/v1/proposals/{public_id}/follow",
        "/api/v1/proposals/{public_id}/arguments",
        "/api/v1/proposals/{public_id}/withdraw",
        "/api/v1/proposals/{public_id}/answers",
        "/api/v1/proposals/{public_id}/answers/{answer_id}/publish",
    ):
        assert path in paths, path
    assert set(paths["/api/v1/proposals/{public_id}"]) == {"get", "patch"}
    assert set(paths["/api/v1/proposals/{public_id}/support"]) == {"put", "delete"}
    for path in ("/api/v1/proposals", "/api/v1/proposals/to-answer"):
        declared = {p["name"]: p["schema"] for p in paths[path]["get"]["parameters"]}
        assert (declared["page"]["minimum"], declared["page"]["maximum"]) == (1, MAX_PAGE)
        assert (declared["page_size"]["maximum"]) == MAX_PAGE_SIZE
    assert "403" in paths["/api/v1/proposals/to-answer"]["get"]["responses"]
