"""Applications: operators answer a call (Open Contracting's *tender* stage).

One operator leads; others may join as co-applicants, each confirmed by its
own admin. The applicant marks sections that hold personal data or business
secrets as private: the published decision leaves them out.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.commissioning.models.calls import MAX_TEXT, MAX_TITLE, Call
from publicoffice.core.models import TimeStampedModel
from publicoffice.guidelines.models import Guideline
from publicoffice.places.models import District, Operator


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    INFO_REQUESTED = "info_requested", _("More information asked for")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Section(models.TextChoices):
    """The parts of an application in words, each of which may be marked private."""

    RESIDENTS = "residents", _("Who lives and works here")
    EXISTING = "existing", _("What exists already")
    MISSING = "missing", _("What is missing")
    STAFFING = "staffing", _("Staffing")
    PARTNERSHIPS = "partnerships", _("Partnerships")
    BUDGET = "budget", _("Budget")


class Application(TimeStampedModel):
    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications")
    lead = models.ForeignKey(
        Operator, on_delete=models.PROTECT, related_name="led_applications", verbose_name=_("lead")
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    title = models.CharField(_("name of the proposal"), max_length=MAX_TITLE)
    residents = models.TextField(Section.RESIDENTS.label, max_length=MAX_TEXT, blank=True)
    existing = models.TextField(Section.EXISTING.label, max_length=MAX_TEXT, blank=True)
    missing = models.TextField(Section.MISSING.label, max_length=MAX_TEXT, blank=True)
    staffing = models.TextField(Section.STAFFING.label, max_length=MAX_TEXT, blank=True)
    partnerships = models.TextField(Section.PARTNERSHIPS.label, max_length=MAX_TEXT, blank=True)
    budget = models.TextField(Section.BUDGET.label, max_length=MAX_TEXT, blank=True)
    budget_sek = models.PositiveIntegerField(_("funding asked for (SEK)"), default=0)
    #: Sections (``Section`` values) the applicant marked as private.
    private_sections = models.JSONField(default=list, blank=True)
    contact_email = models.EmailField(_("contact e-mail for this application"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    #: The receipt's number, given at submission ("2027-0181-3").
    receipt = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["call", "submitted_at", "pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "lead"],
                condition=~models.Q(status="withdrawn"),
                name="application_one_per_lead_and_call",
            )
        ]
        indexes = [models.Index(fields=["call", "status"])]

    def __str__(self) -> str:
        return self.title

    def section_text(self, section: str) -> str:
        return str(getattr(self, Section(section).value))

    def is_private(self, section: str) -> bool:
        return section in (self.private_sections or [])


class CoApplicant(TimeStampedModel):
    """Another operator applying together with the lead; it counts once confirmed."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="co_applicants"
    )
    operator = models.ForeignKey(Operator, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("its part in the work"), max_length=MAX_TITLE, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "operator"], name="co_applicant_once")
        ]


class PlannedOffice(models.Model):
    """An office the applicants plan to open; it becomes a real office on approval."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="planned_offices"
    )
    name = models.CharField(_("name"), max_length=MAX_TITLE)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
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
    premises = models.TextField(_("premises"), max_length=MAX_TEXT, blank=True)
    opening_hours = models.TextField(_("opening hours"), max_length=MAX_TEXT, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(
        _("opening hours a week"), validators=[MaxValueValidator(168)]
    )
    spaces = models.TextField(_("spaces"), max_length=MAX_TEXT, blank=True)
    accessibility = models.TextField(_("accessibility"), max_length=MAX_TEXT, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), validators=[MinValueValidator(1), MaxValueValidator(10000)]
    )
    #: The office made from this plan when the application was approved.
    office = models.OneToOneField(
        "places.Office", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class GuidelinePlan(models.Model):
    """What the applicants commit to under one guideline, and how."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="guideline_plans"
    )
    guideline = models.ForeignKey(Guideline, on_delete=models.PROTECT, related_name="+")
    commitment = models.TextField(_("commitment"), max_length=MAX_TEXT, blank=True)
    plan = models.TextField(_("plan"), max_length=MAX_TEXT, blank=True)

    class Meta:
        ordering = ["guideline__number"]
        constraints = [
            models.UniqueConstraint(fields=["application", "guideline"], name="guideline_plan_once")
        ]

    def __str__(self) -> str:
        return f"{self.application} · {self.guideline_id}"


class InfoRequest(TimeStampedModel):
    """The municipality asked the applicant for more: the review clock stops until answered."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="info_requests"
    )
    question = models.TextField(_("what is asked"), max_length=MAX_TEXT)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    asked_at = models.DateTimeField(_("asked"))
    answer = models.TextField(_("answer"), max_length=MAX_TEXT, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "pk"]
