"""The review stage's pages: the officer's table of applications and ranking,
assigning reviewers, the reviewer's own list and review form, the shared
comments, and questions to the applicant with their answers.

Objects that are not the user's are "not found" (the selectors say so);
a refusal the page can explain (a conflict of interest, a score out of
range) shows the page again with the message at its place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from publicoffice.accounts.actors import Member
from publicoffice.commissioning import policies
from publicoffice.commissioning.forms.reviews import (
    AskForm,
    AssignForm,
    ConflictForm,
    InfoAnswerForm,
    ScoreForm,
)
from publicoffice.commissioning.models import Application, InfoRequest, Reviewer
from publicoffice.commissioning.selectors import reviews as selectors
from publicoffice.commissioning.services import info_requests, reviews
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.web_errors import add_domain_error, on_domain_error

GET_POST = require_http_methods(["GET", "HEAD", "POST"])


@require_safe
@login_required
def call_applications(request: HttpRequest, pk: int) -> HttpResponse:
    """Every received application of the call, ranked, with reviewers, clock and questions."""
    call = selectors.call_for_officer(request.user, pk)
    lines, rows = selectors.ranking(call, at=timezone.now())
    context = {"call": call, "lines": lines, "rows": rows}
    return render(request, "commissioning/reviews/call_applications.html", context)


@GET_POST
@login_required
def application_reviewers(request: HttpRequest, pk: int) -> HttpResponse:
    """Assign reviewers among the municipality's staff, or take an assignment back."""
    application = selectors.application_for_officer(request.user, pk)
    candidates = selectors.reviewer_candidates(application.call.municipality_id)
    if request.method == "POST" and "remove" in request.POST:
        reviewer = selectors.reviewer_in(application, _int(request.POST["remove"]))
        reviews.remove_reviewer(officer=_member(request), reviewer=reviewer)
        messages.success(request, _("The reviewer is removed, with their scores."))
        return redirect("commissioning:application_reviewers", pk=application.pk)
    if request.method == "POST":
        form = AssignForm(request.POST, candidates=candidates)
        form.is_valid()
        chosen = next((u for u in candidates if u.pk == _int(request.POST.get("user"))), None)
        return _assign(request, application, chosen, form)
    return _reviewers_page(request, application, None, AssignForm(candidates=candidates))


def _reviewers_page(
    request: HttpRequest,
    application: Application,
    _chosen: Member | None,
    form: AssignForm,
    *,
    status: int = 200,
) -> HttpResponse:
    context = {"application": application, "form": form}
    return render(request, "commissioning/reviews/reviewers.html", context, status=status)


