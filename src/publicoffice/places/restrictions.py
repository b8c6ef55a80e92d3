"""One question every app asks before a member acts: "may this member do X at office Y now?"

Sanctions under the house rules are decided in the ``conduct`` app, which
sits above visits, bookings, events and community. Those apps must still
stop a restricted member, so they ask this registry and never import
conduct: conduct registers its check here (in its ``AppConfig.ready``).
With nothing registered every member may act.

The answer is a :class:`Restriction`: the error code and the words that say
which decision applies, until when, and how to appeal, never a bare
"forbidden". ``office`` is ``None`` for what is not done at one office
(a contact request in the network's directory, a proposal to a whole
operator or municipality); the check then decides which decisions reach it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from django.utils import timezone

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import Office


class MemberAction(StrEnum):
    """What a restriction can stop; a ban stops them all."""

    BOOK = "book"
    REGISTER = "register"
    CONTACT = "contact"
    CHECK_IN = "check_in"
    PROPOSE = "propose"


@dataclass(frozen=True)
class Restriction:
    """Why the member may not act now, in words for them."""

    code: ErrorCode
    message: Any

    def error(self) -> DomainError:
        return DomainError(self.code, self.message)

    def __str__(self) -> str:
        return str(self.message)


RestrictionCheck = Callable[[Member, MemberAction, Office | None, datetime], Restriction | None]

_checks: list[RestrictionCheck] = []


def register_restriction_check(check: RestrictionCheck) -> None:
    if check not in _checks:
        _checks.append(check)


def restriction_for(
    member: AnyUser | None,
    action: MemberAction,
    *,
    office: Office | None,
    at: datetime | None = None,
) -> Restriction | None:
    """The first registered check's "no", or ``None`` when the member may act.

    Anonymous visitors pass: what they may do without an account is each
    app's own rule.
    """
    if member is None or not member.is_authenticated:
        return None
    when = at or timezone.now()
    for check in _checks:
        restriction = check(member, action, office, when)
        if restriction is not None:
            return restriction
    return None


def ensure_allowed(
    member: AnyUser | None,
    action: MemberAction,
    *,
    office: Office | None,
    at: datetime | None = None,
) -> None:
    """Raise the restriction's error when the member may not act."""
    restriction = restriction_for(member, action, office=office, at=at)
    if restriction is not None:
        raise restriction.error()
