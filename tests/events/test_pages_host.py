"""The hosts' event pages through the HTTP client: create, change, cancel or
move; hosts of another office and members may not."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.test import Client

from publicoffice.bookings import services as booking_services
from publicoffice.bookings.models import Booking, BookingStatus
from publicoffice.events.models import Event, EventStatus
from tests.events.conftest import at
from tests.factories import SpaceFactory

TOMORROW = "2026-11-26"


def event_data(**extra: object) -> dict[str, object]:
    return {
        "title": "Bokföring för föreningar",
        "description": "Grunderna i bokföring.",
        "day": TOMORROW,
        "start": "10:00",
        "end": "12:00",
        "audience": "associations",
        **extra,
    }


@pytest.fixture(autouse=True)
def _clock(frozen):
    """Wednesday 25 November 2026, 08:00: "tomorrow" in the forms lies ahead."""


class TestCreate:
    def test_anonymous_visitors_are_asked_to_log_in(self, client, office):
        response = client.get("/en/offices/ronna/events/new/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        assert client.post("/en/offices/ronna/events/new/", event_data()).status_code == 302
        assert not Event.objects.exists()

    def test_members_and_hosts_of_other_offices_may_not(self, client, office, member, other_host):
        for user in (member, other_host):
            client.force_login(user)
            response = client.get("/en/offices/ronna/events/new/")
            assert response.status_code == 403
            assert "Only the hosts of this office can create events here." in (
                response.content.decode()
            )
            assert client.post("/en/offices/ronna/events/new/", event_data()).status_code == 403
        assert not Event.objects.exists()

    def test_the_form_offers_this_offices_rooms_and_halls_and_every_language(
        self, client, office, room, hall, desk, other_office, host, arabic, swedish
    ):
        SpaceFactory(office=other_office, name="Albysalen", kind="hall")
        client.force_login(host)
        response = client.get("/en/offices/ronna/events/new/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Mötesrum Ek (6 seats)" in html and "Salen (80 seats)" in html
        assert "Skrivbord 1" not in html and "Albysalen" not in html
        assert '<span lang="ar">العربية</span>' in html
        assert '<span lang="sv">svenska</span>' in html
        assert '<fieldset class="choices" id="id_languages"' in html
        assert 'type="date"' in html and 'type="time"' in html
        assert '<meta name="robots" content="noindex">' in html

    def test_a_host_publishes_an_event_and_its_room_is_booked(
        self, client, office, room, host, arabic
    ):
        client.force_login(host)
        response = client.post(
            "/en/offices/ronna/events/new/",
            event_data(space=room.pk, capacity=6, languages=["ar"]),
        )
        assert response.status_code == 302
        event = Event.objects.get()
        assert response["Location"] == f"/en/events/{event.public_id}/"
        assert event.created_by == host
        assert event.starts_at == at(1, 10)
        assert event.ends_at == at(1, 12)
        assert event.audience == "associations"
        assert event.booking is not None and event.booking.space == room
        assert event.booking.status == BookingStatus.CONFIRMED
        html = client.get(response["Location"]).content.decode()
        assert "The event is published." in html
        assert "Nobody has registered yet." in html

    def test_an_event_over_several_days(self, client, office, host):
        client.force_login(host)
        response = client.post(
            "/en/offices/ronna/events/new/",
            event_data(start="18:00", end="16:00", end_day="2026-11-28"),
        )
        assert response.status_code == 302
        event = Event.objects.get()
        assert event.ends_at == at(3, 16)

    def test_times_are_read_on_the_stockholm_clock_across_summer_time(self, client, office, host):
        client.force_login(host)
        # Summer time starts on Sunday 28 March 2027: 10:00 is then 08:00 UTC.
        client.post(
            "/en/offices/ronna/events/new/",
            event_data(day="2027-03-29", start="10:00", end="11:00"),
        )
        event = Event.objects.get()
        assert event.starts_at == datetime(2027, 3, 29, 8, 0, tzinfo=UTC)
        html = client.get(f"/en/events/{event.public_id}/").content.decode()
        assert '<time datetime="2027-03-29T10:00:00+02:00">' in html

    def test_a_taken_room_is_explained_at_the_room_and_nothing_is_saved(
        self, client, office, room, host, member
    ):
        booking_services.booking_create(
            space=room, member=member, starts_at=at(1, 11), ends_at=at(1, 12), attendees=2
        )
        client.force_login(host)
        response = client.post("/en/offices/ronna/events/new/", event_data(space=room.pk))
        assert response.status_code == 409
        html = response.content.decode()
        assert 'class="error-summary" role="alert"' in html
        assert '<a href="#id_space">Room: ' in html
        assert 'id="id_space_error"' in html
        assert 'aria-invalid="true"' in html
        assert "Nothing was saved." in html
        assert not Event.objects.exists()
        assert Booking.objects.count() == 1

    def test_more_seats_than_the_room_holds_are_refused(self, client, office, room, host):
        client.force_login(host)
        response = client.post(
            "/en/offices/ronna/events/new/", event_data(space=room.pk, capacity=7)
        )
        assert response.status_code == 400
        html = response.content.decode()
        assert '<a href="#id_capacity">Seats: The room takes at most 6 people.</a>' in html
        assert not Event.objects.exists()
        assert not Booking.objects.exists()

    def test_any_host_of_the_office_books_the_room_with_the_event(
        self, client, office, room, plain_host
    ):
        client.force_login(plain_host)
        response = client.post("/en/offices/ronna/events/new/", event_data(space=room.pk))
        assert response.status_code == 302
        event = Event.objects.get()
        assert event.booking is not None
        assert event.booking.space == room

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            ({"title": ""}, "title"),
            ({"title": "\x01\x02"}, "title"),
            ({"title": "🎉" * 121}, "title"),
            ({"capacity": "sex"}, "capacity"),
            ({"capacity": "0"}, "capacity"),
            ({"capacity": str(10**12)}, "capacity"),
            ({"day": "2026-02-30"}, "day"),
            ({"end": "25:00"}, "end"),
            ({"end_day": "2026-11-20"}, "end"),
            ({"accessibility_notes": "ا" * 1001}, "accessibility_notes"),
            ({"audience": ["youth", "adults"], "languages": "<b>"}, "languages"),
        ],
    )
    def test_bad_input_is_explained_and_saves_nothing(self, client, office, host, data, field):
        client.force_login(host)
        response = client.post("/ar/offices/ronna/events/new/", event_data(**data))
        assert response.status_code == 400
        html = response.content.decode()
        assert '<html lang="ar" dir="rtl">' in html
        assert f'href="#id_{field}"' in html
        assert not Event.objects.exists()

    def test_posts_need_the_csrf_token(self, office, host):
        strict = Client(enforce_csrf_checks=True)
        strict.force_login(host)
        assert strict.post("/en/offices/ronna/events/new/", event_data()).status_code == 403
        assert not Event.objects.exists()


class TestEdit:
    def test_the_form_is_filled_in_with_the_event(self, client, event, host):
        client.force_login(host)
        response = client.get(f"/en/events/{event.public_id}/edit/")
        assert response.status_code == 200
        html = response.content.decode()
        assert 'value="Språkcafé"' in html
        assert f'value="{TOMORROW}"' in html
        assert 'value="17:00"' in html and 'value="19:00"' in html
        assert f'<option value="{event.space_id}" selected>' in html
        assert re.search(r'<input type="checkbox" name="languages" value="ar"[^>]* checked>', html)
        assert 'name="note"' in html

    def test_a_new_time_moves_the_room_booking(self, client, event, host):
        client.force_login(host)
        response = client.post(
            f"/en/events/{event.public_id}/edit/",
            event_data(
                title="Språkcafé",
                description=event.description,
                start="15:00",
                end="16:00",
                space=event.space_id,
                capacity=6,
                languages=["ar"],
                audience="everyone",
                accessibility_notes=event.accessibility_notes,
                note="En timme tidigare.",
            ),
        )
        assert response.status_code == 302
        event.refresh_from_db()
        assert event.starts_at == at(1, 15)
        assert event.booking.starts_at == at(1, 15)
        assert event.status_note == "En timme tidigare."

    def test_saving_without_changes_changes_nothing(self, client, event, host):
        client.force_login(host)
        sequence = event.sequence
        response = client.post(
            f"/en/events/{event.public_id}/edit/",
            event_data(
                title="Språkcafé",
                description=event.description,
                start="17:00",
                end="19:00",
                space=event.space_id,
                capacity=6,
                languages=["ar"],
                audience="everyone",
                accessibility_notes=event.accessibility_notes,
            ),
            follow=True,
        )
        assert "Nothing was changed." in response.content.decode()
        event.refresh_from_db()
        assert event.sequence == sequence

    def test_a_taken_time_keeps_the_event_as_it_was(self, client, event, host, member, room):
        booking_services.booking_create(
            space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11), attendees=1
        )
        client.force_login(host)
        response = client.post(
            f"/en/events/{event.public_id}/edit/",
            event_data(space=room.pk, capacity=6, start="10:00", end="11:00"),
        )
        assert response.status_code == 409
        assert 'href="#id_space"' in response.content.decode()
        event.refresh_from_db()
        assert event.starts_at == at(1, 17)
        assert event.title == "Språkcafé"

    def test_only_the_offices_hosts(self, client, event, member, other_host):
        url = f"/en/events/{event.public_id}/edit/"
        assert client.get(url).status_code == 302
        for user in (member, other_host):
            client.force_login(user)
            assert client.get(url).status_code == 403
            assert client.post(url, event_data()).status_code == 403
        event.refresh_from_db()
        assert event.title == "Språkcafé"


class TestStatus:
    def test_a_host_cancels_and_the_room_is_given_back(self, client, event, host):
        client.force_login(host)
        page = client.get(f"/en/events/{event.public_id}/status/")
        assert page.status_code == 200
        assert "<legend>What happens to the event?</legend>" in page.content.decode()
        response = client.post(
            f"/en/events/{event.public_id}/status/",
            {"status": "cancelled", "note": "Ledaren är sjuk."},
        )
        assert response.status_code == 302
        event.refresh_from_db()
        assert event.status == EventStatus.CANCELLED
        assert event.booking is None or event.booking.status == BookingStatus.CANCELLED
        html = client.get(response["Location"]).content.decode()
        assert "<strong>Cancelled</strong>" in html
        assert "Ledaren är sjuk." in html
        assert '"eventStatus": "https://schema.org/EventCancelled"' in html

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            ({"status": "moved", "note": ""}, "note"),
            ({"status": "postponed"}, "note"),
            ({"status": "deleted", "note": "x"}, "status"),
            ({"status": "cancelled", "note": "x" * 301}, "note"),
            ({}, "status"),
        ],
    )
    def test_bad_input_changes_nothing(self, client, event, host, data, field):
        client.force_login(host)
        response = client.post(f"/en/events/{event.public_id}/status/", data)
        assert response.status_code == 400
        assert f'href="#id_{field}"' in response.content.decode()
        event.refresh_from_db()
        assert event.status == EventStatus.SCHEDULED

    def test_only_the_offices_hosts(self, client, event, member, other_host):
        url = f"/en/events/{event.public_id}/status/"
        assert client.post(url, {"status": "cancelled"}).status_code == 302  # to log in
        for user in (member, other_host):
            client.force_login(user)
            assert client.get(url).status_code == 403
            assert client.post(url, {"status": "cancelled"}).status_code == 403
        event.refresh_from_db()
        assert event.status == EventStatus.SCHEDULED
