"""Calls: a municipality asks for offices (Open Contracting's *planning* stage).

A call says what is wanted, where, for how long and for how much, and how
applications will be judged: the ten guidelines are the rubric, each with a
weight and what a good answer shows, plus any criteria of the call's own.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.core.models import TimeStampedModel
from publicoffice.guidelines.models import Guideline
from publicoffice.places.models import District, Municipality

MAX_TITLE = 200
MAX_TEXT = 8000
#: Weights run from 0 (not judged in this call) to 10.
MAX_WEIGHT = 10


class CallKind(models.TextChoices):
    """An ordinary call, or an IOP: the civil-society party proposes, both follow up."""

    CALL = "call", _("Call for applications")
    IOP = "iop", _("Idea-driven public partnership (IOP)")


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for applications")
    REVIEW = "review", _("Closed, under review")
    DECIDED = "decided", _("Decided")
    CANCELLED = "cancelled", _("Cancelled")


class Call(TimeStampedModel):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="calls", verbose_name=_("municipality")
    )
    kind = models.CharField(
        _("kind"), max_length=8, choices=CallKind.choices, default=CallKind.CALL
    )
    status = models.CharField(
        _("status"), max_length=12, choices=CallStatus.choices, default=CallStatus.DRAFT
    )
    title = models.CharField(_("title"), max_length=MAX_TITLE)
    summary = models.TextField(_("what the call is about"), max_length=MAX_TEXT)
    districts = models.ManyToManyField(
        District, blank=True, related_name="calls", verbose_name=_("districts")
    )
    area = models.CharField(_("area covered, in words"), max_length=MAX_TITLE, blank=True)
    offices_wanted = models.PositiveSmallIntegerField(
        _("offices wanted"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    min_hours_per_week = models.PositiveSmallIntegerField(
        _("least opening hours a week"),
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(168)],
    )
    target_groups = models.TextField(_("target groups"), max_length=MAX_TEXT, blank=True)
    criteria = models.TextField(_("criteria"), max_length=MAX_TEXT, blank=True)
    period_starts = models.DateField(_("commission starts"))
    period_ends = models.DateField(_("commission ends"))
    budget_sek = models.PositiveIntegerField(
        _("budget that may be granted (SEK)"),
        help_text=_("Operators may be funded; visitors never pay."),
    )
    deadline = models.DateTimeField(_("application deadline"))
    decision_days = models.PositiveSmallIntegerField(
        _("days to decide after the deadline"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-deadline"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_ends__gt=models.F("period_starts")),
                name="call_period_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def ocid(self) -> str:
        """One Open Contracting id per process, from the call to the last report."""
        return f"{settings.OCDS_PREFIX}-call-{self.pk}"


class CallGuideline(models.Model):
    """One guideline as a line of the call's rubric."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="rubric")
    guideline = models.ForeignKey(Guideline, on_delete=models.PROTECT, related_name="+")
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MaxValueValidator(MAX_WEIGHT)]
    )
    good_answer = models.TextField(_("what a good answer shows"), max_length=MAX_TEXT, blank=True)

    class Meta:
        ordering = ["guideline__number"]
        constraints = [
            models.UniqueConstraint(fields=["call", "guideline"], name="call_guideline_once"),
            models.CheckConstraint(
                condition=models.Q(weight__lte=MAX_WEIGHT), name="call_guideline_weight_max"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.call} · {self.guideline_id}"


class CallCriterion(models.Model):
    """A criterion of the call's own, scored beside the guidelines."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="extra_criteria")
    title = models.CharField(_("criterion"), max_length=MAX_TITLE)
    description = models.TextField(_("what a good answer shows"), max_length=MAX_TEXT, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MaxValueValidator(MAX_WEIGHT)]
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weight__lte=MAX_WEIGHT), name="call_criterion_weight_max"
            )
        ]

    def __str__(self) -> str:
        return self.title


class CallDocument(TimeStampedModel):
    """A document published with the call; stored under MEDIA_ROOT, served by a view."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=MAX_TITLE)
    file = models.CharField(max_length=120)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.title


class CallFollower(TimeStampedModel):
    """Someone told by e-mail when the call changes, closes and is decided."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="followers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_calls"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["call", "user"], name="call_follower_once")]
