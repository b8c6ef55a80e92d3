"""The forms of applying: they read and type the input; the services judge it.

Lengths are checked here too (so a 10,000-character text is refused with its
field named before anything is saved), and again by the services.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from publicoffice.commissioning.models import Application, GuidelinePlan, Section
from publicoffice.commissioning.models.calls import MAX_TEXT, MAX_TITLE
from publicoffice.places.models import District, Operator


def _area(label: Any, *, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
    )


def _line(label: Any, *, required: bool = True, max_length: int = MAX_TITLE) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )


class StartForm(forms.Form):
    lead = forms.ModelChoiceField(
        label=_("Operator that leads the application"),
        queryset=Operator.objects.none(),
        empty_label=None,
    )
    title = _line(_("Name of the proposal"))
    contact_email = forms.EmailField(label=_("Contact e-mail for this application"))

    def __init__(self, *args: Any, operators: QuerySet[Operator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["lead"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = operators
        if len(operators) == 1:
            field.widget = forms.HiddenInput()
            field.initial = operators[0].pk


class ApplicationForm(forms.Form):
    """The needs analysis and the rest in words; a private box per section."""

    title = _line(_("Name of the proposal"))
    contact_email = forms.EmailField(label=_("Contact e-mail for this application"))
    budget_sek = forms.IntegerField(
        label=_("Funding asked for (SEK)"), min_value=0, max_value=2_000_000_000
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for section in Section:
            self.fields[section.value] = _area(section.label)
            self.fields[f"private_{section.value}"] = forms.BooleanField(
                label=_("Private: personal data or business secrets"), required=False
            )

    @classmethod
    def initial_of(cls, application: Application) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "title": application.title,
            "contact_email": application.contact_email,
            "budget_sek": application.budget_sek,
        }
        for section in Section:
            initial[section.value] = application.section_text(section)
            initial[f"private_{section.value}"] = application.is_private(section)
        return initial

    def sections(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[s.value], self[f"private_{s.value}"]) for s in Section]

    def texts(self) -> dict[str, str]:
        return {s.value: self.cleaned_data[s.value] for s in Section}

    def private_sections(self) -> list[str]:
        return [s.value for s in Section if self.cleaned_data[f"private_{s.value}"]]


class PlansForm(forms.Form):
    """A commitment and a plan for each guideline of the call's rubric."""

    def __init__(self, *args: Any, plans: list[GuidelinePlan], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plans = plans
        for plan in plans:
            self.fields[f"commitment_{plan.guideline_id}"] = _area(_("Commitment"))
            self.fields[f"plan_{plan.guideline_id}"] = _area(_("How you will do it"))
            self.initial.setdefault(f"commitment_{plan.guideline_id}", plan.commitment)
            self.initial.setdefault(f"plan_{plan.guideline_id}", plan.plan)

    def fieldsets(self) -> list[tuple[GuidelinePlan, forms.BoundField, forms.BoundField]]:
        return [
            (p, self[f"commitment_{p.guideline_id}"], self[f"plan_{p.guideline_id}"])
            for p in self.plans
        ]

    def values(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {
            p.guideline_id: (data[f"commitment_{p.guideline_id}"], data[f"plan_{p.guideline_id}"])
            for p in self.plans
        }


class PlannedOfficeForm(forms.Form):
    name = _line(_("Name"))
    district = forms.ModelChoiceField(
        label=_("District"), queryset=District.objects.none(), required=False
    )
    street_address = _line(_("Street address"), max_length=200)
    postal_code = _line(_("Postal code"), required=False, max_length=10)
    city = _line(_("City"), max_length=100)
    latitude = forms.DecimalField(
        label=_("Latitude"), max_digits=8, decimal_places=6, min_value=-90, max_value=90
    )
    longitude = forms.DecimalField(
        label=_("Longitude"), max_digits=9, decimal_places=6, min_value=-180, max_value=180
    )
    premises = _area(_("Premises"))
    opening_hours = _area(_("Opening hours"))
    hours_per_week = forms.IntegerField(label=_("Opening hours a week"), min_value=0, max_value=168)
    spaces = _area(_("Spaces"))
    accessibility = _area(_("Accessibility"))
    capacity = forms.IntegerField(
        label=_("Capacity (people at once)"), min_value=1, max_value=10000
    )

    def __init__(self, *args: Any, districts: QuerySet[District], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["district"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = districts


class CoApplicantForm(forms.Form):
    operator = forms.ModelChoiceField(
        label=_("Operator"), queryset=Operator.objects.none(), empty_label=None
    )
    role = _line(_("Its part in the work"), required=False)

    def __init__(self, *args: Any, operators: QuerySet[Operator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["operator"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = operators


class AnswerForm(forms.Form):
    """A co-applicant's yes or no."""

    answer = forms.ChoiceField(choices=[("confirm", "confirm"), ("decline", "decline")])
