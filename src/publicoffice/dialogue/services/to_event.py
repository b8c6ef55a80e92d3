"""Accepted becomes an event in one step, and done by itself once the event has taken place.

"Make this an event" creates the event through the events service (the room
is booked the same way as for any event), links it to the proposal and
publishes the answer that says so: the proposal is *planned*. When the
event has ended, the sweep moves the proposal to *became an event* (done)
with an answer of its own, so nobody has to remember to close it. A
cancelled event leaves the proposal planned, for staff to answer anew.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import Member, StaffUser
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.timeutils import acting_now
from publicoffice.dialogue import happenings
from publicoffice.dialogue.models import OPEN_STATES, Proposal, State
from publicoffice.dialogue.services._common import ANSWER_MAX, clean_paragraphs, locked
from publicoffice.dialogue.services.answers import publish_state_change
from publicoffice.events import services as event_services
from publicoffice.events.models import Event, EventStatus


@transaction.atomic
def proposal_make_event(
    *,
    staff: StaffUser,
    proposal: Proposal,
    answer: Any,
    invite_author: bool = False,
    now: datetime | None = None,
    **event_details: Any,
) -> Event:
    """Create the event (``event_details`` as ``events.services.event_create`` takes them).

    The event service checks that ``staff`` runs events at the office; the
    proposal must be an open one made at an office.
    """
    now = acting_now(now)
    proposal = locked(proposal)
    if proposal.office is None:
        raise DomainError(
            ErrorCode.NOT_ALLOWED, _("Only a proposal made at an office can become its event.")
        )
    if proposal.state not in OPEN_STATES or proposal.hidden_at is not None:
        raise DomainError(ErrorCode.PROPOSAL_CLOSED)
    if proposal.event_id is not None:
        raise DomainError(ErrorCode.PROPOSAL_CLOSED, _("This proposal is an event already."))
    words = clean_paragraphs(
        answer, field="answer", limit=ANSWER_MAX, missing=_("Write the answer people will read.")
    )
    event = event_services.event_create(
        office=proposal.office, actor=staff, at=now, **event_details
    )
    proposal.event = event
    if invite_author and proposal.author_id is not None:
        proposal.co_host_invited_at = now
    proposal.save(update_fields=["event", "co_host_invited_at"])
    publish_state_change(proposal, state=State.PLANNED, text=words, by=staff, now=now)
    if proposal.co_host_invited_at is not None:
        happenings.co_host_invited.publish(proposal_id=proposal.pk)
    return event


@transaction.atomic
def co_host_answer(*, author: Member, proposal: Proposal, yes: bool) -> Proposal:
    """The author says whether they host the event with the office (and may change their mind)."""
    proposal = locked(proposal)
    if proposal.author_id != author.pk or proposal.co_host_invited_at is None:
        raise DomainError(ErrorCode.NOT_ALLOWED)
    proposal.co_host_answer = "yes" if yes else "no"
    proposal.save(update_fields=["co_host_answer", "updated_at"])
    return proposal


def close_held_events(*, now: datetime | None = None) -> int:
    """Proposals whose event has taken place become *became an event*; how many."""
    now = acting_now(now)
    held = Proposal.objects.filter(
        state__in=OPEN_STATES,
        event__isnull=False,
        event__ends_at__lte=now,
        hidden_at__isnull=True,
    ).exclude(event__status__in=[EventStatus.CANCELLED, EventStatus.POSTPONED])
    count = 0
    for proposal in held.order_by("id"):
        with transaction.atomic():
            current = locked(proposal)
            if current.state in OPEN_STATES:
                # No text: the page and the e-mail say "The event took place" in
                # each reader's own language.
                publish_state_change(current, state=State.BECAME_EVENT, text="", by=None, now=now)
                count += 1
    return count
