"""Follow-up: the operator reports, the municipality assesses (*implementation*).

Reports are scheduled when a commission starts: one per quarter, one per
year and a final one. While a report is being written its figures are read
live; when it is submitted they are kept in ``figures`` as they were, so an
accepted report never changes afterwards.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.commissioning.models.calls import MAX_TEXT, MAX_TITLE
from publicoffice.commissioning.models.commissions import Commission
from publicoffice.core.models import TimeStampedModel
from publicoffice.guidelines.models import Guideline


class ReportKind(models.TextChoices):
    QUARTERLY = "quarterly", _("Quarterly report")
    YEARLY = "yearly", _("Yearly report")
    FINAL = "final", _("Final report")


class ReportStatus(models.TextChoices):
    DUE = "due", _("To write")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes", _("Changes asked for")
    ACCEPTED = "accepted", _("Accepted")


class Report(TimeStampedModel):
    commission = models.ForeignKey(Commission, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(_("kind"), max_length=12, choices=ReportKind.choices)
    period_starts = models.DateField(_("from"))
    period_ends = models.DateField(_("to"))
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DUE
    )
    narrative = models.TextField(_("what happened (public)"), max_length=MAX_TEXT, blank=True)
    private_narrative = models.TextField(
        _("for the municipality only"), max_length=MAX_TEXT, blank=True
    )
    #: The targets' figures as they were at submission (see ``commissioning.measures``).
    figures = models.JSONField(default=dict, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    officer_comment = models.TextField(
        _("the municipality's comment"), max_length=MAX_TEXT, blank=True
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reminded_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["commission", "due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["commission", "kind", "period_starts"], name="report_once_per_period"
            )
        ]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_starts}–{self.period_ends}"


class Party(models.TextChoices):
    OPERATOR = "operator", _("The operator's self-assessment")
    MUNICIPALITY = "municipality", _("The municipality's assessment")


class Rating(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")


class Assessment(models.Model):
    """One party's view of one guideline in one report, kept side by side."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="assessments")
    guideline = models.ForeignKey(Guideline, on_delete=models.PROTECT, related_name="+")
    party = models.CharField(max_length=12, choices=Party.choices)
    rating = models.CharField(_("assessment"), max_length=8, choices=Rating.choices)
    evidence = models.TextField(_("evidence"), max_length=MAX_TEXT, blank=True)
    actions = models.TextField(_("actions"), max_length=MAX_TEXT, blank=True)

    class Meta:
        ordering = ["report", "guideline__number", "party"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "guideline", "party"], name="assessment_once_per_party"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report} · {self.guideline_id} · {self.party}"


class ReportAttachment(TimeStampedModel):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=MAX_TITLE)
    file = models.CharField(max_length=120)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    public = models.BooleanField(_("public"), default=False)

    class Meta:
        ordering = ["created_at", "pk"]