def _refused(page: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Show ``page`` again with the refusal at its field; the form is the last argument."""

    def refused(request: HttpRequest, error: DomainError, *args: Any) -> HttpResponse:
        add_domain_error(args[-1], error)
        return page(request, *args, status=error.status)

    return refused


@on_domain_error(_refused(_reviewers_page))
def _assign(
    request: HttpRequest, application: Application, chosen: Member | None, form: AssignForm
) -> HttpResponse:
    reviews.assign_reviewer(officer=_member(request), application=application, user=chosen)
    messages.success(request, _("The reviewer is assigned and told by e-mail."))
    return redirect("commissioning:application_reviewers", pk=application.pk)


def _member(request: HttpRequest) -> Member:
    """The logged-in user (these pages are behind ``login_required``)."""
    user = request.user
    if isinstance(user, AnonymousUser):
        raise DomainError(ErrorCode.NOT_AUTHENTICATED)
    return user


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@require_safe
@login_required
def my_reviews(request: HttpRequest) -> HttpResponse:
    """The applications assigned to me, and how far I have come with each."""
    rows = selectors.my_reviews(request.user)
    if not rows and not policies.reviews_somewhere(request.user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    return render(request, "commissioning/reviews/mine.html", {"rows": rows})


@GET_POST
@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """The declaration of interests, then the score form (saved as you go)."""
    reviewer = selectors.reviewer_for(request.user, pk)
    conflict_form = ConflictForm(
        initial={
            "has_conflict": {True: "yes", False: "no"}.get(reviewer.has_conflict),  # type: ignore[arg-type]
            "conflict_note": reviewer.conflict_note,
        }
    )
    lines = selectors.rubric_lines(reviewer.application.call)
    score_form = ScoreForm(lines=lines, scores=selectors.scores_by_key(reviewer))
    if request.method != "POST":
        return _review_page(request, reviewer, score_form, conflict_form)
    if request.POST.get("action") == "declare":
        conflict_form = ConflictForm(request.POST)
        if not conflict_form.is_valid():
            return _review_page(request, reviewer, score_form, conflict_form, status=400)
        return _declare(request, reviewer, score_form, conflict_form)
    score_form = ScoreForm(request.POST, lines=lines, scores={})
    score_form.is_valid()
    return _score(request, reviewer, conflict_form, score_form)


def _review_page(
    request: HttpRequest, reviewer: Reviewer, *forms: Any, status: int = 200
) -> HttpResponse:
    """The review page; ``forms`` are the conflict and the score form, in either order."""
    context = {
        "reviewer": reviewer,
        "application": reviewer.application,
        "info_log": selectors.info_log(reviewer.application),
        **{
            "conflict_form" if isinstance(form, ConflictForm) else "score_form": form
            for form in forms
        },
    }
    return render(request, "commissioning/reviews/review.html", context, status=status)


@on_domain_error(_refused(_review_page))
def _declare(
    request: HttpRequest, reviewer: Reviewer, score_form: ScoreForm, form: ConflictForm
) -> HttpResponse:
    reviews.declare_conflict(
        user=request.user,
        reviewer=reviewer,
        has_conflict=form.cleaned_data["has_conflict"],
        note=form.cleaned_data["conflict_note"],
    )
    messages.success(request, _("Your declaration is saved."))
    return redirect("commissioning:review", pk=reviewer.pk)


@on_domain_error(_refused(_review_page))
def _score(
    request: HttpRequest, reviewer: Reviewer, conflict_form: ConflictForm, form: ScoreForm
) -> HttpResponse:
    reviews.save_scores(user=request.user, reviewer=reviewer, answers=form.answers())
    if request.POST.get("action") == "complete":
        reviews.complete_review(user=request.user, reviewer=reviewer)
        messages.success(request, _("Your review is complete. Thank you."))
    else:
        messages.success(request, _("Your scores are saved."))
    return redirect("commissioning:review", pk=reviewer.pk)


@require_safe
@login_required
def review_shared(request: HttpRequest, pk: int) -> HttpResponse:
    """What the reviewers shared: the comments marked shared, and (for officers) every score."""
    application = selectors.application_for_shared(request.user, pk)
    officer = policies.can_manage_application(request.user, application)
    scores = selectors.shared_scores(application, officer=officer)
    context = {"application": application, "scores": scores, "officer": officer}
    return render(request, "commissioning/reviews/shared.html", context)


@GET_POST
@login_required
def info_request_new(request: HttpRequest, pk: int) -> HttpResponse:
    """The officer asks the applicant a question; the clock stops until answered."""
    application = selectors.application_for_officer(request.user, pk)
    form = AskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _ask(request, application, form)
    return _ask_page(request, application, form)


def _ask_page(
    request: HttpRequest, application: Application, form: AskForm, *, status: int = 200
) -> HttpResponse:
    log = selectors.info_log(application)
    context = {"application": application, "form": form, "info_log": log}
    return render(request, "commissioning/reviews/ask.html", context, status=status)


@on_domain_error(_refused(_ask_page))
def _ask(request: HttpRequest, application: Application, form: AskForm) -> HttpResponse:
    question = form.cleaned_data["question"]
    info_requests.ask(officer=_member(request), application=application, question=question)
    said = _("The question is sent. The review clock stops until the applicant answers.")
    messages.success(request, said)
    return redirect("commissioning:call_applications", pk=application.call_id)


@GET_POST
@login_required
def info_request_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """The lead's admin answers the municipality's question."""
    asked = selectors.info_request_for_answer(request.user, pk)
    form = InfoAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _answer(request, asked, form)
    return _answer_page(request, asked, form)


def _answer_page(
    request: HttpRequest, asked: InfoRequest, form: InfoAnswerForm, *, status: int = 200
) -> HttpResponse:
    context = {
        "info_request": asked,
        "application": asked.application,
        "form": form,
        "info_log": selectors.info_log(asked.application),
    }
    return render(request, "commissioning/reviews/answer.html", context, status=status)


@on_domain_error(_refused(_answer_page))
def _answer(request: HttpRequest, asked: InfoRequest, form: InfoAnswerForm) -> HttpResponse:
    text = form.cleaned_data["answer"]
    info_requests.answer(user=_member(request), info_request=asked, text=text)
    messages.success(request, _("Your answer is sent to the municipality."))
    return redirect("commissioning:info_request_answer", pk=asked.pk)
