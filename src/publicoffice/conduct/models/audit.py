"""The conduct audit trail: one append-only row per action, with who, when and what.

Rows are never updated or deleted by the application (``save`` refuses an
update); the retention sweep blanks the free text of entries about erased
incidents but keeps that the action happened.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from publicoffice.places.models import Office


class AuditAction(models.TextChoices):
    INCIDENT_RECORDED = "incident_recorded", pgettext_lazy("audit", "Incident recorded")
    INCIDENT_REPORTED = "incident_reported", pgettext_lazy("audit", "Incident reported")
    INCIDENT_HANDLED = "incident_handled", pgettext_lazy("audit", "Incident handled")
    INCIDENT_ERASED = "incident_erased", pgettext_lazy("audit", "Incident details erased")
    SANCTION_DECIDED = "sanction_decided", pgettext_lazy("audit", "Decision taken")
    SANCTION_APPROVED = "sanction_approved", pgettext_lazy("audit", "Ban approved")
    SANCTION_LIFTED = "sanction_lifted", pgettext_lazy("audit", "Decision lifted")
    SANCTION_REVIEWED = "sanction_reviewed", pgettext_lazy("audit", "Decision reviewed")
    APPEAL_MADE = "appeal_made", pgettext_lazy("audit", "Appeal made")
    APPEAL_DECIDED = "appeal_decided", pgettext_lazy("audit", "Appeal answered")
    RULES_CHANGED = "rules_changed", pgettext_lazy("audit", "House rules changed")
    CONTENT_REPORTED = "content_reported", pgettext_lazy("audit", "Content reported")
    CONTENT_HIDDEN = "content_hidden", pgettext_lazy("audit", "Content hidden")
    CONTENT_RESTORED = "content_restored", pgettext_lazy("audit", "Content shown again")
    CONTENT_DISMISSED = "content_dismissed", pgettext_lazy("audit", "Reports dismissed")


class AuditEntry(models.Model):
    at = models.DateTimeField(_("when"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(_("what"), max_length=20, choices=AuditAction.choices)
    office = models.ForeignKey(
        Office, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    #: The member the action concerns, for their data export.
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    #: The public id of the incident, sanction or appeal, or the rules version.
    target = models.CharField(max_length=64, blank=True)
    note = models.CharField(_("details"), max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("conduct log entry")
        verbose_name_plural = _("conduct log")
        indexes = [models.Index(fields=["office", "at"]), models.Index(fields=["subject", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.pop("_erasing", False):
            raise ValueError("The conduct log is append-only.")
        super().save(*args, **kwargs)
