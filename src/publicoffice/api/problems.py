"""The problem reports API: the list, one report, reporting, staff's updates, reopening.

Reads are public; a hidden report only for its reporter and the office's
people (anyone else gets ``404 problem_not_found``, as for none). Writes need
a caller (:mod:`publicoffice.api.auth`), count against ``API_WRITE_LIMIT``,
and go through the dialogue's services and ``problem_policies`` like the web
pages, so refusals carry the same codes (``403 not_allowed`` for an update by
anyone but the office's people, ``409`` for a late or needless reopening).

Reports come in as JSON only: a photo is sent through the web form, never
here. No answer carries an e-mail address, the reporter's or a visitor's.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.api.auth import member_auth, optional_user
from publicoffice.api.common import (
    READ_ERRORS,
    WRITE_ERRORS,
    activate_language,
    caller,
    count_write,
    page_link,
    write_limit_doc,
)
from publicoffice.api.problem_schemas import (
    ProblemDetailOut,
    ProblemIn,
    ProblemPageOut,
    ProblemQuery,
    ProblemUpdateIn,
    ProblemUpdateOut,
    ReopenIn,
)
from publicoffice.api.schemas import MAX_PAGE_SIZE, PageQuery
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.dialogue import problem_policies, problem_selectors
from publicoffice.dialogue.models import ProblemReport, ProblemUpdate
from publicoffice.dialogue.services import problems
from publicoffice.places.selectors import office_public

router = Router(tags=["problem reports"])

# -- answers ----------------------------------------------------------------------------


def _local(moment: datetime | None) -> datetime | None:
    """Times in the network's zone, with their offset, like the rest of the API."""
    return timezone.localtime(moment) if moment is not None else None


def _url(request: HttpRequest, report: ProblemReport, name: str = "dialogue:problem") -> str:
    return request.build_absolute_uri(reverse(name, kwargs={"public_id": report.public_id}))


def _report(row: ProblemReport, request: HttpRequest, *, now: datetime) -> dict[str, Any]:
    """A report as the list gives it: its text, office, state, clock and photo."""
    page = problem_selectors.problem_page(report=row, now=now)
    office = row.office
    return {
        "id": str(row.public_id),
        "url": _url(request, row),
        "title": row.title,
        "description": row.description,
        "language": row.language,
        "category": row.category,
        "category_label": str(row.get_category_display()),
        "state": row.state,
        "state_label": str(row.get_state_display()),
        "family": str(row.family),
        "family_label": str(row.family.label),
        "office": {"id": office.pk, "slug": office.slug, "name": str(office.name)},
        "created_at": _local(row.created_at),
        "answer_due": row.answer_due,
        "answered_at": _local(row.first_answer_at),
        "state_changed_at": _local(row.state_changed_at),
        "fixed_at": _local(row.fixed_at),
        "reopened_count": row.reopened_count,
        "overdue": page.overdue,
        "age_days": page.age_days,
        "photo_url": _url(request, row, "dialogue:problem_photo") if row.photo else None,
    }


def _update(written: ProblemUpdate) -> dict[str, Any]:
    return {
        "id": written.pk,
        "state": written.state,
        "state_label": str(written.get_state_display()),
        "text": written.text,
        "reopening": written.reopening,
        "published_at": _local(written.published_at),
    }


def _detail(request: HttpRequest, user: AnyUser, public_id: str) -> dict[str, Any]:
    """One report with its public updates and what ``user`` may do with it."""
    now = timezone.now()
    row = _visible(user, public_id)
    original = row.duplicate_of if row.duplicate_of_id is not None else None
    return {
        **_report(row, request, now=now),
        "hidden": row.hidden_at is not None,
        "hidden_reason": row.hidden_reason if row.hidden_at is not None else "",
        "duplicate_of": (
            {"id": str(original.public_id), "url": _url(request, original), "title": original.title}
            if original is not None
            else None
        ),
        "forwarded_to": row.forwarded_to,
        "reopen_until": _local(problems.reopen_deadline(row)),
        "updates": [_update(u) for u in row.updates.all()],
        "allowed": {
            "update": problem_policies.can_answer(user, row) and row.hidden_at is None,
            "reopen": problem_policies.can_reopen(user, row, now=now),
        },
    }


