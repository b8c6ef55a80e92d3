"""What dialogue adds to the office page (see :mod:`publicoffice.places.extensions`).

Guideline 4: users can propose things for the office, and the office
answers. The page shows the most supported open proposals, the office's
on-time record, and the way to propose.
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest

from publicoffice.dialogue import clock, policies, selectors
from publicoffice.events.models import Event
from publicoffice.places.extensions import Panel
from publicoffice.places.models import Office, OfficeStatus

#: How many open proposals the office page lists.
PANEL_PROPOSALS = 3


def office_panel(request: HttpRequest, office: Office, at: datetime) -> Panel | None:
    if office.status != OfficeStatus.OPEN:
        return None
    top = list(selectors.office_open_proposals(office=office, order="support")[:PANEL_PROPOSALS])
    return Panel(
        "dialogue/_office_panel.html",
        {
            "office": office,
            "proposals": top,
            "record": clock.on_time_share(office=office, today=clock.local_day(at)),
            "answers": policies.can_answer_for_office(request.user, office),
        },
    )


def event_panel(request: HttpRequest, event: Event) -> Panel | None:
    """On an event's page: the proposal it came from, so the link runs both ways."""
    proposal = selectors.proposal_of_event(event=event)
    if proposal is None or not policies.can_see(request.user, proposal):
        return None
    return Panel("dialogue/_event_panel.html", {"proposal": proposal})
