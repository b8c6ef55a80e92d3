"""``publicoffice demo`` loads a complete, valid and repeatable demo network."""

from __future__ import annotations

from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.utils import timezone, translation

from publicoffice.accounts.models import Role, RoleAssignment, User
from publicoffice.demo.loader import DEMO_LOGINS, DEMO_PASSWORD, organisation_number
from publicoffice.places.models import (
    AccessibilityFacts,
    Amenity,
    HoursException,
    Language,
    Municipality,
    Office,
    OfficeKind,
    OfficeStatus,
    Operator,
)
from publicoffice.places.validators import validate_organisation_number

STOCKHOLM = ZoneInfo("Europe/Stockholm")
ALL_LANGUAGES = ("sv", "en", "ar", "fa", "so", "ti")
NEW_LANGUAGES = ("fa", "so", "ti")
# A Wednesday late in November 2026, no holiday; the next one is Christmas Eve.
WEDNESDAY_11 = datetime(2026, 11, 25, 11, 0, tzinfo=STOCKHOLM)
CHRISTMAS_EVE = date(2026, 12, 24)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def travel():
    with time_machine.travel(WEDNESDAY_11, tick=False) as traveller:
        yield traveller


def run_demo() -> str:
    """The network only: visits, bookings, the meeting place and events are slow and
    tested in their own modules."""
    out = StringIO()
    call_command(
        "demo",
        "--without-visits",
        "--without-bookings",
        "--without-community",
        "--without-events",
        "--without-history",
        stdout=out,
    )
    return out.getvalue()


def row_counts() -> dict[str, int]:
    models = [
        *apps.get_app_config("places").get_models(),
        *apps.get_app_config("accounts").get_models(),
    ]
    return {model._meta.label: model._default_manager.count() for model in models}


def test_the_network_has_several_municipalities_operators_and_offices(travel):
    run_demo()

    assert set(Municipality.objects.values_list("code", flat=True)) >= {"0181", "0127", "0180"}
    assert Operator.objects.count() >= 4
    assert len(set(Operator.objects.values_list("kind", flat=True))) >= 4
    offices = Office.objects.all()
    assert offices.count() >= 12
    assert {o.kind for o in offices} == {OfficeKind.PUBLIC_OFFICE, OfficeKind.MEETING_PLACE}
    statuses = [o.status for o in offices]
    assert statuses.count(OfficeStatus.OPEN) >= 10
    assert OfficeStatus.PLANNED in statuses
    assert OfficeStatus.PAUSED in statuses


def test_every_row_passes_validation(travel):
    run_demo()

    for model in [
        *apps.get_app_config("places").get_models(),
        *apps.get_app_config("accounts").get_models(),
    ]:
        for obj in model._default_manager.all():
            obj.full_clean(exclude=["password"] if model is User else None)
    for operator in Operator.objects.all():
        validate_organisation_number(operator.organisation_number)


def test_organisation_numbers_get_a_valid_check_digit():
    assert organisation_number("802012-345") == "802012-3454"
    validate_organisation_number(organisation_number("769641-203"))
    with pytest.raises(ValueError):
        organisation_number("12345")


def test_every_office_has_texts_in_swedish_english_and_arabic(travel):
    run_demo()

    for office in Office.objects.all():
        assert office.name_sv and office.name_en and office.name_ar, office.slug
        assert office.description_sv and office.description_en and office.description_ar
        for space in office.spaces.all():
            assert space.name_sv and space.name_en and space.name_ar
        # Arabic names are written in Arabic script.
        assert any("\u0600" <= char <= "\u06ff" for char in office.name_ar)


def test_the_demo_fills_persian_somali_and_tigrinya_but_one_gap(travel):
    """Every name and text is in all six languages, except the deliberate gap:
    Hallunda's description, written only in Swedish, English and Arabic, so
    the marked fallback can be seen."""
    run_demo()

    untranslated = []
    for office in Office.objects.prefetch_related("spaces", "hours_exceptions"):
        for code in NEW_LANGUAGES:
            assert getattr(office, f"name_{code}"), (office.slug, code)
            if not getattr(office, f"description_{code}"):
                untranslated.append((office.slug, code))
            for space in office.spaces.all():
                assert getattr(space, f"name_{code}"), (office.slug, space.name_sv, code)
            for exception in office.hours_exceptions.all():
                assert getattr(exception, f"reason_{code}"), (office.slug, code)
        assert any("\u0600" <= char <= "\u06ff" for char in office.name_fa), office.slug
        assert any("\u1200" <= char <= "\u137f" for char in office.name_ti), office.slug
    assert untranslated == [("hallunda", code) for code in NEW_LANGUAGES]
    for model in (Amenity, Language):
        for row in model.objects.all():
            assert all(getattr(row, f"name_{code}") for code in NEW_LANGUAGES), row.code
    for facts in AccessibilityFacts.objects.all():
        for category in ("moving", "seeing", "hearing", "substances", "information"):
            texts = [getattr(facts, f"{category}_text_{code}") for code in ALL_LANGUAGES]
            assert all(texts) or not any(texts), (facts.pk, category)


def test_a_persian_reader_sees_persian_and_the_gap_falls_back_to_english(travel):
    run_demo()

    hallunda = Office.objects.get(slug="hallunda")
    with translation.override("fa"):
        assert Office.objects.get(slug="ronna").name == "دفتر عمومی رونا"
        assert Office.objects.get(slug="ronna").description.startswith("دفتری رایگان")
        assert Office.objects.get(slug="hallunda").description == hallunda.description_en


