"""The shared iCalendar building blocks: addresses, text, time zones, the calendar shell."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from publicoffice.core import ical

STOCKHOLM = ZoneInfo("Europe/Stockholm")
CRLF = b"\r\n"
PRODID = "-//Public Office//Tests//EN"


def vevent(uid: str, starts_at: date, ends_at: date | None = None) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", datetime(2026, 11, 25, 7, tzinfo=ZoneInfo("UTC")))
    event.add("dtstart", starts_at)
    if ends_at is not None:
        event.add("dtend", ends_at)
    return event


def observances(zone) -> list[tuple[str, str, list[str], str, str, str]]:
    """(kind, DTSTART, RDATEs, TZOFFSETFROM, TZOFFSETTO, TZNAME) as written, in order."""
    found = []
    lines = zone.to_ical().decode().replace("\r\n ", "").split("\r\n")
    kind, values = "", {}
    for line in lines:
        if line in ("BEGIN:STANDARD", "BEGIN:DAYLIGHT"):
            kind, values = line.removeprefix("BEGIN:"), {}
        elif kind and line == f"END:{kind}":
            rdates = values.get("RDATE", "")
            found.append(
                (
                    kind,
                    values["DTSTART"],
                    rdates.split(",") if rdates else [],
                    values["TZOFFSETFROM"],
                    values["TZOFFSETTO"],
                    values.get("TZNAME", ""),
                )
            )
            kind = ""
        elif kind:
            name, _, value = line.partition(":")
            values[name] = value
    return found


class TestSiteUrl:
    def test_joins_the_base_without_a_double_slash(self, settings):
        settings.PUBLIC_BASE_URL = "https://kontor.example/"
        assert ical.site_url("/sv/bookings/") == "https://kontor.example/sv/bookings/"

    def test_falls_back_to_the_local_demo(self, settings):
        del settings.PUBLIC_BASE_URL
        assert ical.site_url("/sv/") == "http://127.0.0.1:8000/sv/"


class TestPlain:
    def test_control_characters_become_spaces(self):
        assert ical.plain("bell\x07 null\x00 esc\x1b del\x7f c1\x85.") == (
            "bell  null  esc  del  c1 ."
        )

    def test_newlines_tabs_and_other_text_stay(self):
        text = 'Rad ett\nRad\ttvå: اجتماع 🎉 <b>"Möte"</b>, plan; a\\b\u200f'
        assert ical.plain(text) == text

    def test_a_carriage_return_is_a_control_character_too(self):
        assert ical.plain("a\r\nb") == "a \nb"


class TestVtimezone:
    def test_one_year_in_stockholm(self):
        zone = ical.vtimezone("Europe/Stockholm", STOCKHOLM, 2026, 2026)
        assert str(zone["tzid"]) == "Europe/Stockholm"
        assert observances(zone) == [
            ("STANDARD", "20260101T000000", [], "+0100", "+0100", "CET"),
            ("DAYLIGHT", "20260329T020000", [], "+0100", "+0200", "CEST"),
            ("STANDARD", "20261025T030000", [], "+0200", "+0100", "CET"),
        ]

    def test_later_years_repeat_the_observances_as_rdates(self):
        zone = ical.vtimezone("Europe/Stockholm", STOCKHOLM, 2026, 2027)
        assert observances(zone) == [
            ("STANDARD", "20260101T000000", [], "+0100", "+0100", "CET"),
            ("DAYLIGHT", "20260329T020000", ["20270328T020000"], "+0100", "+0200", "CEST"),
            ("STANDARD", "20261025T030000", ["20271031T030000"], "+0200", "+0100", "CET"),
        ]

    def test_a_zone_without_summer_time_has_one_observance(self):
        zone = ical.vtimezone("Asia/Tokyo", ZoneInfo("Asia/Tokyo"), 2026, 2027)
        assert observances(zone) == [
            ("STANDARD", "20260101T000000", [], "+0900", "+0900", "JST"),
        ]

    def test_the_calendar_it_describes_agrees_with_the_zone(self):
        described = ical.vtimezone("Europe/Stockholm", STOCKHOLM, 2026, 2026).to_tz()
        for moment in (
            datetime(2026, 3, 29, 1, 59),
            datetime(2026, 3, 29, 3, 0),
            datetime(2026, 7, 1, 10, 0),
            datetime(2026, 10, 25, 3, 0),
            datetime(2026, 12, 24, 10, 0),
        ):
            expected = moment.replace(tzinfo=STOCKHOLM).utcoffset()
            assert moment.replace(tzinfo=described).utcoffset() == expected, moment


class TestCalendarIcs:
    def test_the_shell_without_method_or_name(self):
        data = ical.calendar_ics([], prodid=PRODID)
        assert data == CRLF.join(
            [
                b"BEGIN:VCALENDAR",
                b"VERSION:2.0",
                b"PRODID:" + PRODID.encode(),
                b"CALSCALE:GREGORIAN",
                b"END:VCALENDAR",
                b"",
            ]
        )

    def test_method_only_when_given(self):
        assert "METHOD" not in Calendar.from_ical(ical.calendar_ics([], prodid=PRODID))
        assert "METHOD" not in Calendar.from_ical(ical.calendar_ics([], prodid=PRODID, method=""))
        cal = Calendar.from_ical(ical.calendar_ics([], prodid=PRODID, method=ical.CANCEL))
        assert cal["METHOD"] == "CANCEL"

    def test_a_name_makes_it_a_feed(self, settings):
        settings.TIME_ZONE = "Europe/Stockholm"
        data = ical.calendar_ics([], prodid=PRODID, name="Mina\x07 bokningar")
        cal = Calendar.from_ical(data)
        assert str(cal["NAME"]) == "Mina  bokningar"
        assert str(cal["X-WR-CALNAME"]) == "Mina  bokningar"
        assert str(cal["X-WR-TIMEZONE"]) == "Europe/Stockholm"
        assert b"REFRESH-INTERVAL:PT1H" + CRLF in data
        assert b"X-PUBLISHED-TTL:PT1H" + CRLF in data
        assert cal.refresh_interval == ical.FEED_REFRESH
        assert "METHOD" not in cal

    def test_without_a_name_nothing_of_a_feed(self):
        cal = Calendar.from_ical(ical.calendar_ics([], prodid=PRODID, method=ical.REQUEST))
        for prop in ("NAME", "X-WR-CALNAME", "X-WR-TIMEZONE", "REFRESH-INTERVAL"):
            assert prop not in cal, prop

    def test_an_empty_calendar_has_no_vtimezone(self):
        assert Calendar.from_ical(ical.calendar_ics([], prodid=PRODID)).walk("VTIMEZONE") == []

    def test_the_vtimezone_covers_the_years_of_the_events(self):
        events = [
            vevent("a", datetime(2026, 11, 26, 10, tzinfo=STOCKHOLM)),
            # Ends in 2028: the zone must run from 2026 to the end of 2028.
            vevent(
                "b",
                datetime(2026, 12, 31, 22, tzinfo=STOCKHOLM),
                datetime(2028, 1, 1, 1, tzinfo=STOCKHOLM),
            ),
        ]
        cal = Calendar.from_ical(ical.calendar_ics(events, prodid=PRODID))
        [zone] = cal.walk("VTIMEZONE")
        assert str(zone["TZID"]) == "Europe/Stockholm"
        written = observances(zone)
        assert written[0][1] == "20260101T000000"
        daylight = next(item for item in written if item[0] == "DAYLIGHT")
        assert daylight[1:3] == ("20260329T020000", ["20270328T020000", "20280326T020000"])

    def test_years_are_local_not_utc(self):
        # 00:30 on 1 January 2027 in Stockholm is still 2026 in UTC.
        new_year = datetime(2027, 1, 1, 0, 30, tzinfo=STOCKHOLM)
        cal = Calendar.from_ical(ical.calendar_ics([vevent("a", new_year)], prodid=PRODID))
        [zone] = cal.walk("VTIMEZONE")
        assert observances(zone)[0][1] == "20270101T000000"

    def test_an_all_day_event_counts_by_its_date(self):
        cal = Calendar.from_ical(ical.calendar_ics([vevent("a", date(2027, 5, 1))], prodid=PRODID))
        [zone] = cal.walk("VTIMEZONE")
        assert observances(zone)[0][1] == "20270101T000000"

    def test_events_follow_the_zone_in_the_order_given(self):
        events = [
            vevent(uid, datetime(2026, 11, 26 + offset, 10, tzinfo=STOCKHOLM))
            for offset, uid in enumerate(["second", "first"])
        ]
        data = ical.calendar_ics(events, prodid=PRODID)
        assert data.index(b"END:VTIMEZONE") < data.index(b"UID:second") < data.index(b"UID:first")
