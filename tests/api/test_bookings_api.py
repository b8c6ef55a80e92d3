"""The bookings API through the HTTP client: availability, booking, changing, cancelling.

Time is frozen on Wednesday 25 November 2026 at 08:00 in Stockholm; the
office is open Monday–Friday 08:00–20:00 (see ``tests/bookings/conftest.py``).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from django.test.utils import CaptureQueriesContext

from publicoffice.accounts.services import api_token_create, api_token_revoke
from publicoffice.bookings.models import Booking, BookingLogEntry, BookingStatus, LogAction
from publicoffice.bookings.services import booking_cancel, booking_create
from tests.bookings import conftest as bookings_fixtures
from tests.bookings.conftest import STOCKHOLM, at
from tests.factories import OfficeFactory, SpaceFactory, UserFactory

pytestmark = pytest.mark.django_db

# The bookings tests' fixtures (frozen time, the office, its spaces, people).
frozen = bookings_fixtures.frozen
office = bookings_fixtures.office
room = bookings_fixtures.room
desk = bookings_fixtures.desk
hall = bookings_fixtures.hall
member = bookings_fixtures.member
other_member = bookings_fixtures.other_member
host = bookings_fixtures.host

TOMORROW = "2026-11-26"
#: A well-formed body, to spoil one field at a time.
VALID = {"space": 1, "starts_at": "2026-11-26T10:00+01:00", "ends_at": "2026-11-26T11:00+01:00"}


@pytest.fixture(autouse=True)
def _frozen_time(frozen):
    """Every test here runs at the frozen moment."""
    return frozen


def token_client(user: Any) -> Client:
    """A client that sends a fresh personal API token, and no cookies."""
    _token, key = api_token_create(user=user, name="test script")
    return Client(headers={"authorization": f"Bearer {key}"})


def session_client(user: Any, *, csrf: bool = True) -> Client:
    """A logged-in browser that enforces CSRF; with ``csrf`` it sends the token too."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    if csrf:
        secret = _get_new_csrf_string()
        client.cookies["csrftoken"] = secret
        client.defaults["HTTP_X_CSRFTOKEN"] = secret
    return client


def send(client: Client, method: str, url: str, data: Any = None, **extra: Any):
    body = "" if data is None else json.dumps(data)
    return getattr(client, method)(url, data=body, content_type="application/json", **extra)


def book(client: Client, space, start, end, **fields: Any):
    payload = {
        "space": space.pk,
        "starts_at": start.isoformat(),
        "ends_at": end.isoformat(),
        **fields,
    }
    return send(client, "post", "/api/v1/bookings", payload)


def local(iso: str) -> str:
    """Stockholm wall-clock time of an ISO timestamp from the API, as HH:MM."""
    return datetime.fromisoformat(iso).astimezone(STOCKHOLM).strftime("%H:%M")


# -- availability -------------------------------------------------------------------


