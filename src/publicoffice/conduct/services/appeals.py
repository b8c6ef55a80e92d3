"""Appeal a decision, and answer the appeal with reasons.

The member appeals in their own words within ``CONDUCT_APPEAL_DAYS`` of
being told. Somebody other than the one who decided answers by the
operator's deadline: the decision is kept, shortened (a new, earlier end)
or lifted. Both sides are told, and each step is in the audit trail.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import Member, StaffUser
from publicoffice.conduct import config
from publicoffice.conduct.audit import log
from publicoffice.conduct.models import (
    Appeal,
    AppealOutcome,
    AuditAction,
    OperatorConduct,
    Sanction,
    SanctionState,
)
from publicoffice.conduct.services._common import REASON_MAX, appeal_decided, appeal_made, choose
from publicoffice.conduct.services.sanctions import decided_at
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import clean_paragraphs
from publicoffice.core.timeutils import acting_now, ensure_aware
from publicoffice.places.facts import Family, fact_changed

APPEAL_MAX = 3000
DEFAULT_ANSWER_DAYS = 14


def appeal_deadline(sanction: Sanction) -> datetime:
    """The last moment to appeal: the window counts from when the member was told."""
    return decided_at(sanction) + config.appeal_window()


def may_still_appeal(sanction: Sanction, at: datetime, *, appealed: bool) -> bool:
    """Whether the page offers the appeal form (``appealed``: an appeal exists)."""
    return (
        sanction.state != SanctionState.AWAITING_APPROVAL
        and not appealed
        and at <= appeal_deadline(sanction)
    )


def answer_days(sanction: Sanction) -> int:
    settings_row = OperatorConduct.objects.filter(operator_id=sanction.operator_id).first()
    return settings_row.appeal_answer_days if settings_row else DEFAULT_ANSWER_DAYS


@transaction.atomic
def appeal_make(
    *, member: Member, sanction: Sanction, text: Any, now: datetime | None = None
) -> Appeal:
    """The member appeals their own decision (permission: ``policies.can_appeal``)."""
    now = acting_now(now)
    sanction = Sanction.objects.select_for_update().get(pk=sanction.pk)
    if Appeal.objects.filter(sanction=sanction).exists():
        raise DomainError(ErrorCode.ALREADY_APPEALED)
    if sanction.state == SanctionState.AWAITING_APPROVAL or now > appeal_deadline(sanction):
        raise DomainError(ErrorCode.APPEAL_TOO_LATE)
    appeal = Appeal.objects.create(
        sanction=sanction,
        text=clean_paragraphs(
            text, field="text", limit=APPEAL_MAX, missing=_("Say why the decision is wrong.")
        ),
        submitted_at=now,
        answer_due=now + timedelta(days=answer_days(sanction)),
    )
    fact_changed(office_id=sanction.office_id, when=now, family=Family.CONDUCT)
    log(
        AuditAction.APPEAL_MADE,
        actor=member,
        at=now,
        office=sanction.office,
        subject=member,
        target=appeal.public_id,
    )
    appeal_made.publish(appeal_id=appeal.pk)
    return appeal


def _new_end(sanction: Sanction, value: datetime | None, now: datetime) -> datetime:
    if value is None:
        raise DomainError(ErrorCode.SANCTION_END_INVALID, _("Give the new, earlier end."))
    new_end = ensure_aware(value)
    if new_end <= max(now, sanction.starts_at) or (
        sanction.ends_at is not None and new_end >= sanction.ends_at
    ):
        raise DomainError(
            ErrorCode.SANCTION_END_INVALID,
            _("The new end must come before the old one and after now."),
        )
    return new_end


@transaction.atomic
def appeal_decide(
    *,
    staff: StaffUser,
    appeal: Appeal,
    outcome: Any,
    reply: Any,
    new_ends_at: datetime | None = None,
    now: datetime | None = None,
) -> Appeal:
    """Keep, shorten or lift the decision, with reasons (``policies.can_decide_appeal``)."""
    now = acting_now(now)
    appeal = Appeal.objects.select_for_update().select_related("sanction").get(pk=appeal.pk)
    sanction = appeal.sanction
    if appeal.outcome != AppealOutcome.PENDING:
        raise DomainError(ErrorCode.APPEAL_DECIDED)
    if staff.pk in {sanction.decided_by_id, sanction.approved_by_id}:
        raise DomainError(ErrorCode.SECOND_STAFF_NEEDED)
    result = choose(AppealOutcome, outcome, ErrorCode.APPEAL_OUTCOME_INVALID)
    if result == AppealOutcome.PENDING:
        raise DomainError(ErrorCode.APPEAL_OUTCOME_INVALID)
    appeal.reply = clean_paragraphs(
        reply, field="reply", limit=REASON_MAX, missing=_("Give the reasons for the answer.")
    )
    if result == AppealOutcome.SHORTENED:
        appeal.new_ends_at = sanction.ends_at = _new_end(sanction, new_ends_at, now)
    elif result == AppealOutcome.LIFTED:
        sanction.state, sanction.lifted_at = SanctionState.LIFTED, now
    sanction.save(update_fields=["ends_at", "state", "lifted_at", "updated_at"])
    appeal.outcome, appeal.decided_by, appeal.decided_at = result, staff, now
    appeal.save(
        update_fields=["reply", "new_ends_at", "outcome", "decided_by", "decided_at", "updated_at"]
    )
    # Appeals count on the day made, by outcome now.
    fact_changed(office_id=sanction.office_id, when=appeal.submitted_at, family=Family.CONDUCT)
    log(
        AuditAction.APPEAL_DECIDED,
        actor=staff,
        at=now,
        office=sanction.office,
        subject=sanction.member,
        target=appeal.public_id,
        note=str(result),
    )
    if result == AppealOutcome.LIFTED:
        log(
            AuditAction.SANCTION_LIFTED,
            actor=staff,
            at=now,
            office=sanction.office,
            subject=sanction.member,
            target=sanction.public_id,
        )
    appeal_decided.publish(appeal_id=appeal.pk)
    return appeal
