"""Hosts create and change events, cancel or move them, and decide on proposals.

Who may do what is :mod:`publicoffice.events.policies`' to say. A host of
another office gets a plain "not yours" page (403) for a published event,
and "not found" (404) for a proposal they cannot see, so nobody can probe
which proposals exist.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from publicoffice.core.errors import DomainError
from publicoffice.core.ratelimit import limit_posts
from publicoffice.events import policies, services
from publicoffice.events.forms import (
    DecisionForm,
    EventChangeForm,
    EventForm,
    ProposalForm,
    StatusForm,
)
from publicoffice.events.models import Approval, Event
from publicoffice.events.selectors import event_get_visible, events_to_decide
from publicoffice.events.views.common import add_domain_error, forbidden, public_office
from publicoffice.places.models import OfficeStatus
from publicoffice.places.policies import offices_manageable


def _form_page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    status: int = 200,
) -> HttpResponse:
    return render(request, template, context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("event_write", limit=120, window=3600)
def create(request: HttpRequest, slug: str) -> HttpResponse:
    """A host creates an event at their office; a chosen room is booked with it."""
    office = public_office(slug)
    if not policies.can_run_events(request.user, office):
        return forbidden(request, _("Only the hosts of this office can create events here."))
    if office.status != OfficeStatus.OPEN:
        return forbidden(request, _("This office is not open, so it cannot hold events now."))
    form = EventForm(request.POST or None, office=office)
    context: dict[str, Any] = {"form": form, "office": office}
    if request.method != "POST":
        return _form_page(request, "events/event_form.html", context)
    if not form.is_valid():
        return _form_page(request, "events/event_form.html", context, status=400)
    try:
        event = services.event_create(office=office, actor=request.user, **form.event_fields())
    except DomainError as error:
        add_domain_error(form, error)
        return _form_page(request, "events/event_form.html", context, status=error.status)
    messages.success(request, _("The event is published."))
    return redirect("events:detail", public_id=event.public_id)


def _changed_fields(event: Event, fields: dict[str, Any]) -> dict[str, Any]:
    """Only what the form changed, so an untouched event is not "updated" for nobody.

    Calendar programs see every update (its sequence number rises) and
    registrants are told about it, so a save without changes must not count.
    """
    initial = EventForm.initial_for(event)
    changed: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "languages":
            if {language.code for language in value} != set(initial["languages"]):
                changed[name] = value
        elif name == "space":
            if (value.pk if value else None) != event.space_id:
                changed[name] = value
        elif name in ("starts_at", "ends_at"):
            if value != getattr(event, name):
                changed[name] = value
        elif value != initial.get(name):
            changed[name] = value
    return changed


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("event_write", limit=120, window=3600)
def edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Change an event (hosts), or one's own open proposal (the proposer)."""
    event = event_get_visible(user=request.user, public_id=public_id)
    if not policies.can_edit_event(request.user, event):
        return forbidden(request, _("Only the hosts of this office can change this event."))
    form_class: type[EventForm] = ProposalForm
    if policies.can_run_events(request.user, event.office):
        form_class = EventChangeForm if event.approval == Approval.APPROVED else EventForm
    if request.method != "POST":
        form = form_class(initial=form_class.initial_for(event), office=event.office)
    else:
        form = form_class(request.POST, office=event.office)
    context: dict[str, Any] = {"form": form, "office": event.office, "event": event}
    if request.method != "POST":
        return _form_page(request, "events/event_form.html", context)
    if not form.is_valid():
        return _form_page(request, "events/event_form.html", context, status=400)
    changed = _changed_fields(event, form.event_fields())
    if not changed:
        messages.info(request, _("Nothing was changed."))
        return redirect("events:detail", public_id=event.public_id)
    try:
        services.event_update(event=event, actor=request.user, **changed)
    except DomainError as error:
        add_domain_error(form, error)
        return _form_page(request, "events/event_form.html", context, status=error.status)
    messages.success(request, _("The event is changed. Everyone registered is told."))
    return redirect("events:detail", public_id=event.public_id)


def _host_event(request: HttpRequest, public_id: Any) -> tuple[Event, HttpResponse | None]:
    """The event and, when the user does not run its office, the 403 page to show."""
    event = event_get_visible(user=request.user, public_id=public_id)
    if not policies.can_run_events(request.user, event.office):
        return event, forbidden(request, _("Only the hosts of this office can change this event."))
    return event, None


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("event_write", limit=120, window=3600)
def status(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Cancel, postpone or move an event, with a note everyone sees."""
    event, refusal = _host_event(request, public_id)
    if refusal is not None:
        return refusal
    if request.method != "POST":
        form = StatusForm(initial={"status": event.status, "note": event.status_note})
    else:
        form = StatusForm(request.POST)
    context: dict[str, Any] = {"form": form, "event": event, "office": event.office}
    if request.method != "POST":
        return _form_page(request, "events/status.html", context)
    if not form.is_valid():
        return _form_page(request, "events/status.html", context, status=400)
    try:
        services.event_set_status(
            event=event,
            actor=request.user,
            status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
        )
    except DomainError as error:
        add_domain_error(form, error)
        return _form_page(request, "events/status.html", context, status=error.status)
    messages.success(request, _("The status is saved. Everyone registered is told."))
    return redirect("events:detail", public_id=event.public_id)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("event_write", limit=120, window=3600)
def decide(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Approve a proposal (its room is booked then) or decline it with a reason."""
    event, refusal = _host_event(request, public_id)
    if refusal is not None:
        return refusal
    if not policies.can_decide_event(request.user, event):
        messages.info(request, _("This proposal is already decided."))
        return redirect("events:detail", public_id=event.public_id)
    form = DecisionForm(request.POST or None)
    context: dict[str, Any] = {"form": form, "event": event, "office": event.office}
    if request.method != "POST":
        return _form_page(request, "events/decide.html", context)
    if not form.is_valid():
        return _form_page(request, "events/decide.html", context, status=400)
    approve = form.cleaned_data["decision"] == "approve"
    try:
        services.event_decide(
            event=event, actor=request.user, approve=approve, reason=form.cleaned_data["reason"]
        )
    except DomainError as error:
        add_domain_error(form, error)
        return _form_page(request, "events/decide.html", context, status=error.status)
    if approve:
        messages.success(request, _("The event is approved and published. The proposer is told."))
    else:
        messages.success(request, _("The proposal is declined. The proposer is told why."))
    return redirect("events:to_decide")


@login_required
@require_safe
def to_decide(request: HttpRequest) -> HttpResponse:
    """Proposals waiting for an answer in the offices this user runs."""
    if not offices_manageable(request.user).exists():
        return forbidden(request, _("Only hosts decide on proposed events."))
    proposals = list(events_to_decide(user=request.user, at=timezone.now())[:200])
    return render(request, "events/to_decide.html", {"proposals": proposals})
