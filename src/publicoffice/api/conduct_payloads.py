"""The conduct API's answers as dictionaries: decisions, appeals, incidents, pages.

Rows come from :mod:`publicoffice.conduct.selectors` with what they show
already joined; nothing here reads the database. No answer carries an
e-mail address: people are named by the name they show.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.api.common import page_link
from publicoffice.api.schemas import PageQuery
from publicoffice.conduct import policies
from publicoffice.conduct.models import (
    Appeal,
    AppealOutcome,
    Category,
    Incident,
    RuleVersion,
    Sanction,
    SanctionState,
)
from publicoffice.conduct.services.appeals import appeal_deadline, may_still_appeal
from publicoffice.places.models import Office

Row = TypeVar("Row", Sanction, Appeal, Incident)


def local(moment: datetime | None) -> datetime | None:
    """Times in the network's zone, with their offset, like the rest of the API."""
    return timezone.localtime(moment) if moment is not None else None


def _office(office: Office) -> dict[str, Any]:
    return {"id": office.pk, "slug": office.slug, "name": str(office.name)}


def _person(user: Member | None) -> dict[str, Any] | None:
    if user is None:
        return None
    return {"id": user.pk, "name": user.display_name}


def _rules(version: RuleVersion | None) -> dict[str, Any] | None:
    if version is None:
        return None
    return {
        "number": version.number,
        "scope": version.scope,
        "effective_from": local(version.effective_from),
    }


def _category_label(value: str) -> str:
    try:
        return str(Category(value).label)
    except ValueError:
        return value


def _appeal_of(sanction: Sanction) -> Appeal | None:
    """The appeal joined with the decision, or ``None`` (no query either way)."""
    return getattr(sanction, "appeal", None)


def appeal(row: Appeal) -> dict[str, Any]:
    return {
        "id": str(row.public_id),
        "text": row.text,
        "submitted_at": local(row.submitted_at),
        "answer_due": local(row.answer_due),
        "outcome": row.outcome,
        "outcome_label": str(row.get_outcome_display()),
        "reply": row.reply,
        "new_ends_at": local(row.new_ends_at),
        "decided_at": local(row.decided_at),
    }


def decision(
    row: Sanction, request: HttpRequest, *, now: datetime, url_name: str = "conduct:my_decision"
) -> dict[str, Any]:
    """A decision with its statement of reasons and how to appeal it."""
    made = _appeal_of(row)
    url = reverse(url_name, kwargs={"public_id": row.public_id})
    return {
        "id": str(row.public_id),
        "url": request.build_absolute_uri(url),
        "kind": row.kind,
        "kind_label": str(row.get_kind_display()),
        "actions": list(row.actions),
        "scope": row.scope,
        "scope_label": str(row.get_scope_display()),
        "office": _office(row.office),
        "starts_at": local(row.starts_at),
        "ends_at": local(row.ends_at),
        "review_at": local(row.review_at),
        "category": row.category,
        "category_label": _category_label(row.category),
        "rule_version": _rules(row.rule_version),
        "facts": row.facts,
        "grounds": row.grounds,
        "automated": row.automated,
        "state": row.state,
        "state_label": str(row.get_state_display()),
        "appeal_deadline": local(appeal_deadline(row)),
        "may_appeal": may_still_appeal(row, now, appealed=made is not None),
        "appeal": appeal(made) if made is not None else None,
    }


def staff_decision(
    row: Sanction, request: HttpRequest, *, user: AnyUser, now: datetime
) -> dict[str, Any]:
    """A decision as staff see it: whom it concerns, whether the caller may approve it."""
    return {
        **decision(row, request, now=now, url_name="conduct:sanction"),
        "member": _person(row.member),
        "may_approve": row.state == SanctionState.AWAITING_APPROVAL
        and policies.can_approve(user, row),
    }


def staff_appeal(
    row: Appeal, request: HttpRequest, *, user: AnyUser, now: datetime
) -> dict[str, Any]:
    return {
        **appeal(row),
        "decision": staff_decision(row.sanction, request, user=user, now=now),
        "may_decide": row.outcome == AppealOutcome.PENDING
        and policies.can_decide_appeal(user, row),
    }


def incident(row: Incident) -> dict[str, Any]:
    return {
        "id": str(row.public_id),
        "office": _office(row.office),
        "category": row.category,
        "category_label": str(row.get_category_display()),
        "severity": row.severity,
        "severity_label": str(row.get_severity_display()),
        "occurred_at": local(row.occurred_at),
        "description": row.description,
        "member": _person(row.member),
        "person_description": row.person_description,
        "source": row.source,
        "rule_version": _rules(row.rule_version),
        "handled_at": local(row.handled_at),
        "outcome": row.outcome,
        "erased": row.erased_at is not None,
    }


def page(
    request: HttpRequest,
    rows: QuerySet[Row],
    paging: PageQuery,
    render: Callable[[Row], dict[str, Any]],
) -> dict[str, Any]:
    """One page of ``rows``: a count and the rows with what they show, joined."""
    number, size = paging.page, paging.page_size
    count = Paginator(rows, size).count
    pages = max(1, math.ceil(count / size))
    chunk = rows[(number - 1) * size : number * size]
    return {
        "count": count,
        "page": number,
        "page_size": size,
        "pages": pages,
        "next": page_link(request, number + 1) if number < pages else None,
        "previous": page_link(request, number - 1) if 1 < number <= pages else None,
        "results": [render(row) for row in chunk],
    }
