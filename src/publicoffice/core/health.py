"""``/health/``: can this instance answer, and is the task worker keeping up?

For monitoring. The answer names no person and no error text (errors go to
the log): only "ok"/"error" for the database and the cache, and the queue's
lag. HTTP 503 when the database is down or the oldest unsent task has waited
longer than ``HEALTH_MAX_QUEUE_LAG`` seconds, so a monitor that only reads
the status code still notices a stuck worker (confirmations and waitlist
offers not sent). A broken cache makes the status "degraded" but keeps 200:
pages still work, only rate limits and log-in locks are off.
"""

from __future__ import annotations

import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from publicoffice.core.selectors import database_ping, queue_lag

logger = logging.getLogger(__name__)

#: The key the cache check writes and reads back; it expires at once.
CACHE_PROBE_KEY = "publicoffice:health-probe"


def _cache_works() -> bool:
    """Write a random value and read it back: a cache that drops writes is broken too."""
    token = secrets.token_hex(8)
    try:
        cache.set(CACHE_PROBE_KEY, token, timeout=10)
        return bool(cache.get(CACHE_PROBE_KEY) == token)
    except Exception:  # any backend's error: Redis, database table, memory
        logger.exception("Health check: the cache failed")
        return False


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """Database, cache and queue lag as JSON; 503 when the site or its mail is stuck."""
    cache_ok = _cache_works()
    try:
        database_ping()
        lag = queue_lag()
    except DatabaseError:
        logger.exception("Health check: the database failed")
        body: dict[str, object] = {
            "status": "down",
            "database": "error",
            "cache": "ok" if cache_ok else "error",
            "queue": None,
        }
        return JsonResponse(body, status=503)
    late = lag.oldest_unsent_seconds > settings.HEALTH_MAX_QUEUE_LAG
    body = {
        "status": "degraded" if late or not cache_ok else "ok",
        "database": "ok",
        "cache": "ok" if cache_ok else "error",
        "queue": {"oldest_unsent_seconds": lag.oldest_unsent_seconds, "waiting": lag.waiting},
    }
    return JsonResponse(body, status=503 if late else 200)
