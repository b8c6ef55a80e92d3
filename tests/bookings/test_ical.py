"""iCalendar text of bookings, read back with the icalendar parser."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import translation
from icalendar import Calendar

from publicoffice.bookings import ical, services
from publicoffice.bookings.models import Booking
from tests.bookings.conftest import NOW, STOCKHOLM, at

CRLF = b"\r\n"


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def only_event(data: bytes):
    events = parse(data).walk("VEVENT")
    assert len(events) == 1
    return events[0]


@pytest.fixture
def booking(frozen, room, member):
    return services.booking_create(
        space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11), attendees=2
    )


class TestOneBooking:
    def test_calendar_has_what_rfc_5545_requires(self, booking):
        data = ical.invitation_ics(booking, at=NOW)
        cal = parse(data)
        assert cal["VERSION"] == "2.0"
        assert cal["PRODID"] == ical.PRODID
        assert cal["METHOD"] == "REQUEST"
        assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Stockholm"]
        event = only_event(data)
        assert event["UID"] == f"booking-{booking.public_id}@publicoffice"
        assert event["SEQUENCE"] == 0
        assert event["STATUS"] == "CONFIRMED"
        assert event.decoded("DTSTAMP") == NOW.astimezone(UTC)
        assert b"DTSTART;TZID=Europe/Stockholm:20261126T100000" + CRLF in data
        assert b"DTEND;TZID=Europe/Stockholm:20261126T110000" + CRLF in data
        assert data.startswith(b"BEGIN:VCALENDAR" + CRLF)
        assert data.endswith(b"END:VCALENDAR" + CRLF)

    def test_summary_location_and_link(self, booking, settings):
        settings.PUBLIC_BASE_URL = "https://kontor.example/"
        with translation.override("en"):
            event = only_event(ical.booking_ics(booking, at=NOW))
        assert str(event["SUMMARY"]) == "Mötesrum Ek, Ronna kontor (en)"
        office = booking.office
        assert str(event["LOCATION"]) == (
            f"Ronna kontor (en), {office.street_address}, 151 00 Södertälje"
        )
        assert event["URL"] == f"https://kontor.example/en/bookings/{booking.public_id}/"
        description = str(event["DESCRIPTION"])
        assert "People: 2" in description
        assert "Check in by 10:15" in description
        assert event["GEO"].latitude == float(office.latitude)

    def test_uid_stays_and_sequence_rises_across_a_change(self, booking, member):
        first = only_event(ical.invitation_ics(booking, at=NOW))
        changed = services.booking_change(
            booking=booking, actor=member, starts_at=at(1, 13), ends_at=at(1, 14)
        )
        second = only_event(ical.invitation_ics(changed, at=NOW))
        assert second["UID"] == first["UID"]
        assert (first["SEQUENCE"], second["SEQUENCE"]) == (0, 1)
        assert second.decoded("DTSTART") == at(1, 13)
        cancelled = services.booking_cancel(booking=changed, actor=member)
        third = only_event(ical.invitation_ics(cancelled, at=NOW, method=ical.CANCEL))
        assert third["UID"] == first["UID"]
        assert third["SEQUENCE"] == 2
        assert third["STATUS"] == "CANCELLED"

    def test_invitations_name_organizer_and_attendee_but_downloads_do_not(self, booking):
        invitation = only_event(ical.invitation_ics(booking, at=NOW))
        assert str(invitation["ATTENDEE"]) == "mailto:amina@example.org"
        assert invitation["ATTENDEE"].params["PARTSTAT"] == "ACCEPTED"
        assert str(invitation["ORGANIZER"]).startswith("mailto:")
        download = only_event(ical.booking_ics(booking, at=NOW))
        assert "ATTENDEE" not in download
        assert "ORGANIZER" not in download
        assert "METHOD" not in parse(ical.booking_ics(booking, at=NOW))


class TestStatus:
    def test_waiting_for_approval_is_tentative(self, frozen, hall, member):
        pending = services.booking_create(
            space=hall, member=member, starts_at=at(5, 10), ends_at=at(5, 12)
        )
        with translation.override("en"):
            event = only_event(ical.booking_ics(pending, at=NOW))
        assert event["STATUS"] == "TENTATIVE"
        assert str(event["SUMMARY"]).startswith("Waiting for approval: ")

    def test_cancelled_is_cancelled_and_transparent(self, booking, member):
        services.booking_cancel(booking=booking, actor=member)
        booking.refresh_from_db()
        with translation.override("en"):
            event = only_event(ical.booking_ics(booking, at=NOW))
        assert event["STATUS"] == "CANCELLED"
        assert event["TRANSP"] == "TRANSPARENT"
        assert str(event["SUMMARY"]).startswith("Cancelled: ")

    def test_a_missed_check_in_counts_as_cancelled_by_the_clock(self, booking):
        later = at(1, 10, 16)  # the 15-minute window has passed, nobody came
        assert only_event(ical.booking_ics(booking, at=later))["STATUS"] == "CANCELLED"


class TestDaylightSaving:
    @pytest.mark.parametrize(
        ("today", "before", "after", "onset", "offset_from"),
        [
            # Summer time ends Sunday 25 October 2026 at 03:00 +0200.
            (datetime(2026, 10, 21, 8), (10, 23), (10, 26), b"20261025T030000", b"+0200"),
            # Summer time begins Sunday 26 March 2028 at 02:00 +0100.
            (datetime(2028, 3, 22, 8), (3, 24), (3, 27), b"20280326T020000", b"+0100"),
        ],
    )
    def test_ten_o_clock_stays_ten_on_both_sides(
        self, room, member, today, before, after, onset, offset_from
    ):
        with time_machine.travel(today.replace(tzinfo=STOCKHOLM), tick=False):
            made = [
                services.booking_create(
                    space=room,
                    member=member,
                    starts_at=datetime(today.year, month, day, 10, tzinfo=STOCKHOLM),
                    ends_at=datetime(today.year, month, day, 11, tzinfo=STOCKHOLM),
                )
                for month, day in (before, after)
            ]
            data = ical.feed_ics(
                Booking.objects.filter(pk__in=[b.pk for b in made]),
                at=datetime.now(UTC),
                name="x",
            )
        events = sorted(parse(data).walk("VEVENT"), key=lambda e: e.decoded("DTSTART"))
        starts = [event.decoded("DTSTART") for event in events]
        assert [start.hour for start in starts] == [10, 10]
        assert starts[0].utcoffset() != starts[1].utcoffset()
        assert {start.astimezone(UTC).hour for start in starts} == {8, 9}
        for month, day in (before, after):
            line = f"DTSTART;TZID=Europe/Stockholm:{today.year}{month:02}{day:02}T100000"
            assert line.encode() + CRLF in data
        # The VTIMEZONE gives the onset in local time before the change (RFC 5545 3.6.5).
        (zone,) = parse(data).walk("VTIMEZONE")
        observances = [part for part in zone.to_ical().split(b"BEGIN:") if onset in part]
        assert len(observances) == 1
        assert b"TZOFFSETFROM:" + offset_from in observances[0]
        # The zone the calendar itself describes puts 10:00 where Stockholm does.
        described = zone.to_tz()
        for start in starts:
            local = start.replace(tzinfo=None)
            assert local.replace(tzinfo=described).utcoffset() == start.utcoffset()

    def test_vtimezone_follows_the_zone_database(self):
        zone = ical.vtimezone("Europe/Stockholm", ZoneInfo("Europe/Stockholm"), 2027, 2027)
        text = zone.to_ical()
        assert b"BEGIN:DAYLIGHT" + CRLF + b"DTSTART:20270328T020000" + CRLF in text
        assert b"BEGIN:STANDARD" + CRLF + b"DTSTART:20271031T030000" + CRLF in text


class TestEscaping:
    PURPOSE = 'اجتماع الجيران 🎉 <b>"Möte"</b>, plan; a\\b <script>alert(1)</script>'

    @pytest.fixture
    def odd_booking(self, frozen, room, member):
        return services.booking_create(
            space=room,
            member=member,
            starts_at=at(1, 10),
            ends_at=at(1, 11),
            purpose=self.PURPOSE,
        )

    def test_text_comes_back_exactly(self, odd_booking):
        with translation.override("en"):
            event = only_event(ical.invitation_ics(odd_booking, at=NOW))
        assert f"Purpose: {self.PURPOSE}" in str(event["DESCRIPTION"]).split("\n")

    def test_special_characters_are_escaped_and_lines_folded(self, odd_booking):
        with translation.override("ar"):
            data = ical.invitation_ics(odd_booking, at=NOW)
        assert b"\\, plan\\; a\\\\b" in data.replace(CRLF + b" ", b"")
        assert b"<script>" in data.replace(CRLF + b" ", b"")  # plain text, nothing to escape
        lines = data.split(CRLF)
        assert lines[-1] == b""
        for line in lines[:-1]:
            assert len(line) <= 75, line
            assert b"\n" not in line and b"\r" not in line
            line.decode("utf-8")  # a fold never splits a character

    def test_control_characters_never_reach_the_file(self, odd_booking):
        # Not saved: PostgreSQL refuses NUL, and the services strip control characters.
        odd_booking.purpose = "bell\x07 null\x00 ok"
        data = ical.booking_ics(odd_booking, at=NOW)
        assert b"\x07" not in data and b"\x00" not in data


def test_feed_of_nothing_is_still_a_calendar():
    data = ical.feed_ics([], at=NOW, name="Bookings")
    cal = parse(data)
    assert cal.walk("VEVENT") == []
    assert cal.walk("VTIMEZONE") == []
    assert cal.refresh_interval == timedelta(hours=1)
    assert str(cal["X-WR-CALNAME"]) == "Bookings"
