"""Offices, the spaces inside them, and their amenities and staff languages."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from publicoffice.core.models import TimeStampedModel
from publicoffice.places.models.network import District, Municipality, Operator
from publicoffice.places.opening_hours import OpeningSchedule
from publicoffice.places.validators import validate_office_slug


class Amenity(models.Model):
    """Something an office offers, like wifi or a printer (a filterable fact)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("amenity")
        verbose_name_plural = _("amenities")

    def __str__(self) -> str:
        return str(self.name)


class Language(models.Model):
    """A language staff can speak with visitors (BCP 47 code and its own name)."""

    code = models.CharField(_("code"), max_length=12, unique=True)
    endonym = models.CharField(
        _("name in the language itself"), max_length=60, help_text=_("For example العربية.")
    )
    name = models.CharField(_("name"), max_length=60)

    class Meta:
        ordering = ["code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return str(self.name)


class OfficeKind(models.TextChoices):
    PUBLIC_OFFICE = "public_office", _("Public Office")
    MEETING_PLACE = "meeting_place", _("Other meeting place")


class OfficeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    OPEN = "open", _("Open")
    PAUSED = "paused", _("Paused")
    CLOSED = "closed", _("Closed down")


class OfficeQuerySet(models.QuerySet["Office"]):
    def public(self) -> OfficeQuerySet:
        """Offices a visitor may see: everything but those closed down for good."""
        return self.exclude(status=OfficeStatus.CLOSED)


class Office(TimeStampedModel):
    """A Public Office or another meeting place of the network."""

    slug = models.SlugField(
        _("address name"), max_length=80, unique=True, validators=[validate_office_slug]
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=32, choices=OfficeKind.choices, default=OfficeKind.PUBLIC_OFFICE
    )
    status = models.CharField(
        _("status"), max_length=16, choices=OfficeStatus.choices, default=OfficeStatus.PLANNED
    )
    operator = models.ForeignKey(
        Operator, on_delete=models.PROTECT, related_name="offices", verbose_name=_("operator")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="offices",
        verbose_name=_("municipality"),
    )
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="offices",
        null=True,
        blank=True,
        verbose_name=_("district"),
    )
    street_address = models.CharField(_("street address"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), help_text=_("How many visitors the premises hold at once.")
    )
    amenities = models.ManyToManyField(
        Amenity, blank=True, related_name="offices", verbose_name=_("amenities")
    )
    staff_languages = models.ManyToManyField(
        Language, blank=True, related_name="offices", verbose_name=_("languages spoken by staff")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    objects = OfficeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1), name="office_capacity_positive"
            )
        ]

    def __str__(self) -> str:
        return str(self.name)

    def get_absolute_url(self) -> str:
        return reverse("places:office", kwargs={"slug": self.slug})

    def schedule(self) -> OpeningSchedule:
        """The office's opening hours as a calculable schedule.

        Built once per instance; list selectors attach it in bulk
        (:func:`publicoffice.places.selectors.attach_schedules`).
        """
        cached: OpeningSchedule | None = getattr(self, "_schedule", None)
        if cached is None:
            cached = OpeningSchedule.for_office(self)
            self._schedule = cached
        return cached

    def is_open(self, at: datetime) -> bool:
        return self.status == OfficeStatus.OPEN and self.schedule().is_open(at)


class SpaceKind(models.TextChoices):
    OPEN_DESK_AREA = "open_desk_area", _("Open desk area")
    DESK = "desk", _("Desk")
    MEETING_ROOM = "meeting_room", _("Meeting room")
    QUIET_ROOM = "quiet_room", _("Quiet room")
    WORKSHOP = "workshop", _("Workshop")
    HALL = "hall", _("Hall")


class Space(TimeStampedModel):
    """A part of an office that people use: a desk, a room, a hall."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="spaces", verbose_name=_("office")
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=32, choices=SpaceKind.choices)
    capacity = models.PositiveIntegerField(_("capacity"), default=1)
    is_bookable = models.BooleanField(_("bookable"), default=False)

    class Meta:
        ordering = ["office", "kind", "name"]
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1), name="space_capacity_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.office})"