def _page(request: HttpRequest, rows: QuerySet[ProblemReport], paging: PageQuery) -> Any:
    """One page of ``rows``: three queries (count, rows with offices, their updates)."""
    number, size = paging.page, paging.page_size
    count = Paginator(rows, size).count
    pages = max(1, math.ceil(count / size))
    now = timezone.now()
    chunk = rows[(number - 1) * size : number * size]
    return {
        "count": count,
        "page": number,
        "page_size": size,
        "pages": pages,
        "next": page_link(request, number + 1) if number < pages else None,
        "previous": page_link(request, number - 1) if 1 < number <= pages else None,
        "results": [_report(row, request, now=now) for row in chunk],
    }


# -- helpers -------------------------------------------------------------------------------


def _checked_page(paging: PageQuery) -> None:
    if not paging.is_valid():
        raise DomainError(
            ErrorCode.INVALID_PAGE,
            _("Pages start at 1 and hold between 1 and %(max)s items.") % {"max": MAX_PAGE_SIZE},
        )


def _visible(user: AnyUser, public_id: str) -> ProblemReport:
    return problem_selectors.problem_get_visible(user=user, public_id=public_id)


# -- reads ---------------------------------------------------------------------------------


@router.get(
    "/problems",
    response={200: ProblemPageOut, **READ_ERRORS},
    summary="Problem reports",
)
def list_problems(
    request: HttpRequest, filters: Query[ProblemQuery], paging: Query[PageQuery]
) -> Any:
    """Reports not hidden by moderation, newest first, across the network or filtered
    by ``office``, ``family``, ``state`` and ``category``."""
    activate_language(request, filters.lang)
    _checked_page(paging)
    office = office_public(slug=filters.office) if filters.office else None
    rows = problem_selectors.problems_listed(
        office=office, family=filters.family, state=filters.state, category=filters.category
    )
    return _page(request, rows, paging)


@router.get(
    "/problems/{public_id}",
    response={200: ProblemDetailOut, **READ_ERRORS},
    summary="One problem report",
)
def get_problem(request: HttpRequest, public_id: str, lang: str = "") -> Any:
    """A report with its public updates, until when it may be reopened while fixed
    (``reopen_until``), its photo's address, and what the caller may do (``allowed``)."""
    activate_language(request, lang)
    user = optional_user(request) or AnonymousUser()
    return _detail(request, user, public_id)


# -- writes --------------------------------------------------------------------------------


@router.post(
    "/problems",
    auth=member_auth,
    response={201: ProblemDetailOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Report a problem",
)
def report_problem(request: HttpRequest, payload: ProblemIn) -> Any:
    """Report a problem at an open or paused ``office`` (its slug), in the caller's name.
    JSON only: a photo can be sent through the web form, not here."""
    activate_language(request)
    user: Member = caller(request)
    count_write(user)
    made = problems.problem_report(
        office=office_public(slug=payload.office),
        reporter=user,
        category=payload.category,
        title=payload.title,
        description=payload.description,
        language=payload.language,
    )
    return Status(201, _detail(request, user, str(made.public_id)))


@router.post(
    "/problems/{public_id}/updates",
    auth=member_auth,
    response={201: ProblemUpdateOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Update a problem report",
)
def update_problem(request: HttpRequest, public_id: str, payload: ProblemUpdateIn) -> Any:
    """The office's people answer in public and set the ``state``; a duplicate names
    another report of the same office. Anyone else gets ``403 not_allowed``."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    report = _visible(user, public_id)
    if not problem_policies.can_answer(user, report):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    original = None
    if payload.duplicate_of:
        original = problem_selectors.duplicate_target(
            office=report.office, public_id=payload.duplicate_of
        )
    written = problems.problem_update(
        staff=user,
        report=report,
        state=payload.state,
        text=payload.text,
        duplicate_of=original,
        forwarded_to=payload.forwarded_to,
    )
    return Status(201, _update(written))


@router.post(
    "/problems/{public_id}/reopen",
    auth=member_auth,
    response={201: ProblemUpdateOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Say a fixed problem is not fixed",
)
def reopen_problem(request: HttpRequest, public_id: str, payload: ReopenIn) -> Any:
    """Any member reopens a report fixed within the last ``DIALOGUE_REOPEN_DAYS``, saying
    what is still wrong; it goes back to ``acknowledged``. One not fixed is
    ``409 problem_not_fixed``, one fixed too long ago ``409 reopen_too_late``."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    report = _visible(user, public_id)
    written = problems.problem_reopen(member=user, report=report, reason=payload.reason)
    return Status(201, _update(written))
