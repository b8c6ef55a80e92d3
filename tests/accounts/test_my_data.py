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
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import ngettext

from publicoffice.accounts import extensions
from publicoffice.accounts.models import ApiToken, Role, RoleAssignment, User
from publicoffice.accounts.services import (
    account_delete,
    account_export,
    api_token_create,
)
from publicoffice.bookings.models import Booking, BookingStatistic, CalendarFeed, WaitlistEntry
from publicoffice.bookings.services import booking_create, calendar_feed_renew
from publicoffice.bookings.waitlist import waitlist_join
from publicoffice.staff.services import role_assign
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


# -- the pages ------------------------------------------------------------------

MY_DATA = "/sv/accounts/me/"
EXPORT = "/sv/accounts/me/export/"
DELETE = "/sv/accounts/me/delete/"
DELETED = "/sv/accounts/deleted/"


@pytest.mark.parametrize("url", [MY_DATA, EXPORT, DELETE])
def test_anonymous_visitors_are_sent_to_log_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/sv/accounts/login/?next=")
    assert client.post(DELETE, {"password": PASSWORD, "understood": "on"}).status_code == 302


def test_the_goodbye_page_is_only_for_who_just_left(client, db):
    assert client.get(DELETED)["Location"] == "/sv/"


def test_my_data_says_how_long_things_are_kept(client, settings, frozen, amina):
    settings.VISITS_RETENTION_DAYS = 45
    settings.BOOKINGS_RETENTION_DAYS = 200
    client.force_login(amina)
    response = client.get(MY_DATA)
    page = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "45" in page and "200" in page
    with translation.override("sv"):
        visits_kept = ngettext(
            "After %(days)s day, each check-in becomes part of an hourly count without your "
            "name, and the check-in itself is deleted.",
            "After %(days)s days, each check-in becomes part of an hourly count without your "
            "name, and the check-in itself is deleted.",
            45,
        ) % {"days": 45}
        bookings_kept = ngettext(
            "A booking is deleted %(days)s day after it ends.",
            "A booking is deleted %(days)s days after it ends.",
            200,
        ) % {"days": 200}
    assert escape(visits_kept) in page
    assert escape(bookings_kept) in page
    assert f'href="{EXPORT}"' in page and f'href="{DELETE}"' in page
    assert f'href="{MY_DATA}" aria-current="page"' in page  # the nav marks the page


def test_export_is_a_private_download_of_only_the_members_data(client, lived_in, amina):
    client.force_login(amina)
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="public-office-my-data-2026-11-25.json"'
    )
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "amina@example.org"
    assert len(data["visits"]) == 1 and len(data["bookings"]["bookings"]) == 1
    assert "johan" not in response.content.decode().lower()
    assert client.post(EXPORT).status_code == 405


def test_each_member_downloads_their_own(client, lived_in, johan):
    client.force_login(johan)
    data = json.loads(client.get(EXPORT).content)
    assert data["account"]["email"] == "johan@example.org"
    assert [b["purpose"] for b in data["bookings"]["bookings"]] == ["Johans möte"]
    assert data["bookings"]["waitlist"] == [] and data["roles"] == []


def test_export_queries_do_not_grow_with_the_data(
    client, lived_in, amina, room, office, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(amina)
    with CaptureQueriesContext(connection) as few:
        client.get(EXPORT)
    # Session, user, roles, keys and a few per section, whatever the rows.
    assert len(few) <= 25
    for day in (1, 2):  # Tuesday and Monday of the same week
        visit_check_in(
            office=office, source=Source.MEMBER, member=amina, at=NOW - timedelta(days=day)
        )
    for hour in (16, 17):  # up to the quota of three coming bookings
        booking_create(
            space=room, member=amina, starts_at=tomorrow(hour), ends_at=tomorrow(hour + 1)
        )
    with django_assert_max_num_queries(len(few)):
        response = client.get(EXPORT)
    data = json.loads(response.content)
    assert len(data["visits"]) == 3 and len(data["bookings"]["bookings"]) == 3


def test_delete_page_asks_for_the_password_and_warns_staff(client, lived_in, amina, johan):
    client.force_login(amina)
    page = client.get(DELETE).content.decode()
    assert 'type="password"' in page and 'autocomplete="current-password"' in page
    assert 'name="understood"' in page and "<legend>" in page
    assert "Ronna kontor" in page  # her host role is named: it goes too

    client.force_login(johan)
    assert "Ronna kontor" not in client.get(DELETE).content.decode()


@pytest.mark.parametrize(
    "password",
    ["", "wrong", "x" * 5000, "كلمة السر", "🔑🔑🔑", "<script>alert(1)</script>", PASSWORD + " "],
)
def test_a_wrong_password_deletes_nothing(client, lived_in, amina, password):
    client.force_login(amina)
    response = client.post(DELETE, {"password": password, "understood": "on"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in page
    assert 'href="#id_password"' in page  # the summary leads to the field
    assert 'aria-describedby="id_password_error"' in page
    assert 'aria-invalid="true"' in page
    assert "<script>alert" not in page
    assert "password" in response.context["form"].errors
    assert User.objects.filter(pk=amina.pk).exists()
    assert Booking.objects.filter(member=amina).count() == 1
    assert client.session["_auth_user_id"] == str(amina.pk)


def test_the_box_must_be_ticked(client, lived_in, amina):
    client.force_login(amina)
    response = client.post(DELETE, {"password": PASSWORD})
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["understood"][0].code == "required"
    assert 'href="#id_understood"' in response.content.decode()
    assert User.objects.filter(pk=amina.pk).exists()


def test_the_right_password_deletes_logs_out_and_says_goodbye_in_arabic(
    client, lived_in, amina, johan
):
    amina_id = amina.pk
    client.force_login(amina)
    response = client.post("/ar/accounts/me/delete/", {"password": PASSWORD, "understood": "on"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/accounts/deleted/"
    assert "_auth_user_id" not in client.session

    goodbye = client.get(response["Location"])
    assert goodbye.status_code == 200
    assert '<html lang="ar" dir="rtl">' in goodbye.content.decode()
    assert client.get("/ar/accounts/deleted/").status_code == 302  # shown once

    assert not User.objects.filter(pk=amina_id).exists()
    assert not Booking.objects.filter(member_id=amina_id).exists()
    assert Visit.objects.filter(member__isnull=True).count() == 1
    assert BookingStatistic.objects.count() == 2
    assert Booking.objects.filter(member=johan).count() == 1
    assert User.objects.filter(pk=johan.pk).exists()


def test_password_guessing_is_rate_limited(client, lived_in, amina):
    client.force_login(amina)
    for _ in range(5):
        assert client.post(DELETE, {"password": "guess", "understood": "on"}).status_code == 200
    response = client.post(DELETE, {"password": PASSWORD, "understood": "on"})
    assert response.status_code == 429
    assert User.objects.filter(pk=amina.pk).exists()


def test_deleting_needs_the_csrf_token(frozen, amina):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(amina)
    response = client.post(DELETE, {"password": PASSWORD, "understood": "on"})
    assert response.status_code == 403
    assert User.objects.filter(pk=amina.pk).exists()
