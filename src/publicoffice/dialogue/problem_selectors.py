"""Reads of problem reports: one selector per screen, shared by the pages and Open311.

Lists run a fixed number of queries whatever the number of reports: rows
come with their office (and its operator, for Open311's
``agency_responsible``) in one query, and their updates in one more.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, QuerySet

from publicoffice.accounts.actors import AnyUser
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.dialogue import clock, problem_policies
from publicoffice.dialogue.models import (
    PROBLEM_FAMILIES,
    ContentReport,
    Family,
    ProblemCategory,
    ProblemReport,
    ProblemUpdate,
)
from publicoffice.places.models import Office, OfficeStatus

#: How far from an office a position given to Open311 may be (metres) to mean that office.
NEAREST_OFFICE_METRES = 500
EARTH_RADIUS_METRES = 6_371_000


def _states(family: Family) -> list[str]:
    return [state for state, f in PROBLEM_FAMILIES.items() if f == family]


def _rows(reports: QuerySet[ProblemReport]) -> QuerySet[ProblemReport]:
    return reports.select_related("office", "office__operator", "reporter")


def with_updates(reports: QuerySet[ProblemReport]) -> QuerySet[ProblemReport]:
    """Rows with their office and their published updates, oldest first (two queries)."""
    updates = ProblemUpdate.objects.order_by("published_at", "id")
    return _rows(reports).prefetch_related(Prefetch("updates", queryset=updates))


@dataclass(frozen=True)
class OfficeProblems:
    """An office's reports, open ones first, then fixed, then closed (each newest first)."""

    open: QuerySet[ProblemReport]
    fixed: list[ProblemReport]
    closed: list[ProblemReport]


#: How many fixed and closed reports the office's list shows under the open ones.
ENDED_SHOWN = 20


def office_problems(*, office: Office) -> OfficeProblems:
    visible = _rows(ProblemReport.objects.visible().filter(office=office))
    ended = ("-state_changed_at", "-id")
    return OfficeProblems(
        open=visible.filter(state__in=_states(Family.OPEN)).order_by("-created_at", "-id"),
        fixed=list(visible.filter(state__in=_states(Family.DONE)).order_by(*ended)[:ENDED_SHOWN]),
        closed=list(
            visible.filter(state__in=_states(Family.CLOSED)).order_by(*ended)[:ENDED_SHOWN]
        ),
    )


def problems_listed(
    *, office: Office | None = None, family: str = "", state: str = "", category: str = ""
) -> QuerySet[ProblemReport]:
    """Visible reports for the API's list, newest first, filtered (unknown values list nothing).

    With their office and updates, so a page costs the same queries whatever its length.
    """
    reports = ProblemReport.objects.visible()
    if office is not None:
        reports = reports.filter(office=office)
    if family:
        reports = reports.filter(state__in=[s for s, f in PROBLEM_FAMILIES.items() if f == family])
    if state:
        reports = reports.filter(state=state)
    if category:
        reports = reports.filter(category=category)
    return with_updates(reports).order_by("-created_at", "-id")


def parse_public_id(public_id: Any) -> UUID:
    if isinstance(public_id, UUID):
        return public_id
    try:
        return UUID(str(public_id))
    except (ValueError, TypeError, AttributeError) as error:
        raise DomainError(ErrorCode.PROBLEM_NOT_FOUND) from error


def problem_get_visible(*, user: AnyUser, public_id: Any) -> ProblemReport:
    """The report if ``user`` may see it; hidden ones are "not found" to everyone else."""
    report = with_updates(ProblemReport.objects.filter(public_id=parse_public_id(public_id)))
    found = report.first()
    if found is None or not problem_policies.can_see(user, found):
        raise DomainError(ErrorCode.PROBLEM_NOT_FOUND)
    return found


@dataclass(frozen=True)
class ProblemPage:
    """What the report's page shows besides the report itself."""

    updates: list[ProblemUpdate]
    overdue: bool
    age_days: int


