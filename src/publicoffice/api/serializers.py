"""Build API payloads from offices, sharing the schedule logic with the web."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from publicoffice.places.models import Office, OfficeStatus
from publicoffice.places.opening_hours import DayHours, OpeningSchedule


def _open_now(office: Office, schedule: OpeningSchedule, at: datetime) -> tuple[bool, Any]:
    if office.status != OfficeStatus.OPEN:
        return False, None
    return schedule.is_open(at), schedule.next_change(at)


def office_summary(office: Office, *, request: HttpRequest, at: datetime) -> dict[str, Any]:
    schedule = office.schedule()
    is_open, change = _open_now(office, schedule, at)
    accessibility = getattr(office, "accessibility", None)
    return {
        "id": office.pk,
        "slug": office.slug,
        "name": str(office.name),
        "kind": office.kind,
        "status": office.status,
        "url": request.build_absolute_uri(office.get_absolute_url()),
        "municipality": {"code": office.municipality.code, "name": office.municipality.name},
        "district": office.district.name if office.district else None,
        "street_address": office.street_address,
        "postal_code": office.postal_code,
        "city": office.city,
        "latitude": float(office.latitude),
        "longitude": float(office.longitude),
        "capacity": office.capacity,
        "open_now": is_open,
        "next_change": change,
        "step_free_entrance": accessibility.step_free_entrance if accessibility else None,
        "hearing_loop": accessibility.hearing_loop if accessibility else None,
        "amenities": [{"code": a.code, "name": str(a.name)} for a in office.amenities.all()],
        "staff_languages": [
            {"code": lang.code, "name": lang.endonym} for lang in office.staff_languages.all()
        ],
    }


def _day(day: DayHours) -> dict[str, Any]:
    return {
        "date": day.date,
        "closed": day.is_closed,
        "intervals": [
            {"opens": f"{i.opens:%H:%M}", "closes": f"{i.closes:%H:%M}"} for i in day.intervals
        ],
        "source": day.source,
        "note": day.reason,
    }


def office_detail(
    office: Office, *, request: HttpRequest, at: datetime, language: str | None
) -> dict[str, Any]:
    data = office_summary(office, request=request, at=at)
    schedule = office.schedule()
    today = timezone.localtime(at).date()
    accessibility = getattr(office, "accessibility", None)
    data.update(
        {
            "description": str(office.description or ""),
            "operator": {
                "id": office.operator.pk,
                "name": office.operator.name,
                "kind": office.operator.kind,
            },
            "email": office.email,
            "phone": office.phone,
            "opening_hours": {
                "open_now": data["open_now"],
                "next_change": data["next_change"],
                "osm": schedule.to_osm(today),
                "week": [_day(d) for d in schedule.days(today, 7, language)],
                "exceptions": [_day(d) for d in schedule.coming_exceptions(today, 60, language)],
                "specification": schedule.to_schema_org(today, days=90),
            },
            "accessibility": (
                {
                    "categories": [
                        {
                            "key": c["key"],
                            "label": str(c["label"]),
                            "status": c["status"],
                            "text": str(c["text"] or ""),
                        }
                        for c in accessibility.categories()
                    ],
                    "step_free_entrance": accessibility.step_free_entrance,
                    "wheelchair": accessibility.wheelchair or None,
                    "accessible_toilet": accessibility.accessible_toilet,
                    "hearing_loop": accessibility.hearing_loop,
                }
                if accessibility
                else None
            ),
            "spaces": [
                {
                    "id": s.pk,
                    "name": str(s.name),
                    "kind": s.kind,
                    "capacity": s.capacity,
                    "bookable": s.is_bookable,
                }
                for s in office.spaces.all()
            ],
        }
    )
    return data


def office_feature(office: Office, *, request: HttpRequest, at: datetime) -> dict[str, Any]:
    """One RFC 7946 Feature. Coordinates are [longitude, latitude]."""
    properties = office_summary(office, request=request, at=at)
    next_change = properties["next_change"]
    properties["next_change"] = next_change.isoformat() if next_change else None
    lon, lat = properties.pop("longitude"), properties.pop("latitude")
    return {
        "type": "Feature",
        "id": office.pk,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }
