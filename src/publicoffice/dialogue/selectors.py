"""Reads of dialogue: one selector per screen, the same for the web page and the API.

Lists run a fixed number of queries whatever the number of proposals (the
tests count them): rows come with their office and author in one query,
and the counts shown are the kept ``support_count``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from django.db.models import Exists, F, OuterRef, Q, QuerySet

from publicoffice.accounts.actors import AnyUser
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.dialogue import clock, policies
from publicoffice.dialogue.models import (
    FAMILIES,
    OPEN_STATES,
    Answer,
    Argument,
    Family,
    Follow,
    Proposal,
    Support,
)
from publicoffice.places.models import Municipality, Office, Operator

Order = Literal["support", "newest"]
ORDERS: dict[str, tuple[str, ...]] = {
    "support": ("-support_count", "-created_at", "-id"),
    "newest": ("-created_at", "-id"),
}
ANSWERED_STATES = tuple(s for s, f in FAMILIES.items() if f != Family.OPEN)


def _rows(proposals: QuerySet[Proposal]) -> QuerySet[Proposal]:
    return proposals.select_related("office", "operator", "municipality", "author")


def office_open_proposals(*, office: Office, order: str = "support") -> QuerySet[Proposal]:
    """Open proposals at the office, by support (most first) or newest first."""
    ordering = ORDERS.get(order, ORDERS["support"])
    return _rows(Proposal.objects.listed().filter(office=office, state__in=OPEN_STATES)).order_by(
        *ordering
    )


def office_answered_proposals(*, office: Office) -> QuerySet[Proposal]:
    """Done and closed proposals at the office, the latest change first."""
    return _rows(
        Proposal.objects.visible().filter(office=office, state__in=ANSWERED_STATES)
    ).order_by("-state_changed_at", "-id")


def network_proposals(
    *, municipality: Municipality | None = None, family: str = "open", order: str = "support"
) -> QuerySet[Proposal]:
    """Proposals across the network (or one municipality's offices and its own), listed."""
    states = OPEN_STATES if family == Family.OPEN else ANSWERED_STATES
    proposals = Proposal.objects.listed().filter(state__in=states)
    if municipality is not None:
        proposals = proposals.filter(
            Q(office__municipality=municipality) | Q(municipality=municipality)
        )
    return _rows(proposals).order_by(*ORDERS.get(order, ORDERS["support"]))


def proposals_listed(
    *,
    office: Office | None = None,
    municipality: Municipality | None = None,
    family: str = "",
    state: str = "",
    order: str = "support",
) -> QuerySet[Proposal]:
    """Listed proposals of any family (the API's list), filtered by scope, family and state.

    ``municipality`` takes its offices' proposals and its own, as the network page does.
    """
    proposals = Proposal.objects.listed()
    if office is not None:
        proposals = proposals.filter(office=office)
    if municipality is not None:
        proposals = proposals.filter(
            Q(office__municipality=municipality) | Q(municipality=municipality)
        )
    if family:
        proposals = proposals.filter(state__in=[s for s, f in FAMILIES.items() if f == family])
    if state:
        proposals = proposals.filter(state=state)
    return _rows(proposals).order_by(*ORDERS.get(order, ORDERS["support"]))


def operator_to_propose_to(*, operator_id: int) -> Operator:
    """The operator whose whole network a proposal is for; ``office_unknown`` otherwise."""
    operator = Operator.objects.filter(pk=operator_id).first()
    if operator is None:
        raise DomainError(ErrorCode.OFFICE_UNKNOWN, field="operator")
    return operator


def _parse(public_id: Any) -> UUID:
    if isinstance(public_id, UUID):
        return public_id
    try:
        return UUID(str(public_id))
    except (ValueError, TypeError, AttributeError) as error:
        raise DomainError(ErrorCode.PROPOSAL_NOT_FOUND) from error


def proposal_get_visible(*, user: AnyUser, public_id: Any) -> Proposal:
    """The proposal if ``user`` may see it; hidden ones are "not found" to everyone else."""
    proposal = _rows(Proposal.objects.filter(public_id=_parse(public_id))).first()
    if proposal is None or not policies.can_see(user, proposal):
        raise DomainError(ErrorCode.PROPOSAL_NOT_FOUND)
    return proposal


@dataclass(frozen=True)
class ProposalPage:
    """Everything the proposal page shows, read in a fixed number of queries."""

    proposal: Proposal
    answers: list[Answer]
    drafts: list[Answer]
    versions: list[Any]
    arguments: list[Argument]
    supported: bool
    following: bool
    overdue: bool
    age_days: int


def proposal_page(*, user: AnyUser, proposal: Proposal, now: datetime) -> ProposalPage:
    answers = list(proposal.answers.select_related("written_by").order_by("published_at", "id"))
    staff = policies.can_answer(user, proposal)
    shown_arguments = proposal.arguments.select_related("member").order_by("created_at", "id")
    arguments = [
        a
        for a in shown_arguments
        if a.hidden_at is None or staff or (user.is_authenticated and a.member_id == user.pk)
    ]
    mine = {"proposal": proposal, "member_id": getattr(user, "pk", None)}
    return ProposalPage(
        proposal=proposal,
        answers=[a for a in answers if a.published_at is not None],
        drafts=[a for a in answers if a.published_at is None] if staff else [],
        versions=list(proposal.versions.order_by("-number")),
        arguments=arguments,
        supported=user.is_authenticated and Support.objects.filter(**mine).exists(),
        following=user.is_authenticated and Follow.objects.filter(**mine).exists(),
        overdue=clock.is_overdue(proposal, today=clock.local_day(now)),
        age_days=clock.age_in_days(proposal, now=now),
    )


def supported_ids(*, user: AnyUser, proposals: Iterable[Proposal]) -> set[int]:
    """Which of ``proposals`` the user supports (one query), for the lists' buttons."""
    if not user.is_authenticated:
        return set()
    ids = [p.pk for p in proposals]
    return set(
        Support.objects.filter(member=user, proposal_id__in=ids).values_list(
            "proposal_id", flat=True
        )
    )


def queue_to_answer(*, user: AnyUser) -> QuerySet[Proposal]:
    """The answering side's queue: open proposals without a first answer, due first.

    Overdue ones come first because they are due earliest. Answered open
    ones ("planned", "under consideration") follow, the oldest change first.
    Archived ones stay out: nobody supported them in months, and an answer
    on the page still brings one back.
    """
    waiting = Proposal.objects.listed().filter(state__in=OPEN_STATES)
    has_draft = Answer.objects.filter(proposal=OuterRef("pk"), published_at__isnull=True)
    return (
        _rows(policies.answerable(user, waiting))
        .annotate(has_draft=Exists(has_draft))
        .order_by(
            F("first_answer_at").asc(nulls_first=True), "answer_due", "state_changed_at", "id"
        )
    )


def open_proposals_count(*, office: Office) -> int:
    return Proposal.objects.listed().filter(office=office, state__in=OPEN_STATES).count()


def item_in(*, proposal: Proposal, argument_id: Any) -> Proposal | Argument:
    """The proposal itself, or one of its arguments by id (reporting and hiding)."""
    if argument_id in (None, ""):
        return proposal
    try:
        number = int(argument_id)
    except (TypeError, ValueError) as error:
        raise DomainError(ErrorCode.PROPOSAL_NOT_FOUND) from error
    argument = Argument.objects.filter(proposal=proposal, pk=number).first()
    if argument is None:
        raise DomainError(ErrorCode.PROPOSAL_NOT_FOUND)
    return argument


def draft_of(*, proposal: Proposal, answer_id: int) -> Answer:
    """An unpublished answer of this proposal; anything else is ``answer_not_found``."""
    draft = Answer.objects.filter(
        proposal=proposal, pk=answer_id, published_at__isnull=True
    ).first()
    if draft is None:
        raise DomainError(ErrorCode.ANSWER_NOT_FOUND)
    return draft


def proposal_of_event(*, event: Any) -> Proposal | None:
    """The proposal an event was made from, if any (the event page's link back)."""
    return _rows(Proposal.objects.filter(event=event)).first()


def support_state(*, user: AnyUser, proposal: Proposal) -> dict[str, bool]:
    """Whether ``user`` supports and follows ``proposal`` (the support block's buttons)."""
    mine = {"proposal": proposal, "member_id": getattr(user, "pk", None)}
    known = user.is_authenticated
    return {
        "supported": known and Support.objects.filter(**mine).exists(),
        "following": known and Follow.objects.filter(**mine).exists(),
    }


@dataclass(frozen=True)
class MemberDialogue:
    """A member's own page: what they proposed, support and follow, newest change first."""

    made: list[Proposal]
    supported: list[Proposal]
    following: list[Proposal]


def member_dialogue(*, member: AnyUser, limit: int = 100) -> MemberDialogue:
    """Three lists in three queries, whatever their length (hidden ones are the author's too)."""
    latest = ("-state_changed_at", "-id")
    made = _rows(
        Proposal.objects.filter(author_id=member.pk, awaiting_confirmation=False)
    ).order_by(*latest)[:limit]
    supported = _rows(Proposal.objects.visible().filter(supports__member_id=member.pk)).order_by(
        *latest
    )[:limit]
    following = _rows(Proposal.objects.visible().filter(follows__member_id=member.pk)).order_by(
        *latest
    )[:limit]
    return MemberDialogue(made=list(made), supported=list(supported), following=list(following))
