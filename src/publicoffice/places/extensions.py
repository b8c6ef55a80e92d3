"""Extension points that let later apps add to the place pages.

``places`` knows nothing of visits, bookings or events; those apps register
here (in their ``AppConfig.ready``) and the office page and the network list
show what they contribute. Dependencies keep pointing one way:
``places`` ← ``visits`` / ``bookings`` / ``events``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.http import HttpRequest

from publicoffice.places.models import Office


@dataclass(frozen=True)
class Panel:
    """A part of a page: a template and its context."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


#: ``(request, office, at) -> Panel | None``, shown on the office page in order.
OfficePanel = Callable[[HttpRequest, Office, datetime], Panel | None]
#: ``(offices, at) -> {office id: Panel}``, one call for the whole list.
CardExtra = Callable[[list[Office], datetime], dict[int, Panel]]

_office_panels: list[OfficePanel] = []
_card_extras: list[CardExtra] = []


def register_office_panel(panel: OfficePanel) -> None:
    if panel not in _office_panels:
        _office_panels.append(panel)


def register_card_extra(extra: CardExtra) -> None:
    if extra not in _card_extras:
        _card_extras.append(extra)


def office_panels(request: HttpRequest, office: Office, at: datetime) -> list[Panel]:
    panels = (make(request, office, at) for make in _office_panels)
    return [panel for panel in panels if panel is not None]


def card_extras(offices: list[Office], at: datetime) -> dict[int, list[Panel]]:
    """Extras per office for a list; each registered extra runs once for all."""
    extras: dict[int, list[Panel]] = {office.pk: [] for office in offices}
    for make in _card_extras:
        for office_id, panel in make(offices, at).items():
            extras[office_id].append(panel)
    return extras
