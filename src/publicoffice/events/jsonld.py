"""schema.org ``Event`` for an event page, so search engines and calendar
aggregators can list the office's events (and show when one is cancelled).

The dictionary is serialised by the ``json_ld`` template filter
(:mod:`publicoffice.core.templatetags.publicoffice`), which escapes ``<``,
``>`` and ``&`` so that no title or description can close the script
element it sits in.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from publicoffice.core.content_language import shown_language
from publicoffice.events.models import Event, EventStatus
from publicoffice.events.selectors import seats_left

SCHEMA = "https://schema.org/"

#: Our statuses in schema.org's words. "Moved" means moved to another place or
#: time, which schema.org calls rescheduled (``EventMovedOnline`` is only for
#: events that went online).
EVENT_STATUS = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.MOVED: "EventRescheduled",
}


def _iso(moment: Any) -> str:
    """Local time with its UTC offset (``2026-11-26T18:00:00+01:00``)."""
    return str(timezone.localtime(moment).isoformat())


def event_json_ld(event: Event, *, request: HttpRequest) -> dict[str, Any]:
    """The event as a schema.org ``Event`` (a plain dict, ready for JSON)."""
    office = event.office
    url = request.build_absolute_uri(
        reverse("events:detail", kwargs={"public_id": event.public_id})
    )
    office_url = request.build_absolute_uri(office.get_absolute_url())
    place_name = str(office.name)
    if event.space is not None:
        place_name = f"{event.space.name}, {place_name}"
    languages = [language.code for language in event.languages.all()]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": str(event.title),
        "startDate": _iso(event.starts_at),
        "endDate": _iso(event.ends_at),
        "eventStatus": SCHEMA + EVENT_STATUS.get(EventStatus(event.status), "EventScheduled"),
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "isAccessibleForFree": True,
        "inLanguage": languages or [shown_language(event, "title")],
        "location": {
            "@type": "Place",
            "name": place_name,
            "url": office_url,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": office.street_address,
                "postalCode": office.postal_code,
                "addressLocality": office.city,
                "addressCountry": "SE",
            },
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": float(office.latitude),
                "longitude": float(office.longitude),
            },
        },
        "organizer": {"@type": "Organization", "name": str(office.name), "url": office_url},
        "audience": {"@type": "Audience", "audienceType": str(event.get_audience_display())},
    }
    if event.description:
        data["description"] = str(event.description)
    if event.capacity is not None:
        data["maximumAttendeeCapacity"] = event.capacity
        data["remainingAttendeeCapacity"] = seats_left(event)
    if event.status != EventStatus.SCHEDULED and event.status_note:
        # schema.org has no field for the reason; the description carries it first.
        data["description"] = " ".join(
            part for part in (str(event.status_note), data.get("description", "")) if part
        )
    return data
