"""Where an office could be: existing offices, addresses an officer typed, imported premises."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.core.models import TimeStampedModel


class CandidateKind(models.TextChoices):
    EXISTING = "existing", _("Existing office")
    PROPOSED = "proposed", _("Proposed address")
    IMPORTED = "imported", _("Imported premises")


class Candidate(TimeStampedModel):
    """A site a scenario may choose, in SWEREF 99 TM metres like the demand cells.

    An existing office is a candidate through ``office``; a scenario keeps it
    open (fixed) or lets the model close it (removable). ``capacity`` is how
    many residents the site can serve when a scenario uses capacities; empty
    means no limit. ``batch`` names the imported list the site came from.
    """

    municipality = models.ForeignKey(
        "places.Municipality",
        on_delete=models.CASCADE,
        related_name="planning_candidates",
        verbose_name=_("municipality"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=CandidateKind.choices)
    office = models.OneToOneField(
        "places.Office",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="planning_candidate",
        verbose_name=_("office"),
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=200, blank=True)
    ref = models.CharField(_("site id"), max_length=60, blank=True)
    batch = models.CharField(_("imported list"), max_length=200, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6)
    x = models.IntegerField(_("easting (m)"))
    y = models.IntegerField(_("northing (m)"))
    capacity = models.PositiveIntegerField(_("capacity (residents)"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("candidate site")
        verbose_name_plural = _("candidate sites")

    def __str__(self) -> str:
        return self.name
