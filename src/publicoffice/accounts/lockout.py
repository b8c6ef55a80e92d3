"""Per-account lock after repeated wrong passwords, on the shared cache.

Failures are counted per normalised e-mail address, whether or not an
account has it (the answer must not tell which addresses exist). After
``LOGIN_LOCKOUT_FAILURES`` wrong passwords in a row the address is locked:
every log-in to it is refused, even with the right password, so that a
guesser learns nothing more. The first lock lasts a minute, each further
one twice as long, never longer than ``LOGIN_LOCKOUT_MAX_MINUTES``. Tries
during a lock are not counted and do not lengthen it, so someone who knows
a person's address can keep them out for that long at most before they
may try again; a successful log-in forgets everything.

The cache holds only keyed hashes of the address and a timestamp; nothing
is written to the database. Which client tried is the business of the
per-client limiter (:mod:`publicoffice.core.ratelimit`), not of the lock.
"""

from __future__ import annotations

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from publicoffice.core.ratelimit import count_one

#: The first lock, in seconds; each further one doubles up to the cap.
FIRST_LOCK_SECONDS = 60
#: How long lock counts are remembered to make the next lock longer.
LOCK_MEMORY_SECONDS = 24 * 60 * 60


def normalise(email: str) -> str:
    return (email or "").strip().lower()


def _key(kind: str, email: str) -> str:
    digest = salted_hmac("publicoffice.lockout", normalise(email), algorithm="sha256")
    return f"lockout:{kind}:{digest.hexdigest()[:32]}"


def max_lock_seconds() -> int:
    return int(settings.LOGIN_LOCKOUT_MAX_MINUTES) * 60


def seconds_locked(email: str) -> int:
    """How many more seconds log-ins to ``email`` are refused (0: not locked)."""
    until = cache.get(_key("until", email))
    if until is None:
        return 0
    return max(0, math.ceil(float(until) - time.time()))


def record_failure(email: str) -> int:
    """Count one wrong password; return the seconds of the lock it starts, or 0."""
    failures = _key("failures", email)
    window = max_lock_seconds()
    count = count_one(failures, window=window)
    if count < int(settings.LOGIN_LOCKOUT_FAILURES):
        return 0
    locks_key = _key("locks", email)
    locks = int(cache.get(locks_key, 0)) + 1
    seconds = min(FIRST_LOCK_SECONDS * 2 ** min(locks - 1, 20), window)
    cache.set(locks_key, locks, timeout=LOCK_MEMORY_SECONDS)
    cache.set(_key("until", email), time.time() + seconds, timeout=seconds)
    cache.delete(failures)
    return seconds


def forget(email: str) -> None:
    """After a successful log-in: no failures, no lock, the next lock short again."""
    cache.delete_many([_key(kind, email) for kind in ("failures", "locks", "until")])
