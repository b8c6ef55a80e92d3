"""Helpers shared by the visits views."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from publicoffice.accounts.actors import Member
from publicoffice.core.errors import DomainError
from publicoffice.places.models import Office
from publicoffice.places.selectors import office_get_with_hours


def signed_in(request: HttpRequest) -> Member:
    """The logged-in member (the view is behind ``login_required``)."""
    assert isinstance(request.user, Member)
    return request.user


def public_office(slug: str) -> Office:
    """The office a visits page is about; an unknown slug is ``office_not_found``."""
    return office_get_with_hours(slug=slug)


def office_error_page(
    request: HttpRequest, error: DomainError, office: Office | None = None, *args: Any
) -> HttpResponse:
    """A refusal as a translated page with its status and a link back to the office.

    An error page for :func:`~publicoffice.core.web_errors.on_domain_error`
    on views whose first argument is the office.
    """
    return render(
        request, "visits/error.html", {"error": error, "office": office}, status=error.status
    )
