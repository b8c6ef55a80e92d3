"""The content moderation API: staff's cases and decisions, the author's cases, reports.

* Staff (an office's hosts, its operator's admins, platform admins) read the
  cases of the content they moderate, by the web queue's rule
  (:mod:`publicoffice.conduct.moderation_selectors`): a case at an office
  belongs to whoever handles the office, one without an office to the
  operator's admins, one with neither to the platform admins. Outside that
  a case is ``404 not_found``; a member who moderates nothing gets
  ``403 not_allowed`` on the list. They hide, restore or dismiss with a
  reason the author reads, and answer an author's appeal, unless they took
  the decision appealed: ``403 second_staff_needed``.
* A member reports content (never their own: ``403 not_allowed``), reads
  what was decided about their own content and appeals a hiding once.

No answer names a reporter. Writes need a caller, count against
``API_WRITE_LIMIT`` and go through :mod:`publicoffice.conduct.moderation`
like the web pages, so refusals carry the same codes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from publicoffice.accounts.actors import Member
from publicoffice.api.auth import member_auth
from publicoffice.api.common import (
    READ_ERRORS,
    WRITE_ERRORS,
    activate_language,
    caller,
    count_write,
    page_link,
    write_limit_doc,
)
from publicoffice.api.moderation_schemas import (
    CaseDetailOut,
    CasePageOut,
    CaseQuery,
    ContentAppealAnswerIn,
    ContentAppealIn,
    DecisionIn,
    OwnCaseOut,
    OwnCasePageOut,
    ReportIn,
    ReportOut,
)
from publicoffice.api.schemas import MAX_PAGE_SIZE, ErrorOut, PageQuery
from publicoffice.conduct import moderation
from publicoffice.conduct import moderation_selectors as selectors
from publicoffice.conduct.models import (
    CaseState,
    ContentAppeal,
    ContentAppealOutcome,
    ContentCase,
)
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.moderation import kind_named

router = Router(tags=["moderation"])

STAFF_READ_ERRORS: dict[int, type] = {403: ErrorOut, **READ_ERRORS}
DECIDE = {"hide": moderation.hide, "restore": moderation.restore, "dismiss": moderation.dismiss}


# -- what the answers hold (rows come joined from the selectors) ---------------------------


def _local(moment: datetime | None) -> datetime | None:
    return timezone.localtime(moment) if moment is not None else None


def _appeal(case: ContentCase) -> ContentAppeal | None:
    """The appeal joined with the case, or ``None`` (no query either way)."""
    return getattr(case, "appeal", None)


def _appeal_out(row: ContentAppeal | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "text": row.text,
        "submitted_at": _local(row.submitted_at),
        "outcome": row.outcome,
        "outcome_label": str(row.get_outcome_display()),
        "reply": row.reply,
        "decided_at": _local(row.decided_at),
    }


def _common(case: ContentCase, request: HttpRequest, url_name: str) -> dict[str, Any]:
    kind = kind_named(case.kind)
    url = reverse(f"conduct:{url_name}", kwargs={"public_id": case.public_id})
    return {
        "id": str(case.public_id),
        "url": request.build_absolute_uri(url),
        "kind": case.kind,
        "kind_label": str(kind.label) if kind is not None else case.kind,
        "title": case.title,
        "state": case.state,
        "state_label": str(case.get_state_display()),
        "automated": case.automated,
        "reason": case.reason,
        "decided_at": _local(case.decided_at),
    }


def case_out(case: ContentCase, request: HttpRequest) -> dict[str, Any]:
    """A case as staff see it: what, where, how often reported, what was decided."""
    office = case.office
    return {
        **_common(case, request, "moderation_case"),
        "office": None
        if office is None
        else {"id": office.pk, "slug": office.slug, "name": str(office.name)},
        "reports": getattr(case, "all_reports", 0),
        "open_reports": getattr(case, "open_reports", 0),
        "opened_at": _local(case.opened_at),
        "appeal": _appeal_out(_appeal(case)),
    }


def own_case_out(case: ContentCase, request: HttpRequest) -> dict[str, Any]:
    """A case as its author sees it: the decision and the appeal, nothing about reporters."""
    made = _appeal(case)
    return {
        **_common(case, request, "moderation_mine"),
        "may_appeal": case.state == CaseState.HIDDEN and made is None,
        "appeal": _appeal_out(made),
    }


def _page(
    request: HttpRequest,
    rows: QuerySet[ContentCase],
    paging: PageQuery,
    render: Callable[[ContentCase, HttpRequest], dict[str, Any]],
) -> dict[str, Any]:
    if not paging.is_valid():
        raise DomainError(
            ErrorCode.INVALID_PAGE,
            _("Pages start at 1 and hold between 1 and %(max)s items.") % {"max": MAX_PAGE_SIZE},
        )
    number, size = paging.page, paging.page_size
    count = Paginator(rows, size).count
    pages = max(1, math.ceil(count / size))
    return {
        "count": count,
        "page": number,
        "page_size": size,
        "pages": pages,
        "next": page_link(request, number + 1) if number < pages else None,
        "previous": page_link(request, number - 1) if 1 < number <= pages else None,
        "results": [render(row, request) for row in rows[(number - 1) * size : number * size]],
    }


def _detail(request: HttpRequest, user: Member, public_id: str) -> dict[str, Any]:
    """One case in full for staff: the reports' reasons and dates, and where the item is."""
    case = selectors.case_get(user=user, public_id=public_id)
    flags = list(selectors.case_flags(case))
    made = selectors.case_appeal(case)
    found = moderation.item_of_case(case)
    url = found[0].url(found[1]) if found is not None else ""
    return {
        **case_out(case, request),
        "reports": len(flags),
        "open_reports": sum(1 for flag in flags if flag.handled_at is None),
        "appeal": _appeal_out(made),
        "content_url": request.build_absolute_uri(url) if url else "",
        "content_exists": found is not None,
        # The service's own rule (``appeal_decide``), shown so a client can hide the form.
        "may_answer_appeal": made is not None
        and made.outcome == ContentAppealOutcome.PENDING
        and case.decided_by_id != user.pk,
        "flags": [
            {
                "reason": flag.reason,
                "reported_at": _local(flag.created_at),
                "handled": flag.handled_at is not None,
            }
            for flag in flags
        ],
    }


