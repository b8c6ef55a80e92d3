"""Reads of the conduct app: a member's own decisions, and staff's queues within scope.

Every function that finds one object by its public id answers "not found"
(the object's own code) both for none and for one the caller may not see:
a member never learns of another's decision, and staff of another office
never learn of an incident, a decision or an appeal outside their scope.
Scope itself is decided in :mod:`publicoffice.conduct.policies`.

The lists are querysets with what their rows show already joined, so a
page costs the same number of queries whatever its length.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import F, QuerySet

from publicoffice.accounts.actors import Member, StaffUser
from publicoffice.conduct import policies
from publicoffice.conduct.models import (
    Appeal,
    AppealOutcome,
    Incident,
    Sanction,
    SanctionState,
)
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import Office

#: What a decision's statement of reasons shows besides its own row.
SANCTION_JOINS = ("office", "rule_version", "appeal")


def parse_public_id(public_id: Any, code: ErrorCode) -> UUID:
    """``public_id`` as a UUID, or ``code`` (a malformed id names nothing)."""
    if isinstance(public_id, UUID):
        return public_id
    try:
        return UUID(str(public_id))
    except (ValueError, TypeError, AttributeError) as error:
        raise DomainError(code) from error


# -- the member's own decisions -----------------------------------------------------------


def member_sanctions(*, member: Member) -> QuerySet[Sanction]:
    """The decisions the member has been told of, newest first.

    An indefinite ban waiting for a second staff member's approval is not
    among them: it holds, and the member is told, only once approved.
    """
    return (
        Sanction.objects.filter(member=member)
        .exclude(state=SanctionState.AWAITING_APPROVAL)
        .select_related(*SANCTION_JOINS)
        .order_by("-starts_at", "-id")
    )


def member_sanction(*, member: Member, public_id: Any) -> Sanction:
    """One of the member's decisions; anyone else's is ``sanction_not_found``."""
    uuid = parse_public_id(public_id, ErrorCode.SANCTION_NOT_FOUND)
    found = member_sanctions(member=member).filter(public_id=uuid).first()
    if found is None or not policies.owns_sanction(member, found):
        raise DomainError(ErrorCode.SANCTION_NOT_FOUND)
    return found


# -- staff's queues -----------------------------------------------------------------------


def handled_office(*, user: StaffUser, slug: str) -> Office:
    """An office ``user`` handles, by slug; any other is ``office_not_found``."""
    office = policies.handled_offices(user).filter(slug=slug).first()
    if office is None:
        raise DomainError(ErrorCode.OFFICE_NOT_FOUND)
    return office


def staff_incidents(
    *, user: StaffUser, office: Office | None = None, open_only: bool = False
) -> QuerySet[Incident]:
    """Incidents at the offices ``user`` handles: open ones first, the oldest first;
    then handled ones, the most recently handled first."""
    rows = Incident.objects.filter(office__in=policies.handled_offices(user))
    if office is not None:
        rows = rows.filter(office=office)
    if open_only:
        rows = rows.open()
    return rows.select_related("office", "member", "rule_version").order_by(
        F("handled_at").desc(nulls_first=True), "occurred_at", "id"
    )


def staff_awaiting(*, user: StaffUser) -> QuerySet[Sanction]:
    """Indefinite bans decided at the offices ``user`` handles, waiting for approval,
    the oldest decision first."""
    return (
        Sanction.objects.filter(
            office__in=policies.handled_offices(user), state=SanctionState.AWAITING_APPROVAL
        )
        .select_related("member", *SANCTION_JOINS)
        .order_by("created_at", "id")
    )


def staff_sanction(*, user: StaffUser, public_id: Any) -> Sanction:
    """A decision taken at an office ``user`` handles; any other is ``sanction_not_found``."""
    uuid = parse_public_id(public_id, ErrorCode.SANCTION_NOT_FOUND)
    found = (
        Sanction.objects.select_related("member", *SANCTION_JOINS).filter(public_id=uuid).first()
    )
    if found is None or not policies.can_handle_office(user, found.office):
        raise DomainError(ErrorCode.SANCTION_NOT_FOUND)
    return found


def staff_appeals(*, user: StaffUser, pending_only: bool = False) -> QuerySet[Appeal]:
    """Appeals against decisions taken at the offices ``user`` handles, by answer due."""
    rows = Appeal.objects.filter(sanction__office__in=policies.handled_offices(user))
    if pending_only:
        rows = rows.filter(outcome=AppealOutcome.PENDING)
    return rows.select_related(
        "sanction", "sanction__member", "sanction__office", "sanction__rule_version"
    ).order_by("answer_due", "id")


def staff_appeal(*, user: StaffUser, public_id: Any) -> Appeal:
    """An appeal against a decision of an office ``user`` handles; else ``appeal_not_found``."""
    uuid = parse_public_id(public_id, ErrorCode.APPEAL_NOT_FOUND)
    found = staff_appeals(user=user).filter(public_id=uuid).first()
    if found is None or not policies.can_handle_office(user, found.sanction.office):
        raise DomainError(ErrorCode.APPEAL_NOT_FOUND)
    return found