class TestSpaceAvailability:
    def test_anonymous_sees_every_slot_and_the_free_ranges(self, client: Client, room):
        response = client.get(f"/api/v1/spaces/{room.pk}/availability?start={TOMORROW}&days=1")
        assert response.status_code == 200
        body = response.json()
        assert body["space"] == {
            "id": room.pk,
            "name": "Mötesrum Ek",
            "kind": "meeting_room",
            "capacity": 6,
        }
        assert body["office"]["slug"] == "ronna"
        assert body["slot_minutes"] == 30
        [day] = body["days"]
        assert day["date"] == TOMORROW
        assert len(day["slots"]) == 24  # 08:00–20:00 in half hours
        assert {slot["state"] for slot in day["slots"]} == {"free"}
        assert day["slots"][0]["starts_at"] == "2026-11-26T08:00:00+01:00"
        assert body["free"] == [
            {"starts_at": "2026-11-26T08:00:00+01:00", "ends_at": "2026-11-26T20:00:00+01:00"}
        ]

    def test_taken_slots_say_why_and_mine_are_marked(
        self,
        client: Client,
        room,
        member,
        other_member,
    ):
        booking_create(space=room, member=other_member, starts_at=at(1, 10), ends_at=at(1, 11))
        booking_create(space=room, member=member, starts_at=at(1, 14), ends_at=at(1, 15))
        url = f"/api/v1/spaces/{room.pk}/availability?start={TOMORROW}&days=1"

        slots = {local(s["starts_at"]): s for s in client.get(url).json()["days"][0]["slots"]}
        assert slots["10:00"]["state"] == "taken"
        assert slots["10:00"]["code"] == "slot_taken"
        assert slots["10:00"]["reason"] == "Någon har redan bokat den här tiden."
        assert slots["11:00"]["state"] == "free"  # half-open: the 10–11 booking ends at 11
        assert slots["14:00"]["state"] == "taken"  # anonymous: not "mine"

        mine = token_client(member).get(url).json()
        slots = {local(s["starts_at"]): s for s in mine["days"][0]["slots"]}
        assert slots["14:00"]["state"] == "mine"
        assert slots["10:00"]["state"] == "taken"
        assert [(local(r["starts_at"]), local(r["ends_at"])) for r in mine["free"]] == [
            ("08:00", "10:00"),
            ("11:00", "14:00"),
            ("15:00", "20:00"),
        ]

    def test_closed_and_past_slots(self, client: Client, room):
        saturday = (at(3, 8)).date().isoformat()
        body = client.get(f"/api/v1/spaces/{room.pk}/availability?start={saturday}&days=2").json()
        assert [len(day["slots"]) for day in body["days"]] == [0, 0]  # weekend: closed
        assert body["free"] == []
        yesterday = (at(-1, 8)).date().isoformat()
        body = client.get(f"/api/v1/spaces/{room.pk}/availability?start={yesterday}&days=1").json()
        assert {s["state"] for s in body["days"][0]["slots"]} == {"past"}
        assert {s["code"] for s in body["days"][0]["slots"]} == {"in_past"}

    def test_texts_follow_lang(self, client: Client, room):
        url = f"/api/v1/spaces/{room.pk}/availability?start=2026-11-24&days=1&lang=en"
        assert client.get(url).json()["days"][0]["slots"][0]["reason"] == "Passed"
        in_swedish = url.replace("lang=en", "lang=sv")
        assert client.get(in_swedish).json()["days"][0]["slots"][0]["reason"] == "Passerad"
        english = client.get("/api/v1/spaces/999999/availability?lang=en").json()["message"]
        swedish = client.get("/api/v1/spaces/999999/availability?lang=sv").json()["message"]
        assert english == "There is no such space."
        assert swedish == "Utrymmet finns inte."

    @pytest.mark.parametrize(
        ("query", "code"),
        [
            ("days=0", "invalid_input"),
            ("days=15", "invalid_input"),
            ("days=many", "invalid_input"),
            ("start=26-11-2026", "invalid_input"),
            ("start=1999-01-01", "invalid_start"),
            ("start=2030-01-01", "invalid_start"),
        ],
    )
    def test_bad_parameters(self, client: Client, room, query, code):
        response = client.get(f"/api/v1/spaces/{room.pk}/availability?{query}")
        assert response.status_code == 422
        assert response.json()["code"] == code

    def test_fourteen_days_is_the_most(self, client: Client, room):
        body = client.get(f"/api/v1/spaces/{room.pk}/availability?days=14").json()
        assert len(body["days"]) == 14
        assert body["days"][0]["date"] == "2026-11-25"  # today by default
        more = client.get(f"/api/v1/spaces/{room.pk}/availability?days=15")
        assert more.status_code == 422
        assert more.json()["code"] == "invalid_input"

    def test_unknown_or_unbookable_space_is_404(self, client: Client, office):
        plain = SpaceFactory(office=office, is_bookable=False)
        for space_id in [plain.pk, 999999, 2**70]:
            response = client.get(f"/api/v1/spaces/{space_id}/availability")
            assert response.status_code == 404
            assert response.json()["code"] == "space_not_found"

    def test_a_wrong_key_is_401_even_on_a_public_read(self, room):
        client = Client(headers={"authorization": "Bearer po_not-a-real-key"})
        response = client.get(f"/api/v1/spaces/{room.pk}/availability")
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"


