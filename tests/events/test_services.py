"""Event services: creating with the room through the booking service, and proposals.

Updates and status changes are in ``test_event_changes.py``; registrations,
the waitlist and reminders in ``test_registrations.py`` and ``test_reminders.py``.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from django.core import mail
from django.utils import translation

from publicoffice.bookings.models import Booking, BookingLogEntry, BookingStatus, LogAction
from publicoffice.bookings.services import booking_create
from publicoffice.core.errors import DomainError
from publicoffice.events.models import Approval, Event
from publicoffice.events.services import (
    event_create,
    event_decide,
    event_propose,
    event_update,
)
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
    assert event.approval == Approval.APPROVED
    assert event.created_by == host and event.decided_by == host


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


# -- proposals --------------------------------------------------------------------


def propose(office, member, **fields):
    values = {"title": "Syjunta", "starts_at": at(2, 13), "ends_at": at(2, 15)}
    values.update(fields)
    return event_propose(office=office, member=member, **values)


def test_a_member_proposes_and_nothing_is_booked_yet(frozen, office, room, member):
    event = propose(office, member, space=room, capacity=4)
    assert event.approval == Approval.PROPOSED
    assert event.proposed_by == member
    assert event.booking is None
    assert Booking.objects.count() == 0


def test_anonymous_visitors_cannot_propose(frozen, office):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(DomainError) as caught:
        propose(office, AnonymousUser())
    assert caught.value.code == "not_a_member"
    assert Event.objects.count() == 0


def test_a_member_has_only_a_few_proposals_waiting_at_once(frozen, office, member, settings):
    settings.EVENTS_MAX_OPEN_PROPOSALS = 2
    propose(office, member)
    propose(office, member)
    with pytest.raises(DomainError) as caught:
        propose(office, member)
    assert caught.value.code == "too_many_proposals"
    assert Event.objects.count() == 2


def test_approving_books_the_room_and_tells_the_proposer(
    frozen, office, room, host, member, notices, django_capture_on_commit_callbacks
):
    event = propose(office, member, space=room)
    with django_capture_on_commit_callbacks(execute=True):
        approved = event_decide(event=event, actor=host, approve=True)
    assert approved.approval == Approval.APPROVED
    assert approved.booking is not None and approved.booking.space == room
    assert approved.decided_by == host
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amina@example.org"]
    assert "Syjunta" in mail.outbox[0].subject


def test_approving_a_proposal_whose_room_was_taken_changes_nothing(
    frozen, office, room, host, member, other_member
):
    event = propose(office, member, space=room)
    booking_create(space=room, member=other_member, starts_at=at(2, 14), ends_at=at(2, 15))
    with pytest.raises(DomainError) as caught:
        event_decide(event=event, actor=host, approve=True)
    assert caught.value.code == "slot_taken"
    event.refresh_from_db()
    assert event.approval == Approval.PROPOSED and event.booking is None
    assert Booking.objects.count() == 1


def test_declining_needs_a_reason_which_the_proposer_reads(
    frozen, office, host, member, notices, django_capture_on_commit_callbacks
):
    event = propose(office, member)
    with pytest.raises(DomainError) as caught:
        event_decide(event=event, actor=host, approve=False, reason="  ")
    assert (caught.value.code, caught.value.details["field"]) == ("text_missing", "reason")
    with django_capture_on_commit_callbacks(execute=True):
        declined = event_decide(event=event, actor=host, approve=False, reason="Salen är full.")
    assert declined.approval == Approval.DECLINED
    assert declined.status_note == "Salen är full."
    assert "Salen är full." in mail.outbox[0].body


@pytest.mark.parametrize("who", ["member", "other_member", "other_host"])
def test_only_hosts_of_the_office_decide(request, frozen, office, member, who):
    event = propose(office, member)
    with pytest.raises(DomainError) as caught:
        event_decide(event=event, actor=request.getfixturevalue(who), approve=True)
    assert caught.value.code == "event_not_found"
    assert caught.value.status == 404
    event.refresh_from_db()
    assert event.approval == Approval.PROPOSED


def test_a_decided_proposal_cannot_be_decided_again(frozen, office, host, member):
    event = event_decide(event=propose(office, member), actor=host, approve=True)
    with pytest.raises(DomainError) as caught:
        event_decide(event=event, actor=host, approve=False, reason="Nej")
    assert caught.value.code == "not_proposed"
    event.refresh_from_db()
    assert event.approval == Approval.APPROVED


def test_the_proposer_may_edit_their_proposal_but_nobody_else(frozen, office, member, other_member):
    event = propose(office, member)
    assert event_update(event=event, actor=member, title="Syjunta och fika").title == (
        "Syjunta och fika"
    )
    with pytest.raises(DomainError) as caught:
        event_update(event=event, actor=other_member, title="Mitt nu")
    assert caught.value.code == "event_not_found"
    event.refresh_from_db()
    assert event.title == "Syjunta och fika"
