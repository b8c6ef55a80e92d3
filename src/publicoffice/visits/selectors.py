"""Reading visits: who is here now, figures by hour, a member's history.

Figures combine raw visits with the hourly aggregates left by the
retention roll-up, so they are the same before and after it runs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID

from django.db import connection
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import Member
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.timeutils import acting_now, local_zone
from publicoffice.places.models import Office
from publicoffice.places.selectors import attach_schedules
from publicoffice.visits.models import (
    DailyUniqueVisitors,
    KioskDevice,
    Source,
    Visit,
    VisitAggregate,
    VisitCorrection,
)

#: Share of capacity from which an office counts as fairly busy.
FAIRLY_BUSY_FROM = 0.5


#: The longest slug an office can have (longer ones are not looked up).
SLUG_MAX = 80


def office_for_check_in(*, slug: str, today: date) -> Office:
    """A public office with the hours a check-in needs; refuses with ``office_not_found``.

    A check-in only asks whether the office is open now and when it closes,
    so its schedule is read with plain queries (no prefetch machinery, no
    listing order) and without exceptions that are already over: it is
    exact from yesterday on. Three small queries.
    """
    if not isinstance(slug, str) or len(slug) > SLUG_MAX:
        raise DomainError(ErrorCode.OFFICE_NOT_FOUND)
    office = next(iter(Office.objects.public().filter(slug=slug).order_by()[:1]), None)
    if office is None:
        raise DomainError(ErrorCode.OFFICE_NOT_FOUND)
    attach_schedules([office], since=today - timedelta(days=1))
    return office


def going_on(at: datetime) -> Q:
    """The condition a visit going on at ``at`` meets: started, not checked out,
    not ended by time, not removed (for a filter or an aggregate's ``filter``)."""
    return (Q(checked_out_at__isnull=True) | Q(checked_out_at__gt=at)) & Q(
        started_at__lte=at, auto_end_at__gt=at, removed_at__isnull=True
    )


#: :func:`device_today` in SQL: ``going_on`` spelled out, parameters only.
_DEVICE_TODAY_SQL = (
    "SELECT COUNT(CASE WHEN started_at >= %s THEN 1 END),"
    " MAX(CASE WHEN started_at <= %s AND auto_end_at > %s"
    " AND (checked_out_at IS NULL OR checked_out_at > %s)"
    " AND removed_at IS NULL THEN id END)"
    " FROM visits_visit WHERE office_id = %s AND device_hash = %s"
)


def device_today(
    *, office_id: int, device_hash: str, since: datetime, at: datetime
) -> tuple[int, int | None]:
    """This phone's check-ins at the office from ``since`` on, and the id of its
    visit going on at ``at`` (see :func:`going_on`), if any, in one query.

    Every QR check-in asks it under the office lock, so it is plain SQL: the
    ORM spent more time building this aggregate than the database spent
    answering it (the index ``(office, device_hash)`` holds today's few rows).
    ``tests/visits/test_checkin_cost.py`` holds it to ``going_on``.
    """
    stamp = connection.ops.adapt_datetimefield_value
    params = [stamp(since), *([stamp(at)] * 3), office_id, device_hash]
    with connection.cursor() as cursor:
        cursor.execute(_DEVICE_TODAY_SQL, params)
        count, here = cursor.fetchone()
    return int(count or 0), here


def active_visits(*, office_ids: list[int], at: datetime) -> QuerySet[Visit]:
    """Visits going on at ``at``: started, not checked out, not ended by time."""
    return Visit.objects.filter(going_on(at), office_id__in=office_ids)


@dataclass(frozen=True)
class Occupancy:
    current: int
    capacity: int
    at: datetime

    @property
    def level(self) -> str:
        """``quiet``, ``fairly_busy`` or ``full``, in words in :attr:`label`."""
        if self.current >= self.capacity:
            return "full"
        if self.current >= self.capacity * FAIRLY_BUSY_FROM:
            return "fairly_busy"
        return "quiet"

    @property
    def over_capacity(self) -> bool:
        """More people than places: every page then says so in words, never
        only a number larger than the capacity."""
        return self.current > self.capacity

    @property
    def label(self) -> str:
        if self.over_capacity:
            return str(_("Over capacity"))
        return str(
            {"full": _("Full"), "fairly_busy": _("Fairly busy"), "quiet": _("Quiet")}[self.level]
        )

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.current / self.capacity)) if self.capacity else 0