class TestOfficeAvailability:
    def test_every_bookable_space_of_the_office(
        self,
        client: Client,
        office,
        room,
        desk,
        hall,
    ):
        SpaceFactory(office=office, name="Förråd", is_bookable=False)
        response = client.get(f"/api/v1/offices/ronna/availability?start={TOMORROW}&days=2")
        assert response.status_code == 200
        body = response.json()
        assert body["office"] == {"id": office.pk, "slug": "ronna", "name": "Ronna kontor"}
        assert body["start"] == TOMORROW
        assert body["days"] == 2
        assert sorted(s["space"]["name"] for s in body["spaces"]) == [
            "Mötesrum Ek",
            "Salen",
            "Skrivbord 1",
        ]
        hall_week = next(s for s in body["spaces"] if s["space"]["name"] == "Salen")
        assert hall_week["slot_minutes"] == 60
        assert all(len(s["days"]) == 2 for s in body["spaces"])

    @pytest.mark.parametrize("signed_in", [False, True])
    def test_query_count_does_not_grow_with_spaces(
        self,
        django_assert_max_num_queries,
        office,
        room,
        member,
        other_member,
        signed_in,
    ):
        client = Client()
        if signed_in:
            client.force_login(member)
        url = "/api/v1/offices/ronna/availability?days=7"
        booking_create(space=room, member=other_member, starts_at=at(1, 10), ends_at=at(1, 11))
        with CaptureQueriesContext(connection) as one_space:
            assert len(client.get(url).json()["spaces"]) == 1
        for number in range(4):
            space = SpaceFactory(
                office=office, name=f"Rum {number}", kind="meeting_room", is_bookable=True
            )
            booking_create(
                space=space, member=UserFactory(), starts_at=at(2, 10), ends_at=at(2, 11)
            )
        with django_assert_max_num_queries(len(one_space)):
            assert len(client.get(url).json()["spaces"]) == 5

    def test_unknown_office_is_404(self, client: Client, office):
        response = client.get("/api/v1/offices/nowhere/availability")
        assert response.status_code == 404
        assert response.json()["code"] == "office_not_found"
        too_long = client.get(f"/api/v1/offices/{'x' * 81}/availability")
        assert too_long.json()["code"] == "office_not_found"

    def test_office_without_bookable_spaces_has_an_empty_list(self, client: Client):
        OfficeFactory(slug="tomt")
        response = client.get("/api/v1/offices/tomt/availability")
        assert response.status_code == 200
        assert response.json()["spaces"] == []


class TestFind:
    def test_first_free_time_in_each_fitting_space(
        self,
        client: Client,
        room,
        desk,
        other_member,
    ):
        booking_create(space=room, member=other_member, starts_at=at(0, 8), ends_at=at(0, 10))
        response = client.get("/api/v1/bookings/find?duration=60&kind=meeting_room&office=ronna")
        assert response.status_code == 200
        [suggestion] = response.json()
        assert suggestion["space"]["id"] == room.pk
        assert suggestion["office"]["slug"] == "ronna"
        assert suggestion["starts_at"] == "2026-11-25T10:00:00+01:00"
        assert suggestion["ends_at"] == "2026-11-25T11:00:00+01:00"

    def test_attendees_and_needs_narrow_the_search(self, client: Client, room, desk):
        names = [s["space"]["name"] for s in client.get("/api/v1/bookings/find?duration=60").json()]
        assert sorted(names) == ["Mötesrum Ek", "Skrivbord 1"]
        big = client.get("/api/v1/bookings/find?duration=60&attendees=4").json()
        assert [s["space"]["name"] for s in big] == ["Mötesrum Ek"]
        needs = "needs=step_free_entrance&needs=hearing_loop"
        assert client.get(f"/api/v1/bookings/find?duration=60&{needs}").json() == []

    @pytest.mark.parametrize(
        ("query", "status", "code"),
        [
            ("", 422, "invalid_input"),
            ("duration=0", 422, "invalid_input"),
            ("duration=100000", 422, "invalid_input"),
            ("duration=60&attendees=0", 422, "invalid_input"),
            ("duration=60&office=nowhere", 404, "office_not_found"),
        ],
    )
    def test_bad_parameters(self, client: Client, room, query, status, code):
        response = client.get(f"/api/v1/bookings/find?{query}")
        assert response.status_code == status
        assert response.json()["code"] == code


# -- authentication -------------------------------------------------------------------


