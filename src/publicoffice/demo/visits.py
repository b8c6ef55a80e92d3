"""Demo visits: the last weeks of history, live occupancy today, and kiosks.

Everything written here is demo data. On every run the demo offices'
visits, headcount corrections, hourly figures and unique-visitor figures
are deleted and generated again, and the demo kiosks ("Entré") are replaced,
because a kiosk's key is only known when the kiosk is created. So running
the demo twice never duplicates a visit.

The history is deterministic: every office and day has its own
``random.Random`` seeded with the office's slug and the date, so the same
``today`` and ``now`` give the same visits. Rows are written with
``bulk_create`` for speed, which skips ``full_clean()``; the rules the
services would enforce (arrivals inside opening hours, the end-of-visit
rule, one active visit per device or member) are kept here and checked by
``tests/demo/test_demo_visits.py``.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from publicoffice.accounts.models import Role, RoleAssignment, User
from publicoffice.core.timeutils import local_zone
from publicoffice.demo import visit_shapes as shapes
from publicoffice.demo.history_shapes import size
from publicoffice.demo.people import DEMO_DOMAIN
from publicoffice.places.models import Office, OfficeKind, OfficeStatus
from publicoffice.visits.models import (
    DailyUniqueVisitors,
    KioskDevice,
    Source,
    Visit,
    VisitAggregate,
    VisitCorrection,
)
from publicoffice.visits.retention import retention_cutoff, visits_roll_up
from publicoffice.visits.services import headcount_correct, kiosk_create
from publicoffice.visits.tokens import device_hash

#: Days of history before the retention cutoff, rolled up into hourly figures.
OLD_DAYS = 14
OLD_OFFICES = ("ronna", "fittja", "rinkeby")
KIOSK_OFFICES = ("ronna", "fittja")
KIOSK_NAME = "Entré"


def kiosk_unlock_path(key: str) -> str:
    """The Swedish unlock address of a kiosk key, printed by ``publicoffice demo``."""
    with translation.override("sv"):
        return f"{reverse('visits:kiosk_unlock')}?key={key}"


#: Demo members and the offices they use now and then.
MEMBER_OFFICES = {
    f"amina@{DEMO_DOMAIN}": ("ronna", "alby", "hovsjo"),
    f"johan@{DEMO_DOMAIN}": ("fittja", "flemingsberg"),
}
#: Which open-now office is made full, and which fairly busy (first open one wins).
FULL_FIRST = ("hovsjo", "husby", "skarholmen", "alby", "ronna-traffpunkt")
BUSY_FIRST = ("ronna", "fittja", "rinkeby", "flemingsberg", "tensta-bibliotek")
CORRECTION_FIRST = ("ronna", "fittja", "hallunda")
CORRECTION_FEWER = "Räknade fel: två av dem var personal"
CORRECTION_MORE = "Räknade fel: en satt redan i mötesrummet"

SURVEY_SHARE = 0.35
CHECK_OUT_SHARE = 0.4
KIOSK_SHARE = 0.3
REGULAR_SHARE = 0.65


@dataclass
class VisitsResult:
    visits: int = 0
    people_now: int = 0
    corrections: int = 0
    aggregates: int = 0
    daily_unique: int = 0
    #: (office, kiosk key) of every kiosk created.
    kiosks: list[tuple[Office, str]] = field(default_factory=list)
    #: slug -> occupancy level set for today ("full", "fairly_busy").
    levels: dict[str, str] = field(default_factory=dict)

    def totals(self) -> dict[str, int]:
        return {
            "visits (raw, last weeks)": self.visits,
            "people checked in now": self.people_now,
            "headcount corrections": self.corrections,
            "hourly visit figures (rolled up)": self.aggregates,
            "daily unique-visitor figures": self.daily_unique,
            "kiosk devices": len(self.kiosks),
        }


def _is_active(visit: Visit, at: datetime) -> bool:
    checked_out = visit.checked_out_at
    return visit.started_at <= at < visit.auto_end_at and (checked_out is None or checked_out > at)


@dataclass
class _Plan:
    """The visits to write, and what every new visit needs to know."""

    now: datetime
    recorders: dict[int, User]
    kiosk_office_ids: set[int]
    max_stay: timedelta = field(
        default_factory=lambda: timedelta(hours=settings.VISITS_MAX_STAY_HOURS)
    )
    visits: list[Visit] = field(default_factory=list)

    def add(
        self,
        office: Office,
        source: Source,
        start: datetime,
        closes: datetime,
        rng: random.Random,
        *,
        device: str = "",
        check_out: bool | None = None,
        **fields: Any,
    ) -> Visit | None:
        """A visit arriving at ``start``; none if that is not in the past.

        ``auto_end_at`` follows the service's rule: closing time or the
        maximum stay, whichever comes first. ``check_out`` None means a
        check-out for :data:`CHECK_OUT_SHARE` of visits, if it has happened.
        """
        if start >= self.now:
            return None
        # As the service does: the maximum stay in real time, also across DST.
        auto_end_at = min(closes, start.astimezone(UTC) + self.max_stay)
        visit = Visit(
            office=office,
            source=source,
            started_at=start,
            auto_end_at=auto_end_at,
            device_hash=device_hash(device, start.date()) if device else "",
            **fields,
        )
        if check_out is None:
            check_out = source != Source.STAFF and rng.random() < CHECK_OUT_SHARE
        if check_out:
            leave = min(
                start + shapes.stay(rng), auto_end_at - timedelta(minutes=rng.randint(1, 5))
            )
            if leave <= start:
                leave = start + (auto_end_at - start) / 2
            visit.checked_out_at = leave if leave <= self.now else None
        if source in (Source.QR, Source.KIOSK) and rng.random() < SURVEY_SHARE:
            shapes.answer_survey(visit, rng)
        self.visits.append(visit)
        return visit

    def office_day(self, office: Office, day: date, busyness: float) -> None:
        """One office's arrivals on one day, shaped like a real day."""
        day_slots, weights = shapes.slots(office, day)
        if not day_slots:
            return
        rng = shapes.seeded(office.slug, day.isoformat())
        hours = shapes.open_hours(day_slots)
        if office.kind == OfficeKind.MEETING_PLACE:
            per_capacity = rng.uniform(0.3, 0.7)
        else:
            per_capacity = rng.uniform(0.6, 1.5)
        count = round(office.capacity * per_capacity * busyness * min(1.0, hours / 7))
        # Regulars: a pool per office, about half of whom come on a given day.
        pool = [f"demo:{office.slug}:regular:{n}" for n in range(max(5, office.capacity // 2))]
        regulars = rng.sample(pool, len(pool) // 2)
        free_from: dict[str, datetime] = {}
        uses: Counter[str] = Counter()
        kiosk = office.pk in self.kiosk_office_ids
        for index, (start, closes) in enumerate(shapes.arrivals(rng, day_slots, weights, count)):
            if kiosk and rng.random() < KIOSK_SHARE:
                self.add(office, Source.KIOSK, start, closes, rng)
                continue
            # A device with a visit going on would be counted once: pick a free
            # one, and one that comes back at most a few times a day.
            free = [d for d in regulars if free_from.get(d, start) <= start and uses[d] < 3]
            if free and rng.random() < REGULAR_SHARE:
                device = rng.choice(free)
            else:
                device = f"demo:{office.slug}:{day.isoformat()}:once:{index}"
            visit = self.add(office, Source.QR, start, closes, rng, device=device)
            if visit is not None:
                free_from[device] = visit.ends_at
                uses[device] += 1
        recorder = self.recorders.get(office.pk)
        group_chance = 0.5 if office.kind == OfficeKind.MEETING_PLACE else 0.3
        if recorder is not None and rng.random() < group_chance:
            for start, closes in shapes.arrivals(rng, day_slots, weights, 1):
                people = rng.randint(2, 6)
                self.add(
                    office, Source.STAFF, start, closes, rng, people=people, recorded_by=recorder
                )

    def member_visits(
        self, offices: dict[str, Office], members: dict[str, User], days: list[date]
    ) -> None:
        """A few check-ins by the demo members, at most one a day each, so none overlap."""
        for email, slugs in MEMBER_OFFICES.items():
            member = members.get(email)
            if member is None:
                continue
            rng = shapes.seeded("member", email)
            used: set[date] = set()
            for slug in slugs:
                office = offices.get(slug)
                if office is None or office.status != OfficeStatus.OPEN:
                    continue
                open_days = [d for d in days if d not in used and shapes.slots(office, d)[0]]
                for day in rng.sample(open_days, min(3, len(open_days))):
                    used.add(day)
                    day_slots, weights = shapes.slots(office, day)
                    for start, closes in shapes.arrivals(rng, day_slots, weights, 1):
                        self.add(office, Source.MEMBER, start, closes, rng, member=member)

    def liven_up(self, offices: list[Office]) -> dict[str, str]:
        """Make one office that is open now full, and another fairly busy."""
        zone = local_zone()
        local = self.now.astimezone(zone)
        # Open now, and for long enough that arrivals fit in before now.
        open_since: dict[int, tuple[datetime, datetime]] = {}
        for office in offices:
            for interval in office.schedule().intervals_on(local.date()):
                opens = datetime.combine(local.date(), interval.opens, tzinfo=zone)
                closes = datetime.combine(local.date(), interval.closes, tzinfo=zone)
                if opens + timedelta(minutes=10) <= self.now < closes:
                    open_since[office.pk] = (max(opens, self.now - self.max_stay / 2), closes)
        present: Counter[int] = Counter()
        for visit in self.visits:
            if _is_active(visit, self.now):
                present[visit.office_id] += visit.people
        levels: dict[str, str] = {}
        candidates = [o for o in offices if o.pk in open_since]
        for level, share, preferred in (
            ("full", 1.0, FULL_FIRST),
            ("fairly_busy", 0.6, BUSY_FIRST),
        ):
            ranked = sorted(
                (o for o in candidates if o.slug not in levels),
                key=lambda o: (preferred.index(o.slug) if o.slug in preferred else 99, o.slug),
            )
            if not ranked:
                continue
            office = ranked[0]
            levels[office.slug] = level
            rng = shapes.seeded("now", office.slug, local.date().isoformat())
            opens, closes = open_since[office.pk]
            target = math.ceil(office.capacity * share) + rng.randint(0, 2)
            seconds = int((self.now - opens).total_seconds())
            for index in range(target - present[office.pk]):
                start = opens + timedelta(seconds=rng.randrange(seconds))
                device = f"demo:{office.slug}:{local.date().isoformat()}:now:{index}"
                self.add(office, Source.QR, start, closes, rng, device=device, check_out=False)
        return levels


def _recorders(offices: list[Office]) -> dict[int, User]:
    """Who records headcounts: the office's host, else an admin of its operator."""
    assignments = (
        RoleAssignment.objects.filter(
            Q(role=Role.HOST, office__in=offices)
            | Q(role=Role.OPERATOR_ADMIN, operator_id__in={o.operator_id for o in offices})
        )
        .select_related("user")
        .order_by("pk")
    )
    hosts: dict[int, User] = {}
    admins: dict[int, User] = {}
    for assignment in assignments:
        if assignment.role == Role.HOST and assignment.office_id:
            hosts.setdefault(assignment.office_id, assignment.user)
        elif assignment.operator_id:
            admins.setdefault(assignment.operator_id, assignment.user)
    recorders = {o.pk: hosts.get(o.pk) or admins.get(o.operator_id) for o in offices}
    return {pk: user for pk, user in recorders.items() if user is not None}


def _clear(office_ids: list[int]) -> None:
    """Delete the demo offices' visit data (it is regenerated on every run)."""
    VisitCorrection.objects.filter(visit__office_id__in=office_ids).delete()
    Visit.objects.filter(office_id__in=office_ids).delete()
    VisitAggregate.objects.filter(office_id__in=office_ids).delete()
    DailyUniqueVisitors.objects.filter(office_id__in=office_ids).delete()


def _replace_kiosks(
    offices: dict[str, Office], recorders: dict[int, User]
) -> list[tuple[Office, str]]:
    kiosks = []
    for slug in KIOSK_OFFICES:
        office = offices.get(slug)
        if office is None or office.status != OfficeStatus.OPEN:
            continue
        KioskDevice.objects.filter(office=office, name=KIOSK_NAME).delete()
        _device, key = kiosk_create(office=office, name=KIOSK_NAME, by=recorders.get(office.pk))
        kiosks.append((office, key))
    return kiosks


def _correct_a_headcount(
    offices: dict[str, Office], recorders: dict[int, User], before: datetime
) -> int:
    """One corrected headcount from an earlier day, so the audit log has an entry."""
    for slug in CORRECTION_FIRST:
        office = offices.get(slug)
        recorder = recorders.get(office.pk) if office is not None else None
        if office is None or recorder is None:
            continue
        visit = (
            Visit.objects.filter(office=office, source=Source.STAFF, started_at__lt=before)
            .order_by("-started_at")
            .first()
        )
        if visit is None:
            continue
        if visit.people > 2:
            people, reason = visit.people - 2, CORRECTION_FEWER
        else:
            people, reason = visit.people + 1, CORRECTION_MORE
        headcount_correct(visit=visit, people=people, by=recorder, reason=reason)
        # Corrected soon after the count, not when the demo was loaded.
        VisitCorrection.objects.filter(visit=visit).update(
            changed_at=visit.started_at + timedelta(minutes=20)
        )
        return 1
    return 0


def load_visits(offices: dict[str, Office], *, today: date, now: datetime) -> VisitsResult:
    """Replace the demo offices' visits, figures and kiosks; see the module docstring."""
    fresh = list(
        Office.objects.filter(pk__in=[o.pk for o in offices.values()])
        .prefetch_related("weekly_hours", "hours_exceptions")
        .order_by("slug")
    )
    by_slug = {office.slug: office for office in fresh}
    _clear([office.pk for office in fresh])
    recorders = _recorders(fresh)
    kiosks = _replace_kiosks(by_slug, recorders)
    plan = _Plan(now=now, recorders=recorders, kiosk_office_ids={o.pk for o, _key in kiosks})
    open_offices = [office for office in fresh if office.status == OfficeStatus.OPEN]

    days = [today - timedelta(days=n) for n in range(shapes.HISTORY_DAYS, -1, -1)]
    for office in open_offices:
        for day in days:
            plan.office_day(office, day, shapes.busyness(day, today) * size(office.slug))
    members = {u.email: u for u in User.objects.filter(email__in=list(MEMBER_OFFICES))}
    plan.member_visits(by_slug, members, days)
    levels = plan.liven_up(open_offices)

    # A little history from before the retention period, for the roll-up.
    cutoff = retention_cutoff(now)
    for office in open_offices:
        if office.slug in OLD_OFFICES:
            for n in range(OLD_DAYS, 0, -1):
                day = cutoff.date() - timedelta(days=n)
                plan.office_day(office, day, shapes.busyness(day, today) * size(office.slug))

    Visit.objects.bulk_create(plan.visits, batch_size=500)
    midnight = datetime.combine(now.astimezone(local_zone()).date(), time(0), tzinfo=local_zone())
    corrections = _correct_a_headcount(by_slug, recorders, before=midnight)
    visits_roll_up(now=now)

    office_ids = [office.pk for office in fresh]
    return VisitsResult(
        visits=Visit.objects.filter(office_id__in=office_ids).count(),
        people_now=sum(v.people for v in plan.visits if _is_active(v, now)),
        corrections=corrections,
        aggregates=VisitAggregate.objects.filter(office_id__in=office_ids).count(),
        daily_unique=DailyUniqueVisitors.objects.filter(office_id__in=office_ids).count(),
        kiosks=kiosks,
        levels=levels,
    )
