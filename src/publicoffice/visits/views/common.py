"""Helpers shared by the visits views."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from publicoffice.accounts.actors import Member
from publicoffice.core.errors import DomainError
from publicoffice.core.languages import without_language_prefix
from publicoffice.places.models import Office
from publicoffice.places.selectors import office_get_with_hours
from publicoffice.visits.tokens import day_token


def signed_in(request: HttpRequest) -> Member:
    """The logged-in member (the view is behind ``login_required``)."""
    assert isinstance(request.user, Member)
    return request.user


def checkin_url(request: HttpRequest, office: Office, day: date) -> str:
    """The day's check-in address for a QR code, with no language in it.

    A phone that scans it gets the check-in page in its own language (see
    :func:`~publicoffice.core.languages.without_language_prefix`), whatever
    language the poster or the kiosk was showing.
    """
    path = reverse(
        "visits:checkin", kwargs={"slug": office.slug, "token": day_token(office.pk, day)}
    )
    return request.build_absolute_uri(without_language_prefix(path))


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
