"""Booking validation as an ordered list of small checks.

Each check looks at one :class:`Attempt` and returns a :class:`Refusal` with
a stable code (for programs and tests) and a translated message (for
people), or ``None``. The checks are pure: everything they need from the
database is loaded into the attempt first, so the service, the week view and
the API ask exactly the same questions, and property tests can run them
without a database.

Some refusals may be overridden by staff holding the named permission given
in ``overridable_by``; the service logs each override with its reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from publicoffice.accounts.actors import Member
from publicoffice.accounts.models import NamedPermission
from publicoffice.bookings.models import Booking
from publicoffice.bookings.rules import Rules
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.timeutils import to_utc
from publicoffice.places.models import Office, OfficeStatus, Space

MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class Refusal:
    """One check's "no": a code of the registry, the words, and who may override it."""

    code: ErrorCode
    message: Any
    overridable_by: str | None = None

    def __str__(self) -> str:
        return str(self.message)

    def error(self, refusals: Sequence[Refusal] = ()) -> DomainError:
        """The refusal as the error a service raises; ``refusals`` lists every code found."""
        codes = [str(refusal.code) for refusal in (refusals or [self])]
        return DomainError(self.code, self.message, refusals=codes)


@dataclass
class Attempt:
    """A proposed booking and what the checks need to judge it."""

    space: Space
    office: Office
    starts_at: datetime
    ends_at: datetime
    rules: Rules
    now: datetime
    attendees: int = 1
    member: Member | None = None
    #: Holding bookings of the space near the range (never the one being changed).
    others: Sequence[Booking] = ()
    #: The member's holding bookings in the same quota group (never the one being changed).
    mine: Sequence[Booking] = ()
    #: ``may_book``'s answer for the member, decided once per attempt.
    member_refusal: Refusal | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Python subtracts and compares two datetimes of the *same* zone by
        # their wall clocks: 01:00-04:00 on the spring night would last three
        # hours, and 02:00 in the repeated autumn hour would equal itself an
        # hour later. In UTC every difference is real time.
        self.starts_at = to_utc(self.starts_at)
        self.ends_at = to_utc(self.ends_at)
        self.now = to_utc(self.now)

    @property
    def minutes(self) -> float:
        return (self.ends_at - self.starts_at) / MINUTE

    @property
    def blocked_until(self) -> datetime:
        return self.ends_at + self.rules.buffer_minutes * MINUTE


Check = Callable[[Attempt], Refusal | None]


_RULES = NamedPermission.OVERRIDE_BOOKING_RULES


def check_member_may_book(attempt: Attempt) -> Refusal | None:
    return attempt.member_refusal


def check_space_bookable(attempt: Attempt) -> Refusal | None:
    if attempt.office.status != OfficeStatus.OPEN:
        return Refusal(ErrorCode.OFFICE_NOT_OPEN, _("This office does not take bookings now."))
    if not attempt.space.is_bookable:
        return Refusal(ErrorCode.SPACE_NOT_BOOKABLE, _("This space cannot be booked."))
    return None


def check_range(attempt: Attempt) -> Refusal | None:
    if attempt.ends_at <= attempt.starts_at:
        return Refusal(ErrorCode.INVALID_RANGE, _("The end must come after the start."))
    return None


def check_not_past(attempt: Attempt) -> Refusal | None:
    # The slot under way may still be booked ("the room is free now").
    if attempt.ends_at <= attempt.now or (
        attempt.now - attempt.starts_at >= attempt.rules.slot_minutes * MINUTE
    ):
        return Refusal(ErrorCode.IN_PAST, _("This time has already passed."))
    return None


def _on_slot(moment: datetime, slot_minutes: int) -> bool:
    local = timezone.localtime(moment)
    minutes = local.hour * 60 + local.minute
    return local.second == 0 and local.microsecond == 0 and minutes % slot_minutes == 0


