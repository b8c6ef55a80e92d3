"""The office page's link to the office's public statistics (and, for its staff, the dashboard)."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest

from publicoffice.places.extensions import Panel
from publicoffice.places.models import Office
from publicoffice.places.report_selectors import OfficePlace
from publicoffice.reports import policies
from publicoffice.reports.models import ScopeKind
from publicoffice.reports.scopes import office_scope


def office_panel(request: HttpRequest, office: Office, at: datetime) -> Panel | None:
    place = OfficePlace(
        office.pk,
        office.slug,
        office.name,
        office.operator_id,
        office.municipality_id,
        office.capacity,
        float(office.latitude),
        float(office.longitude),
        office.status,
    )
    staff = policies.can_see_exact(request.user, office_scope(place))
    return Panel(
        "reports/_office_panel.html",
        {"office": office, "staff": staff, "kind": ScopeKind.OFFICE},
    )
