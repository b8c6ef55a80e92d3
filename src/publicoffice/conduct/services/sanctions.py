"""Decide a sanction with its statement of reasons, approve an indefinite ban, see the history.

What a decision needs is checked in one place (:func:`_clean_terms`): a
restriction names what it stops and ends by itself; a ban stops everything
and, without an end, waits for a second staff member and has a review
date; a note or a warning stops nothing. The statement of reasons (facts,
grounds, the rule version, whether automated) is required, never optional.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import Member, StaffUser
from publicoffice.conduct import config
from publicoffice.conduct.audit import log
from publicoffice.conduct.models import (
    AuditAction,
    Category,
    Incident,
    Sanction,
    SanctionKind,
    SanctionScope,
    SanctionState,
)
from publicoffice.conduct.rules import network_version_in_force
from publicoffice.conduct.services._common import FACTS_MAX, REASON_MAX, choose, sanction_in_force
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import clean_paragraphs
from publicoffice.core.timeutils import acting_now, ensure_aware
from publicoffice.places.facts import Family, fact_changed
from publicoffice.places.models import Office
from publicoffice.places.restrictions import MemberAction


@dataclass(frozen=True)
class Terms:
    kind: SanctionKind
    actions: list[str]
    starts_at: datetime
    ends_at: datetime | None
    review_at: datetime | None


def _actions(kind: SanctionKind, actions: Any) -> list[str]:
    if kind == SanctionKind.BAN:
        return [str(action) for action in MemberAction]
    if kind != SanctionKind.RESTRICTION:
        return []
    chosen = {choose(MemberAction, a, ErrorCode.SANCTION_ACTIONS_MISSING) for a in actions or []}
    if not chosen:
        raise DomainError(ErrorCode.SANCTION_ACTIONS_MISSING)
    return [str(action) for action in MemberAction if action in chosen]


def _clean_terms(
    kind: Any,
    actions: Any,
    starts_at: datetime | None,
    ends_at: datetime | None,
    review_at: datetime | None,
    now: datetime,
) -> Terms:
    kind = choose(SanctionKind, kind, ErrorCode.SANCTION_KIND_INVALID)
    stopped = _actions(kind, actions)
    starts = ensure_aware(starts_at) if starts_at else now
    ends = ensure_aware(ends_at) if ends_at else None
    review = ensure_aware(review_at) if review_at else None
    if ends is not None and ends <= max(starts, now):
        raise DomainError(ErrorCode.SANCTION_END_INVALID)
    if kind == SanctionKind.RESTRICTION and ends is None:
        raise DomainError(
            ErrorCode.SANCTION_END_INVALID, _("A restriction needs an end: give its last day.")
        )
    if kind == SanctionKind.BAN and ends is None and (review is None or review <= now):
        raise DomainError(
            ErrorCode.SANCTION_END_INVALID, _("A ban without an end needs a review date ahead.")
        )
    if kind in (SanctionKind.NOTE, SanctionKind.WARNING):
        ends, review = None, None
    return Terms(kind, stopped, starts, ends, review if ends is None else None)


def _category(category: Any, incidents: list[Incident]) -> str:
    if category in (None, "") and incidents:
        return incidents[0].category
    return str(choose(Category, category, ErrorCode.INCIDENT_CATEGORY_INVALID))


@transaction.atomic
def sanction_decide(
    *,
    staff: StaffUser,
    member: Member,
    office: Office,
    kind: Any,
    scope: Any,
    facts: Any,
    grounds: Any,
    actions: Any = (),
    category: Any = None,
    incidents: list[Incident] | tuple[Incident, ...] = (),
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    review_at: datetime | None = None,
    now: datetime | None = None,
) -> Sanction:
    """Decide a sanction on ``member`` at ``office``; permission: ``policies.can_decide_scope``.

    An indefinite ban is saved waiting for approval and holds only once a
    second staff member approves it; everything else holds from its start.
    """
    now = acting_now(now)
    terms = _clean_terms(kind, actions, starts_at, ends_at, review_at, now)
    incidents = list(incidents)
    indefinite_ban = terms.kind == SanctionKind.BAN and terms.ends_at is None
    sanction = Sanction.objects.create(
        member=member,
        kind=terms.kind,
        actions=terms.actions,
        scope=choose(SanctionScope, scope, ErrorCode.SANCTION_SCOPE_INVALID),
        office=office,
        operator_id=office.operator_id,
        municipality_id=office.municipality_id,
        starts_at=terms.starts_at,
        ends_at=terms.ends_at,
        review_at=terms.review_at,
        rule_version=network_version_in_force(now),
        category=_category(category, list(incidents)),
        facts=clean_paragraphs(
            facts, field="facts", limit=FACTS_MAX, missing=_("Say what happened.")
        ),
        grounds=clean_paragraphs(
            grounds, field="grounds", limit=REASON_MAX, missing=_("Say why this decision.")
        ),
        state=SanctionState.AWAITING_APPROVAL if indefinite_ban else SanctionState.IN_FORCE,
        decided_by=staff,
    )
    sanction.incidents.set(incidents)
    if sanction.state == SanctionState.IN_FORCE:
        # Counted on the day it holds; an indefinite ban on the day it is approved.
        fact_changed(office_id=office.pk, when=sanction.created_at, family=Family.CONDUCT)
    _announce(sanction, staff, now)
    return sanction


def _announce(sanction: Sanction, staff: StaffUser, now: datetime) -> None:
    """Log the decision, and tell the member once it holds."""
    log(
        AuditAction.SANCTION_DECIDED,
        actor=staff,
        at=now,
        office=sanction.office,
        subject=sanction.member,
        target=sanction.public_id,
        note=f"{sanction.kind} {sanction.scope}",
    )
    if sanction.state == SanctionState.IN_FORCE:
        sanction_in_force.publish(sanction_id=sanction.pk)


@transaction.atomic
def sanction_approve(
    *, staff: StaffUser, sanction: Sanction, now: datetime | None = None
) -> Sanction:
    """A second staff member approves an indefinite ban (the decider cannot)."""
    now = acting_now(now)
    sanction = Sanction.objects.select_for_update().get(pk=sanction.pk)
    if sanction.state != SanctionState.AWAITING_APPROVAL:
        raise DomainError(ErrorCode.SANCTION_NOT_AWAITING)
    if sanction.decided_by_id == staff.pk:
        raise DomainError(ErrorCode.SECOND_STAFF_NEEDED)
    sanction.state, sanction.approved_by, sanction.approved_at = (
        SanctionState.IN_FORCE,
        staff,
        now,
    )
    sanction.save(update_fields=["state", "approved_by", "approved_at", "updated_at"])
    fact_changed(office_id=sanction.office_id, when=now, family=Family.CONDUCT)
    log(
        AuditAction.SANCTION_APPROVED,
        actor=staff,
        at=now,
        office=sanction.office,
        subject=sanction.member,
        target=sanction.public_id,
    )
    sanction_in_force.publish(sanction_id=sanction.pk)
    return sanction


def decided_at(sanction: Sanction) -> datetime:
    """When the member was told: the approval of an indefinite ban, else the decision."""
    return sanction.approved_at or sanction.created_at


def is_in_force(sanction: Sanction, at: datetime) -> bool:
    return (
        sanction.state == SanctionState.IN_FORCE
        and sanction.starts_at <= at
        and (sanction.ends_at is None or sanction.ends_at > at)
    )


def counts_towards_escalation(sanction: Sanction, at: datetime) -> bool:
    """Still counts: not lifted, and ended (or was given) within the forgiveness period."""
    if sanction.state == SanctionState.LIFTED:
        return False
    last = sanction.ends_at or (sanction.starts_at if sanction.kind in ("note", "warning") else at)
    return at - last <= config.forgiveness_period()


def prior_sanctions(
    member: Member, visible: Q, at: datetime | None = None
) -> list[tuple[Sanction, bool]]:
    """The member's decisions staff may see (``visible``: ``policies.sanctions_visible_to_staff``),
    newest first, each with whether it still counts towards escalation."""
    at = acting_now(at)
    rows = (
        Sanction.objects.filter(visible, member=member)
        .select_related("office", "decided_by")
        .order_by("-starts_at")
    )
    return [(sanction, counts_towards_escalation(sanction, at)) for sanction in rows]
