"""The scenario form: the question in the officer's words, turned into the service's fields.

Reach is one choice (a 15-minute walk, a bicycle ride, a radius of one's
own, or imported travel times) so that the page needs no JavaScript. Group
weights are offered for every group of every population source, grouped
by source; only the chosen source's count. The service checks everything
again (``services/scenarios.py``): the form only reads numbers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from publicoffice.planning import reach as presets
from publicoffice.planning.models import PlanningModel, ReachKind, Scenario
from publicoffice.planning.selectors.scenarios import Choices

MATRIX = "matrix"
HUNDRED = Decimal(100)


def _ids(rows: list[Any], label: Any = str) -> list[tuple[int, str]]:
    return [(row.pk, label(row)) for row in rows]


class ScenarioForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    model = forms.ChoiceField(
        label=_("Question"), choices=PlanningModel.choices, widget=forms.RadioSelect
    )
    sites = forms.IntegerField(
        label=_("New sites"),
        required=False,
        min_value=1,
        max_value=500,
        help_text=_("For the first two questions: how many new sites to choose."),
    )
    share = forms.DecimalField(
        label=_("Share of residents to reach (percent)"),
        required=False,
        min_value=Decimal(1),
        max_value=HUNDRED,
        decimal_places=1,
        help_text=_("For the fewest sites: the share of residents they must reach."),
    )
    demand = forms.TypedChoiceField(label=_("Population source"), coerce=int)
    reach_choice = forms.ChoiceField(label=_("Within reach means"), widget=forms.RadioSelect)
    radius_m = forms.IntegerField(
        label=_("Radius (metres)"),
        required=False,
        help_text=_("Only with a radius you choose."),
    )
    matrix = forms.TypedChoiceField(
        label=_("Travel-time matrix"), coerce=int, required=False, empty_value=None
    )
    minutes = forms.IntegerField(
        label=_("Minutes"),
        required=False,
        min_value=1,
        max_value=240,
        help_text=_("Only with imported travel times."),
    )
    candidates = forms.TypedMultipleChoiceField(
        label=_("Candidate sites"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    fixed = forms.TypedMultipleChoiceField(
        label=_("Sites kept open whatever the answer"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    use_capacities = forms.BooleanField(label=_("Respect the sites' capacities"), required=False)
    gap_target = forms.DecimalField(
        label=_("Stop when the answer is proven within (percent)"),
        min_value=Decimal(0),
        max_value=Decimal(50),
        decimal_places=2,
        initial=Decimal(1),
    )
    time_limit_s = forms.IntegerField(
        label=_("Time limit (seconds)"), min_value=1, max_value=600, initial=60
    )

    def __init__(self, *args: Any, choices: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices = choices
        _choices(self, "demand", _ids(choices.sources))
        _choices(self, "matrix", [("", "—"), *_ids(choices.matrices, _matrix_label)])
        _choices(
            self,
            "reach_choice",
            [
                *presets.preset_choices(),
                (MATRIX, _("Imported travel times")),
            ],
        )
        sites = _ids(choices.candidates, _site_label)
        _choices(self, "candidates", sites)
        _choices(self, "fixed", sites)
        self.weight_names: list[tuple[Any, list[str]]] = []
        for source in choices.sources:
            names = []
            for index, group in enumerate(source.groups or []):
                name = f"weight_{source.pk}_{index}"
                self.fields[name] = forms.DecimalField(
                    label=group.get("label") or group.get("key"),
                    required=False,
                    min_value=Decimal(0),
                    max_value=Decimal(10),
                    decimal_places=2,
                    initial=Decimal(1),
                )
                names.append(name)
            if names:
                self.weight_names.append((source, names))

    @property
    def weight_groups(self) -> list[tuple[Any, list[forms.BoundField]]]:
        """Per population source, its group weight fields (for the template)."""
        return [(source, [self[name] for name in names]) for source, names in self.weight_names]

    @staticmethod
    def initial_from(scenario: Scenario) -> dict[str, Any]:
        reach_choice = MATRIX if scenario.reach == ReachKind.MATRIX else scenario.preset
        initial: dict[str, Any] = {
            "name": scenario.name,
            "description": scenario.description,
            "model": scenario.model,
            "sites": scenario.sites,
            "share": None if scenario.share is None else scenario.share * HUNDRED,
            "demand": scenario.demand_id,
            "reach_choice": reach_choice or presets.CUSTOM,
            "radius_m": scenario.radius_m,
            "matrix": scenario.matrix_id,
            "minutes": scenario.minutes,
            "candidates": [c.pk for c in scenario.candidates.all()],
            "fixed": [c.pk for c in scenario.fixed.all()],
            "use_capacities": scenario.use_capacities,
            "gap_target": scenario.gap_target,
            "time_limit_s": scenario.time_limit_s,
        }
        groups = scenario.demand.groups or []
        for index, group in enumerate(groups):
            weight = (scenario.group_weights or {}).get(group.get("key"), 1)
            initial[f"weight_{scenario.demand_id}_{index}"] = weight
        return initial

    def service_fields(self) -> dict[str, Any]:
        """The cleaned data as ``services.scenarios.scenario_save`` takes it."""
        data = self.cleaned_data
        sources = {s.pk: s for s in self.choices.sources}
        matrices = {m.pk: m for m in self.choices.matrices}
        source = sources.get(data["demand"])
        choice = data["reach_choice"]
        share = data.get("share")
        return {
            "name": data["name"],
            "description": data.get("description", ""),
            "model": data["model"],
            "sites": data.get("sites"),
            "share": None if share is None else share / HUNDRED,
            "demand": source,
            "reach": ReachKind.MATRIX if choice == MATRIX else ReachKind.STRAIGHT,
            "preset": "" if choice in (MATRIX, presets.CUSTOM) else choice,
            "radius_m": data.get("radius_m"),
            "matrix": matrices.get(data.get("matrix") or 0),
            "minutes": data.get("minutes"),
            "candidates": data.get("candidates") or [],
            "fixed": data.get("fixed") or [],
            "group_weights": self._weights(source),
            "use_capacities": data.get("use_capacities", False),
            "gap_target": data["gap_target"],
            "time_limit_s": data["time_limit_s"],
        }

    def _weights(self, source: Any) -> dict[str, Decimal]:
        if source is None:
            return {}
        weights = {}
        for index, group in enumerate(source.groups or []):
            value = self.cleaned_data.get(f"weight_{source.pk}_{index}")
            if value is not None:
                weights[group.get("key")] = value
        return weights


def _choices(form: forms.Form, name: str, choices: list[tuple[Any, Any]]) -> None:
    """Set a choice field's choices (known only once the municipality is)."""
    cast(forms.ChoiceField, form.fields[name]).choices = choices


def _matrix_label(matrix: Any) -> str:
    return f"{matrix.name} ({matrix.source.name})"


def _site_label(candidate: Any) -> str:
    kind = candidate.get_kind_display()
    capacity = (
        ""
        if candidate.capacity is None
        else ", " + str(_("capacity %(n)s") % {"n": candidate.capacity})
    )
    return f"{candidate.name} ({kind}{capacity})"
