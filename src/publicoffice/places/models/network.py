"""Municipalities, their districts, and the operators that run offices."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.core.models import TimeStampedModel
from publicoffice.places.validators import (
    normalise_org_number,
    validate_municipality_code,
    validate_organisation_number,
)


class Municipality(TimeStampedModel):
    """A Swedish municipality (kommun): it commissions offices and follows them."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    code = models.CharField(
        _("municipality code"),
        max_length=4,
        unique=True,
        validators=[validate_municipality_code],
        help_text=_("The official four-digit code (kommunkod), e.g. 0181 for Södertälje."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class District(TimeStampedModel):
    """A city district or suburb (stadsdel), where people live and offices stand."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="districts",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["municipality__name", "name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="district_unique_name_per_municipality"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality.name})"


class OperatorKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    COOPERATIVE = "cooperative", _("Cooperative")
    AREA_COMPANY = "area_company", _("Area company")
    HOUSING_COMPANY = "housing_company", _("Housing company")
    LIBRARY = "library", _("Library")
    MUNICIPALITY = "municipality", _("Municipality")
    BUSINESS = "business", _("Business")
    OTHER = "other", _("Other")


class Operator(TimeStampedModel):
    """An organisation that runs one or more offices on the municipality's behalf."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OperatorKind.choices)
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=11,
        blank=True,
        validators=[validate_organisation_number],
        help_text=_("Ten digits, e.g. 802012-3454. Never a personal identity number."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    #: The operator's promise to the people it serves (guideline 4): a public
    #: answer to every proposal within this many calendar days.
    answer_within_days = models.PositiveSmallIntegerField(
        _("answer proposals within (days)"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_("Calendar days, weekends and holidays included; from 1 to 90."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("operator")
        verbose_name_plural = _("operators")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.organisation_number:
            self.organisation_number = normalise_org_number(self.organisation_number)
