"""Moderation pages: the members' report form, the staff queue and case, the author's page.

Staff see only the cases of the offices they handle; anything else is "not
found" (``conduct.moderation_selectors``). A report is for logged-in members
only and rate-limited per account and address.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.accounts.actors import Member
from publicoffice.conduct import moderation
from publicoffice.conduct import moderation_selectors as selectors
from publicoffice.conduct.models import ContentAppealOutcome, ContentCase
from publicoffice.conduct.moderation_forms import (
    DECISIONS,
    ContentAppealAnswerForm,
    ContentAppealForm,
    DecisionForm,
    FlagForm,
)
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.ratelimit import PostLimit, limit_posts
from publicoffice.core.web_errors import add_domain_error, on_domain_error
from publicoffice.places.moderation import kind_named, kinds

REPORTS = PostLimit("content_report", limit=20, window=3600, per_address=60)
APPEALS = PostLimit("content_appeal", limit=10, window=3600)
DECIDE = {"hide": moderation.hide, "restore": moderation.restore, "dismiss": moderation.dismiss}


def _member(request: HttpRequest) -> Member:
    user = request.user
    if not isinstance(user, Member):
        raise DomainError(ErrorCode.NOT_AUTHENTICATED)
    return user


def _moderator(request: HttpRequest) -> Member:
    user = _member(request)
    if not selectors.moderates_somewhere(user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    return user


# -- members: report ---------------------------------------------------------------


def _report_page(request: HttpRequest, context: dict[str, Any], status: int = 200) -> HttpResponse:
    return render(request, "conduct/moderation_report.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts(REPORTS)
def report(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    """Tell the moderators that a profile, event, proposal... breaks the house rules."""
    member = _member(request)
    content_kind, item = moderation.item_of(kind, key)
    if not content_kind.can_report(item, member):
        raise DomainError(ErrorCode.NOT_FOUND)
    context: dict[str, Any] = {
        "kind": content_kind,
        "key": key,
        "title": content_kind.title(item),
        "url": content_kind.url(item),
    }
    if request.method != "POST":
        return _report_page(request, {**context, "form": FlagForm()})
    form = FlagForm(request.POST)
    context["form"] = form
    if not form.is_valid():
        return _report_page(request, context, status=400)
    return _report(request, context)


def _report_refused(
    request: HttpRequest, error: DomainError, context: dict[str, Any]
) -> HttpResponse:
    add_domain_error(context["form"], error)
    return _report_page(request, context, status=error.status)


@on_domain_error(_report_refused)
def _report(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    moderation.report(
        reporter=_member(request),
        kind_name=context["kind"].name,
        key=context["key"],
        reason=context["form"].cleaned_data["reason"],
    )
    messages.success(request, _("Thank you. The moderators will look at it."))
    return redirect(context["url"])


# -- staff: the queue and one case ---------------------------------------------------


@login_required
@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    """Reported content at the staff member's offices, oldest first.

    ``?office=`` (a slug) and ``?operator=`` (an id) narrow it down.
    """
    user = _moderator(request)
    office, operator = request.GET.get("office", "")[:100], request.GET.get("operator", "")[:12]
    labels = {kind.name: kind.label for kind in kinds()}
    cases = selectors.moderation_queue(user=user, office=office, operator=operator)[:200]
    context = {
        "rows": [(case, labels.get(case.kind, case.kind)) for case in cases],
        "offices": selectors.queue_offices(user),
        "operators": selectors.queue_operators(user),
        "chosen_office": office,
        "chosen_operator": operator,
    }
    return render(request, "conduct/moderation_queue.html", context)


def case_page(
    request: HttpRequest, case: ContentCase, forms: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    found = moderation.item_of_case(case)
    appeal = selectors.case_appeal(case)
    kind = kind_named(case.kind)
    context: dict[str, Any] = {
        "case": case,
        "kind_label": kind.label if kind else case.kind,
        "item": found[1] if found else None,
        "url": found[0].url(found[1]) if found else "",
        "is_hidden": found[0].is_hidden(found[1]) if found else False,
        "flags": selectors.case_flags(case),
        "appeal": appeal,
        "decision_form": DecisionForm(),
        "may_answer": appeal is not None
        and appeal.outcome == ContentAppealOutcome.PENDING
        and case.decided_by_id != request.user.pk,
        "answer_form": ContentAppealAnswerForm(),
        **(forms or {}),
    }
    return render(request, "conduct/moderation_case.html", context, status=status)


@login_required
@require_safe
def case(request: HttpRequest, public_id: Any) -> HttpResponse:
    return case_page(request, selectors.case_get(user=_moderator(request), public_id=public_id))


def _case_refused(
    request: HttpRequest, error: DomainError, public_id: Any, form: Any, name: str, *rest: Any
) -> HttpResponse:
    add_domain_error(form, error)
    found = selectors.case_get(user=request.user, public_id=public_id)
    return case_page(request, found, {name: form}, status=error.status)


@login_required
@require_POST
def case_decide(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Hide, restore or dismiss, with the reason the author reads."""
    the_case = selectors.case_get(user=_moderator(request), public_id=public_id)
    decision = request.POST.get("decision", "")
    if decision not in DECISIONS:
        raise DomainError(ErrorCode.NOT_FOUND)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return case_page(request, the_case, {"decision_form": form}, status=400)
    return _decide(request, public_id, form, "decision_form", the_case, decision)


