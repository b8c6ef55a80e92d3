"""Events as iCalendar: stable UIDs, sequence, status, place, text and time zones."""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar

from publicoffice.events import ical
from publicoffice.events.models import EventStatus
from publicoffice.events.services import event_create, event_set_status, event_update
from tests.events.conftest import NOW, STOCKHOLM, at


def only_event(body: bytes):
    calendar = Calendar.from_ical(body)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return calendar, events[0]


def test_an_event_as_a_calendar_file(frozen, event, settings):
    settings.PUBLIC_BASE_URL = "https://kontor.example"
    calendar, vevent = only_event(ical.event_ics(event, at=NOW))

    assert calendar.get("method") is None
    assert str(vevent["uid"]) == f"event-{event.public_id}@publicoffice"
    assert vevent["sequence"] == 0
    assert vevent["dtstart"].dt == at(1, 17)
    assert vevent["dtstart"].params["TZID"] == "Europe/Stockholm"
    assert vevent["dtend"].dt == at(1, 19)
    assert str(vevent["summary"]) == "Språkcafé"
    assert str(vevent["status"]) == "CONFIRMED"
    assert str(vevent["class"]) == "PUBLIC"
    location = str(vevent["location"])
    assert location.startswith("Ronna kontor, Mötesrum Ek, Storgatan")
    assert "151 00 Södertälje" in location
    url = str(vevent["url"])
    assert url == f"https://kontor.example/sv/events/{event.public_id}/"
    description = str(vevent["description"])
    assert "Vi pratar svenska och arabiska" in description
    assert "Arabiska" in description  # the event's language
    assert "Hörslinga finns." in description
    assert url in description
    # Every TZID used has its VTIMEZONE.
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]


def test_the_uid_stays_and_the_sequence_rises_with_each_change(frozen, event, host):
    before = only_event(ical.event_ics(event, at=NOW))[1]
    moved = event_update(event=event, actor=host, starts_at=at(2, 17), ends_at=at(2, 19))
    after = only_event(ical.event_ics(moved, at=NOW))[1]
    assert str(after["uid"]) == str(before["uid"])
    assert after["sequence"] == before["sequence"] + 1
    assert after["dtstart"].dt == at(2, 17)


def test_a_cancelled_event_says_so(frozen, event, host):
    event_set_status(event=event, actor=host, status=EventStatus.CANCELLED, note="Sjuk värd.")
    event.refresh_from_db()
    vevent = only_event(ical.event_ics(event, at=NOW))[1]
    assert str(vevent["status"]) == "CANCELLED"
    assert str(vevent["transp"]) == "TRANSPARENT"
    assert "Sjuk värd." in str(vevent["description"])
    assert str(vevent["summary"]) != "Språkcafé"  # marked in the title too


def test_a_postponed_event_is_tentative(frozen, event, host):
    event = event_set_status(
        event=event, actor=host, status=EventStatus.POSTPONED, note="Nytt datum kommer."
    )
    vevent = only_event(ical.event_ics(event, at=NOW))[1]
    assert str(vevent["status"]) == "TENTATIVE"


def test_text_in_any_script_with_separators_survives(frozen, office, host):
    title = "مقهى; اللغة, ☕ <b>\\"
    event = event_create(
        office=office,
        actor=host,
        title=title,
        description="سطر\nline two; three, four " + "ا" * 300,
        starts_at=at(1, 10),
        ends_at=at(1, 11),
    )
    body = ical.event_ics(event, at=NOW)
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    vevent = only_event(body)[1]
    assert str(vevent["summary"]) == title
    assert "line two; three, four" in str(vevent["description"])


def test_wall_clock_times_hold_across_the_spring_change(frozen, office, host):
    """28 March 2027: clocks jump 02:00 → 03:00; an event at 10:00 stays at 10:00."""
    frozen.move_to(datetime(2027, 3, 20, 8, tzinfo=STOCKHOLM))
    event = event_create(
        office=office,
        actor=host,
        title="Vårmöte",
        starts_at=datetime(2027, 3, 28, 1, 0, tzinfo=STOCKHOLM),
        ends_at=datetime(2027, 3, 28, 10, 0, tzinfo=STOCKHOLM),
    )
    calendar, vevent = only_event(ical.event_ics(event, at=NOW))
    assert vevent["dtstart"].dt.hour == 1
    assert vevent["dtend"].dt.hour == 10
    # Eight real hours, though the wall clock moved nine.
    real = vevent["dtend"].dt.astimezone(UTC) - vevent["dtstart"].dt.astimezone(UTC)
    assert real.total_seconds() == 8 * 3600
    observances = calendar.walk("DAYLIGHT")
    assert observances and observances[0]["tzoffsetto"].td.total_seconds() == 7200


def test_an_invitation_names_the_office_and_the_member(frozen, event, member):
    calendar, vevent = only_event(
        ical.invitation_ics(event, at=NOW, member=member, method=ical.REQUEST)
    )
    assert str(calendar["method"]) == "REQUEST"
    assert "noreply" in str(vevent["organizer"])
    assert str(vevent["attendee"]) == "mailto:amina@example.org"
    assert vevent["attendee"].params["PARTSTAT"] == "ACCEPTED"
    cancel, _ = only_event(ical.invitation_ics(event, at=NOW, member=member, method=ical.CANCEL))
    assert str(cancel["method"]) == "CANCEL"
