"""Extension point that lets later apps add to the "you are checked in" page.

``visits`` knows nothing of the meeting place; ``community`` registers an
arrival panel here (in its ``AppConfig.ready``) to offer "show me as here
today", and the check-in confirmation page renders whatever is registered.
Dependencies keep pointing one way: ``visits`` ← ``community``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.http import HttpRequest

from publicoffice.places.extensions import Panel
from publicoffice.visits.models import Visit

#: ``(request, visit, at) -> Panel | None``, shown on the visit's page in order.
ArrivalPanel = Callable[[HttpRequest, Visit, datetime], Panel | None]

_arrival_panels: list[ArrivalPanel] = []


def register_arrival_panel(panel: ArrivalPanel) -> None:
    if panel not in _arrival_panels:
        _arrival_panels.append(panel)


def arrival_panels(request: HttpRequest, visit: Visit, at: datetime) -> list[Panel]:
    panels = (make(request, visit, at) for make in _arrival_panels)
    return [panel for panel in panels if panel is not None]
