"""The conduct API: a member's decisions and appeals; staff's incidents, approvals, appeals.

* A member reads their own decisions under the house rules, each with its
  statement of reasons, and appeals one. Anyone else's decision is
  ``404 sanction_not_found``, as for none.
* Staff (an office's hosts, its operator's admins, platform admins) read the
  incidents, the indefinite bans awaiting a second approval and the appeals
  of the offices they handle, approve and answer. Outside their offices an
  object is "not found"; a member who handles no office gets
  ``403 not_allowed`` on the lists. The one who decided cannot approve the
  ban or answer the appeal: ``403 second_staff_needed``.

Writes need a caller (:mod:`publicoffice.api.auth`), count against
``API_WRITE_LIMIT`` and go through the conduct services and policies like
the web pages, so refusals carry the same codes.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from publicoffice.accounts.actors import Member
from publicoffice.api import conduct_payloads as payloads
from publicoffice.api.auth import member_auth
from publicoffice.api.common import (
    READ_ERRORS,
    WRITE_ERRORS,
    activate_language,
    caller,
    count_write,
    require_aware,
    write_limit_doc,
)
from publicoffice.api.conduct_schemas import (
    AppealDecisionIn,
    AppealIn,
    AppealQuery,
    DecisionOut,
    DecisionPageOut,
    IncidentPageOut,
    IncidentQuery,
    StaffAppealOut,
    StaffAppealPageOut,
    StaffDecisionOut,
    StaffDecisionPageOut,
)
from publicoffice.api.schemas import MAX_PAGE_SIZE, ErrorOut, PageQuery
from publicoffice.conduct import policies, selectors
from publicoffice.conduct.services import appeals, sanctions
from publicoffice.core.errors import DomainError, ErrorCode

router = Router(tags=["conduct"])

#: What a staff list may answer besides its success: ``403`` to a member who handles nothing.
STAFF_READ_ERRORS: dict[int, type] = {403: ErrorOut, **READ_ERRORS}


def _checked_page(paging: PageQuery) -> None:
    if not paging.is_valid():
        raise DomainError(
            ErrorCode.INVALID_PAGE,
            _("Pages start at 1 and hold between 1 and %(max)s items.") % {"max": MAX_PAGE_SIZE},
        )


def _staff(request: HttpRequest) -> Member:
    """The caller, if they handle some office; anyone else is ``403 not_allowed``."""
    user = caller(request)
    if not policies.can_handle_some_office(user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    return user


def _mine(request: HttpRequest, user: Member, public_id: str) -> dict[str, Any]:
    row = selectors.member_sanction(member=user, public_id=public_id)
    return payloads.decision(row, request, now=timezone.now())


# -- the member's own decisions -------------------------------------------------------------


@router.get(
    "/me/conduct/decisions",
    auth=member_auth,
    response={200: DecisionPageOut, **READ_ERRORS},
    summary="My decisions under the house rules",
)
def my_decisions(request: HttpRequest, paging: Query[PageQuery], lang: str = "") -> Any:
    """Notes, warnings, restrictions and bans decided about the caller, newest first, each
    with its statement of reasons, until when it can be appealed and the appeal if any.
    A ban waiting for a second staff member's approval is not listed until approved."""
    activate_language(request, lang)
    _checked_page(paging)
    user = caller(request)
    now = timezone.now()
    rows = selectors.member_sanctions(member=user)
    return payloads.page(
        request, rows, paging, lambda row: payloads.decision(row, request, now=now)
    )


@router.get(
    "/me/conduct/decisions/{public_id}",
    auth=member_auth,
    response={200: DecisionOut, **READ_ERRORS},
    summary="One of my decisions",
)
def my_decision(request: HttpRequest, public_id: str, lang: str = "") -> Any:
    """One of the caller's decisions; anyone else's is ``404 sanction_not_found``."""
    activate_language(request, lang)
    user = caller(request)
    return _mine(request, user, public_id)


