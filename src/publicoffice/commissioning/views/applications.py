"""The applicant's pages: apply, fill in the draft part by part, submit, withdraw.

Whoever may not see an application gets "no such application" (404); the
call's officers and assigned reviewers may read it but not change it (403);
once submitted nothing changes (409). Refusals from the services are shown
at the field they concern, and nothing is saved.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from publicoffice.accounts.actors import Member
from publicoffice.commissioning import policies
from publicoffice.commissioning.forms.applications import (
    AnswerForm,
    ApplicationForm,
    CoApplicantForm,
    PlannedOfficeForm,
    PlansForm,
    StartForm,
)
from publicoffice.commissioning.models import Application, ApplicationStatus, Section
from publicoffice.commissioning.selectors import applications as selectors
from publicoffice.commissioning.selectors.calls import deadline_passed
from publicoffice.commissioning.selectors.district_figures import district_figures
from publicoffice.commissioning.services import applications as services
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.web_errors import add_domain_error, on_domain_error

T = "commissioning/applications/"


def _member(request: HttpRequest) -> Member:
    """The logged-in user (every view here is behind ``login_required``)."""
    user = request.user
    if isinstance(user, AnonymousUser):
        raise DomainError(ErrorCode.NOT_AUTHENTICATED)
    return user


@require_safe
@login_required
def my_applications(request: HttpRequest) -> HttpResponse:
    """The applications of the user's operators, as lead or co-applicant."""
    rows = selectors.my_applications(request.user)
    return render(request, T + "mine.html", {"applications": rows})


def _apply_refused(request: HttpRequest, error: DomainError, pk: int) -> HttpResponse:
    """On the form when posted; whoever may not apply, or asks for no call, the standard page."""
    if request.method != "POST" or error.code in (ErrorCode.NOT_ALLOWED, ErrorCode.CALL_NOT_FOUND):
        raise error
    call = selectors.call_to_apply(request.user, pk)
    form = StartForm(request.POST, operators=selectors.operators_of(request.user))
    form.is_valid()
    add_domain_error(form, error)
    return render(request, T + "apply.html", {"call": call, "form": form}, status=error.status)


