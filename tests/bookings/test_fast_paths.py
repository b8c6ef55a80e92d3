"""The booking path's shortcuts keep every guard: who loses a pile-up is told at once.

The pre-check before the lock (``attempts.refuse_if_taken``) may only refuse,
with the same ``slot_taken`` the locked check gives; a refused attempt takes
no lock, and a successful one still runs every check under the lock.
"""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from publicoffice.bookings.models import Booking, BookingLogEntry, BookingRule, BookingStatistic
from publicoffice.bookings.services import booking_change, booking_create
from publicoffice.core.errors import DomainError
from tests.bookings.conftest import at
from tests.factories import SpaceFactory


def _refused(**kwargs) -> tuple[DomainError, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        try:
            booking_create(**kwargs)
        except DomainError as error:
            return error, [q["sql"] for q in captured.captured_queries]
    raise AssertionError("the booking was made")


def test_a_pileup_loser_is_refused_before_the_lock(frozen, room, member, other_member):
    booking_create(space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11))
    error, queries = _refused(
        space=room, member=other_member, starts_at=at(1, 10, 30), ends_at=at(1, 11, 30)
    )
    assert (error.code, error.status) == ("slot_taken", 409)
    assert error.details["refusals"] == ["slot_taken"]
    # One indexed look, no lock, no transaction of its own, nothing else loaded.
    assert len(queries) == 1
    assert not any("FOR UPDATE" in sql or "BEGIN" in sql.upper() for sql in queries)
    assert Booking.objects.count() == 1


def test_a_taken_slot_is_told_first_even_when_other_rules_fail(frozen, room, member, other_member):
    """The pre-check refuses only what the locked checks refuse too."""
    booking_create(space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11))
    error, _queries = _refused(
        space=room, member=other_member, starts_at=at(1, 10, 15), ends_at=at(1, 11), attendees=9
    )
    assert error.code == "slot_taken"


def test_a_free_slot_is_still_judged_under_the_lock(frozen, room, member):
    """Passing the pre-check accepts nothing: every check runs after the lock."""
    with CaptureQueriesContext(connection) as captured:
        booking = booking_create(space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11))
    sqls = [q["sql"] for q in captured.captured_queries]
    if connection.vendor == "postgresql":
        locks = [i for i, sql in enumerate(sqls) if "FOR UPDATE" in sql]
        assert len(locks) == 1
        # The insert comes after the lock, and the overlap is read again under it.
        inserts = [i for i, sql in enumerate(sqls) if 'INSERT INTO "bookings_booking"' in sql]
        assert locks[0] < inserts[0]
    assert booking.pk
    assert BookingLogEntry.objects.filter(booking=booking).count() == 1
    assert BookingStatistic.objects.filter(booking=booking).count() == 1


def test_the_buffer_is_still_kept_under_the_lock(frozen, room, member, other_member):
    """The pre-check looks at the range only; the rules' buffer is judged under the lock."""
    BookingRule.objects.create(space=room, buffer_minutes=15)
    booking_create(space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11))
    error, queries = _refused(
        space=room, member=other_member, starts_at=at(1, 11), ends_at=at(1, 12)
    )
    assert error.code == "slot_taken"
    assert len(queries) > 1  # it passed the pre-check and was refused under the lock


def test_one_booking_takes_few_queries(frozen, room, member):
    """What one booking sends (20 on PostgreSQL before issue 18, 16 after its first round)."""
    booking_create(space=room, member=member, starts_at=at(1, 8), ends_at=at(1, 9))
    with CaptureQueriesContext(connection) as captured:
        booking_create(space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11))
    sqls = [q["sql"] for q in captured.captured_queries]
    # The guarded insert needs no savepoint of its own: only the service's block has one
    # (here nested in the test's transaction).
    assert sum(sql.startswith("SAVEPOINT") for sql in sqls) <= 1
    assert len(sqls) <= 14, sqls


def test_a_move_onto_a_taken_time_is_refused_before_the_lock(frozen, room, member, other_member):
    """booking_change looks first too; the booking's own time never counts against it."""
    booking_create(space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11))
    mine = booking_create(space=room, member=other_member, starts_at=at(1, 12), ends_at=at(1, 13))
    with CaptureQueriesContext(connection) as captured:
        try:
            booking_change(
                booking=mine, actor=other_member, starts_at=at(1, 10, 30), ends_at=at(1, 12)
            )
        except DomainError as error:
            assert error.code == "slot_taken"
        else:
            raise AssertionError("the move was made")
    queries = [q["sql"] for q in captured.captured_queries]
    assert not any("FOR UPDATE" in sql for sql in queries)
    assert len(queries) <= 3, queries  # the permission's look-ups, then one EXISTS
    moved = booking_change(
        booking=mine, actor=other_member, starts_at=at(1, 12, 30), ends_at=at(1, 13, 30)
    )
    assert (moved.starts_at, moved.sequence) == (at(1, 12, 30), 1)


def test_one_read_of_bookings_under_the_lock(frozen, room, desk, member):
    """The space's bookings near the range, its missed check-ins and the member's
    bookings for the quota come in one read (three before the second round)."""
    booking_create(space=room, member=member, starts_at=at(1, 8), ends_at=at(1, 9))
    booking_create(space=desk, member=member, starts_at=at(1, 8), ends_at=at(1, 9))
    with CaptureQueriesContext(connection) as captured:
        booking_create(space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11))
    sqls = [q["sql"] for q in captured.captured_queries]
    reads = [s for s in sqls if s.startswith("SELECT") and 'FROM "bookings_booking"' in s]
    assert len(reads) == 2, reads  # the pre-check's EXISTS, then the one read under the lock


def test_the_one_read_still_counts_the_quota_and_records_no_shows(
    frozen, office, room, member, other_member
):
    """The quota counts the member's bookings in other rooms; a missed check-in
    anywhere on the space is recorded, even far from the asked time."""
    BookingRule.objects.create(max_active_bookings=1)
    second_room = SpaceFactory(office=office, kind="meeting_room", capacity=4, is_bookable=True)
    booking_create(space=second_room, member=member, starts_at=at(1, 8), ends_at=at(1, 9))
    error, _queries = _refused(space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11))
    assert error.code == "quota_active_bookings"

    missed = booking_create(space=room, member=other_member, starts_at=at(0, 10), ends_at=at(0, 11))
    frozen.move_to(at(0, 10, 15))  # its check-in deadline passes
    booking_create(space=room, member=other_member, starts_at=at(0, 14), ends_at=at(0, 15))
    missed.refresh_from_db()
    assert missed.status == "no_show"
    assert BookingStatistic.objects.get(booking=missed).outcome == "no_show"
