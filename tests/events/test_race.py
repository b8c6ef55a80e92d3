"""Fifty members register for the last ten seats at the same moment.

Runs on the real database of the run (SQLite by default, PostgreSQL with
``DATABASE_URL``): each thread has its own connection and transaction, as
each web worker would. The event row is locked before counting, so exactly
ten get a seat and forty queue, in a line with no gaps or ties.
"""

from __future__ import annotations

from publicoffice.core.errors import DomainError
from publicoffice.events.models import Registration, RegistrationStatistic, RegistrationStatus
from publicoffice.events.selectors import place_in_line
from publicoffice.events.services import event_create, registration_cancel, registration_create
from tests.concurrency import run_together
from tests.events.conftest import at, make_members

CLIENTS = 50
SEATS = 10


def test_fifty_registrations_for_ten_seats_give_ten_seats_and_forty_waiting(
    transactional_db, frozen, office, hall, host
):
    event = event_create(
        office=office,
        actor=host,
        title="Informationskväll",
        starts_at=at(1, 17),
        ends_at=at(1, 19),
        space=hall,
        capacity=SEATS,
    )
    members = make_members(CLIENTS, "racer")

    results = run_together(
        CLIENTS, lambda index: registration_create(event=event, member=members[index])
    )

    unexpected = [r for r in results if not isinstance(r, Registration)]
    # "database is locked" on SQLite or a deadlock on PostgreSQL would show here.
    assert unexpected == []
    rows = list(Registration.objects.filter(event=event))
    assert len(rows) == CLIENTS
    registered = [r for r in rows if r.status == RegistrationStatus.REGISTERED]
    waiting = [r for r in rows if r.status == RegistrationStatus.WAITING]
    assert (len(registered), len(waiting)) == (SEATS, CLIENTS - SEATS)
    assert sorted(place_in_line(r) for r in waiting) == list(range(1, CLIENTS - SEATS + 1))
    assert RegistrationStatistic.objects.filter(event=event, got_seat=True).count() == SEATS


def test_the_same_member_pressing_register_many_times_at_once_registers_once(
    transactional_db, frozen, event, member
):
    results = run_together(10, lambda _index: registration_create(event=event, member=member))
    assert len([r for r in results if isinstance(r, Registration)]) == 1
    errors = [r for r in results if isinstance(r, DomainError)]
    assert {e.code for e in errors} == {"already_registered"}
    assert len(errors) == 9
    assert Registration.objects.filter(member=member).count() == 1


def test_seats_freed_at_once_each_go_to_a_different_member_in_line(transactional_db, frozen, event):
    seated = [registration_create(event=event, member=m) for m in make_members(6, "seated")]
    queue = [registration_create(event=event, member=m) for m in make_members(8, "queue")]

    results = run_together(
        6, lambda index: registration_cancel(registration=seated[index], actor=seated[index].member)
    )

    assert all(isinstance(r, Registration) for r in results), results
    statuses = {r.pk: r.status for r in Registration.objects.filter(pk__in=[q.pk for q in queue])}
    assert [statuses[q.pk] for q in queue] == [RegistrationStatus.REGISTERED] * 6 + [
        RegistrationStatus.WAITING
    ] * 2