class TestAuthentication:
    def test_anonymous_writes_are_401_json(self, client: Client, room):
        response = book(client, room, at(1, 10), at(1, 11))
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"
        assert response["WWW-Authenticate"].startswith("Bearer")
        assert client.get("/api/v1/me/bookings").status_code == 401
        assert Booking.objects.count() == 0

    def test_bearer_token_books_as_its_member_without_csrf(self, room, member):
        response = book(token_client(member), room, at(1, 10), at(1, 11))
        assert response.status_code == 201
        booking = Booking.objects.get()
        assert booking.member == member
        assert booking.booked_by == member
        assert BookingLogEntry.objects.get(booking=booking).actor == member

    def test_session_write_needs_the_csrf_token(self, room, member):
        without = session_client(member, csrf=False)
        response = book(without, room, at(1, 10), at(1, 11))
        assert response.status_code == 403
        assert response.json()["code"] == "csrf_failed"
        assert Booking.objects.count() == 0
        assert without.get("/api/v1/me/bookings").status_code == 200  # reads need no token

        response = book(session_client(member), room, at(1, 10), at(1, 11))
        assert response.status_code == 201
        assert Booking.objects.get().member == member

    def test_wrong_or_revoked_key_is_401_even_with_a_session(self, room, member):
        token, key = api_token_create(user=member, name="old")
        client = Client(headers={"authorization": f"Bearer {key}"})
        assert client.get("/api/v1/me/bookings").status_code == 200
        api_token_revoke(user=member, token_id=token.pk)
        client.force_login(member)
        response = client.get("/api/v1/me/bookings")
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"
        basic = Client(headers={"authorization": "Basic YTpi"})
        assert basic.get("/api/v1/me/bookings").status_code == 401

    def test_inactive_member_key_stops_working(self, member):
        client = token_client(member)
        member.is_active = False
        member.save()
        assert client.get("/api/v1/me/bookings").status_code == 401

    def test_using_a_key_notes_when(self, member):
        token, key = api_token_create(user=member, name="x")
        assert token.last_used_at is None
        Client(headers={"authorization": f"Bearer {key}"}).get("/api/v1/me/bookings")
        token.refresh_from_db()
        assert token.last_used_at == at(0, 8)  # the frozen "now"


# -- creating -----------------------------------------------------------------------------


