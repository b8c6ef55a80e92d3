"""Turn offices into what pages show: status sentences, week tables, JSON-LD.

Kept apart from views so that the list, the office page, the map data and
the API describe an office the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from publicoffice.places.holidays_se import holiday_name_language
from publicoffice.places.models import Office, OfficeStatus
from publicoffice.places.network_selectors import Cluster
from publicoffice.places.opening_hours import DayHours, OpeningSchedule


@dataclass(frozen=True)
class OpenState:
    """Whether an office is open at a moment, and until when."""

    is_open: bool
    next_change: datetime | None
    text: str


def open_state(office: Office, schedule: OpeningSchedule, at: datetime) -> OpenState:
    if office.status != OfficeStatus.OPEN:
        return OpenState(False, None, str(office.get_status_display()))
    is_open = schedule.is_open(at)
    change = schedule.next_change(at)
    local_change = timezone.localtime(change) if change else None
    if is_open:
        if local_change is None:
            text = _("Open now")
        elif local_change.date() == timezone.localtime(at).date():
            text = _("Open now, until %(time)s") % {"time": formats.time_format(local_change)}
        else:
            text = _("Open now, until %(day)s %(time)s") % {
                "day": formats.date_format(local_change, "l"),
                "time": formats.time_format(local_change),
            }
    elif local_change is None:
        text = _("Closed")
    elif local_change.date() == timezone.localtime(at).date():
        text = _("Closed now, opens at %(time)s") % {"time": formats.time_format(local_change)}
    elif local_change.date() - timezone.localtime(at).date() < timedelta(days=7):
        text = _("Closed now, opens %(day)s at %(time)s") % {
            "day": formats.date_format(local_change, "l"),
            "time": formats.time_format(local_change),
        }
    else:
        text = _("Closed now, opens %(date)s at %(time)s") % {
            "date": formats.date_format(local_change, "j F"),
            "time": formats.time_format(local_change),
        }
    return OpenState(is_open, change, text)


def office_card(office: Office, *, at: datetime, extras: list[Any] | None = None) -> dict[str, Any]:
    """What the list and the map show of an office (``extras`` from other apps)."""
    state = open_state(office, office.schedule(), at)
    accessibility = getattr(office, "accessibility", None)
    return {
        "office": office,
        "state": state,
        "step_free": bool(accessibility and accessibility.step_free_entrance),
        "hearing_loop": bool(accessibility and accessibility.hearing_loop),
        "extras": extras or [],
    }


def map_point(card: dict[str, Any]) -> dict[str, Any]:
    """The data the map script needs for one office (rendered with json_script)."""
    office = card["office"]
    return {
        "name": str(office.name),
        "url": office.get_absolute_url(),
        "lat": float(office.latitude),
        "lng": float(office.longitude),
        "status": card["state"].text,
        # One line per extra that offers a plain-text summary (e.g. how full).
        "notes": [
            str(e.context["summary"]) for e in card.get("extras", []) if "summary" in e.context
        ],
    }


def _point(longitude: float, latitude: float) -> dict[str, Any]:
    # Five decimals are a metre: enough for a marker, and a third shorter.
    return {"type": "Point", "coordinates": [round(longitude, 5), round(latitude, 5)]}


def map_collection(clusters: list[Cluster], cards: list[dict[str, Any]]) -> dict[str, Any]:
    """The map's compact GeoJSON: a Feature per cluster (``count``, ``label``,
    ``bbox`` to zoom to) and per lone office (what its popup says)."""
    features: list[dict[str, Any]] = []
    for cluster in clusters:
        label = ngettext("%(counter)s office found", "%(counter)s offices found", cluster.count) % {
            "counter": cluster.count
        }
        features.append(
            {
                "type": "Feature",
                "geometry": _point(cluster.longitude, cluster.latitude),
                "properties": {
                    "count": cluster.count,
                    "label": label,
                    "bbox": [cluster.west, cluster.south, cluster.east, cluster.north],
                },
            }
        )
    for card in cards:
        point = map_point(card)
        features.append(
            {
                "type": "Feature",
                "geometry": _point(point.pop("lng"), point.pop("lat")),
                "properties": point,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def day_rows(days: list[DayHours], today: Any, language: str | None) -> list[dict[str, Any]]:
    """Rows for hour tables. Time ranges are kept apart from words so that
    templates can set them left-to-right inside Arabic and Persian text."""
    rows = []
    for day in days:
        is_holiday = day.source == "holiday"
        rows.append(
            {
                "date": day.date,
                "is_today": day.date == today,
                "is_closed": day.is_closed,
                "hours": ", ".join(
                    f"{formats.time_format(i.opens)}–{formats.time_format(i.closes)}"
                    for i in day.intervals
                ),
                "note": "" if is_holiday else day.reason,
                "note_lang": "" if is_holiday else day.reason_lang,
                "holiday": day.reason if is_holiday else "",
                "holiday_lang": holiday_name_language(day.reason, language) if is_holiday else "",
                "is_exception": day.source != "weekly",
            }
        )
    return rows


def office_page(office: Office, *, at: datetime, language: str | None) -> dict[str, Any]:
    schedule = office.schedule()
    today = timezone.localtime(at).date()
    accessibility = getattr(office, "accessibility", None)
    return {
        "office": office,
        "state": open_state(office, schedule, at),
        "today": day_rows([schedule.day(today, language)], today, language)[0],
        "week": day_rows(schedule.days(today, 7, language), today, language),
        "coming_exceptions": day_rows(
            schedule.coming_exceptions(today + timedelta(days=7), 60, language), today, language
        ),
        "accessibility": accessibility,
        "categories": accessibility.categories() if accessibility else [],
        "spaces": list(office.spaces.all()),
        "amenities": list(office.amenities.all()),
        "languages": list(office.staff_languages.all()),
        "osm_hours": schedule.to_osm(today),
    }


def office_json_ld(office: Office, *, request: HttpRequest, at: datetime) -> dict[str, Any]:
    """schema.org ``Place`` (``CivicStructure``) with its opening hours."""
    schedule = office.schedule()
    today = timezone.localtime(at).date()
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": ["Place", "CivicStructure"],
        "@id": request.build_absolute_uri(office.get_absolute_url()),
        "name": str(office.name),
        "description": str(office.description or ""),
        "url": request.build_absolute_uri(office.get_absolute_url()),
        "isAccessibleForFree": True,
        "publicAccess": True,
        "maximumAttendeeCapacity": office.capacity,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": office.street_address,
            "postalCode": office.postal_code,
            "addressLocality": office.city,
            "addressRegion": office.municipality.name,
            "addressCountry": "SE",
        },
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": float(office.latitude),
            "longitude": float(office.longitude),
        },
        "openingHours": schedule.to_osm(today),
        "openingHoursSpecification": schedule.to_schema_org(today, days=90),
        "amenityFeature": [
            {"@type": "LocationFeatureSpecification", "name": str(a.name), "value": True}
            for a in office.amenities.all()
        ],
    }
    accessibility = getattr(office, "accessibility", None)
    if accessibility is not None and accessibility.step_free_entrance is not None:
        data["amenityFeature"].append(
            {
                "@type": "LocationFeatureSpecification",
                "name": "step-free entrance",
                "value": accessibility.step_free_entrance,
            }
        )
    if office.phone:
        data["telephone"] = office.phone
    if office.email:
        data["email"] = office.email
    return data
