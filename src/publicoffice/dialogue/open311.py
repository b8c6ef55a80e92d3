"""Problem reports in Open311 GeoReport v2: the services, the requests, and their errors.

Municipal case systems and existing Open311 clients read and file problem
reports here (https://wiki.open311.org/GeoReport_v2/). This module turns
the query and the form of a request into the arguments of our selectors
and services, and our rows into the spec's fields; the views in
:mod:`publicoffice.dialogue.views.open311` only join the two. JSON only.

Where our model and the spec differ (docs/open311.md says more):

* ``service_code`` is the problem's category; there are no service
  definitions (``metadata`` is false).
* A request belongs to an office: a POST names it with
  ``attribute[office]=<address name>``, or gives ``lat``/``long`` within
  500 m of an open office. The position is not stored.
* ``first_name``, ``last_name`` and ``phone`` are not stored (privacy);
  ``email`` is kept for updates, never shown, and deleted two weeks after
  the report ends.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.core.text import one_line
from publicoffice.dialogue.models import (
    PROBLEM_FAMILIES,
    Family,
    ProblemCategory,
    ProblemReport,
    ProblemState,
)

#: The most requests one answer holds, and the longest span of dates one may ask for.
MAX_RESULTS = 1000
MAX_SPAN = timedelta(days=90)
#: A title made from the description is cut at this many characters.
TITLE_FROM_DESCRIPTION = 80

DESCRIPTIONS: dict[str, Promise] = {
    ProblemCategory.EQUIPMENT: _("Something in the office is broken: a printer, a desk, a door."),
    ProblemCategory.CLEANLINESS: _("Something is dirty or untidy: toilets, floors, the kitchen."),
    ProblemCategory.ACCESSIBILITY: _(
        "A barrier for people with a disability: a broken lift, a missing ramp, a heavy door."
    ),
    ProblemCategory.SAFETY: _("Something is unsafe: a broken lock, a loose cable, a blocked exit."),
    ProblemCategory.OTHER: _("Any other problem with the place."),
}
KEYWORDS: dict[str, str] = {
    ProblemCategory.EQUIPMENT: "equipment,broken,repair",
    ProblemCategory.CLEANLINESS: "cleanliness,cleaning,toilet",
    ProblemCategory.ACCESSIBILITY: "accessibility,barrier,lift,elevator,ramp,wheelchair",
    ProblemCategory.SAFETY: "safety,security,hazard",
    ProblemCategory.OTHER: "other",
}


def language_of(request: Any) -> str:
    """``?locale=`` (``sv``, ``sv_SE``, ``en-GB``), else Accept-Language, else the default."""
    asked = str(request.GET.get("locale", "")).replace("_", "-").split("-")[0].lower()
    if asked in LANGUAGE_CODES:
        return asked
    found = translation.get_language_from_request(request)
    return found if found in LANGUAGE_CODES else settings.LANGUAGE_CODE


def services() -> list[dict[str, Any]]:
    """``services.json``: one service per category, in the active language."""
    return [
        {
            "service_code": code,
            "service_name": str(label),
            "description": str(DESCRIPTIONS[code]),
            "metadata": False,
            "type": "realtime",
            "keywords": KEYWORDS[code],
            "group": gettext("Problems at a Public Office"),
        }
        for code, label in ProblemCategory.choices
    ]


def status_of(state: str) -> str:
    return "open" if PROBLEM_FAMILIES[state] == Family.OPEN else "closed"


def _moment(value: datetime | None) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def _notice(report: ProblemReport) -> str:
    if report.first_answer_at is not None or report.family != Family.OPEN:
        return ""
    return gettext("The office promises a first answer by %(day)s.") % {
        "day": report.answer_due.isoformat()
    }


def request_fields(report: ProblemReport, *, media_url: str = "") -> dict[str, Any]:
    """One request with every field of GeoReport v2's ``GET Service Request(s)``."""
    office = report.office
    updates = list(report.updates.all())
    return {
        "service_request_id": str(report.public_id),
        "status": status_of(report.state),
        "status_notes": updates[-1].text if updates else "",
        "service_name": str(ProblemCategory(report.category).label),
        "service_code": report.category,
        "description": f"{report.title}\n\n{report.description}",
        "agency_responsible": office.operator.name if office.operator_id else office.name,
        "service_notice": _notice(report),
        "requested_datetime": _moment(report.created_at),
        "updated_datetime": _moment(report.updated_at),
        "expected_datetime": None,
        "address": ", ".join(p for p in (office.street_address, office.city) if p),
        "address_id": office.slug,
        "zipcode": office.postal_code,
        "lat": float(office.latitude),
        "long": float(office.longitude),
        "media_url": media_url,
    }


def error_body(error: DomainError) -> list[dict[str, Any]]:
    """The spec's list of errors: the HTTP status as ``code``, and what went wrong."""
    return [{"code": error.status, "description": str(error.message)}]


