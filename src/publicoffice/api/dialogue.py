"""The proposals API: lists, one proposal, proposing, supporting, arguing and answering.

Reads are public; a hidden proposal only for its author and the answering
side (anyone else gets ``404 proposal_not_found``, as for none). Writes need a
caller (:mod:`publicoffice.api.auth`), count against ``API_WRITE_LIMIT``, and
go through the dialogue's services and policies like the web pages, so
refusals carry the same codes (``403 not_allowed`` here as there).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.api import dialogue_payloads as payloads
from publicoffice.api.auth import member_auth, optional_user
from publicoffice.api.common import (
    MAX_ID,
    READ_ERRORS,
    WRITE_ERRORS,
    activate_language,
    caller,
    count_write,
    require_aware,
    write_limit_doc,
)
from publicoffice.api.dialogue_schemas import (
    AnswerIn,
    AnswerOut,
    ArgumentIn,
    ArgumentOut,
    FollowOut,
    ProposalDetailOut,
    ProposalIn,
    ProposalPageOut,
    ProposalPatch,
    ProposalQuery,
    QueuePageOut,
    SupportOut,
    WithdrawIn,
)
from publicoffice.api.schemas import MAX_PAGE_SIZE, ErrorOut, PageQuery
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.dialogue import policies, selectors
from publicoffice.dialogue.models import Proposal
from publicoffice.dialogue.services import answers, proposals
from publicoffice.places.models import Municipality, Office, OfficeStatus, Operator
from publicoffice.places.selectors import municipality_by_code, office_public

router = Router(tags=["proposals"])

# -- helpers --------------------------------------------------------------------


def _checked_page(paging: PageQuery) -> None:
    if not paging.is_valid():
        raise DomainError(
            ErrorCode.INVALID_PAGE,
            _("Pages start at 1 and hold between 1 and %(max)s items.") % {"max": MAX_PAGE_SIZE},
        )


def _visible(user: AnyUser, public_id: str) -> Proposal:
    return selectors.proposal_get_visible(user=user, public_id=public_id)


def _answerable(user: Member, public_id: str) -> Proposal:
    """A proposal the caller answers for; anyone else is ``403 not_allowed``, as on the web."""
    proposal = _visible(user, public_id)
    if not policies.can_answer(user, proposal):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    return proposal


def _detail(request: HttpRequest, user: AnyUser, public_id: str) -> dict[str, Any]:
    now = timezone.now()
    proposal = _visible(user, public_id)
    page = selectors.proposal_page(user=user, proposal=proposal, now=now)
    return payloads.detail(page, request, user=user, now=now)


def _scope(payload: ProposalIn) -> tuple[Office | None, Operator | None, Municipality | None]:
    """The office, operator or municipality named; the service refuses anything but one."""
    office = office_public(slug=payload.office) if payload.office is not None else None
    if office is not None and office.status != OfficeStatus.OPEN:
        raise DomainError(ErrorCode.NOT_ALLOWED, _("Proposals can be made at open offices."))
    operator = None
    if payload.operator is not None:
        if not 1 <= payload.operator <= MAX_ID:
            raise DomainError(ErrorCode.OFFICE_UNKNOWN, field="operator")
        operator = selectors.operator_to_propose_to(operator_id=payload.operator)
    municipality = None
    if payload.municipality is not None:
        municipality = municipality_by_code(code=payload.municipality)
        if municipality is None:
            raise DomainError(ErrorCode.OFFICE_UNKNOWN, field="municipality")
    return office, operator, municipality


# -- reads -------------------------------------------------------------------------
# /proposals/to-answer comes before /proposals/{public_id} so Django tries it first.


@router.get(
    "/proposals",
    response={200: ProposalPageOut, **READ_ERRORS},
    summary="Proposals",
)
def list_proposals(
    request: HttpRequest, filters: Query[ProposalQuery], paging: Query[PageQuery]
) -> Any:
    """Proposals that are neither hidden nor archived, across the network or filtered
    by ``office``, ``municipality``, ``family`` and ``state``; by support or newest.
    A known caller sees which ones they support (``supported``)."""
    activate_language(request, filters.lang)
    _checked_page(paging)
    user = optional_user(request)
    office = office_public(slug=filters.office) if filters.office else None
    municipality = municipality_by_code(code=filters.municipality) if filters.municipality else None
    rows = selectors.proposals_listed(
        office=office,
        municipality=municipality,
        family=filters.family,
        state=filters.state,
        order=filters.order,
    )
    if filters.municipality and municipality is None:
        rows = rows.none()  # an unknown municipality lists nothing, as /offices does
    return payloads.page(request, rows, paging, user)


@router.get(
    "/proposals/to-answer",
    auth=member_auth,
    response={200: QueuePageOut, 403: ErrorOut, **READ_ERRORS},
    summary="Proposals I answer for",
)
def to_answer(request: HttpRequest, paging: Query[PageQuery], lang: str = "") -> Any:
    """The caller's queue: open proposals at the offices and networks they answer for,
    those without a first answer first (due soonest first). Anyone who answers
    for nothing gets ``403 not_allowed``, as on the web."""
    activate_language(request, lang)
    _checked_page(paging)
    user = caller(request)
    if not policies.answers_somewhere(user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    return payloads.page(request, selectors.queue_to_answer(user=user), paging, user)


@router.get(
    "/proposals/{public_id}",
    response={200: ProposalDetailOut, **READ_ERRORS},
    summary="One proposal",
)
def get_proposal(request: HttpRequest, public_id: str, lang: str = "") -> Any:
    """A proposal with its published answers, earlier versions and arguments; for a
    known caller whether they support and follow it and what they may do
    (``allowed``); for the answering side its drafts and hidden arguments too."""
    activate_language(request, lang)
    user = optional_user(request) or AnonymousUser()
    return _detail(request, user, public_id)


# -- an author's writes ---------------------------------------------------------------


@router.post(
    "/proposals",
    auth=member_auth,
    response={201: ProposalDetailOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Make a proposal",
)
def create_proposal(request: HttpRequest, payload: ProposalIn) -> Any:
    """Propose something at an open ``office`` (its slug), or for an ``operator``'s
    (id) or a ``municipality``'s (code) whole network: exactly one of the three.
    A member with too many open proposals is refused with ``429 too_many_proposals``."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    if not policies.can_propose(user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    office, operator, municipality = _scope(payload)
    made = proposals.proposal_create(
        author=user,
        kind=payload.kind,
        title=payload.title,
        body=payload.body,
        language=payload.language,
        office=office,
        operator=operator,
        municipality=municipality,
    )
    return Status(201, _detail(request, user, str(made.public_id)))


