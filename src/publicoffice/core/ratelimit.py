"""Rate limits for anonymous writes (sign-up, log-in, password reset).

The client is identified by a hash of its address mixed with the secret key,
kept only in the cache for the length of the window: no IP address is ever
written to the database or the logs.
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def _client_key(request: HttpRequest, scope: str, window: int) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    bucket = int(time.time() // window)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{scope}:{address}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{bucket}:{digest}"


def hit(request: HttpRequest, scope: str, *, limit: int, window: int) -> bool:
    """Count one attempt; True while the client stays within ``limit`` per ``window`` s."""
    return hit_key(_client_key(request, scope, window), limit=limit, window=window)


def hit_for_user(user_id: int, scope: str, *, limit: int, window: int) -> bool:
    """Like :func:`hit`, counted per account instead of per address."""
    bucket = int(time.time() // window)
    return hit_key(f"ratelimit:{scope}:{bucket}:user-{user_id}", limit=limit, window=window)


def hit_key(key: str, *, limit: int, window: int) -> bool:
    """Count one attempt under ``key``; True while within ``limit`` for ``window`` s."""
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit


@dataclass(frozen=True)
class PostLimit:
    """How many POSTs one client may make to a group of pages within a window.

    ``limit`` is a number, or the name of a setting read at request time (so
    an operator can raise it for a busy office); ``window`` is in seconds.
    Each app names its limits next to the views they guard.
    """

    scope: str
    limit: int | str
    window: int

    def allowed(self) -> int:
        return int(getattr(settings, self.limit)) if isinstance(self.limit, str) else self.limit


def limit_posts(rule: PostLimit) -> Callable[[Callable[..., Any]], Any]:
    """Decorate a view so POSTs beyond ``rule`` get a translated 429 page."""

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST" and not hit(
                request, rule.scope, limit=rule.allowed(), window=rule.window
            ):
                return render(
                    request,
                    "too_many_requests.html",
                    {"message": _("Too many attempts. Wait a few minutes and try again.")},
                    status=429,
                )
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
