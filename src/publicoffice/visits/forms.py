"""Forms for the check-in desk and the survey."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from publicoffice.visits.models import CommuteBand, TravelMode, WouldOtherwise
from publicoffice.visits.services import MAX_HEADCOUNT


class SurveyForm(forms.Form):
    """Four one-tap questions; each may be skipped.

    The distance and the usual way of travelling together say what commute
    a visit at the office saved (``reports/commuting.py``).
    """

    would_otherwise = forms.ChoiceField(
        label=_("Where would you otherwise work today?"),
        choices=WouldOtherwise.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    travel_mode = forms.ChoiceField(
        label=_("How did you get here?"),
        choices=TravelMode.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    commute_band = forms.ChoiceField(
        label=_("How far away is your usual workplace?"),
        choices=CommuteBand.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    usual_mode = forms.ChoiceField(
        label=_("How do you usually travel to that workplace?"),
        choices=TravelMode.choices,
        required=False,
        widget=forms.RadioSelect,
    )


class HeadcountForm(forms.Form):
    people = forms.IntegerField(
        label=_("Number of visitors to add"), min_value=1, max_value=MAX_HEADCOUNT, initial=1
    )


class CorrectionForm(forms.Form):
    people = forms.IntegerField(
        label=_("Correct number of people (0 removes the entry)"),
        min_value=0,
        max_value=MAX_HEADCOUNT,
    )
    reason = forms.CharField(label=_("Reason"), max_length=200)


class KioskForm(forms.Form):
    name = forms.CharField(label=_("Name of the kiosk"), max_length=80, initial=_("Entrance"))


class KioskUnlockForm(forms.Form):
    key = forms.CharField(label=_("Kiosk key"), max_length=100, strip=True)


class VoidBurstForm(forms.Form):
    """Void a burst of flagged check-ins: its time span, and why."""

    since = forms.DateTimeField(widget=forms.HiddenInput)
    until = forms.DateTimeField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason"), max_length=200)
