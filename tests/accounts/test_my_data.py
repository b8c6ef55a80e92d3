"""A member's own data: the export, account deletion, and the pages for both.

Two members share an office: Amina (whose data we look at) and Johan (who
must never show up in her export or be touched by her deletion).
"""

from __future__ import annotations

import json
import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from publicoffice.accounts import extensions
from publicoffice.accounts.models import ApiToken, Role, RoleAssignment, User
from publicoffice.accounts.services import (
    account_delete,
    account_export,
    api_token_create,
    role_assign,
)
from publicoffice.bookings.models import Booking, BookingStatistic, CalendarFeed, WaitlistEntry
from publicoffice.bookings.services import booking_create, calendar_feed_renew, waitlist_join
from publicoffice.visits.models import Source, Visit
from publicoffice.visits.services import visit_check_in
from tests.factories import OfficeFactory, SpaceFactory, UserFactory, WeeklyHoursFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")
#: Wednesday 25 November 2026, 09:00 in Stockholm (no holiday).
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=STOCKHOLM)
PASSWORD = "a-good-test-password"
OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+0[12]:00$")


def tomorrow(hour: int) -> datetime:
    return datetime.combine(NOW.date() + timedelta(days=1), time(hour), tzinfo=STOCKHOLM)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def office(db):
    office = OfficeFactory(slug="ronna", name="Ronna kontor", capacity=30)
    for weekday in range(5):
        WeeklyHoursFactory(office=office, weekday=weekday, opens=time(8), closes=time(20))
    return office


@pytest.fixture
def room(office):
    return SpaceFactory(office=office, name="Mötesrum Ek", kind="meeting_room", capacity=6)


@pytest.fixture
def amina(db):
    return UserFactory(email="amina@example.org", display_name="Amina", preferred_language="ar")


@pytest.fixture
def johan(db):
    return UserFactory(email="johan@example.org", display_name="Johan")


@pytest.fixture
def lived_in(frozen, office, room, amina, johan):
    """Both members have visited, booked and waited; Amina has a feed and a key."""
    visit_check_in(office=office, source=Source.MEMBER, member=amina)
    visit_check_in(office=office, source=Source.MEMBER, member=johan)
    booking_create(
        space=room, member=amina, starts_at=tomorrow(10), ends_at=tomorrow(11), purpose="Läxhjälp"
    )
    booking_create(
        space=room,
        member=johan,
        starts_at=tomorrow(14),
        ends_at=tomorrow(15),
        purpose="Johans möte",
    )
    waitlist_join(space=room, member=amina, starts_at=tomorrow(14), ends_at=tomorrow(15))
    calendar_feed_renew(member=amina)
    calendar_feed_renew(member=johan)
    api_token_create(user=amina, name="kalenderskript")
    api_token_create(user=johan, name="johans nyckel")
    role_assign(user=amina, role=Role.HOST, office=office)


# -- the export -----------------------------------------------------------------


def test_export_holds_the_members_own_data_and_nothing_of_another(lived_in, amina, johan):
    data = account_export(user=amina)

    assert data["account"]["email"] == "amina@example.org"
    assert data["account"]["display_name"] == "Amina"
    assert data["account"]["preferred_language"] == "ar"
    assert OFFSET.match(data["account"]["created"])
    assert [r["role"] for r in data["roles"]] == ["host"]
    assert data["roles"][0]["office"] == "Ronna kontor"
    assert [t["name"] for t in data["api_tokens"]] == ["kalenderskript"]

    assert [v["office"] for v in data["visits"]] == ["Ronna kontor"]
    assert data["visits"][0]["arrived"] == NOW.isoformat()
    bookings = data["bookings"]["bookings"]
    assert [b["purpose"] for b in bookings] == ["Läxhjälp"]
    assert bookings[0]["starts"] == "2026-11-26T10:00:00+01:00"
    assert bookings[0]["space"] == "Mötesrum Ek"
    assert [w["starts"] for w in data["bookings"]["waitlist"]] == ["2026-11-26T14:00:00+01:00"]
    assert data["bookings"]["calendar_feed"]["exists"] is True

    text = json.dumps(data, ensure_ascii=False)  # JSON-ready as it is
    assert "johan" not in text.lower()
    assert "Johans möte" not in text


def test_export_never_holds_secrets(lived_in, amina):
    text = json.dumps(account_export(user=amina))
    token_hash = ApiToken.objects.get(user=amina).key_hash
    feed_token = CalendarFeed.objects.get(member=amina).token
    assert token_hash not in text
    assert feed_token not in text
    assert amina.password not in text


def test_export_of_a_new_member_has_empty_sections(frozen, db):
    newcomer = UserFactory(email="ny@example.org")
    data = account_export(user=newcomer)
    assert data["roles"] == [] and data["api_tokens"] == [] and data["visits"] == []
    assert data["bookings"] == {"bookings": [], "waitlist": [], "calendar_feed": None}


def test_export_gathers_every_registered_section(monkeypatch, frozen, amina):
    monkeypatch.setattr(extensions, "_export_sections", dict(extensions._export_sections))
    extensions.register_export_section("profiles", lambda user: [{"owner": user.email}])
    data = account_export(user=amina)
    assert data["profiles"] == [{"owner": "amina@example.org"}]
    assert {"visits", "bookings"} <= data.keys()


def test_a_section_may_not_replace_the_account(monkeypatch, frozen, amina):
    monkeypatch.setattr(extensions, "_export_sections", {"account": lambda user: {}})
    with pytest.raises(ValueError, match="account"):
        account_export(user=amina)


# -- deletion -------------------------------------------------------------------


def test_delete_removes_the_member_and_keeps_figures(lived_in, amina, johan):
    amina_id = amina.pk
    statistics = BookingStatistic.objects.count()
    assert statistics == 2

    account_delete(user=amina)

    assert not User.objects.filter(pk=amina_id).exists()
    assert not Booking.objects.filter(member_id=amina_id).exists()
    assert not WaitlistEntry.objects.filter(member_id=amina_id).exists()
    assert not CalendarFeed.objects.filter(member_id=amina_id).exists()
    assert not ApiToken.objects.filter(user_id=amina_id).exists()
    assert not RoleAssignment.objects.filter(user_id=amina_id).exists()
    # The visit is a figure: it stays, pointing at nobody.
    assert Visit.objects.filter(member__isnull=True).count() == 1
    assert BookingStatistic.objects.count() == statistics
    assert BookingStatistic.objects.filter(booking__isnull=True).count() == 1

    # Johan is untouched.
    assert Booking.objects.filter(member=johan).count() == 1
    assert Visit.objects.filter(member=johan).count() == 1
    assert ApiToken.objects.filter(user=johan).count() == 1
    assert CalendarFeed.objects.filter(member=johan).exists()


def test_delete_runs_the_registered_steps_first(monkeypatch, frozen, amina):
    seen: list[bool] = []
    monkeypatch.setattr(extensions, "_deletion_steps", [])
    extensions.register_deletion_step(
        lambda user: seen.append(User.objects.filter(pk=user.pk).exists())
    )
    account_delete(user=amina)
    assert seen == [True]  # the step saw the account still there


def test_a_failing_step_keeps_everything(monkeypatch, lived_in, amina):
    def broken(user: User) -> None:
        Booking.objects.filter(member=user).delete()
        raise RuntimeError("step failed")

    monkeypatch.setattr(extensions, "_deletion_steps", [broken])
    with pytest.raises(RuntimeError):
        account_delete(user=amina)
    assert User.objects.filter(pk=amina.pk).exists()
    assert Booking.objects.filter(member=amina).count() == 1
