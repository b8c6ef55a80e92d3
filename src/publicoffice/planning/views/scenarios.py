"""Scenario pages: the list, the form, one scenario with its runs, and a run's progress.

"Run" answers small scenarios while the page waits and leads to the result;
larger ones lead to the progress page, which refreshes itself every two
seconds while the run waits or works (a ``<meta>`` refresh: no JavaScript
needed) and offers a Cancel button.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.core.errors import DomainError
from publicoffice.core.web_errors import add_domain_error, back_with_message, on_domain_error
from publicoffice.planning import reach as presets
from publicoffice.planning.forms.scenarios import ScenarioForm
from publicoffice.planning.models import PlanningModel, Run, RunStatus, Scenario
from publicoffice.planning.selectors import scenarios as selectors
from publicoffice.planning.services import runs as run_services
from publicoffice.planning.services import scenarios as services

FORM_METHODS = ["GET", "HEAD", "POST"]
FORM = "planning/scenario_form.html"
ACTIVE = (RunStatus.QUEUED, RunStatus.RUNNING)
ANSWERED = (RunStatus.DONE, RunStatus.CANCELLED)


def _scenario_url(request: HttpRequest, pk: int, *args: Any, **kwargs: Any) -> str:
    return reverse("planning:scenario", args=[pk])


def _progress_url(request: HttpRequest, pk: int, *args: Any, **kwargs: Any) -> str:
    return reverse("planning:run_progress", args=[pk])


def result_url(run: Run) -> str:
    """The run's result page (helper pages may not be wired yet: then its progress page)."""
    try:
        return reverse("planning:run", kwargs={"run_id": run.pk})
    except NoReverseMatch:
        return reverse("planning:run_progress", args=[run.pk])


@login_required
@require_safe
def scenario_list(request: HttpRequest) -> HttpResponse:
    """The user's scenarios with their latest run's answer."""
    rows = list(selectors.scenarios_for(request.user))
    return render(request, "planning/scenario_list.html", {"scenarios": rows})


@login_required
@require_safe
def scenario_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One scenario's settings in words, its runs and the buttons to run, copy or delete it."""
    scenario = selectors.scenario_for(request.user, pk)
    context = {
        "scenario": scenario,
        "reach_words": presets.reach_words(scenario),
        "is_p_model": scenario.model != PlanningModel.SET_COVER,
        "share_percent": None if scenario.share is None else scenario.share * 100,
        "weights": _weights_in_words(scenario),
        "runs": selectors.runs_of(scenario),
        "will_wait": not run_services.is_small(scenario),
    }
    return render(request, "planning/scenario_detail.html", context)


def _weights_in_words(scenario: Scenario) -> list[tuple[str, float]]:
    labels = {g.get("key"): g.get("label") for g in scenario.demand.groups or []}
    weights = scenario.group_weights or {}
    return [(labels.get(key) or key, weight) for key, weight in weights.items()]


@login_required
@require_http_methods(FORM_METHODS)
def scenario_new(request: HttpRequest) -> HttpResponse:
    """A new scenario for the officer's municipality (``?municipality=`` for an admin)."""
    raw = request.GET.get("municipality", "")
    municipality = selectors.municipality_for(request.user, int(raw) if raw.isdigit() else None)
    choices = selectors.choices_for(municipality.pk)
    if request.method != "POST":
        initial = {"model": PlanningModel.MAX_COVER, "sites": 2, "reach_choice": "walk"}
        initial["fixed"] = [c.pk for c in choices.candidates if c.kind == "existing"]
        initial["candidates"] = [c.pk for c in choices.candidates]
        form = ScenarioForm(initial=initial, choices=choices)
        return render(request, FORM, {"form": form, "municipality": municipality})
    form = ScenarioForm(request.POST, choices=choices)
    return _save(request, form, {"municipality": municipality}, None)


