"""Members waiting for a taken slot, and the offers made to them when it frees."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publicoffice.bookings.models.bookings import Booking
from publicoffice.core.models import TimeStampedModel
from publicoffice.places.models import Space


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
