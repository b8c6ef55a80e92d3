"""Invitations: how an operator admin brings a new host on board by e-mail.

An invitation names one office, the role (host, for now), the named
permissions the host will hold and the language of the e-mail. The link in
that e-mail carries a random token; only its SHA-256 is kept, so a copy of
the database opens no invitation. A link works once, for seven days, and
until it is revoked.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.models import Role
from publicoffice.core.languages import LANGUAGES

#: How long an invitation's link works.
INVITATION_VALID_FOR = timedelta(days=7)


def hash_token(token: str) -> str:
    """What is kept of a token: its SHA-256 (the token itself is only e-mailed)."""
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationState(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")


class Invitation(models.Model):
    """An invitation to become a host of one office, sent to one e-mail address."""

    office = models.ForeignKey(
        "places.Office",
        on_delete=models.CASCADE,
        related_name="staff_invitations",
        verbose_name=_("office"),
    )
    role = models.CharField(
        _("role"), max_length=32, choices=[(Role.HOST, Role.HOST.label)], default=Role.HOST
    )
    permissions = models.JSONField(_("named permissions"), default=list, blank=True)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language of the e-mail"), max_length=8, choices=LANGUAGES)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} ({self.office})"

    @property
    def expires_at(self) -> datetime:
        return self.created_at + INVITATION_VALID_FOR

    def state(self, now: datetime) -> InvitationState:
        """Where the invitation stands at ``now``: used, revoked, too old, or open."""
        if self.accepted_at is not None:
            return InvitationState.ACCEPTED
        if self.revoked_at is not None:
            return InvitationState.REVOKED
        if now >= self.expires_at:
            return InvitationState.EXPIRED
        return InvitationState.PENDING
