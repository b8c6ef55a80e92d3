"""Forms of the conduct pages: the shape of the input; the services judge the rest.

Required texts and their lengths are the services' to refuse, so the pages
and the API meet the same rules and each page shows the refusal at its field.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from publicoffice.conduct.models import (
    AppealOutcome,
    Category,
    SanctionKind,
    SanctionScope,
    Severity,
)
from publicoffice.core.forms import DateInput, TimeInput
from publicoffice.core.timeutils import local_zone
from publicoffice.places.restrictions import MemberAction

ACTION_LABELS = {
    MemberAction.BOOK: pgettext_lazy("restricted action", "Book desks and rooms"),
    MemberAction.REGISTER: pgettext_lazy("restricted action", "Register for events"),
    MemberAction.CONTACT: pgettext_lazy(
        "restricted action", "Use the directory: contact requests and “here today”"
    ),
    MemberAction.CHECK_IN: pgettext_lazy("restricted action", "Check in as a member"),
    MemberAction.PROPOSE: pgettext_lazy("restricted action", "Propose, support and argue"),
}

TEXT = forms.Textarea(attrs={"rows": 5, "dir": "auto"})


def end_of_day(day: date) -> datetime:
    """The first moment after ``day`` in the office's time zone (a decision's last day)."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=local_zone())


class IncidentReportForm(forms.Form):
    """Anyone's report. Members choose whether to leave their name; visitors an address."""

    category = forms.ChoiceField(
        label=_("Which rule was broken?"), choices=Category.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("What happened, when and where?"),
        max_length=10000,
        widget=TEXT,
        help_text=_("Describe what you saw. Staff read it; it is not published."),
    )
    contact = forms.CharField(
        label=_("Your e-mail, if you want to hear when it is handled"),
        max_length=1000,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    with_name = forms.BooleanField(
        label=_("Send it with my name, and tell me when it is handled"),
        required=False,
    )

    def __init__(self, *args: Any, member: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["with_name" if not member else "contact"]


class IncidentForm(forms.Form):
    """What staff record at their office."""

    category = forms.ChoiceField(
        label=_("Which rule was broken?"), choices=Category.choices, widget=forms.RadioSelect
    )
    severity = forms.TypedChoiceField(
        label=_("How serious?"),
        choices=Severity.choices,
        coerce=int,
        initial=Severity.LOW,
        widget=forms.RadioSelect,
    )
    day = forms.DateField(label=_("Day"), widget=DateInput())
    at = forms.TimeField(label=_("Time"), widget=TimeInput(5))
    description = forms.CharField(label=_("What happened"), max_length=10000, widget=TEXT)
    member_email = forms.EmailField(
        label=_("The member involved: their e-mail"),
        required=False,
        max_length=254,
    )
    person_description = forms.CharField(
        label=_("Or a short description of a person without an account"),
        required=False,
        max_length=1000,
    )

    def occurred_at(self) -> datetime:
        data = self.cleaned_data
        return datetime.combine(data["day"], data["at"], tzinfo=local_zone())


class HandleForm(forms.Form):
    outcome = forms.CharField(label=_("What did staff do?"), max_length=5000, widget=TEXT)


class SanctionForm(forms.Form):
    """A decision with its statement of reasons; the service checks what each kind needs."""

    member_email = forms.EmailField(label=_("The member's e-mail"), max_length=254)
    kind = forms.ChoiceField(
        label=_("Decision"), choices=SanctionKind.choices, widget=forms.RadioSelect
    )
    actions = forms.MultipleChoiceField(
        label=_("What a restriction stops"),
        choices=list(ACTION_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("A ban stops all of them; a note or a warning stops nothing."),
    )
    scope = forms.ChoiceField(
        label=_("Where it holds"),
        choices=SanctionScope.choices,
        initial=SanctionScope.OFFICE,
        widget=forms.RadioSelect,
    )
    days = forms.IntegerField(
        label=_("For how many days?"),
        min_value=1,
        max_value=3650,
        required=False,
        help_text=_("Leave empty only for a ban until further notice."),
    )
    review_on = forms.DateField(
        label=_("Review a ban until further notice by"),
        required=False,
        widget=DateInput(),
    )
    category = forms.ChoiceField(
        label=_("Which rule was broken?"), choices=Category.choices, widget=forms.RadioSelect
    )
    incidents = forms.MultipleChoiceField(
        label=_("The incidents it rests on"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    facts = forms.CharField(
        label=_("The facts: what happened"),
        max_length=10000,
        widget=TEXT,
        help_text=_("The member reads this. Do not name other people."),
    )
    grounds = forms.CharField(
        label=_("Why this decision"),
        max_length=10000,
        widget=TEXT,
        help_text=_("Say which rule and why this decision and not a lighter one."),
    )

    def __init__(self, *args: Any, incidents: Sequence[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["incidents"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [
            (
                str(i.public_id),
                f"{i.get_category_display()}, {timezone.localtime(i.occurred_at):%Y-%m-%d}",
            )
            for i in incidents
        ]

    def ends_at(self, now: datetime) -> datetime | None:
        days = self.cleaned_data.get("days")
        if not days:
            return None
        return timezone.localtime(now) + timedelta(days=days)

    def review_at(self) -> datetime | None:
        day = self.cleaned_data.get("review_on")
        return end_of_day(day) if day else None


class AppealForm(forms.Form):
    text = forms.CharField(
        label=_("Why is the decision wrong? Write in your own words and language."),
        max_length=10000,
        widget=TEXT,
    )


class AppealDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Answer"),
        choices=[(value, label) for value, label in AppealOutcome.choices if value != "pending"],
        widget=forms.RadioSelect,
    )
    new_end_on = forms.DateField(
        label=_("New last day, if shortened"), required=False, widget=DateInput()
    )
    reply = forms.CharField(
        label=_("The reasons for the answer"),
        max_length=10000,
        widget=TEXT,
        help_text=_("The member reads this."),
    )

    def new_ends_at(self) -> datetime | None:
        day = self.cleaned_data.get("new_end_on")
        return end_of_day(day) if day else None


class ReviewForm(forms.Form):
    """Look at a decision again: keep a ban with a new review date, end it sooner, or lift it."""

    outcome = forms.ChoiceField(
        label=_("What to do"),
        choices=[
            ("keep", _("Keep the ban, and review it again by the day below")),
            ("end", _("End it sooner: the day below is its last day")),
            ("lift", _("Lift it now")),
        ],
        widget=forms.RadioSelect,
    )
    day = forms.DateField(label=_("Day"), required=False, widget=DateInput())
    reasons = forms.CharField(
        label=_("The reasons"),
        max_length=10000,
        widget=TEXT,
        help_text=_("The member reads this."),
    )

    def when(self) -> datetime | None:
        """The next review (the day's end) or the new end (after the last day)."""
        day = self.cleaned_data.get("day")
        return end_of_day(day) if day else None