@router.patch(
    "/proposals/{public_id}",
    auth=member_auth,
    response={200: ProposalDetailOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Reword my proposal",
)
def reword_proposal(request: HttpRequest, public_id: str, payload: ProposalPatch) -> Any:
    """The author changes the title or text (fields left out stay) while it is open and
    unanswered. Once someone supports it, the old wording is kept as a version
    and the supporters are told."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    proposal = _visible(user, public_id)
    if not policies.can_edit(user, proposal):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    if payload.title is None and payload.body is None:
        raise DomainError(ErrorCode.NOTHING_TO_CHANGE, _("Say what to change: title or body."))
    proposals.proposal_reword(
        author=user,
        proposal=proposal,
        title=proposal.title if payload.title is None else payload.title,
        body=proposal.body if payload.body is None else payload.body,
    )
    return _detail(request, user, public_id)


@router.post(
    "/proposals/{public_id}/withdraw",
    auth=member_auth,
    response={200: ProposalDetailOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Withdraw my proposal",
)
def withdraw_proposal(request: HttpRequest, public_id: str, payload: WithdrawIn) -> Any:
    """The author takes an open proposal back, saying why; supporters and followers are told."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    proposal = _visible(user, public_id)
    if not policies.can_withdraw(user, proposal):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    answers.proposal_withdraw(author=user, proposal=proposal, reason=payload.reason)
    return _detail(request, user, public_id)


# -- supporting, following, arguing ---------------------------------------------------


def _support(request: HttpRequest, public_id: str, on: bool) -> dict[str, Any]:
    user = caller(request)
    count_write(user)
    proposal = _visible(user, public_id)
    if not policies.can_support(user, proposal):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    if on:
        changed = proposals.support_add(member=user, proposal=proposal)
    else:
        changed = proposals.support_withdraw(member=user, proposal=proposal)
    now_count = _visible(user, public_id).support_count
    return {"proposal": public_id, "supported": on, "support_count": now_count, "changed": changed}


@router.put(
    "/proposals/{public_id}/support",
    auth=member_auth,
    response={200: SupportOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Support a proposal",
)
def support(request: HttpRequest, public_id: str) -> Any:
    """Support an open proposal of someone else's, once (again is ``changed: false``).
    One's own is ``400 own_proposal``; a closed one ``409 proposal_closed``."""
    activate_language(request)
    return _support(request, public_id, True)


@router.delete(
    "/proposals/{public_id}/support",
    auth=member_auth,
    response={200: SupportOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Take my support back",
)
def unsupport(request: HttpRequest, public_id: str) -> Any:
    """Take a support back, at any time (without one, ``changed: false``)."""
    activate_language(request)
    return _support(request, public_id, False)


def _follow(request: HttpRequest, public_id: str, on: bool) -> dict[str, Any]:
    user = caller(request)
    count_write(user)
    proposal = _visible(user, public_id)
    changed = proposals.follow(member=user, proposal=proposal, on=on)
    return {"proposal": public_id, "following": on, "changed": changed}


@router.put(
    "/proposals/{public_id}/follow",
    auth=member_auth,
    response={200: FollowOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Follow a proposal",
)
def follow(request: HttpRequest, public_id: str) -> Any:
    """Get an e-mail when it is answered, without supporting it."""
    activate_language(request)
    return _follow(request, public_id, True)


@router.delete(
    "/proposals/{public_id}/follow",
    auth=member_auth,
    response={200: FollowOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Stop following a proposal",
)
def unfollow(request: HttpRequest, public_id: str) -> Any:
    activate_language(request)
    return _follow(request, public_id, False)


@router.post(
    "/proposals/{public_id}/arguments",
    auth=member_auth,
    response={201: ArgumentOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Argue for or against a proposal",
)
def argue(request: HttpRequest, public_id: str, payload: ArgumentIn) -> Any:
    """A short argument (``side``: ``for`` or ``against``) on an open proposal."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    proposal = _visible(user, public_id)
    if not policies.can_argue(user, proposal):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    written = proposals.argument_add(
        member=user, proposal=proposal, side=payload.side, text=payload.text
    )
    return Status(201, payloads.argument(written))


# -- the answering side ------------------------------------------------------------------


@router.post(
    "/proposals/{public_id}/answers",
    auth=member_auth,
    response={201: AnswerOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Answer a proposal",
)
def answer(request: HttpRequest, public_id: str, payload: AnswerIn) -> Any:
    """The answering side's public answer, moving the proposal to ``state``: published
    now, or a draft (``draft``, or ``publish_at`` to publish itself then).
    Anyone else gets ``403 not_allowed``."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    proposal = _answerable(user, public_id)
    require_aware(publish_at=payload.publish_at)
    original = _visible(user, payload.duplicate_of) if payload.duplicate_of else None
    written = answers.answer_write(
        staff=user,
        proposal=proposal,
        state=payload.state,
        text=payload.text,
        draft=payload.draft,
        publish_at=payload.publish_at,
        duplicate_of=original,
        forwarded_to=payload.forwarded_to,
    )
    return Status(201, payloads.answer(written))


@router.post(
    "/proposals/{public_id}/answers/{answer_id}/publish",
    auth=member_auth,
    response={200: AnswerOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Publish a draft answer now",
)
def publish(request: HttpRequest, public_id: str, answer_id: int) -> Any:
    """Publish a draft of this proposal now; a published or unknown one is
    ``404 answer_not_found``."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    proposal = _answerable(user, public_id)
    if not 1 <= answer_id <= MAX_ID:
        raise DomainError(ErrorCode.ANSWER_NOT_FOUND)
    draft = selectors.draft_of(proposal=proposal, answer_id=answer_id)
    return payloads.answer(answers.answer_publish(answer=draft))
