"""The personal calendar feed and the one-booking calendar file, through the HTTP client."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from publicoffice.bookings import services
from publicoffice.bookings.models import Booking, BookingStatus
from tests.bookings.conftest import at
from tests.factories import SpaceFactory, UserFactory


def someone(number: int):
    """A member of their own, so quotas per member do not get in the way."""
    return UserFactory(email=f"member{number}@example.org")


def events_of(response) -> dict[str, object]:
    """The feed's events by UID."""
    cal = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in cal.walk("VEVENT")}


def uid(booking: Booking) -> str:
    return f"booking-{booking.public_id}@publicoffice"


@pytest.fixture
def booking(frozen, room, member):
    return services.booking_create(
        space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11)
    )


@pytest.fixture
def token(member):
    return services.calendar_feed_renew(member=member)


class TestFeed:
    def test_unknown_token_is_not_found(self, client, db):
        assert client.get("/calendar/nonsense.ics").status_code == 404
        assert client.get(f"/calendar/{'x' * 200}.ics").status_code == 404

    def test_feed_without_a_session(self, client, booking, token):
        response = client.get(f"/calendar/{token}.ics")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert "private" in response["Cache-Control"]
        assert response["Content-Disposition"] == 'inline; filename="bookings.ics"'
        assert not response.cookies  # no session, no CSRF cookie
        events = events_of(response)
        assert list(events) == [uid(booking)]
        assert events[uid(booking)]["STATUS"] == "CONFIRMED"
        assert "ATTENDEE" not in events[uid(booking)]

    def test_an_unchanged_feed_costs_a_304_and_stays_private(self, client, booking, token):
        first = client.get(f"/calendar/{token}.ics")
        again = client.get(f"/calendar/{token}.ics", HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304 and again.content == b""
        assert "private" in again["Cache-Control"]

    def test_feed_is_in_the_members_language(self, client, booking, token, member):
        member.preferred_language = "en"
        member.save()
        response = client.get(f"/calendar/{token}.ics")
        cal = Calendar.from_ical(response.content)
        assert str(cal["X-WR-CALNAME"]) == "Public Office bookings"
        (event,) = cal.walk("VEVENT")
        assert str(event["SUMMARY"]) == "Mötesrum Ek, Ronna kontor (en)"
        assert f"/en/bookings/{booking.public_id}/" in str(event["URL"])

    def test_cancelled_bookings_stay_in_as_cancelled_and_old_ones_drop_out(
        self, client, frozen, room, desk, member, token
    ):
        cancelled = services.booking_create(
            space=room, member=member, starts_at=at(2, 10), ends_at=at(2, 11)
        )
        services.booking_cancel(booking=cancelled, actor=member)
        coming = services.booking_create(
            space=desk, member=member, starts_at=at(2, 10), ends_at=at(2, 12)
        )
        recent = services.booking_create(
            space=room, member=member, starts_at=at(1, 13), ends_at=at(1, 14)
        )
        Booking.objects.filter(pk=recent.pk).update(
            starts_at=at(-29, 10),
            ends_at=at(-29, 11),
            blocked_until=at(-29, 11),
            checkin_deadline=at(-29, 10, 15),
        )
        old = services.booking_create(
            space=room, member=member, starts_at=at(1, 15), ends_at=at(1, 16)
        )
        Booking.objects.filter(pk=old.pk).update(
            starts_at=at(-31, 10), ends_at=at(-31, 11), blocked_until=at(-31, 11)
        )
        events = events_of(client.get(f"/calendar/{token}.ics"))
        assert set(events) == {uid(cancelled), uid(coming), uid(recent)}
        assert events[uid(cancelled)]["STATUS"] == "CANCELLED"
        assert events[uid(cancelled)]["SEQUENCE"] == 1
        assert events[uid(coming)]["STATUS"] == "CONFIRMED"
        # The recent one had a check-in window and nobody came: released.
        assert events[uid(recent)]["STATUS"] == "CANCELLED"

    def test_waiting_for_approval_is_tentative(self, client, frozen, hall, member, token):
        pending = services.booking_create(
            space=hall, member=member, starts_at=at(5, 10), ends_at=at(5, 12)
        )
        assert pending.status == BookingStatus.PENDING
        events = events_of(client.get(f"/calendar/{token}.ics"))
        assert events[uid(pending)]["STATUS"] == "TENTATIVE"

    def test_renewing_breaks_the_old_address(self, client, booking, token, member):
        new_token = services.calendar_feed_renew(member=member)
        assert new_token != token
        assert client.get(f"/calendar/{token}.ics").status_code == 404
        assert client.get(f"/calendar/{new_token}.ics").status_code == 200

    def test_another_members_booking_never_appears(
        self, client, booking, token, frozen, desk, other_member
    ):
        theirs = services.booking_create(
            space=desk, member=other_member, starts_at=at(1, 10), ends_at=at(1, 12)
        )
        their_token = services.calendar_feed_renew(member=other_member)
        mine = events_of(client.get(f"/calendar/{token}.ics"))
        assert uid(theirs) not in mine
        assert uid(booking) in mine
        assert set(events_of(client.get(f"/calendar/{their_token}.ics"))) == {uid(theirs)}

    def test_visitor_bookings_by_staff_are_not_in_the_staff_members_feed(
        self, client, frozen, room, host
    ):
        services.booking_create(
            space=room, visitor_name="Sara", actor=host, starts_at=at(1, 10), ends_at=at(1, 11)
        )
        host_token = services.calendar_feed_renew(member=host)
        assert events_of(client.get(f"/calendar/{host_token}.ics")) == {}

    def test_deactivated_account_has_no_feed(self, client, booking, token, member):
        member.is_active = False
        member.save()
        assert client.get(f"/calendar/{token}.ics").status_code == 404

    def test_only_reading_is_allowed(self, client, booking, token):
        url = f"/calendar/{token}.ics"
        assert client.post(url).status_code == 405
        assert client.put(url).status_code == 405
        assert client.patch(url).status_code == 405
        assert client.delete(url).status_code == 405
        assert client.head(url).status_code == 200
        assert client.get(url).status_code == 200

    def test_queries_do_not_grow_with_bookings(
        self, client, frozen, office, member, token, django_assert_max_num_queries
    ):
        for number in range(8):
            space = SpaceFactory(office=office, kind="meeting_room", is_bookable=True)
            services.booking_create(
                space=space,
                member=someone(number),
                starts_at=at(1, 10),
                ends_at=at(1, 11),
            )
        Booking.objects.update(member=member)
        with django_assert_max_num_queries(2):
            response = client.get(f"/calendar/{token}.ics")
        assert len(events_of(response)) == 8


class TestBookingFile:
    def url(self, booking: Booking, lang: str = "sv") -> str:
        return f"/{lang}/bookings/{booking.public_id}/calendar.ics"

    def test_login_required(self, client, booking):
        response = client.get(self.url(booking))
        assert response.status_code == 302
        assert "/accounts/" in response["Location"]

    def test_the_member_downloads_their_booking(self, client, booking, member):
        client.force_login(member)
        response = client.get(self.url(booking, "en"))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="booking-2026-11-26.ics"'
        assert "private" in response["Cache-Control"]
        cal = Calendar.from_ical(response.content)
        assert "METHOD" not in cal
        (event,) = cal.walk("VEVENT")
        assert event["UID"] == uid(booking)
        assert f"/en/bookings/{booking.public_id}/" in str(event["URL"])

    def test_someone_else_gets_not_found(self, client, booking, other_member):
        client.force_login(other_member)
        assert client.get(self.url(booking)).status_code == 404

    def test_staff_of_another_office_get_not_found(self, client, booking):
        from publicoffice.accounts.models import Role
        from publicoffice.staff.services import role_assign
        from tests.factories import OfficeFactory

        stranger = UserFactory(email="elsewhere@example.org")
        role_assign(user=stranger, role=Role.HOST, office=OfficeFactory())
        client.force_login(stranger)
        assert client.get(self.url(booking)).status_code == 404

    def test_staff_of_the_office_may_download(self, client, booking, host):
        client.force_login(host)
        assert client.get(self.url(booking)).status_code == 200

    def test_unknown_booking_is_not_found(self, client, member, db):
        client.force_login(member)
        response = client.get("/sv/bookings/00000000-0000-0000-0000-000000000000/calendar.ics")
        assert response.status_code == 404

    def test_a_cancelled_booking_downloads_as_cancelled(self, client, booking, member):
        services.booking_cancel(booking=booking, actor=member)
        client.force_login(member)
        cal = Calendar.from_ical(client.get(self.url(booking)).content)
        assert cal.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
