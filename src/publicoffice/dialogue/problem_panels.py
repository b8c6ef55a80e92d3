"""What problem reports add to the office page and the office list.

An accessibility barrier (a broken lift, a missing ramp) decides whether
somebody can come at all, so it is flagged on the office's page and on its
card in the list until it is fixed: the panel lists the open ones, the card
says how many there are.
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest

from publicoffice.dialogue import problem_selectors
from publicoffice.places.extensions import Panel
from publicoffice.places.models import Office


def barrier_panel(request: HttpRequest, office: Office, at: datetime) -> Panel | None:
    """The open accessibility barriers at the office; nothing when there are none."""
    barriers = problem_selectors.open_barriers(office=office)
    if not barriers:
        return None
    return Panel("dialogue/problem_panel.html", {"office": office, "barriers": barriers})


def barrier_badges(offices: list[Office], at: datetime) -> dict[int, Panel]:
    """How many open barriers each listed office has (one query for the whole list)."""
    counts = problem_selectors.offices_with_barriers(office_ids=[o.pk for o in offices])
    return {
        office_id: Panel("dialogue/problem_badge.html", {"barriers": count})
        for office_id, count in counts.items()
    }
