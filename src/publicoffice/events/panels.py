"""What events adds to the office page (see :mod:`publicoffice.places.extensions`).

A visitor reading about an office should see what is on there soon; its
hosts find the way to create an event. (A member who wants an event makes
a proposal: the dialogue app's panel on the same page offers that.)
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
    """The next few events at the office, with links to all of them (and, for hosts, a new one)."""
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
