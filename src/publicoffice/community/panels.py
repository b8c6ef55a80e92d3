"""What the directory adds to the office page (see :mod:`publicoffice.places.extensions`)."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest

from publicoffice.community.selectors.directory import office_directory_count
from publicoffice.places.extensions import Panel
from publicoffice.places.models import Office, OfficeStatus


def office_panel(request: HttpRequest, office: Office, at: datetime) -> Panel | None:
    """How many profiles call this office home (as far as the visitor may see), with a link."""
    if office.status == OfficeStatus.CLOSED:
        return None
    count = office_directory_count(user=request.user, office=office)
    return Panel("community/_office_panel.html", {"office": office, "count": count})
