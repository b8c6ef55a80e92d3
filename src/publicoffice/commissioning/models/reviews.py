"""Review: municipal staff score applications against the call's rubric (evaluation).

A reviewer is assigned to one application and first declares whether they
have a conflict of interest; with a conflict they cannot score it. Each
score is 0–5 or "not applicable" (``value`` empty), per guideline or per
criterion of the call, with a comment kept private or shared with the other
reviewers of the same application.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from publicoffice.commissioning.models.applications import Application
from publicoffice.commissioning.models.calls import MAX_TEXT, CallCriterion
from publicoffice.core.models import TimeStampedModel
from publicoffice.guidelines.models import Guideline

TOP_SCORE = 5


class Reviewer(TimeStampedModel):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviewers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    #: None until declared; True means the reviewer may not score.
    has_conflict = models.BooleanField(_("conflict of interest"), null=True, blank=True)
    conflict_note = models.TextField(_("about the conflict"), max_length=MAX_TEXT, blank=True)
    declared_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(_("review completed"), null=True, blank=True)

    class Meta:
        ordering = ["application", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "user"], name="reviewer_once")
        ]

    @property
    def may_score(self) -> bool:
        return self.has_conflict is False


class Score(TimeStampedModel):
    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="scores")
    guideline = models.ForeignKey(
        Guideline, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    criterion = models.ForeignKey(
        CallCriterion, on_delete=models.CASCADE, null=True, blank=True, related_name="scores"
    )
    #: 0–5, or empty for "not applicable".
    value = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    comment = models.TextField(_("comment"), max_length=MAX_TEXT, blank=True)
    shared = models.BooleanField(_("shared with the other reviewers"), default=False)

    class Meta:
        ordering = ["reviewer", "guideline__number", "criterion__position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(guideline__isnull=False, criterion__isnull=True)
                    | Q(guideline__isnull=True, criterion__isnull=False)
                ),
                name="score_one_line_of_the_rubric",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__lte=TOP_SCORE),
                name="score_zero_to_five",
            ),
            models.UniqueConstraint(
                fields=["reviewer", "guideline"],
                condition=Q(guideline__isnull=False),
                name="score_once_per_guideline",
            ),
            models.UniqueConstraint(
                fields=["reviewer", "criterion"],
                condition=Q(criterion__isnull=False),
                name="score_once_per_criterion",
            ),
        ]
