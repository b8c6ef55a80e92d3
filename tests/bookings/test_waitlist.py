"""Waitlists: join a taken slot, get offered freed time first, hold, accept, lapse, withdraw.

E-mails are sent by ``notifications`` (being written elsewhere) and are not
asserted here.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings

from publicoffice.bookings.models import Booking, BookingStatus, WaitlistEntry, WaitlistStatus
from publicoffice.bookings.services import booking_cancel, booking_create
from publicoffice.bookings.waitlist import (
    waitlist_accept,
    waitlist_expire_offers,
    waitlist_join,
    waitlist_withdraw,
)
from publicoffice.core.errors import DomainError
from tests.bookings.conftest import NOW, at
from tests.factories import UserFactory


@pytest.fixture
def third_member(db):
    return UserFactory(email="sahra@example.org", display_name="Sahra")


@pytest.fixture
def taken(frozen, room, member) -> Booking:
    """The room is taken tomorrow 10–11 by ``member``."""
    return booking_create(space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11))


def join(room: Any, who: Any, start: Any = None, end: Any = None) -> WaitlistEntry:
    return waitlist_join(
        space=room, member=who, starts_at=start or at(1, 10), ends_at=end or at(1, 11)
    )


def status(entry: WaitlistEntry) -> str:
    entry.refresh_from_db()
    return entry.status


def test_a_free_slot_cannot_be_waited_for(frozen, room, member):
    with pytest.raises(DomainError) as caught:
        join(room, member)
    assert caught.value.code == "slot_free"
    assert not WaitlistEntry.objects.exists()


def test_a_slot_that_cannot_be_booked_for_another_reason_cannot_be_waited_for(
    frozen, room, member, other_member
):
    booking_create(space=room, member=member, starts_at=at(1, 19), ends_at=at(1, 20))
    with pytest.raises(DomainError) as caught:
        join(room, other_member, at(1, 19), at(1, 21))
    assert caught.value.code == "outside_opening_hours"
    assert not WaitlistEntry.objects.exists()


def test_join_a_taken_slot_and_joining_again_is_the_same_place(taken, room, other_member):
    entry = join(room, other_member)
    assert entry.status == WaitlistStatus.WAITING
    again = join(room, other_member)
    assert again.pk == entry.pk
    assert WaitlistEntry.objects.count() == 1


def test_cancellation_offers_the_time_to_the_first_in_line(
    taken, room, member, other_member, third_member
):
    first = join(room, other_member)
    second = join(room, third_member)
    booking_cancel(booking=taken, actor=member)
    first.refresh_from_db()
    assert first.status == WaitlistStatus.OFFERED
    hold = timedelta(minutes=settings.BOOKINGS_WAITLIST_HOLD_MINUTES)
    assert first.offered_until == min(NOW + hold, at(1, 10))
    assert status(second) == WaitlistStatus.WAITING


def test_the_hold_never_runs_past_the_start(frozen, room, member, other_member):
    soon = booking_create(space=room, member=member, starts_at=at(0, 8, 30), ends_at=at(0, 9))
    entry = join(room, other_member, at(0, 8, 30), at(0, 9))
    booking_cancel(booking=soon, actor=member)
    entry.refresh_from_db()
    assert entry.status == WaitlistStatus.OFFERED
    assert entry.offered_until == at(0, 8, 30)


def test_during_the_hold_others_are_told_it_is_on_hold(
    taken, room, member, other_member, third_member
):
    join(room, other_member)
    booking_cancel(booking=taken, actor=member)
    with pytest.raises(DomainError) as caught:
        booking_create(space=room, member=third_member, starts_at=at(1, 10), ends_at=at(1, 11))
    assert (caught.value.code, caught.value.status) == ("slot_on_hold", 409)
    # Others may wait behind the offer.
    assert join(room, third_member).status == WaitlistStatus.WAITING


def test_the_offered_member_accepts(taken, room, member, other_member):
    entry = join(room, other_member)
    booking_cancel(booking=taken, actor=member)
    booking = waitlist_accept(entry=entry, member=other_member)
    assert booking.member == other_member
    assert booking.status == BookingStatus.CONFIRMED
    assert (booking.starts_at, booking.ends_at) == (at(1, 10), at(1, 11))
    entry.refresh_from_db()
    assert entry.status == WaitlistStatus.BOOKED
    assert entry.booking == booking


def test_only_the_offered_member_accepts(taken, room, member, other_member, third_member):
    entry = join(room, other_member)
    booking_cancel(booking=taken, actor=member)
    with pytest.raises(DomainError) as caught:
        waitlist_accept(entry=entry, member=third_member)
    assert (caught.value.code, caught.value.status) == ("waitlist_not_found", 404)
    assert status(entry) == WaitlistStatus.OFFERED
    assert not Booking.objects.filter(member=third_member).exists()


def test_a_waiting_entry_cannot_be_accepted(taken, room, other_member):
    entry = join(room, other_member)
    with pytest.raises(DomainError) as caught:
        waitlist_accept(entry=entry, member=other_member)
    assert caught.value.code == "offer_expired"
    assert status(entry) == WaitlistStatus.WAITING
    assert not Booking.objects.filter(member=other_member).exists()


def test_a_lapsed_offer_passes_to_the_next_in_line(
    taken, frozen, room, member, other_member, third_member
):
    first = join(room, other_member)
    second = join(room, third_member)
    booking_cancel(booking=taken, actor=member)
    first.refresh_from_db()
    frozen.move_to(first.offered_until)

    with pytest.raises(DomainError) as caught:
        waitlist_accept(entry=first, member=other_member)
    assert caught.value.code == "offer_expired"

    assert waitlist_expire_offers() == 1
    assert status(first) == WaitlistStatus.EXPIRED
    second.refresh_from_db()
    assert second.status == WaitlistStatus.OFFERED
    assert second.offered_until == at(0, 12)  # two hours from the lapse at 10:00 today
    assert waitlist_expire_offers() == 0
    assert waitlist_accept(entry=second, member=third_member).member == third_member


def test_a_lapsed_offer_frees_the_slot_for_anyone_at_once(
    taken, frozen, room, member, other_member, third_member
):
    first = join(room, other_member)
    booking_cancel(booking=taken, actor=member)
    first.refresh_from_db()
    frozen.move_to(first.offered_until)
    # No job has run: the hold simply ended.
    booking = booking_create(
        space=room, member=third_member, starts_at=at(1, 10), ends_at=at(1, 11)
    )
    assert booking.status == BookingStatus.CONFIRMED


def test_withdrawing_an_open_offer_passes_it_on(taken, room, member, other_member, third_member):
    first = join(room, other_member)
    second = join(room, third_member)
    booking_cancel(booking=taken, actor=member)
    waitlist_withdraw(entry=first, member=other_member)
    assert status(first) == WaitlistStatus.WITHDRAWN
    assert status(second) == WaitlistStatus.OFFERED


def test_withdrawing_while_waiting_offers_nothing(taken, room, other_member, third_member):
    first = join(room, other_member)
    second = join(room, third_member)
    waitlist_withdraw(entry=first, member=other_member)
    assert status(first) == WaitlistStatus.WITHDRAWN
    assert status(second) == WaitlistStatus.WAITING


def test_only_the_member_withdraws(taken, room, other_member, third_member):
    entry = join(room, other_member)
    with pytest.raises(DomainError) as caught:
        waitlist_withdraw(entry=entry, member=third_member)
    assert caught.value.code == "waitlist_not_found"
    assert status(entry) == WaitlistStatus.WAITING


def test_freed_time_goes_only_to_a_wish_that_is_now_wholly_free(
    frozen, room, member, other_member, third_member
):
    ten = booking_create(space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11))
    booking_create(space=room, member=other_member, starts_at=at(1, 11), ends_at=at(1, 12))
    wants_two_hours = join(room, third_member, at(1, 10), at(1, 12))
    wants_ten = join(room, UserFactory(), at(1, 10), at(1, 11))
    booking_cancel(booking=ten, actor=member)
    assert status(wants_two_hours) == WaitlistStatus.WAITING  # 11–12 is still taken
    assert status(wants_ten) == WaitlistStatus.OFFERED


def test_a_no_show_offers_the_time_to_the_waitlist(taken, frozen, room, other_member):
    entry = join(room, other_member, at(1, 10, 30), at(1, 11))
    frozen.move_to(at(1, 10, 15))  # nobody checked in to the 10:00 booking
    from publicoffice.bookings.services import release_no_shows

    assert release_no_shows() == 1
    entry.refresh_from_db()
    assert entry.status == WaitlistStatus.OFFERED
    assert entry.offered_until == at(1, 10, 30)


def test_nobody_waits_for_a_time_they_hold_themselves(taken, room, member):
    with pytest.raises(DomainError) as refused:
        join(room, member)
    assert refused.value.code == "already_booked"
    assert not WaitlistEntry.objects.exists()
