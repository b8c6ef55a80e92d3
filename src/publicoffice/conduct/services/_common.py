"""What the conduct services share: choosing from a list, and the domain events."""

from __future__ import annotations

from enum import Enum
from typing import Any, TypeVar

from django.utils.functional import Promise

from publicoffice.core.domain_events import DomainEvent
from publicoffice.core.errors import DomainError, ErrorCode

FACTS_MAX = 2000
REASON_MAX = 2000
CONTACT_MAX = 254

incident_handled = DomainEvent("conduct.incident_handled")
incident_reported = DomainEvent("conduct.incident_reported")
sanction_in_force = DomainEvent("conduct.sanction_in_force")
appeal_made = DomainEvent("conduct.appeal_made")
appeal_decided = DomainEvent("conduct.appeal_decided")
#: Staff reviewed a decision: kept with a new review date, given an end, or lifted.
sanction_reviewed = DomainEvent("conduct.sanction_reviewed")
#: Content was hidden, or shown again, by staff or by the count of reports.
content_decided = DomainEvent("conduct.content_decided")

Choice = TypeVar("Choice", bound=Enum)


def choose(
    kind: type[Choice], value: Any, code: ErrorCode, message: str | Promise | None = None
) -> Choice:
    """``value`` as a member of ``kind``, or the error ``code`` (never a KeyError)."""
    try:
        return kind(value)
    except (ValueError, TypeError):
        raise DomainError(code, message) from None
