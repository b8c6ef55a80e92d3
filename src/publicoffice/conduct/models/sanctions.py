"""Sanctions on a member and appeals against them.

A sanction is graded (a note, a warning, a restriction of some actions, a
ban of all) and scoped (this office, the operator's offices, the
municipality, the whole network), like a library's restriction that
reaches further up the organisation. Every sanction carries the statement
of reasons of the EU Digital Services Act, Art. 17: what is restricted, the
facts, the rule, whether it was automated, and how to appeal. An
indefinite ban waits for a second staff member's approval and has a review
date. The member appeals within a window; someone other than the decider
answers with reasons.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from publicoffice.conduct.models.incidents import Incident
from publicoffice.conduct.models.rules import RuleVersion
from publicoffice.core.models import TimeStampedModel
from publicoffice.places.models import Municipality, Office, Operator


class SanctionKind(models.TextChoices):
    NOTE = "note", pgettext_lazy("sanction kind", "Note")
    WARNING = "warning", pgettext_lazy("sanction kind", "Warning")
    RESTRICTION = "restriction", pgettext_lazy("sanction kind", "Restriction")
    BAN = "ban", pgettext_lazy("sanction kind", "Ban")


#: Kinds that stop the member doing something; a note or warning stops nothing.
RESTRICTING_KINDS = (SanctionKind.RESTRICTION, SanctionKind.BAN)


class SanctionScope(models.TextChoices):
    """How far a decision reaches, from the office where it was taken."""

    OFFICE = "office", pgettext_lazy("sanction scope", "This office")
    OPERATOR = "operator", pgettext_lazy("sanction scope", "All of the operator's offices")
    MUNICIPALITY = (
        "municipality",
        pgettext_lazy("sanction scope", "All offices in the municipality"),
    )
    NETWORK = "network", pgettext_lazy("sanction scope", "The whole network")


class SanctionState(models.TextChoices):
    AWAITING_APPROVAL = "awaiting", pgettext_lazy("sanction state", "Waiting for approval")
    IN_FORCE = "in_force", pgettext_lazy("sanction state", "Decided")
    LIFTED = "lifted", pgettext_lazy("sanction state", "Lifted")


class Sanction(TimeStampedModel):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    #: Kept when the account is deleted (as a decision record, without the person).
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="sanctions",
    )
    kind = models.CharField(_("decision"), max_length=12, choices=SanctionKind.choices)
    #: The :class:`~publicoffice.places.restrictions.MemberAction` values stopped.
    actions = models.JSONField(_("what it stops"), default=list, blank=True)
    scope = models.CharField(_("holds at"), max_length=12, choices=SanctionScope.choices)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="sanctions")
    operator = models.ForeignKey(Operator, on_delete=models.PROTECT, related_name="sanctions")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="sanctions"
    )
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"), null=True, blank=True)
    review_at = models.DateTimeField(_("review by"), null=True, blank=True)
    incidents = models.ManyToManyField(Incident, blank=True, related_name="sanctions")
    rule_version = models.ForeignKey(
        RuleVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="sanctions"
    )
    category = models.CharField(_("rule broken"), max_length=16)
    facts = models.TextField(_("what happened"), max_length=2000)
    grounds = models.TextField(_("why this decision"), max_length=2000)
    automated = models.BooleanField(_("decided automatically"), default=False)
    state = models.CharField(max_length=10, choices=SanctionState.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    lifted_at = models.DateTimeField(_("lifted"), null=True, blank=True)
    erased_at = models.DateTimeField(_("details erased"), null=True, blank=True)
    #: When the office was told that this indefinite ban's review date has come (once).
    review_noticed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("sanction")
        verbose_name_plural = _("sanctions")
        indexes = [
            models.Index(fields=["member", "state", "starts_at"]),
            models.Index(fields=["office", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                name="sanction_ends_after_start",
                condition=models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gt=models.F("starts_at")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_scope_display()})"


class AppealOutcome(models.TextChoices):
    PENDING = "pending", pgettext_lazy("appeal outcome", "Waiting for a decision")
    KEPT = "kept", pgettext_lazy("appeal outcome", "Decision kept")
    SHORTENED = "shortened", pgettext_lazy("appeal outcome", "Decision shortened")
    LIFTED = "lifted", pgettext_lazy("appeal outcome", "Decision lifted")


class Appeal(TimeStampedModel):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sanction = models.OneToOneField(Sanction, on_delete=models.CASCADE, related_name="appeal")
    text = models.TextField(_("the appeal"), max_length=3000)
    submitted_at = models.DateTimeField(_("appealed"))
    answer_due = models.DateTimeField(_("answer due"))
    outcome = models.CharField(
        max_length=10, choices=AppealOutcome.choices, default=AppealOutcome.PENDING
    )
    reply = models.TextField(_("reasons for the answer"), max_length=3000, blank=True)
    new_ends_at = models.DateTimeField(_("new end"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["answer_due"]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.public_id}"


class OperatorConduct(models.Model):
    """An operator's own choices for conduct decisions at its offices."""

    operator = models.OneToOneField(
        Operator, on_delete=models.CASCADE, related_name="conduct_settings"
    )
    appeal_answer_days = models.PositiveSmallIntegerField(_("days to answer an appeal"), default=14)

    class Meta:
        verbose_name = _("conduct settings")
        verbose_name_plural = _("conduct settings")

    def __str__(self) -> str:
        return str(self.operator)
