"""The public dialogue pages: an office's proposals, the network's, one proposal."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from publicoffice.dialogue import clock, policies, selectors
from publicoffice.dialogue.forms import (
    AnswerForm,
    ArgumentForm,
    HideForm,
    ReportForm,
    RewordForm,
    WithdrawForm,
)
from publicoffice.dialogue.models import Proposal
from publicoffice.dialogue.views.common import cards, page_of
from publicoffice.places.selectors import municipality_by_code, office_public

ORDERS = ("support", "newest")


def _order(request: HttpRequest) -> str:
    order = request.GET.get("order", "support")
    return order if order in ORDERS else "support"


@require_safe
def office_dialogue(request: HttpRequest, slug: str) -> HttpResponse:
    """Open proposals (by support or newest), the answered ones, and the office's record."""
    office = office_public(slug=slug)
    now = timezone.now()
    order = _order(request)
    page = page_of(request, selectors.office_open_proposals(office=office, order=order))
    answered = list(selectors.office_answered_proposals(office=office)[:10])
    supported = selectors.supported_ids(user=request.user, proposals=page.object_list)
    context = {
        "office": office,
        "order": order,
        "page": page,
        "query": f"order={order}",
        "cards": cards(page.object_list, now=now, supported=supported),
        "answered": cards(answered, now=now),
        "record": clock.on_time_share(office=office, today=clock.local_day(now)),
        "promise_days": clock.promised_days(office=office, operator=None),
        "can_propose": policies.can_propose(request.user),
    }
    return render(request, "dialogue/office.html", context)


@require_safe
def network(request: HttpRequest) -> HttpResponse:
    """Every office's proposals, or one municipality's (``?municipality=0181``)."""
    code = request.GET.get("municipality", "")
    municipality = municipality_by_code(code=code) if code else None
    family = "closed" if request.GET.get("show") == "answered" else "open"
    order = _order(request)
    rows = selectors.network_proposals(municipality=municipality, family=family, order=order)
    page = page_of(request, rows)
    query = f"order={order}&show={'answered' if family == 'closed' else 'open'}"
    context = {
        "municipality": municipality,
        "family": family,
        "order": order,
        "page": page,
        "query": f"{query}&municipality={code}" if municipality else query,
        "cards": cards(page.object_list, now=timezone.now()),
    }
    return render(request, "dialogue/network.html", context)


def proposal_page(
    request: HttpRequest,
    proposal: Proposal,
    *,
    forms: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The proposal page, with the forms this visitor may use (one of them refused, maybe)."""
    user = request.user
    staff = policies.can_answer(user, proposal)
    shown = {
        "argument_form": ArgumentForm() if policies.is_open(proposal) else None,
        "answer_form": AnswerForm() if staff else None,
        "hide_form": HideForm() if policies.can_moderate(user, proposal) else None,
        "reword_form": RewordForm(initial={"title": proposal.title, "body": proposal.body})
        if policies.can_edit(user, proposal)
        else None,
        "withdraw_form": WithdrawForm() if policies.can_withdraw(user, proposal) else None,
        "report_form": ReportForm() if user.is_authenticated else None,
        **(forms or {}),
    }
    context = {
        "page_data": selectors.proposal_page(user=user, proposal=proposal, now=timezone.now()),
        "proposal": proposal,
        "is_author": policies.is_author(user, proposal),
        "is_staff": staff,
        "is_open": policies.is_open(proposal),
        "can_make_event": policies.can_make_event(user, proposal),
        **shown,
    }
    return render(request, "dialogue/proposal.html", context, status=status)


@require_safe
def proposal(request: HttpRequest, public_id: Any) -> HttpResponse:
    return proposal_page(
        request, selectors.proposal_get_visible(user=request.user, public_id=public_id)
    )
