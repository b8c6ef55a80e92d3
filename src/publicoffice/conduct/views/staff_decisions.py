"""Staff pages for decisions: decide with a statement of reasons, approve a ban, answer an appeal.

The form shows the member's earlier decisions that reach the office, each
marked whether it still counts towards escalation (the forgiveness period).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from publicoffice.conduct import policies, staff_selectors
from publicoffice.conduct.forms import AppealDecisionForm, ReviewForm, SanctionForm
from publicoffice.conduct.models import Appeal, Sanction
from publicoffice.conduct.presenters import statement_of
from publicoffice.conduct.services import appeals, reviews, sanctions
from publicoffice.conduct.views.staff import staff_member
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.web_errors import add_domain_error, on_domain_error
from publicoffice.places.models import Office

FIELD_OF_CODE: dict[str, str] = {
    ErrorCode.SANCTION_KIND_INVALID: "kind",
    ErrorCode.SANCTION_SCOPE_INVALID: "scope",
    ErrorCode.SANCTION_ACTIONS_MISSING: "actions",
    ErrorCode.SANCTION_END_INVALID: "days",
    ErrorCode.INCIDENT_CATEGORY_INVALID: "category",
    ErrorCode.APPEAL_OUTCOME_INVALID: "outcome",
}


def _decision_form_page(
    request: HttpRequest, office: Office, form: SanctionForm, member: Any, status: int = 200
) -> HttpResponse:
    visible = policies.sanctions_visible_to_staff(request.user)
    context = {
        "office": office,
        "form": form,
        "member": member,
        "prior": sanctions.prior_sanctions(member, visible) if member else [],
    }
    return render(request, "conduct/sanction_new.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def sanction_new(request: HttpRequest, slug: str) -> HttpResponse:
    """The decision form; ``?incident=`` starts from an incident and its member."""
    staff_member(request)
    office = staff_selectors.office_for_staff(request.user, slug)
    source = request.POST if request.method == "POST" else request.GET
    member = staff_selectors.member_by_email(source.get("member_email", "") or "")
    incident = staff_selectors.incident_of_office(office, source.get("incident", ""))
    if member is None and incident is not None:
        member = incident.member
    choices = staff_selectors.recent_incidents(office, member)
    if request.method != "POST":
        initial: dict[str, Any] = {"member_email": member.email if member else ""}
        if incident is not None:
            initial |= {"category": incident.category, "incidents": [str(incident.public_id)]}
        form = SanctionForm(initial=initial, incidents=choices)
        return _decision_form_page(request, office, form, member)
    form = SanctionForm(request.POST, incidents=choices)
    if not form.is_valid() or member is None:
        if form.is_valid():
            form.add_error("member_email", _("No member has this e-mail."))
        return _decision_form_page(request, office, form, member, status=400)
    return _decide(request, office, form, member, choices)


def _decide_refused(
    request: HttpRequest,
    error: DomainError,
    office: Office,
    form: SanctionForm,
    member: Any,
    choices: list[Any],
) -> HttpResponse:
    add_domain_error(form, error, field_of_code=FIELD_OF_CODE)
    return _decision_form_page(request, office, form, member, status=error.status)


@on_domain_error(_decide_refused)
def _decide(
    request: HttpRequest, office: Office, form: SanctionForm, member: Any, choices: list[Any]
) -> HttpResponse:
    data, now = form.cleaned_data, timezone.now()
    if not policies.can_decide_scope(request.user, office, data["scope"]):
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            _("Only the operator's admins decide for the municipality or the whole network."),
            field="scope",
        )
    chosen = [i for i in choices if str(i.public_id) in set(data["incidents"])]
    sanction = sanctions.sanction_decide(
        staff=staff_member(request),
        member=member,
        office=office,
        kind=data["kind"],
        scope=data["scope"],
        actions=data["actions"],
        category=data["category"],
        incidents=chosen,
        facts=data["facts"],
        grounds=data["grounds"],
        ends_at=form.ends_at(now),
        review_at=form.review_at(),
        now=now,
    )
    if sanction.state == "awaiting":
        messages.success(
            request, _("Saved. A second staff member must approve a ban until further notice.")
        )
    else:
        messages.success(request, _("The decision holds now. The member is told by e-mail."))
    return redirect("conduct:sanction", public_id=sanction.public_id)


def sanction_page(
    request: HttpRequest,
    sanction: Sanction,
    review_form: ReviewForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    statement = statement_of(sanction, timezone.now())
    handles = policies.can_handle_office(user, sanction.office)
    if review_form is None and handles and statement.in_force:
        review_form = ReviewForm()
    context = {
        "statement": statement,
        "may_approve": sanction.state == "awaiting" and policies.can_approve(user, sanction),
        "handles": handles,
        "review_form": review_form,
    }
    return render(request, "conduct/sanction.html", context, status=status)


@login_required
def sanction(request: HttpRequest, public_id: Any) -> HttpResponse:
    return sanction_page(request, staff_selectors.sanction_for_staff(request.user, public_id))


@login_required
@require_POST
def approve(request: HttpRequest, public_id: Any) -> HttpResponse:
    found = staff_selectors.sanction_for_staff(request.user, public_id)
    if not policies.can_handle_office(request.user, found.office):
        raise DomainError(ErrorCode.SANCTION_NOT_FOUND)
    sanctions.sanction_approve(staff=staff_member(request), sanction=found)
    messages.success(request, _("The ban is approved and holds now. The member is told."))
    return redirect("conduct:sanction", public_id=found.public_id)


@login_required
@require_POST
def review(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Keep a ban with a new review date, end a decision sooner, or lift it, with reasons."""
    found = staff_selectors.sanction_for_staff(request.user, public_id)
    if not policies.can_handle_office(request.user, found.office):
        raise DomainError(ErrorCode.SANCTION_NOT_FOUND)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return sanction_page(request, found, form, status=400)
    return _review(request, found, form)