def people_here(*, office_ids: list[int], at: datetime) -> dict[int, int]:
    """People present per office, in one query for any number of offices."""
    rows = (
        active_visits(office_ids=office_ids, at=at)
        .order_by()
        .values("office_id")
        .annotate(people=Sum("people"))
    )
    return {row["office_id"]: row["people"] for row in rows}


def occupancy(*, office: Office, at: datetime | None = None) -> Occupancy:
    at = acting_now(at)
    current = people_here(office_ids=[office.pk], at=at).get(office.pk, 0)
    return Occupancy(current=current, capacity=office.capacity, at=at)


def occupancy_for(offices: list[Office], at: datetime) -> dict[int, Occupancy]:
    here = people_here(office_ids=[o.pk for o in offices], at=at)
    return {o.pk: Occupancy(here.get(o.pk, 0), o.capacity, at) for o in offices}


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    zone = local_zone()
    start = datetime.combine(day, time(0), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    return start, end


def _counted(queryset: QuerySet[Visit]) -> QuerySet[Visit]:
    return queryset.filter(removed_at__isnull=True)


def visits_by_hour(*, office: Office, day: date) -> list[tuple[datetime, int]]:
    """People arriving per local hour of a day (raw visits plus aggregates)."""
    start, end = _day_bounds(day)
    totals: Counter[datetime] = Counter()
    raw = _counted(Visit.objects.filter(office=office, started_at__gte=start, started_at__lt=end))
    for started_at, people in raw.values_list("started_at", "people"):
        local = timezone.localtime(started_at)
        totals[local.replace(minute=0, second=0, microsecond=0)] += people
    for hour, people in VisitAggregate.objects.filter(
        office=office, hour__gte=start, hour__lt=end
    ).values_list("hour", "people"):
        totals[timezone.localtime(hour)] += people
    return sorted(totals.items())


def figures(*, office: Office, start: date, end: date) -> dict[str, Any]:
    """Visit figures for ``[start, end]``: people by source and survey answers.

    Computed from raw visits and from hourly aggregates alike, so the
    retention roll-up changes nothing here.
    """
    first = _day_bounds(start)[0]
    last = _day_bounds(end)[1]
    dimensions = ("source", "would_otherwise", "travel_mode", "commute_band")
    result: dict[str, Counter[str]] = {name: Counter() for name in dimensions}
    visits = 0
    people = 0
    raw = _counted(Visit.objects.filter(office=office, started_at__gte=first, started_at__lt=last))
    rows = list(
        raw.order_by().values(*dimensions).annotate(visits=Count("id"), people=Sum("people"))
    ) + list(
        VisitAggregate.objects.filter(office=office, hour__gte=first, hour__lt=last)
        .order_by()
        .values(*dimensions)
        .annotate(visits=Sum("visits"), people=Sum("people"))
    )
    for row in rows:
        visits += row["visits"]
        people += row["people"]
        for name in dimensions:
            if row[name]:
                result[name][row[name]] += row["people"]
    return {
        "visits": visits,
        "people": people,
        **{name: dict(sorted(counter.items())) for name, counter in result.items()},
        "unique_visitors": sum(
            unique_visitors(office=office, day=start + timedelta(days=n))
            for n in range((end - start).days + 1)
        ),
    }


def unique_visitors(*, office: Office, day: date) -> int:
    """Estimated unique visitors of a day: distinct devices and members, plus
    people counted by staff (and kiosk taps, which cannot be told apart)."""
    stored = DailyUniqueVisitors.objects.filter(office=office, date=day).first()
    if stored is not None:
        return stored.visitors
    start, end = _day_bounds(day)
    raw = _counted(Visit.objects.filter(office=office, started_at__gte=start, started_at__lt=end))
    return count_unique(raw)


def count_unique(visits: QuerySet[Visit]) -> int:
    devices = visits.exclude(device_hash="").values("device_hash").distinct().count()
    members = visits.filter(member__isnull=False).values("member_id").distinct().count()
    others = visits.filter(device_hash="", member__isnull=True).aggregate(
        people=Coalesce(Sum("people"), 0)
    )["people"]
    return devices + members + others


def member_visits(*, member: Member, limit: int | None = None) -> Iterator[Visit]:
    """The member's visits, newest first (the latest ``limit`` of them), streamed."""
    visits = Visit.objects.filter(member=member, removed_at__isnull=True).select_related("office")
    return (visits if limit is None else visits[:limit]).iterator()


def own_active_visit(*, office: Office, member: Member, at: datetime) -> Visit | None:
    """The member's visit going on at ``office`` now, if they checked in."""
    return active_visits(office_ids=[office.pk], at=at).filter(member=member).first()


def visit_get(*, public_id: UUID) -> Visit:
    """A visit by its public id, with its office; refuses with ``not_found``."""
    visit = Visit.objects.select_related("office").filter(public_id=public_id).first()
    if visit is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    return visit


def headcount_get(*, office: Office, pk: int) -> Visit:
    """A staff headcount of this office; any other visit is ``not_found``."""
    visit = Visit.objects.filter(pk=pk, office=office, source=Source.STAFF).first()
    if visit is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    return visit


def office_kiosks(*, office: Office) -> list[KioskDevice]:
    """The office's kiosks, working ones first, by name."""
    return list(KioskDevice.objects.filter(office=office).order_by("revoked_at", "name"))


def kiosk_get(*, office: Office, pk: int) -> KioskDevice:
    """A kiosk of this office; another office's kiosk is ``not_found``."""
    device = KioskDevice.objects.filter(pk=pk, office=office).first()
    if device is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    return device


def todays_headcounts(*, office: Office, day: date) -> list[Visit]:
    start, end = _day_bounds(day)
    return list(
        Visit.objects.filter(
            office=office, source=Source.STAFF, started_at__gte=start, started_at__lt=end
        )
        .select_related("recorded_by")
        .prefetch_related("corrections__changed_by")
        .order_by("-started_at")
    )


#: Flagged check-ins further apart than this belong to separate bursts.
BURST_GAP = timedelta(minutes=5)


@dataclass(frozen=True)
class Burst:
    """Flagged check-ins close together in time, not yet voided."""

    count: int
    first: datetime
    last: datetime

    @property
    def minutes(self) -> int:
        """How many minutes the burst lasted, at least one."""
        return max(1, -(-int((self.last - self.first).total_seconds()) // 60))


def suspect_bursts(*, office: Office, day: date) -> list[Burst]:
    """The day's flagged check-ins that still count, grouped into bursts (one query)."""
    start, end = _day_bounds(day)
    times = Visit.objects.filter(
        office=office,
        suspect=True,
        removed_at__isnull=True,
        started_at__gte=start,
        started_at__lt=end,
    ).order_by("started_at")
    bursts: list[Burst] = []
    for at in times.values_list("started_at", flat=True):
        if bursts and at - bursts[-1].last <= BURST_GAP:
            bursts[-1] = Burst(bursts[-1].count + 1, bursts[-1].first, at)
        else:
            bursts.append(Burst(1, at, at))
    return bursts


@dataclass(frozen=True)
class Voiding:
    """One press of "Void": who, when, why, and how many check-ins."""

    changed_at: datetime
    changed_by: str
    reason: str
    count: int


def voided_check_ins(*, office: Office, day: date) -> list[Voiding]:
    """The day's voided flagged check-ins from the correction log (one query)."""
    start, end = _day_bounds(day)
    rows = (
        VisitCorrection.objects.filter(
            visit__office=office,
            visit__suspect=True,
            people_after=0,
            changed_at__gte=start,
            changed_at__lt=end,
        )
        .select_related("changed_by")
        .order_by("changed_at", "pk")
    )
    result: list[Voiding] = []
    for row in rows:
        who = str(row.changed_by) if row.changed_by is not None else ""
        last = result[-1] if result else None
        if (
            last
            and (last.changed_by, last.reason) == (who, row.reason)
            and (row.changed_at - last.changed_at <= timedelta(seconds=5))
        ):
            result[-1] = Voiding(last.changed_at, who, row.reason, last.count + 1)
        else:
            result.append(Voiding(row.changed_at, who, row.reason, 1))
    return result