@login_required
@on_domain_error(_apply_refused)
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    """Choose the leading operator, name the proposal, give a contact: a draft."""
    if not policies.can_apply(request.user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    call = selectors.call_to_apply(request.user, pk)
    operators = selectors.operators_free_to_apply(request.user, call)
    services.ensure_open(call, timezone.now())
    existing = selectors.own_application_to(request.user, call)
    if existing is not None and not operators.exists():
        messages.info(request, _("Your operator has already applied to this call: here it is."))
        return redirect("commissioning:application", pk=existing.pk)
    if request.method != "POST":
        form = StartForm(operators=operators, initial={"contact_email": _member(request).email})
        return render(request, T + "apply.html", {"call": call, "form": form})
    form = StartForm(request.POST, operators=operators)
    if not form.is_valid():
        return render(request, T + "apply.html", {"call": call, "form": form}, status=400)
    application = services.application_start(user=_member(request), call=call, **form.cleaned_data)
    messages.success(request, _("Your draft is saved. Only your operator's admins see it."))
    return redirect("commissioning:application_edit", pk=application.pk)


@require_safe
@login_required
def application(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole application for whoever may see it."""
    item = selectors.application_visible(request.user, pk)
    rubric = {line.guideline_id: line for line in item.call.rubric.all()}
    plans = [(plan, rubric.get(plan.guideline_id)) for plan in item.guideline_plans.all()]
    operators = policies.operator_ids(request.user)
    can_withdraw = (
        policies.is_lead(request.user, item)
        and item.status in (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED)
        and not deadline_passed(item.call, timezone.now())
    )
    context = {
        "application": item,
        "sections": [(s, item.section_text(s), item.is_private(s)) for s in Section],
        "plans": plans,
        "can_edit": policies.can_edit_application(request.user, item),
        "can_withdraw": can_withdraw,
        "to_answer": [
            row
            for row in item.co_applicants.all()
            if row.operator_id in operators
            and row.confirmed_at is None
            and item.status == ApplicationStatus.DRAFT
        ],
        "extra_links": [],
    }
    return render(request, T + "detail.html", context)


def _edit_context(item: Application) -> dict[str, Any]:
    period, figures = district_figures(item.call, timezone.localdate())
    return {"application": item, "period": period, "figures": figures}


def _edit_refused(request: HttpRequest, error: DomainError, pk: int) -> HttpResponse:
    item = selectors.application_editable(request.user, pk)
    form = ApplicationForm(request.POST)
    form.is_valid()
    add_domain_error(form, error)
    return render(request, T + "edit.html", {**_edit_context(item), "form": form}, status=400)


@login_required
@on_domain_error(_edit_refused)
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The needs analysis, staffing, partnerships and budget, each maybe private."""
    item = selectors.application_editable(request.user, pk)
    if request.method != "POST":
        form = ApplicationForm(initial=ApplicationForm.initial_of(item))
        return render(request, T + "edit.html", {**_edit_context(item), "form": form})
    form = ApplicationForm(request.POST)
    if not form.is_valid():
        return render(request, T + "edit.html", {**_edit_context(item), "form": form}, status=400)
    data = form.cleaned_data
    services.application_save(
        user=_member(request),
        application=item,
        texts=form.texts(),
        budget_sek=data["budget_sek"],
        private_sections=form.private_sections(),
        title=data["title"],
        contact_email=data["contact_email"],
    )
    messages.success(request, _("The application is saved."))
    return redirect("commissioning:application", pk=item.pk)


def _plans_refused(request: HttpRequest, error: DomainError, pk: int) -> HttpResponse:
    item = selectors.application_editable(request.user, pk)
    form = PlansForm(request.POST, plans=list(item.guideline_plans.all()))
    form.is_valid()
    add_domain_error(form, error)
    return render(request, T + "plans.html", _plans_context(item, form), status=400)


def _plans_context(item: Application, form: PlansForm) -> dict[str, Any]:
    rubric = {line.guideline_id: line for line in item.call.rubric.all()}
    rows = [(plan, rubric.get(plan.guideline_id), c, p) for plan, c, p in form.fieldsets()]
    return {"application": item, "form": form, "rows": rows}


@login_required
@on_domain_error(_plans_refused)
def application_plans(request: HttpRequest, pk: int) -> HttpResponse:
    """A commitment and a plan for each of the ten guidelines, in one form."""
    item = selectors.application_editable(request.user, pk)
    plans = list(item.guideline_plans.all())
    if request.method != "POST":
        return render(request, T + "plans.html", _plans_context(item, PlansForm(plans=plans)))
    form = PlansForm(request.POST, plans=plans)
    if not form.is_valid():
        return render(request, T + "plans.html", _plans_context(item, form), status=400)
    services.plans_save(user=_member(request), application=item, plans=form.values())
    messages.success(request, _("The plans are saved."))
    return redirect("commissioning:application", pk=item.pk)


def _offices_refused(
    request: HttpRequest, error: DomainError, pk: int, office_pk: int | None = None
) -> HttpResponse:
    item = selectors.application_editable(request.user, pk)
    form = PlannedOfficeForm(request.POST, districts=selectors.districts_of(item.call))
    form.is_valid()
    add_domain_error(form, error)
    context = {"application": item, "form": form, "office_pk": office_pk}
    return render(request, T + "offices.html", context, status=400)


@login_required
@on_domain_error(_offices_refused)
def application_offices(
    request: HttpRequest, pk: int, office_pk: int | None = None
) -> HttpResponse:
    """The planned offices, and a form to add one (or, with ``office_pk``, to change it)."""
    item = selectors.application_editable(request.user, pk)
    office = selectors.planned_office_of(item, office_pk) if office_pk else None
    districts = selectors.districts_of(item.call)
    context: dict[str, Any] = {"application": item, "office_pk": office_pk}
    if request.method != "POST":
        initial = {f: getattr(office, f) for f in PlannedOfficeForm.base_fields} if office else {}
        form = PlannedOfficeForm(initial=initial, districts=districts)
        return render(request, T + "offices.html", {**context, "form": form})
    form = PlannedOfficeForm(request.POST, districts=districts)
    if not form.is_valid():
        return render(request, T + "offices.html", {**context, "form": form}, status=400)
    services.planned_office_save(
        user=_member(request), application=item, office=office, values=form.cleaned_data
    )
    messages.success(request, _("The planned office is saved."))
    return redirect("commissioning:application_offices", pk=item.pk)


@require_POST
@login_required
def application_office_remove(request: HttpRequest, pk: int, office_pk: int) -> HttpResponse:
    item = selectors.application_editable(request.user, pk)
    office = selectors.planned_office_of(item, office_pk)
    services.planned_office_remove(user=_member(request), application=item, office=office)
    messages.success(request, _("The planned office is removed."))
    return redirect("commissioning:application_offices", pk=item.pk)


def _co_refused(request: HttpRequest, error: DomainError, pk: int) -> HttpResponse:
    item = selectors.application_editable(request.user, pk)
    form = CoApplicantForm(request.POST, operators=selectors.co_applicant_candidates(item))
    form.is_valid()
    add_domain_error(form, error)
    return render(
        request, T + "co_applicants.html", {"application": item, "form": form}, status=400
    )


@login_required
@on_domain_error(_co_refused)
def application_co_applicants(request: HttpRequest, pk: int) -> HttpResponse:
    """The co-applicants and whether they confirmed; the lead names another."""
    item = selectors.application_editable(request.user, pk)
    operators = selectors.co_applicant_candidates(item)
    if request.method != "POST":
        form = CoApplicantForm(operators=operators)
        return render(request, T + "co_applicants.html", {"application": item, "form": form})
    form = CoApplicantForm(request.POST, operators=operators)
    if not form.is_valid():
        context = {"application": item, "form": form}
        return render(request, T + "co_applicants.html", context, status=400)
    services.co_applicant_add(user=_member(request), application=item, **form.cleaned_data)
    messages.success(request, _("The co-applicant is added. Its admins are asked to confirm."))
    return redirect("commissioning:application_co_applicants", pk=item.pk)


@require_POST
@login_required
def application_co_applicant_remove(request: HttpRequest, pk: int, row_pk: int) -> HttpResponse:
    item = selectors.application_editable(request.user, pk)
    row = next((r for r in item.co_applicants.all() if r.pk == row_pk), None)
    if row is None:
        raise DomainError(ErrorCode.APPLICATION_NOT_FOUND)
    services.co_applicant_remove(user=_member(request), application=item, co_applicant=row)
    messages.success(request, _("The co-applicant is removed."))
    return redirect("commissioning:application_co_applicants", pk=item.pk)


@require_POST
@login_required
def co_applicant_confirm(request: HttpRequest, pk: int, row_pk: int) -> HttpResponse:
    """An admin of the co-applicant confirms taking part, or declines (the row goes)."""
    item = selectors.application_visible(request.user, pk)
    row = selectors.pending_co_applicant(request.user, item, row_pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        raise DomainError(ErrorCode.BAD_VALUE)
    confirm = form.cleaned_data["answer"] == "confirm"
    services.co_applicant_answer(user=_member(request), co_applicant=row, confirm=confirm)
    if confirm:
        messages.success(request, _("You have confirmed taking part in this application."))
        return redirect("commissioning:application", pk=item.pk)
    messages.success(request, _("You have declined. Your operator is no longer part of it."))
    return redirect("commissioning:my_applications")


def _submit_refused(request: HttpRequest, error: DomainError, pk: int) -> HttpResponse:
    item = selectors.application_editable(request.user, pk)
    context = {
        "application": item,
        "missing": selectors.missing_parts(item),
        "error": error,
        "late": deadline_passed(item.call, timezone.now()),
    }
    return render(request, T + "submit.html", context, status=error.status)


@login_required
@on_domain_error(_submit_refused)
def application_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: what is still missing; POST: send it, with a receipt by e-mail."""
    item = selectors.application_editable(request.user, pk)
    if request.method != "POST":
        context = {
            "application": item,
            "missing": selectors.missing_parts(item),
            "late": deadline_passed(item.call, timezone.now()),
        }
        return render(request, T + "submit.html", context)
    done = services.application_submit(user=_member(request), application=item)
    messages.success(
        request,
        _("The application is submitted. Receipt number: %(receipt)s.") % {"receipt": done.receipt},
    )
    return redirect("commissioning:application", pk=item.pk)


@require_POST
@login_required
def application_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.application_visible(request.user, pk)
    services.application_withdraw(user=_member(request), application=item)
    messages.success(request, _("The application is withdrawn."))
    return redirect("commissioning:my_applications")
