"""The events API through the HTTP client: lists, one event, registering, creating.

Time is frozen on Wednesday 25 November 2026 at 08:00 in Stockholm (see
``tests/events/conftest.py``); ``event`` is tomorrow 17:00–19:00 in a room
for six.
"""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client

from publicoffice.accounts.services import api_token_create
from publicoffice.bookings.models import Booking
from publicoffice.bookings.services import booking_create
from publicoffice.core.error_codes import ErrorCode
from publicoffice.core.error_specs import ERRORS
from publicoffice.events.models import Event, EventStatus, Registration, RegistrationStatus
from publicoffice.events.services import event_create, event_set_status, registration_create
from tests.events import conftest as events_fixtures
from tests.events.conftest import at, make_members

pytestmark = pytest.mark.django_db

frozen = events_fixtures.frozen
office = events_fixtures.office
room = events_fixtures.room
hall = events_fixtures.hall
member = events_fixtures.member
other_member = events_fixtures.other_member
host = events_fixtures.host
arabic = events_fixtures.arabic
swedish = events_fixtures.swedish
other_office = events_fixtures.other_office
other_host = events_fixtures.other_host
event = events_fixtures.event
open_event = events_fixtures.open_event


@pytest.fixture(autouse=True)
def _frozen_time(frozen):
    return frozen


def token_client(user: Any) -> Client:
    _token, key = api_token_create(user=user, name="test script")
    return Client(headers={"authorization": f"Bearer {key}"})


def session_client(user: Any, *, csrf: bool = True) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    if csrf:
        secret = _get_new_csrf_string()
        client.cookies["csrftoken"] = secret
        client.defaults["HTTP_X_CSRFTOKEN"] = secret
    return client


def send(client: Client, method: str, url: str, data: Any = None):
    body = "" if data is None else json.dumps(data)
    return getattr(client, method)(url, data=body, content_type="application/json")


# -- reading ----------------------------------------------------------------------


def test_anonymous_visitors_list_published_events(client, event, open_event):
    response = client.get("/api/v1/events")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [e["title"] for e in body["results"]] == ["Språkcafé", "Öppet hus"]
    first = body["results"][0]
    assert first["id"] == str(event.public_id)
    assert first["url"] == f"http://testserver/sv/events/{event.public_id}/"
    assert first["ics_url"].endswith(f"/events/{event.public_id}/event.ics")
    assert first["starts_at"] == "2026-11-26T17:00:00+01:00"
    assert first["office"] == {"id": event.office_id, "slug": "ronna", "name": "Ronna kontor"}
    assert first["room"]["name"] == "Mötesrum Ek"
    assert (first["capacity"], first["seats_taken"], first["seats_left"]) == (6, 0, 6)
    assert first["languages"] == [{"code": "ar", "name": "Arabiska", "endonym": "العربية"}]
    assert (first["status"], first["sequence"]) == ("scheduled", 0)
    assert "approval" not in first  # the column went with event proposals
    assert body["results"][1]["room"] is None
    assert body["results"][1]["seats_left"] is None


def test_pages_link_to_each_other(client, office, host):
    for day in range(1, 6):
        event_create(
            office=office, actor=host, title=f"Dag {day}", starts_at=at(day, 9), ends_at=at(day, 10)
        )
    first = client.get("/api/v1/events", {"page_size": 2}).json()
    assert (first["count"], first["pages"], first["previous"]) == (5, 3, None)
    second = client.get(first["next"]).json()
    assert [e["title"] for e in second["results"]] == ["Dag 3", "Dag 4"]
    assert second["previous"].endswith("page=1")


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ({"page": 0}, "invalid_input"),
        ({"page_size": 101}, "invalid_input"),
        ({"page": "two"}, "invalid_input"),
        ({"from": "tomorrow"}, "invalid_input"),
        ({"from": "2026-11-26T10:00"}, "naive_datetime"),
        ({"from": "2026-11-26T10:00+01:00", "to": "2026-11-26T09:00+01:00"}, "invalid_range"),
        ({"office": "nowhere"}, "office_not_found"),
    ],
)
def test_bad_list_parameters(client, event, query, code):
    response = client.get("/api/v1/events", query)
    assert response.status_code == ERRORS[ErrorCode(code)].status
    assert response.json()["code"] == code
    assert response.json()["message"]


def test_filters(client, event, open_event, other_office, other_host, swedish):
    event_create(
        office=other_office,
        actor=other_host,
        title="Läxhjälp",
        starts_at=at(3, 15),
        ends_at=at(3, 16),
        audience="youth",
        languages=["sv"],
    )

    def titles(**query):
        return [e["title"] for e in client.get("/api/v1/events", query).json()["results"]]

    assert titles(office="alby") == ["Läxhjälp"]
    assert titles(audience="youth") == ["Läxhjälp"]
    assert titles(language="ar") == ["Språkcafé"]
    assert titles(language="ti") == []
    assert titles(**{"from": "2026-11-27T00:00+01:00"}) == ["Öppet hus", "Läxhjälp"]
    assert titles(**{"from": "2026-11-26T00:00+01:00", "to": "2026-11-27T00:00+01:00"}) == [
        "Språkcafé"
    ]
    assert [e["title"] for e in client.get("/api/v1/offices/alby/events").json()["results"]] == [
        "Läxhjälp"
    ]
    assert client.get("/api/v1/offices/nowhere/events").json()["code"] == "office_not_found"


