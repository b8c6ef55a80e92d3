"""What the booking and waitlist services share: locking, loading, judging, saving.

Kept apart from the services so the booking services
(:mod:`publicoffice.bookings.services`) and the waitlist
(:mod:`publicoffice.bookings.waitlist`) build on it without importing each
other. Nothing here opens a transaction: the callers do, and lock the space
first (:func:`lock_space`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import NamedTuple

from django.db import IntegrityError
from django.db.models import BooleanField, ExpressionWrapper, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.bookings import checks, policies
from publicoffice.bookings.checks import MINUTE, Attempt, Refusal
from publicoffice.bookings.models import (
    HOLDING_STATUSES,
    LONGEST_BOOKING,
    LONGEST_HOLD,
    Booking,
    BookingLogEntry,
    WaitlistEntry,
    holding_at,
)
from publicoffice.bookings.rules import Rules, kinds_in_group, quota_group
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.time_format import ensure_wall_clock_exists
from publicoffice.core.timeutils import to_utc
from publicoffice.places.models import Office, Space

#: Relations the service has just loaded itself; ``full_clean`` need not look them up again.
CHECKED_RELATIONS = ["space", "office", "member", "booked_by"]

#: The longest texts a booking keeps (the model's ``max_length``).
PURPOSE_MAX = 200
VISITOR_NAME_MAX = 80

# -- loading what the checks need -------------------------------------------


def lock_space(space: Space) -> Space:
    """Lock the space row first; everything about its slots queues behind it.

    The space is read afresh with its office as it is locked; one that does
    not exist (any more) is ``space_not_found``.
    """
    locked = Space.objects.select_for_update(of=("self",)).select_related("office")
    try:
        return locked.get(pk=space.pk)
    except Space.DoesNotExist:
        raise DomainError(ErrorCode.SPACE_NOT_FOUND) from None


def refuse_if_taken(
    space_id: int,
    starts_at: datetime,
    ends_at: datetime,
    now: datetime,
    *,
    exclude: int | None = None,
) -> None:
    """Refuse at once when a booking holding the space meets ``[starts_at, ends_at)``.

    One indexed ``EXISTS``, run *before* the lock: in a pile-up the many who
    come second learn it in a few milliseconds instead of queueing for the
    lock. It can only refuse, never accept (whatever it sees, acceptance is
    decided under the lock by :func:`judge`), and it refuses only what
    :func:`publicoffice.bookings.checks.check_free` would refuse, with the
    same ``slot_taken``, which no one may override. A taken slot is told
    first, before the other rules are weighed.
    """
    # The booked times themselves meet (a break the rules want is judged under the lock).
    taken = (
        Booking.objects.filter(space_id=space_id)
        .holding(now)
        .overlapping(starts_at, ends_at)
        .filter(ends_at__gt=starts_at)
    )
    if exclude is not None:
        taken = taken.exclude(pk=exclude)
    if taken.exists():
        raise Refusal(ErrorCode.SLOT_TAKEN, _("Someone has already booked this time.")).error()


def others_near(
    space: Space, starts_at: datetime, blocked_until: datetime, now: datetime, exclude: int | None
) -> list[Booking]:
    """The bookings holding the space near the range, as :func:`checks.check_free` needs them."""
    others = Booking.objects.filter(space=space).holding(now).overlapping(starts_at, blocked_until)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    return list(others.only("starts_at", "ends_at", "blocked_until"))


def refuse_early_if_taken(attempt_range: Attempt) -> None:
    """Under the lock, the overlap first: who queued behind the winner leaves at once."""
    refusal = checks.check_free(attempt_range)
    if refusal is not None:
        raise refusal.error()


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
    member: Member | None,
    *,
    group: str,
    now: datetime,
    around: datetime,
    exclude: int | None = None,
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


class Around(NamedTuple):
    """The bookings one attempt is judged against, read in one pass (:func:`bookings_around`)."""

    #: Holding the space near the range (:func:`others_near`).
    others: list[Booking]
    #: The member's, counting against the quota (:func:`member_bookings_for_quota`).
    mine: list[Booking]
    #: The space's missed check-ins, still marked active, to record as no-shows.
    missed: list[Booking]


def _quota_condition(member: Member, *, group: str, now: datetime, around: datetime) -> Q:
    """:func:`member_bookings_for_quota`'s condition, as one ``Q``."""
    week_start, week_end = _week_bounds(around)
    return (
        Q(member=member, space__kind__in=kinds_in_group(group))
        & holding_at(now)
        & (Q(ends_at__gt=now) | Q(starts_at__gte=week_start, starts_at__lt=week_end))
    )


