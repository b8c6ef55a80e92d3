"""Review a decision that holds: keep a ban with a new review date, end it sooner, or lift it.

A ban until further notice has a review date (the sweep tells the office
when it comes), and any decision can turn out too harsh before its end.
Staff of the deciding office review it with reasons the member reads. A
review only ever makes a decision lighter or keeps it as it is: a longer
or harsher one is a new decision, with its own statement and appeal.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import StaffUser
from publicoffice.conduct.audit import log
from publicoffice.conduct.models import AuditAction, Sanction, SanctionState
from publicoffice.conduct.services._common import REASON_MAX, choose, sanction_reviewed
from publicoffice.conduct.services.sanctions import is_in_force
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import clean_paragraphs
from publicoffice.core.timeutils import acting_now, ensure_aware


class ReviewOutcome(StrEnum):
    KEEP = "keep"
    END = "end"
    LIFT = "lift"


def _future(value: datetime | None, now: datetime, message: Any) -> datetime:
    if value is None or ensure_aware(value) <= now:
        raise DomainError(ErrorCode.SANCTION_END_INVALID, message)
    return ensure_aware(value)


def _apply(
    sanction: Sanction, outcome: ReviewOutcome, when: datetime | None, now: datetime
) -> None:
    if outcome == ReviewOutcome.LIFT:
        sanction.state, sanction.lifted_at = SanctionState.LIFTED, now
    elif outcome == ReviewOutcome.KEEP:
        if sanction.ends_at is not None:
            raise DomainError(
                ErrorCode.SANCTION_END_INVALID,
                _("Only a ban until further notice has a review date."),
            )
        sanction.review_at = _future(when, now, _("Give the next review date, after today."))
        sanction.review_noticed_at = None
    else:
        end = _future(when, now, _("Give the new end, after now."))
        if sanction.ends_at is not None and end >= sanction.ends_at:
            raise DomainError(
                ErrorCode.SANCTION_END_INVALID,
                _("A review can only end a decision sooner. A longer one is a new decision."),
            )
        sanction.ends_at, sanction.review_at = end, None


@transaction.atomic
def sanction_review(
    *,
    staff: StaffUser,
    sanction: Sanction,
    outcome: Any,
    reasons: Any,
    when: datetime | None = None,
    now: datetime | None = None,
) -> Sanction:
    """Review a decision in force (permission: ``policies.can_handle_office`` of its office)."""
    now = acting_now(now)
    sanction = Sanction.objects.select_for_update().get(pk=sanction.pk)
    if not is_in_force(sanction, now):
        raise DomainError(ErrorCode.SANCTION_NOT_AWAITING, _("This decision does not hold now."))
    result = choose(
        ReviewOutcome, outcome, ErrorCode.APPEAL_OUTCOME_INVALID, _("Choose what to do.")
    )
    text = clean_paragraphs(
        reasons,
        field="reasons",
        limit=REASON_MAX,
        missing=_("Give the reasons; the member reads them."),
    )
    _apply(sanction, result, when, now)
    sanction.save(
        update_fields=[
            "state",
            "lifted_at",
            "ends_at",
            "review_at",
            "review_noticed_at",
            "updated_at",
        ]
    )
    action = (
        AuditAction.SANCTION_LIFTED
        if result == ReviewOutcome.LIFT
        else AuditAction.SANCTION_REVIEWED
    )
    log(
        action,
        actor=staff,
        at=now,
        office=sanction.office,
        subject=sanction.member,
        target=sanction.public_id,
        note=f"{result}: {text}",
    )
    sanction_reviewed.publish(sanction_id=sanction.pk, outcome=str(result), reasons=text)
    return sanction
