"""Bookings, the queries that say which of them hold their space, and their log.

A booking *holds* its space for the half-open range ``[starts_at,
blocked_until)`` (the end plus the buffer of its rules) while its status is
pending or confirmed. A booking that needs a check-in and has none by its
``checkin_deadline`` stops holding at that instant: availability is derived
from the clock, never from a job having run. The first write that touches
such a booking marks it a no-show, so the database constraint stays true.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.contrib.postgres.fields import RangeBoundary, RangeOperators
from django.db import models
from django.db.models import Func, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publicoffice.bookings.models.limits import LONGEST_HOLD
from publicoffice.core.constraints import PostgresExclusionConstraint
from publicoffice.core.models import TimeStampedModel
from publicoffice.places.models import Office, Space


class TsTzRange(Func):
    """``tstzrange(starts_at, blocked_until, '[)')`` for the exclusion constraint."""

    function = "TSTZRANGE"
    output_field = models.DateTimeField()


class BookingStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled")
    REJECTED = "rejected", _("Not approved")
    NO_SHOW = "no_show", _("Released, nobody checked in")


#: Statuses whose bookings hold their space (until a missed check-in).
HOLDING_STATUSES = (BookingStatus.PENDING, BookingStatus.CONFIRMED)


def holding_at(at: datetime) -> Q:
    """The condition of :meth:`BookingQuerySet.holding`, for annotations too."""
    return Q(status__in=HOLDING_STATUSES) & (
        Q(checkin_deadline__isnull=True)
        | Q(checked_in_at__isnull=False)
        | Q(checkin_deadline__gt=at)
    )


class BookingQuerySet(models.QuerySet["Booking"]):
    def holding(self, at: datetime) -> BookingQuerySet:
        """Bookings that keep their space at ``at``: active and not a missed check-in."""
        return self.filter(holding_at(at))

    def missed_check_in(self, at: datetime) -> BookingQuerySet:
        """Still marked active, but released by the clock: no-shows to record."""
        return self.filter(
            status__in=HOLDING_STATUSES,
            checked_in_at__isnull=True,
            checkin_deadline__lte=at,
        )

    def overlapping(self, starts_at: datetime, blocked_until: datetime) -> BookingQuerySet:
        """Half-open overlap: [a, b) and [c, d) meet when a < d and c < b.

        The lower bound on ``starts_at`` says nothing new (see
        :data:`LONGEST_HOLD`) but lets the database use its index.
        """
        return self.filter(
            starts_at__lt=blocked_until,
            starts_at__gt=starts_at - LONGEST_HOLD,
            blocked_until__gt=starts_at,
        )


class Booking(TimeStampedModel):
    """One space held by one person for one stretch of time."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    space = models.ForeignKey(
        Space, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("space")
    )
    #: Copied from the space, so lists per office need no join.
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("office")
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bookings",
        verbose_name=_("member"),
    )
    #: A visitor without an account, booked for by staff: a first name is enough.
    visitor_name = models.CharField(_("visitor's name"), max_length=80, blank=True)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("booked by"),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    #: The end plus the buffer of the rules: what the space is held until.
    blocked_until = models.DateTimeField(_("held until"))
    attendees = models.PositiveSmallIntegerField(_("attendees"), default=1)
    purpose = models.CharField(_("what it is for"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=BookingStatus.choices, default=BookingStatus.CONFIRMED
    )
    #: Empty when the rules need no check-in.
    checkin_deadline = models.DateTimeField(_("check in by"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    #: The rule values in force when the booking was made (see ``rules.Rules``).
    rules = models.JSONField(_("rules when booked"), default=dict)
    #: iCalendar SEQUENCE: raised on every change the member is told about.
    sequence = models.PositiveIntegerField(default=0)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        indexes = [
            models.Index(fields=["space", "starts_at"], name="booking_space_start"),
            models.Index(fields=["office", "starts_at"], name="booking_office_start"),
            models.Index(fields=["member", "starts_at"], name="booking_member_start"),
            # Bookings the clock released that nobody has marked yet (the sweep).
            models.Index(
                fields=["checkin_deadline"],
                name="booking_unmarked_missed",
                condition=Q(status__in=HOLDING_STATUSES, checked_in_at__isnull=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="booking_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(blocked_until__gte=models.F("ends_at")),
                name="booking_held_until_after_end",
            ),
            models.CheckConstraint(
                condition=Q(attendees__gte=1), name="booking_attendees_positive"
            ),
            models.CheckConstraint(
                condition=Q(member__isnull=False) | ~Q(visitor_name=""),
                name="booking_member_or_visitor",
            ),
            PostgresExclusionConstraint(
                name="booking_no_overlap",
                expressions=[
                    (
                        TsTzRange("starts_at", "blocked_until", RangeBoundary()),
                        RangeOperators.OVERLAPS,
                    ),
                    ("space", RangeOperators.EQUAL),
                ],
                condition=Q(status__in=HOLDING_STATUSES),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.space.name} {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    @property
    def who(self) -> str:
        return str(self.member) if self.member_id else self.visitor_name

    @property
    def minutes(self) -> int:
        """Real minutes: in UTC, as two times of one zone subtract by their wall clocks."""
        length = self.ends_at.astimezone(UTC) - self.starts_at.astimezone(UTC)
        return int(length / timedelta(minutes=1))

    def holds_at(self, at: datetime) -> bool:
        """Python twin of :meth:`BookingQuerySet.holding`."""
        if self.status not in HOLDING_STATUSES:
            return False
        if self.checkin_deadline is None or self.checked_in_at is not None:
            return True
        return self.checkin_deadline > at

    def missed_check_in(self, at: datetime) -> bool:
        return self.status in HOLDING_STATUSES and not self.holds_at(at)

    def can_check_in(self, at: datetime) -> bool:
        """On site from a little before the start until the deadline."""
        if self.status != BookingStatus.CONFIRMED or self.checked_in_at is not None:
            return False
        opens = self.starts_at - timedelta(minutes=CHECKIN_EARLY_MINUTES)
        closes = self.checkin_deadline or self.ends_at
        return opens <= at < closes


#: How early before the start one may check in to a booking.
CHECKIN_EARLY_MINUTES = 15


class LogAction(models.TextChoices):
    CREATED = "created", _("Booked")
    CHANGED = "changed", _("Changed")
    CANCELLED = "cancelled", _("Cancelled")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Not approved")
    CHECKED_IN = "checked_in", _("Checked in")
    NO_SHOW = "no_show", _("Released as a no-show")
    OVERRIDE = "override", _("Rule overridden by staff")


class BookingLogEntry(models.Model):
    """What happened to a booking, by whom; staff overrides keep their reason."""

    booking = models.ForeignKey(
        Booking, on_delete=models.CASCADE, related_name="log", verbose_name=_("booking")
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    action = models.CharField(_("what"), max_length=16, choices=LogAction.choices)
    rule_code = models.CharField(_("rule"), max_length=40, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("booking log entry")
        verbose_name_plural = _("booking log")

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.rule_code}".strip()