def test_the_list_costs_the_same_queries_for_one_event_or_fifteen(
    client, office, host, arabic, swedish, django_assert_num_queries
):
    def make(count):
        for index in range(count):
            start = at(7 + index % 5, 9) + timedelta(minutes=30 * (index // 5))
            event_create(
                office=office,
                actor=host,
                title=f"Träff {index}",
                starts_at=start,
                ends_at=start + timedelta(minutes=30),
                languages=[arabic, swedish],
            )

    make(1)
    with django_assert_num_queries(3):  # count, events with their counts, languages
        assert client.get("/api/v1/events").json()["count"] == 1
    make(14)
    with django_assert_num_queries(3):
        assert len(client.get("/api/v1/events", {"page_size": 50}).json()["results"]) == 15
    with django_assert_num_queries(4):  # and the office
        client.get("/api/v1/offices/ronna/events")


def test_one_event_for_anyone(client, event):
    response = client.get(f"/api/v1/events/{event.public_id}", {"lang": "en"})
    assert response.status_code == 200
    assert response.json()["audience_label"] == "Everyone"
    assert response.json()["url"].startswith("http://testserver/en/events/")


@pytest.mark.parametrize("bad", ["not-a-uuid", "%3Cscript%3E", "0" * 200])
def test_unknown_events_are_404(client, bad):
    response = client.get(f"/api/v1/events/{bad}")
    assert response.status_code == 404
    assert response.json()["code"] == "event_not_found"


def test_a_wrong_key_is_401_even_on_a_public_read(event):
    client = Client(headers={"authorization": "Bearer po_wrong"})
    response = client.get(f"/api/v1/events/{event.public_id}")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


# -- registering -----------------------------------------------------------------------


def test_anonymous_visitors_cannot_register(client, event):
    response = send(client, "post", f"/api/v1/events/{event.public_id}/registrations")
    assert response.status_code == 401
    assert Registration.objects.count() == 0


def test_a_member_registers_once(event, member):
    client = token_client(member)
    url = f"/api/v1/events/{event.public_id}/registrations"
    response = send(client, "post", url)
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["place_in_line"]) == ("registered", 0)
    assert body["event"]["seats_taken"] == 1 and body["event"]["seats_left"] == 5
    again = send(client, "post", url)
    assert again.status_code == 409
    assert again.json()["code"] == "already_registered"


def test_a_full_event_puts_members_in_line(event, member):
    for guest in make_members(6):
        registration_create(event=event, member=guest)
    body = send(token_client(member), "post", f"/api/v1/events/{event.public_id}/registrations")
    assert body.json()["status"] == "waiting"
    assert body.json()["place_in_line"] == 1
    assert body.json()["event"]["waiting"] == 1


def test_a_session_write_needs_the_csrf_token(event, member):
    url = f"/api/v1/events/{event.public_id}/registrations"
    refused = send(session_client(member, csrf=False), "post", url)
    assert refused.status_code == 403
    assert refused.json()["code"] == "csrf_failed"
    assert send(session_client(member), "post", url).status_code == 201


def test_no_registering_for_unknown_or_cancelled_events(event, host, other_member):
    client = token_client(other_member)
    unknown = send(client, "post", f"/api/v1/events/{uuid.uuid4()}/registrations")
    assert (unknown.status_code, unknown.json()["code"]) == (404, "event_not_found")
    event_set_status(event=event, actor=host, status=EventStatus.CANCELLED)
    cancelled = send(client, "post", f"/api/v1/events/{event.public_id}/registrations")
    assert (cancelled.status_code, cancelled.json()["code"]) == (409, "event_cancelled")
    assert Registration.objects.count() == 0


def test_cancelling_my_registration_gives_the_seat_to_the_first_in_line(event, member):
    mine = registration_create(event=event, member=member)
    guests = make_members(6)
    for guest in guests:
        registration_create(event=event, member=guest)
    client = token_client(member)
    response = send(client, "delete", f"/api/v1/events/{event.public_id}/registration")
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert Registration.objects.get(member=guests[-1]).status == RegistrationStatus.REGISTERED
    again = send(client, "delete", f"/api/v1/events/{event.public_id}/registration")
    assert (again.status_code, again.json()["code"]) == (404, "registration_not_found")
    assert mine.pk == response.json()["id"]


def test_only_the_member_or_the_hosts_cancel_a_registration(
    event, member, other_member, other_host, host
):
    registration = registration_create(event=event, member=member)
    url = f"/api/v1/registrations/{registration.pk}"
    for stranger in (other_member, other_host):
        response = send(token_client(stranger), "delete", url)
        assert (response.status_code, response.json()["code"]) == (404, "registration_not_found")
    assert send(Client(), "delete", url).status_code == 401
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REGISTERED
    assert send(token_client(host), "delete", url).json()["status"] == "cancelled"
    for missing in ("999999", "99999999999999", "-1"):
        response = send(token_client(member), "delete", f"/api/v1/registrations/{missing}")
        assert response.status_code in (404, 422)


def test_my_registrations(event, open_event, member, other_member, django_assert_num_queries):
    registration_create(event=event, member=member)
    registration_create(event=open_event, member=member)
    registration_create(event=open_event, member=other_member)
    client = token_client(member)
    # The token and its use, the count, the page, its events and their languages.
    with django_assert_num_queries(6):
        body = client.get("/api/v1/me/registrations").json()
    assert body["count"] == 2
    assert [r["event"]["title"] for r in body["results"]] == ["Språkcafé", "Öppet hus"]
    assert body["results"][1]["event"]["seats_taken"] == 2
    assert Client().get("/api/v1/me/registrations").status_code == 401


# -- creating -----------------------------------------------------------------------------

NEW = {
    "office": "ronna",
    "title": "Bokföring för nybörjare",
    "starts_at": "2026-11-27T10:00:00+01:00",
    "ends_at": "2026-11-27T12:00:00+01:00",
}


def test_a_host_creates_an_event_with_its_room(host, room, arabic):
    response = send(
        token_client(host),
        "post",
        "/api/v1/events",
        {**NEW, "room": room.pk, "capacity": 6, "languages": ["ar"]},
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["room"]["id"], body["capacity"]) == (room.pk, 6)
    assert Event.objects.get(public_id=body["id"]).booking is not None


@pytest.mark.parametrize("who", ["member", "other_host"])
def test_anyone_but_the_offices_hosts_is_refused_as_on_the_web(request, who, room):
    """Members propose through the dialogue now: no event, no booking, a 403."""
    user = request.getfixturevalue(who)
    response = send(token_client(user), "post", "/api/v1/events", {**NEW, "room": room.pk})
    assert response.status_code == 403
    assert response.json()["code"] == "not_allowed"
    assert not Event.objects.exists()
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        ({"title": ""}, 400, ("text_missing", "title")),
        ({"title": "x" * 121}, 400, ("text_too_long", "title")),
        ({"title": None}, 422, "invalid_input"),
        ({"starts_at": "2026-11-27T10:00"}, 400, "naive_datetime"),
        ({"ends_at": "2026-11-27T09:00:00+01:00"}, 400, "invalid_range"),
        ({"capacity": "many"}, 422, "invalid_input"),
        ({"capacity": 7, "room": "ROOM"}, 400, "capacity_over_room"),
        ({"room": 999999}, 400, "space_not_in_office"),
        ({"office": "nowhere"}, 404, "office_not_found"),
        ({"audience": "<script>"}, 400, "audience_invalid"),
        ({"languages": ["xx"]}, 400, "language_unknown"),
    ],
)
def test_bad_new_events_are_refused_and_nothing_is_written(host, room, change, status, code):
    payload = {**NEW, **change}
    if payload.get("room") == "ROOM":
        payload["room"] = room.pk
    response = send(token_client(host), "post", "/api/v1/events", payload)
    if isinstance(code, tuple):  # a text: the code and the field it is about
        code, field = code
        assert response.json()["details"]["field"] == field
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert Event.objects.count() == 0


def test_texts_in_any_script_come_back_as_written(host):
    title = "مقهى اللغة ☕ <script>alert(1)</script>"
    response = send(token_client(host), "post", "/api/v1/events", {**NEW, "title": title})
    assert response.json()["title"] == title


def test_a_room_clash_is_the_booking_error(host, room, member):
    booking_create(space=room, member=member, starts_at=at(2, 11), ends_at=at(2, 12))
    response = send(token_client(host), "post", "/api/v1/events", {**NEW, "room": room.pk})
    assert (response.status_code, response.json()["code"]) == (409, "slot_taken")
    assert Event.objects.count() == 0


def test_writes_are_rate_limited(settings, member, open_event):
    settings.API_WRITE_LIMIT = 2
    client = token_client(member)
    url = f"/api/v1/events/{open_event.public_id}/registrations"
    assert send(client, "post", url).status_code == 201
    assert (
        send(client, "delete", f"/api/v1/events/{open_event.public_id}/registration").status_code
        == 200
    )
    limited = send(client, "post", url)
    assert (limited.status_code, limited.json()["code"]) == (429, "too_many_requests")
