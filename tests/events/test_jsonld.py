"""schema.org ``Event`` data of an event page: every field, every status, and
no way for an event's text to break out of its script element."""

from __future__ import annotations

import json
import re

import pytest
from django.test import RequestFactory
from django.utils import translation

from publicoffice.events import services
from publicoffice.events.jsonld import event_json_ld
from publicoffice.events.models import EventStatus
from publicoffice.events.selectors import event_get
from tests.events.conftest import at
from tests.factories import UserFactory

SCHEMA = "https://schema.org/"


def build(event, user=None):
    """The JSON-LD as the detail page builds it: from the selector, with counts."""
    request = RequestFactory().get("/en/events/")
    loaded = event_get(public_id=event.public_id)
    with translation.override("en"):
        return event_json_ld(loaded, request=request)


def scripts_of(html: str) -> list[str]:
    return re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)


class TestFields:
    def test_a_scheduled_event(self, event, office):
        data = build(event)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "Event"
        assert data["name"] == "Språkcafé"
        assert data["startDate"] == "2026-11-26T17:00:00+01:00"
        assert data["endDate"] == "2026-11-26T19:00:00+01:00"
        assert data["eventStatus"] == SCHEMA + "EventScheduled"
        assert data["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
        assert data["isAccessibleForFree"] is True
        assert data["inLanguage"] == ["ar"]
        assert data["description"] == "Vi pratar svenska och arabiska över en kopp te."
        assert data["url"] == f"http://testserver/en/events/{event.public_id}/"
        assert data["maximumAttendeeCapacity"] == 6
        assert data["remainingAttendeeCapacity"] == 6
        location = data["location"]
        assert location["@type"] == "Place"
        assert location["name"].startswith("Mötesrum Ek, ")
        assert location["address"] == {
            "@type": "PostalAddress",
            "streetAddress": office.street_address,
            "postalCode": "151 00",
            "addressLocality": "Södertälje",
            "addressCountry": "SE",
        }
        assert location["geo"] == {
            "@type": "GeoCoordinates",
            "latitude": 59.2003,
            "longitude": 17.6045,
        }
        assert data["organizer"]["@type"] == "Organization"
        assert data["organizer"]["url"] == "http://testserver/en/offices/ronna/"

    def test_remaining_seats_follow_registrations(self, event):
        for n in range(4):
            services.registration_create(event=event, member=UserFactory(email=f"r{n}@ex.org"))
        assert build(event)["remainingAttendeeCapacity"] == 2
        for n in range(4, 8):
            services.registration_create(event=event, member=UserFactory(email=f"r{n}@ex.org"))
        assert build(event)["remainingAttendeeCapacity"] == 0

    def test_no_seat_limit_means_no_capacity_fields(self, open_event):
        data = build(open_event)
        assert "maximumAttendeeCapacity" not in data
        assert "remainingAttendeeCapacity" not in data
        assert data["location"]["name"] == str(open_event.office.name_en)
        assert data["inLanguage"] == ["sv"]  # no language given: the language of the text

    def test_summer_time_has_its_own_offset(self, office, host, frozen):
        frozen.move_to(at(120, 8))
        summer = services.event_create(
            office=office,
            actor=host,
            title="Vårfest",
            starts_at=at(150, 14),
            ends_at=at(150, 17),
        )
        data = build(summer)
        assert data["startDate"].endswith("+02:00")
        assert data["startDate"].startswith("2027-04-24T14:00:00")

    @pytest.mark.parametrize(
        ("status", "expected"),
        [
            (EventStatus.CANCELLED, "EventCancelled"),
            (EventStatus.POSTPONED, "EventPostponed"),
            (EventStatus.MOVED, "EventRescheduled"),
        ],
    )
    def test_each_status_in_schema_orgs_words(self, event, host, status, expected):
        services.event_set_status(event=event, actor=host, status=status, note="Se nyheterna.")
        data = build(event)
        assert data["eventStatus"] == SCHEMA + expected
        assert data["description"].startswith("Se nyheterna.")


class TestEscaping:
    HOSTILE = '</script><script>alert("x")</script> & <!-- "quotes" -->'

    def test_no_text_can_close_the_script_element(self, client, office, host, frozen):
        event = services.event_create(
            office=office,
            actor=host,
            title=self.HOSTILE[:120],
            description=self.HOSTILE,
            starts_at=at(1, 10),
            ends_at=at(1, 11),
        )
        html = client.get(f"/en/events/{event.public_id}/").content.decode()
        scripts = scripts_of(html)
        assert len(scripts) == 1
        assert "<" not in scripts[0] and ">" not in scripts[0]
        data = json.loads(scripts[0])
        assert data["name"] == self.HOSTILE[:120]
        assert data["description"] == self.HOSTILE
        assert '<script>alert("x")</script>' not in html

    def test_arabic_and_emoji_survive_the_round_trip(self, client, office, host, frozen):
        with translation.override("ar"):
            event = services.event_create(
                office=office,
                actor=host,
                title="مقهى اللغة ☕",
                starts_at=at(1, 10),
                ends_at=at(1, 11),
            )
        html = client.get(f"/ar/events/{event.public_id}/").content.decode()
        data = json.loads(scripts_of(html)[0])
        assert data["name"] == "مقهى اللغة ☕"
        assert data["inLanguage"] == ["ar"]