@router.post(
    "/me/conduct/decisions/{public_id}/appeal",
    auth=member_auth,
    response={201: DecisionOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Appeal one of my decisions",
)
def appeal_decision(request: HttpRequest, public_id: str, payload: AppealIn) -> Any:
    """Say in your own words why the decision is wrong, once, until ``appeal_deadline``.
    After it: ``409 appeal_too_late``; a second time: ``409 already_appealed``.
    Somebody other than the one who decided answers by ``answer_due``."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    sanction = selectors.member_sanction(member=user, public_id=public_id)
    if not policies.can_appeal(user, sanction):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    appeals.appeal_make(member=user, sanction=sanction, text=payload.text)
    return Status(201, _mine(request, user, public_id))


# -- staff: incidents ------------------------------------------------------------------------


@router.get(
    "/conduct/incidents",
    auth=member_auth,
    response={200: IncidentPageOut, **STAFF_READ_ERRORS},
    summary="Incidents at the offices I handle",
)
def list_incidents(
    request: HttpRequest, filters: Query[IncidentQuery], paging: Query[PageQuery]
) -> Any:
    """Incidents at the caller's offices with their details: open ones first, the oldest
    first, then handled ones. ``office`` names one of them (another is
    ``404 office_not_found``); ``open=true`` leaves out the handled ones."""
    activate_language(request, filters.lang)
    _checked_page(paging)
    user = _staff(request)
    office = selectors.handled_office(user=user, slug=filters.office) if filters.office else None
    rows = selectors.staff_incidents(user=user, office=office, open_only=filters.open)
    return payloads.page(request, rows, paging, payloads.incident)


# -- staff: decisions awaiting approval ------------------------------------------------------


@router.get(
    "/conduct/decisions/awaiting",
    auth=member_auth,
    response={200: StaffDecisionPageOut, **STAFF_READ_ERRORS},
    summary="Bans waiting for my approval",
)
def awaiting(request: HttpRequest, paging: Query[PageQuery], lang: str = "") -> Any:
    """Bans without an end decided at the caller's offices that wait for a second staff
    member's approval, the oldest first; ``may_approve`` is false on the caller's own."""
    activate_language(request, lang)
    _checked_page(paging)
    user = _staff(request)
    now = timezone.now()
    rows = selectors.staff_awaiting(user=user)
    return payloads.page(
        request,
        rows,
        paging,
        lambda row: payloads.staff_decision(row, request, user=user, now=now),
    )


@router.post(
    "/conduct/decisions/{public_id}/approve",
    auth=member_auth,
    response={200: StaffDecisionOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Approve a ban",
)
def approve(request: HttpRequest, public_id: str) -> Any:
    """A second staff member of the deciding office approves a ban without an end; it holds
    from now and the member is told. The one who decided gets
    ``403 second_staff_needed``; one not waiting, ``409 sanction_not_awaiting``."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    sanction = selectors.staff_sanction(user=user, public_id=public_id)
    if not policies.can_approve(user, sanction):
        raise DomainError(ErrorCode.SECOND_STAFF_NEEDED)
    sanctions.sanction_approve(staff=user, sanction=sanction)
    row = selectors.staff_sanction(user=user, public_id=public_id)
    return payloads.staff_decision(row, request, user=user, now=timezone.now())


# -- staff: appeals --------------------------------------------------------------------------


@router.get(
    "/conduct/appeals",
    auth=member_auth,
    response={200: StaffAppealPageOut, **STAFF_READ_ERRORS},
    summary="Appeals at the offices I handle",
)
def list_appeals(
    request: HttpRequest, filters: Query[AppealQuery], paging: Query[PageQuery]
) -> Any:
    """Appeals against decisions taken at the caller's offices, the answer due soonest
    first, each with its decision; ``pending=true`` leaves out the answered ones."""
    activate_language(request, filters.lang)
    _checked_page(paging)
    user = _staff(request)
    now = timezone.now()
    rows = selectors.staff_appeals(user=user, pending_only=filters.pending)
    return payloads.page(
        request,
        rows,
        paging,
        lambda row: payloads.staff_appeal(row, request, user=user, now=now),
    )


@router.post(
    "/conduct/appeals/{public_id}/decision",
    auth=member_auth,
    response={200: StaffAppealOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Answer an appeal",
)
def decide_appeal(request: HttpRequest, public_id: str, payload: AppealDecisionIn) -> Any:
    """Keep, shorten (``new_ends_at``, before the old end) or lift the decision, with
    reasons (``reply``). The one who decided or approved it gets
    ``403 second_staff_needed``; an answered appeal is ``409 appeal_decided``."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    found = selectors.staff_appeal(user=user, public_id=public_id)
    if not policies.can_decide_appeal(user, found):
        raise DomainError(ErrorCode.SECOND_STAFF_NEEDED)
    require_aware(new_ends_at=payload.new_ends_at)
    appeals.appeal_decide(
        staff=user,
        appeal=found,
        outcome=payload.outcome,
        reply=payload.reply,
        new_ends_at=payload.new_ends_at,
    )
    row = selectors.staff_appeal(user=user, public_id=public_id)
    return payloads.staff_appeal(row, request, user=user, now=timezone.now())
