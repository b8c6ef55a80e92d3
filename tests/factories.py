"""factory_boy factories for the whole test suite."""

from __future__ import annotations

from datetime import time
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from publicoffice.accounts.models import User
from publicoffice.places.models import (
    AccessibilityFacts,
    Amenity,
    District,
    HoursException,
    Language,
    Municipality,
    Office,
    OfficeStatus,
    Operator,
    OperatorKind,
    Space,
    SpaceKind,
    WeeklyHours,
)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.django.Password("a-good-test-password")


class MunicipalityFactory(DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"Kommun {n}")
    # Municipality codes are four digits. Wrap within 1000-9999 so a long test
    # worker never writes a fifth digit (PostgreSQL enforces the length; SQLite
    # does not) and never collides with the real codes below 1000 tests use.
    code = factory.Sequence(lambda n: f"{1000 + n % 9000:04d}")


class DistrictFactory(DjangoModelFactory):
    class Meta:
        model = District

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Stadsdel {n}")


class OperatorFactory(DjangoModelFactory):
    class Meta:
        model = Operator

    name = factory.Sequence(lambda n: f"Operatör {n}")
    kind = OperatorKind.ASSOCIATION
    organisation_number = "802012-3454"


class OfficeFactory(DjangoModelFactory):
    class Meta:
        model = Office

    slug = factory.Sequence(lambda n: f"office-{n}")
    name = factory.Sequence(lambda n: f"Kontor {n}")
    name_en = factory.LazyAttribute(lambda o: f"{o.name} (en)")
    name_ar = factory.Sequence(lambda n: f"مكتب {n}")
    description = "Ett allmänt kontor."
    status = OfficeStatus.OPEN
    operator = factory.SubFactory(OperatorFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    district = factory.SubFactory(
        DistrictFactory, municipality=factory.SelfAttribute("..municipality")
    )
    street_address = factory.Sequence(lambda n: f"Storgatan {n}")
    postal_code = "151 00"
    city = "Södertälje"
    latitude = Decimal("59.200300")
    longitude = Decimal("17.604500")
    capacity = 30


class WeeklyHoursFactory(DjangoModelFactory):
    class Meta:
        model = WeeklyHours

    office = factory.SubFactory(OfficeFactory)
    weekday = 0
    opens = time(9)
    closes = time(17)


class HoursExceptionFactory(DjangoModelFactory):
    class Meta:
        model = HoursException

    office = factory.SubFactory(OfficeFactory)
    is_closed = True


class SpaceFactory(DjangoModelFactory):
    class Meta:
        model = Space

    office = factory.SubFactory(OfficeFactory)
    name = factory.Sequence(lambda n: f"Rum {n}")
    kind = SpaceKind.MEETING_ROOM
    capacity = 8
    is_bookable = True


class AccessibilityFactsFactory(DjangoModelFactory):
    class Meta:
        model = AccessibilityFacts

    office = factory.SubFactory(OfficeFactory)
    step_free_entrance = True
    hearing_loop = False
    wheelchair = "yes"
    moving = "yes"
    moving_text = "Ramp vid entrén."


class AmenityFactory(DjangoModelFactory):
    class Meta:
        model = Amenity
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"amenity-{n}")
    name = factory.Sequence(lambda n: f"Bekvämlighet {n}")


class LanguageFactory(DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ("code",)

    code = "ar"
    endonym = "العربية"
    name = "Arabiska"


def weekday_office(**kwargs: object) -> Office:
    """An open office with Monday–Friday 09–17 hours."""
    office = OfficeFactory(**kwargs)
    for weekday in range(5):
        WeeklyHoursFactory(office=office, weekday=weekday)
    return office
