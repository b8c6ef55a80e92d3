"""What the conduct pages read: one incident, decision or appeal for whoever may see it,
the staff queue, a member's own decisions, the audit trail.

Each lookup answers ``*_not_found`` both when the row does not exist and
when the person may not see it, so nobody learns that a decision about
somebody else exists.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.accounts.models import User
from publicoffice.conduct import policies
from publicoffice.conduct.models import (
    Appeal,
    AppealOutcome,
    AuditEntry,
    Incident,
    Sanction,
    SanctionState,
)
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import Office

QUEUE_LIMIT = 100


#: No row has this public id (they are random, version 4): what a malformed id finds.
NOBODY = uuid.UUID(int=0)


def _uuid(value: Any) -> uuid.UUID:
    """``value`` as a UUID, or :data:`NOBODY` for anything else (a 404, never a 500)."""
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return NOBODY


def office_for_staff(user: AnyUser, slug: str) -> Office:
    office = Office.objects.filter(slug=slug).select_related("operator", "municipality").first()
    if office is None or not policies.can_handle_office(user, office):
        raise DomainError(ErrorCode.OFFICE_NOT_FOUND)
    return office


def incident_for_staff(user: AnyUser, public_id: Any) -> Incident:
    incident = (
        Incident.objects.filter(public_id=_uuid(public_id))
        .select_related("office", "member", "recorded_by", "handled_by", "rule_version")
        .first()
    )
    if incident is None or not policies.can_see_incident(user, incident):
        raise DomainError(ErrorCode.INCIDENT_NOT_FOUND)
    return incident


def _sanctions() -> QuerySet[Sanction]:
    return Sanction.objects.select_related(
        "office", "member", "decided_by", "approved_by", "rule_version", "appeal"
    )


def sanction_for_staff(user: AnyUser, public_id: Any) -> Sanction:
    sanction = _sanctions().filter(public_id=_uuid(public_id)).first()
    if sanction is None or not policies.can_handle_some_office(user):
        raise DomainError(ErrorCode.SANCTION_NOT_FOUND)
    if not Sanction.objects.filter(
        policies.sanctions_visible_to_staff(user), pk=sanction.pk
    ).exists():
        raise DomainError(ErrorCode.SANCTION_NOT_FOUND)
    return sanction


def sanction_of_member(member: Member, public_id: Any) -> Sanction:
    """The member's own decision; somebody else's is "not found"."""
    sanction = _sanctions().filter(public_id=_uuid(public_id), member=member).first()
    if sanction is None or sanction.state == SanctionState.AWAITING_APPROVAL:
        raise DomainError(ErrorCode.SANCTION_NOT_FOUND)
    return sanction


def sanctions_of_member(member: Member) -> list[Sanction]:
    """The member's decisions (not those still waiting for a second approval), newest first."""
    return list(
        _sanctions()
        .filter(member=member)
        .exclude(state=SanctionState.AWAITING_APPROVAL)
        .order_by("-starts_at")
    )


def appeal_for_staff(user: AnyUser, public_id: Any) -> Appeal:
    appeal = (
        Appeal.objects.filter(public_id=_uuid(public_id))
        .select_related(
            "sanction__office", "sanction__member", "sanction__decided_by", "decided_by"
        )
        .first()
    )
    if appeal is None or not policies.can_handle_office(user, appeal.sanction.office):
        raise DomainError(ErrorCode.APPEAL_NOT_FOUND)
    return appeal


def incident_of_office(office: Office, public_id: Any) -> Incident | None:
    if not public_id:
        return None
    return Incident.objects.filter(public_id=_uuid(public_id), office=office).first()


def recent_incidents(office: Office, member: Member | None) -> list[Incident]:
    """The office's incidents involving ``member`` that a decision can rest on."""
    if member is None:
        return []
    return list(Incident.objects.filter(office=office, member=member).order_by("-occurred_at")[:20])


def member_by_email(address: str) -> User | None:
    return User.objects.filter(email__iexact=address.strip(), is_active=True).first()


@dataclass(frozen=True)
class Queue:
    """What waits for staff at their offices, oldest first."""

    incidents: list[Incident]
    awaiting: list[Sanction]
    appeals: list[Appeal]
    offices: list[Office]


def staff_queue(user: AnyUser, office: Office | None = None) -> Queue:
    """Open incidents, bans waiting for a second approval and appeals to answer (4 queries)."""
    offices = list(policies.handled_offices(user).order_by("name"))
    chosen = [office.pk] if office is not None else [o.pk for o in offices]
    incidents = (
        Incident.objects.open()
        .filter(office_id__in=chosen)
        .select_related("office")
        .order_by("created_at")[:QUEUE_LIMIT]
    )
    awaiting = (
        _sanctions()
        .filter(office_id__in=chosen, state=SanctionState.AWAITING_APPROVAL)
        .order_by("created_at")[:QUEUE_LIMIT]
    )
    appeals = (
        Appeal.objects.filter(sanction__office_id__in=chosen, outcome=AppealOutcome.PENDING)
        .select_related("sanction__office", "sanction__member")
        .order_by("answer_due")[:QUEUE_LIMIT]
    )
    return Queue(list(incidents), list(awaiting), list(appeals), offices)


def audit_entries(user: AnyUser, operator_id: int | None, limit: int = 200) -> list[AuditEntry]:
    """The latest entries at the operators' offices ``user`` may audit (all for platform admins)."""
    allowed = policies.audit_operators(user)
    entries = AuditEntry.objects.select_related("actor", "office", "subject")
    if operator_id is not None:
        allowed = allowed.filter(pk=operator_id)
    if not policies.can_see_audit(user, None) or operator_id is not None:
        entries = entries.filter(office__operator__in=allowed)
    return list(entries[:limit])
