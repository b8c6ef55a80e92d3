"""The answering side: the queue of proposals to answer, answers, drafts, hiding."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.web_errors import add_domain_error, on_domain_error
from publicoffice.dialogue import moderation, policies, selectors
from publicoffice.dialogue.forms import AnswerForm, HideForm, MakeEventForm
from publicoffice.dialogue.models import Proposal
from publicoffice.dialogue.services import answers, to_event
from publicoffice.dialogue.views.common import FIELD_OF_CODE, acting_member, cards, page_of
from publicoffice.dialogue.views.public import proposal_page
from publicoffice.events import selectors as event_selectors
from publicoffice.events.views.common import form_refused as event_form_refused

MAKE_EVENT = "dialogue/make_event.html"


def _answerable(request: HttpRequest, public_id: Any) -> Proposal:
    proposal = selectors.proposal_get_visible(user=request.user, public_id=public_id)
    if not policies.can_answer(request.user, proposal):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    return proposal


@login_required
@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    """Proposals waiting for an answer at the user's offices: overdue first."""
    if not policies.answers_somewhere(request.user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    page = page_of(request, selectors.queue_to_answer(user=request.user))
    context = {"page": page, "cards": cards(page.object_list, now=timezone.now())}
    return render(request, "dialogue/queue.html", context)


@login_required
@require_POST
def answer(request: HttpRequest, public_id: Any) -> HttpResponse:
    proposal = _answerable(request, public_id)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        if getattr(request, "htmx", False):
            return _answer_fragment(request, proposal, form)
        return proposal_page(request, proposal, forms={"answer_form": form}, status=400)
    return _answer(request, proposal, form)


def _answer_fragment(
    request: HttpRequest, proposal: Proposal, form: AnswerForm, said: str = ""
) -> HttpResponse:
    """htmx: the answer form again (with its errors, or fresh after saving), and on
    success the answers and the state in their places too (out of band).

    Answered 200 even for errors: htmx swaps only successful answers, and the
    errors are in the form it shows; without JavaScript the page keeps its 400.
    """
    fresh = selectors.proposal_get_visible(user=request.user, public_id=proposal.public_id)
    context = {
        "proposal": fresh,
        "answer_form": form,
        "said": said,
        "data": selectors.proposal_page(user=request.user, proposal=fresh, now=timezone.now()),
    }
    template = "dialogue/_answer_result.html" if said else "dialogue/_answer_form.html"
    return render(request, template, context)


def _answer_refused(
    request: HttpRequest, error: DomainError, proposal: Proposal, form: AnswerForm
) -> HttpResponse:
    add_domain_error(form, error, field_of_code=FIELD_OF_CODE)
    if getattr(request, "htmx", False):
        return _answer_fragment(request, proposal, form)
    return proposal_page(request, proposal, forms={"answer_form": form}, status=error.status)


@on_domain_error(_answer_refused)
def _answer(request: HttpRequest, proposal: Proposal, form: AnswerForm) -> HttpResponse:
    data = form.cleaned_data
    original = None
    if data["duplicate_of"]:
        original = selectors.proposal_get_visible(user=request.user, public_id=data["duplicate_of"])
    written = answers.answer_write(
        staff=acting_member(request),
        proposal=proposal,
        state=data["state"],
        text=data["text"],
        draft=data["when"] == "draft",
        publish_at=form.publish_at(),
        duplicate_of=original,
        forwarded_to=data["forwarded_to"],
    )
    if written.published_at is not None:
        said = _("The answer is published. Everyone following it is told.")
    else:
        said = _("The answer is saved as a draft. Nobody else sees it yet.")
    if getattr(request, "htmx", False):
        return _answer_fragment(request, proposal, AnswerForm(), said)
    messages.success(request, said)
    return redirect("dialogue:proposal", public_id=proposal.public_id)


@login_required
@require_POST
def publish(request: HttpRequest, public_id: Any, answer_id: int) -> HttpResponse:
    """Publish a draft answer now."""
    proposal = _answerable(request, public_id)
    draft = selectors.draft_of(proposal=proposal, answer_id=answer_id)
    answers.answer_publish(answer=draft)
    messages.success(request, _("The answer is published. Everyone following it is told."))
    return redirect("dialogue:proposal", public_id=proposal.public_id)


@login_required
@require_POST
def hide(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Hide the proposal (or, with ``argument``, one of its arguments) with a reason."""
    proposal = selectors.proposal_get_visible(user=request.user, public_id=public_id)
    if not policies.can_moderate(request.user, proposal):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    form = HideForm(request.POST)
    if not form.is_valid():
        return proposal_page(request, proposal, forms={"hide_form": form}, status=400)
    item = selectors.item_in(proposal=proposal, argument_id=request.POST.get("argument"))
    moderation.hide(staff=acting_member(request), item=item, reason=form.cleaned_data["reason"])
    messages.success(request, _("It is hidden. Its author sees your reason."))
    return redirect("dialogue:proposal", public_id=proposal.public_id)


@login_required
def make_event(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The event form, filled in from the proposal; publishing links both and answers."""
    proposal = _answerable(request, public_id)
    if not policies.can_make_event(request.user, proposal):
        raise DomainError(ErrorCode.PROPOSAL_CLOSED)
    office = proposal.office
    assert office is not None  # can_make_event says so
    if request.method != "POST":
        codes = list(event_selectors.languages().values_list("code", flat=True))
        initial = MakeEventForm.initial_from(proposal, languages=codes)
        form = MakeEventForm(office=office, initial=initial)
        return render(request, MAKE_EVENT, _event_context(proposal, form))
    form = MakeEventForm(request.POST, office=office)
    if not form.is_valid():
        return render(request, MAKE_EVENT, _event_context(proposal, form), status=400)
    return _make_event(request, _event_context(proposal, form))


def _event_context(proposal: Proposal, form: MakeEventForm) -> dict[str, Any]:
    return {"proposal": proposal, "office": proposal.office, "form": form}


@on_domain_error(event_form_refused(MAKE_EVENT))
def _make_event(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    form = context["form"]
    event = to_event.proposal_make_event(
        staff=acting_member(request),
        proposal=context["proposal"],
        answer=form.cleaned_data["answer"],
        invite_author=form.cleaned_data["invite_author"],
        **form.event_fields(),
    )
    messages.success(request, _("The event is published and the proposal is answered."))
    return redirect("events:detail", public_id=event.public_id)
