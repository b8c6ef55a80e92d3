"""Forms of the moderation pages: the shape of the input; the services judge the rest."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from publicoffice.conduct.models import ContentAppealOutcome

TEXT = forms.Textarea(attrs={"rows": 4, "dir": "auto"})

#: What staff may decide on a case's page.
DECISIONS = ("hide", "restore", "dismiss")


class FlagForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with it?"),
        max_length=1000,
        widget=TEXT,
        help_text=_(
            "Which house rule it breaks, in a few words. Staff read it; the author does not."
        ),
    )


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, shown to the author"),
        max_length=300,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )


class ContentAppealForm(forms.Form):
    text = forms.CharField(label=_("Why should it be shown again?"), max_length=3000, widget=TEXT)


class ContentAppealAnswerForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Answer"),
        widget=forms.RadioSelect,
        choices=[
            (ContentAppealOutcome.KEPT.value, ContentAppealOutcome.KEPT.label),
            (ContentAppealOutcome.RESTORED.value, ContentAppealOutcome.RESTORED.label),
        ],
    )
    reply = forms.CharField(label=_("Reasons for the answer"), max_length=2000, widget=TEXT)
