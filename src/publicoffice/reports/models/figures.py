"""Figures kept apart from the facts: roll-ups per scope and day, and what is published.

* :class:`DayFigure` holds one number per scope (an office, an operator, a
  municipality, the network), local day, metric and key (a breakdown such
  as the kind of check-in). Office rows are computed from the facts; the
  rows of the wider scopes are sums of their offices' rows, kept so that a
  municipality's year costs as much to read as one office's year.
* :class:`StaleDay` marks an office's day whose facts changed since its
  rows were computed; the refresh recomputes it and removes the mark.
* :class:`PublishedFigure` is what the public sees: whole months and years,
  after the disclosure rule (:mod:`publicoffice.core.disclosure`) hid what
  could single somebody out. A hidden figure has no value and a flag.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.places.models import Office


class ScopeKind(models.TextChoices):
    OFFICE = "office", _("Office")
    OPERATOR = "operator", _("Operator")
    MUNICIPALITY = "municipality", _("Municipality")
    NETWORK = "network", _("The whole network")


class DayFigure(models.Model):
    """One number of one scope on one local day (``scope_id`` is 0 for the network)."""

    scope = models.CharField(_("scope"), max_length=12, choices=ScopeKind.choices)
    scope_id = models.PositiveIntegerField(_("scope id"))
    day = models.DateField(_("day"))
    metric = models.CharField(_("metric"), max_length=40)
    key = models.CharField(_("breakdown"), max_length=64, blank=True)
    value = models.BigIntegerField(_("value"))

    class Meta:
        verbose_name = _("daily figure")
        verbose_name_plural = _("daily figures")
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "scope_id", "day", "metric", "key"], name="day_figure_cell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope}:{self.scope_id} {self.day} {self.metric}[{self.key}]={self.value}"


class StaleDay(models.Model):
    """An office's day whose facts of one family changed; recomputed by the refresh."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    family = models.CharField(max_length=16)
    marked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # No unique constraint on purpose: a writer never waits for, or fails
        # on, a mark the refresh is processing; duplicates are merged on read.
        indexes = [models.Index(fields=["office", "day"], name="stale_day_office")]

    def __str__(self) -> str:
        return f"{self.office_id} {self.day} {self.family}"


class PublishedFigure(models.Model):
    """A figure as the public sees it: whole months (``month`` 1–12) and years (0)."""

    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"))
    scope = models.CharField(_("scope"), max_length=12, choices=ScopeKind.choices)
    scope_id = models.PositiveIntegerField(_("scope id"))
    metric = models.CharField(_("metric"), max_length=40)
    key = models.CharField(_("breakdown"), max_length=64, blank=True)
    #: A count, minutes, or a median in days (one decimal); None when hidden.
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=1, null=True, blank=True)
    flag = models.CharField(_("why hidden"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("published figure")
        verbose_name_plural = _("published figures")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "scope", "scope_id", "metric", "key", "month"],
                name="published_figure_cell",
            )
        ]

    def __str__(self) -> str:
        return f"{self.year}-{self.month} {self.scope}:{self.scope_id} {self.metric}[{self.key}]"


class RefreshLock(models.Model):
    """One row; the refresh and the rebuild lock it so they never run at once."""

    taken_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"refresh lock ({self.taken_at})"


class Publication(models.Model):
    """When a year's public figures were last worked out, and up to which month."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    through_month = models.PositiveSmallIntegerField(_("last whole month"))
    published_at = models.DateTimeField(_("published"))

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self) -> str:
        return f"{self.year} (to month {self.through_month})"
