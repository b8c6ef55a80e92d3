"""Forms of the problem report pages: the shape of the input; the services judge the rest.

Lengths and required texts are the services' to refuse, so the pages and
Open311 meet the same rules and the page shows the refusal at its field.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from publicoffice.core.languages import LANGUAGES
from publicoffice.dialogue.form_fields import photo_field, public_answer_field
from publicoffice.dialogue.models import ProblemCategory, ProblemState
from publicoffice.dialogue.services.problems import STAFF_PROBLEM_STATES


class ProblemForm(forms.Form):
    """Anyone's report; ``contact_email`` only shows for visitors without an account."""

    category = forms.ChoiceField(
        label=_("What kind of problem?"),
        choices=ProblemCategory.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "An accessibility barrier (a broken lift, a missing ramp, a heavy door) is "
            "shown on the office's page until it is fixed."
        ),
    )
    title = forms.CharField(
        label=pgettext_lazy("problem report", "What is wrong?"),
        max_length=200,
        help_text=_("A few words, e.g. “The lift to the first floor is broken”."),
    )
    description = forms.CharField(
        label=_("Where is it, and what happens?"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=LANGUAGES)
    contact_email = forms.CharField(
        label=_("Your e-mail for updates"),
        max_length=400,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
        help_text=_(
            "Never shown to anyone. We write when the office answers, and delete the "
            "address two weeks after the problem is fixed or closed."
        ),
    )

    photo = photo_field()

    def __init__(self, *args: Any, member: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].widget.attrs["dir"] = "auto"
        if member:
            del self.fields["contact_email"]

    def fields_for_service(self) -> dict[str, Any]:
        names = ("category", "title", "description", "language", "contact_email")
        return {name: self.cleaned_data[name] for name in names if name in self.cleaned_data}


def _staff_state_choices() -> list[tuple[str, Any]]:
    return [
        (value, label) for value, label in ProblemState.choices if value in STAFF_PROBLEM_STATES
    ]


class ProblemUpdateForm(forms.Form):
    """Staff's public update: the state and the words."""

    prefix = "update"

    state = forms.ChoiceField(label=_("New state"), choices=_staff_state_choices)
    text = public_answer_field(rows=5)
    duplicate_of = forms.UUIDField(
        label=_("Already reported as (the other report's id)"),
        required=False,
        help_text=_("Only for “Already reported”: the last part of the other report's address."),
    )
    forwarded_to = forms.CharField(
        label=_("Forwarded to"),
        max_length=400,
        required=False,
        help_text=_("Only for “Forwarded”: who has it now, e.g. the landlord."),
    )


class ReopenForm(forms.Form):
    prefix = "reopen"

    reason = forms.CharField(
        label=_("What is still wrong?"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("Shown on the report's page; the office is told."),
    )


class ProblemHideForm(forms.Form):
    prefix = "hide"

    reason = forms.CharField(
        label=_("Why is it hidden?"),
        max_length=600,
        help_text=_("The reporter sees this reason. Name the house rule it breaks."),
    )


class ProblemFlagForm(forms.Form):
    """Tell staff the report itself breaks the house rules (not the problem it reports)."""

    prefix = "flag"

    reason = forms.CharField(
        label=_("What is wrong with it?"),
        max_length=1000,
        help_text=_("Staff read it and decide. The author does not see who reported."),
    )
