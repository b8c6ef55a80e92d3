"""The ten guidelines every Public Office follows, stored as data.

They are data, not template text, because later work (commissioning,
self-assessments, the transparency page) assesses offices against each one
and needs to point at it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.core.languages import LANGUAGES
from publicoffice.core.models import TimeStampedModel
from publicoffice.core.text import one_line


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


#: Longest description in an accessibility report, and longest page address.
MAX_REPORT_TEXT = 2000
MAX_REPORT_PAGE = 300


class AccessibilityReport(TimeStampedModel):
    """A problem reported through the accessibility statement, or a request
    for content in an accessible form.

    The DOS law asks for a way to report problems; keeping each report means
    none is lost if an e-mail is. Only what the person chose to write is
    kept: no account, no IP address.
    """

    description = models.TextField(_("what is the problem"), max_length=MAX_REPORT_TEXT)
    page_address = models.CharField(_("page"), max_length=MAX_REPORT_PAGE, blank=True)
    email = models.EmailField(_("e-mail address for the answer"), blank=True)
    language = models.CharField(_("language of the page"), max_length=8, choices=LANGUAGES)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("accessibility report")
        verbose_name_plural = _("accessibility reports")

    def __str__(self) -> str:
        return one_line(self.description)[:60]
