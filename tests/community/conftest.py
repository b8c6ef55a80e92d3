"""Fixtures for the meeting place: members, offices, languages and the vocabulary.

The curated vocabulary is installed by the data migration, so every test
database has it; ``tags`` only looks the words up. Time is frozen on
Wednesday 25 November 2026 at 10:00 in Stockholm when a test asks for
``frozen``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from publicoffice.community.models import Profile, Tag
from publicoffice.community.services.profiles import profile_create
from publicoffice.places.models import Language
from tests.factories import LanguageFactory, OfficeFactory, UserFactory, WeeklyHoursFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")
#: Wednesday 25 November 2026, 10:00 in Stockholm: offices are open.
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=STOCKHOLM)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _open_office(**kwargs: Any) -> Any:
    office = OfficeFactory(**kwargs)
    for weekday in range(5):
        WeeklyHoursFactory(office=office, weekday=weekday, opens=time(8), closes=time(20))
    return office


@pytest.fixture
def office(db):
    """Ronna kontor, open Monday–Friday 08–20."""
    return _open_office(slug="ronna", name="Ronna kontor", name_en="Ronna office")


@pytest.fixture
def other_office(db):
    """Hovsjö kontor, another office of the network."""
    return _open_office(slug="hovsjo", name="Hovsjö kontor", name_en="Hovsjö office")


@pytest.fixture
def member(db):
    return UserFactory(email="amina@example.org", display_name="Amina")


@pytest.fixture
def other_member(db):
    return UserFactory(email="johan@example.org", display_name="Johan")


@pytest.fixture
def third_member(db):
    return UserFactory(email="samira@example.org", display_name="Samira")


@pytest.fixture
def languages(db) -> dict[str, Language]:
    """Swedish, Arabic and Somali, as staff and members may speak them."""
    return {
        "sv": LanguageFactory(code="sv", endonym="svenska", name="svenska"),
        "ar": LanguageFactory(code="ar", endonym="العربية", name="arabiska"),
        "so": LanguageFactory(code="so", endonym="Soomaali", name="somaliska"),
    }


@pytest.fixture
def tags(db) -> dict[str, Tag]:
    """The curated vocabulary by code (``tags["bookkeeping"]``)."""
    return {tag.slug: tag for tag in Tag.objects.curated()}


@pytest.fixture
def make_profile(db) -> Callable[..., Profile]:
    """Create a profile through the service: ``make_profile(owner, "Name", offers=[...])``."""

    def make(
        owner: Any,
        name: str,
        *,
        kind: str = "person",
        visibility: str = "members",
        **fields: Any,
    ) -> Profile:
        return profile_create(owner=owner, kind=kind, name=name, visibility=visibility, **fields)

    return make
