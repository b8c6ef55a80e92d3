"""The reports app's settings, with defaults a deployment may override in ``settings``.

* ``REPORTS_COMMUTING_MIN_ANSWERS`` (30): fewer survey answers than this that
  the commuting estimate rests on (visitors who would otherwise have
  commuted, with a distance and a usual way of travelling) and the estimate
  is marked too uncertain to publish.
"""

from __future__ import annotations

from django.conf import settings

DEFAULTS = {
    "REPORTS_COMMUTING_MIN_ANSWERS": 30,
}


def setting(name: str) -> int:
    return int(getattr(settings, name, DEFAULTS[name]))


def commuting_min_answers() -> int:
    return setting("REPORTS_COMMUTING_MIN_ANSWERS")