class TestCreate:
    def test_created_booking_is_returned(self, room, member):
        response = book(
            token_client(member), room, at(1, 10), at(1, 11), attendees=3, purpose="Läxhjälp"
        )
        assert response.status_code == 201
        body = response.json()
        booking = Booking.objects.get()
        assert body["id"] == str(booking.public_id)
        assert body["url"].endswith(f"/bookings/{booking.public_id}/")
        assert body["space"]["id"] == room.pk
        assert body["office"]["slug"] == "ronna"
        assert body["starts_at"] == "2026-11-26T10:00:00+01:00"
        assert body["ends_at"] == "2026-11-26T11:00:00+01:00"
        assert body["attendees"] == 3
        assert body["purpose"] == "Läxhjälp"
        assert body["status"] == "confirmed"
        assert body["status_label"]
        assert body["checkin_deadline"] == "2026-11-26T10:15:00+01:00"
        assert body["cancelled_at"] is None

    def test_utc_and_other_offsets_mean_the_same_moment(self, room, member):
        payload = {"space": room.pk, "starts_at": "2026-11-26T09:00:00Z"}
        payload["ends_at"] = "2026-11-26T12:00:00+02:00"
        response = send(token_client(member), "post", "/api/v1/bookings", payload)
        assert response.status_code == 201
        booking = Booking.objects.get()
        assert (booking.starts_at, booking.ends_at) == (at(1, 10), at(1, 11))

    def test_half_open_back_to_back_bookings_both_succeed(
        self,
        room,
        member,
        other_member,
    ):
        assert book(token_client(member), room, at(1, 10), at(1, 11)).status_code == 201
        assert book(token_client(other_member), room, at(1, 11), at(1, 12)).status_code == 201
        assert Booking.objects.count() == 2

    def test_overlap_is_409_slot_taken(self, room, member, other_member):
        assert book(token_client(member), room, at(1, 10), at(1, 11)).status_code == 201
        response = book(token_client(other_member), room, at(1, 10, 30), at(1, 11, 30))
        assert response.status_code == 409
        body = response.json()
        assert body["code"] == "slot_taken"
        assert body["message"]
        assert "slot_taken" in body["details"]["refusals"]
        assert Booking.objects.count() == 1

    def test_hall_needs_approval_so_it_is_pending(self, hall, member):
        response = book(token_client(member), hall, at(5, 10), at(5, 12))
        assert response.status_code == 201
        assert response.json()["status"] == BookingStatus.PENDING

    @pytest.mark.parametrize(
        ("start", "end", "fields", "code"),
        [
            (at(1, 10), at(1, 15, 30), {}, "booking_too_long"),
            (at(1, 10, 15), at(1, 11, 15), {}, "not_on_slot"),
            (at(1, 11), at(1, 10), {}, "invalid_range"),
            (at(-1, 10), at(-1, 11), {}, "in_past"),
            (at(3, 10), at(3, 11), {}, "outside_opening_hours"),  # Saturday
            (at(1, 19, 30), at(1, 20, 30), {}, "outside_opening_hours"),
            (at(40, 10), at(40, 11), {}, "too_far_ahead"),
            (at(1, 10), at(1, 11), {"attendees": 7}, "too_many_attendees"),
            (at(1, 10), at(1, 11), {"attendees": 0}, "attendees_invalid"),
            (at(1, 10), at(1, 11), {"attendees": -3}, "attendees_invalid"),
            (at(1, 10), at(1, 11), {"attendees": 10**12}, "attendees_invalid"),
            (at(1, 10), at(1, 11), {"purpose": "x" * 201}, "text_too_long"),
        ],
    )
    def test_refusals_have_the_services_codes(
        self,
        room,
        member,
        start,
        end,
        fields,
        code,
    ):
        response = book(token_client(member), room, start, end, **fields)
        assert response.status_code == 400, response.json()
        assert response.json()["code"] == code
        if code == "text_too_long":
            assert response.json()["details"] == {"field": "purpose", "limit": 200}
        assert Booking.objects.count() == 0

    def test_quota_of_coming_bookings(self, room, member):
        client = token_client(member)
        for day in (1, 2, 5):
            assert book(client, room, at(day, 10), at(day, 11)).status_code == 201
        response = book(client, room, at(6, 10), at(6, 11))
        assert response.status_code == 400
        assert response.json()["code"] == "quota_active_bookings"

    @pytest.mark.parametrize(
        "purpose",
        [
            "اجتماع الجيران",
            "Möte 🎉👩🏽‍💻",
            "<script>alert('x')</script> & <b>fet</b>",
            "ተኸታታሊ ኣኼባ",
        ],
    )
    def test_any_script_in_the_purpose_is_kept_as_text(
        self,
        room,
        member,
        purpose,
    ):
        response = book(token_client(member), room, at(1, 10), at(1, 11), purpose=purpose)
        assert response.status_code == 201
        assert response.json()["purpose"] == purpose
        assert response["Content-Type"].startswith("application/json")
        assert Booking.objects.get().purpose == purpose

    def test_naive_datetimes_are_refused_clearly(self, room, member):
        payload = {
            "space": room.pk,
            "starts_at": "2026-11-26T10:00:00",
            "ends_at": "2026-11-26T11:00:00+01:00",
        }
        response = send(token_client(member), "post", "/api/v1/bookings", payload)
        assert response.status_code == 400
        body = response.json()
        assert body["code"] == "naive_datetime"
        assert body["details"] == {"fields": ["starts_at"]}
        assert "+01:00" in body["message"]
        assert Booking.objects.count() == 0

    @pytest.mark.parametrize(
        "when", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "1970-01-01T00:00:00Z"]
    )
    def test_absurd_times_are_refused_not_crashed(self, room, member, when):
        payload = {"space": room.pk, "starts_at": when, "ends_at": "2026-11-26T11:00:00+01:00"}
        response = send(token_client(member), "post", "/api/v1/bookings", payload)
        assert response.status_code == 400
        assert response.json()["code"] == "invalid_datetime"

    @pytest.mark.parametrize(
        "payload",
        [
            {},
            {"space": "Mötesrum", "starts_at": "2026-11-26T10:00+01:00"},
            {"space": 1, "starts_at": "tomorrow", "ends_at": "2026-11-26T11:00+01:00"},
            {"space": 1, "starts_at": 12, "ends_at": None},
            {**VALID, "attendees": "many"},
            {**VALID, "attendees": 1.5},
            {**VALID, "purpose": ["a"]},
            {**VALID, "space": None},
            [],
            "booking",
        ],
    )
    def test_wrong_shapes_are_422_invalid_input(self, room, member, payload):
        response = send(token_client(member), "post", "/api/v1/bookings", payload)
        assert response.status_code == 422
        body = response.json()
        assert body["code"] == "invalid_input"
        assert body["details"]["fields"]

    def test_empty_and_broken_bodies(self, room, member):
        client = token_client(member)
        empty = client.post("/api/v1/bookings", data="", content_type="application/json")
        assert empty.status_code == 422
        assert empty.json()["code"] == "invalid_input"
        broken = client.post("/api/v1/bookings", data="{not json", content_type="application/json")
        assert broken.status_code == 400
        assert broken.json()["code"] == "http_error"
        form = client.post("/api/v1/bookings", data={"space": room.pk})  # not JSON at all
        assert form.status_code == 400
        assert Booking.objects.count() == 0

    def test_unknown_space_is_404(self, member, office):
        for space_id in [999999, 0, -1, 2**70]:
            payload = {
                "space": space_id,
                "starts_at": at(1, 10).isoformat(),
                "ends_at": at(1, 11).isoformat(),
            }
            response = send(token_client(member), "post", "/api/v1/bookings", payload)
            assert response.status_code == 404
            assert response.json()["code"] == "space_not_found"

    def test_messages_follow_the_language(self, room, member, other_member):
        booking_create(space=room, member=other_member, starts_at=at(1, 10), ends_at=at(1, 11))
        client = token_client(member)
        payload = {
            "space": room.pk,
            "starts_at": at(1, 10).isoformat(),
            "ends_at": at(1, 11).isoformat(),
        }
        english = send(client, "post", "/api/v1/bookings?lang=en", payload).json()
        arabic = send(client, "post", "/api/v1/bookings?lang=ar", payload).json()
        assert english["code"] == arabic["code"] == "slot_taken"  # the code never changes
        assert english["message"] == "Someone has already booked this time."
        assert arabic["message"] == "حجز شخص آخر هذا الوقت بالفعل."