def _review_refused(
    request: HttpRequest, error: DomainError, found: Sanction, form: ReviewForm
) -> HttpResponse:
    add_domain_error(form, error, field_of_code={ErrorCode.SANCTION_END_INVALID: "day"})
    return sanction_page(request, found, form, status=error.status)


@on_domain_error(_review_refused)
def _review(request: HttpRequest, found: Sanction, form: ReviewForm) -> HttpResponse:
    reviews.sanction_review(
        staff=staff_member(request),
        sanction=found,
        outcome=form.cleaned_data["outcome"],
        reasons=form.cleaned_data["reasons"],
        when=form.when(),
    )
    messages.success(request, _("Saved. The member is told, with your reasons."))
    return redirect("conduct:sanction", public_id=found.public_id)


def appeal_page(
    request: HttpRequest, found: Appeal, form: AppealDecisionForm | None = None, status: int = 200
) -> HttpResponse:
    may_decide = found.outcome == "pending" and policies.can_decide_appeal(request.user, found)
    context = {
        "appeal": found,
        "statement": statement_of(found.sanction, timezone.now()),
        "form": form or (AppealDecisionForm() if may_decide else None),
        "decider_must_differ": found.outcome == "pending" and not may_decide,
    }
    return render(request, "conduct/appeal.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def appeal(request: HttpRequest, public_id: Any) -> HttpResponse:
    found = staff_selectors.appeal_for_staff(request.user, public_id)
    if request.method != "POST":
        return appeal_page(request, found)
    form = AppealDecisionForm(request.POST)
    if not form.is_valid():
        return appeal_page(request, found, form, status=400)
    return _answer(request, found, form)


def _answer_refused(
    request: HttpRequest, error: DomainError, found: Appeal, form: AppealDecisionForm
) -> HttpResponse:
    add_domain_error(
        form, error, field_of_code={**FIELD_OF_CODE, ErrorCode.SANCTION_END_INVALID: "new_end_on"}
    )
    return appeal_page(request, found, form, status=error.status)


@on_domain_error(_answer_refused)
def _answer(request: HttpRequest, found: Appeal, form: AppealDecisionForm) -> HttpResponse:
    data = form.cleaned_data
    appeals.appeal_decide(
        staff=staff_member(request),
        appeal=found,
        outcome=data["outcome"],
        reply=data["reply"],
        new_ends_at=form.new_ends_at(),
    )
    messages.success(request, _("The appeal is answered. The member is told."))
    return redirect("conduct:appeal", public_id=found.public_id)
