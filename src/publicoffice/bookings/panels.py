"""What bookings adds to the office page (see :mod:`publicoffice.places.extensions`)."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest

from publicoffice.bookings.policies import can_run_bookings
from publicoffice.bookings.selectors import bookable_spaces
from publicoffice.places.extensions import Panel
from publicoffice.places.models import Office, OfficeStatus


def office_panel(request: HttpRequest, office: Office, at: datetime) -> Panel | None:
    """The office's bookable spaces, each with a link to its week."""
    if office.status != OfficeStatus.OPEN:
        return None
    spaces = list(bookable_spaces(office))
    if not spaces:
        return None
    return Panel(
        "bookings/_office_panel.html",
        {
            "office": office,
            "spaces": spaces,
            "runs_bookings": can_run_bookings(request.user, office),
        },
    )
