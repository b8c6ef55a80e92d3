"""What the dialogue pages share: paging, cards with the clock, refusals at their field."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Page, Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from publicoffice.accounts.actors import Member
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.web_errors import ErrorPage, add_domain_error
from publicoffice.dialogue import clock, photos
from publicoffice.dialogue.models import FAMILIES, Proposal

PAGE_SIZE = 20

E = ErrorCode

#: Which form field a refusal is about when the service's ``details["field"]``
#: is not a field of the form (the services name their fields otherwise).
FIELD_OF_CODE: dict[str, str] = {
    E.IN_PAST: "publish_day",
    E.PHOTO_INVALID: "photo",
    E.PHOTO_TOO_LARGE: "photo",
}


def acting_member(request: HttpRequest) -> Member:
    """The logged-in user of a page that needs one (behind ``login_required``)."""
    user = request.user
    if isinstance(user, AnonymousUser):
        raise DomainError(ErrorCode.NOT_AUTHENTICATED, gettext("Log in to do this."))
    return user


def page_of(request: HttpRequest, rows: Any) -> Page[Any]:
    """One page of 20; an odd ``?page=`` shows the first or last page, never an error."""
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


def form_refused(template: str) -> ErrorPage:
    """The form in ``context`` again, with the refusal at its field and the registry's status."""

    def page(request: HttpRequest, error: DomainError, context: dict[str, Any]) -> HttpResponse:
        add_domain_error(context["form"], error, field_of_code=FIELD_OF_CODE)
        return render(request, template, context, status=error.status)

    return page


@dataclass(frozen=True)
class ProposalCard:
    """A proposal in a list: with its family, age and whether its answer is late."""

    proposal: Proposal
    family: str
    age_days: int
    overdue: bool
    supported: bool


def cards(
    proposals: Iterable[Proposal], *, now: datetime, supported: set[int] | None = None
) -> list[ProposalCard]:
    today: date = clock.local_day(now)
    return [
        ProposalCard(
            proposal=p,
            family=FAMILIES[p.state],
            age_days=clock.age_in_days(p, now=now),
            overdue=clock.is_overdue(p, today=today),
            supported=p.pk in (supported or set()),
        )
        for p in proposals
    ]


def photo_response(name: str, *, folder: str) -> FileResponse:
    """A stored photo (proposal or problem report), once the caller checked who may see it.

    ``private``: a hidden item's photo must not linger in a shared cache.
    """
    if not name:
        raise DomainError(ErrorCode.NOT_FOUND)
    file, content_type = photos.opened(name, folder=folder)
    response = FileResponse(file, content_type=content_type)
    response["Cache-Control"] = "private, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response
