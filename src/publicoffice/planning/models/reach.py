"""Travel times measured elsewhere: a matrix of minutes from demand cells to candidate sites."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.core.models import TimeStampedModel


class TravelMatrix(TimeStampedModel):
    """An imported travel-time matrix (for example from r5py or OSRM) over one population source.

    Only pairs the file lists exist; a missing pair is out of reach.
    """

    source = models.ForeignKey(
        "planning.DemandSource",
        on_delete=models.CASCADE,
        related_name="matrices",
        verbose_name=_("population source"),
    )
    name = models.CharField(_("name"), max_length=200)
    mode = models.CharField(_("way of travelling"), max_length=60, blank=True)
    pair_count = models.PositiveIntegerField(_("pairs"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("travel-time matrix")
        verbose_name_plural = _("travel-time matrices")

    def __str__(self) -> str:
        return self.name


class TravelTime(models.Model):
    matrix = models.ForeignKey(TravelMatrix, on_delete=models.CASCADE, related_name="times")
    cell = models.ForeignKey("planning.DemandCell", on_delete=models.CASCADE, related_name="+")
    candidate = models.ForeignKey("planning.Candidate", on_delete=models.CASCADE, related_name="+")
    minutes = models.FloatField(_("minutes"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["matrix", "cell", "candidate"], name="planning_travel_time_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cell_id} → {self.candidate_id}: {self.minutes} min"
