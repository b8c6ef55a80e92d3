"""The per-device cookie: set once, read on every check-in, never stored."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from django.utils import timezone

from publicoffice.core import client_address
from publicoffice.visits.tokens import DEVICE_COOKIE, device_hash, new_device_id

#: Sets the device cookie (a year, HTTP-only), the same one rate limits read.
remember_device = client_address.give_device_cookie


def device_id(request: HttpRequest) -> str:
    """This device's id, or a fresh one (remember it with :func:`remember_device`)."""
    return client_address.device_id(request) or new_device_id()


def todays_hash(request: HttpRequest, day: date | None = None) -> str:
    """The stored form of this device for today; blank without a cookie."""
    value = request.COOKIES.get(DEVICE_COOKIE, "")
    if not value:
        return ""
    return device_hash(value, day or timezone.localdate())
