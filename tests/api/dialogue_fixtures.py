"""Fixtures for the proposals API tests (the test modules take them by name).

Ronna's operator promises an answer within 10 days; Alby is another
operator's office in another municipality, with its own host.
"""

from __future__ import annotations

from typing import Any

import pytest

from publicoffice.dialogue.models import Proposal
from publicoffice.places.models import Office
from tests.api.dialogue_factories import host_of, propose
from tests.dialogue.fixtures import author, host, office, other_office, stranger, supporter

__all__ = ["author", "host", "office", "other_office", "stranger", "supporter"]


@pytest.fixture
def other_host(other_office: Office) -> Any:
    return host_of(other_office, "AlbyHost")


@pytest.fixture
def proposal(office: Office, author: Any) -> Proposal:
    return propose(author, office=office)
