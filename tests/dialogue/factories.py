"""Makers for the dialogue tests: people with roles, proposals through the services.

Proposals are always made by :func:`proposal_create` (never a bare model
factory), so each one has its statistics row and its ``answer_due`` as in
real life. Times are fixed: :data:`NOW` is Wednesday 25 November 2026, 08:00
in Stockholm, and every maker takes ``now`` to place a row elsewhere in time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from publicoffice.accounts.models import Role, User
from publicoffice.core.errors import DomainError
from publicoffice.dialogue.models import Answer, Kind, Proposal
from publicoffice.dialogue.services.answers import answer_write
from publicoffice.dialogue.services.proposals import proposal_create, support_add
from publicoffice.places.models import Municipality, Office, Operator
from publicoffice.staff.services import role_assign
from tests.factories import UserFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")
#: Wednesday 25 November 2026, 08:00 in Stockholm (no holiday, no clock change near).
NOW = datetime(2026, 11, 25, 8, 0, tzinfo=STOCKHOLM)


@contextmanager
def refused(code: str, field: str | None = None) -> Iterator[None]:
    """The block raises a :class:`DomainError` with ``code`` (and about ``field``)."""
    with pytest.raises(DomainError) as caught:
        yield
    assert caught.value.code == code, caught.value.as_dict()
    if field is not None:
        assert caught.value.details.get("field") == field, caught.value.as_dict()


def local(day: date, hour: int = 12, minute: int = 0) -> datetime:
    """A wall-clock moment in Stockholm."""
    return datetime.combine(day, time(hour, minute), tzinfo=STOCKHOLM)


def days_after(moment: datetime, days: int) -> datetime:
    return moment + timedelta(days=days)


def person(name: str, *, language: str = "sv", **fields: Any) -> User:
    """A member called ``name`` (also their e-mail's local part) unless ``display_name`` says."""
    fields.setdefault("display_name", name)
    return UserFactory(email=f"{name.lower()}@example.org", preferred_language=language, **fields)


def host_of(office: Office, name: str = "Host") -> User:
    user = person(name)
    role_assign(user=user, role=Role.HOST, office=office)
    return user


def operator_admin_of(operator: Operator, name: str = "OperatorAdmin") -> User:
    user = person(name)
    role_assign(user=user, role=Role.OPERATOR_ADMIN, operator=operator)
    return user


def officer_of(municipality: Municipality, name: str = "Officer") -> User:
    user = person(name)
    role_assign(user=user, role=Role.MUNICIPAL_OFFICER, municipality=municipality)
    return user


def platform_admin(name: str = "PlatformAdmin") -> User:
    user = person(name)
    role_assign(user=user, role=Role.PLATFORM_ADMIN)
    return user


def propose(
    author: User,
    *,
    office: Office | None = None,
    operator: Operator | None = None,
    municipality: Municipality | None = None,
    title: str = "Läxhjälp på lördagar",
    body: str = "Många barn behöver hjälp med läxorna, och på lördagar är det lugnt.",
    kind: str = Kind.ACTIVITY,
    language: str = "sv",
    now: datetime = NOW,
) -> Proposal:
    """A proposal by ``author`` through the service (default: at no scope; pass one)."""
    return proposal_create(
        author=author,
        kind=kind,
        title=title,
        body=body,
        language=language,
        office=office,
        operator=operator,
        municipality=municipality,
        now=now,
    )


def supported_by(proposal: Proposal, *people: User) -> Proposal:
    """``proposal`` with a support from each of ``people``, read again."""
    for someone in people:
        support_add(member=someone, proposal=proposal)
    proposal.refresh_from_db()
    return proposal


def answer(
    staff: User,
    proposal: Proposal,
    state: str = "considering",
    *,
    text: str = "Vi tittar på det och återkommer.",
    now: datetime = NOW,
    **options: Any,
) -> Answer:
    """A published answer (or a draft, with ``draft=True`` or ``publish_at``)."""
    written = answer_write(
        staff=staff, proposal=proposal, state=state, text=text, now=now, **options
    )
    proposal.refresh_from_db()
    return written
