"""Writes to visits: check-in, check-out, survey, headcounts, kiosks.

Every function is keyword-only and runs in one transaction. Check-ins take
a row lock on the office first, so concurrent check-ins of one device are
counted once and concurrent check-ins of many devices are all counted.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import Member, StaffUser
from publicoffice.core.domain_events import after_commit
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import one_line
from publicoffice.core.timeutils import acting_now, local_zone
from publicoffice.places.facts import Family, fact_changed, facts_changed
from publicoffice.places.models import Office, OfficeStatus
from publicoffice.places.opening_hours import OpeningSchedule
from publicoffice.places.restrictions import MemberAction, ensure_allowed
from publicoffice.visits.models import (
    CommuteBand,
    KioskDevice,
    Source,
    TravelMode,
    Visit,
    VisitCorrection,
    WouldOtherwise,
)
from publicoffice.visits.selectors import active_visits, device_today
from publicoffice.visits.signals import member_arrived

logger = logging.getLogger(__name__)

#: The most people staff may add in one headcount entry.
MAX_HEADCOUNT = 200
#: The longest reason for a correction, and the longest kiosk name.
MAX_REASON_LENGTH = 200
MAX_KIOSK_NAME_LENGTH = 80


@dataclass(frozen=True)
class CheckIn:
    visit: Visit
    created: bool


def _max_stay() -> timedelta:
    return timedelta(hours=settings.VISITS_MAX_STAY_HOURS)


def auto_end(office: Office, at: datetime) -> datetime:
    """When a visit starting ``at`` ends by itself: closing time or the maximum stay.

    A headcount taken while the office is closed (an evening event) ends at
    the maximum stay or at midnight, so nobody seems to stay overnight.
    """
    limit = at + _max_stay()
    closes = office.schedule().open_until(at)
    if closes is None:
        local = timezone.localtime(at)
        midnight = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=local_zone())
        return min(limit, midnight)
    return min(closes, limit)


def _ensure_open(office: Office, at: datetime) -> None:
    if office.status != OfficeStatus.OPEN:
        raise DomainError(ErrorCode.OFFICE_NOT_OPEN)
    if not office.schedule().is_open(at):
        raise DomainError(ErrorCode.OFFICE_CLOSED_NOW)


@transaction.atomic
def visit_check_in(
    *,
    office: Office,
    source: Source,
    at: datetime | None = None,
    device_hash: str = "",
    member: Member | None = None,
    suspect: bool = False,
    hours: OpeningSchedule | None = None,
) -> CheckIn:
    """Count one arrival. The same member or device within a visit counts once.

    A full office still accepts check-ins: the count must stay honest, and
    the pages say that it is full. ``suspect`` marks a check-in that came
    in a flood from one network address (``visits.floods``): it is counted
    and the host sees it, and may void it with :func:`void_suspect_check_ins`.

    A member checking in as themselves is refused when a decision of the
    house rules stops checking in at this office. An anonymous check-in
    stays open to everybody: it cannot be tied to a person, so a banned
    person scanning the poster without logging in is only counted; the
    hosts at the door enforce a ban in person. ``hours``: the schedule the
    caller has just read, if any (see :func:`_lock_office`).
    """
    if source == Source.STAFF:
        raise ValueError("staff headcounts go through headcount_add")
    # Lock the office row first: concurrent check-ins queue here instead of
    # racing each other's duplicate check (SQLite's write lock does the same).
    office = _lock_office(office, hours)
    # The time is read only once the lock is ours: a tap that waited behind
    # another must see that one's visit as started, not as still to come.
    at = acting_now(at)
    _ensure_open(office, at)
    if member is not None:
        ensure_allowed(member, MemberAction.CHECK_IN, office=office, at=at)
        existing = active_visits(office_ids=[office.pk], at=at).filter(member=member).first()
        _announce_arrival(office, member, at)
    elif device_hash:
        existing = _device_visit_today(office, device_hash, at)
    else:
        existing = None
    if existing is not None:
        return CheckIn(existing, created=False)
    visit = Visit(
        office=office,
        source=source,
        started_at=at,
        auto_end_at=auto_end(office, at),
        member=member,
        device_hash="" if member is not None else device_hash,
        suspect=suspect,
    )
    # Every field's own checks (choices, lengths), without the queries for
    # what this transaction holds (the locked office, the signed-in member,
    # a new public id); the database checks constraints and uniqueness.
    visit.clean_fields(exclude=["office", "member", "recorded_by"])
    visit.save(force_insert=True)
    fact_changed(office_id=office.pk, when=at, family=Family.VISITS)
    return CheckIn(visit, created=True)


def _lock_office(office: Office, hours: OpeningSchedule | None) -> Office:
    """The office row, locked for this transaction, its status read afresh.

    ``hours``, the schedule the caller read in this request (the check-in
    page does, with the office row a moment ago), is kept rather than read
    a second time: the lock is on the office row, never on its hours, so
    reading them again inside it would change nothing but the cost. Then
    the lock reads only the status (the one column a check-in decides on)
    into a copy of the caller's office, not all fifty columns again.
    """
    if hours is None:
        return Office.objects.select_for_update().get(pk=office.pk)
    status = Office.objects.select_for_update().values_list("status", flat=True)
    locked = copy.copy(office)
    locked.status = status.get(pk=office.pk)
    locked._schedule = hours
    return locked


def _device_visit_today(office: Office, device_hash: str, at: datetime) -> Visit | None:
    """This phone's visit going on now, if any; refuses beyond its daily limit.

    One phone checks in at most ``VISITS_DEVICE_DAILY_LIMIT`` times a day
    anonymously. Both questions are answered by one query over the phone's
    rows (the hash changes every day, so there are only today's few); the
    visit itself is fetched only when there is one.
    """
    day_start = timezone.localtime(at).replace(hour=0, minute=0, second=0, microsecond=0)
    today, here = device_today(office_id=office.pk, device_hash=device_hash, since=day_start, at=at)
    if here is not None:
        return Visit.objects.get(pk=here)
    if today >= settings.VISITS_DEVICE_DAILY_LIMIT:
        raise DomainError(
            ErrorCode.TOO_MANY_CHECK_INS,
            _("This phone has checked in many times today. Ask the staff if you need help."),
        )
    return None


def _announce_arrival(office: Office, member: Member, at: datetime) -> None:
    """Tell other apps (bookings) once the check-in is saved."""
    after_commit(lambda: member_arrived.send(sender=Visit, office=office, member=member, at=at))


@transaction.atomic
def visit_check_out(*, visit: Visit, at: datetime | None = None) -> Visit:
    at = acting_now(at)
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    if visit.checked_out_at is None and visit.auto_end_at > at:
        visit.checked_out_at = at
        visit.save(update_fields=["checked_out_at"])
        # The time spent is counted on the day of arrival.
        fact_changed(office_id=visit.office_id, when=visit.started_at, family=Family.VISITS)
    return visit


#: How long after check-in the one-tap survey can be answered.
SURVEY_WINDOW = timedelta(hours=2)


@transaction.atomic
def visit_answer_survey(
    *,
    visit: Visit,
    would_otherwise: str = "",
    travel_mode: str = "",
    commute_band: str = "",
    usual_mode: str = "",
    at: datetime | None = None,
) -> Visit:
    """Store the optional survey answers once; every question may be skipped."""
    at = acting_now(at)
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    if at - visit.started_at > SURVEY_WINDOW:
        raise DomainError(ErrorCode.SURVEY_CLOSED)
    answers = {
        "would_otherwise": (would_otherwise, WouldOtherwise.values),
        "travel_mode": (travel_mode, TravelMode.values),
        "commute_band": (commute_band, CommuteBand.values),
        "usual_mode": (usual_mode, TravelMode.values),
    }
    for field, (value, allowed) in answers.items():
        if value and value not in allowed:
            raise DomainError(ErrorCode.INVALID_ANSWER, field=field)
        if value and not getattr(visit, field):
            setattr(visit, field, value)
    visit.survey_done = True
    fact_changed(office_id=visit.office_id, when=visit.started_at, family=Family.VISITS)
    visit.save(update_fields=[*answers, "survey_done"])
    return visit


@transaction.atomic
def headcount_add(
    *, office: Office, people: int, by: StaffUser, at: datetime | None = None
) -> Visit:
    """Staff count visitors who will not use a screen, as one entry."""
    at = acting_now(at)
    if not 1 <= people <= MAX_HEADCOUNT:
        raise DomainError(
            ErrorCode.INVALID_HEADCOUNT,
            _("Add between 1 and %(max)s people at a time.") % {"max": MAX_HEADCOUNT},
        )
    visit = Visit(
        office=office,
        source=Source.STAFF,
        people=people,
        started_at=at,
        auto_end_at=auto_end(office, at),
        recorded_by=by,
    )
    # The database checks the constraints itself; skipping the ORM's copy of
    # those checks halves the cost of a check-in (bench/visits.py).
    visit.full_clean(validate_constraints=False)
    visit.save()
    fact_changed(office_id=office.pk, when=at, family=Family.VISITS)
    return visit


def _clean_reason(reason: str) -> str:
    """A correction's reason on one line; refused when missing or too long."""
    reason = one_line(reason or "")
    if not reason:
        raise DomainError(
            ErrorCode.TEXT_MISSING, _("Say why the count is corrected."), field="reason"
        )
    if len(reason) > MAX_REASON_LENGTH:
        raise DomainError(
            ErrorCode.TEXT_TOO_LONG,
            _("Keep the reason under 200 characters."),
            field="reason",
            limit=MAX_REASON_LENGTH,
        )
    return reason


@transaction.atomic
def headcount_correct(*, visit: Visit, people: int, by: StaffUser, reason: str) -> Visit:
    """Change a staff headcount (0 removes it); the audit log keeps who and when."""
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    if visit.source != Source.STAFF:
        raise DomainError(ErrorCode.NOT_A_HEADCOUNT)
    reason = _clean_reason(reason)
    if not 0 <= people <= MAX_HEADCOUNT:
        raise DomainError(
            ErrorCode.INVALID_HEADCOUNT,
            _("A headcount is between 0 and %(max)s people.") % {"max": MAX_HEADCOUNT},
        )
    before = 0 if visit.removed_at else visit.people
    VisitCorrection.objects.create(
        visit=visit, changed_by=by, people_before=before, people_after=people, reason=reason
    )
    if people == 0:
        visit.removed_at = timezone.now()
    else:
        visit.people = people
        visit.removed_at = None
    visit.save(update_fields=["people", "removed_at"])
    fact_changed(office_id=visit.office_id, when=visit.started_at, family=Family.VISITS)
    return visit


@transaction.atomic
def void_suspect_check_ins(
    *, office: Office, since: datetime, until: datetime, by: StaffUser, reason: str
) -> int:
    """Void the office's flagged check-ins that started in ``[since, until]``.

    Only check-ins marked ``suspect`` can be voided this way, and only the
    office's own. Each voided visit keeps its row, gets ``removed_at`` (so
    occupancy and every figure leave it out) and a line in the correction
    log with the host and the reason. Returns how many were voided: 0 when
    they already were (a second press of the button).
    """
    reason = _clean_reason(reason)
    visits = list(
        Visit.objects.select_for_update()
        .filter(
            office=office,
            suspect=True,
            removed_at__isnull=True,
            started_at__gte=since,
            started_at__lte=until,
        )
        .order_by("pk")
    )
    if not visits:
        return 0
    VisitCorrection.objects.bulk_create(
        VisitCorrection(
            visit=visit,
            changed_by=by,
            people_before=visit.people,
            people_after=0,
            reason=reason,
        )
        for visit in visits
    )
    Visit.objects.filter(pk__in=[v.pk for v in visits]).update(removed_at=timezone.now())
    facts_changed(office_id=office.pk, when=[v.started_at for v in visits], family=Family.VISITS)
    # No address and no device: only who voided how many where.
    logger.info("host %s voided %s flagged check-ins at %s", by.pk, len(visits), office.slug)
    return len(visits)


def _hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def kiosk_create(*, office: Office, name: str, by: StaffUser | None) -> tuple[KioskDevice, str]:
    """A new kiosk device and its key. The key is returned once and never stored.

    ``by`` is the host who set it up; ``None`` when no person did (the demo).
    """
    name = one_line(name or "")
    if not name or len(name) > MAX_KIOSK_NAME_LENGTH:
        raise DomainError(ErrorCode.INVALID_KIOSK_NAME, field="name")
    key = secrets.token_urlsafe(24)
    device = KioskDevice(office=office, name=name, key_hash=_hash_key(key), created_by=by)
    device.full_clean()
    device.save()
    return device, key


@transaction.atomic
def kiosk_revoke(*, device: KioskDevice) -> KioskDevice:
    if device.revoked_at is None:
        device.revoked_at = timezone.now()
        device.save(update_fields=["revoked_at", "updated_at"])
    return device


def kiosk_for_key(key: str) -> KioskDevice | None:
    """The kiosk a key unlocks, or None for an unknown or revoked key."""
    if not key:
        return None
    device = (
        KioskDevice.objects.select_related("office")
        .filter(key_hash=_hash_key(key), revoked_at__isnull=True)
        .first()
    )
    if device is not None:
        KioskDevice.objects.filter(pk=device.pk).update(last_used_at=timezone.now())
    return device
