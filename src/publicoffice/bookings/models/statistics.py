"""Bookings as figures, apart from the people who made them.

When a member deletes their account their bookings go; these rows stay, so
the statistics of an office do not change with who left.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.bookings.models.bookings import Booking
from publicoffice.places.models import Office, SpaceKind


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