@on_domain_error(_case_refused)
def _decide(
    request: HttpRequest, public_id: Any, form: Any, name: str, case: ContentCase, decision: str
) -> HttpResponse:
    DECIDE[decision](staff=_member(request), case=case, reason=form.cleaned_data["reason"])
    messages.success(request, _("Done. The author sees your reason."))
    return redirect("conduct:moderation_case", public_id=case.public_id)


@login_required
@require_POST
def appeal_answer(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Another staff member answers the author's appeal: kept hidden, or shown again."""
    the_case = selectors.case_get(user=_moderator(request), public_id=public_id)
    appeal = selectors.case_appeal(the_case)
    if appeal is None:
        raise DomainError(ErrorCode.APPEAL_NOT_FOUND)
    form = ContentAppealAnswerForm(request.POST)
    if not form.is_valid():
        return case_page(request, the_case, {"answer_form": form}, status=400)
    return _answer(request, public_id, form, "answer_form", the_case)


@on_domain_error(_case_refused)
def _answer(
    request: HttpRequest, public_id: Any, form: Any, name: str, case: ContentCase
) -> HttpResponse:
    appeal = selectors.case_appeal(case)
    assert appeal is not None
    data = form.cleaned_data
    moderation.appeal_decide(
        staff=_member(request), appeal=appeal, outcome=data["outcome"], reply=data["reply"]
    )
    messages.success(request, _("The appeal is answered. The author is told."))
    return redirect("conduct:moderation_case", public_id=case.public_id)


# -- the author ------------------------------------------------------------------------


def own_page(
    request: HttpRequest, case: ContentCase, form: Any = None, status: int = 200
) -> HttpResponse:
    may_appeal = moderation.may_appeal(request.user, case)
    found = moderation.item_of_case(case)
    kind = kind_named(case.kind)
    context = {
        "case": case,
        "kind_label": kind.label if kind else case.kind,
        "url": found[0].url(found[1]) if found else "",
        "appeal": selectors.case_appeal(case),
        "form": form or (ContentAppealForm() if may_appeal else None),
    }
    return render(request, "conduct/moderation_mine.html", context, status=status)


@login_required
@require_safe
def my_cases(request: HttpRequest) -> HttpResponse:
    """What the moderators decided about the member's content."""
    cases = selectors.own_cases(_member(request))
    return render(request, "conduct/moderation_mine_list.html", {"cases": cases})


@login_required
@require_safe
def my_case(request: HttpRequest, public_id: Any) -> HttpResponse:
    return own_page(request, selectors.own_case(user=_member(request), public_id=public_id))


def _appeal_refused(
    request: HttpRequest, error: DomainError, public_id: Any, form: Any
) -> HttpResponse:
    add_domain_error(form, error)
    found = selectors.own_case(user=request.user, public_id=public_id)
    return own_page(request, found, form, status=error.status)


@login_required
@require_POST
@limit_posts(APPEALS)
def my_case_appeal(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The author appeals: a staff member other than the one who hid it answers."""
    the_case = selectors.own_case(user=_member(request), public_id=public_id)
    form = ContentAppealForm(request.POST)
    if not form.is_valid():
        return own_page(request, the_case, form, status=400)
    return _appeal(request, public_id, form)


@on_domain_error(_appeal_refused)
def _appeal(request: HttpRequest, public_id: Any, form: Any) -> HttpResponse:
    the_case = selectors.own_case(user=request.user, public_id=public_id)
    moderation.appeal_make(member=_member(request), case=the_case, text=form.cleaned_data["text"])
    messages.success(request, _("Your appeal is sent. Another staff member will answer it."))
    return redirect("conduct:moderation_mine", public_id=the_case.public_id)
