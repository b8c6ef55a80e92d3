"""Other apps add to an event's page through ``events.extensions``; events imports none."""

from __future__ import annotations

from pathlib import Path

import pytest

from publicoffice.events import extensions
from publicoffice.events.services import event_create
from publicoffice.places.extensions import Panel
from tests.events.conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def panels(monkeypatch, settings):
    """A registry of its own for the test, and the throw-away panel's template."""
    template = settings.TEMPLATES[0]
    own = Path(__file__).parent / "templates"
    settings.TEMPLATES = [{**template, "DIRS": [*template["DIRS"], own]}]
    monkeypatch.setattr(extensions, "_event_panels", [])
    return extensions


def origin_panel(request, event):
    """Only for events whose title says so, and told who is looking."""
    if "Språkcafé" not in event.title:
        return None
    who = "a member" if request.user.is_authenticated else "a visitor"
    return Panel(
        "events_test/_panel.html", {"origin": f"A proposal, shown to {who}", "title": event.title}
    )


def test_a_registered_panel_shows_after_the_description(client, panels, event, member):
    panels.register_event_panel(origin_panel)
    panels.register_event_panel(origin_panel)  # once, however often registered
    html = client.get(f"/en/events/{event.public_id}/").content.decode()
    assert html.count('class="test-panel"') == 1
    assert "A proposal, shown to a visitor for Språkcafé" in html
    about = html.index('id="about-heading"')
    assert about < html.index('class="test-panel"') < html.index('id="access-heading"')
    client.force_login(member)
    html = client.get(f"/en/events/{event.public_id}/").content.decode()
    assert "A proposal, shown to a member for Språkcafé" in html


def test_a_panel_that_has_nothing_to_say_adds_nothing(client, panels, frozen, office, host):
    panels.register_event_panel(origin_panel)
    other = event_create(
        office=office, actor=host, title="Bokföring", starts_at=at(1, 9), ends_at=at(1, 10)
    )
    html = client.get(f"/en/events/{other.public_id}/").content.decode()
    assert "Bokföring" in html
    assert 'class="test-panel"' not in html
    assert panels.event_panels(None, other) == []


def test_without_registrations_the_page_has_no_panels(client, panels, event):
    assert panels.event_panels(None, event) == []
    assert 'class="test-panel"' not in client.get(f"/en/events/{event.public_id}/").content.decode()
