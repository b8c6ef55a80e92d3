"""Forms for booking pages. They turn a day and wall-clock times into aware datetimes.

The forms only check the shape of the input; every booking rule is checked
by the service, which says why in words (see ``checks.py``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publicoffice.bookings.availability import ACCESSIBILITY_NEEDS
from publicoffice.core.forms import DateInput, TimeInput
from publicoffice.core.time_format import local_moment, missing_time_message
from publicoffice.places.models import Office, OfficeStatus, Space, SpaceKind

#: The most people one booking may be for, before any rule (huge numbers are typos).
MAX_ATTENDEES = 1000


class BookingTimeForm(forms.Form):
    """A day, a start and an end time, how many people, and what for."""

    day = forms.DateField(label=_("Day"), widget=DateInput())
    start = forms.TimeField(label=_("From"), widget=TimeInput())
    end = forms.TimeField(label=_("To"), widget=TimeInput())
    attendees = forms.IntegerField(
        label=_("Number of people"), min_value=1, max_value=MAX_ATTENDEES, initial=1
    )
    purpose = forms.CharField(
        label=_("What is it for? (optional)"),
        max_length=200,
        required=False,
        help_text=_("Shown to the staff only. No personal details, please."),
    )

    def __init__(self, *args: Any, step_minutes: int = 30, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("start", "end"):
            self.fields[name].widget = TimeInput(step_minutes)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, start, end = data.get("day"), data.get("start"), data.get("end")
        if day and start and end:
            if end <= start:
                raise forms.ValidationError(_("The end must come after the start."))
            # Python would read 02:30 on the spring night as 03:30: say so instead.
            missing = {name: missing_time_message(day, data[name]) for name in ("start", "end")}
            for name, message in missing.items():
                if message:
                    self.add_error(name, forms.ValidationError(message, code="time_does_not_exist"))
            if any(missing.values()):
                return data
            data["starts_at"] = local_moment(day, start)
            data["ends_at"] = local_moment(day, end)
        return data

    @classmethod
    def initial_for(
        cls, starts_at: datetime, ends_at: datetime, attendees: int = 1
    ) -> dict[str, Any]:
        start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
        return {
            "day": start.date(),
            "start": start.time().replace(second=0, microsecond=0),
            "end": end.time().replace(second=0, microsecond=0),
            "attendees": attendees,
        }


class OnBehalfForm(BookingTimeForm):
    """Staff book for someone: a member by e-mail, or a visitor by first name."""

    space: forms.ModelChoiceField[Space] = forms.ModelChoiceField(
        label=_("Space"), queryset=Space.objects.none()
    )
    member_email = forms.EmailField(
        label=_("Member's e-mail (if they have an account)"), required=False
    )
    visitor_name = forms.CharField(
        label=_("Or the visitor's first name"), max_length=80, required=False
    )
    override_reason = forms.CharField(
        label=_("Reason for overriding a rule (optional)"),
        max_length=300,
        required=False,
        help_text=_("Only needed to book against a rule. It is logged."),
    )

    field_order = ["space", "day", "start", "end", "attendees", "member_email", "visitor_name"]

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        space_field = self.fields["space"]
        assert isinstance(space_field, forms.ModelChoiceField)
        space_field.queryset = Space.objects.filter(office=office, is_bookable=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("member_email") and not (data.get("visitor_name") or "").strip():
            raise forms.ValidationError(_("Give the member's e-mail or the visitor's first name."))
        return data


class DecisionForm(forms.Form):
    reason = forms.CharField(label=_("Reason (needed to say no)"), max_length=300, required=False)


DURATION_CHOICES = [
    (30, _("30 minutes")),
    (60, _("1 hour")),
    (90, _("1½ hours")),
    (120, _("2 hours")),
    (180, _("3 hours")),
    (240, _("4 hours")),
    (480, _("A whole day (8 hours)")),
]

NEED_LABELS = {
    "step_free_entrance": _("Step-free entrance"),
    "accessible_toilet": _("Accessible toilet"),
    "hearing_loop": _("Hearing loop"),
}


class FindForm(forms.Form):
    """The "first free slot that fits" search."""

    duration = forms.TypedChoiceField(
        label=_("How long?"), choices=DURATION_CHOICES, coerce=int, initial=60
    )
    attendees = forms.IntegerField(
        label=_("Number of people"), min_value=1, max_value=MAX_ATTENDEES, initial=1
    )
    kind = forms.ChoiceField(
        label=_("Kind of space"),
        choices=[("", _("Any kind"))] + [(k.value, k.label) for k in SpaceKind],
        required=False,
    )
    office: forms.ModelChoiceField[Office] = forms.ModelChoiceField(
        label=_("Office"),
        queryset=Office.objects.filter(status=OfficeStatus.OPEN).order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Any office"),
    )
    needs = forms.MultipleChoiceField(
        label=_("Accessibility needs"),
        choices=[(need, NEED_LABELS[need]) for need in ACCESSIBILITY_NEEDS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def week_start(raw: str | None, today: date) -> date:
    """The first day of the week view from ``?start=``; today for anything odd."""
    if raw:
        try:
            chosen = date.fromisoformat(raw[:10])
        except ValueError:
            return today
        if today - timedelta(days=31) <= chosen <= today + timedelta(days=366):
            return chosen
    return today
