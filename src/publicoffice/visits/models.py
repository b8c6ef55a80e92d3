"""Visits to offices, counted without knowing who the visitors are.

A :class:`Visit` is one arrival (or, for a staff headcount, a group of
arrivals). It carries no IP address, user agent or location; an anonymous
visit carries only a hash of a per-device cookie under a key that changes
every day, so visits cannot be linked across days. When a visit ends is
derived from time (:attr:`Visit.ends_at`), so occupancy is right even if
no background job ran. Raw rows older than the retention period are rolled
up into :class:`VisitAggregate` rows and deleted.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from publicoffice.core.models import TimeStampedModel
from publicoffice.places.models import Office


class Source(models.TextChoices):
    QR = "qr", _("QR code at the door")
    KIOSK = "kiosk", _("Kiosk at the entrance")
    MEMBER = "member", _("Member check-in")
    STAFF = "staff", _("Staff headcount")


class WouldOtherwise(models.TextChoices):
    HOME = "home", _("At home")
    WORKPLACE = "workplace", _("At my usual workplace")
    CAFE_LIBRARY = "cafe_library", _("At a café or library")
    OTHER = "other", _("Somewhere else")


class TravelMode(models.TextChoices):
    WALK = "walk", _("Walked")
    BIKE = "bike", _("Bike")
    PUBLIC_TRANSPORT = "public_transport", _("Public transport")
    CAR = "car", _("Car")
    OTHER = "other", _("Other")


class CommuteBand(models.TextChoices):
    """How far the usual workplace is; bands, never an address."""

    UNDER_2 = "0-2", _("Less than 2 km")
    FROM_2_TO_5 = "2-5", _("2–5 km")
    FROM_5_TO_10 = "5-10", _("5–10 km")
    FROM_10_TO_20 = "10-20", _("10–20 km")
    FROM_20_TO_50 = "20-50", _("20–50 km")
    OVER_50 = "50+", _("More than 50 km")
    NONE = "none", _("I have no usual workplace")


class Visit(models.Model):
    """One arrival at an office, or a group of arrivals counted by staff."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="visits", verbose_name=_("office")
    )
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    people = models.PositiveSmallIntegerField(
        _("people"), default=1, help_text=_("More than one only for a staff headcount.")
    )
    started_at = models.DateTimeField(_("arrived"), db_index=True)
    #: When the visit ends by itself: closing time or the maximum stay,
    #: whichever comes first. Fixed at check-in, so "who is here now" is a
    #: plain range query and needs no background job.
    auto_end_at = models.DateTimeField(_("ends by itself at"))
    checked_out_at = models.DateTimeField(_("checked out"), null=True, blank=True)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visits",
        verbose_name=_("member"),
    )
    #: HMAC of the device cookie under the day's key; blank for staff counts.
    device_hash = models.CharField(max_length=64, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    would_otherwise = models.CharField(
        _("would otherwise work"), max_length=16, choices=WouldOtherwise.choices, blank=True
    )
    travel_mode = models.CharField(
        _("came by"), max_length=16, choices=TravelMode.choices, blank=True
    )
    commute_band = models.CharField(
        _("distance to usual workplace"), max_length=8, choices=CommuteBand.choices, blank=True
    )
    #: How the visitor usually travels to that workplace: with the distance,
    #: what the commuting estimate says was not travelled today.
    usual_mode = models.CharField(
        _("usually travels by"), max_length=16, choices=TravelMode.choices, blank=True
    )
    #: True once the survey was sent, even with every question skipped, so
    #: it is not asked again.
    survey_done = models.BooleanField(_("survey answered"), default=False)
    #: One of many check-ins from one network address, more than a queue at
    #: the door sends (``visits.floods``). Still counted until the host voids
    #: it (``removed_at`` and a :class:`VisitCorrection` row).
    suspect = models.BooleanField(_("looks like a flood"), default=False)
    removed_at = models.DateTimeField(
        _("removed"),
        null=True,
        blank=True,
        help_text=_("Set when staff remove a mistaken entry; the row stays for the audit log."),
    )

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        indexes = [
            models.Index(fields=["office", "started_at"], name="visit_office_started"),
            models.Index(fields=["office", "auto_end_at"], name="visit_office_auto_end"),
            # "Is this phone already here?" and the daily limit per phone.
            models.Index(fields=["office", "device_hash"], name="visit_office_device"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(people__gte=1), name="visit_people_positive"),
            models.CheckConstraint(
                condition=Q(auto_end_at__gt=models.F("started_at")),
                name="visit_auto_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(people=1) | Q(source="staff"), name="visit_groups_only_by_staff"
            ),
            models.CheckConstraint(
                condition=Q(checked_out_at__isnull=True)
                | Q(checked_out_at__gte=models.F("started_at")),
                name="visit_check_out_after_arrival",
            ),
            models.CheckConstraint(
                condition=Q(member__isnull=True) | Q(device_hash=""),
                name="visit_member_or_device_not_both",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.office} {self.started_at:%Y-%m-%d %H:%M} ({self.get_source_display()})"

    @property
    def ends_at(self) -> datetime:
        """When the visit ends: checked out, or by itself, whichever is first."""
        if self.checked_out_at is not None and self.checked_out_at < self.auto_end_at:
            return self.checked_out_at
        return self.auto_end_at


class VisitCorrection(models.Model):
    """Audit log of staff corrections: who changed what, and when.

    Corrections of headcounts, and check-ins voided as part of a flood
    (``people_after`` 0, one row per voided visit).
    """

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("visit")
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed"), auto_now_add=True)
    people_before = models.PositiveSmallIntegerField(_("people before"))
    people_after = models.PositiveSmallIntegerField(_("people after"))
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        ordering = ["-changed_at"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self) -> str:
        return f"{self.people_before} → {self.people_after}: {self.reason}"


class KioskDevice(TimeStampedModel):
    """A tablet at an office's entrance, unlocked by a secret key staff can revoke."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="kiosk_devices", verbose_name=_("office")
    )
    name = models.CharField(_("name"), max_length=80)
    #: SHA-256 of the key; the key itself is shown once and never stored.
    key_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        ordering = ["office", "name"]
        verbose_name = _("kiosk device")
        verbose_name_plural = _("kiosk devices")

    def __str__(self) -> str:
        return f"{self.name} ({self.office})"


class VisitAggregate(models.Model):
    """Visits per office and hour, kept after the raw rows are deleted.

    One row per combination of the dimensions reports use, so every figure
    computed from raw visits can be computed from these rows too, and the
    roll-up changes no figure.
    """

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="visit_aggregates", verbose_name=_("office")
    )
    hour = models.DateTimeField(_("hour"))
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    would_otherwise = models.CharField(max_length=16, blank=True)
    travel_mode = models.CharField(max_length=16, blank=True)
    commute_band = models.CharField(max_length=8, blank=True)
    usual_mode = models.CharField(max_length=16, blank=True)
    visits = models.PositiveIntegerField(_("visits"))
    people = models.PositiveIntegerField(_("people"))
    #: Minutes spent at the office by the people of these visits, so that
    #: occupancy can still be worked out after the raw rows are gone.
    minutes = models.PositiveBigIntegerField(_("minutes present"), default=0)

    class Meta:
        ordering = ["office", "hour"]
        verbose_name = _("hourly visit figure")
        verbose_name_plural = _("hourly visit figures")
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "office",
                    "hour",
                    "source",
                    "would_otherwise",
                    "travel_mode",
                    "commute_band",
                    "usual_mode",
                ],
                name="visit_aggregate_unique_cell",
            )
        ]

    def __str__(self) -> str:
        return f"{self.office_id} {self.hour:%Y-%m-%d %H}: {self.people}"


class DailyUniqueVisitors(models.Model):
    """Estimated unique visitors per office and day, kept after the roll-up.

    Distinct device hashes and members, plus people counted by staff. The
    estimate cannot be rebuilt from hourly rows, so the roll-up stores it.
    """

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="+", verbose_name=_("office")
    )
    date = models.DateField(_("date"))
    visitors = models.PositiveIntegerField(_("unique visitors"))

    class Meta:
        ordering = ["office", "date"]
        constraints = [
            models.UniqueConstraint(fields=["office", "date"], name="daily_unique_per_office")
        ]

    def __str__(self) -> str:
        return f"{self.office_id} {self.date}: {self.visitors}"
