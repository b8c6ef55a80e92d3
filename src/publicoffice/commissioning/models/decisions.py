"""The municipality's decision on an application (Open Contracting's *award*).

Asking for more information is not a decision: it is an
:class:`~publicoffice.commissioning.models.InfoRequest`, and the application
waits for the answer. A decision approves (perhaps with conditions) or
declines, always with reasons in words, which are published.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.commissioning.models.applications import Application
from publicoffice.commissioning.models.calls import MAX_TEXT
from publicoffice.core.models import TimeStampedModel


class Outcome(models.TextChoices):
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class Decision(TimeStampedModel):
    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="decision"
    )
    outcome = models.CharField(_("decision"), max_length=12, choices=Outcome.choices)
    reasons = models.TextField(_("reasons (published)"), max_length=MAX_TEXT)
    conditions = models.TextField(_("conditions (published)"), max_length=MAX_TEXT, blank=True)
    private_notes = models.TextField(
        _("notes kept inside the municipality"), max_length=MAX_TEXT, blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"))

    class Meta:
        ordering = ["-decided_at"]
