"""Rate limits for writes (sign-up, log-in, password reset, bookings...).

Counts live in Django's configured cache (Redis or the database cache in
production, see ``CACHES`` in settings), so every web worker shares them: a
key depends only on the client, the scope and the time window, never on
the process. The client is known by a keyed hash of its address (taken
behind trusted proxies, :mod:`publicoffice.core.client_address`), of its
device cookie or (for per-account limits) its id, mixed with the secret key and kept only in
the cache for the length of the window: no IP address is ever written to
the database or the logs.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from publicoffice.core.client_address import (
    client_address,
    device_id,
    give_device_cookie,
    new_device_id,
)


def _key(scope: str, window: int, who: str) -> str:
    """The cache key of one client's count in the current window of ``scope``."""
    bucket = int(time.time() // window)
    digest = salted_hmac("publicoffice.ratelimit", f"{scope}:{who}", algorithm="sha256")
    return f"ratelimit:{scope}:{bucket}:{digest.hexdigest()[:32]}"


def client_key(request: HttpRequest, scope: str, window: int) -> str:
    """The key :func:`hit` counts under: the client's address, hashed."""
    return _key(scope, window, f"address:{client_address(request)}")


def device_key(scope: str, window: int, device: str) -> str:
    """The key a device's own count is kept under (see :class:`PostLimit`)."""
    return _key(scope, window, f"device:{device}")


def hit(request: HttpRequest, scope: str, *, limit: int, window: int) -> bool:
    """Count one attempt; True while the client stays within ``limit`` per ``window`` s."""
    return hit_key(client_key(request, scope, window), limit=limit, window=window)


def hit_for_user(user_id: int, scope: str, *, limit: int, window: int) -> bool:
    """Like :func:`hit`, counted per account instead of per address."""
    bucket = int(time.time() // window)
    return hit_key(f"ratelimit:{scope}:{bucket}:user-{user_id}", limit=limit, window=window)


def hit_key(key: str, *, limit: int, window: int) -> bool:
    """Count one attempt under ``key``; True while within ``limit`` for ``window`` s."""
    return count_one(key, window=window) <= limit


def count_one(key: str, *, window: int) -> int:
    """Add one to the counter ``key`` (kept ``window`` s from its first count); the new total.

    One ``incr`` once the counter exists (every count but a window's first);
    the first creates it with ``add``, which only one of several racing
    workers wins; the others count on top of it.
    """
    try:
        return int(cache.incr(key))
    except ValueError:  # not there yet, or just expired
        pass
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def _setting_or_number(value: int | str) -> int:
    return int(getattr(settings, value)) if isinstance(value, str) else value


@dataclass(frozen=True)
class PostLimit:
    """How many POSTs one client may make to a group of pages within a window.

    ``limit`` is a number, or the name of a setting read at request time (so
    an operator can raise it for a busy office); ``window`` is in seconds.
    Without ``per_address``, ``limit`` counts per network address. With it,
    ``limit`` counts per device (or account) and ``per_address`` is the
    backstop for everyone behind one address together, since a device
    cookie is easy to throw away. Each app names its limits next to the
    views they guard.
    """

    scope: str
    limit: int | str
    window: int
    per_address: int | str | None = None

    def allowed(self) -> int:
        return _setting_or_number(self.limit)

    def within(self, request: HttpRequest, device: str = "") -> bool:
        """Count one POST of this client's; True while it is within the rule.

        ``device`` is the browser's device id (given with the answer when it
        had none yet), for rules with ``per_address``.
        """
        if self.per_address is None:
            return hit(request, self.scope, limit=self.allowed(), window=self.window)
        own = device_key(self.scope, self.window, device or device_id(request))
        if not hit_key(own, limit=self.allowed(), window=self.window):
            return False
        shared = client_key(request, f"{self.scope}-address", self.window)
        return hit_key(shared, limit=_setting_or_number(self.per_address), window=self.window)


def too_many(request: HttpRequest) -> HttpResponse:
    """The translated 429 page."""
    return render(
        request,
        "too_many_requests.html",
        {"message": _("Too many attempts. Wait a few minutes and try again.")},
        status=429,
    )


def limit_posts(rule: PostLimit) -> Callable[[Callable[..., Any]], Any]:
    """Decorate a view so POSTs beyond ``rule`` get a translated 429 page.

    Rules counted per device hand out the device cookie with the form, so
    the POST that follows already carries it; a POST without one counts as
    a new device (only the per-address backstop then holds it back: a
    script that drops cookies fails the CSRF check anyway).
    """

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            fresh = "" if rule.per_address is None or device_id(request) else new_device_id()
            if request.method == "POST" and not rule.within(request, fresh):
                response = too_many(request)
            else:
                response = view(request, *args, **kwargs)
            return give_device_cookie(response, fresh) if fresh else response

        return wrapped

    return decorator