# -- one booking: see, change, cancel ------------------------------------------------------


@pytest.fixture
def booking(room, member):
    return booking_create(
        space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11), purpose="Möte"
    )


class TestOneBooking:
    def test_owner_sees_it_by_token_and_by_session(self, booking, member):
        url = f"/api/v1/bookings/{booking.public_id}"
        for client in (token_client(member), session_client(member, csrf=False)):
            response = client.get(url)
            assert response.status_code == 200
            assert response.json()["id"] == str(booking.public_id)

    def test_staff_of_the_office_see_it(self, booking, host):
        assert token_client(host).get(f"/api/v1/bookings/{booking.public_id}").status_code == 200

    def test_anonymous_is_401(self, client: Client, booking):
        url = f"/api/v1/bookings/{booking.public_id}"
        assert client.get(url).status_code == 401
        assert send(client, "patch", url, {"attendees": 2}).status_code == 401
        assert client.post(f"{url}/cancel").status_code == 401

    def test_someone_else_gets_404_for_every_method(self, booking, other_member):
        client = token_client(other_member)
        url = f"/api/v1/bookings/{booking.public_id}"
        responses = [
            client.get(url),
            send(client, "patch", url, {"starts_at": at(1, 12).isoformat()}),
            client.post(f"{url}/cancel"),
        ]
        for response in responses:
            assert response.status_code == 404
            assert response.json()["code"] == "booking_not_found"
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CONFIRMED
        assert booking.starts_at == at(1, 10)

    @pytest.mark.parametrize("public_id", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
    def test_unknown_ids_are_404(self, member, public_id):
        client = token_client(member)
        response = client.get(f"/api/v1/bookings/{public_id}")
        assert response.status_code == 404
        assert response.json()["code"] == "booking_not_found"
        response = client.post(f"/api/v1/bookings/{public_id}/cancel")
        assert response.status_code == 404
        assert response.json()["code"] == "booking_not_found"

    def test_move_it(self, booking, member):
        url = f"/api/v1/bookings/{booking.public_id}"
        payload = {"starts_at": at(1, 13).isoformat(), "ends_at": at(1, 14, 30).isoformat()}
        response = send(token_client(member), "patch", url, payload)
        assert response.status_code == 200
        body = response.json()
        assert body["starts_at"] == "2026-11-26T13:00:00+01:00"
        assert body["ends_at"] == "2026-11-26T14:30:00+01:00"
        assert body["purpose"] == "Möte"  # left out, so unchanged
        booking.refresh_from_db()
        assert (booking.starts_at, booking.ends_at) == (at(1, 13), at(1, 14, 30))
        assert booking.log.filter(action=LogAction.CHANGED, actor=member).exists()

    def test_change_only_size_and_purpose_by_session(self, booking, member):
        url = f"/api/v1/bookings/{booking.public_id}"
        response = send(session_client(member), "patch", url, {"attendees": 4, "purpose": "🎲"})
        assert response.status_code == 200
        assert (response.json()["attendees"], response.json()["purpose"]) == (4, "🎲")
        assert response.json()["starts_at"] == "2026-11-26T10:00:00+01:00"
        without_csrf = send(session_client(member, csrf=False), "patch", url, {"attendees": 5})
        assert without_csrf.status_code == 403
        booking.refresh_from_db()
        assert (booking.attendees, booking.purpose) == (4, "🎲")
        assert (booking.starts_at, booking.ends_at) == (at(1, 10), at(1, 11))

    def test_moving_onto_someone_else_is_409(self, booking, room, member, other_member):
        booking_create(space=room, member=other_member, starts_at=at(1, 12), ends_at=at(1, 13))
        url = f"/api/v1/bookings/{booking.public_id}"
        payload = {"starts_at": at(1, 12, 30).isoformat(), "ends_at": at(1, 13, 30).isoformat()}
        response = send(token_client(member), "patch", url, payload)
        assert response.status_code == 409
        assert response.json()["code"] == "slot_taken"
        booking.refresh_from_db()
        assert booking.starts_at == at(1, 10)
        assert (booking.ends_at, booking.sequence) == (at(1, 11), 0)

    def test_extending_into_its_own_time_is_fine(self, booking, member):
        url = f"/api/v1/bookings/{booking.public_id}"
        response = send(token_client(member), "patch", url, {"ends_at": at(1, 12).isoformat()})
        assert response.status_code == 200
        assert response.json()["ends_at"] == "2026-11-26T12:00:00+01:00"

    @pytest.mark.parametrize(
        ("payload", "status", "code"),
        [
            ({}, 400, "nothing_to_change"),
            ({"purpose": None}, 400, "nothing_to_change"),
            ({"starts_at": "2026-11-26T12:00:00"}, 400, "naive_datetime"),
            ({"ends_at": "2026-11-26T16:00:00+01:00"}, 400, "booking_too_long"),
            ({"attendees": 99}, 400, "too_many_attendees"),
            ({"attendees": "two"}, 422, "invalid_input"),
            ({"ends_at": "2026-11-26T09:00:00+01:00"}, 400, "invalid_range"),
        ],
    )
    def test_bad_changes(self, booking, member, payload, status, code):
        url = f"/api/v1/bookings/{booking.public_id}"
        response = send(token_client(member), "patch", url, payload)
        assert response.status_code == status
        assert response.json()["code"] == code

    def test_cancel_gives_the_time_back(self, booking, room, member, other_member):
        client = token_client(member)
        url = f"/api/v1/bookings/{booking.public_id}/cancel"
        response = client.post(url)
        assert response.status_code == 200
        assert response.json()["status"] == "cancelled"
        assert response.json()["cancelled_at"] is not None
        again = client.post(url)
        assert again.status_code == 400
        assert again.json()["code"] == "booking_not_active"
        changed = send(
            client,
            "patch",
            f"/api/v1/bookings/{booking.public_id}",
            {"attendees": 2},
        )
        assert changed.json()["code"] == "booking_not_active"
        assert book(token_client(other_member), room, at(1, 10), at(1, 11)).status_code == 201

    def test_cancel_by_session_needs_csrf(self, booking, member):
        url = f"/api/v1/bookings/{booking.public_id}/cancel"
        assert session_client(member, csrf=False).post(url).status_code == 403
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CONFIRMED
        assert session_client(member).post(url).status_code == 200
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CANCELLED


# -- my bookings ---------------------------------------------------------------------------


class TestMyBookings:
    def test_coming_first_then_past(self, room, desk, member, other_member):
        long_ago = at(-3, 7)
        past_late = booking_create(
            space=room, member=member, starts_at=at(-2, 14), ends_at=at(-2, 15), at=long_ago
        )
        past_early = booking_create(
            space=room, member=member, starts_at=at(-2, 10), ends_at=at(-2, 11), at=long_ago
        )
        later = booking_create(space=room, member=member, starts_at=at(2, 10), ends_at=at(2, 11))
        sooner = booking_create(space=desk, member=member, starts_at=at(1, 9), ends_at=at(1, 12))
        booking_create(space=room, member=other_member, starts_at=at(1, 10), ends_at=at(1, 11))

        body = token_client(member).get("/api/v1/me/bookings").json()
        assert body["count"] == 4
        assert [b["id"] for b in body["results"]] == [
            str(b.public_id) for b in (sooner, later, past_late, past_early)
        ]

    def test_pages(self, room, member):
        for day in (1, 2):
            booking_create(space=room, member=member, starts_at=at(day, 10), ends_at=at(day, 11))
        client = token_client(member)
        body = client.get("/api/v1/me/bookings?page_size=1&page=2").json()
        assert (body["count"], body["pages"], len(body["results"])) == (2, 2, 1)
        assert body["results"][0]["starts_at"].startswith("2026-11-27")
        for query in ("page=0", "page_size=0", "page_size=101"):
            response = client.get(f"/api/v1/me/bookings?{query}")
            assert response.status_code == 422
            assert response.json()["code"] == "invalid_page"

    def test_a_cancelled_coming_booking_sorts_with_the_rest_as_on_the_web_page(
        self, client: Client, room, member
    ):
        kept = booking_create(space=room, member=member, starts_at=at(2, 10), ends_at=at(2, 11))
        dropped = booking_create(space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11))
        booking_cancel(booking=dropped, actor=member)
        body = token_client(member).get("/api/v1/me/bookings").json()
        assert [b["id"] for b in body["results"]] == [str(kept.public_id), str(dropped.public_id)]
        client.force_login(member)
        page = client.get("/en/me/bookings/")
        assert [b.pk for b in page.context["coming"]] == [kept.pk]
        assert [b.pk for b in page.context["past"]] == [dropped.pk]

    def test_someone_without_bookings_gets_an_empty_list(self):
        body = token_client(UserFactory()).get("/api/v1/me/bookings").json()
        assert body["results"] == []
        assert body["count"] == 0


