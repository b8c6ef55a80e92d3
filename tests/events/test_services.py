"""Event services: creating with the room through the booking service, and who may change.

Updates and status changes are in ``test_event_changes.py``; registrations,
the waitlist and reminders in ``test_registrations.py`` and ``test_reminders.py``.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from django.utils import translation

from publicoffice.bookings.models import Booking, BookingLogEntry, BookingStatus, LogAction
from publicoffice.bookings.services import booking_create
from publicoffice.core.errors import DomainError
from publicoffice.events import services
from publicoffice.events.models import Event
from publicoffice.events.services import event_create, event_update
from tests.events.conftest import at
from tests.events.refusals import assert_refusal
from tests.factories import SpaceFactory


def create(office, actor, **fields):
    values = {"title": "Bokföring för nybörjare", "starts_at": at(1, 10), "ends_at": at(1, 12)}
    values.update(fields)
    return event_create(office=office, actor=actor, **values)


def assert_nothing_written():
    assert Event.objects.count() == 0
    assert Booking.objects.count() == 0


# -- creating ---------------------------------------------------------------------


def test_the_room_is_booked_for_the_event_through_the_booking_service(frozen, office, room, host):
    event = create(office, host, space=room, capacity=6)

    booking = Booking.objects.get(space=room)
    assert event.booking == booking
    assert booking.member is None
    assert booking.visitor_name == "Bokföring för nybörjare"
    assert booking.purpose == "Bokföring för nybörjare"
    assert booking.booked_by == host
    assert booking.attendees == 6
    assert (booking.starts_at, booking.ends_at) == (at(1, 10), at(1, 12))
    assert booking.status == BookingStatus.CONFIRMED
    # An event's room is not released for a missed check-in.
    assert booking.checkin_deadline is None
    assert BookingLogEntry.objects.filter(booking=booking, action=LogAction.CREATED).exists()
    assert event.created_by == host


def test_a_room_clash_gives_the_booking_error_code_and_leaves_nothing(
    frozen, office, room, host, member
):
    taken = booking_create(space=room, member=member, starts_at=at(1, 11), ends_at=at(1, 12))

    with pytest.raises(DomainError) as caught:
        create(office, host, space=room)

    assert caught.value.code == "slot_taken"
    assert caught.value.status == 409
    assert Event.objects.count() == 0
    assert list(Booking.objects.all()) == [taken]


def test_an_event_without_a_room_books_nothing(frozen, office, host):
    event = create(office, host)
    assert event.space is None and event.booking is None
    assert Booking.objects.count() == 0


def test_staff_with_the_named_permission_override_opening_hours_for_an_evening_event(
    frozen, office, room, host
):
    event = create(office, host, space=room, starts_at=at(1, 19), ends_at=at(1, 21))
    overrides = BookingLogEntry.objects.filter(booking=event.booking, action=LogAction.OVERRIDE)
    assert [entry.rule_code for entry in overrides] == ["outside_opening_hours"]
    assert "Bokföring för nybörjare" in overrides[0].reason


def test_any_host_of_the_office_may_reserve_a_room_for_an_event(frozen, office, room, plain_host):
    """An event's room is the office's own use, not booking on someone's behalf."""
    event = create(office, plain_host, space=room)
    assert event.booking is not None
    assert event.booking.member is None
    assert event.booking.checkin_deadline is None


@pytest.mark.parametrize("who", ["member", "other_host", "anonymous"])
def test_only_hosts_of_the_office_create_events(request, frozen, office, who):
    from django.contrib.auth.models import AnonymousUser

    actor = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    with pytest.raises(DomainError) as caught:
        create(office, actor)
    assert caught.value.code == "not_allowed"
    assert caught.value.status == 403
    assert_nothing_written()


def test_texts_in_any_script_are_kept_as_written(frozen, office, host, arabic):
    event = create(
        office,
        host,
        title="مقهى اللغة ☕🎉",
        description="<script>alert(1)</script>\nسطر ثانٍ",
        languages=["ar"],
        accessibility_notes="Ramp 🦽",
    )
    event.refresh_from_db()
    assert event.title == "مقهى اللغة ☕🎉"
    # Stored as written; templates escape it. Newlines in descriptions stay.
    assert event.description == "<script>alert(1)</script>\nسطر ثانٍ"
    assert list(event.languages.all()) == [arabic]


def test_control_characters_are_dropped_from_titles(frozen, office, host):
    event = create(office, host, title="Hej\x00\x07 där\n\tnu")
    assert event.title == "Hej där nu"


