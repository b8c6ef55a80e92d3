"""Forms of the dialogue pages: they check the shape of the input, the services the rest.

Lengths and required texts are the services' to refuse (they say why, and
the page shows it at the field), so a page, the API and a test all meet the
same rules.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from publicoffice.core.forms import DateInput, TimeInput
from publicoffice.core.languages import LANGUAGES
from publicoffice.core.time_format import local_moment
from publicoffice.dialogue import photos
from publicoffice.dialogue.form_fields import photo_field, public_answer_field
from publicoffice.dialogue.models import Kind, Proposal, Side, State
from publicoffice.dialogue.services.answers import STAFF_STATES
from publicoffice.events.forms import EventForm


class ProposalForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What is it about?"), choices=Kind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("A short name for your idea, e.g. “Sewing café on Thursdays”."),
    )
    body = forms.CharField(
        label=_("What do you propose, and why?"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        help_text=_("Who would it help? When? Do you know people who would take part?"),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=LANGUAGES)
    photo = photo_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].widget.attrs["dir"] = "auto"

    def fields_for_service(self) -> dict[str, Any]:
        """The service's keywords; the photo is cleaned of its metadata first."""
        upload = self.cleaned_data.get("photo")
        fields = {name: self.cleaned_data[name] for name in ("kind", "title", "body", "language")}
        return {**fields, "photo": photos.prepare(upload) if upload else None}


class VisitorProposalForm(ProposalForm):
    """The same, for a visitor without an account: with the address the link goes to."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_(
            "We send you a link to publish the proposal, and later the answers. "
            "The address is never shown, and it is erased 30 days after the proposal is closed."
        ),
    )

    def fields_for_service(self) -> dict[str, Any]:
        return {**super().fields_for_service(), "email": self.cleaned_data["email"]}


class RewordForm(forms.Form):
    prefix = "reword"

    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("What do you propose, and why?"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
    )


class WithdrawForm(forms.Form):
    prefix = "withdraw"

    reason = forms.CharField(
        label=_("Why do you withdraw it?"),
        max_length=600,
        help_text=_("Shown on the proposal's page, so supporters know."),
    )


class ArgumentForm(forms.Form):
    prefix = "argument"

    side = forms.ChoiceField(
        label=_("Your argument is"), choices=Side.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Argument"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("Short and kind: at most 500 characters."),
    )


def _staff_state_choices() -> list[tuple[str, Any]]:
    return [(value, label) for value, label in State.choices if value in STAFF_STATES]


class AnswerForm(forms.Form):
    """Staff's public answer: the new state, the words, and now or later."""

    prefix = "answer"

    state = forms.ChoiceField(label=_("New state"), choices=_staff_state_choices)
    text = public_answer_field(rows=6)
    duplicate_of = forms.UUIDField(
        label=_("Duplicate of (the other proposal's id)"),
        required=False,
        help_text=_("Only for “Duplicate”: the last part of the other proposal's address."),
    )
    forwarded_to = forms.CharField(
        label=_("Forwarded to"),
        max_length=400,
        required=False,
        help_text=_("Only for “Not for this office”: who has it now, e.g. the park department."),
    )
    when = forms.ChoiceField(
        label=_("Publish"),
        choices=[
            ("now", _("Now")),
            ("draft", _("Keep as a draft")),
            ("later", _("At a set time")),
        ],
        initial="now",
        widget=forms.RadioSelect,
    )
    publish_day = forms.DateField(label=_("Day"), required=False, widget=DateInput())
    publish_time = forms.TimeField(label=_("Time"), required=False, widget=TimeInput())

    def publish_at(self) -> datetime | None:
        if self.cleaned_data["when"] != "later":
            return None
        day, clock_time = (
            self.cleaned_data.get("publish_day"),
            self.cleaned_data.get("publish_time"),
        )
        if day is None or clock_time is None:
            return None
        return local_moment(day, clock_time)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("when") == "later" and not (
            data.get("publish_day") and data.get("publish_time")
        ):
            self.add_error("publish_day", _("Give the day and the time to publish it."))
        return data


class MakeEventForm(EventForm):
    """The event form, filled in from the proposal, with the public answer that goes with it."""

    answer = forms.CharField(
        label=_("Public answer on the proposal"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=_("Everyone supporting the proposal is told. Say when and where it happens."),
    )

    invite_author = forms.BooleanField(
        label=_("Invite the author to host it with you"),
        required=False,
        initial=True,
        help_text=_("They get an e-mail and say yes or no on the proposal's page."),
    )

    @classmethod
    def initial_from(cls, proposal: Proposal, *, languages: list[str]) -> dict[str, Any]:
        return {
            "title": proposal.title[:120],
            "description": proposal.body,
            "languages": [code for code in [proposal.language] if code in languages],
            "answer": _("Yes! This becomes an event. Welcome!"),
        }


class HideForm(forms.Form):
    prefix = "hide"

    reason = forms.CharField(
        label=_("Why is it hidden?"),
        max_length=600,
        help_text=_("The author sees this reason. Name the house rule it breaks."),
    )


class ReportForm(forms.Form):
    prefix = "report"

    reason = forms.CharField(
        label=_("What is wrong with it?"),
        max_length=1000,
        help_text=_("Staff read it and decide. The author does not see who reported."),
    )
