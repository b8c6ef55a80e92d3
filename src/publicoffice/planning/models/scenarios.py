"""Scenarios an officer saves, and the runs that answer them with a proven quality.

A scenario is the question (which model, how many new sites, what counts as
within reach, which sites stay open, whose population); a run is one answer
to it, with the solver's objective, its certified bound and the gap between
them, and a summary of who gains access (``Run.summary``, see
``planning/services/results.py``). A scenario may be run again after the
population or the sites change; each run is kept.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.core.models import TimeStampedModel


class PlanningModel(models.TextChoices):
    MAX_COVER = "max_cover", _("Reach the most residents (maximal covering)")
    P_MEDIAN = "p_median", _("Shortest average distance (p-median)")
    SET_COVER = "set_cover", _("Fewest sites to reach a share (set covering)")


class ReachKind(models.TextChoices):
    STRAIGHT = "straight", _("Straight-line distance")
    MATRIX = "matrix", _("Imported travel times")


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")
    FAILED = "failed", _("Failed")


class Scenario(TimeStampedModel):
    """What to optimise, over which population and sites.

    ``sites`` is the number of new sites to choose (maximal covering and
    p-median); set covering instead asks for ``share`` of the residents and
    answers with the fewest sites. ``radius_m`` is the straight-line reach;
    with a matrix, ``minutes`` is. ``candidates`` is the pool the model
    chooses from; ``fixed`` are sites that stay open whatever happens
    (existing offices, by default). ``group_weights`` counts some residents
    more (``{"age_20_24": 2}``); a missing group counts 1.
    """

    municipality = models.ForeignKey(
        "places.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="planning_scenarios",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    model = models.CharField(
        _("model"), max_length=12, choices=PlanningModel.choices, default=PlanningModel.MAX_COVER
    )
    demand = models.ForeignKey(
        "planning.DemandSource",
        on_delete=models.PROTECT,
        related_name="scenarios",
        verbose_name=_("population source"),
    )
    sites = models.PositiveSmallIntegerField(_("new sites"), null=True, blank=True)
    share = models.DecimalField(
        _("share of residents to reach"), max_digits=4, decimal_places=3, null=True, blank=True
    )
    reach = models.CharField(
        _("reach"), max_length=10, choices=ReachKind.choices, default=ReachKind.STRAIGHT
    )
    preset = models.CharField(_("preset"), max_length=10, blank=True)
    radius_m = models.PositiveIntegerField(_("radius (metres)"), null=True, blank=True)
    matrix = models.ForeignKey(
        "planning.TravelMatrix",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="scenarios",
        verbose_name=_("travel-time matrix"),
    )
    minutes = models.PositiveSmallIntegerField(_("minutes"), null=True, blank=True)
    candidates = models.ManyToManyField(
        "planning.Candidate", related_name="scenarios", verbose_name=_("candidate sites")
    )
    fixed = models.ManyToManyField(
        "planning.Candidate", related_name="fixed_in", blank=True, verbose_name=_("sites kept open")
    )
    group_weights = models.JSONField(_("group weights"), default=dict, blank=True)
    use_capacities = models.BooleanField(_("use capacities"), default=False)
    gap_target = models.DecimalField(
        _("gap to stop at (%)"), max_digits=5, decimal_places=2, default=1
    )
    time_limit_s = models.PositiveSmallIntegerField(_("time limit (seconds)"), default=60)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")

    def __str__(self) -> str:
        return self.name


class Run(TimeStampedModel):
    """One answer to a scenario: the chosen sites, the proof of their quality, the summary.

    ``objective`` and ``bound`` are in the model's own unit (weighted
    residents reached, or weighted metres for p-median, or sites for set
    covering); ``gap`` is the proven relative gap between them, in percent.
    ``progress`` (0–100) and ``stage`` are written while it runs; setting
    ``cancel_requested`` stops it at the solver's next check.
    """

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="runs")
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    stage = models.CharField(_("stage"), max_length=60, blank=True)
    cancel_requested = models.BooleanField(default=False)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    objective = models.FloatField(_("objective"), null=True, blank=True)
    bound = models.FloatField(_("bound"), null=True, blank=True)
    gap = models.FloatField(_("gap (%)"), null=True, blank=True)
    seconds = models.FloatField(_("seconds"), null=True, blank=True)
    method = models.CharField(_("method"), max_length=120, blank=True)
    error_code = models.CharField(_("error code"), max_length=60, blank=True)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("run")
        verbose_name_plural = _("runs")

    def __str__(self) -> str:
        return f"{self.scenario} #{self.pk}"


class RunSite(models.Model):
    """A site open in a run's answer: kept (``is_new`` false) or newly chosen.

    ``reached`` is how many residents it reaches that no site before it in
    ``rank`` order reached (for p-median, the residents it is nearest for).
    """

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="sites")
    candidate = models.ForeignKey(
        "planning.Candidate", on_delete=models.CASCADE, related_name="run_sites"
    )
    is_new = models.BooleanField(default=True)
    rank = models.PositiveSmallIntegerField(default=0)
    reached = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(fields=["run", "candidate"], name="planning_run_site_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.run_id}: {self.candidate_id}"
