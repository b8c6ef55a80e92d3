"""Helpers shared by the visits views."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from publicoffice.core.errors import DomainError
from publicoffice.places.models import Office, OfficeStatus


def public_office(slug: str) -> Office:
    office = (
        Office.objects.exclude(status=OfficeStatus.CLOSED)
        .prefetch_related("weekly_hours", "hours_exceptions")
        .filter(slug=slug)
        .first()
    )
    if office is None:
        raise Http404
    return office


def error_page(
    request: HttpRequest, error: DomainError, *, office: Office | None = None
) -> HttpResponse:
    """A domain error as a translated page with the right status."""
    return render(
        request, "visits/error.html", {"error": error, "office": office}, status=error.status
    )
