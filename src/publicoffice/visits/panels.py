"""What visits adds to the place pages (see :mod:`publicoffice.places.extensions`)."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _

from publicoffice.places.extensions import Panel
from publicoffice.places.models import Office, OfficeStatus
from publicoffice.visits.policies import can_run_desk
from publicoffice.visits.selectors import Occupancy, occupancy, occupancy_for, own_active_visit


def occupancy_context(office: Office, at: datetime | None = None) -> dict[str, object]:
    """What ``visits/_occupancy.html`` needs, wherever the box is shown."""
    return {"office": office, "occupancy": occupancy(office=office, at=at)}


def office_panel(request: HttpRequest, office: Office, at: datetime) -> Panel | None:
    """Occupancy, the member's check-in or check-out, and the host's desk link."""
    if office.status != OfficeStatus.OPEN:
        return None
    user = request.user
    own_visit = None
    if user.is_authenticated:
        own_visit = own_active_visit(office=office, member=user, at=at)
    return Panel(
        "visits/_office_panel.html",
        {
            "office": office,
            "occupancy": occupancy(office=office, at=at),
            "is_open": office.schedule().is_open(at),
            "own_visit": own_visit,
            "runs_desk": can_run_desk(user, office),
        },
    )


def card_occupancy(offices: list[Office], at: datetime) -> dict[int, Panel]:
    """How full each open office is, for the network list, in one query."""
    open_offices = [o for o in offices if o.status == OfficeStatus.OPEN]
    levels = occupancy_for(open_offices, at)
    return {
        office.pk: Panel(
            "visits/_card_occupancy.html",
            {"occupancy": levels[office.pk], "summary": occupancy_summary(levels[office.pk])},
        )
        for office in open_offices
        if office.schedule().is_open(at)
    }


def occupancy_summary(occupancy: Occupancy) -> str:
    """One line for the map's pop-ups, the same words as the list.

    Over capacity it says so, rather than "330 of 45 places taken".
    """
    if occupancy.over_capacity:
        return _("Over capacity: %(current)s people checked in, %(capacity)s places") % {
            "current": occupancy.current,
            "capacity": occupancy.capacity,
        }
    return _("%(level)s: %(current)s of %(capacity)s places taken") % {
        "level": occupancy.label,
        "current": occupancy.current,
        "capacity": occupancy.capacity,
    }
