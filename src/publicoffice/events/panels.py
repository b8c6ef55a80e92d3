"""What events adds to the office page (see :mod:`publicoffice.places.extensions`).

A visitor reading about an office should see what is on there soon, and a
member should find the way to propose something: guideline 4 asks that
users can propose things for the office.
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest

from publicoffice.events.policies import can_run_events
from publicoffice.events.selectors import events_upcoming
from publicoffice.places.extensions import Panel
from publicoffice.places.models import Office, OfficeStatus

#: How many coming events the office page lists.
PANEL_EVENTS = 3


def office_panel(request: HttpRequest, office: Office, at: datetime) -> Panel | None:
    """The next few events at the office, with links to all of them and to propose one."""
    if office.status != OfficeStatus.OPEN:
        return None
    return Panel(
        "events/_office_panel.html",
        {
            "office": office,
            "events": list(events_upcoming(at=at, office=office)[:PANEL_EVENTS]),
            "runs_events": can_run_events(request.user, office),
        },
    )
