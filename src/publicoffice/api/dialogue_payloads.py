"""The proposals API's answers built from the dialogue's rows and the selectors' pages.

Kept apart from the router (:mod:`publicoffice.api.dialogue`) so each stays
short. Names are shown as the members chose them (``display_name``), never
their e-mail: the API is public and a member without a shown name is
``null``, like a former member.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.api.common import page_link
from publicoffice.api.schemas import PageQuery
from publicoffice.dialogue import clock, policies, selectors
from publicoffice.dialogue.models import Answer, Argument, Proposal, ProposalVersion
from publicoffice.dialogue.selectors import ProposalPage


def _local(moment: datetime | None) -> datetime | None:
    """Times in the network's zone, with their offset, like the rest of the API."""
    return timezone.localtime(moment) if moment is not None else None


def _name(person: Any) -> str | None:
    return (getattr(person, "display_name", "") or None) if person is not None else None


def _url(request: HttpRequest, proposal: Proposal) -> str:
    return request.build_absolute_uri(
        reverse("dialogue:proposal", kwargs={"public_id": proposal.public_id})
    )


def _scope(proposal: Proposal) -> dict[str, Any]:
    office, operator, municipality = proposal.office, proposal.operator, proposal.municipality
    return {
        "office": (
            {"id": office.pk, "slug": office.slug, "name": str(office.name)} if office else None
        ),
        "operator": (
            {"id": operator.pk, "name": operator.name, "kind": operator.kind} if operator else None
        ),
        "municipality": (
            {"code": municipality.code, "name": municipality.name} if municipality else None
        ),
    }


def proposal(
    row: Proposal, request: HttpRequest, *, now: datetime, supported: bool | None
) -> dict[str, Any]:
    """A proposal as the lists give it: its text, scope, state, supporters and clock."""
    return {
        "id": str(row.public_id),
        "url": _url(request, row),
        "title": row.title,
        "body": row.body,
        "language": row.language,
        "kind": row.kind,
        "kind_label": str(row.get_kind_display()),
        "state": row.state,
        "state_label": str(row.get_state_display()),
        "family": str(row.family),
        "family_label": str(row.family.label),
        **_scope(row),
        "author": _name(row.author),
        "version": row.version,
        "support_count": row.support_count,
        "supported": supported,
        "created_at": _local(row.created_at),
        "answer_due": row.answer_due,
        "answered_at": _local(row.first_answer_at),
        "state_changed_at": _local(row.state_changed_at),
        "overdue": clock.is_overdue(row, today=clock.local_day(now)),
        "age_days": clock.age_in_days(row, now=now),
    }


def answer(written: Answer) -> dict[str, Any]:
    return {
        "id": written.pk,
        "state": written.state,
        "state_label": str(written.get_state_display()),
        "text": written.text,
        "draft": written.published_at is None,
        "publish_at": _local(written.publish_at),
        "published_at": _local(written.published_at),
    }


def _version(version: ProposalVersion) -> dict[str, Any]:
    return {
        "number": version.number,
        "title": version.title,
        "body": version.body,
        "replaced_at": _local(version.replaced_at),
        "supporters_then": version.supporters_then,
    }


def argument(written: Argument) -> dict[str, Any]:
    return {
        "id": written.pk,
        "side": written.side,
        "side_label": str(written.get_side_display()),
        "text": written.text,
        "author": _name(written.member),
        "created_at": _local(written.created_at),
        "hidden": written.hidden_at is not None,
        "hidden_reason": written.hidden_reason if written.hidden_at is not None else "",
    }


def _allowed(user: AnyUser, row: Proposal) -> dict[str, bool]:
    """What the caller may do: the proposal page's buttons and forms, from the policies."""
    others = policies.can_support(user, row) and not policies.is_author(user, row)
    return {
        "support": bool(others and policies.is_open(row)),
        "argue": bool(policies.can_argue(user, row) and policies.is_open(row)),
        "edit": policies.can_edit(user, row),
        "withdraw": policies.can_withdraw(user, row),
        "answer": policies.can_answer(user, row),
    }


def detail(
    page: ProposalPage, request: HttpRequest, *, user: AnyUser, now: datetime
) -> dict[str, Any]:
    """One proposal with everything its page shows to ``user``."""
    row = page.proposal
    known = user.is_authenticated
    original = row.duplicate_of if row.duplicate_of_id is not None else None
    return {
        **proposal(row, request, now=now, supported=page.supported if known else None),
        "following": page.following if known else None,
        "archived": row.archived_at is not None,
        "hidden": row.hidden_at is not None,
        "hidden_reason": row.hidden_reason if row.hidden_at is not None else "",
        "duplicate_of": (
            {"id": str(original.public_id), "url": _url(request, original), "title": original.title}
            if original is not None
            else None
        ),
        "forwarded_to": row.forwarded_to,
        "answers": [answer(a) for a in page.answers],
        "drafts": [answer(a) for a in page.drafts],
        "versions": [_version(v) for v in page.versions],
        "arguments": [argument(a) for a in page.arguments],
        "allowed": _allowed(user, row),
    }


def page(
    request: HttpRequest, rows: QuerySet[Proposal], paging: PageQuery, user: Member | None
) -> dict[str, Any]:
    """One page of ``rows``: two queries, and one more for a known caller's supports.

    The queue's rows carry ``has_draft``; the lists' do not.
    """
    number, size = paging.page, paging.page_size
    count = Paginator(rows, size).count
    pages = max(1, math.ceil(count / size))
    chunk = list(rows[(number - 1) * size : number * size])
    mine = selectors.supported_ids(user=user, proposals=chunk) if user is not None else set()
    now = timezone.now()
    results = []
    for row in chunk:
        item = proposal(
            row, request, now=now, supported=(row.pk in mine) if user is not None else None
        )
        if hasattr(row, "has_draft"):
            item["has_draft"] = bool(row.has_draft)
        results.append(item)
    return {
        "count": count,
        "page": number,
        "page_size": size,
        "pages": pages,
        "next": page_link(request, number + 1) if number < pages else None,
        "previous": page_link(request, number - 1) if 1 < number <= pages else None,
        "results": results,
    }
