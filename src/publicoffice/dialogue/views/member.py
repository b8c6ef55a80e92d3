"""A member proposes, supports, follows, argues, rewords, withdraws and reports."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.ratelimit import PostLimit, limit_posts
from publicoffice.core.web_errors import add_domain_error, on_domain_error
from publicoffice.dialogue import moderation, policies, selectors
from publicoffice.dialogue.forms import (
    ArgumentForm,
    ProposalForm,
    ReportForm,
    RewordForm,
    VisitorProposalForm,
    WithdrawForm,
)
from publicoffice.dialogue.models import Proposal
from publicoffice.dialogue.services import answers, proposals, to_event, visitors
from publicoffice.dialogue.views.common import (
    FIELD_OF_CODE,
    acting_member,
    cards,
    form_refused,
    photo_response,
)
from publicoffice.dialogue.views.public import proposal_page
from publicoffice.places.models import OfficeStatus
from publicoffice.places.selectors import office_public

#: Proposals, arguments and reports: one client, an hour.
WRITINGS = PostLimit("dialogue_writing", limit=30, window=3600)
#: Proposals and confirmations from visitors without an account: per device, with
#: a backstop for everyone behind one address (an office's Wi-Fi).
VISITOR_WRITINGS = PostLimit("dialogue_visitor", limit=10, window=3600, per_address=60)
#: Supporting and following: one client, ten minutes.
CLICKS = PostLimit("dialogue_click", limit=120, window=600)


def _back(proposal: Proposal) -> HttpResponse:
    return redirect("dialogue:proposal", public_id=proposal.public_id)


def _visible(request: HttpRequest, public_id: Any) -> Proposal:
    return selectors.proposal_get_visible(user=request.user, public_id=public_id)


@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts(VISITOR_WRITINGS)
def propose(request: HttpRequest, slug: str) -> HttpResponse:
    """Propose something for an office: members at once, visitors after an e-mail link."""
    office = office_public(slug=slug)
    if office.status != OfficeStatus.OPEN:
        raise DomainError(ErrorCode.NOT_ALLOWED, _("Proposals can be made at open offices."))
    member = policies.can_propose(request.user)
    form_class = ProposalForm if member else VisitorProposalForm
    if request.method != "POST":
        initial = {"language": request.LANGUAGE_CODE, "kind": request.GET.get("kind", "")}
        context = {"form": form_class(initial=initial), "office": office, "visitor": not member}
        return render(request, "dialogue/propose.html", context)
    form = form_class(request.POST, request.FILES)
    context = {"form": form, "office": office, "visitor": not member}
    if not form.is_valid():
        return render(request, "dialogue/propose.html", context, status=400)
    if not member:
        return _send_visitor_proposal(request, context)
    return _send_proposal(request, context)


@on_domain_error(form_refused("dialogue/propose.html"))
def _send_proposal(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    fields = context["form"].fields_for_service()
    author = acting_member(request)
    proposal = proposals.proposal_create(author=author, office=context["office"], **fields)
    messages.success(
        request,
        _(
            "Thank you! Your proposal is public now. Others can support it, and the office "
            "answers here; you get an e-mail when it does."
        ),
    )
    return _back(proposal)


@on_domain_error(form_refused("dialogue/propose.html"))
def _send_visitor_proposal(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    visitors.proposal_from_visitor(
        office=context["office"],
        reply_language=request.LANGUAGE_CODE,
        visitor=request.user,
        **context["form"].fields_for_service(),
    )
    return render(request, "dialogue/check_email.html", {"office": context["office"]})


@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts(VISITOR_WRITINGS)
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the e-mail: a page with a button, since mail scanners open links too."""
    if request.method != "POST":
        return render(request, "dialogue/confirm.html", {"token": token})
    proposal = visitors.proposal_confirm(token=token)
    messages.success(request, _("Thank you! Your proposal is public now."))
    return _back(proposal)


def _refused_on_page(form_name: str) -> Any:
    """Show the proposal page again with the refusal at the form that was sent."""

    def page(request: HttpRequest, error: DomainError, proposal: Proposal, form: Any) -> Any:
        add_domain_error(form, error, field_of_code=FIELD_OF_CODE)
        return proposal_page(request, proposal, forms={form_name: form}, status=error.status)

    return page


def _message_back(
    request: HttpRequest, error: DomainError, proposal: Proposal, *args: Any
) -> HttpResponse:
    """Back to the proposal page with the refusal as a message (the buttons have no form)."""
    messages.error(request, str(error.message))
    return _back(proposal)


