"""Who is asking: the client's network address behind proxies, and its device cookie.

Behind a reverse proxy every request arrives from the proxy's address, so
``REMOTE_ADDR`` alone would put all visitors under one rate-limit key. Each
proxy appends the address it received the request from to
``X-Forwarded-For``; with ``TRUSTED_PROXY_COUNT`` proxies of our own in
front, the client is the entry that many hops from the right. Entries
further left were written by the client itself and can say anything, so
they are never read; with the default count of 0 the header is ignored.

Neither value is ever stored: :mod:`publicoffice.core.ratelimit` keeps only
keyed hashes of them, in the cache, for the length of a window.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.http import HttpRequest, HttpResponse

#: The random per-browser cookie (also read by visits to count check-ins).
DEVICE_COOKIE = "po_device"
#: A year: a browser keeps its own rate-limit allowance between visits.
DEVICE_COOKIE_AGE = 365 * 24 * 60 * 60


def client_address(request: HttpRequest) -> str:
    """The client's address as the nearest of our trusted proxies saw it.

    Falls back to ``REMOTE_ADDR`` when no proxy is trusted, or when the header
    holds fewer hops than proxies are configured (the request did not come
    through them all, so nothing in it is ours).
    """
    remote = str(request.META.get("REMOTE_ADDR", ""))
    hops = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
    if hops <= 0:
        return remote
    header = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    entries = [entry.strip() for entry in header.split(",") if entry.strip()]
    if len(entries) < hops:
        return remote
    return entries[-hops]


def device_id(request: HttpRequest) -> str:
    """This browser's device cookie when it looks like one of ours, else ``""``."""
    value = request.COOKIES.get(DEVICE_COOKIE, "")
    if 20 <= len(value) <= 64 and value.replace("-", "").replace("_", "").isalnum():
        return value
    return ""


def new_device_id() -> str:
    return secrets.token_urlsafe(24)


def give_device_cookie(response: HttpResponse, value: str) -> HttpResponse:
    """Set the device cookie: random, HTTP-only, never written to the database."""
    response.set_cookie(
        DEVICE_COOKIE,
        value,
        max_age=DEVICE_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=not settings.DEBUG and settings.SESSION_COOKIE_SECURE,
    )
    return response
