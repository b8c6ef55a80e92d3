"""A member registers for events, cancels, and sees their seats and places in line."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from publicoffice.core.errors import DomainError
from publicoffice.core.ratelimit import PostLimit, limit_posts
from publicoffice.core.web_errors import on_domain_error
from publicoffice.events import services
from publicoffice.events.models import Event, Registration, RegistrationStatus
from publicoffice.events.selectors import (
    event_get,
    member_registrations,
    place_in_line,
    registration_for,
)
from publicoffice.events.views.common import acting_member
from publicoffice.events.views.public import detail_page

#: Registering and cancelling: one client, ten minutes.
REGISTRATIONS = PostLimit("event_registration", limit=60, window=600)


@login_required
@require_POST
@limit_posts(REGISTRATIONS)
def register(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Take a seat, or a place in line when the event is full."""
    event = event_get(public_id=public_id)
    return _register(request, event)


def _detail_refused(
    request: HttpRequest, error: DomainError, event: Event, *args: Any
) -> HttpResponse:
    """The event page again, with the service's refusal on it."""
    return detail_page(request, event, error=error, status=error.status)


@on_domain_error(_detail_refused)
def _register(request: HttpRequest, event: Event) -> HttpResponse:
    registration = services.registration_create(event=event, member=request.user)
    if registration.status == RegistrationStatus.WAITING:
        messages.success(
            request,
            _(
                "The event is full. You are number %(place)d in line; "
                "if a seat frees up it is yours and we tell you by e-mail."
            )
            % {"place": place_in_line(registration)},
        )
    else:
        messages.success(request, _("You are registered. Welcome!"))
    return redirect("events:detail", public_id=event.public_id)


@login_required
@require_POST
@limit_posts(REGISTRATIONS)
def cancel_registration(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Give the seat back (or leave the line); the next in line gets it."""
    event = event_get(public_id=public_id)
    registration = registration_for(event=event, member=request.user)
    if registration is None:
        messages.info(request, _("You were not registered for this event."))
        return redirect("events:detail", public_id=event.public_id)
    return _cancel(request, event, registration)


@on_domain_error(_detail_refused)
def _cancel(request: HttpRequest, event: Event, registration: Registration) -> HttpResponse:
    was_waiting = registration.status == RegistrationStatus.WAITING
    services.registration_cancel(registration=registration, actor=acting_member(request))
    if was_waiting:
        messages.success(request, _("You have left the waitlist."))
    else:
        messages.success(request, _("Your registration is cancelled. Thank you for telling us."))
    return redirect("events:detail", public_id=event.public_id)


@login_required
@require_safe
def mine(request: HttpRequest) -> HttpResponse:
    """The member's seats and places in line."""
    now = timezone.now()
    member = acting_member(request)
    registrations = list(member_registrations(member=member, at=now)[:200])
    context = {
        "registered": [r for r in registrations if r.status == RegistrationStatus.REGISTERED],
        "waiting": [r for r in registrations if r.status == RegistrationStatus.WAITING],
        "now": now,
    }
    return render(request, "events/mine.html", context)