@login_required
@require_http_methods(FORM_METHODS)
def scenario_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a scenario's settings; its earlier runs keep the answers they gave."""
    scenario = selectors.scenario_for(request.user, pk)
    choices = selectors.choices_for(scenario.municipality_id)
    context = {"scenario": scenario, "municipality": scenario.municipality}
    if request.method != "POST":
        form = ScenarioForm(initial=ScenarioForm.initial_from(scenario), choices=choices)
        return render(request, FORM, {**context, "form": form})
    form = ScenarioForm(request.POST, choices=choices)
    return _save(request, form, context, scenario)


def _refused(request: HttpRequest, error: DomainError, context: dict[str, Any]) -> HttpResponse:
    """The form again with the service's refusal at its field."""
    add_domain_error(context["form"], error)
    return render(request, FORM, context, status=error.status)


def _save(
    request: HttpRequest, form: ScenarioForm, context: dict[str, Any], scenario: Scenario | None
) -> HttpResponse:
    context = {**context, "form": form, "editing": scenario}
    if not form.is_valid():
        return render(request, FORM, context, status=400)
    return _write(request, context)


@on_domain_error(_refused)
def _write(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    fields = context["form"].service_fields()
    scenario = context["editing"]
    if scenario is None:
        fields["municipality"] = context["municipality"]
    saved = services.scenario_save(scenario=scenario, by=request.user, **fields)
    messages.success(request, _("The scenario is saved."))
    return redirect("planning:scenario", pk=saved.pk)


@login_required
@require_POST
def scenario_copy(request: HttpRequest, pk: int) -> HttpResponse:
    """A copy to change one thing in (the same with three sites, another radius)."""
    return _copy(request, pk=selectors.scenario_for(request.user, pk).pk)


@on_domain_error(back_with_message(_scenario_url))
def _copy(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.scenario_for(request.user, pk)
    copy = services.scenario_copy(scenario=scenario, by=request.user)
    messages.success(request, _("This is a copy. Change what you want to compare."))
    return redirect("planning:scenario_edit", pk=copy.pk)


@login_required
@require_http_methods(FORM_METHODS)
def scenario_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask first; then remove the scenario with its runs."""
    scenario = selectors.scenario_for(request.user, pk)
    if request.method != "POST":
        return render(request, "planning/scenario_delete.html", {"scenario": scenario})
    services.scenario_delete(scenario=scenario, by=request.user)
    messages.success(request, _("The scenario is deleted."))
    return redirect("planning:scenarios")


@login_required
@require_POST
def scenario_run(request: HttpRequest, pk: int) -> HttpResponse:
    """Run now: the result when it was answered at once, the progress page otherwise."""
    return _run(request, pk=selectors.scenario_for(request.user, pk).pk)


@on_domain_error(back_with_message(_scenario_url))
def _run(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = selectors.scenario_for(request.user, pk)
    run = run_services.run_start(scenario=scenario, by=request.user)
    if run.status == RunStatus.DONE:
        return redirect(result_url(run))
    return redirect("planning:run_progress", pk=run.pk)


@login_required
@require_safe
def run_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """How far the run is; refreshes itself while it waits or works."""
    run = selectors.run_for(request.user, pk)
    context = {
        "run": run,
        "scenario": run.scenario,
        "active": run.status in ACTIVE,
        "stage": selectors.stage_words(run.stage),
        "result_url": result_url(run) if run.status in ANSWERED else "",
        "error": run_services.error_message(run.error_code) if run.error_code else "",
    }
    return render(request, "planning/run_progress.html", context)


@login_required
@require_POST
def run_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop the run: at once if it has not started, else at the solver's next check."""
    return _cancel(request, pk=selectors.run_for(request.user, pk).pk)


@on_domain_error(back_with_message(_progress_url))
def _cancel(request: HttpRequest, pk: int) -> HttpResponse:
    run = selectors.run_for(request.user, pk)
    run_services.run_cancel(run=run, by=request.user)
    messages.success(request, _("The run is being stopped; the best answer so far is kept."))
    return redirect("planning:run_progress", pk=run.pk)