# -- staff -----------------------------------------------------------------------------------


def _moderator(request: HttpRequest) -> Member:
    """The caller, if they moderate somewhere; anyone else is ``403 not_allowed``."""
    user = caller(request)
    if not selectors.moderates_somewhere(user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    return user


@router.get(
    "/conduct/moderation",
    auth=member_auth,
    response={200: CasePageOut, **STAFF_READ_ERRORS},
    summary="Reported content at the offices I handle",
)
def list_cases(request: HttpRequest, filters: Query[CaseQuery], paging: Query[PageQuery]) -> Any:
    """Cases of the content the caller moderates, the oldest report first. Without
    ``state``: those waiting for a person (open, hidden by the count of reports, or with an
    appeal to answer); with it, every case in that state. Reporters are never named."""
    activate_language(request, filters.lang)
    user = _moderator(request)
    rows = selectors.staff_cases(user=user, state=filters.state or "")
    return _page(request, rows, paging, case_out)


@router.get(
    "/conduct/moderation/{public_id}",
    auth=member_auth,
    response={200: CaseDetailOut, **READ_ERRORS},
    summary="One moderation case",
)
def get_case(request: HttpRequest, public_id: str, lang: str = "") -> Any:
    """A case with its reports (what and when, never who) and its appeal. Outside the
    caller's offices, or for a member who moderates nothing: ``404 not_found``."""
    activate_language(request, lang)
    return _detail(request, caller(request), public_id)


@router.post(
    "/conduct/moderation/{public_id}/decision",
    auth=member_auth,
    response={200: CaseDetailOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Hide, restore or dismiss",
)
def decide(request: HttpRequest, public_id: str, payload: DecisionIn) -> Any:
    """``hide`` the item, ``restore`` (show it again) or ``dismiss`` the reports, with the
    ``reason`` its author reads (up to 300 characters). Open reports count as answered."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    case = selectors.case_get(user=user, public_id=public_id)
    DECIDE[payload.action](staff=user, case=case, reason=payload.reason)
    return _detail(request, user, public_id)


@router.post(
    "/conduct/moderation/{public_id}/appeal-answer",
    auth=member_auth,
    response={200: CaseDetailOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Answer the author's appeal",
)
def answer_appeal(request: HttpRequest, public_id: str, payload: ContentAppealAnswerIn) -> Any:
    """``kept`` (stays hidden) or ``restored`` (shown again), with reasons (``reply``). The
    one who decided gets ``403 second_staff_needed``; no appeal, ``404 appeal_not_found``;
    an answered one, ``409 appeal_decided``."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    case = selectors.case_get(user=user, public_id=public_id)
    made = selectors.case_appeal(case)
    if made is None:
        raise DomainError(ErrorCode.APPEAL_NOT_FOUND)
    moderation.appeal_decide(staff=user, appeal=made, outcome=payload.outcome, reply=payload.reply)
    return _detail(request, user, public_id)


# -- the member ------------------------------------------------------------------------------


@router.get(
    "/me/conduct/moderation",
    auth=member_auth,
    response={200: OwnCasePageOut, **READ_ERRORS},
    summary="Decisions about my content",
)
def my_cases(request: HttpRequest, paging: Query[PageQuery], lang: str = "") -> Any:
    """What moderators (or the count of reports) decided about the caller's own content,
    the newest first. Cases still waiting for review are not listed."""
    activate_language(request, lang)
    user = caller(request)
    return _page(request, selectors.own_cases(user), paging, own_case_out)


@router.post(
    "/me/conduct/moderation/{public_id}/appeal",
    auth=member_auth,
    response={201: OwnCaseOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Appeal the hiding of my content",
)
def appeal_case(request: HttpRequest, public_id: str, payload: ContentAppealIn) -> Any:
    """Say why your hidden content should be shown, once: a second time is
    ``409 already_appealed``; content not hidden, ``409 appeal_too_late``. Somebody other
    than the one who hid it answers."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    case = selectors.own_case(user=user, public_id=public_id)
    made = moderation.appeal_make(member=user, case=case, text=payload.text)
    return Status(
        201, {**own_case_out(case, request), "may_appeal": False, "appeal": _appeal_out(made)}
    )


@router.post(
    "/conduct/reports",
    auth=member_auth,
    response={201: ReportOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Report content",
)
def report(request: HttpRequest, payload: ReportIn) -> Any:
    """Report a proposal, argument, profile, event, contact request or problem report by its
    ``kind`` and ``key`` (its id, as in its address). Your own is ``403 not_allowed``; one
    you cannot see, or an unknown kind or key, ``404 not_found``. Reporting the same item
    again counts once."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    moderation.report(reporter=user, kind_name=payload.kind, key=payload.key, reason=payload.reason)
    return Status(
        201,
        {
            "kind": payload.kind,
            "key": payload.key,
            "message": _("Thank you. The moderators will look at it."),
        },
    )