def error_response(error: DomainError) -> JsonResponse:
    return JsonResponse(error_body(error), status=error.status, safe=False)


# -- reading the query of requests.json ------------------------------------------------


@dataclass(frozen=True)
class Filters:
    public_ids: list[UUID] | None
    categories: list[str] | None
    start: datetime
    end: datetime
    states: list[str] | None


def _listed(value: Any) -> list[str]:
    return [part.strip() for part in str(value or "").split(",") if part.strip()]


def _when(value: Any, *, field: str) -> datetime | None:
    """A w3c date-time with its offset (``2026-11-01T00:00:00Z``) or a date (local midnight)."""
    if value in (None, ""):
        return None
    text = str(value).strip().replace(" ", "+")
    try:
        day = parse_date(text) if len(text) == len("2026-11-01") else None
        moment = parse_datetime(text) if day is None else None
    except ValueError as error:
        raise DomainError(ErrorCode.INVALID_DATETIME, field=field) from error
    if day is not None:
        moment = timezone.make_aware(datetime.combine(day, datetime.min.time()))
    if moment is None:
        raise DomainError(ErrorCode.INVALID_DATETIME, field=field)
    if timezone.is_naive(moment):
        raise DomainError(ErrorCode.NAIVE_DATETIME, field=field)
    return moment


def _span(query: Mapping[str, Any], now: datetime) -> tuple[datetime, datetime]:
    start = _when(query.get("start_date"), field="start_date")
    end = _when(query.get("end_date"), field="end_date")
    if start is None and end is None:
        return now - MAX_SPAN, now
    if start is None:
        assert end is not None
        start = end - MAX_SPAN
    end = end or now
    if end < start:
        raise DomainError(ErrorCode.INVALID_RANGE, field="end_date")
    if end - start > MAX_SPAN:
        raise DomainError(
            ErrorCode.INVALID_RANGE,
            gettext("Ask for at most 90 days at a time."),
            field="start_date",
        )
    return start, end


def _ids(value: Any) -> list[UUID]:
    """The ids asked for; ones that cannot be ours are left out (they would find nothing)."""
    found = []
    for part in _listed(value)[:MAX_RESULTS]:
        try:
            found.append(UUID(part))
        except ValueError:
            continue
    return found


def filters(query: Mapping[str, Any], *, now: datetime) -> Filters:
    """``service_request_id`` (overrides the rest), ``service_code``, the dates, ``status``."""
    start, end = _span(query, now)
    codes = _listed(query.get("service_code"))
    if any(code not in ProblemCategory.values for code in codes):
        raise DomainError(ErrorCode.PROBLEM_CATEGORY_INVALID, field="service_code")
    statuses = _listed(query.get("status"))
    if any(status not in ("open", "closed") for status in statuses):
        raise DomainError(ErrorCode.STATUS_INVALID, field="status")
    states = [s for s in ProblemState.values if status_of(s) in statuses] if statuses else None
    ids = query.get("service_request_id")
    return Filters(
        public_ids=_ids(ids) if ids not in (None, "") else None,
        categories=codes or None,
        start=start,
        end=end,
        states=states,
    )


# -- reading the form of a POST ---------------------------------------------------------


def position(form: Mapping[str, Any]) -> tuple[float, float] | None:
    """``lat`` and ``long`` when both are given and on the globe."""
    lat, long = form.get("lat"), form.get("long")
    if lat in (None, "") and long in (None, ""):
        return None
    try:
        numbers = float(str(lat)), float(str(long))
    except ValueError as error:
        raise DomainError(ErrorCode.BAD_VALUE, field="lat") from error
    if not (-90 <= numbers[0] <= 90 and -180 <= numbers[1] <= 180):
        raise DomainError(ErrorCode.BAD_VALUE, field="lat")
    return numbers


def title_from(description: Any) -> str:
    """GeoReport has no title: the description's first words stand for it."""
    text = one_line(description) if isinstance(description, str) else ""
    if len(text) <= TITLE_FROM_DESCRIPTION:
        return text
    cut = text[:TITLE_FROM_DESCRIPTION].rsplit(" ", 1)[0] or text[:TITLE_FROM_DESCRIPTION]
    return f"{cut}…"


def report_arguments(form: Mapping[str, Any], *, language: str) -> dict[str, Any]:
    """What ``problem_report`` takes from the form (the office and reporter come apart).

    ``first_name``, ``last_name`` and ``phone`` are read by nobody: not stored.
    """
    written_in = str(form.get("attribute[language]", "") or language)
    return {
        "category": form.get("service_code"),
        "title": title_from(form.get("description")),
        "description": form.get("description"),
        "language": written_in,
        "contact_email": form.get("email", ""),
    }