def check_on_slot(attempt: Attempt) -> Refusal | None:
    slot = attempt.rules.slot_minutes
    if _on_slot(attempt.starts_at, slot) and _on_slot(attempt.ends_at, slot):
        return None
    return Refusal(
        ErrorCode.NOT_ON_SLOT,
        ngettext(
            "Bookings start and end on whole slots of %(count)d minute.",
            "Bookings start and end on whole slots of %(count)d minutes.",
            slot,
        )
        % {"count": slot},
        _RULES,
    )


def check_length(attempt: Attempt) -> Refusal | None:
    rules = attempt.rules
    if attempt.minutes < rules.min_minutes:
        return Refusal(
            ErrorCode.BOOKING_TOO_SHORT,
            ngettext(
                "The shortest booking here is %(count)d minute.",
                "The shortest booking here is %(count)d minutes.",
                rules.min_minutes,
            )
            % {"count": rules.min_minutes},
            _RULES,
        )
    if attempt.minutes > rules.max_minutes:
        return Refusal(
            ErrorCode.BOOKING_TOO_LONG,
            ngettext(
                "The longest booking here is %(count)d minute.",
                "The longest booking here is %(count)d minutes.",
                rules.max_minutes,
            )
            % {"count": rules.max_minutes},
            _RULES,
        )
    return None


def check_notice(attempt: Attempt) -> Refusal | None:
    notice = attempt.rules.min_notice_minutes
    if notice and attempt.starts_at - attempt.now < notice * MINUTE:
        hours = notice // 60
        if notice % 60 == 0:
            text = ngettext(
                "Book at least %(count)d hour ahead.", "Book at least %(count)d hours ahead.", hours
            ) % {"count": hours}
        else:
            text = ngettext(
                "Book at least %(count)d minute ahead.",
                "Book at least %(count)d minutes ahead.",
                notice,
            ) % {"count": notice}
        return Refusal(ErrorCode.TOO_SOON, text, _RULES)
    return None


def last_bookable_day(rules: Rules, now: datetime) -> date:
    return timezone.localdate(now) + timedelta(days=rules.max_days_ahead)


def check_days_ahead(attempt: Attempt) -> Refusal | None:
    days = attempt.rules.max_days_ahead
    if timezone.localdate(attempt.starts_at) > last_bookable_day(attempt.rules, attempt.now):
        return Refusal(
            ErrorCode.TOO_FAR_AHEAD,
            ngettext(
                "You can book at most %(count)d day ahead.",
                "You can book at most %(count)d days ahead.",
                days,
            )
            % {"count": days},
            _RULES,
        )
    return None