@login_required
@require_POST
@limit_posts(CLICKS)
def support(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Support (``support=on``) or take the support back (``support=off``)."""
    proposal = _visible(request, public_id)
    return _support(request, proposal, request.POST.get("support") != "off")


@on_domain_error(_message_back)
def _support(request: HttpRequest, proposal: Proposal, on: bool) -> HttpResponse:
    member = acting_member(request)
    if on:
        added = proposals.support_add(member=member, proposal=proposal)
        said = _("Thank you for your support!") if added else _("You already support it.")
    else:
        proposals.support_withdraw(member=member, proposal=proposal)
        said = _("Your support is taken back.")
    return _answered(request, proposal, said)


def _answered(request: HttpRequest, proposal: Proposal, said: str) -> HttpResponse:
    """htmx: the support block again, with what happened; otherwise back to the page."""
    if not getattr(request, "htmx", False):
        messages.success(request, said)
        return _back(proposal)
    fresh = selectors.proposal_get_visible(user=request.user, public_id=proposal.public_id)
    context = {
        "proposal": fresh,
        "said": said,
        "is_author": policies.is_author(request.user, fresh),
        "is_open": policies.is_open(fresh),
        **selectors.support_state(user=request.user, proposal=fresh),
    }
    return render(request, "dialogue/_support.html", context)


@login_required
@require_POST
@limit_posts(CLICKS)
def follow(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Hear about every answer (``follow=on``), or stop (``follow=off``)."""
    proposal = _visible(request, public_id)
    on = request.POST.get("follow") != "off"
    proposals.follow(member=acting_member(request), proposal=proposal, on=on)
    said = _("You will get an e-mail when it is answered.") if on else _("You no longer follow it.")
    return _answered(request, proposal, said)


@login_required
@require_POST
@limit_posts(WRITINGS)
def argue(request: HttpRequest, public_id: Any) -> HttpResponse:
    proposal = _visible(request, public_id)
    form = ArgumentForm(request.POST)
    if not form.is_valid():
        return proposal_page(request, proposal, forms={"argument_form": form}, status=400)
    return _argue(request, proposal, form)


@on_domain_error(_refused_on_page("argument_form"))
def _argue(request: HttpRequest, proposal: Proposal, form: ArgumentForm) -> HttpResponse:
    proposals.argument_add(member=acting_member(request), proposal=proposal, **form.cleaned_data)
    messages.success(request, _("Your argument is published."))
    return _back(proposal)


@login_required
@require_POST
@limit_posts(WRITINGS)
def reword(request: HttpRequest, public_id: Any) -> HttpResponse:
    proposal = _visible(request, public_id)
    if not policies.can_edit(request.user, proposal):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    form = RewordForm(request.POST)
    if not form.is_valid():
        return proposal_page(request, proposal, forms={"reword_form": form}, status=400)
    return _reword(request, proposal, form)


@on_domain_error(_refused_on_page("reword_form"))
def _reword(request: HttpRequest, proposal: Proposal, form: RewordForm) -> HttpResponse:
    proposals.proposal_reword(author=acting_member(request), proposal=proposal, **form.cleaned_data)
    messages.success(request, _("Your proposal is changed."))
    return _back(proposal)


@login_required
@require_POST
@limit_posts(WRITINGS)
def withdraw(request: HttpRequest, public_id: Any) -> HttpResponse:
    proposal = _visible(request, public_id)
    if not policies.can_withdraw(request.user, proposal):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        return proposal_page(request, proposal, forms={"withdraw_form": form}, status=400)
    return _withdraw(request, proposal, form)


@on_domain_error(_refused_on_page("withdraw_form"))
def _withdraw(request: HttpRequest, proposal: Proposal, form: WithdrawForm) -> HttpResponse:
    answers.proposal_withdraw(
        author=acting_member(request), proposal=proposal, reason=form.cleaned_data["reason"]
    )
    messages.success(request, _("Your proposal is withdrawn."))
    return _back(proposal)


@login_required
@require_POST
@limit_posts(WRITINGS)
def report(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Tell staff a proposal (or, with ``argument``, one of its arguments) breaks the rules."""
    proposal = _visible(request, public_id)
    form = ReportForm(request.POST)
    if not form.is_valid():
        return proposal_page(request, proposal, forms={"report_form": form}, status=400)
    return _report(request, proposal, form)


@on_domain_error(_refused_on_page("report_form"))
def _report(request: HttpRequest, proposal: Proposal, form: ReportForm) -> HttpResponse:
    item = selectors.item_in(proposal=proposal, argument_id=request.POST.get("argument"))
    moderation.report(
        reporter=acting_member(request), item=item, reason=form.cleaned_data["reason"]
    )
    messages.success(request, _("Thank you. Staff will look at it."))
    return _back(proposal)


@require_safe
def photo(request: HttpRequest, public_id: Any) -> FileResponse:
    """The proposal's photo, to whoever may see the proposal (a hidden one's is hidden too)."""
    proposal = _visible(request, public_id)
    return photo_response(proposal.photo, folder=proposals.PHOTO_FOLDER)


@login_required
@require_safe
def mine(request: HttpRequest) -> HttpResponse:
    """The member's own proposals, and those they support or follow, with their state."""
    mine = selectors.member_dialogue(member=acting_member(request))
    now = timezone.now()
    context = {
        "made": cards(mine.made, now=now),
        "supported": cards(mine.supported, now=now),
        "following": cards(mine.following, now=now),
    }
    return render(request, "dialogue/mine.html", context)


@login_required
@require_POST
@limit_posts(CLICKS)
def co_host(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The author says yes (``answer=yes``) or no to hosting the event with the office."""
    proposal = _visible(request, public_id)
    yes = request.POST.get("answer") == "yes"
    to_event.co_host_answer(author=acting_member(request), proposal=proposal, yes=yes)
    said = _("Thank you! You host the event together.") if yes else _("Thank you for telling us.")
    messages.success(request, said)
    return _back(proposal)
