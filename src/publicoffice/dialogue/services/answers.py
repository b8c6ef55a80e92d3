"""Public answers: written by staff, published now or later, each moving the state.

A published :class:`Answer` is the only way a proposal changes state, so
its history is the list of answers. The first published answer stops the
response clock; the statistics row records whether it came in time. Drafts
wait, unseen, until staff publish them or their ``publish_at`` comes (the
sweep, :func:`publish_due_answers`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import Member, StaffUser
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.timeutils import acting_now
from publicoffice.dialogue import clock, happenings
from publicoffice.dialogue.models import FAMILIES, Answer, Family, Proposal, State
from publicoffice.dialogue.services._common import (
    ANSWER_MAX,
    REASON_MAX,
    clean_line,
    clean_paragraphs,
    clean_staff_state,
    locked,
    statistic_of,
    tell_figures,
)
from publicoffice.places.facts import Family as FactFamily
from publicoffice.places.facts import fact_changed

#: States staff may give in an answer. *Withdrawn* is the author's alone;
#: *became an event* comes with the event (events.services, through the
#: "make this an event" step).
STAFF_STATES = frozenset(
    {
        State.CONSIDERING,
        State.PLANNED,
        State.DONE,
        State.DECLINED,
        State.DUPLICATE,
        State.FORWARDED,
    }
)


def publish_state_change(
    proposal: Proposal, *, state: str, text: str, by: Member | None, now: datetime
) -> Answer:
    """Record a published answer that moves ``proposal`` (locked by the caller) to ``state``."""
    answer = Answer.objects.create(
        proposal=proposal, state=state, text=text, written_by=by, published_at=now
    )
    _apply(answer, proposal, now=now, by_staff=state != State.WITHDRAWN)
    return answer


def _apply(answer: Answer, proposal: Proposal, *, now: datetime, by_staff: bool) -> None:
    """Move the proposal as the published ``answer`` says; tell whoever listens."""
    proposal.state = answer.state
    proposal.state_changed_at = now
    # "Duplicate of" and "forwarded to" belong to the state that says so.
    proposal.duplicate_of = answer.duplicate_of if answer.state == State.DUPLICATE else None
    proposal.forwarded_to = answer.forwarded_to if answer.state == State.FORWARDED else ""
    fields = ["state", "state_changed_at", "duplicate_of", "forwarded_to", "updated_at"]
    statistic = statistic_of(proposal)
    statistic.state = answer.state
    first_answer = by_staff and proposal.first_answer_at is None
    if first_answer:
        proposal.first_answer_at = now
        fields.append("first_answer_at")
        statistic.days_to_first_answer = clock.days_between(proposal.created_at, now)
        statistic.answered_on_time = clock.answered_on_time(
            due=proposal.answer_due, answered_at=now
        )
    if proposal.archived_at is not None:
        proposal.archived_at = None
        fields.append("archived_at")
    proposal.save(update_fields=fields)
    statistic.save()
    if first_answer:
        fact_changed(office_id=proposal.office_id, when=now, family=FactFamily.DIALOGUE)
    happenings.answer_published.publish(answer_id=answer.pk)


def _clean_state(proposal: Proposal, state: Any, details: dict[str, Any]) -> str:
    return clean_staff_state(
        proposal,
        state,
        details,
        allowed=STAFF_STATES,
        code=ErrorCode.PROPOSAL_STATE_INVALID,
        repeats=_("Say which other proposal this one repeats."),
    )


@transaction.atomic
def answer_write(
    *,
    staff: StaffUser,
    proposal: Proposal,
    state: Any,
    text: Any,
    draft: bool = False,
    publish_at: datetime | None = None,
    duplicate_of: Proposal | None = None,
    forwarded_to: Any = "",
    now: datetime | None = None,
) -> Answer:
    """Staff answer in public: now, or as a draft published by hand or at ``publish_at``.

    The permission is the caller's to check (``policies.can_answer``).
    """
    now = acting_now(now)
    proposal = locked(proposal)
    if proposal.hidden_at is not None or proposal.state == State.WITHDRAWN:
        raise DomainError(ErrorCode.PROPOSAL_CLOSED)
    details: dict[str, Any] = {"duplicate_of": duplicate_of, "forwarded_to": forwarded_to}
    state = _clean_state(proposal, state, details)
    words = clean_paragraphs(
        text, field="text", limit=ANSWER_MAX, missing=_("Write the answer people will read.")
    )
    if publish_at is not None and publish_at <= now:
        raise DomainError(ErrorCode.IN_PAST, field="publish_at")
    # Kept on the answer, so a draft shows nothing until it is published.
    answer = Answer(
        proposal=proposal,
        state=state,
        text=words,
        written_by=staff,
        duplicate_of=duplicate_of if state == State.DUPLICATE else None,
        forwarded_to=details["forwarded_to"] if state == State.FORWARDED else "",
    )
    if draft or publish_at is not None:
        answer.publish_at = publish_at
        answer.save()
        return answer
    answer.published_at = now
    answer.save()
    _apply(answer, proposal, now=now, by_staff=True)
    return answer


@transaction.atomic
def answer_publish(*, answer: Answer, now: datetime | None = None) -> Answer:
    """Publish a draft now (staff's button, or the sweep when its time has come)."""
    now = acting_now(now)
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    if answer.published_at is not None:
        raise DomainError(ErrorCode.ANSWER_NOT_FOUND)
    proposal = locked(answer.proposal)
    if proposal.hidden_at is not None or proposal.state == State.WITHDRAWN:
        raise DomainError(ErrorCode.PROPOSAL_CLOSED)
    answer.published_at = now
    answer.save(update_fields=["published_at", "updated_at"])
    _apply(answer, proposal, now=now, by_staff=True)
    return answer


def publish_due_answers(*, now: datetime | None = None) -> int:
    """Publish every draft whose ``publish_at`` has come; how many."""
    now = acting_now(now)
    # A proposal hidden or withdrawn since keeps its draft unpublished, for staff to see.
    due = Answer.objects.filter(
        published_at__isnull=True,
        publish_at__lte=now,
        proposal__hidden_at__isnull=True,
    ).exclude(proposal__state=State.WITHDRAWN)
    count = 0
    for answer in due.order_by("publish_at", "id"):
        answer_publish(answer=answer, now=now)
        count += 1
    return count


@transaction.atomic
def proposal_withdraw(
    *, author: Member, proposal: Proposal, reason: Any, now: datetime | None = None
) -> Proposal:
    """The author takes the proposal back, saying why; supporters and followers are told."""
    now = acting_now(now)
    proposal = locked(proposal)
    if proposal.author_id != author.pk:
        raise DomainError(ErrorCode.NOT_ALLOWED)
    if FAMILIES[proposal.state] != Family.OPEN or proposal.hidden_at is not None:
        raise DomainError(ErrorCode.PROPOSAL_CLOSED)
    text = clean_line(
        reason, field="reason", limit=REASON_MAX, missing=_("Say why you withdraw it.")
    )
    publish_state_change(proposal, state=State.WITHDRAWN, text=text, by=author, now=now)
    statistic = statistic_of(proposal)
    if statistic.answered_on_time is None:
        statistic.excluded = True
        statistic.save(update_fields=["excluded"])
        tell_figures(proposal)
    return proposal


def archive_stale(*, now: datetime | None = None) -> int:
    """Archive proposals nobody supported or answered within ``DIALOGUE_ARCHIVE_DAYS``.

    Archived proposals keep their page and their figures; they leave the
    lists. A later answer brings one back.
    """
    now = acting_now(now)
    cutoff = now - timedelta(days=settings.DIALOGUE_ARCHIVE_DAYS)
    return Proposal.objects.filter(
        state=State.NEW,
        support_count=0,
        first_answer_at__isnull=True,
        archived_at__isnull=True,
        created_at__lt=cutoff,
    ).update(archived_at=now)