def problem_page(*, report: ProblemReport, now: datetime) -> ProblemPage:
    today = clock.local_day(now)
    overdue = (
        report.first_answer_at is None
        and report.family == Family.OPEN
        and report.hidden_at is None
        and today > report.answer_due
    )
    return ProblemPage(
        updates=list(report.updates.all()),
        overdue=overdue,
        age_days=clock.days_between(report.created_at, now),
    )


def open_barriers(*, office: Office) -> list[ProblemReport]:
    """Accessibility barriers reported at the office and not fixed yet, oldest first."""
    return list(
        ProblemReport.objects.visible()
        .filter(
            office=office,
            category=ProblemCategory.ACCESSIBILITY,
            state__in=_states(Family.OPEN),
        )
        .order_by("created_at", "id")
    )


def offices_with_barriers(*, office_ids: Iterable[int]) -> dict[int, int]:
    """How many open accessibility barriers each of these offices has (one query)."""
    counts: dict[int, int] = {}
    rows = ProblemReport.objects.visible().filter(
        office_id__in=list(office_ids),
        category=ProblemCategory.ACCESSIBILITY,
        state__in=_states(Family.OPEN),
    )
    for office_id in rows.values_list("office_id", flat=True):
        counts[office_id] = counts.get(office_id, 0) + 1
    return counts


def duplicate_target(*, office: Office, public_id: Any) -> ProblemReport:
    """Another visible report of the same office, which a report repeats."""
    report = (
        ProblemReport.objects.visible()
        .filter(office=office, public_id=parse_public_id(public_id))
        .first()
    )
    if report is None:
        raise DomainError(ErrorCode.PROBLEM_NOT_FOUND, field="duplicate_of")
    return report


def open_content_reports(*, report: ProblemReport) -> int:
    """How many people told staff this report breaks the house rules (staff see it)."""
    return ContentReport.objects.filter(problem=report, handled_at__isnull=True).count()


# -- Open311 ----------------------------------------------------------------------


def open311_requests(
    *,
    public_ids: list[UUID] | None = None,
    categories: list[str] | None = None,
    start: datetime,
    end: datetime,
    states: list[str] | None = None,
    limit: int,
) -> list[ProblemReport]:
    """Visible reports for ``requests.json``, newest first, at most ``limit``.

    A list of ids overrides every other filter, as the GeoReport v2 spec says.
    """
    reports = ProblemReport.objects.visible()
    if public_ids is not None:
        reports = reports.filter(public_id__in=public_ids)
    else:
        reports = reports.filter(created_at__gte=start, created_at__lte=end)
        if categories:
            reports = reports.filter(category__in=categories)
        if states:
            reports = reports.filter(state__in=states)
    return list(with_updates(reports).order_by("-created_at", "-id")[:limit])


def open311_request(*, public_id: Any) -> ProblemReport:
    """One visible report for ``requests/{id}.json``."""
    return problem_get_visible(user=AnonymousUser(), public_id=public_id)


def reportable_office(*, slug: Any) -> Office:
    """An office one can report problems at, by its address name (Open311's attribute)."""
    if not isinstance(slug, str) or not slug or len(slug) > 80:
        raise DomainError(ErrorCode.OFFICE_UNKNOWN, field="office")
    office = Office.objects.public().filter(slug=slug).first()
    if office is None:
        raise DomainError(ErrorCode.OFFICE_UNKNOWN, field="office")
    return office


def _metres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine): exact enough across a town."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_METRES * math.asin(math.sqrt(a))


def nearest_office(*, lat: float, long: float) -> Office:
    """The open office nearest to a position, if one is within ``NEAREST_OFFICE_METRES``."""
    offices = Office.objects.filter(status__in=[OfficeStatus.OPEN, OfficeStatus.PAUSED])
    best: tuple[float, Office] | None = None
    for office in offices.only("id", "slug", "latitude", "longitude", "status", "operator_id"):
        distance = _metres(lat, long, float(office.latitude), float(office.longitude))
        if best is None or distance < best[0]:
            best = (distance, office)
    if best is None or best[0] > NEAREST_OFFICE_METRES:
        raise DomainError(ErrorCode.OFFICE_UNKNOWN, field="office")
    return best[1]
