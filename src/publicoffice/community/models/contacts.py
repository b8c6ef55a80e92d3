"""Contact between members without exposing e-mail addresses.

A member sends a short request to a profile. Its admins accept or decline.
Only an accepted request reveals the contact details each side chose to
share (from the sender's chosen profile and the recipient profile).

A recipient may block a sender (no further requests from them reach any
profile the recipient runs) and report abuse; reports wait for the conduct
issue's moderation tools.

:class:`ContactStatistic` keeps one row per request without people in it,
so the figures survive deleting an account.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.community.models.profiles import Profile

#: Longest message in a contact request, in characters.
MAX_MESSAGE = 500


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ContactRequest(models.Model):
    """A member asking to get in touch with a profile."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contact_requests_sent"
    )
    sender_profile = models.ForeignKey(
        Profile,
        on_delete=models.CASCADE,
        related_name="contact_requests_sent",
        verbose_name=_("sent as"),
    )
    recipient = models.ForeignKey(
        Profile, on_delete=models.CASCADE, related_name="contact_requests_received"
    )
    message = models.TextField(_("message"), max_length=MAX_MESSAGE)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    #: Hidden by the moderators (conduct): the recipient no longer reads the message.
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_reason = models.CharField(_("why it was hidden"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        constraints = [
            # One open request at a time from one profile to another.
            models.UniqueConstraint(
                fields=["sender_profile", "recipient"],
                condition=models.Q(status="pending"),
                name="contact_request_one_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.sender_profile} → {self.recipient} ({self.status})"


class Block(models.Model):
    """``blocker`` receives no more contact requests from ``blocked``."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_made"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_received"
    )
    created_at = models.DateTimeField(_("blocked"), auto_now_add=True)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="block_once")]

    def __str__(self) -> str:
        return f"{self.blocker} ⊘ {self.blocked}"


class AbuseReport(models.Model):
    """A member's report about a contact request or a profile, for moderators."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="abuse_reports_made",
    )
    reported = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="abuse_reports_received",
    )
    contact_request = models.ForeignKey(
        ContactRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="reports"
    )
    profile = models.ForeignKey(
        Profile, on_delete=models.SET_NULL, null=True, blank=True, related_name="reports"
    )
    reason = models.TextField(_("what happened"), max_length=1000)
    #: The reported message as it was, in case the request is deleted.
    quoted_message = models.TextField(blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("abuse report")
        verbose_name_plural = _("abuse reports")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class HiddenSuggestion(models.Model):
    """A profile a member does not want suggested to them again."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hidden_suggestions"
    )
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "profile"], name="hidden_suggestion_once")
        ]

    def __str__(self) -> str:
        return f"{self.member} ⊘ {self.profile}"


class ContactStatistic(models.Model):
    """One contact request as a figure: no people, only when and how it ended."""

    request_id = models.PositiveBigIntegerField(unique=True)
    day = models.DateField(_("day"))
    recipient_kind = models.CharField(_("kind of recipient"), max_length=20)
    outcome = models.CharField(_("outcome"), max_length=10, choices=RequestStatus.choices)

    class Meta:
        verbose_name = _("contact figure")
        verbose_name_plural = _("contact figures")

    def __str__(self) -> str:
        return f"{self.day} {self.recipient_kind} {self.outcome}"
