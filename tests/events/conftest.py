"""Fixtures for events: the bookings office and people, plus an event in its room.

Time is frozen on Wednesday 25 November 2026 at 08:00 in Stockholm (see
``tests/bookings/conftest.py``); the office is open Monday–Friday
08:00–20:00 and has a meeting room for six and a hall for eighty.
"""

from __future__ import annotations

import pytest

from publicoffice.accounts.models import Role
from publicoffice.events.models import Event
from publicoffice.events.services import event_create
from publicoffice.staff.services import role_assign
from tests.bookings import conftest as bookings_fixtures
from tests.bookings.conftest import NOW, STOCKHOLM, at
from tests.factories import LanguageFactory, OfficeFactory, UserFactory, WeeklyHoursFactory

__all__ = ["NOW", "STOCKHOLM", "at", "make_members"]

# The office, its rooms and people of the bookings tests, shared rather than copied.
frozen = bookings_fixtures.frozen
office = bookings_fixtures.office
room = bookings_fixtures.room
desk = bookings_fixtures.desk
hall = bookings_fixtures.hall
member = bookings_fixtures.member
other_member = bookings_fixtures.other_member
host = bookings_fixtures.host
plain_host = bookings_fixtures.plain_host


@pytest.fixture
def arabic(db):
    return LanguageFactory(code="ar", endonym="العربية", name="Arabiska")


@pytest.fixture
def swedish(db):
    return LanguageFactory(code="sv", endonym="svenska", name="Svenska")


@pytest.fixture
def other_office(db):
    """A second office with its own host, who has no rights in ``office``."""
    from datetime import time

    other = OfficeFactory(slug="alby", name="Alby kontor", capacity=20)
    for weekday in range(5):
        WeeklyHoursFactory(office=other, weekday=weekday, opens=time(9), closes=time(17))
    return other


@pytest.fixture
def other_host(other_office):
    user = UserFactory(email="alby-host@example.org", display_name="Albyvärd")
    role_assign(user=user, role=Role.HOST, office=other_office)
    return user


@pytest.fixture
def event(frozen, office, room, host, arabic) -> Event:
    """Tomorrow (Thursday) 17:00–19:00 in the meeting room, six seats, in Arabic."""
    return event_create(
        office=office,
        actor=host,
        title="Språkcafé",
        description="Vi pratar svenska och arabiska över en kopp te.",
        starts_at=at(1, 17),
        ends_at=at(1, 19),
        space=room,
        capacity=6,
        languages=[arabic],
        audience="everyone",
        accessibility_notes="Hörslinga finns.",
    )


@pytest.fixture
def open_event(frozen, office, host) -> Event:
    """Friday 10:00–12:00 without a room and without a seat limit."""
    return event_create(
        office=office,
        actor=host,
        title="Öppet hus",
        starts_at=at(2, 10),
        ends_at=at(2, 12),
    )


IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def notices(settings):
    """Tasks run at once and e-mail lands in ``mail.outbox``; a failing task fails the test."""
    from django_tasks.signals import task_finished

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = IMMEDIATE_TASKS
    settings.PUBLIC_BASE_URL = "https://kontor.example"
    settings.DEFAULT_FROM_EMAIL = "Public Office <noreply@kontor.example>"
    failed: list[str] = []

    def remember(sender, task_result, **kwargs):
        if task_result.errors:
            failed.append(task_result.errors[-1].traceback)

    task_finished.connect(remember)
    yield
    task_finished.disconnect(remember)
    assert not failed, failed[0]


def make_members(count: int, prefix: str = "guest") -> list:
    return [
        UserFactory(email=f"{prefix}{i}@example.org", display_name=f"{prefix} {i}")
        for i in range(count)
    ]
