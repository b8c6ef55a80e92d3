"""Many clients booking one room at the same moment: exactly one wins, never two.

Runs on the real database of the run (SQLite by default, PostgreSQL with
``DATABASE_URL``): each thread has its own connection and transaction, as
each web worker would.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction

from publicoffice.bookings.models import HOLDING_STATUSES, Booking, BookingStatus
from publicoffice.bookings.services import booking_create
from publicoffice.core.errors import DomainError
from tests.bookings.conftest import at
from tests.concurrency import run_together
from tests.factories import UserFactory

CLIENTS = 50


def overlapping_pairs(bookings: list[Booking]) -> list[tuple[int, int]]:
    """Pairs of bookings whose held ranges ``[starts_at, blocked_until)`` overlap."""
    return [
        (a.pk, b.pk)
        for i, a in enumerate(bookings)
        for b in bookings[i + 1 :]
        if a.starts_at < b.blocked_until and b.starts_at < a.blocked_until
    ]


def test_fifty_clients_race_for_one_room_and_exactly_one_wins(transactional_db, frozen, room):
    members = [UserFactory(email=f"racer{i}@example.org") for i in range(CLIENTS)]
    # 10:00–11:30, 10:30–12:00 and 11:00–12:30: every range holds 11:00–11:30.
    starts = [at(1, 10) + (i % 3) * timedelta(minutes=30) for i in range(CLIENTS)]

    def attempt(index: int) -> Booking:
        return booking_create(
            space=room,
            member=members[index],
            starts_at=starts[index],
            ends_at=starts[index] + timedelta(minutes=90),
        )

    results = run_together(CLIENTS, attempt)

    winners = [r for r in results if isinstance(r, Booking)]
    losers = [r for r in results if isinstance(r, DomainError)]
    unexpected = [r for r in results if not isinstance(r, Booking | DomainError)]
    # "database is locked" on SQLite or a deadlock on PostgreSQL would show here.
    assert unexpected == []
    assert len(winners) == 1
    assert len(losers) == CLIENTS - 1
    assert {error.code for error in losers} == {"slot_taken"}
    assert {error.status for error in losers} == {409}

    rows = list(Booking.objects.filter(space=room))
    assert len(rows) == 1
    assert rows[0].pk == winners[0].pk
    holding = [b for b in rows if b.status in HOLDING_STATUSES]
    assert overlapping_pairs(holding) == []


def test_many_clients_booking_adjacent_slots_all_win(transactional_db, frozen, room):
    """Half-open ranges: back-to-back bookings do not clash, even all at once."""
    members = [UserFactory(email=f"neighbour{i}@example.org") for i in range(12)]

    def attempt(index: int) -> Booking:
        start = at(1, 8) + index * timedelta(hours=1)
        return booking_create(
            space=room, member=members[index], starts_at=start, ends_at=start + timedelta(hours=1)
        )

    results = run_together(12, attempt)
    assert all(isinstance(r, Booking) for r in results), results
    rows = list(Booking.objects.filter(space=room, status__in=HOLDING_STATUSES))
    assert len(rows) == 12
    assert overlapping_pairs(rows) == []


def test_the_database_itself_refuses_overlaps_on_postgresql_only(db, frozen, room, member):
    """On PostgreSQL the exclusion constraint is the last line; SQLite has none.

    The rows are written directly, bypassing the service and its checks.
    """

    def row(starts_at: Any, ends_at: Any, status: str = BookingStatus.CONFIRMED) -> Booking:
        return Booking(
            space=room,
            office=room.office,
            member=member,
            starts_at=starts_at,
            ends_at=ends_at,
            blocked_until=ends_at,
            status=status,
        )

    row(at(1, 10), at(1, 11)).save()
    # Half-open: the next hour and a cancelled booking over the same time are fine anywhere.
    row(at(1, 11), at(1, 12)).save()
    row(at(1, 10), at(1, 11), BookingStatus.CANCELLED).save()

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Booking._meta.db_table)

    overlapping = row(at(1, 10, 30), at(1, 11, 30))
    if connection.vendor == "postgresql":
        assert "booking_no_overlap" in constraints
        with pytest.raises(IntegrityError, match="booking_no_overlap"), transaction.atomic():
            overlapping.save()
        # Changing an existing row into an overlap is refused too.
        moved = row(at(1, 14), at(1, 15))
        moved.save()
        moved.starts_at, moved.ends_at, moved.blocked_until = at(1, 11), at(1, 12), at(1, 12)
        with pytest.raises(IntegrityError), transaction.atomic():
            moved.save()
        assert Booking.objects.filter(space=room, status__in=HOLDING_STATUSES).count() == 3
    else:
        # The migration did not create it: SQLite cannot express it, and the
        # service's write-locked check is the only guard.
        assert connection.vendor == "sqlite"
        assert "booking_no_overlap" not in constraints
        overlapping.save()
        assert Booking.objects.filter(space=room, status__in=HOLDING_STATUSES).count() == 3
