"""Fixtures for visits: an office open on a fixed Wednesday, and a host."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

from publicoffice.accounts.models import Role
from publicoffice.staff.services import role_assign
from tests.factories import OfficeFactory, UserFactory, WeeklyHoursFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")
#: Wednesday 25 November 2026, 10:00 in Stockholm: not a holiday.
MORNING = datetime(2026, 11, 25, 10, 0, tzinfo=STOCKHOLM)


@pytest.fixture
def office(db):
    """Open Monday–Friday 09:00–17:00, capacity 10."""
    office = OfficeFactory(slug="ronna", name="Ronna kontor", capacity=10)
    for weekday in range(5):
        WeeklyHoursFactory(office=office, weekday=weekday, opens=time(9), closes=time(17))
    return office


@pytest.fixture
def host(office):
    user = UserFactory(email="host@example.org")
    role_assign(user=user, role=Role.HOST, office=office)
    return user


@pytest.fixture
def morning():
    with time_machine.travel(MORNING, tick=False) as traveller:
        yield traveller
