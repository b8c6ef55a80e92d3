"""The facts of the accessibility statement that change with each deployment.

The Swedish law on accessibility to digital public services (the DOS law)
asks every public service for a statement naming who provides it, how well
it meets the requirements, when that was assessed and last reviewed, and
how to report a problem. The code is the same in every municipality; who
runs it, and when they last checked it, is not. So those few facts come
from settings (see ``settings.py``), and the dates fall back to the ones
the code ships with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

#: When the team assessed this version of the code (self-assessment and the
#: automated checks in ``tests/browser``). A deployment that reviews its own
#: service again sets ``ACCESSIBILITY_ASSESSED_ON`` and
#: ``ACCESSIBILITY_REVIEWED_ON`` instead of changing these.
ASSESSED_ON = date(2026, 12, 4)
REVIEWED_ON = date(2026, 12, 4)

#: The authority that supervises the DOS law, and its report form.
SUPERVISOR_NAME = "Myndigheten för digital förvaltning"
SUPERVISOR_SHORT_NAME = "Digg"
SUPERVISOR_REPORT_URL = "https://www.digg.se/tdosanmalan"


@dataclass(frozen=True)
class StatementFacts:
    """What the statement page says about this deployment."""

    provider: str | Promise
    assessed_on: date
    reviewed_on: date
    reply_days: int


def _date_setting(name: str, default: date) -> date:
    """A ``YYYY-MM-DD`` setting; a wrong value fails loudly rather than mislead."""
    value = str(getattr(settings, name, "") or "").strip()
    return date.fromisoformat(value) if value else default


def statement_facts() -> StatementFacts:
    """The provider, the dates and the answer time, from settings or the defaults."""
    provider = str(getattr(settings, "ACCESSIBILITY_PROVIDER", "") or "").strip()
    return StatementFacts(
        provider=provider or _("the municipality that runs this service"),
        assessed_on=_date_setting("ACCESSIBILITY_ASSESSED_ON", ASSESSED_ON),
        reviewed_on=_date_setting("ACCESSIBILITY_REVIEWED_ON", REVIEWED_ON),
        reply_days=int(getattr(settings, "ACCESSIBILITY_REPLY_DAYS", 10)),
    )
