"""What the reports read from the meeting place: new profiles and contact requests.

A profile may name several home offices; the figures count it once, at
its *report office*: the home office with the lowest id, so that the sum
over offices (an operator, the network) counts every profile once. A
profile without a home office belongs to no office and is in no office's
figures. A contact request is counted at the report office of the profile
it was sent to, on the local day it was sent, in its outcome now (from
:class:`ContactStatistic`, which keeps no person).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone

from publicoffice.community.models import ContactRequest, ContactStatistic, Profile
from publicoffice.core.timeutils import local_days_bounds
from publicoffice.places.facts import DayCount
from publicoffice.places.models import Office


def _first_home(**profile: OuterRef) -> Subquery:
    """The lowest home office id of the profile matched by ``profile`` (a lookup)."""
    homes = Office.objects.filter(**{f"profiles__{k}": v for k, v in profile.items()})
    return Subquery(homes.order_by("pk").values("pk")[:1])


def report_office_id(office_ids: Iterable[int]) -> int | None:
    """The office a profile with these home offices counts at (None: no home office)."""
    return min(office_ids, default=None)


def profile_report_office_id(profile_id: int) -> int | None:
    """The report office of a stored profile, in one query."""
    homes = Office.objects.filter(profiles=profile_id).order_by("pk")
    return homes.values_list("pk", flat=True).first()


def received_request_days(profile_id: int) -> list[date]:
    """The days the contact requests to a profile were sent: they count at its office."""
    requests = ContactRequest.objects.filter(recipient_id=profile_id).values("pk")
    days = ContactStatistic.objects.filter(request_id__in=requests).values_list("day", flat=True)
    return list(days.distinct().order_by())


def request_days_by_office(profile_id: int) -> dict[int, set[date]]:
    """Where and when the requests to and from a profile count: they go when it is deleted."""
    requests = ContactRequest.objects.filter(
        Q(recipient_id=profile_id) | Q(sender_profile_id=profile_id)
    ).values("pk")
    rows = (
        ContactStatistic.objects.filter(request_id__in=requests)
        .annotate(report_office=_first_home(contact_requests_received__pk=OuterRef("request_id")))
        .filter(report_office__isnull=False)
        .values_list("report_office", "day")
        .distinct()
        .order_by()
    )
    days: dict[int, set[date]] = {}
    for office_id, day in rows:
        days.setdefault(office_id, set()).add(day)
    return days


def _only(rows: QuerySet, office_ids: Sequence[int] | None) -> QuerySet:
    rows = rows.filter(report_office__isnull=False)
    if office_ids is not None:
        rows = rows.filter(report_office__in=list(office_ids))
    return rows


def profile_counts(office_ids: Sequence[int] | None, start: date, end: date) -> list[DayCount]:
    """Profiles existing now, per report office, local day of creation and kind."""
    zone = timezone.get_current_timezone()
    low, high = local_days_bounds(start, end)
    profiles = Profile.objects.filter(created_at__gte=low, created_at__lt=high).annotate(
        report_office=_first_home(pk=OuterRef("pk"))
    )
    rows = (
        _only(profiles, office_ids)
        .annotate(day=TruncDate("created_at", tzinfo=zone))
        .values_list("report_office", "day", "kind")
        .annotate(total=Count("id"))
        .order_by()
    )
    return [DayCount(*row) for row in rows]


def contact_request_counts(
    office_ids: Sequence[int] | None, start: date, end: date
) -> list[DayCount]:
    """Contact requests per report office of the recipient, day sent and outcome."""
    figures = ContactStatistic.objects.filter(day__range=(start, end)).annotate(
        report_office=_first_home(contact_requests_received__pk=OuterRef("request_id"))
    )
    rows = (
        _only(figures, office_ids)
        .values_list("report_office", "day", "outcome")
        .annotate(total=Count("id"))
        .order_by()
    )
    return [DayCount(*row) for row in rows]
