"""Bookings as calendar files: one booking to download, and each member's private feed.

The feed address (``/calendar/<token>.ics``) is fetched by calendar programs
without a session or a language prefix: the secret token is the only key,
so an unknown token is a plain 404 and renewing the token
(:func:`publicoffice.bookings.services.calendar_feed_renew`) locks the old
address out at once. The feed is written in the member's preferred language.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from publicoffice.bookings import ical, selectors
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.http_cache import answer_with_body_etag
from publicoffice.core.mail import in_language_of

#: Tokens are ``secrets.token_urlsafe(24)`` (32 characters); the field holds 64.
TOKEN_MAX_LENGTH = 64

CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _calendar_response(body: bytes, *, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(body, content_type=CALENDAR_CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    patch_cache_control(response, private=True)
    return response


@require_safe
def feed(request: HttpRequest, token: str) -> HttpResponseBase:
    """A member's bookings as one VCALENDAR, for subscribing in a calendar program."""
    if len(token) > TOKEN_MAX_LENGTH:
        raise DomainError(ErrorCode.NOT_FOUND)
    member = selectors.calendar_feed_member(token=token)
    now = timezone.now()
    with in_language_of(member):
        body = ical.feed_ics(
            selectors.member_feed_bookings(member=member, now=now),
            at=now,
            name=_("Public Office bookings"),
        )
    # An ETag of the bytes: a calendar program polling an unchanged feed gets a 304.
    response = _calendar_response(body, filename="bookings.ics", attachment=False)
    return answer_with_body_etag(request, response)


@require_safe
@login_required
def booking_ics(request: HttpRequest, public_id: Any) -> HttpResponse:
    """One booking as a calendar file, for its member or the office's staff."""
    booking = selectors.booking_visible_to(user=request.user, public_id=public_id)
    now = timezone.now()
    body = ical.booking_ics(booking, at=now)
    day = timezone.localtime(booking.starts_at).date()
    return _calendar_response(body, filename=f"booking-{day:%Y-%m-%d}.ics", attachment=True)
