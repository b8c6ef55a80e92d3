"""The ten guidelines every Public Office follows, stored as data.

They are data, not template text, because later work (commissioning,
self-assessments, the transparency page) assesses offices against each one
and needs to point at it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Guideline(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["number"]
        verbose_name = _("guideline")
        verbose_name_plural = _("guidelines")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"