# -- rate limit -----------------------------------------------------------------------------


def test_writes_are_rate_limited_per_member(settings, room, member, other_member):
    settings.API_WRITE_LIMIT = 2
    client = token_client(member)
    assert book(client, room, at(1, 10), at(1, 11)).status_code == 201
    assert book(client, room, at(1, 10), at(1, 11)).status_code == 409  # refused, still counted
    response = book(client, room, at(1, 12), at(1, 13))
    assert response.status_code == 429
    assert response.json()["code"] == "too_many_requests"
    assert client.get("/api/v1/me/bookings").status_code == 200  # reads are not limited
    assert book(token_client(other_member), room, at(1, 12), at(1, 13)).status_code == 201
    frozen_later = at(0, 8) + timedelta(minutes=11)
    with time_machine.travel(frozen_later, tick=False):
        assert book(client, room, at(1, 14), at(1, 15)).status_code == 201


# -- the OpenAPI document -----------------------------------------------------------------


def test_openapi_document_has_the_booking_paths_and_both_ways_to_sign_in(client: Client):
    schema = client.get("/api/v1/openapi.json").json()
    assert {
        "/api/v1/spaces/{space_id}/availability",
        "/api/v1/offices/{slug}/availability",
        "/api/v1/bookings/find",
        "/api/v1/bookings",
        "/api/v1/bookings/{public_id}",
        "/api/v1/bookings/{public_id}/cancel",
        "/api/v1/me/bookings",
    } <= set(schema["paths"])
    assert set(schema["paths"]["/api/v1/bookings/{public_id}"]) == {"get", "patch"}
    assert "201" in schema["paths"]["/api/v1/bookings"]["post"]["responses"]
    assert "409" in schema["paths"]["/api/v1/bookings"]["post"]["responses"]
    schemes = schema["components"]["securitySchemes"]
    assert schemes["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    assert schemes["SessionCsrfAuth"]["in"] == "cookie"
    assert "security" not in schema["paths"]["/api/v1/spaces/{space_id}/availability"]["get"]
