"""Booking rule values per scope; :mod:`publicoffice.bookings.rules` resolves them."""

from __future__ import annotations

from datetime import timedelta

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from publicoffice.bookings.models.limits import LONGEST_BOOKING, LONGEST_BUFFER
from publicoffice.core.models import TimeStampedModel
from publicoffice.places.models import Office, Space, SpaceKind


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
