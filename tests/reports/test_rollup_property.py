"""After any history written through the services, the refresh leaves what a rebuild finds.

Random check-ins, check-outs, survey answers, headcounts and their
corrections, bookings, moves and cancellations, waitlist requests (offered
the time when a booking moves or is cancelled), at three offices of two
operators in two municipalities; then :func:`refresh_stale` must leave
exactly the rows (office, operator, municipality and network) that
:func:`rebuild` computes from the facts.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publicoffice.accounts.models import Role
from publicoffice.bookings.services import booking_cancel, booking_change, booking_create
from publicoffice.bookings.waitlist import waitlist_join
from publicoffice.core.errors import DomainError
from publicoffice.places.facts import Family
from publicoffice.reports.models import DayFigure
from publicoffice.reports.rollup import rebuild, refresh_stale
from publicoffice.staff.services import role_assign
from publicoffice.visits import services as visits
from publicoffice.visits.models import Source
from tests.factories import (
    MunicipalityFactory,
    OfficeFactory,
    OperatorFactory,
    SpaceFactory,
    UserFactory,
    WeeklyHoursFactory,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")
#: Wednesday 25 November 2026, 08:00: visits in the days before, bookings after.
NOW = datetime(2026, 11, 25, 8, tzinfo=STOCKHOLM)
FIRST = NOW.date() - timedelta(days=3)
LAST = NOW.date() + timedelta(days=4)
FAMILIES = (Family.VISITS, Family.HOURS, Family.BOOKINGS)


def moment(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(NOW.date() + timedelta(days=day), time(hour, minute), tzinfo=STOCKHOLM)


@pytest.fixture
def world(db):
    north, south = MunicipalityFactory(code="0181"), MunicipalityFactory(code="0180")
    first, second = OperatorFactory(), OperatorFactory()
    offices = [
        OfficeFactory(operator=first, municipality=north, capacity=10),
        OfficeFactory(operator=first, municipality=north, capacity=20),
        OfficeFactory(operator=second, municipality=south, capacity=5),
    ]
    for office in offices:
        for weekday in range(7):
            WeeklyHoursFactory(office=office, weekday=weekday, opens=time(8), closes=time(20))
    host = UserFactory()
    for office in offices:
        role_assign(user=host, role=Role.HOST, office=office)
    return {
        "offices": offices,
        "spaces": [
            SpaceFactory(office=o, kind=k) for o in offices for k in ("desk", "meeting_room")
        ],
        "members": [UserFactory() for _ in range(3)],
        "host": host,
    }


office_i = st.integers(0, 2)
steps = st.one_of(
    st.tuples(st.just("qr"), office_i, st.integers(-3, 0), st.integers(8, 19), st.integers(0, 3)),
    st.tuples(
        st.just("member"), office_i, st.integers(-3, 0), st.integers(8, 19), st.integers(0, 2)
    ),
    st.tuples(st.just("out"), st.integers(0, 20), st.integers(1, 600)),
    st.tuples(
        st.just("survey"),
        st.integers(0, 20),
        st.sampled_from(["", "home", "workplace"]),
        st.sampled_from(["", "walk", "bike"]),
    ),
    st.tuples(
        st.just("count"), office_i, st.integers(-3, 0), st.integers(8, 19), st.integers(1, 9)
    ),
    st.tuples(st.just("correct"), st.integers(0, 20), st.integers(0, 5)),
    st.tuples(
        st.just("book"), st.integers(0, 5), st.integers(1, 4), st.integers(8, 17), st.integers(0, 2)
    ),
    st.tuples(st.just("move"), st.integers(0, 20), st.integers(1, 4), st.integers(8, 17)),
    st.tuples(st.just("cancel"), st.integers(0, 20)),
    st.tuples(st.just("wait"), st.integers(0, 20), st.integers(0, 2)),
)


def pick(items: list[Any], index: int) -> Any:
    return items[index % len(items)] if items else None


def play(world: dict[str, Any], step: tuple[Any, ...], made: dict[str, list[Any]]) -> None:
    """One step through the services; a refusal is part of a random history."""
    kind, *args = step
    offices, host = world["offices"], world["host"]
    if kind in ("qr", "member"):
        office, day, hour, who = args
        extra = (
            {"device_hash": f"device-{who}"}
            if kind == "qr"
            else {"member": world["members"][who % 3]}
        )
        at = moment(day, hour, 7)
        made["visits"].append(
            visits.visit_check_in(office=offices[office], source=Source(kind), at=at, **extra).visit
        )
    elif kind == "out" and (visit := pick(made["visits"], args[0])):
        visits.visit_check_out(visit=visit, at=visit.started_at + timedelta(minutes=args[1]))
    elif kind == "survey" and (visit := pick(made["visits"], args[0])):
        visits.visit_answer_survey(
            visit=visit, would_otherwise=args[1], travel_mode=args[2], at=visit.started_at
        )
    elif kind == "count":
        office, day, hour, people = args
        made["counts"].append(
            visits.headcount_add(
                office=offices[office], people=people, by=host, at=moment(day, hour)
            )
        )
    elif kind == "correct" and (count := pick(made["counts"], args[0])):
        visits.headcount_correct(visit=count, people=args[1], by=host, reason="Omräknat")
    elif kind == "book":
        space, day, hour, who = args
        made["bookings"].append(
            booking_create(
                space=world["spaces"][space],
                member=world["members"][who],
                starts_at=moment(day, hour),
                ends_at=moment(day, hour + 2),
            )
        )
    elif kind == "move" and (booking := pick(made["bookings"], args[0])):
        booking_change(
            booking=booking,
            actor=booking.member,
            starts_at=moment(args[1], args[2]),
            ends_at=moment(args[1], args[2] + 1),
        )
    elif kind == "cancel" and (booking := pick(made["bookings"], args[0])):
        booking_cancel(booking=booking, actor=booking.member)
    elif kind == "wait" and (booking := pick(made["bookings"], args[0])):
        booking.refresh_from_db()
        waitlist_join(
            space=booking.space,
            member=world["members"][args[1]],
            starts_at=booking.starts_at,
            ends_at=booking.ends_at,
        )


def figures() -> set[tuple[str, int, date, str, str, int]]:
    return set(DayFigure.objects.values_list("scope", "scope_id", "day", "metric", "key", "value"))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=st.lists(steps, min_size=4, max_size=15))
def test_the_refresh_leaves_what_a_rebuild_finds(world, history):
    with time_machine.travel(NOW, tick=False), transaction.atomic():
        rebuild(start=FIRST, end=LAST, families=FAMILIES)
        made: dict[str, list[Any]] = {"visits": [], "counts": [], "bookings": []}
        for step in history:
            try:
                with transaction.atomic():
                    play(world, step, made)
            except DomainError:
                pass
        refresh_stale()
        refreshed = figures()
        rebuild(start=FIRST, end=LAST, families=FAMILIES)
        assert refreshed == figures()
        scopes = {row[0] for row in refreshed}
        assert not made["visits"] or {"office", "operator", "municipality", "network"} <= scopes
        transaction.set_rollback(True)
