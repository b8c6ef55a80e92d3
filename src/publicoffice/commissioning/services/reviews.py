"""Review: assigning reviewers, declaring conflicts of interest, scoring.

A reviewer declares first whether they have a conflict of interest with the
application; with one they may never score it, and the ranking shows
"conflict" in their place. Scores are 0–5 or N/A per rubric line, each
with a comment kept private or shared with the other reviewers. Scoring
saves as you go; completing the review needs every line answered.

The e-mail to a new reviewer is sent after commit by whoever listens to
:data:`reviewer_assigned` (``tasks_reviews``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import AnyUser, Member, StaffUser
from publicoffice.commissioning import policies
from publicoffice.commissioning.models import Application, ApplicationStatus, Reviewer, Score
from publicoffice.commissioning.models.calls import MAX_TEXT
from publicoffice.commissioning.models.reviews import TOP_SCORE
from publicoffice.commissioning.selectors.reviews import rubric_lines, scores_by_key
from publicoffice.core.domain_events import DomainEvent
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import paragraphs, within_limit
from publicoffice.core.timeutils import acting_now

#: A reviewer was assigned: ``reviewer_id``.
reviewer_assigned = DomainEvent("commissioning.reviewer_assigned")

#: Applications still under review: reviewers may be assigned and may score.
UNDER_REVIEW = (ApplicationStatus.SUBMITTED, ApplicationStatus.INFO_REQUESTED)
NOT_APPLICABLE = "na"


def _under_review(application: Application) -> None:
    if application.status not in UNDER_REVIEW:
        raise DomainError(ErrorCode.NOT_ALLOWED, _("This application is no longer under review."))


@transaction.atomic
def assign_reviewer(
    *,
    officer: StaffUser,
    application: Application,
    user: Member | None,
) -> Reviewer:
    """Assign ``user`` (the municipality's staff only); assigning twice changes nothing."""
    if not policies.can_manage_application(officer, application):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    _under_review(application)
    municipality_id = application.call.municipality_id
    if user is None or not policies.may_be_reviewer(user, municipality_id):
        raise DomainError(ErrorCode.REVIEWER_INVALID, field="user")
    reviewer, created = Reviewer.objects.get_or_create(
        application=application, user=user, defaults={"assigned_by": officer}
    )
    if created:
        reviewer_assigned.publish(reviewer_id=reviewer.pk)
    return reviewer


@transaction.atomic
def remove_reviewer(*, officer: StaffUser, reviewer: Reviewer) -> None:
    """Take the assignment back, with its scores (the ranking forgets them)."""
    if not policies.can_manage_application(officer, reviewer.application):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    reviewer.delete()


def _own(user: AnyUser, reviewer: Reviewer) -> None:
    if getattr(user, "pk", None) != reviewer.user_id:
        raise DomainError(ErrorCode.NOT_FOUND)


def _yes_or_no(value: Any) -> bool:
    if value in (True, "yes", "true", "1"):
        return True
    if value in (False, "no", "false", "0"):
        return False
    raise DomainError(ErrorCode.BAD_VALUE, _("Answer yes or no."), field="has_conflict")


@transaction.atomic
def declare_conflict(
    *,
    user: AnyUser,
    reviewer: Reviewer,
    has_conflict: Any,
    note: Any = "",
    now: datetime | None = None,
) -> Reviewer:
    """Say whether the reviewer has a conflict of interest; it can be said again until completed."""
    _own(user, reviewer)
    _under_review(reviewer.application)
    if reviewer.completed_at is not None:
        raise DomainError(ErrorCode.NOT_ALLOWED, _("This review is already completed."))
    reviewer.has_conflict = _yes_or_no(has_conflict)
    reviewer.conflict_note = within_limit(
        paragraphs(note or ""), field="conflict_note", limit=MAX_TEXT
    )
    reviewer.declared_at = acting_now(now)
    reviewer.save(update_fields=["has_conflict", "conflict_note", "declared_at", "updated_at"])
    return reviewer


def check_may_score(user: AnyUser, reviewer: Reviewer) -> None:
    """Refuse scoring: someone else's review, no declaration yet, or a conflict."""
    _own(user, reviewer)
    if reviewer.has_conflict is None:
        raise DomainError(ErrorCode.CONFLICT_NOT_DECLARED)
    if not policies.can_score(user, reviewer):
        raise DomainError(ErrorCode.CONFLICT_OF_INTEREST)
    _under_review(reviewer.application)


@dataclass(frozen=True)
class Answer:
    """One line as the reviewer gave it: a value ("0"–"5", "na" or empty), comment, shared."""

    value: Any
    comment: Any = ""
    shared: bool = False


def parse_value(value: Any, *, field: str) -> int | str | None:
    """0–5 as an int, N/A as None, unanswered as ``""``; anything else is SCORE_INVALID."""
    text = str(value if value is not None else "").strip()
    if text == "":
        return ""
    if text.lower() == NOT_APPLICABLE:
        return None
    if text.isascii() and text.isdigit() and int(text) <= TOP_SCORE:
        return int(text)
    raise DomainError(ErrorCode.SCORE_INVALID, field=field)


@transaction.atomic
def save_scores(*, user: AnyUser, reviewer: Reviewer, answers: dict[str, Answer]) -> list[Score]:
    """Save the lines given (keys ``g<guideline id>``/``c<criterion id>``); all or nothing.

    An empty value clears the line; a comment without a value is refused,
    so no comment is lost unseen.
    """
    check_may_score(user, reviewer)
    lines = {line.key: line for line in rubric_lines(reviewer.application.call)}
    cleaned = {}
    for key, answer in answers.items():
        if key not in lines:
            continue
        value = parse_value(answer.value, field=key)
        comment = within_limit(
            paragraphs(answer.comment or ""), field=f"{key}_comment", limit=MAX_TEXT
        )
        if value == "" and comment:
            raise DomainError(ErrorCode.SCORE_INVALID, field=key)
        cleaned[key] = (value, comment, bool(answer.shared))
    existing = scores_by_key(reviewer)
    saved = []
    for key, (value, comment, shared) in cleaned.items():
        if value == "":
            if key in existing:
                existing[key].delete()
            continue
        line = lines[key]
        score = existing.get(key) or Score(
            reviewer=reviewer, guideline_id=line.guideline_id, criterion_id=line.criterion_id
        )
        score.value, score.comment, score.shared = value, comment, shared
        score.save()
        saved.append(score)
    return saved


@transaction.atomic
def complete_review(*, user: AnyUser, reviewer: Reviewer, now: datetime | None = None) -> Reviewer:
    """Mark the review done: every line needs a score or N/A first."""
    check_may_score(user, reviewer)
    scored = scores_by_key(reviewer)
    missing = [line for line in rubric_lines(reviewer.application.call) if line.key not in scored]
    if missing:
        raise DomainError(
            ErrorCode.SCORE_INVALID,
            _("Score every line, or mark it not applicable, before you complete the review."),
            field=missing[0].key,
        )
    reviewer.completed_at = acting_now(now)
    reviewer.save(update_fields=["completed_at", "updated_at"])
    return reviewer
