"""Extension point that lets later apps add to an event's page.

``events`` knows nothing of the apps built on it: the dialogue app, for
one, shows on an event's page which proposal it came from. Such an app
registers a function here (in its ``AppConfig.ready``) and the page shows
what it returns, after the event's description, in the order registered.
Dependencies keep pointing one way: ``events`` ← ``dialogue``.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest

from publicoffice.events.models import Event
from publicoffice.places.extensions import Panel

#: ``(request, event) -> Panel | None``, shown on the event page in order.
EventPanel = Callable[[HttpRequest, Event], Panel | None]

_event_panels: list[EventPanel] = []


def register_event_panel(panel: EventPanel) -> None:
    """Show ``panel``'s part on every event page (once, however often registered)."""
    if panel not in _event_panels:
        _event_panels.append(panel)


def event_panels(request: HttpRequest, event: Event) -> list[Panel]:
    """The parts other apps add to ``event``'s page; a ``None`` adds nothing."""
    panels = (make(request, event) for make in _event_panels)
    return [panel for panel in panels if panel is not None]
