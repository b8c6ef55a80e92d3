"""Selectors, model validation and database constraints of places."""

from __future__ import annotations

import importlib
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from publicoffice.places.models import HoursException, OfficeStatus, WeeklyHours
from publicoffice.places.opening_hours import Interval
from publicoffice.places.selectors import (
    OfficeFilters,
    filter_choices,
    office_base_queryset,
    office_search,
)
from publicoffice.places.validators import (
    validate_municipality_code,
    validate_organisation_number,
)
from tests.factories import (
    AccessibilityFactsFactory,
    AmenityFactory,
    HoursExceptionFactory,
    MunicipalityFactory,
    OfficeFactory,
    OperatorFactory,
    weekday_office,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOON = datetime(2026, 11, 25, 12, tzinfo=STOCKHOLM)


class TestValidators:
    @pytest.mark.parametrize("number", ["802012-3454", "8020123454", " 556000-4615 "])
    def test_accepts_organisation_numbers(self, number):
        validate_organisation_number(number)

    @pytest.mark.parametrize(
        ("number", "code"),
        [
            ("", "org_number_format"),
            ("80201-23454", "org_number_format"),
            ("802012-345X", "org_number_format"),
            ("٨٠٢٠١٢-٣٤٥٤", "org_number_format"),
            ("802012-3455", "org_number_checksum"),
            ("850709-9805", "org_number_personal"),  # a personal identity number shape
        ],
    )
    def test_refuses_bad_or_personal_numbers(self, number, code):
        with pytest.raises(ValidationError) as error:
            validate_organisation_number(number)
        assert error.value.code == code

    @pytest.mark.parametrize("code", ["181", "01811", "abcd", "", "٠١٨١"])
    def test_municipality_code_is_four_digits(self, code):
        with pytest.raises(ValidationError):
            validate_municipality_code(code)


@pytest.mark.django_db
class TestModels:
    def test_operator_clean_normalises_org_number(self):
        operator = OperatorFactory.build(organisation_number="8020123454")
        operator.full_clean()
        assert operator.organisation_number == "802012-3454"

    def test_weekly_hours_must_close_after_opening(self):
        office = OfficeFactory()
        hours = WeeklyHours(office=office, weekday=0, opens=time(17), closes=time(9))
        with pytest.raises(ValidationError):
            hours.full_clean()
        with pytest.raises(IntegrityError), transaction.atomic():
            hours.save()

    def test_exception_is_closed_or_has_an_interval(self):
        office = OfficeFactory()
        incomplete = HoursException(office=office, date=date(2026, 12, 1), opens=time(9))
        with pytest.raises(ValidationError):
            incomplete.full_clean()
        with pytest.raises(IntegrityError), transaction.atomic():
            HoursException.objects.create(
                office=office,
                date=date(2026, 12, 1),
                is_closed=True,
                opens=time(9),
                closes=time(10),
            )

    def test_capacity_must_be_positive(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            OfficeFactory(capacity=0)

    def test_coordinates_are_validated(self):
        office = OfficeFactory.build(
            operator=OperatorFactory(), municipality=MunicipalityFactory(), district=None
        )
        office.latitude = 123
        with pytest.raises(ValidationError) as error:
            office.full_clean()
        assert "latitude" in error.value.message_dict

    def test_schedule_from_the_database(self):
        office = weekday_office()
        HoursExceptionFactory(
            office=office, date=date(2026, 11, 26), is_closed=False, opens=time(10), closes=time(12)
        )
        HoursExceptionFactory(
            office=office, date=date(2026, 11, 26), is_closed=False, opens=time(13), closes=time(15)
        )
        schedule = office.schedule()
        assert schedule.intervals_on(date(2026, 11, 26)) == (
            Interval(time(10), time(12)),
            Interval(time(13), time(15)),
        )
        assert schedule.weekly[0] == (Interval(time(9), time(17)),)
        assert office.is_open(NOON)

    def test_office_that_is_not_open_is_never_open_now(self):
        office = weekday_office(status=OfficeStatus.PAUSED)
        assert office.schedule().is_open(NOON)
        assert not office.is_open(NOON)


@pytest.mark.django_db
class TestSelectors:
    def test_search_combines_filters(self):
        wifi = AmenityFactory(code="wifi")
        match = weekday_office(name="Alby kontor")
        match.amenities.add(wifi)
        AccessibilityFactsFactory(office=match, step_free_entrance=True)
        other = weekday_office(name="Alby mötesplats")
        AccessibilityFactsFactory(office=other, step_free_entrance=True)
        found = office_search(
            filters=OfficeFilters(q="alby", amenity="wifi", step_free=True), at=NOON
        )
        assert found == [match]

    def test_search_in_any_language(self):
        office = weekday_office(name="Fittja kontor", name_ar="مكتب فيتيا")
        assert office_search(filters=OfficeFilters(q="فيتيا"), at=NOON) == [office]

    def test_every_word_must_match(self):
        weekday_office(name="Tensta kontor")
        assert office_search(filters=OfficeFilters(q="tensta bibliotek"), at=NOON) == []

    def test_open_now_filters_in_python_after_sql(self):
        open_office = weekday_office(name="A")
        OfficeFactory(name="B")  # no hours
        assert office_search(filters=OfficeFilters(open_now=True), at=NOON) == [open_office]

    def test_base_queryset_hides_closed_down_offices(self):
        OfficeFactory(status=OfficeStatus.CLOSED)
        kept = OfficeFactory(status=OfficeStatus.PLANNED)
        assert list(office_base_queryset()) == [kept]

    def test_filter_choices_offer_only_what_offices_have(self):
        used = AmenityFactory(code="printer", name="Skrivare")
        AmenityFactory(code="sauna", name="Bastu")
        office = weekday_office()
        office.amenities.add(used)
        OfficeFactory(status=OfficeStatus.CLOSED).amenities.add(AmenityFactory(code="pool"))
        choices = filter_choices()
        assert choices["amenity"] == [("printer", "Skrivare")]
        assert choices["municipality"] == [(office.municipality.code, office.municipality.name)]


@pytest.mark.django_db
def test_an_office_slug_of_digits_only_is_refused():
    """Numbered API addresses redirect to slugs, so a slug may not look like a number."""
    office = OfficeFactory(slug="ronna-2")
    office.slug = "1234"
    with pytest.raises(ValidationError) as caught:
        office.full_clean()
    assert [error.code for error in caught.value.error_dict["slug"]] == ["slug_digits_only"]
    office.slug = "1234-hallunda"
    office.full_clean()


@pytest.mark.django_db
def test_the_migration_gives_a_numbered_slug_a_word():
    """Offices made before the rule keep working: "1234" becomes "office-1234"."""
    migration = importlib.import_module(
        "publicoffice.places.migrations.0002_office_slug_has_a_letter"
    )
    numbered = OfficeFactory(slug="ronna")
    type(numbered).objects.filter(pk=numbered.pk).update(slug="1234")
    worded = OfficeFactory(slug="fittja-2")
    migration.give_numbered_slugs_a_word(django_apps, None)
    numbered.refresh_from_db()
    worded.refresh_from_db()
    assert (numbered.slug, worded.slug) == ("office-1234", "fittja-2")
