"""The office page's conduct box: anyone can tell staff about an incident there;
staff also reach the office's conduct queue, the incident form and the decision form."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest

from publicoffice.conduct import policies
from publicoffice.places.extensions import Panel
from publicoffice.places.models import Office


def office_panel(request: HttpRequest, office: Office, at: datetime) -> Panel | None:
    staff = policies.can_handle_office(request.user, office)
    return Panel("conduct/_office_panel.html", {"office": office, "staff": staff})