def check_opening_hours(attempt: Attempt) -> Refusal | None:
    if not attempt.rules.within_opening_hours:
        return None
    schedule = attempt.office.schedule()
    moment = attempt.starts_at
    for _day in range(int(attempt.minutes // (24 * 60)) + 2):
        closes = schedule.open_until(moment)
        if closes is None:
            break
        # "Open until midnight" is stored as 23:59:59.999999, as a time of day
        # has no 24:00: it closes at midnight, and may open again right then.
        if closes.microsecond == 999_999:
            closes += timedelta(microseconds=1)
        if closes >= attempt.ends_at:
            return None
        moment = closes
    return Refusal(
        ErrorCode.OUTSIDE_OPENING_HOURS,
        _("The office is closed for part of this time."),
        NamedPermission.BOOK_OUTSIDE_OPENING_HOURS,
    )


def check_attendees(attempt: Attempt) -> Refusal | None:
    if attempt.attendees < 1:
        return Refusal(ErrorCode.ATTENDEES_INVALID, _("At least one person must attend."))
    limit = attempt.rules.attendee_limit(attempt.space.capacity)
    if attempt.attendees > limit:
        return Refusal(
            ErrorCode.TOO_MANY_ATTENDEES,
            ngettext(
                "This space takes at most %(count)d person.",
                "This space takes at most %(count)d people.",
                limit,
            )
            % {"count": limit},
        )
    return None


def check_active_quota(attempt: Attempt) -> Refusal | None:
    if attempt.member is None:
        return None
    limit = attempt.rules.max_active_bookings
    coming = [b for b in attempt.mine if b.ends_at > attempt.now]
    if len(coming) >= limit:
        return Refusal(
            ErrorCode.QUOTA_ACTIVE_BOOKINGS,
            ngettext(
                "You already have %(count)d coming booking of this kind, the most allowed.",
                "You already have %(count)d coming bookings of this kind, the most allowed.",
                limit,
            )
            % {"count": limit},
            _RULES,
        )
    return None


def _hours_message(limit: int, *, per_week: bool) -> str:
    if per_week:
        return ngettext(
            "This would take you over %(count)d hour of this kind in one week.",
            "This would take you over %(count)d hours of this kind in one week.",
            limit,
        ) % {"count": limit}
    return ngettext(
        "This would take you over %(count)d hour of this kind in one day.",
        "This would take you over %(count)d hours of this kind in one day.",
        limit,
    ) % {"count": limit}


def _minutes_where(bookings: Sequence[Booking], same: Callable[[date], bool]) -> float:
    return sum(
        (to_utc(b.ends_at) - to_utc(b.starts_at)) / MINUTE
        for b in bookings
        if same(timezone.localdate(b.starts_at))
    )


def check_day_quota(attempt: Attempt) -> Refusal | None:
    if attempt.member is None:
        return None
    day = timezone.localdate(attempt.starts_at)
    used = _minutes_where(attempt.mine, lambda d: d == day)
    limit = attempt.rules.max_hours_per_day
    if used + attempt.minutes > limit * 60:
        return Refusal(ErrorCode.QUOTA_HOURS_PER_DAY, _hours_message(limit, per_week=False), _RULES)
    return None


def check_week_quota(attempt: Attempt) -> Refusal | None:
    if attempt.member is None:
        return None
    week = timezone.localdate(attempt.starts_at).isocalendar()[:2]
    used = _minutes_where(attempt.mine, lambda d: d.isocalendar()[:2] == week)
    limit = attempt.rules.max_hours_per_week
    if used + attempt.minutes > limit * 60:
        return Refusal(ErrorCode.QUOTA_HOURS_PER_WEEK, _hours_message(limit, per_week=True), _RULES)
    return None


def check_free(attempt: Attempt) -> Refusal | None:
    """Half-open ranges: a booking ending at 11:00 leaves 11:00 free."""
    blocked_until = attempt.blocked_until
    for other in attempt.others:
        if other.starts_at < blocked_until and attempt.starts_at < other.blocked_until:
            if attempt.starts_at < other.ends_at and other.starts_at < attempt.ends_at:
                return Refusal(ErrorCode.SLOT_TAKEN, _("Someone has already booked this time."))
            return Refusal(
                ErrorCode.SLOT_TAKEN,
                _("Too close to another booking: the space needs a break between bookings."),
            )
    return None


def check_not_on_hold(attempt: Attempt) -> Refusal | None:
    """A freed slot offered to the first on the waitlist is theirs until the hold ends."""
    holds = attempt.extra.get("holds") or []
    if holds:
        until = timezone.localtime(min(h.offered_until for h in holds))
        return Refusal(
            ErrorCode.SLOT_ON_HOLD,
            _("This time is offered to the next person on the waitlist until %(time)s.")
            % {"time": until.strftime("%H:%M")},
        )
    return None


#: The checks, in the order their refusals are reported.
CHECKS: tuple[Check, ...] = (
    check_member_may_book,
    check_space_bookable,
    check_range,
    check_not_past,
    check_on_slot,
    check_length,
    check_notice,
    check_days_ahead,
    check_opening_hours,
    check_attendees,
    check_active_quota,
    check_day_quota,
    check_week_quota,
    check_free,
)


#: Every check a booking is judged by: :data:`CHECKS` and the waitlist's hold.
ALL_CHECKS: tuple[Check, ...] = (*CHECKS, check_not_on_hold)


def evaluate(attempt: Attempt, checks: Sequence[Check] = CHECKS) -> list[Refusal]:
    """Every refusal for the attempt, in order. An impossible range stops early."""
    refusals: list[Refusal] = []
    for check in checks:
        refusal = check(attempt)
        if refusal is None:
            continue
        refusals.append(refusal)
        if refusal.code == ErrorCode.INVALID_RANGE:
            break
    return refusals
