"""Events at the offices: workshops, meet-ups, language cafés, information evenings.

A host creates an event at an office; its room is reserved through the
booking service, so an event can never double-book a room. Members who
want an event propose it through the dialogue app, whose "make this an
event" step creates it here like any host's event; events know nothing of
proposals. Members register; when the event is full they queue, and a
freed seat goes to the first in line.

:class:`RegistrationStatistic` keeps one row per registration without the
person, so counts survive deleting an account.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from publicoffice.bookings.models import Booking
from publicoffice.core.models import TimeStampedModel
from publicoffice.places.models import Language, Office, Space

#: Longest event, so feeds and week pages can bound their queries.
LONGEST_EVENT_DAYS = 14
#: The most people an office's event can have had: more is a typo, not a crowd.
MOST_ATTENDANCE = 100_000


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    # A context of its own: Swedish says an event is "Inställt", not "Avbokad"
    # like a booking.
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")
    POSTPONED = "postponed", _("Postponed")
    MOVED = "moved", _("Moved")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    ADULTS = "adults", _("Adults")
    YOUTH = "youth", _("Young people")
    CHILDREN = "children", _("Children")
    FAMILIES = "families", _("Families")
    WOMEN = "women", _("Women")
    SENIORS = "seniors", _("Seniors")
    NEWCOMERS = "newcomers", _("Newcomers")
    ENTREPRENEURS = "entrepreneurs", _("Entrepreneurs")
    ASSOCIATIONS = "associations", _("Associations")


class EventQuerySet(models.QuerySet["Event"]):
    def between(self, start: datetime, end: datetime) -> EventQuerySet:
        """Events overlapping the half-open range ``[start, end)``."""
        return self.filter(starts_at__lt=end, ends_at__gt=start)

    def shown(self) -> EventQuerySet:
        """Events not hidden by the moderators: what lists, feeds and the API show."""
        return self.filter(hidden_at__isnull=True)


class Event(TimeStampedModel):
    """One event at one office."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="events")
    space = models.ForeignKey(
        Space,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("room"),
    )
    booking = models.OneToOneField(
        Booking,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event",
        verbose_name=_("room booking"),
    )
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty when anyone can come.")
    )
    languages = models.ManyToManyField(
        Language, blank=True, related_name="events", verbose_name=_("languages")
    )
    audience = models.CharField(
        _("for whom"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    accessibility_notes = models.TextField(_("accessibility"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_note = models.CharField(
        _("about the change"),
        max_length=300,
        blank=True,
        help_text=_("Why it was cancelled, or where and when it happens now."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events_created",
    )
    #: Raised on every change calendar programs should notice (RFC 5545).
    sequence = models.PositiveIntegerField(default=0)
    #: Hidden by the moderators (conduct): gone from every list, feed and page
    #: but its creator's and its office's staff, who see the reason.
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_reason = models.CharField(_("why it was hidden"), max_length=300, blank=True)
    #: How many came, counted by the hosts once it started; empty until someone
    #: records it (no record is not the same as nobody came). The last count stands.
    attendance = models.PositiveIntegerField(
        _("attendance"), null=True, blank=True, validators=[MaxValueValidator(MOST_ATTENDANCE)]
    )
    attendance_recorded_at = models.DateTimeField(_("attendance recorded"), null=True, blank=True)
    attendance_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_attendance_recorded",
        verbose_name=_("attendance recorded by"),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["office", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return str(self.title)


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waitlist")
    CANCELLED = "cancelled", pgettext_lazy("event registration status", "Cancelled")


class Registration(models.Model):
    """A member's seat at an event, or their place in its queue."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    #: Queue order: the first waiting registration by this gets the next seat.
    queued_at = models.DateTimeField(_("in line since"))
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        ordering = ["queued_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "member"],
                condition=~models.Q(status="cancelled"),
                name="registration_once_per_event",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.event_id}: {self.get_status_display()}"


class RegistrationStatistic(models.Model):
    """One registration as a figure, kept when the member's account goes."""

    registration_id = models.PositiveBigIntegerField(unique=True)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="statistics")
    day = models.DateField(_("day registered"))
    got_seat = models.BooleanField(_("got a seat"), default=False)
    cancelled = models.BooleanField(_("cancelled"), default=False)

    class Meta:
        verbose_name = _("registration figure")
        verbose_name_plural = _("registration figures")

    def __str__(self) -> str:
        return f"{self.event_id} {self.day}"
