"""The opening-hours dataset: each open office's week and the coming exceptions.

The same facts as the office pages, from the same calculation
(:class:`~publicoffice.places.opening_hours.OpeningSchedule`): a day's hours
come from a dated exception, else a public holiday (closed), else the week.
Only days that differ from the week are listed as exceptions, for the coming
:data:`HORIZON_DAYS` days. Weekdays are ISO 8601 numbers (1 Monday, 7 Sunday),
times local wall-clock time in Europe/Stockholm.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from publicoffice.places.models import Office
from publicoffice.places.opening_hours import DayHours

#: How far ahead exceptions are listed, in days (the office pages show as far).
HORIZON_DAYS = 60

CSV_FIELDS = [
    "office",
    "office_name",
    "kind",
    "weekday",
    "date",
    "opens",
    "closes",
    "closed",
    "reason",
]


def _weekly(office: Office) -> list[dict[str, Any]]:
    weekly = office.schedule().weekly
    return [
        {"weekday": day + 1, "opens": f"{i.opens:%H:%M}", "closes": f"{i.closes:%H:%M}"}
        for day in sorted(weekly)
        for i in weekly[day]
    ]


def _exception(hours: DayHours) -> dict[str, Any]:
    return {
        "date": hours.date.isoformat(),
        "kind": hours.source,  # "exception" or "holiday"
        "closed": hours.is_closed,
        "hours": [
            {"opens": f"{i.opens:%H:%M}", "closes": f"{i.closes:%H:%M}"} for i in hours.intervals
        ],
        "reason": str(hours.reason),
    }


def _exceptions(office: Office, today: date, language: str) -> list[dict[str, Any]]:
    schedule = office.schedule()
    return [_exception(h) for h in schedule.coming_exceptions(today, HORIZON_DAYS, language)]


def hours_document(
    offices: Iterable[Office], *, today: date, language: str, office_url: Any
) -> dict[str, Any]:
    """The JSON dataset: one entry per office (``office_url(office)`` its page)."""
    return {
        "generated": today.isoformat(),
        "time_zone": "Europe/Stockholm",
        "horizon_days": HORIZON_DAYS,
        "offices": [
            {
                "office": office.slug,
                "id": office.pk,
                "name": str(office.name),
                "url": office_url(office),
                "weekly": _weekly(office),
                "exceptions": _exceptions(office, today, language),
            }
            for office in offices
        ],
    }


def hours_rows(offices: Iterable[Office], *, today: date, language: str) -> list[dict[str, Any]]:
    """The CSV dataset: a row per weekly interval, then a row per exception's interval."""
    rows: list[dict[str, Any]] = []
    for office in offices:
        base = {"office": office.slug, "office_name": str(office.name)}
        for interval in _weekly(office):
            rows.append({**base, "kind": "weekly", "closed": "false", **interval})
        for day in _exceptions(office, today, language):
            common = {
                **base,
                "kind": day["kind"],
                "date": day["date"],
                "closed": "true" if day["closed"] else "false",
                "reason": day["reason"],
            }
            rows.extend({**common, **interval} for interval in day["hours"] or [{}])
    return rows