def _around_conditions(
    space: Space,
    member: Member | None,
    *,
    starts_at: datetime,
    blocked_until: datetime,
    now: datetime,
    exclude: int | None,
) -> dict[str, Q]:
    """The conditions of :func:`others_near`, ``release_missed``'s read and
    :func:`member_bookings_for_quota`, by the flag each row gets."""
    near = Q(space=space) & holding_at(now)
    near &= Q(
        starts_at__lt=blocked_until,
        starts_at__gt=starts_at - LONGEST_HOLD,
        blocked_until__gt=starts_at,
    )
    missed = Q(
        space=space,
        starts_at__gt=now - LONGEST_HOLD,
        status__in=HOLDING_STATUSES,
        checked_in_at__isnull=True,
        checkin_deadline__lte=now,
    )
    flags = {"is_near": near, "is_missed": missed}
    if member is not None:
        group = quota_group(space.kind)
        flags["is_mine"] = _quota_condition(member, group=group, now=now, around=starts_at)
    if exclude is not None:  # the booking being changed counts against nothing
        for name in ("is_near", "is_mine"):
            if name in flags:
                flags[name] &= ~Q(pk=exclude)
    return flags


def bookings_around(
    space: Space,
    member: Member | None,
    *,
    starts_at: datetime,
    blocked_until: datetime,
    now: datetime,
    exclude: int | None = None,
) -> Around:
    """The space's bookings near the range, its missed check-ins and the member's
    bookings for the quota, in one query instead of three (under the lock).

    Each row says in which of the three it belongs by flags the database
    computes from the very conditions the separate reads used
    (:meth:`~publicoffice.bookings.models.BookingQuerySet.holding`,
    ``overlapping``, ``missed_check_in``), so nothing is re-decided in Python.
    """
    flags = _around_conditions(
        space, member, starts_at=starts_at, blocked_until=blocked_until, now=now, exclude=exclude
    )
    wanted = Q()
    for condition in flags.values():
        wanted |= condition
    annotations = {
        name: ExpressionWrapper(condition, output_field=BooleanField())
        for name, condition in flags.items()
    }
    rows = Booking.objects.filter(wanted).annotate(**annotations).order_by("starts_at", "pk")
    found = Around([], [], [])
    for row in rows:
        if getattr(row, "is_near", False):
            found.others.append(row)
        if getattr(row, "is_mine", False):
            found.mine.append(row)
        if getattr(row, "is_missed", False):
            found.missed.append(row)
    return found


def _open_offers_near(
    space: Space, starts_at: datetime, ends_at: datetime, now: datetime, member: Member | None
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
    member: Member | None = None,
    attendees: int = 1,
    exclude: int | None = None,
    others: list[Booking] | None = None,
    mine: list[Booking] | None = None,
) -> Attempt:
    """An attempt with everything its checks need, in a handful of queries.

    ``others`` and ``mine`` are the space's bookings near the range and the
    member's for the quota when the caller has loaded them already
    (:func:`bookings_around`, under the lock).
    """
    if others is None:
        blocked_until = ends_at + rules.buffer_minutes * MINUTE
        others = others_near(space, starts_at, blocked_until, now, exclude)
    attempt = Attempt(
        space=space,
        office=office,
        starts_at=starts_at,
        ends_at=ends_at,
        rules=rules,
        now=now,
        attendees=attendees,
        member=member,
        others=others,
        mine=mine
        if mine is not None
        else member_bookings_for_quota(
            member, group=quota_group(space.kind), now=now, around=starts_at, exclude=exclude
        ),
        member_refusal=policies.may_book(member, office=office, at=now),
    )
    attempt.extra["holds"] = _open_offers_near(space, starts_at, ends_at, now, member)
    return attempt


