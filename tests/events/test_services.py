"""Event services: the room through the booking service, proposals, updates, statuses.

Registrations, the waitlist and reminders are in ``test_registrations.py``
and ``test_reminders.py``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.core import mail

from publicoffice.bookings.models import Booking, BookingLogEntry, BookingStatus, LogAction
from publicoffice.bookings.services import booking_create
from publicoffice.core.errors import DomainError
from publicoffice.events.models import Approval, Event, EventStatus, RegistrationStatus
from publicoffice.events.services import (
    event_create,
    event_decide,
    event_propose,
    event_set_status,
    event_update,
    registration_create,
)
from tests.events.conftest import at, make_members
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


def test_a_host_without_the_permission_to_book_for_others_gets_a_clear_error(
    frozen, office, room, plain_host
):
    with pytest.raises(DomainError) as caught:
        create(office, plain_host, space=room)
    assert caught.value.code == "room_needs_permission"
    assert caught.value.status == 403
    assert_nothing_written()
    # Without a room the same host can run the event.
    assert create(office, plain_host).approval == Approval.APPROVED


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


def _bad_inputs(other_room_factory):
    return [
        ({"title": ""}, "title_missing"),
        ({"title": " \x00 "}, "title_missing"),
        ({"title": "x" * 121}, "title_too_long"),
        ({"title": 42}, "title_invalid"),
        ({"ends_at": at(1, 9)}, "ends_before_start"),
        ({"ends_at": at(1, 10)}, "ends_before_start"),
        (
            {"starts_at": datetime(2026, 11, 26, 10), "ends_at": datetime(2026, 11, 26, 12)},
            "time_invalid",
        ),
        ({"starts_at": "tomorrow"}, "time_invalid"),
        ({"ends_at": at(16, 12)}, "event_too_long"),
        ({"starts_at": at(-1, 10), "ends_at": at(-1, 12)}, "event_in_past"),
        ({"capacity": 7, "space": "room"}, "capacity_over_room"),
        ({"capacity": 0}, "capacity_invalid"),
        ({"capacity": -3}, "capacity_invalid"),
        ({"capacity": "5"}, "capacity_invalid"),
        ({"capacity": True}, "capacity_invalid"),
        ({"capacity": 10**9}, "capacity_invalid"),
        ({"audience": "martians"}, "audience_invalid"),
        ({"languages": ["xx"]}, "language_unknown"),
        ({"languages": [3]}, "language_unknown"),
        ({"description": "ا" * 4001}, "description_too_long"),
        ({"accessibility_notes": "🦽" * 1001}, "accessibility_notes_too_long"),
        ({"space": "elsewhere"}, "space_not_in_office"),
    ]


@pytest.mark.parametrize(("fields", "code"), _bad_inputs(None))
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
    assert caught.value.code == code
    assert str(caught.value.message)  # a sentence for people, translated
    assert_nothing_written()


def test_error_messages_are_marked_for_translation(frozen, office, host):
    """The message is lazy: it is written in whatever language the page or API answers in."""
    from django.utils.functional import Promise

    with pytest.raises(DomainError) as caught:
        create(office, host, title="")
    assert isinstance(caught.value.message, Promise)
    assert caught.value.as_dict() == {"code": "title_missing", "message": "Give the event a title."}


def test_a_closed_office_holds_no_events(frozen, office, host):
    office.status = "closed"
    office.save()
    with pytest.raises(DomainError) as caught:
        create(office, host)
    assert caught.value.code == "office_not_open"


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
    assert caught.value.code == "reason_missing"
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


def test_the_proposer_may_edit_their_proposal_but_nobody_else(frozen, office, member, other_member):
    event = propose(office, member)
    assert event_update(event=event, actor=member, title="Syjunta och fika").title == (
        "Syjunta och fika"
    )
    with pytest.raises(DomainError) as caught:
        event_update(event=event, actor=other_member, title="Mitt nu")
    assert caught.value.code == "event_not_found"


# -- updates -------------------------------------------------------------------------


def test_a_new_time_moves_the_booking_and_raises_the_sequence(frozen, event, host):
    booking_id, sequence = event.booking_id, event.sequence
    moved = event_update(event=event, actor=host, starts_at=at(2, 17), ends_at=at(2, 19))
    booking = Booking.objects.get(pk=booking_id)
    assert moved.booking_id == booking_id
    assert (booking.starts_at, booking.ends_at) == (at(2, 17), at(2, 19))
    assert booking.checkin_deadline is None
    assert moved.sequence == sequence + 1
    # Nobody had registered: it is simply scheduled at the new time.
    assert moved.status == EventStatus.SCHEDULED


def test_moving_an_event_people_registered_for_marks_it_moved_and_tells_them(
    frozen, event, host, member, notices, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, member=member)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moved = event_update(
            event=event, actor=host, starts_at=at(2, 17), ends_at=at(2, 19), note="En dag senare."
        )
    assert moved.status == EventStatus.MOVED
    assert moved.status_note == "En dag senare."
    assert [message.to for message in mail.outbox] == [["amina@example.org"]]
    assert "En dag senare." in mail.outbox[0].body


def test_a_move_onto_a_taken_time_is_refused_and_nothing_changes(
    frozen, event, host, other_member, room
):
    booking_create(space=room, member=other_member, starts_at=at(2, 17), ends_at=at(2, 18))
    with pytest.raises(DomainError) as caught:
        event_update(event=event, actor=host, starts_at=at(2, 17), ends_at=at(2, 19))
    assert caught.value.code == "slot_taken"
    event.refresh_from_db()
    assert (event.starts_at, event.ends_at) == (at(1, 17), at(1, 19))
    assert event.booking.starts_at == at(1, 17)
    assert event.booking.status == BookingStatus.CONFIRMED


def test_another_room_is_a_new_booking_and_the_old_is_released(frozen, event, host, hall):
    old = event.booking
    moved = event_update(event=event, actor=host, space=hall)
    old.refresh_from_db()
    assert old.status == BookingStatus.CANCELLED
    assert moved.booking.space == hall and moved.booking.status == BookingStatus.CONFIRMED


def test_leaving_the_room_releases_it(frozen, event, host):
    old = event.booking
    moved = event_update(event=event, actor=host, space=None)
    old.refresh_from_db()
    assert old.status == BookingStatus.CANCELLED
    assert moved.booking is None and moved.space is None


def test_seats_cannot_drop_below_those_already_taken(frozen, event, host):
    for guest in make_members(3):
        registration_create(event=event, member=guest)
    with pytest.raises(DomainError) as caught:
        event_update(event=event, actor=host, capacity=2)
    assert caught.value.code == "capacity_below_registered"
    event.refresh_from_db()
    assert event.capacity == 6


def test_more_seats_go_to_the_first_in_line(frozen, event, host, hall):
    guests = make_members(8)
    for guest in guests:
        registration_create(event=event, member=guest)
    event_update(event=event, actor=host, space=hall, capacity=7)
    statuses = [r.status for r in event.registrations.order_by("queued_at", "id")]
    assert statuses == [RegistrationStatus.REGISTERED] * 7 + [RegistrationStatus.WAITING]


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"colour": "red"}, "field_unknown"),
        ({"title": ""}, "title_missing"),
        ({"starts_at": at(-1, 10), "ends_at": at(-1, 12)}, "event_in_past"),
        ({"capacity": 50}, "capacity_over_room"),
        ({"note": "x" * 301}, "status_note_too_long"),
    ],
)
def test_bad_updates_are_refused_and_change_nothing(frozen, event, host, fields, code):
    with pytest.raises(DomainError) as caught:
        event_update(event=event, actor=host, **fields)
    assert caught.value.code == code
    fresh = Event.objects.get(pk=event.pk)
    assert (fresh.title, fresh.capacity, fresh.sequence) == ("Språkcafé", 6, event.sequence)


def test_a_host_of_another_office_cannot_update(frozen, event, other_host):
    with pytest.raises(DomainError) as caught:
        event_update(event=event, actor=other_host, title="Kapat")
    assert caught.value.code == "event_not_found"


# -- status -------------------------------------------------------------------------


def test_cancelling_releases_the_room_and_tells_everyone_registered(
    frozen, event, host, member, other_member, room, notices, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, member=member)
        registration_create(event=event, member=other_member)
    mail.outbox.clear()
    booking = event.booking
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = event_set_status(
            event=event, actor=host, status=EventStatus.CANCELLED, note="Värden är sjuk."
        )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert cancelled.booking is None
    assert cancelled.status == EventStatus.CANCELLED
    assert cancelled.sequence == event.sequence + 1
    assert sorted(m.to[0] for m in mail.outbox) == ["amina@example.org", "johan@example.org"]
    # The room is free again for anyone.
    assert booking_create(space=room, member=member, starts_at=at(1, 17), ends_at=at(1, 18))


def test_postponing_needs_a_note_and_frees_the_room(frozen, event, host):
    with pytest.raises(DomainError) as caught:
        event_set_status(event=event, actor=host, status=EventStatus.POSTPONED)
    assert caught.value.code == "note_missing"
    postponed = event_set_status(
        event=event, actor=host, status=EventStatus.POSTPONED, note="Nytt datum kommer."
    )
    assert postponed.status == EventStatus.POSTPONED
    assert postponed.booking is None


def test_a_postponed_event_scheduled_again_books_its_room_again(frozen, event, host, room):
    event_set_status(event=event, actor=host, status=EventStatus.POSTPONED, note="Kanske.")
    again = event_set_status(event=event, actor=host, status=EventStatus.SCHEDULED)
    assert again.booking is not None and again.booking.space == room
    assert again.booking.status == BookingStatus.CONFIRMED


def test_a_postponed_event_given_a_new_time_is_moved(frozen, event, host):
    event_set_status(event=event, actor=host, status=EventStatus.POSTPONED, note="Snart.")
    moved = event_update(event=event, actor=host, starts_at=at(7, 17), ends_at=at(7, 19))
    assert moved.status == EventStatus.MOVED
    assert moved.booking.starts_at == at(7, 17)


def test_cancelled_is_final(frozen, event, host):
    event_set_status(event=event, actor=host, status=EventStatus.CANCELLED)
    for attempt in (
        lambda: event_set_status(event=event, actor=host, status=EventStatus.SCHEDULED),
        lambda: event_update(event=event, actor=host, title="Ändå"),
    ):
        with pytest.raises(DomainError) as caught:
            attempt()
        assert caught.value.code == "event_cancelled"


@pytest.mark.parametrize(
    ("status", "code"), [("finished", "status_invalid"), ("", "status_invalid")]
)
def test_unknown_statuses_are_refused(frozen, event, host, status, code):
    with pytest.raises(DomainError) as caught:
        event_set_status(event=event, actor=host, status=status)
    assert caught.value.code == code


def test_members_cannot_change_the_status(frozen, event, member):
    with pytest.raises(DomainError) as caught:
        event_set_status(event=event, actor=member, status=EventStatus.CANCELLED)
    assert caught.value.code == "event_not_found"
    event.refresh_from_db()
    assert event.status == EventStatus.SCHEDULED


def test_a_past_event_keeps_its_status(frozen, event, host):
    frozen.move_to(event.ends_at + timedelta(minutes=1))
    with pytest.raises(DomainError) as caught:
        event_set_status(event=event, actor=host, status=EventStatus.CANCELLED)
    assert caught.value.code == "event_over"
