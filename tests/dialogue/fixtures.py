"""The people and offices of the dialogue tests, shared with the dialogue API tests.

Ronna's operator promises an answer within 10 calendar days; Alby is another
operator's office in another municipality. Importing a fixture into a
conftest or a test module makes it available there.
"""

from __future__ import annotations

from typing import Any

import pytest

from publicoffice.places.models import Office
from tests.dialogue.factories import host_of, person
from tests.factories import OfficeFactory, OperatorFactory


@pytest.fixture
def office(db: Any) -> Office:
    """Ronna kontor; its operator promises an answer within 10 calendar days."""
    return OfficeFactory(
        slug="ronna", name="Ronna kontor", operator=OperatorFactory(answer_within_days=10)
    )


@pytest.fixture
def other_office(db: Any) -> Office:
    """Another operator's office, in another municipality."""
    return OfficeFactory(slug="alby", name="Alby kontor")


@pytest.fixture
def author(db: Any) -> Any:
    return person("Amina")


@pytest.fixture
def supporter(db: Any) -> Any:
    return person("Johan")


@pytest.fixture
def stranger(db: Any) -> Any:
    return person("Sara")


@pytest.fixture
def host(office: Office) -> Any:
    return host_of(office)