def test_offices_have_amenities_languages_spaces_and_accessibility(travel):
    run_demo()

    offices = Office.objects.prefetch_related("amenities", "staff_languages", "spaces")
    for office in offices:
        assert office.amenities.exists(), office.slug
        assert office.staff_languages.exists(), office.slug
        assert office.spaces.exists(), office.slug
    without_facts = Office.objects.filter(accessibility__isnull=True)
    assert without_facts.count() == 1
    step_free = AccessibilityFacts.objects.filter(
        step_free_entrance=True, office__status=OfficeStatus.OPEN
    )
    assert step_free.count() >= 3
    assert AccessibilityFacts.objects.filter(hearing_loop=True).exists()


def test_offices_are_open_on_a_weekday_morning(travel):
    run_demo()

    now = timezone.now()
    open_now = [
        o.slug
        for o in Office.objects.prefetch_related("weekly_hours", "hours_exceptions")
        if o.is_open(now)
    ]
    assert len(open_now) >= 2
    # Not open when not open: the planned and paused offices stay closed.
    assert "geneta" not in open_now
    assert "tumba" not in open_now


def test_some_days_have_two_intervals_and_some_offices_open_late_or_on_saturdays(travel):
    run_demo()

    schedules = [
        o.schedule() for o in Office.objects.prefetch_related("weekly_hours", "hours_exceptions")
    ]
    assert any(len(intervals) >= 2 for s in schedules for intervals in s.weekly.values())
    assert any(5 in s.weekly for s in schedules)
    assert any(i.closes.hour >= 21 for s in schedules for d in s.weekly.values() for i in d)


def test_exceptions_are_in_the_coming_weeks_with_a_holiday_open(travel):
    run_demo()

    today = timezone.localdate()
    exceptions = HoursException.objects.all()
    assert exceptions.filter(is_closed=True).exists()
    assert exceptions.filter(is_closed=False).exists()
    assert all(today < e.date <= date(2027, 12, 31) for e in exceptions)
    assert all(e.reason_sv and e.reason_en and e.reason_ar for e in exceptions)
    assert all(e.reason_fa and e.reason_so and e.reason_ti for e in exceptions)
    holiday_hours = exceptions.filter(date=CHRISTMAS_EVE, is_closed=False)
    assert holiday_hours.exists()
    office = holiday_hours.first().office
    assert office.is_open(datetime(2026, 12, 24, 11, 0, tzinfo=STOCKHOLM))


def test_every_role_is_represented_and_members_exist(travel):
    run_demo()

    roles = set(RoleAssignment.objects.values_list("role", flat=True))
    assert roles == set(Role.values)
    members = User.objects.filter(role_assignments__isnull=True, is_superuser=False)
    assert members.count() >= 2
    admin = User.objects.get(email="admin@demo.publicoffice.example")
    assert admin.is_superuser
    host = RoleAssignment.objects.get(
        user__email="host.ronna@demo.publicoffice.example", role=Role.HOST
    )
    assert "book_on_behalf" in host.permissions
    officer = RoleAssignment.objects.get(
        role=Role.MUNICIPAL_OFFICER, user__email="officer.sodertalje@demo.publicoffice.example"
    )
    assert officer.municipality.code == "0181"


def test_every_demo_login_authenticates(travel):
    run_demo()

    assert len(DEMO_LOGINS) >= 8
    for email, _description in DEMO_LOGINS:
        user = authenticate(username=email, password=DEMO_PASSWORD)
        assert user is not None, email
        assert user.email == email


def test_running_twice_gives_the_same_rows(travel):
    run_demo()
    first = row_counts()
    office_ids = set(Office.objects.values_list("pk", flat=True))
    space_ids = set(Office.objects.values_list("spaces__pk", flat=True))

    run_demo()

    assert row_counts() == first
    assert set(Office.objects.values_list("pk", flat=True)) == office_ids
    assert set(Office.objects.values_list("spaces__pk", flat=True)) == space_ids


def test_running_again_on_a_later_day_keeps_the_counts():
    with time_machine.travel(WEDNESDAY_11, tick=False):
        run_demo()
    first = row_counts()
    with time_machine.travel(datetime(2027, 3, 1, 9, 0, tzinfo=STOCKHOLM), tick=False):
        run_demo()
        today = timezone.localdate()
    assert row_counts() == first
    assert all(e.date > today for e in HoursException.objects.all())


def test_running_again_resets_passwords_and_roles(travel):
    run_demo()
    johan = User.objects.get(email="johan@demo.publicoffice.example")
    johan.set_password("something else")
    johan.save()
    host = User.objects.get(email="host.fittja@demo.publicoffice.example")
    RoleAssignment.objects.create(user=host, role=Role.PLATFORM_ADMIN)

    run_demo()

    assert authenticate(username=johan.email, password=DEMO_PASSWORD) is not None
    assert not RoleAssignment.objects.filter(user=host, role=Role.PLATFORM_ADMIN).exists()


def test_the_command_prints_a_summary_and_the_logins(travel):
    output = run_demo()

    assert "municipalities" in output
    assert "offices" in output
    assert DEMO_PASSWORD in output
    for email, _description in DEMO_LOGINS:
        assert email in output


def test_the_command_refuses_production_unless_told(settings, travel):
    from django.core.management.base import CommandError

    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        run_demo()
    assert not Office.objects.exists()
    call_command(
        "demo", "--allow-production", "--without-visits", "--without-history", stdout=StringIO()
    )
    assert Office.objects.exists()
