"""Event services: updates (time, room, seats) and status changes, and who is told."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail

from publicoffice.bookings.models import Booking, BookingStatus
from publicoffice.bookings.services import booking_create
from publicoffice.core.errors import DomainError
from publicoffice.events.models import Event, EventStatus, RegistrationStatus
from publicoffice.events.services import (
    event_set_status,
    event_update,
    registration_create,
)
from tests.events.conftest import at, make_members
from tests.events.refusals import assert_refusal

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
        ({"title": ""}, ("text_missing", "title")),
        ({"starts_at": at(-1, 10), "ends_at": at(-1, 12)}, "in_past"),
        ({"capacity": 50}, "capacity_over_room"),
        ({"note": "x" * 301}, ("text_too_long", "note", 300)),
    ],
)
def test_bad_updates_are_refused_and_change_nothing(frozen, event, host, fields, code):
    with pytest.raises(DomainError) as caught:
        event_update(event=event, actor=host, **fields)
    assert_refusal(caught.value, code)
    fresh = Event.objects.get(pk=event.pk)
    assert (fresh.title, fresh.capacity, fresh.sequence) == ("Språkcafé", 6, event.sequence)


def test_a_host_of_another_office_cannot_update(frozen, event, other_host):
    with pytest.raises(DomainError) as caught:
        event_update(event=event, actor=other_host, title="Kapat")
    assert caught.value.code == "event_not_found"
    event.refresh_from_db()
    assert (event.title, event.sequence) == ("Språkcafé", 0)


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
    assert (caught.value.code, caught.value.details["field"]) == ("text_missing", "note")
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
    event.refresh_from_db()
    assert (event.status, event.title) == (EventStatus.CANCELLED, "Språkcafé")


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
    event.refresh_from_db()
    assert event.status == EventStatus.SCHEDULED
