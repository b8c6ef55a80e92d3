"""The conduct app's settings, with defaults a deployment may override in ``settings``.

* ``CONDUCT_APPEAL_DAYS`` (20): days after a decision to appeal it.
* ``CONDUCT_FORGIVENESS_DAYS`` (365): a decision that ended longer ago than
  this no longer counts towards escalation (staff still see it, marked).
* ``CONDUCT_RETENTION_DAYS`` (730): days after an incident is handled and
  its decisions have ended before its details are erased.
* ``CONDUCT_HIDE_THRESHOLD`` (3): distinct members' reports that hide content
  until staff review it.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings

DEFAULTS = {
    "CONDUCT_APPEAL_DAYS": 20,
    "CONDUCT_FORGIVENESS_DAYS": 365,
    "CONDUCT_RETENTION_DAYS": 730,
    "CONDUCT_HIDE_THRESHOLD": 3,
}


def setting(name: str) -> int:
    return int(getattr(settings, name, DEFAULTS[name]))


def appeal_window() -> timedelta:
    return timedelta(days=setting("CONDUCT_APPEAL_DAYS"))


def forgiveness_period() -> timedelta:
    return timedelta(days=setting("CONDUCT_FORGIVENESS_DAYS"))


def retention_period() -> timedelta:
    return timedelta(days=setting("CONDUCT_RETENTION_DAYS"))
