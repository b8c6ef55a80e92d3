"""Commissions: operators run offices for the municipality (Open Contracting's *contract*).

A commission is made from an approved application (or entered for an office
that already ran before the platform). Its targets are tied to figures the
platform measures itself (:class:`Measure`), so following up needs no
spreadsheet. Every change after the start is an :class:`Amendment` with the
whole before and after, numbered as versions.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.commissioning.models.applications import Application
from publicoffice.commissioning.models.calls import MAX_TEXT, MAX_TITLE
from publicoffice.core.models import TimeStampedModel
from publicoffice.places.models import Municipality, Office, Operator


class CommissionStatus(models.TextChoices):
    ACTIVE = "active", _("Running")
    ENDED = "ended", _("Ended")
    TERMINATED = "terminated", _("Ended early")


class Measure(models.TextChoices):
    """The figures a target may be tied to, each measured by the platform."""

    VISITS_PER_WEEK = "visits_per_week", _("Visits per week")
    HOURS_PER_WEEK = "hours_per_week", _("Opening hours per week")
    ANSWERED_ON_TIME = "answered_on_time", _("Share of proposals answered on time")
    EVENTS_PER_MONTH = "events_per_month", _("Events held per month")
    ACCESSIBILITY_COMPLETE = "accessibility_complete", _("Accessibility facts complete")
    OCCUPANCY = "occupancy", _("Occupancy")
    INCIDENTS_HANDLED = "incidents_handled", _("Incidents handled within a week")


class Direction(models.TextChoices):
    AT_LEAST = "at_least", _("at least")
    AT_MOST = "at_most", _("at most")


class Commission(TimeStampedModel):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="commissions"
    )
    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, null=True, blank=True, related_name="commission"
    )
    title = models.CharField(_("title"), max_length=MAX_TITLE)
    lead = models.ForeignKey(
        Operator, on_delete=models.PROTECT, related_name="led_commissions", verbose_name=_("lead")
    )
    partners = models.ManyToManyField(
        Operator, blank=True, related_name="partner_commissions", verbose_name=_("partners")
    )
    offices = models.ManyToManyField(Office, related_name="commissions", verbose_name=_("offices"))
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    funding_sek = models.PositiveIntegerField(_("funding (SEK)"), default=0)
    conditions = models.TextField(_("conditions"), max_length=MAX_TEXT, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=CommissionStatus.choices,
        default=CommissionStatus.ACTIVE,
    )
    #: 1 at the start; one more with each amendment.
    version = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["municipality", "-starts_on", "pk"]
        verbose_name = _("commission")
        verbose_name_plural = _("commissions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")),
                name="commission_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Target(models.Model):
    commission = models.ForeignKey(Commission, on_delete=models.CASCADE, related_name="targets")
    measure = models.CharField(_("measure"), max_length=32, choices=Measure.choices)
    direction = models.CharField(
        _("direction"), max_length=8, choices=Direction.choices, default=Direction.AT_LEAST
    )
    #: Shares are stored as percentages (80 = 80 %), the rest in their own unit.
    value = models.DecimalField(_("value"), max_digits=9, decimal_places=2)

    class Meta:
        ordering = ["commission", "measure"]
        constraints = [
            models.UniqueConstraint(fields=["commission", "measure"], name="target_once"),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="target_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.get_measure_display()} {self.get_direction_display()} {self.value}"


class Amendment(models.Model):
    """One version of a commission: what changed, why, and the whole before and after."""

    commission = models.ForeignKey(Commission, on_delete=models.CASCADE, related_name="amendments")
    version = models.PositiveSmallIntegerField()
    reason = models.TextField(_("reason"), max_length=MAX_TEXT)
    before = models.JSONField()
    after = models.JSONField()
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    made_at = models.DateTimeField()

    class Meta:
        ordering = ["commission", "version"]
        constraints = [
            models.UniqueConstraint(fields=["commission", "version"], name="amendment_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.commission} v{self.version}"
