"""The people and offices of the conduct tests.

Ronna and Hovsjö are run by one operator in one municipality; Alby is
another operator's office in another municipality. :data:`NOW` is
Wednesday 25 November 2026, 08:00 in Stockholm.
"""

from __future__ import annotations

from typing import Any

import pytest

from publicoffice.accounts.models import Role
from publicoffice.places.models import Office
from publicoffice.staff.services import role_assign
from tests.dialogue.factories import NOW, host_of, person, refused
from tests.factories import MunicipalityFactory, OfficeFactory, OperatorFactory

__all__ = ["NOW", "refused"]


@pytest.fixture
def office(db: Any) -> Office:
    municipality = MunicipalityFactory(name="Södertälje")
    operator = OperatorFactory(name="Ronna föreningsråd")
    return OfficeFactory(
        slug="ronna", name="Ronna kontor", operator=operator, municipality=municipality
    )


@pytest.fixture
def sibling_office(office: Office) -> Office:
    """The same operator's other office, in the same municipality."""
    return OfficeFactory(
        slug="hovsjo",
        name="Hovsjö kontor",
        operator=office.operator,
        municipality=office.municipality,
    )


@pytest.fixture
def other_office(db: Any) -> Office:
    """Another operator's office, in another municipality."""
    return OfficeFactory(slug="alby", name="Alby kontor")


@pytest.fixture
def member(db: Any) -> Any:
    return person("Amina", language="ar")


@pytest.fixture
def other_member(db: Any) -> Any:
    return person("Johan")


@pytest.fixture
def host(office: Office) -> Any:
    return host_of(office, "Hanna")


@pytest.fixture
def second_host(office: Office) -> Any:
    return host_of(office, "Hassan")


@pytest.fixture
def other_host(other_office: Office) -> Any:
    """A host of another operator's office."""
    return host_of(other_office, "Olle")


@pytest.fixture
def operator_admin(office: Office) -> Any:
    user = person("Olivia")
    role_assign(user=user, role=Role.OPERATOR_ADMIN, operator=office.operator)
    return user
