"""The per-device cookie: set once, read on every check-in, never stored."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from publicoffice.visits.tokens import DEVICE_COOKIE, device_hash, new_device_id

#: A year: long enough that a regular is recognised within each day.
COOKIE_AGE = 365 * 24 * 60 * 60


def device_id(request: HttpRequest) -> str:
    """This device's id, or a fresh one (remember it with :func:`remember_device`)."""
    value = request.COOKIES.get(DEVICE_COOKIE, "")
    if 20 <= len(value) <= 64 and value.replace("-", "").replace("_", "").isalnum():
        return value
    return new_device_id()


def todays_hash(request: HttpRequest, day: date | None = None) -> str:
    """The stored form of this device for today; blank without a cookie."""
    value = request.COOKIES.get(DEVICE_COOKIE, "")
    if not value:
        return ""
    return device_hash(value, day or timezone.localdate())


def remember_device(response: HttpResponse, value: str) -> HttpResponse:
    response.set_cookie(
        DEVICE_COOKIE,
        value,
        max_age=COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=not settings.DEBUG and settings.SESSION_COOKIE_SECURE,
    )
    return response
