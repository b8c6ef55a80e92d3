""" "Here today": a member shows one of their profiles at the office they
checked in to.

Presence is tied to the visit and derived from it: it shows while the visit
is open (not checked out, not past its automatic end at closing or the
longest stay). No job has to end it.
"""

from __future__ import annotations

from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.community.models.profiles import Profile
from publicoffice.places.models import Office
from publicoffice.visits.models import Visit


class Audience(models.TextChoices):
    MEMBERS = "members", _("Members only")
    PUBLIC = "public", _("Everyone")


class PresenceQuerySet(models.QuerySet["Presence"]):
    def current(self, at: datetime) -> PresenceQuerySet:
        """Presences whose visit is still open at ``at``."""
        return self.filter(
            visit__started_at__lte=at,
            visit__auto_end_at__gt=at,
            visit__checked_out_at__isnull=True,
            visit__removed_at__isnull=True,
        )


class Presence(models.Model):
    """One profile shown as here today for the length of one visit."""

    visit = models.OneToOneField(Visit, on_delete=models.CASCADE, related_name="presence")
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="presences")
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="presences")
    audience = models.CharField(
        _("shown to"), max_length=10, choices=Audience.choices, default=Audience.MEMBERS
    )
    created_at = models.DateTimeField(_("shown since"), auto_now_add=True)

    objects = PresenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("here today")
        verbose_name_plural = _("here today")

    def __str__(self) -> str:
        return f"{self.profile} @ {self.office}"
