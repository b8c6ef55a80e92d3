"""Extension points that let later apps add to the check-in pages.

``visits`` knows nothing of the meeting place; ``community`` registers an
arrival panel here (in its ``AppConfig.ready``) to offer "show me as here
today", and the check-in confirmation page renders whatever is registered.
``conduct`` registers a *check-in notice* (the house rules in short) that
the QR check-in page and the kiosk show before the button.
Dependencies keep pointing one way: ``visits`` ← ``community``, ``conduct``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.http import HttpRequest

from publicoffice.places.extensions import Panel
from publicoffice.places.models import Office
from publicoffice.visits.models import Visit

#: ``(request, visit, at) -> Panel | None``, shown on the visit's page in order.
ArrivalPanel = Callable[[HttpRequest, Visit, datetime], Panel | None]

#: ``(request, office, at) -> Panel | None``, shown on the check-in page and the kiosk.
CheckInNotice = Callable[[HttpRequest, Office, datetime], Panel | None]

_arrival_panels: list[ArrivalPanel] = []
_check_in_notices: list[CheckInNotice] = []


def register_arrival_panel(panel: ArrivalPanel) -> None:
    if panel not in _arrival_panels:
        _arrival_panels.append(panel)


def arrival_panels(request: HttpRequest, visit: Visit, at: datetime) -> list[Panel]:
    panels = (make(request, visit, at) for make in _arrival_panels)
    return [panel for panel in panels if panel is not None]


def register_check_in_notice(notice: CheckInNotice) -> None:
    if notice not in _check_in_notices:
        _check_in_notices.append(notice)


def check_in_notices(request: HttpRequest, office: Office, at: datetime) -> list[Panel]:
    notices = (make(request, office, at) for make in _check_in_notices)
    return [notice for notice in notices if notice is not None]
