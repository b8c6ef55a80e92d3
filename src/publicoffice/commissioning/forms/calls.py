"""Forms of the call pages: the shape of the input; the services check the rest.

The deadline is asked as a local day and a wall-clock time, as an officer
thinks of it ("30 April at 23:59"); the form turns it into a moment in
Stockholm's zone and refuses a time the clocks skip. Whether it is in the
future and before the commission starts is the service's to say, so the
API and the pages meet the same rule.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from publicoffice.commissioning.models import CallGuideline, CallKind
from publicoffice.commissioning.models.calls import MAX_TEXT, MAX_TITLE, MAX_WEIGHT
from publicoffice.commissioning.services.calls import REASON_MAX, CallFields
from publicoffice.core.errors import ErrorCode
from publicoffice.core.forms import DateInput, TimeInput
from publicoffice.core.time_format import local, local_moment, missing_time_message
from publicoffice.places.models import District, Municipality

#: Where a service's refusal is shown, when it names no field of the form.
FIELD_OF_CODE: dict[str, str] = {
    ErrorCode.DEADLINE_INVALID: "deadline_day",
    ErrorCode.TIME_DOES_NOT_EXIST: "deadline_time",
    ErrorCode.DOCUMENT_INVALID: "file",
}


def _text(label: Any, limit: int, *, required: bool = False, rows: int = 5, **kw: Any) -> Any:
    return forms.CharField(
        label=label,
        required=required,
        max_length=limit,
        widget=forms.Textarea(attrs={"rows": str(rows), "dir": "auto"}),
        **kw,
    )


def _line(label: Any, limit: int = MAX_TITLE, *, required: bool = True, **kw: Any) -> Any:
    return forms.CharField(
        label=label,
        required=required,
        max_length=limit,
        widget=forms.TextInput(attrs={"dir": "auto"}),
        **kw,
    )


class CallForm(forms.Form):
    municipality = forms.TypedChoiceField(label=_("Municipality"), coerce=int)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=CallKind.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "An IOP is a partnership: the civil-society party proposes what it will do, "
            "and both parties follow it up together."
        ),
    )
    title = _line(_("Title"))
    summary = _text(_("What is wanted"), MAX_TEXT, required=True, rows=8)
    districts = forms.TypedMultipleChoiceField(
        label=_("Districts"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    area = _line(_("Area covered, in words"), required=False)
    offices_wanted = forms.IntegerField(label=_("Offices wanted"), min_value=1, max_value=50)
    min_hours_per_week = forms.IntegerField(
        label=_("Least opening hours a week"), min_value=1, max_value=168
    )
    target_groups = _text(_("Target groups"), MAX_TEXT)
    criteria = _text(_("Criteria in words"), MAX_TEXT)
    period_starts = forms.DateField(label=_("Commission starts"), widget=DateInput())
    period_ends = forms.DateField(label=_("Commission ends"), widget=DateInput())
    budget_sek = forms.IntegerField(
        label=_("Budget that may be granted (SEK)"), min_value=0, max_value=2_000_000_000
    )
    deadline_day = forms.DateField(label=_("Deadline: day"), widget=DateInput())
    deadline_time = forms.TimeField(
        label=_("Deadline: time (Swedish time)"),
        widget=TimeInput(step_minutes=1),
        help_text=_("Applications are taken until this minute, Swedish time."),
    )
    decision_days = forms.IntegerField(
        label=_("Days to decide after the deadline"), min_value=1, max_value=365
    )
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)

    def __init__(
        self,
        *args: Any,
        municipalities: list[Municipality],
        districts: list[District],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        municipality = self.fields["municipality"]
        districts_field = self.fields["districts"]
        assert isinstance(municipality, forms.ChoiceField)
        assert isinstance(districts_field, forms.ChoiceField)
        municipality.choices = [(m.pk, m.name) for m in municipalities]
        many = len(municipalities) > 1
        districts_field.choices = [
            (d.pk, f"{d.name} ({d.municipality.name})" if many else d.name) for d in districts
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, wall = data.get("deadline_day"), data.get("deadline_time")
        if day and wall:
            message = missing_time_message(day, wall)
            if message:
                self.add_error("deadline_time", message)
        return data

    def deadline(self) -> datetime:
        return local_moment(self.cleaned_data["deadline_day"], self.cleaned_data["deadline_time"])

    def fields_for_service(self) -> CallFields:
        data = self.cleaned_data
        return CallFields(
            kind=data["kind"],
            title=data["title"],
            summary=data["summary"],
            period_starts=data["period_starts"],
            period_ends=data["period_ends"],
            budget_sek=data["budget_sek"],
            deadline=self.deadline(),
            district_ids=tuple(data["districts"]),
            area=data["area"],
            offices_wanted=data["offices_wanted"],
            min_hours_per_week=data["min_hours_per_week"],
            target_groups=data["target_groups"],
            criteria=data["criteria"],
            decision_days=data["decision_days"],
            contact_email=data["contact_email"],
        )


def initial_of(call: Any) -> dict[str, Any]:
    """The form's values for an existing call (the deadline on the local wall clock)."""
    wall = local(call.deadline)
    names = (
        "kind", "title", "summary", "area", "offices_wanted", "min_hours_per_week",
        "target_groups", "criteria", "period_starts", "period_ends", "budget_sek",
        "decision_days", "contact_email",
    )  # fmt: skip
    return {
        **{name: getattr(call, name) for name in names},
        "municipality": call.municipality_id,
        "districts": [d.pk for d in call.districts.all()],
        "deadline_day": wall.date(),
        "deadline_time": wall.time().replace(second=0, microsecond=0),
    }


DEFAULTS = {"offices_wanted": 1, "min_hours_per_week": 20, "decision_days": 60, "kind": "call"}


class RubricForm(forms.Form):
    """One weight (0–10) and one "what a good answer shows" per guideline of the rubric."""

    def __init__(self, *args: Any, rubric: list[CallGuideline], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rubric = rubric
        for line in rubric:
            gid = line.guideline_id
            self.fields[f"weight_{gid}"] = forms.IntegerField(
                label=_("Weight"), min_value=0, max_value=MAX_WEIGHT, initial=line.weight
            )
            self.fields[f"good_{gid}"] = _text(
                _("What a good answer shows"), MAX_TEXT, rows=3, initial=line.good_answer
            )

    def pairs(self) -> list[tuple[CallGuideline, Any, Any]]:
        return [(line, self[f"weight_{line.guideline_id}"], self[f"good_{line.guideline_id}"])
                for line in self.rubric]  # fmt: skip

    def lines(self) -> dict[int, tuple[int, str]]:
        data = self.cleaned_data
        return {
            gid: (data[f"weight_{gid}"], data[f"good_{gid}"])
            for gid in (line.guideline_id for line in self.rubric)
        }


class CriterionForm(forms.Form):
    prefix = "criterion"

    title = _line(_("Criterion"))
    description = _text(_("What a good answer shows"), MAX_TEXT, rows=3)
    weight = forms.IntegerField(label=_("Weight"), min_value=0, max_value=MAX_WEIGHT, initial=1)


class DocumentForm(forms.Form):
    title = _line(_("Title of the document"))
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, OpenDocument or Word/Excel file of at most 10 MB."),
    )


class CancelForm(forms.Form):
    reason = _text(
        _("Why is the call cancelled?"),
        REASON_MAX,
        required=True,
        help_text=_("Everyone following the call receives this by e-mail."),
    )
