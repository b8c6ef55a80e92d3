"""Emission factors of the commuting estimate, kept as data with their sources.

A factor is grams of CO₂e per passenger-km for one variant of one way of
travelling (a petrol car, a bus, a train), with a low, a central and a high
value and the publication it comes from. Factors are data, not code, so a
platform admin can update them when a source publishes new figures, and
every published estimate can name the factors it used. The variants of one
way of travelling are weighted by ``share`` (the fleet mix); the shares of
one way of travelling sum to 1 (checked in ``reports/commuting_services.py``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.visits.models import TravelMode

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _grams(label: StrOrPromise) -> models.DecimalField[Decimal, Decimal]:
    return models.DecimalField(
        label, max_digits=8, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )


class EmissionFactor(models.Model):
    """Grams CO₂e per passenger-km for one variant of one way of travelling."""

    mode = models.CharField(_("way of travelling"), max_length=16, choices=TravelMode.choices)
    variant = models.CharField(
        _("variant"), max_length=80, help_text=_("For example “petrol car”, “bus” or “train”.")
    )
    low = _grams(_("low (g CO₂e per passenger-km)"))
    central = _grams(_("central (g CO₂e per passenger-km)"))
    high = _grams(_("high (g CO₂e per passenger-km)"))
    share = models.DecimalField(
        _("share within the way of travelling"),
        max_digits=4,
        decimal_places=3,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))],
        help_text=_(
            "The weight of this variant, e.g. its part of the car fleet; the shares of "
            "one way of travelling add up to 1."
        ),
    )
    source = models.TextField(_("source"), help_text=_("Publisher and title."))
    source_url = models.URLField(_("address of the source"), blank=True)
    year = models.PositiveSmallIntegerField(
        _("year of the figures"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Empty when the source does not say."),
    )
    note = models.TextField(_("note"), blank=True, help_text=_("How the range was worked out."))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["mode", "variant"]
        verbose_name = _("emission factor")
        verbose_name_plural = _("emission factors")
        constraints = [
            models.UniqueConstraint(fields=["mode", "variant"], name="emission_factor_variant"),
            models.CheckConstraint(
                condition=models.Q(low__gte=0)
                & models.Q(low__lte=models.F("central"))
                & models.Q(central__lte=models.F("high")),
                name="emission_factor_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_mode_display()}: {self.variant}"
