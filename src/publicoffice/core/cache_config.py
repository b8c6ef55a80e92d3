"""Which cache the settings choose: where rate-limit counts and log-in locks live.

Kept out of ``settings.py`` so it can be tested with any environment.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured


def cache_config(environ: Mapping[str, str], *, production: bool) -> dict[str, object]:
    """Shared by every worker: ``CACHE_URL`` (or ``REDIS_URL``) names a Redis server.

    Without one, production uses a table in the database (``publicoffice
    createcachetable`` once, after ``migrate``) and development and tests
    their own memory.
    """
    url = environ.get("CACHE_URL") or environ.get("REDIS_URL", "")
    if url:
        if not url.startswith(("redis://", "rediss://", "unix://")):
            raise ImproperlyConfigured("CACHE_URL must be a redis:// or rediss:// address.")
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if production:
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "publicoffice_cache",
        }
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
