"""The decision form: the words are checked by the service, the form only reads them."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from publicoffice.commissioning.models import Outcome

MAX_SEK = 2**31 - 1


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    reasons = forms.CharField(
        label=_("Reasons (published)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("In words: published with the decision and sent to every applicant."),
        strip=False,
    )
    conditions = forms.CharField(
        label=_("Conditions (published)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only for an approval: what the operators must do, published."),
        strip=False,
    )
    funding_sek = forms.IntegerField(
        label=_("Funding granted (SEK)"),
        required=False,
        min_value=0,
        max_value=MAX_SEK,
        help_text=_("Only for an approval. At most what the call has left to grant."),
    )
    private_notes = forms.CharField(
        label=_("Notes kept inside the municipality"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Never published, never sent to the applicants."),
        strip=False,
    )
