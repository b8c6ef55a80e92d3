"""Problem reports about a place: broken equipment, dirt, a barrier, something unsafe.

Anyone may report a problem at an office, with or without an account, and
everyone sees the report, its state and the office's public updates. The
states come in the same three families as proposals (open, done, closed);
a :class:`ProblemUpdate` from staff is the only way the state changes,
except a *reopening*: within ``DIALOGUE_REOPEN_DAYS`` of *fixed*, anyone
logged in may say it is not fixed, which brings the report back to
*acknowledged* (the office knows of the problem; it is not fixed).

A visitor without an account may leave an e-mail address for updates. It
is never shown, and the dialogue sweep deletes it ``DIALOGUE_REOPEN_DAYS``
after the report was fixed or closed. Figures are kept apart from people in
:class:`ProblemStatistic`.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from publicoffice.core.models import TimeStampedModel
from publicoffice.dialogue.models.proposals import Family
from publicoffice.places.models import Office


class ProblemCategory(models.TextChoices):
    EQUIPMENT = "equipment", pgettext_lazy("problem category", "Broken equipment")
    CLEANLINESS = "cleanliness", pgettext_lazy("problem category", "Cleanliness")
    ACCESSIBILITY = "accessibility", pgettext_lazy("problem category", "An accessibility barrier")
    SAFETY = "safety", pgettext_lazy("problem category", "Safety")
    OTHER = "other", pgettext_lazy("problem category", "Something else")


class ProblemState(models.TextChoices):
    NEW = "new", pgettext_lazy("problem state", "Reported")
    ACKNOWLEDGED = "acknowledged", pgettext_lazy("problem state", "Known to the office")
    IN_PROGRESS = "in_progress", pgettext_lazy("problem state", "Being fixed")
    FIXED = "fixed", pgettext_lazy("problem state", "Fixed")
    NOT_A_PROBLEM = "not_a_problem", pgettext_lazy("problem state", "Not a problem")
    DUPLICATE = "duplicate", pgettext_lazy("problem state", "Already reported")
    FORWARDED = "forwarded", pgettext_lazy("problem state", "Forwarded to someone else")


#: The family of each state: the one place that says which states are final.
PROBLEM_FAMILIES: dict[str, Family] = {
    ProblemState.NEW: Family.OPEN,
    ProblemState.ACKNOWLEDGED: Family.OPEN,
    ProblemState.IN_PROGRESS: Family.OPEN,
    ProblemState.FIXED: Family.DONE,
    ProblemState.NOT_A_PROBLEM: Family.CLOSED,
    ProblemState.DUPLICATE: Family.CLOSED,
    ProblemState.FORWARDED: Family.CLOSED,
}
PROBLEM_OPEN_STATES = tuple(s for s, f in PROBLEM_FAMILIES.items() if f == Family.OPEN)
#: Where a reopened report goes: the office knows of it, and it is not fixed.
REOPENED_STATE = ProblemState.ACKNOWLEDGED


class ProblemReportQuerySet(models.QuerySet["ProblemReport"]):
    def visible(self) -> ProblemReportQuerySet:
        """Reports anyone may read: not hidden by moderation."""
        return self.filter(hidden_at__isnull=True)


class ProblemReport(TimeStampedModel):
    """One problem at one office, reported by anyone."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="problem_reports")
    category = models.CharField(_("what kind of problem"), max_length=16, choices=ProblemCategory)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=4000)
    language = models.CharField(_("written in"), max_length=8)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="problem_reports",
    )
    #: A visitor's address for updates: never shown, deleted after the report ends.
    contact_email = models.EmailField(_("e-mail for updates"), blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=ProblemState, default=ProblemState.NEW
    )
    answer_due = models.DateField(_("answer due"))
    first_answer_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    state_changed_at = models.DateTimeField(null=True, blank=True)
    fixed_at = models.DateTimeField(_("fixed"), null=True, blank=True)
    reopened_count = models.PositiveIntegerField(default=0)
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates"
    )
    forwarded_to = models.CharField(_("forwarded to"), max_length=200, blank=True)
    #: The photo's file name under ``MEDIA_ROOT`` (metadata stripped, see dialogue.photos).
    photo = models.CharField(max_length=100, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_reason = models.CharField(_("why it was hidden"), max_length=300, blank=True)

    objects = ProblemReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")
        indexes = [
            models.Index(fields=["office", "state", "-created_at"]),
            models.Index(fields=["category", "state"]),
            models.Index(fields=["-created_at"]),
        ]

    def __str__(self) -> str:
        return str(self.title)

    @property
    def family(self) -> Family:
        return PROBLEM_FAMILIES[self.state]

    @property
    def is_barrier(self) -> bool:
        return self.category == ProblemCategory.ACCESSIBILITY


class ProblemUpdate(TimeStampedModel):
    """A public update: staff's answer with the new state, or someone's reopening."""

    report = models.ForeignKey(ProblemReport, on_delete=models.CASCADE, related_name="updates")
    state = models.CharField(_("new state"), max_length=16, choices=ProblemState)
    text = models.TextField(_("public answer"), max_length=4000)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    #: Somebody said a fixed problem is not fixed (``text`` is their reason).
    reopening = models.BooleanField(default=False)
    published_at = models.DateTimeField(_("published"))

    class Meta:
        ordering = ["report", "published_at", "id"]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.state}"


class ProblemStatistic(models.Model):
    """One row per report for the figures, without the people, kept after deletions."""

    report_public_id = models.UUIDField(unique=True)
    office = models.ForeignKey(
        Office, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    category = models.CharField(max_length=16, choices=ProblemCategory)
    state = models.CharField(max_length=16, choices=ProblemState)
    created_on = models.DateField()
    answer_due = models.DateField()
    days_to_first_answer = models.PositiveIntegerField(null=True, blank=True)
    days_to_fix = models.PositiveIntegerField(null=True, blank=True)
    reopened = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["office", "created_on"])]

    def __str__(self) -> str:
        return f"{self.report_public_id} ({self.state})"
