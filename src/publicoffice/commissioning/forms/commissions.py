"""The officer's forms for a commission: its targets and its amendments.

Every change needs a reason, kept with the amendment. Target values are
read as text so the service answers garbage, negative values and shares
over 100 % with the one error the API gives too (TARGET_INVALID).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from publicoffice.commissioning.measures import SHARES
from publicoffice.commissioning.models import Commission, CommissionStatus, Direction, Measure

MAX_SEK = 2**31 - 1


def _reason() -> forms.CharField:
    return forms.CharField(
        label=_("Reason for the change"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept with this version of the commission."),
        strip=False,
    )


class AmendForm(forms.Form):
    starts_on = forms.DateField(label=_("Starts"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Ends"), widget=forms.DateInput(attrs={"type": "date"}))
    funding_sek = forms.IntegerField(label=_("Funding (SEK)"), min_value=0, max_value=MAX_SEK)
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        strip=False,
    )
    status = forms.ChoiceField(label=_("Status"), choices=CommissionStatus.choices)
    reason = _reason()

    @classmethod
    def initial_from(cls, commission: Commission) -> dict[str, Any]:
        return {
            "starts_on": commission.starts_on,
            "ends_on": commission.ends_on,
            "funding_sek": commission.funding_sek,
            "conditions": commission.conditions,
            "status": commission.status,
        }


class TargetsForm(forms.Form):
    """For each measure a direction and a value; an empty value means no target."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for measure in Measure:
            unit = _("percent") if measure in SHARES else ""
            self.fields[f"{measure.value}_direction"] = forms.ChoiceField(
                label=_("%(measure)s: direction") % {"measure": measure.label},
                choices=Direction.choices,
                initial=Direction.AT_LEAST,
                required=False,
            )
            self.fields[f"{measure.value}_value"] = forms.CharField(
                label=_("%(measure)s: value") % {"measure": measure.label},
                required=False,
                max_length=20,
                help_text=unit,
            )
        self.fields["reason"] = _reason()

    @classmethod
    def initial_from(cls, commission: Commission) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for target in commission.targets.all():
            initial[f"{target.measure}_direction"] = target.direction
            initial[f"{target.measure}_value"] = f"{target.value.normalize():f}"
        return initial

    def rows(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        return [
            (str(m.label), self[f"{m.value}_direction"], self[f"{m.value}_value"]) for m in Measure
        ]

    def targets(self) -> dict[str, tuple[Any, Any]]:
        data = self.cleaned_data
        return {
            m.value: (data.get(f"{m.value}_direction"), data.get(f"{m.value}_value"))
            for m in Measure
        }
