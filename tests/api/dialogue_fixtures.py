"""Fixtures for the proposals API tests (the test modules take them by name).

Ronna's operator promises an answer within 10 days; Alby is another
operator's office in another municipality, with its own host.
"""

from __future__ import annotations

from typing import Any

import pytest

from publicoffice.dialogue.models import Proposal
from publicoffice.places.models import Office
from tests.api.dialogue_factories import host_of, person, propose
from tests.factories import OfficeFactory, OperatorFactory


@pytest.fixture
def office(db: Any) -> Office:
    return OfficeFactory(
        slug="ronna", name="Ronna kontor", operator=OperatorFactory(answer_within_days=10)
    )


@pytest.fixture
def other_office(db: Any) -> Office:
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


@pytest.fixture
def other_host(other_office: Office) -> Any:
    return host_of(other_office, "AlbyHost")


@pytest.fixture
def proposal(office: Office, author: Any) -> Proposal:
    return propose(author, office=office)
