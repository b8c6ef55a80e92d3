"""Django's own error pages (400, 403, 404, 413, 500, CSRF) in the site's layout.

Refusals of the domain are :mod:`publicoffice.core.web_errors`' business.
These handlers answer what happens *around* the views: an address that
leads nowhere, a request Django will not read, a form sent from a tab left
open overnight, a bug. Django's bare pages are in English and outside the
layout; a visitor who reads Arabic or Tigrinya would be left with no way
back. Every page here is in the visitor's language (the address prefix, or
the cookie and ``Accept-Language`` that ``LocaleMiddleware`` chose) and
carries the header, the footer and the language picker.

The handlers are named in ``publicoffice/urls.py`` (``handler400`` ...) and
``CSRF_FAILURE_VIEW`` in the settings.
"""

from __future__ import annotations

import logging

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme

from publicoffice.core.context_processors import site

logger = logging.getLogger(__name__)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400, or 413 when the body was larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE``.

    Django reports a too-large body as a ``SuspiciousOperation`` (a 400), but
    the visitor did nothing suspicious: they sent too much, and should be
    told so (413 Content Too Large).
    """
    if isinstance(exception, RequestDataTooBig):
        return render(request, "413.html", status=413)
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """403 for a ``PermissionDenied`` (the admin's, Django's own checks)."""
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404 in the layout; the language is the prefix's, or the visitor's own."""
    return render(request, "404.html", status=404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """403 when a form's security token is missing or stale (``CSRF_FAILURE_VIEW``).

    Nearly always a tab left open too long or cookies blocked, so the page
    says that in plain words and offers the page the form came from (when
    it is one of ours) rather than Django's technical reason.
    """
    referer = request.headers.get("Referer", "")
    back = (
        referer
        if referer
        and url_has_allowed_host_and_scheme(
            referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        else ""
    )
    return render(request, "403_csrf.html", {"back": back}, status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    """500 in the layout; without the database if need be.

    The full layout asks the database (who is logged in, the session's
    messages), and the database may be what failed. Then the same page is
    drawn with a context that needs nothing but the settings: an anonymous
    visitor, no messages.
    """
    try:
        return render(request, "500.html", status=500)
    except Exception:  # the layout itself failed: draw it without the database
        logger.exception("The 500 page could not use the full layout")
        return _server_error_without_database(request)


def _server_error_without_database(request: HttpRequest) -> HttpResponse:
    """The 500 page from a plain context (no context processors run)."""
    context = {
        **site(request),
        "request": request,
        "user": AnonymousUser(),
        "messages": (),
        "csrf_token": get_token(request),
    }
    return HttpResponseServerError(loader.get_template("500.html").render(context))
