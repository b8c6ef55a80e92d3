"""Where people live: population grids imported from Statistics Sweden or elsewhere.

Every coordinate is stored in SWEREF 99 TM (EPSG:3006), Sweden's metric
reference system, as whole metres: distances are then plain Euclidean
arithmetic, and a national grid fits in integers. Imports transform other
systems on the way in (``planning/imports``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.core.models import TimeStampedModel


class DemandKind(models.TextChoices):
    SCB_GRID = "scb_grid", _("Statistics Sweden population grid")
    CSV = "csv", _("CSV file")
    GEOPACKAGE = "geopackage", _("GeoPackage file")
    SYNTHETIC = "synthetic", _("Synthetic (made up for the demo)")


class ImportStatus(models.TextChoices):
    IMPORTING = "importing", _("Importing")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class DemandSource(TimeStampedModel):
    """One imported population grid; its cells are written only once the whole file is valid.

    ``municipality`` is empty for a national grid, which only platform admins
    manage. ``groups`` lists the population groups the cells count (for
    example age bands), in the order of the file: ``[{"key": "age_20_24",
    "label": "20–24"}]``.
    """

    municipality = models.ForeignKey(
        "places.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="demand_sources",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=DemandKind.choices)
    attribution = models.CharField(_("source and licence"), max_length=300, blank=True)
    cell_size_m = models.PositiveIntegerField(_("cell size (metres)"), null=True, blank=True)
    groups = models.JSONField(_("population groups"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.IMPORTING
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    error_code = models.CharField(_("error code"), max_length=60, blank=True)
    error_message = models.TextField(_("error"), blank=True)
    cell_count = models.PositiveIntegerField(_("cells"), default=0)
    population = models.PositiveBigIntegerField(_("population"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("population source")
        verbose_name_plural = _("population sources")

    def __str__(self) -> str:
        return self.name

    @property
    def is_synthetic(self) -> bool:
        return self.kind == DemandKind.SYNTHETIC


class DemandCell(models.Model):
    """One grid cell (or point) and the people counted in it.

    ``x`` and ``y`` are the cell's centre in SWEREF 99 TM metres. ``groups``
    counts the population groups of the source (``{"age_20_24": 31}``).
    ``district`` is the district the cell lies in when the file or the
    nearest office says so; it lets results be read per district.
    """

    source = models.ForeignKey(DemandSource, on_delete=models.CASCADE, related_name="cells")
    ref = models.CharField(_("cell id"), max_length=40)
    x = models.IntegerField(_("easting (m)"))
    y = models.IntegerField(_("northing (m)"))
    population = models.PositiveIntegerField(_("population"))
    groups = models.JSONField(_("population groups"), default=dict, blank=True)
    district = models.ForeignKey(
        "places.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district"),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "ref"], name="planning_cell_ref_unique"),
        ]
        verbose_name = _("population cell")
        verbose_name_plural = _("population cells")

    def __str__(self) -> str:
        return self.ref
