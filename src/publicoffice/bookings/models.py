"""Bookings of desks and rooms, the rules they follow, waitlists and statistics.

A booking *holds* its space for the half-open range ``[starts_at,
blocked_until)`` (the end plus the buffer of its rules) while its status is
pending or confirmed. A booking that needs a check-in and has none by its
``checkin_deadline`` stops holding at that instant: availability is derived
from the clock, never from a job having run. The first write that touches
such a booking marks it a no-show, so the database constraint stays true.

Statistics live in :class:`BookingStatistic`, apart from the person: when a
member deletes their account their bookings go, the figures stay.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.contrib.postgres.fields import RangeBoundary, RangeOperators
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Func, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publicoffice.core.constraints import PostgresExclusionConstraint
from publicoffice.core.models import TimeStampedModel
from publicoffice.places.models import Office, Space, SpaceKind

#: No booking lasts longer, even with a staff override, and no buffer is longer
#: than a day. So a booking overlapping a time started at most
#: :data:`LONGEST_HOLD` before it, and overlap queries can use the
#: ``(space, starts_at)`` index instead of reading a space's whole history.
LONGEST_BOOKING = timedelta(days=14)
LONGEST_BUFFER = timedelta(days=1)
LONGEST_HOLD = LONGEST_BOOKING + LONGEST_BUFFER


class TsTzRange(Func):
    """``tstzrange(starts_at, blocked_until, '[)')`` for the exclusion constraint."""

    function = "TSTZRANGE"
    output_field = models.DateTimeField()


class BookingRule(TimeStampedModel):
    """Rule values for one scope; empty fields inherit from the wider scope.

    Scopes, narrowest first: one space; one kind of space in one office; one
    office; one kind of space across the network; the built-in defaults in
    :mod:`publicoffice.bookings.rules`.
    """

    office = models.ForeignKey(
        Office,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="booking_rules",
        verbose_name=_("office"),
        help_text=_("Leave empty for a default across the whole network."),
    )
    space_kind = models.CharField(
        _("kind of space"),
        max_length=32,
        choices=SpaceKind.choices,
        blank=True,
        help_text=_("Leave empty for every kind of space."),
    )
    space = models.OneToOneField(
        Space,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="booking_rule",
        verbose_name=_("space"),
        help_text=_("Rules for one space only; then leave office and kind empty."),
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot length (minutes)"),
        null=True,
        blank=True,
        help_text=_("Bookings start and end on whole slots, e.g. every 30 minutes."),
    )
    min_minutes = models.PositiveSmallIntegerField(
        _("shortest booking (minutes)"), null=True, blank=True
    )
    max_minutes = models.PositiveSmallIntegerField(
        _("longest booking (minutes)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(int(LONGEST_BOOKING / timedelta(minutes=1)))],
    )
    min_notice_minutes = models.PositiveIntegerField(
        _("minimum notice (minutes)"),
        null=True,
        blank=True,
        help_text=_("How long before the start a booking must be made."),
    )
    max_days_ahead = models.PositiveSmallIntegerField(
        _("days ahead"), null=True, blank=True, help_text=_("How far ahead one may book.")
    )
    within_opening_hours = models.BooleanField(
        _("only within opening hours"),
        null=True,
        blank=True,
        help_text=_("Staff with the named permission may still book outside them."),
    )
    buffer_minutes = models.PositiveSmallIntegerField(
        _("buffer after each booking (minutes)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(int(LONGEST_BUFFER / timedelta(minutes=1)))],
        help_text=_("Time kept free after a booking, for airing or cleaning."),
    )
    max_active_bookings = models.PositiveSmallIntegerField(
        _("active bookings per member"),
        null=True,
        blank=True,
        help_text=_("Counted separately for desks and for rooms."),
    )
    max_hours_per_day = models.PositiveSmallIntegerField(
        _("hours per member and day"), null=True, blank=True
    )
    max_hours_per_week = models.PositiveSmallIntegerField(
        _("hours per member and week"), null=True, blank=True
    )
    max_attendees = models.PositiveSmallIntegerField(
        _("most attendees"),
        null=True,
        blank=True,
        help_text=_("Never above the capacity of the space."),
    )
    needs_approval = models.BooleanField(_("needs approval by staff"), null=True, blank=True)
    checkin_window_minutes = models.PositiveSmallIntegerField(
        _("check-in window (minutes)"),
        null=True,
        blank=True,
        help_text=_(
            "A booking not checked in this many minutes after its start is released. "
            "0 means no check-in is needed."
        ),
    )

    class Meta:
        ordering = ["office", "space_kind", "space"]
        verbose_name = _("booking rule")
        verbose_name_plural = _("booking rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(space__isnull=True) | Q(office__isnull=True, space_kind=""),
                name="booking_rule_space_scope_alone",
            ),
            models.UniqueConstraint(
                fields=["office", "space_kind"],
                condition=Q(space__isnull=True, office__isnull=False),
                name="booking_rule_unique_office_kind",
            ),
            models.UniqueConstraint(
                fields=["space_kind"],
                condition=Q(space__isnull=True, office__isnull=True),
                name="booking_rule_unique_network_kind",
            ),
            models.CheckConstraint(
                condition=Q(slot_minutes__isnull=True) | Q(slot_minutes__gte=5),
                name="booking_rule_slot_at_least_5",
            ),
        ]

    def __str__(self) -> str:
        if self.space_id:
            return str(self.space)
        where = str(self.office) if self.office_id else str(_("Whole network"))
        kind = self.get_space_kind_display() if self.space_kind else str(_("all kinds"))
        return f"{where}: {kind}"


class BookingStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled")
    REJECTED = "rejected", _("Not approved")
    NO_SHOW = "no_show", _("Released, nobody checked in")


#: Statuses whose bookings hold their space (until a missed check-in).
HOLDING_STATUSES = (BookingStatus.PENDING, BookingStatus.CONFIRMED)


class BookingQuerySet(models.QuerySet["Booking"]):
    def holding(self, at: datetime) -> BookingQuerySet:
        """Bookings that keep their space at ``at``: active and not a missed check-in."""
        return self.filter(status__in=HOLDING_STATUSES).filter(
            Q(checkin_deadline__isnull=True)
            | Q(checked_in_at__isnull=False)
            | Q(checkin_deadline__gt=at)
        )

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


class WaitlistStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    OFFERED = "offered", _("Offered, waiting for an answer")
    BOOKED = "booked", _("Booked")
    EXPIRED = "expired", _("Offer expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class WaitlistQuerySet(models.QuerySet["WaitlistEntry"]):
    def open_offers(self, at: datetime) -> WaitlistQuerySet:
        """Offers still holding their time for the waiting member at ``at``."""
        return self.filter(status=WaitlistStatus.OFFERED, offered_until__gt=at)

    def overlapping(self, starts_at: datetime, ends_at: datetime) -> WaitlistQuerySet:
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)


class WaitlistEntry(TimeStampedModel):
    """A member waiting for a taken slot; first come, first offered."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    space = models.ForeignKey(
        Space, on_delete=models.CASCADE, related_name="waitlist", verbose_name=_("space")
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="waitlist_entries",
        verbose_name=_("member"),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    attendees = models.PositiveSmallIntegerField(_("attendees"), default=1)
    status = models.CharField(
        _("status"), max_length=16, choices=WaitlistStatus.choices, default=WaitlistStatus.WAITING
    )
    offered_until = models.DateTimeField(_("offer open until"), null=True, blank=True)
    booking = models.ForeignKey(
        Booking, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = WaitlistQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("waitlist entry")
        verbose_name_plural = _("waitlist")
        indexes = [models.Index(fields=["space", "status", "starts_at"], name="wait_space_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="wait_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        local = timezone.localtime(self.starts_at)
        return f"{self.space.name} {local:%Y-%m-%d %H:%M} ({self.get_status_display()})"

    def offer_open(self, at: datetime) -> bool:
        return (
            self.status == WaitlistStatus.OFFERED
            and self.offered_until is not None
            and self.offered_until > at
        )


class Outcome(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    BOOKED = "booked", _("Booked")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("No-show")
    CANCELLED = "cancelled", _("Cancelled")
    REJECTED = "rejected", _("Not approved")


class BookingStatistic(models.Model):
    """One booking as a figure, with nothing about the person.

    ``booking`` is set to null when the booking is deleted (with the member's
    account); the row and its figures stay.
    """

    booking = models.OneToOneField(
        Booking, on_delete=models.SET_NULL, null=True, blank=True, related_name="statistic"
    )
    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="+", verbose_name=_("office")
    )
    space_kind = models.CharField(_("kind of space"), max_length=32, choices=SpaceKind.choices)
    starts_on = models.DateField(_("day"))
    length_minutes = models.PositiveIntegerField(_("length (minutes)"))
    lead_minutes = models.PositiveIntegerField(_("booked ahead (minutes)"))
    attendees = models.PositiveSmallIntegerField(_("attendees"))
    on_behalf = models.BooleanField(_("booked by staff"), default=False)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("booking statistic")
        verbose_name_plural = _("booking statistics")
        indexes = [models.Index(fields=["office", "starts_on"], name="bookstat_office_day")]

    def __str__(self) -> str:
        return f"{self.office_id} {self.starts_on} {self.outcome}"


class CalendarFeed(models.Model):
    """A member's private calendar address; renewing it breaks the old one."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed",
        verbose_name=_("member"),
    )
    #: Read-only and renewable, so kept as is (it must be shown again).
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.member)
