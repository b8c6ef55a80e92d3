"""Reports about content and the moderation cases they open.

Members flag content (a profile, an event, a proposal, an argument, a
problem report, a contact message) through the kinds registered in
:mod:`publicoffice.places.moderation`; an item is named by its kind and key
so conduct needs no foreign key into the apps that hold it. One
:class:`ContentCase` per item collects the flags: when enough distinct
members flag it (``CONDUCT_HIDE_THRESHOLD``) it is hidden until staff
review it. Staff hide, restore or dismiss with a reason its author sees;
the author may appeal once, and somebody else answers.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from publicoffice.core.models import TimeStampedModel
from publicoffice.places.models import Office, Operator


class CaseState(models.TextChoices):
    OPEN = "open", pgettext_lazy("moderation", "Waiting for review")
    HIDDEN = "hidden", pgettext_lazy("moderation", "Hidden")
    RESTORED = "restored", pgettext_lazy("moderation", "Shown again")
    DISMISSED = "dismissed", pgettext_lazy("moderation", "Reports dismissed")


class ContentCase(TimeStampedModel):
    """Everything reported about one item, and what staff decided."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=20)
    key = models.CharField(max_length=64)
    office = models.ForeignKey(
        Office, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    operator = models.ForeignKey(
        Operator, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="content_cases",
    )
    #: The title or the first words, as the queue shows them.
    title = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=10, choices=CaseState.choices, default=CaseState.OPEN)
    #: Hidden by the count of reports, not by a person (statement of reasons: automated).
    automated = models.BooleanField(_("decided automatically"), default=False)
    reason = models.CharField(_("reason given to the author"), max_length=500, blank=True)
    #: When the oldest open report came: the queue's order.
    opened_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["opened_at", "id"]
        verbose_name = _("moderation case")
        verbose_name_plural = _("moderation cases")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="content_case_once"),
        ]
        indexes = [models.Index(fields=["state", "opened_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} ({self.state})"


class ContentFlag(models.Model):
    """One member's report about one item (a member counts once per item)."""

    case = models.ForeignKey(ContentCase, on_delete=models.CASCADE, related_name="flags")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("what is wrong"), max_length=1000)
    created_at = models.DateTimeField()
    #: Set when staff decide the case: later flags open it again.
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "reporter"], name="content_flag_once"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.reason[:40]}"


class ContentAppealOutcome(models.TextChoices):
    PENDING = "pending", pgettext_lazy("appeal outcome", "Waiting for a decision")
    KEPT = "kept", pgettext_lazy("moderation appeal", "Kept hidden")
    RESTORED = "restored", pgettext_lazy("moderation appeal", "Shown again")


class ContentAppeal(TimeStampedModel):
    """The author asks to have hidden content shown again; another staff member answers."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.OneToOneField(ContentCase, on_delete=models.CASCADE, related_name="appeal")
    text = models.TextField(_("the appeal"), max_length=3000)
    submitted_at = models.DateTimeField(_("appealed"))
    outcome = models.CharField(
        max_length=10, choices=ContentAppealOutcome.choices, default=ContentAppealOutcome.PENDING
    )
    reply = models.TextField(_("reasons for the answer"), max_length=3000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["submitted_at"]

    def __str__(self) -> str:
        return f"appeal {self.public_id}"
