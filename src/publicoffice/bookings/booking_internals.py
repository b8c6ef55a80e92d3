"""What the booking and waitlist services share: locking, loading, judging, saving.

Kept apart from :mod:`publicoffice.bookings.services` and
:mod:`publicoffice.bookings.waitlist` so both can build on it without
importing each other, and so the week view
(:mod:`publicoffice.bookings.availability`) judges a slot by the very checks
a booking is judged by. Nothing here opens a transaction: the callers do,
and lock the space first (:func:`lock_space`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publicoffice.bookings import checks, policies
from publicoffice.bookings.checks import MINUTE, Attempt, Refusal, to_utc
from publicoffice.bookings.models import (
    LONGEST_BOOKING,
    Booking,
    BookingLogEntry,
    WaitlistEntry,
)
from publicoffice.bookings.rules import Rules, kinds_in_group, quota_group
from publicoffice.core.errors import DomainError
from publicoffice.places.models import Office, Space

#: Relations the service has just loaded itself; ``full_clean`` need not look them up again.
CHECKED_RELATIONS = ["space", "office", "member", "booked_by"]

#: HTTP status per refusal code; anything else is a plain 400.
STATUS_OF = {"slot_taken": 409, "slot_on_hold": 409, "not_a_member": 403}


def refusal_error(refusal: Refusal, refusals: list[Refusal] | None = None) -> DomainError:
    codes = [r.code for r in (refusals or [refusal])]
    return DomainError(
        refusal.code, refusal.message, status=STATUS_OF.get(refusal.code, 400), refusals=codes
    )


def acting_now(at: datetime | None) -> datetime:
    """The moment a service acts at, in UTC (see :func:`checks.to_utc`)."""
    return to_utc(at) if at is not None else timezone.now()


def after_commit(action: Callable[[], Any]) -> None:
    transaction.on_commit(action)


# -- loading what the checks need -------------------------------------------


def lock_space(space: Space) -> Space:
    """Lock the space row first; everything about its slots queues behind it."""
    locked = Space.objects.select_for_update(of=("self",)).select_related("office").get(pk=space.pk)
    return locked


def office_with_hours(office: Office) -> Office:
    """The (already fetched) office with its opening hours loaded."""
    prefetch_related_objects([office], "weekly_hours", "hours_exceptions")
    return office


def _week_bounds(moment: datetime) -> tuple[datetime, datetime]:
    local = timezone.localtime(moment)
    monday = local.date() - timedelta(days=local.weekday())
    start = timezone.make_aware(datetime.combine(monday, datetime.min.time()))
    return start, timezone.make_aware(
        datetime.combine(monday + timedelta(days=7), datetime.min.time())
    )


def member_bookings_for_quota(
    member: Any, *, group: str, now: datetime, around: datetime, exclude: int | None = None
) -> list[Booking]:
    """The member's bookings that count against a quota: coming ones, and this week's."""
    if member is None:
        return []
    week_start, week_end = _week_bounds(around)
    mine = (
        Booking.objects.filter(member=member, space__kind__in=kinds_in_group(group))
        .holding(now)
        .filter(Q(ends_at__gt=now) | Q(starts_at__gte=week_start, starts_at__lt=week_end))
    )
    if exclude is not None:
        mine = mine.exclude(pk=exclude)
    return list(mine.only("starts_at", "ends_at", "blocked_until"))


def _open_offers_near(
    space: Space, starts_at: datetime, ends_at: datetime, now: datetime, member: Any
) -> list[WaitlistEntry]:
    offers = (
        WaitlistEntry.objects.filter(space=space).open_offers(now).overlapping(starts_at, ends_at)
    )
    if member is not None:
        offers = offers.exclude(member=member)
    return list(offers)


def build_attempt(
    *,
    space: Space,
    office: Office,
    starts_at: datetime,
    ends_at: datetime,
    rules: Rules,
    now: datetime,
    member: Any = None,
    attendees: int = 1,
    exclude: int | None = None,
) -> Attempt:
    """An attempt with everything its checks need, in a handful of queries."""
    blocked_until = ends_at + rules.buffer_minutes * MINUTE
    others = Booking.objects.filter(space=space).holding(now).overlapping(starts_at, blocked_until)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    attempt = Attempt(
        space=space,
        office=office,
        starts_at=starts_at,
        ends_at=ends_at,
        rules=rules,
        now=now,
        attendees=attendees,
        member=member,
        others=list(others.only("starts_at", "ends_at", "blocked_until")),
        mine=member_bookings_for_quota(
            member, group=quota_group(space.kind), now=now, around=starts_at, exclude=exclude
        ),
        member_refusal=policies.may_book(member, office=office),
    )
    attempt.extra["holds"] = _open_offers_near(space, starts_at, ends_at, now, member)
    return attempt


# -- judging ------------------------------------------------------------------


def check_not_on_hold(attempt: Attempt) -> Refusal | None:
    """A freed slot offered to the first on the waitlist is theirs until the hold ends."""
    holds = attempt.extra.get("holds") or []
    if holds:
        until = timezone.localtime(min(h.offered_until for h in holds))
        return Refusal(
            "slot_on_hold",
            _("This time is offered to the next person on the waitlist until %(time)s.")
            % {"time": until.strftime("%H:%M")},
        )
    return None


ALL_CHECKS = (*checks.CHECKS, check_not_on_hold)


def judge(attempt: Attempt, *, actor: Any, override_reason: str) -> list[Refusal]:
    """Run the checks; return the refusals staff overrode, or raise the first other."""
    refusals = checks.evaluate(attempt, ALL_CHECKS)
    overridden: list[Refusal] = []
    blocking: list[Refusal] = []
    for refusal in refusals:
        may_override = (
            refusal.overridable_by is not None
            and override_reason.strip() != ""
            and policies.can_override(actor, refusal.overridable_by, attempt.office)
        )
        (overridden if may_override else blocking).append(refusal)
    if blocking:
        raise refusal_error(blocking[0], refusals)
    return overridden


# -- input and output -----------------------------------------------------------


def clean_text(value: str, limit: int) -> str:
    """One line of text: no control characters (PostgreSQL refuses NUL), single spaces."""
    printable = "".join(" " if unicodedata.category(char) == "Cc" else char for char in value)
    return " ".join(printable.split())[:limit]


def validate_inputs(
    *, starts_at: datetime, ends_at: datetime, attendees: int, purpose: str, visitor_name: str
) -> tuple[datetime, datetime]:
    """Refuse bad input; return the range in UTC, so all arithmetic is real time."""
    starts_at, ends_at = to_utc(starts_at), to_utc(ends_at)
    if len(purpose) > 200:
        raise DomainError("purpose_too_long", _("Keep the purpose under 200 characters."))
    if len(visitor_name) > 80:
        raise DomainError("visitor_name_too_long", _("Keep the name under 80 characters."))
    if not isinstance(attendees, int) or attendees > 10_000:
        raise DomainError("attendees_invalid", _("Give the number of people as a whole number."))
    if ends_at - starts_at > LONGEST_BOOKING:
        raise DomainError("booking_too_long", _("No booking can last longer than 14 days."))
    return starts_at, ends_at


def save_guarded(booking: Booking) -> None:
    """Save under the database's own guard: on PostgreSQL the exclusion
    constraint refuses an overlap that slipped past the lock, as ``slot_taken``."""
    booking.full_clean(exclude=CHECKED_RELATIONS, validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as error:
        if "booking_no_overlap" in str(error):
            raise refusal_error(
                Refusal("slot_taken", _("Someone has already booked this time."))
            ) from error
        raise


def log(booking: Booking, action: str, actor: Any, reason: str = "", rule_code: str = "") -> None:
    BookingLogEntry.objects.create(
        booking=booking,
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        reason=reason[:300],
        rule_code=rule_code,
    )
