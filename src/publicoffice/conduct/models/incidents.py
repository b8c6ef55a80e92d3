"""Incidents: what happened at an office, recorded by staff or reported by anyone.

An incident holds sensitive details (what happened, who was involved, the
reporter's contact). Only staff within scope see them, and the retention
sweep erases them after the retention period, leaving the row's figures
(office, category, severity, dates) for the statistics.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from publicoffice.conduct.models.rules import RuleVersion
from publicoffice.core.models import TimeStampedModel
from publicoffice.places.models import Office


class Category(models.TextChoices):
    """The rules an incident can break, in the order of the network's rules."""

    THREAT = "threat", pgettext_lazy("incident category", "Threats")
    VIOLENCE = "violence", pgettext_lazy("incident category", "Violence")
    HARASSMENT = "harassment", pgettext_lazy("incident category", "Harassment")
    DISCRIMINATION = "discrimination", pgettext_lazy("incident category", "Discrimination")
    DRUGS_ALCOHOL = "drugs_alcohol", pgettext_lazy("incident category", "Drugs or alcohol")
    DAMAGE = "damage", pgettext_lazy("incident category", "Damage to the premises")
    DISTURBANCE = "disturbance", pgettext_lazy("incident category", "Disturbing others")
    MEETING_PLACE = (
        "meeting_place",
        pgettext_lazy("incident category", "Misuse of the meeting place"),
    )
    OTHER = "other", pgettext_lazy("incident category", "Something else")


class Severity(models.IntegerChoices):
    LOW = 1, pgettext_lazy("incident severity", "Minor")
    MEDIUM = 2, pgettext_lazy("incident severity", "Serious")
    HIGH = 3, pgettext_lazy("incident severity", "Very serious")


class Source(models.TextChoices):
    STAFF = "staff", pgettext_lazy("incident source", "Recorded by staff")
    REPORT = "report", pgettext_lazy("incident source", "Reported by a visitor")


class IncidentQuerySet(models.QuerySet["Incident"]):
    def open(self) -> IncidentQuerySet:
        return self.filter(handled_at__isnull=True)


class Incident(TimeStampedModel):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="incidents")
    category = models.CharField(_("rule broken"), max_length=16, choices=Category.choices)
    severity = models.PositiveSmallIntegerField(
        _("how serious"), choices=Severity.choices, default=Severity.LOW
    )
    occurred_at = models.DateTimeField(_("when it happened"))
    description = models.TextField(_("what happened"), max_length=2000, blank=True)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="incidents_involved_in",
        verbose_name=_("member involved"),
    )
    person_description = models.CharField(
        _("person involved, if not a member"), max_length=300, blank=True
    )
    rule_version = models.ForeignKey(
        RuleVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="incidents"
    )
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.STAFF)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    #: An e-mail address to tell the reporter when it is handled; erased then.
    reporter_contact = models.EmailField(_("e-mail for an answer"), max_length=254, blank=True)
    reporter_language = models.CharField(max_length=8, default="sv")
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome = models.TextField(_("what staff did"), max_length=1000, blank=True)
    erased_at = models.DateTimeField(_("details erased"), null=True, blank=True)

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        indexes = [
            models.Index(fields=["office", "handled_at", "occurred_at"]),
            models.Index(fields=["occurred_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.occurred_at:%Y-%m-%d}"