# -- judging ------------------------------------------------------------------


def judge(attempt: Attempt, *, actor: AnyUser | None, override_reason: str) -> list[Refusal]:
    """Run the checks; return the refusals staff overrode, or raise the first other."""
    refusals = checks.evaluate(attempt, checks.ALL_CHECKS)
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
        raise blocking[0].error(refusals)
    return overridden


# -- input and output -----------------------------------------------------------


def ensure_fits(text: str, *, field: str, limit: int, message: str | Promise) -> str:
    """Refuse a text longer than ``limit`` with ``text_too_long`` (never cut it silently)."""
    if len(text) > limit:
        raise DomainError(ErrorCode.TEXT_TOO_LONG, message, field=field, limit=limit)
    return text


def validate_inputs(
    *, starts_at: datetime, ends_at: datetime, attendees: int, purpose: str, visitor_name: str
) -> tuple[datetime, datetime]:
    """Refuse bad input; return the range in UTC, so all arithmetic is real time."""
    ensure_wall_clock_exists(starts_at, ends_at)
    starts_at, ends_at = to_utc(starts_at), to_utc(ends_at)
    ensure_fits(
        purpose,
        field="purpose",
        limit=PURPOSE_MAX,
        message=_("Keep the purpose under 200 characters."),
    )
    ensure_fits(
        visitor_name,
        field="visitor_name",
        limit=VISITOR_NAME_MAX,
        message=_("Keep the name under 80 characters."),
    )
    if not isinstance(attendees, int) or attendees > 10_000:
        raise DomainError(
            ErrorCode.ATTENDEES_INVALID, _("Give the number of people as a whole number.")
        )
    if ends_at - starts_at > LONGEST_BOOKING:
        raise DomainError(ErrorCode.BOOKING_TOO_LONG, _("No booking can last longer than 14 days."))
    return starts_at, ends_at


def save_guarded(booking: Booking) -> None:
    """Save under the database's own guard: on PostgreSQL the exclusion
    constraint refuses an overlap that slipped past the lock, as ``slot_taken``.

    No savepoint of its own (two round trips less): the refusal leaves the
    service's transaction, which rolls back as a whole, and nothing runs in
    it after the failed insert.
    """
    booking.full_clean(exclude=CHECKED_RELATIONS, validate_unique=False, validate_constraints=False)
    try:
        booking.save()
    except IntegrityError as error:
        if "booking_no_overlap" in str(error):
            taken = Refusal(ErrorCode.SLOT_TAKEN, _("Someone has already booked this time."))
            raise taken.error() from error
        raise


def log_lines(
    booking: Booking, actor: AnyUser | None, lines: Sequence[tuple[str, str, str]]
) -> None:
    """Several lines of the booking's log, ``(action, reason, rule_code)`` each, in one insert."""
    who = actor if isinstance(actor, Member) and actor.is_authenticated else None
    BookingLogEntry.objects.bulk_create(
        BookingLogEntry(
            booking=booking, action=action, actor=who, reason=reason[:300], rule_code=rule_code
        )
        for action, reason, rule_code in lines
    )


def log(
    booking: Booking,
    action: str,
    actor: AnyUser | None,
    reason: str = "",
    rule_code: str = "",
) -> None:
    """One line of the booking's log; anonymous actors are not recorded."""
    BookingLogEntry.objects.create(
        booking=booking,
        action=action,
        actor=actor if isinstance(actor, Member) and actor.is_authenticated else None,
        reason=reason[:300],
        rule_code=rule_code,
    )
