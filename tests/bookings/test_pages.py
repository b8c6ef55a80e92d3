"""The booking pages through the HTTP client: every page, every write, and who may see what."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publicoffice.bookings import selectors, services, waitlist
from publicoffice.bookings.models import Booking, BookingStatus, WaitlistEntry, WaitlistStatus
from tests.bookings.conftest import at
from tests.factories import SpaceFactory

MINUTE = timedelta(minutes=1)

TOMORROW = "2026-11-26"


def slot(start: str = "10:00", end: str = "11:00", **extra: object) -> dict[str, object]:
    return {"day": TOMORROW, "start": start, "end": end, "attendees": 2, "purpose": "", **extra}


@pytest.fixture
def booking(frozen, room, member):
    return services.booking_create(
        space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11), attendees=2
    )


class TestWeekView:
    def test_anyone_sees_free_and_taken_times_in_words(self, client, booking, room, frozen):
        frozen.move_to(at(0, 9, 10))
        response = client.get(f"/en/spaces/{room.pk}/week/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Free: book" in html
        assert "Someone has already booked this time." in html
        assert "Closed this day." in html  # Saturday and Sunday
        assert "Passed" in html  # 08:00–09:00 today; the slot under way may still be booked
        assert f"/en/spaces/{room.pk}/book/?day={TOMORROW}&amp;start=08:00" in html

    def test_the_member_sees_their_own_booking(self, client, booking, room, member):
        client.force_login(member)
        html = client.get(f"/en/spaces/{room.pk}/week/").content.decode()
        assert "Yours" in html

    def test_week_navigation_and_htmx_partial(self, client, frozen, room):
        response = client.get(f"/sv/spaces/{room.pk}/week/?start=2026-12-02")
        assert response.status_code == 200
        assert "?start=2026-12-09" in response.content.decode()
        partial = client.get(
            f"/sv/spaces/{room.pk}/week/?start=2026-12-02", headers={"HX-Request": "true"}
        )
        assert partial.status_code == 200
        assert b"<html" not in partial.content
        assert b'id="week"' in partial.content

    @pytest.mark.parametrize("start", ["", "nonsense", "2026-13-45", "9999-01-01", "<script>"])
    def test_odd_start_dates_show_this_week(self, client, frozen, room, start):
        response = client.get(f"/sv/spaces/{room.pk}/week/", {"start": start})
        assert response.status_code == 200
        assert "?start=2026-12-02" in response.content.decode()  # next week from today

    def test_spaces_that_cannot_be_booked_are_not_found(self, client, office):
        closed = SpaceFactory(office=office, is_bookable=False)
        assert client.get(f"/sv/spaces/{closed.pk}/week/").status_code == 404
        assert client.get("/sv/spaces/999999/week/").status_code == 404

    def test_query_count_does_not_grow_with_bookings(self, client, frozen, room, member):
        url = f"/sv/spaces/{room.pk}/week/"
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        for hour in (9, 12, 14, 16):
            services.booking_create(
                space=room,
                member=None,
                visitor_name="Gäst",
                starts_at=at(2, hour),
                ends_at=at(2, hour + 1),
                actor=_staff(room),
            )
        with CaptureQueriesContext(connection) as many:
            client.get(url)
        assert len(many) == len(few)


def _staff(room):
    from publicoffice.accounts.models import NamedPermission, Role
    from publicoffice.staff.services import role_assign
    from tests.factories import UserFactory

    user = UserFactory(email="desk@example.org")
    role_assign(
        user=user, role=Role.HOST, office=room.office, permissions=[NamedPermission.BOOK_ON_BEHALF]
    )
    return user


class TestBooking:
    def test_anonymous_visitors_are_asked_to_log_in(self, client, frozen, room):
        response = client.get(f"/sv/spaces/{room.pk}/book/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        assert client.post(f"/sv/spaces/{room.pk}/book/", slot()).status_code == 302
        assert not Booking.objects.exists()

    def test_the_form_is_prefilled_from_a_slot_link(self, client, frozen, room, member):
        client.force_login(member)
        response = client.get(
            f"/sv/spaces/{room.pk}/book/", {"day": TOMORROW, "start": "10:00", "end": "10:30"}
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert f'value="{TOMORROW}"' in html
        assert 'value="10:00"' in html
        assert 'step="1800"' in html

    def test_a_member_books_and_lands_on_the_booking(self, client, frozen, room, member):
        client.force_login(member)
        response = client.post(f"/en/spaces/{room.pk}/book/", slot(purpose="Läxhjälp 📚"))
        booking = Booking.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/en/bookings/{booking.public_id}/"
        assert booking.member == member
        assert booking.purpose == "Läxhjälp 📚"
        page = client.get(response["Location"])
        assert page.status_code == 200
        assert "Booked!" in page.content.decode()

    def test_half_open_times_both_succeed(self, client, frozen, room, member, other_member):
        client.force_login(member)
        assert client.post(f"/en/spaces/{room.pk}/book/", slot("10:00", "11:00")).status_code == 302
        client.force_login(other_member)
        assert client.post(f"/en/spaces/{room.pk}/book/", slot("11:00", "12:00")).status_code == 302
        assert Booking.objects.count() == 2

    def test_a_taken_time_says_why_and_offers_the_waitlist(
        self, client, booking, room, other_member
    ):
        client.force_login(other_member)
        response = client.post(f"/en/spaces/{room.pk}/book/", slot("10:30", "11:30"))
        assert response.status_code == 409
        html = response.content.decode()
        assert "Someone has already booked this time." in html
        assert "Join the waitlist for this time" in html
        assert Booking.objects.count() == 1
        joined = client.post(f"/en/spaces/{room.pk}/wait/", slot("10:30", "11:30"))
        assert joined.status_code == 302
        entry = WaitlistEntry.objects.get()
        assert entry.member == other_member and entry.status == WaitlistStatus.WAITING

    def test_waiting_for_a_free_time_is_refused(self, client, frozen, room, member):
        client.force_login(member)
        response = client.post(f"/en/spaces/{room.pk}/wait/", slot())
        assert response.status_code == 400
        assert "book it directly" in response.content.decode()
        assert not WaitlistEntry.objects.exists()

    def test_rule_refusals_are_translated_words(self, client, frozen, room, member):
        client.force_login(member)
        response = client.post(f"/sv/spaces/{room.pk}/book/", slot("08:00", "19:00"))
        assert response.status_code == 400
        html = response.content.decode()
        assert 'role="alert"' in html
        assert "Den längsta bokningen här är 240 minuter." in html
        assert "The longest booking" not in html
        assert "booking_too_long" not in html
        assert not Booking.objects.exists()

    @pytest.mark.parametrize(
        "data",
        [
            {},
            {"day": "", "start": "", "end": ""},
            {"day": "igår", "start": "tio", "end": "elva", "attendees": "två"},
            {"day": TOMORROW, "start": "11:00", "end": "10:00", "attendees": 1},
            {"day": TOMORROW, "start": "10:00", "end": "11:00", "attendees": 10**9},
            {"day": TOMORROW, "start": "10:00", "end": "11:00", "attendees": 0},
            {
                "day": TOMORROW,
                "start": "10:00",
                "end": "11:00",
                "attendees": 1,
                "purpose": "x" * 201,
            },
        ],
    )
    def test_bad_input_changes_nothing(self, client, frozen, room, member, data):
        client.force_login(member)
        response = client.post(f"/ar/spaces/{room.pk}/book/", data)
        assert response.status_code == 400
        assert 'role="alert"' in response.content.decode()
        assert not Booking.objects.exists()

    def test_html_in_the_purpose_is_shown_as_text(self, client, frozen, room, member):
        client.force_login(member)
        client.post(f"/en/spaces/{room.pk}/book/", slot(purpose="<script>alert(1)</script>"))
        booking = Booking.objects.get()
        html = client.get(f"/en/bookings/{booking.public_id}/").content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;" in html


class TestOwnBooking:
    def test_only_the_member_and_the_office_staff_see_it(self, client, booking, other_member, host):
        url = f"/en/bookings/{booking.public_id}/"
        client.force_login(other_member)
        assert client.get(url).status_code == 404
        assert client.post(url + "cancel/").status_code == 404
        assert client.post(url + "change/", slot("12:00", "13:00")).status_code == 404
        assert client.post(url + "check-in/").status_code == 404
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CONFIRMED and booking.starts_at == at(1, 10)
        assert booking.checked_in_at is None
        client.force_login(booking.member)
        assert client.get(url).status_code == 200
        client.force_login(host)
        page = client.get(url)
        assert page.status_code == 200
        assert "History" in page.content.decode()

    def test_the_member_changes_the_time(self, client, booking, member):
        client.force_login(member)
        response = client.post(
            f"/en/bookings/{booking.public_id}/change/", slot("14:00", "15:30", attendees=3)
        )
        assert response.status_code == 302
        booking.refresh_from_db()
        assert (booking.starts_at, booking.ends_at, booking.attendees) == (
            at(1, 14),
            at(1, 15, 30),
            3,
        )
        assert booking.sequence == 1

    def test_a_refused_change_keeps_the_booking(self, client, booking, member, room):
        client.force_login(member)
        response = client.post(f"/en/bookings/{booking.public_id}/change/", slot("10:00", "19:30"))
        assert response.status_code == 400
        booking.refresh_from_db()
        assert booking.ends_at == at(1, 11)
        assert (booking.starts_at, booking.attendees, booking.sequence) == (at(1, 10), 2, 0)
        assert booking.status == BookingStatus.CONFIRMED

    def test_the_member_cancels_and_the_time_is_free_again(self, client, booking, member, room):
        client.force_login(member)
        response = client.post(f"/en/bookings/{booking.public_id}/cancel/")
        assert response.status_code == 302
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CANCELLED
        week = client.get(f"/en/spaces/{room.pk}/week/").content.decode()
        assert "Someone has already booked this time." not in week
        assert "Yours" not in week
        assert f"/en/spaces/{room.pk}/book/?day={TOMORROW}&amp;start=10:00" in week

    def test_check_in_opens_fifteen_minutes_before(self, client, booking, member, frozen):
        client.force_login(member)
        url = f"/en/bookings/{booking.public_id}/check-in/"
        early = client.post(url)
        assert early.status_code == 400
        frozen.move_to(at(1, 9, 44))
        assert client.post(url).status_code == 400
        booking.refresh_from_db()
        assert booking.checked_in_at is None
        frozen.move_to(at(1, 9, 45))
        assert (
            "I am here: check in"
            in client.get(f"/en/bookings/{booking.public_id}/").content.decode()
        )
        assert client.post(url).status_code == 302
        booking.refresh_from_db()
        assert booking.checked_in_at is not None

    def test_get_is_not_allowed_for_writes(self, client, booking, member):
        client.force_login(member)
        for write in ("cancel/", "change/", "check-in/"):
            assert client.get(f"/en/bookings/{booking.public_id}/{write}").status_code == 405
        assert client.get("/en/me/calendar/renew/").status_code == 405
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CONFIRMED


class TestMyBookings:
    def test_lists_coming_waiting_and_earlier(self, client, booking, member, other_member, room):
        entry = waitlist.waitlist_join(
            space=room, member=other_member, starts_at=at(1, 10), ends_at=at(1, 11)
        )
        earlier = services.booking_create(
            space=room, member=member, starts_at=at(-2, 10), ends_at=at(-2, 11), at=at(-3, 7)
        )
        client.force_login(other_member)
        response = client.get("/en/me/bookings/")
        html = response.content.decode()
        assert "No upcoming bookings." in html
        assert "Leave the waitlist" in html
        assert "No earlier bookings in the last 90 days." in html
        assert [w.pk for w in response.context["waitlist"]] == [entry.pk]
        client.force_login(member)
        response = client.get("/en/me/bookings/")
        html = response.content.decode()
        assert "Mötesrum Ek" in html
        assert "You are not waiting for any time." in html
        assert "No earlier bookings in the last 90 days." not in html
        assert [b.pk for b in response.context["coming"]] == [booking.pk]
        assert [b.pk for b in response.context["past"]] == [earlier.pk]
        assert f"/en/bookings/{earlier.public_id}/" in html

    def test_an_offer_is_shown_only_while_it_is_open(self, booking, member, other_member, room):
        entry = waitlist.waitlist_join(
            space=room, member=other_member, starts_at=at(1, 10), ends_at=at(1, 11)
        )
        services.booking_cancel(booking=booking, actor=member)
        entry.refresh_from_db()
        assert entry.offered_until is not None
        while_open = selectors.my_bookings(member=other_member, now=entry.offered_until - MINUTE)
        assert [offer.pk for offer in while_open.offers] == [entry.pk]
        lapsed = selectors.my_bookings(member=other_member, now=entry.offered_until)
        assert lapsed.offers == []
        assert [waiting.pk for waiting in lapsed.waitlist] == [entry.pk]

    def test_an_offer_is_shown_and_can_be_taken(self, client, booking, member, other_member, room):
        entry = waitlist.waitlist_join(
            space=room, member=other_member, starts_at=at(1, 10), ends_at=at(1, 11)
        )
        services.booking_cancel(booking=booking, actor=member)
        client.force_login(other_member)
        response = client.get("/en/me/bookings/")
        assert [offer.pk for offer in response.context["offers"]] == [entry.pk]
        assert "A time you waited for is free" in response.content.decode()
        response = client.post(f"/en/waitlist/{entry.public_id}/accept/")
        assert response.status_code == 302
        entry.refresh_from_db()
        assert entry.status == WaitlistStatus.BOOKED
        assert entry.booking.member == other_member

    def test_nobody_else_can_answer_an_offer(self, client, booking, member, other_member, room):
        entry = waitlist.waitlist_join(
            space=room, member=other_member, starts_at=at(1, 10), ends_at=at(1, 11)
        )
        client.force_login(member)
        assert client.post(f"/en/waitlist/{entry.public_id}/accept/").status_code == 404
        assert client.post(f"/en/waitlist/{entry.public_id}/withdraw/").status_code == 404
        entry.refresh_from_db()
        assert entry.status == WaitlistStatus.WAITING
        # Once the time is offered to other_member, nobody else can take or refuse it.
        services.booking_cancel(booking=booking, actor=member)
        entry.refresh_from_db()
        assert entry.status == WaitlistStatus.OFFERED
        assert client.post(f"/en/waitlist/{entry.public_id}/accept/").status_code == 404
        assert client.post(f"/en/waitlist/{entry.public_id}/withdraw/").status_code == 404
        entry.refresh_from_db()
        assert entry.status == WaitlistStatus.OFFERED
        assert not Booking.objects.filter(status=BookingStatus.CONFIRMED).exists()

    def test_withdrawing(self, client, booking, other_member, room):
        entry = waitlist.waitlist_join(
            space=room, member=other_member, starts_at=at(1, 10), ends_at=at(1, 11)
        )
        client.force_login(other_member)
        assert client.post(f"/en/waitlist/{entry.public_id}/withdraw/").status_code == 302
        entry.refresh_from_db()
        assert entry.status == WaitlistStatus.WITHDRAWN

    def test_calendar_address_is_made_and_renewed(self, client, frozen, member):
        client.force_login(member)
        assert "Get a calendar address" in client.get("/en/me/bookings/").content.decode()
        client.post("/en/me/calendar/renew/")
        first = member.calendar_feed.token
        assert f"/calendar/{first}.ics" in client.get("/en/me/bookings/").content.decode()
        client.post("/en/me/calendar/renew/")
        member.calendar_feed.refresh_from_db()
        assert member.calendar_feed.token != first

    def test_query_count_does_not_grow_with_bookings(self, client, frozen, room, desk, member):
        client.force_login(member)
        services.booking_create(space=room, member=member, starts_at=at(1, 8), ends_at=at(1, 9))
        with CaptureQueriesContext(connection) as few:
            client.get("/en/me/bookings/")
        for day in (2, 5, 6):
            services.booking_create(
                space=desk, member=member, starts_at=at(day, 9), ends_at=at(day, 12)
            )
        with CaptureQueriesContext(connection) as many:
            client.get("/en/me/bookings/")
        assert len(many) == len(few)

    def test_requires_login(self, client):
        response = client.get("/en/me/bookings/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


class TestFind:
    def test_empty_form_then_results(self, client, frozen, room, desk):
        assert client.get("/en/bookings/find/").status_code == 200
        response = client.get("/en/bookings/find/", {"duration": 60, "attendees": 4})
        html = response.content.decode()
        assert response.status_code == 200
        assert "Mötesrum Ek" in html and "Skrivbord 1" not in html  # the desk seats one

    def test_office_preset_from_the_office_page(self, client, frozen, room):
        response = client.get("/en/bookings/find/", {"office": "ronna"})
        assert response.status_code == 200
        assert 'value="ronna" selected' in response.content.decode()

    @pytest.mark.parametrize(
        ("query", "field", "message"),
        [
            (
                {"duration": "forever"},
                "duration",
                "Select a valid choice. forever is not one of the available choices.",
            ),
            (
                {"duration": 60, "attendees": -3},
                "attendees",
                "Ensure this value is greater than or equal to 1.",
            ),
            (
                {"duration": 60, "attendees": 1, "kind": "castle"},
                "kind",
                "Select a valid choice. castle is not one of the available choices.",
            ),
            (
                {"duration": 60, "attendees": 1, "office": "<script>"},
                "office",
                "Select a valid choice. That choice is not one of the available choices.",
            ),
        ],
    )
    def test_bad_searches_say_what_is_wrong(self, client, frozen, room, query, field, message):
        response = client.get("/en/bookings/find/", query)
        assert response.status_code == 400
        html = response.content.decode()
        assert 'role="alert"' in html
        assert message in html
        assert f'aria-describedby="id_{field}_error"' in html


class TestHostViews:
    def test_the_day_schedule_for_staff_only(self, client, booking, host, member, other_member):
        client.force_login(host)
        response = client.get(f"/en/host/ronna/bookings/?date={TOMORROW}")
        assert response.status_code == 200
        assert "Amina" in response.content.decode()
        for user in (member, other_member):
            client.force_login(user)
            assert client.get("/en/host/ronna/bookings/").status_code == 404
            assert client.get("/en/host/ronna/bookings/new/").status_code == 404

    def test_a_host_of_another_office_sees_nothing(self, client, booking):
        from publicoffice.accounts.models import Role
        from publicoffice.staff.services import role_assign
        from tests.factories import OfficeFactory, UserFactory

        elsewhere = UserFactory(email="elsewhere@example.org")
        role_assign(user=elsewhere, role=Role.HOST, office=OfficeFactory(slug="fittja"))
        client.force_login(elsewhere)
        assert client.get("/en/host/ronna/bookings/").status_code == 404
        assert client.get(f"/en/bookings/{booking.public_id}/").status_code == 404
        response = client.post(
            f"/en/host/bookings/{booking.public_id}/decide/", {"decision": "approve"}
        )
        assert response.status_code == 404

    def test_approve_and_turn_down(self, client, frozen, hall, member, host):
        first = services.booking_create(
            space=hall, member=member, starts_at=at(6, 10), ends_at=at(6, 12)
        )
        second = services.booking_create(
            space=hall, member=member, starts_at=at(7, 10), ends_at=at(7, 12)
        )
        assert first.status == BookingStatus.PENDING
        client.force_login(host)
        html = client.get("/en/host/ronna/bookings/").content.decode()
        assert "Waiting for approval" in html and "Approve" in html
        client.post(f"/en/host/bookings/{first.public_id}/decide/", {"decision": "approve"})
        first.refresh_from_db()
        assert first.status == BookingStatus.CONFIRMED
        client.post(f"/en/host/bookings/{second.public_id}/decide/", {"decision": "reject"})
        second.refresh_from_db()
        assert second.status == BookingStatus.PENDING  # a reason is needed to say no
        client.post(
            f"/en/host/bookings/{second.public_id}/decide/",
            {"decision": "reject", "reason": "Salen renoveras"},
        )
        second.refresh_from_db()
        assert second.status == BookingStatus.REJECTED

    def test_booking_on_behalf_of_a_visitor(self, client, frozen, room, host):
        client.force_login(host)
        assert client.get("/en/host/ronna/bookings/new/").status_code == 200
        response = client.post(
            "/en/host/ronna/bookings/new/",
            {**slot(), "space": room.pk, "visitor_name": "Fatima"},
        )
        assert response.status_code == 302
        booking = Booking.objects.get()
        assert booking.member is None and booking.visitor_name == "Fatima"
        assert booking.booked_by == host

    def test_on_behalf_of_a_member_by_email(self, client, frozen, room, host, member):
        client.force_login(host)
        response = client.post(
            "/en/host/ronna/bookings/new/",
            {**slot(), "space": room.pk, "member_email": "AMINA@example.org"},
        )
        assert response.status_code == 302
        assert Booking.objects.get().member == member

    def test_on_behalf_needs_someone(self, client, frozen, room, host):
        client.force_login(host)
        response = client.post("/en/host/ronna/bookings/new/", {**slot(), "space": room.pk})
        assert response.status_code == 400
        unknown = client.post(
            "/en/host/ronna/bookings/new/",
            {**slot(), "space": room.pk, "member_email": "nobody@example.org"},
        )
        assert unknown.status_code == 400
        assert not Booking.objects.exists()

    def test_override_with_a_reason_is_logged(self, client, frozen, room, host):
        client.force_login(host)
        response = client.post(
            "/en/host/ronna/bookings/new/",
            {
                **slot("08:00", "14:00"),
                "space": room.pk,
                "visitor_name": "Föreningen Ronna",
                "override_reason": "Heldagskurs",
            },
        )
        assert response.status_code == 302
        booking = Booking.objects.get()
        override = booking.log.get(action="override")
        assert override.rule_code == "booking_too_long" and override.reason == "Heldagskurs"

    def test_a_host_without_the_permission_cannot_book_on_behalf(
        self, client, frozen, room, plain_host
    ):
        client.force_login(plain_host)
        assert client.get("/en/host/ronna/bookings/").status_code == 200
        assert client.get("/en/host/ronna/bookings/new/").status_code == 404
        response = client.post(
            "/en/host/ronna/bookings/new/",
            {**slot(), "space": room.pk, "visitor_name": "Fatima"},
        )
        assert response.status_code == 404
        assert not Booking.objects.exists()

    def test_query_count_does_not_grow_with_bookings(self, client, frozen, room, desk, host):
        client.force_login(host)
        url = f"/en/host/ronna/bookings/?date={TOMORROW}"
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        for hour in (8, 10, 12, 14):
            services.booking_create(
                space=desk,
                member=None,
                visitor_name="Gäst",
                starts_at=at(1, hour),
                ends_at=at(1, hour + 1),
                actor=host,
            )
        with CaptureQueriesContext(connection) as many:
            client.get(url)
        assert len(many) == len(few)


class TestOfficePage:
    def test_the_office_page_lists_bookable_spaces(self, client, frozen, room, office):
        SpaceFactory(office=office, name="Förrådet", is_bookable=False)
        html = client.get(office.get_absolute_url()).content.decode()
        assert "Mötesrum Ek" in html
        assert f"/spaces/{room.pk}/week/" in html
        assert "Förrådet" not in html.split('id="book-heading"')[1].split("</section>")[0]