def test_the_title_is_written_in_the_default_language_and_the_authors(frozen, office, host):
    from django.utils import translation

    with translation.override("ar"):
        event = create(office, host, title="مقهى")
    event.refresh_from_db()
    assert (event.title_sv, event.title_ar) == ("مقهى", "مقهى")
    with translation.override("en"):
        assert event.title == "مقهى"


#: (fields, code): one spoiled field at a time. "room" and "elsewhere" stand for spaces.
#: A text's code comes with the field it is about (and the limit, when too long).
BAD_INPUTS = [
    ({"title": ""}, ("text_missing", "title")),
    ({"title": " \x00 "}, ("text_missing", "title")),
    ({"title": "x" * 121}, ("text_too_long", "title", 120)),
    ({"title": 42}, ("text_invalid", "title")),
    ({"ends_at": at(1, 9)}, "invalid_range"),
    ({"ends_at": at(1, 10)}, "invalid_range"),
    (
        {"starts_at": datetime(2026, 11, 26, 10), "ends_at": datetime(2026, 11, 26, 12)},
        "time_invalid",
    ),
    ({"starts_at": "tomorrow"}, "time_invalid"),
    ({"ends_at": at(16, 12)}, "event_too_long"),
    ({"starts_at": at(-1, 10), "ends_at": at(-1, 12)}, "in_past"),
    ({"capacity": 7, "space": "room"}, "capacity_over_room"),
    ({"capacity": 0}, "capacity_invalid"),
    ({"capacity": -3}, "capacity_invalid"),
    ({"capacity": "5"}, "capacity_invalid"),
    ({"capacity": True}, "capacity_invalid"),
    ({"capacity": 10**9}, "capacity_invalid"),
    ({"audience": "martians"}, "audience_invalid"),
    ({"languages": ["xx"]}, "language_unknown"),
    ({"languages": [3]}, "language_unknown"),
    ({"description": "ا" * 4001}, ("text_too_long", "description", 4000)),
    ({"accessibility_notes": "🦽" * 1001}, ("text_too_long", "accessibility_notes", 1000)),
    ({"space": "elsewhere"}, "space_not_in_office"),
]


@pytest.mark.parametrize(("fields", "code"), BAD_INPUTS)
def test_bad_input_is_refused_with_a_code_and_changes_nothing(
    frozen, office, room, host, other_office, fields, code
):
    fields = dict(fields)
    if fields.get("space") == "room":
        fields["space"] = room
    elif fields.get("space") == "elsewhere":
        fields["space"] = SpaceFactory(office=other_office)
    with pytest.raises(DomainError) as caught:
        create(office, host, **fields)
    assert_refusal(caught.value, code)
    assert str(caught.value.message)  # a sentence for people, translated
    assert_nothing_written()


def test_error_messages_are_marked_for_translation(frozen, office, host):
    """The message is lazy: it is written in whatever language the page or API answers in."""
    from django.utils.functional import Promise

    with pytest.raises(DomainError) as caught:
        create(office, host, title="")
    assert isinstance(caught.value.message, Promise)
    with translation.override("en"):
        assert caught.value.as_dict() == {
            "code": "text_missing",
            "message": "Give the event a title.",
            "details": {"field": "title"},
        }
    with translation.override("ar"):
        assert caught.value.as_dict()["message"] != "Give the event a title."


def test_a_closed_office_holds_no_events(frozen, office, host):
    office.status = "closed"
    office.save()
    with pytest.raises(DomainError) as caught:
        create(office, host)
    assert caught.value.code == "office_not_open"
    assert Event.objects.count() == 0
    assert Booking.objects.count() == 0


# -- who may change an event ---------------------------------------------------------


def test_members_no_longer_propose_events_here():
    """Proposals are the dialogue's: events offers no way to propose or decide."""
    assert not hasattr(services, "event_propose")
    assert not hasattr(services, "event_decide")
    assert not {"approval", "proposed_by", "decided_by", "decided_at"} & {
        field.name for field in Event._meta.get_fields()
    }


@pytest.mark.parametrize("who", ["member", "other_member", "other_host"])
def test_only_the_offices_hosts_change_its_event(request, frozen, office, host, who):
    event = create(office, host)
    with pytest.raises(DomainError) as caught:
        event_update(event=event, actor=request.getfixturevalue(who), title="Mitt nu")
    assert caught.value.code == "event_not_found"
    event.refresh_from_db()
    assert event.title == "Bokföring för nybörjare"
    assert event_update(event=event, actor=host, title="Bokföring, del 1").title == (
        "Bokföring, del 1"
    )
