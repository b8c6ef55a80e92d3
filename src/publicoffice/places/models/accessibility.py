"""Accessibility facts per office, in the categories visitors recognise.

The five categories follow Tillgänglighetsdatabasen (the Swedish
accessibility database): moving, seeing, hearing, substances and allergy,
and processing information. The single facts (step-free entrance,
wheelchair, toilet, hearing loop) match OpenStreetMap tags so they can be
exported as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.core.content_language import shown_language
from publicoffice.places.models.offices import Office

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Availability(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Not known")


class Wheelchair(models.TextChoices):
    """OpenStreetMap's ``wheelchair=*`` values."""

    YES = "yes", _("Fully accessible by wheelchair")
    LIMITED = "limited", _("Partly accessible by wheelchair")
    NO = "no", _("Not accessible by wheelchair")
    UNKNOWN = "", _("Not known")


CATEGORIES: list[tuple[str, StrOrPromise]] = [
    ("moving", _("Moving")),
    ("seeing", _("Seeing")),
    ("hearing", _("Hearing")),
    ("substances", _("Substances and allergy")),
    ("information", _("Processing information")),
]


def _status_field(label: StrOrPromise) -> models.CharField:
    return models.CharField(
        label, max_length=8, choices=Availability.choices, default=Availability.UNKNOWN
    )


class AccessibilityFacts(models.Model):
    """What a visitor with a disability needs to know before coming."""

    office = models.OneToOneField(
        Office, on_delete=models.CASCADE, related_name="accessibility", verbose_name=_("office")
    )
    moving = _status_field(_("accessible when moving with difficulty"))
    moving_text = models.TextField(_("about moving"), blank=True)
    seeing = _status_field(_("accessible when seeing with difficulty"))
    seeing_text = models.TextField(_("about seeing"), blank=True)
    hearing = _status_field(_("accessible when hearing with difficulty"))
    hearing_text = models.TextField(_("about hearing"), blank=True)
    substances = _status_field(_("suitable for allergy and sensitivity to substances"))
    substances_text = models.TextField(_("about substances and allergy"), blank=True)
    information = _status_field(_("suitable for difficulty processing information"))
    information_text = models.TextField(_("about processing information"), blank=True)
    step_free_entrance = models.BooleanField(_("step-free entrance"), null=True, blank=True)
    wheelchair = models.CharField(
        _("wheelchair"), max_length=8, choices=Wheelchair.choices, blank=True, default=""
    )
    accessible_toilet = models.BooleanField(_("accessible toilet"), null=True, blank=True)
    hearing_loop = models.BooleanField(_("hearing loop"), null=True, blank=True)

    class Meta:
        verbose_name = _("accessibility facts")
        verbose_name_plural = _("accessibility facts")

    def __str__(self) -> str:
        return str(_("Accessibility of %(office)s") % {"office": self.office})

    def categories(self) -> list[dict[str, object]]:
        """The five categories as rows for templates and the API."""
        return [
            {
                "key": key,
                "label": label,
                "status": getattr(self, key),
                "status_label": Availability(getattr(self, key)).label,
                "text": getattr(self, f"{key}_text"),
                "text_lang": shown_language(self, f"{key}_text"),
            }
            for key, label in CATEGORIES
        ]
