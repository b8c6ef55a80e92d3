"""Commissioning's additions to pages of lower apps, registered in ``apps.ready``.

* The office page links to the office's transparency page, when the office
  runs under a commission (one query, so the office page stays cheap).
* The staff dashboard shows each commission's targets against the exact
  figures of the dashboard's period, to those who may see the commission
  inside (its municipality's officers, its operators' admins).
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from publicoffice.accounts.actors import AnyUser
from publicoffice.commissioning import policies
from publicoffice.commissioning.selectors.transparency import (
    commissions_of_offices,
    office_has_commission,
    target_rows,
)
from publicoffice.commissioning.views.transparency import target_lines, targets_summary
from publicoffice.places.extensions import Panel, register_office_panel
from publicoffice.places.models import Office
from publicoffice.reports.extensions import register_dashboard_panel
from publicoffice.reports.periods import Period
from publicoffice.reports.scopes import Scope


def office_panel(request: HttpRequest, office: Office, at: datetime) -> Panel | None:
    """A link to "who runs this office, and how it is going", for commissioned offices."""
    if not office_has_commission(office.pk):
        return None
    return Panel("commissioning/_office_panel.html", {"office": office})


def dashboard_panel(scope: Scope, period: Period, user: AnyUser) -> SafeString | None:
    """Targets against the exact figures, per commission the user may see inside."""
    commissions = [
        commission
        for commission in commissions_of_offices(scope.office_ids)
        if policies.can_see_commission_inside(user, commission)
    ]
    if not commissions:
        return None
    rows = []
    for commission in commissions:
        lines = target_lines(target_rows(commission, period, public=False))
        rows.append({"commission": commission, "lines": lines, "summary": targets_summary(lines)})
    html = render_to_string("commissioning/_dashboard_panel.html", {"rows": rows, "period": period})
    return SafeString(html)


def register_panels() -> None:
    register_office_panel(office_panel)
    register_dashboard_panel(dashboard_panel)
