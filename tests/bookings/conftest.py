"""Fixtures for bookings: an office open on weekdays, a meeting room, a desk, people.

Time is frozen on Wednesday 25 November 2026 at 08:00 in Stockholm (no
holiday), so "tomorrow 10:00" and the week are always the same.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from publicoffice.accounts.models import NamedPermission, Role
from publicoffice.staff.services import role_assign
from tests.factories import OfficeFactory, SpaceFactory, UserFactory, WeeklyHoursFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")
#: Wednesday 25 November 2026, 08:00 in Stockholm.
NOW = datetime(2026, 11, 25, 8, 0, tzinfo=STOCKHOLM)


def at(day_offset: int, hour: int, minute: int = 0) -> datetime:
    """A wall-clock moment ``day_offset`` days after :data:`NOW`'s day."""
    day = NOW.date() + timedelta(days=day_offset)
    return datetime.combine(day, time(hour, minute), tzinfo=STOCKHOLM)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def office(db):
    """Open Monday–Friday 08:00–20:00."""
    office = OfficeFactory(slug="ronna", name="Ronna kontor", capacity=30)
    for weekday in range(5):
        WeeklyHoursFactory(office=office, weekday=weekday, opens=time(8), closes=time(20))
    return office


@pytest.fixture
def room(office):
    return SpaceFactory(
        office=office, name="Mötesrum Ek", kind="meeting_room", capacity=6, is_bookable=True
    )


@pytest.fixture
def desk(office):
    return SpaceFactory(
        office=office, name="Skrivbord 1", kind="desk", capacity=1, is_bookable=True
    )


@pytest.fixture
def hall(office):
    return SpaceFactory(office=office, name="Salen", kind="hall", capacity=80, is_bookable=True)


@pytest.fixture
def member(db):
    return UserFactory(email="amina@example.org", display_name="Amina")


@pytest.fixture
def other_member(db):
    return UserFactory(email="johan@example.org", display_name="Johan")


@pytest.fixture
def host(office):
    user = UserFactory(email="host@example.org", display_name="Värd")
    role_assign(
        user=user,
        role=Role.HOST,
        office=office,
        permissions=[
            NamedPermission.BOOK_ON_BEHALF,
            NamedPermission.OVERRIDE_BOOKING_RULES,
            NamedPermission.BOOK_OUTSIDE_OPENING_HOURS,
        ],
    )
    return user


@pytest.fixture
def plain_host(office):
    """A host without any named permission."""
    user = UserFactory(email="plain-host@example.org")
    role_assign(user=user, role=Role.HOST, office=office)
    return user
