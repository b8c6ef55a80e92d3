"""Hosts create and change events, and cancel or move them.

Who may do what is :mod:`publicoffice.events.policies`' to say. Anyone else,
a host of another office included, gets a plain "not yours" page (403):
every event is public, so there is nothing to hide by answering 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.ratelimit import PostLimit, limit_posts
from publicoffice.core.web_errors import on_domain_error
from publicoffice.events import policies, services
from publicoffice.events.forms import AttendanceForm, EventChangeForm, EventForm, StatusForm
from publicoffice.events.models import Event
from publicoffice.events.selectors import event_get
from publicoffice.events.views.common import acting_member, attendance_open, form_refused
from publicoffice.places.models import OfficeStatus
from publicoffice.places.selectors import office_public

#: Hosts' event changes: one client, an hour.
EVENT_WRITES = PostLimit("event_write", limit=120, window=3600)

EVENT_FORM = "events/event_form.html"
ATTENDANCE_PAGE = "events/attendance.html"


def _not_yours(message: str) -> DomainError:
    """A translated "not yours to do" refusal (403), shown on the standard page."""
    return DomainError(ErrorCode.NOT_ALLOWED, message)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts(EVENT_WRITES)
def create(request: HttpRequest, slug: str) -> HttpResponse:
    """A host creates an event at their office; a chosen room is booked with it."""
    office = office_public(slug=slug)
    if not policies.can_run_events(request.user, office):
        raise _not_yours(_("Only the hosts of this office can create events here."))
    if office.status != OfficeStatus.OPEN:
        raise _not_yours(_("This office is not open, so it cannot hold events now."))
    form = EventForm(request.POST or None, office=office)
    context: dict[str, Any] = {"form": form, "office": office}
    if request.method != "POST":
        return render(request, EVENT_FORM, context)
    if not form.is_valid():
        return render(request, EVENT_FORM, context, status=400)
    return _publish(request, context)


@on_domain_error(form_refused(EVENT_FORM))
def _publish(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    fields = context["form"].event_fields()
    event = services.event_create(office=context["office"], actor=acting_member(request), **fields)
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
@limit_posts(EVENT_WRITES)
def edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Change an event (its office's hosts)."""
    event = event_get(public_id=public_id, user=request.user)
    if not policies.can_edit_event(request.user, event):
        raise _not_yours(_("Only the hosts of this office can change this event."))
    if request.method != "POST":
        form = EventChangeForm(initial=EventChangeForm.initial_for(event), office=event.office)
    else:
        form = EventChangeForm(request.POST, office=event.office)
    context: dict[str, Any] = {"form": form, "office": event.office, "event": event}
    if request.method != "POST":
        return render(request, EVENT_FORM, context)
    if not form.is_valid():
        return render(request, EVENT_FORM, context, status=400)
    return _save_changes(request, context)


@on_domain_error(form_refused(EVENT_FORM))
def _save_changes(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    event = context["event"]
    changed = _changed_fields(event, context["form"].event_fields())
    if not changed:
        messages.info(request, _("Nothing was changed."))
        return redirect("events:detail", public_id=event.public_id)
    services.event_update(event=event, actor=acting_member(request), **changed)
    messages.success(request, _("The event is changed. Everyone registered is told."))
    return redirect("events:detail", public_id=event.public_id)


def _host_event(request: HttpRequest, public_id: Any) -> Event:
    """The event, when the user runs its office; otherwise the 403 page."""
    event = event_get(public_id=public_id, user=request.user)
    if not policies.can_run_events(request.user, event.office):
        raise _not_yours(_("Only the hosts of this office can change this event."))
    return event


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts(EVENT_WRITES)
def status(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Cancel, postpone or move an event, with a note everyone sees."""
    event = _host_event(request, public_id)
    if request.method != "POST":
        form = StatusForm(initial={"status": event.status, "note": event.status_note})
    else:
        form = StatusForm(request.POST)
    context: dict[str, Any] = {"form": form, "event": event, "office": event.office}
    if request.method != "POST":
        return render(request, "events/status.html", context)
    if not form.is_valid():
        return render(request, "events/status.html", context, status=400)
    return _save_status(request, context)


@on_domain_error(form_refused("events/status.html"))
def _save_status(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    event, data = context["event"], context["form"].cleaned_data
    services.event_set_status(
        event=event, actor=acting_member(request), status=data["status"], note=data["note"]
    )
    messages.success(request, _("The status is saved. Everyone registered is told."))
    return redirect("events:detail", public_id=event.public_id)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts(EVENT_WRITES)
def attendance(request: HttpRequest, public_id: Any) -> HttpResponse:
    """How many came: the office's staff record it once the event has started.

    The event page carries the same form; this page shows it again with
    what was wrong, and works on its own for a host who bookmarks it.
    """
    event = event_get(public_id=public_id, user=request.user)
    if not policies.can_record_attendance(request.user, event):
        raise _not_yours(_("Only the hosts of this office can record attendance."))
    if request.method != "POST":
        form = AttendanceForm(initial={"attendance": event.attendance})
    else:
        form = AttendanceForm(request.POST)
    context: dict[str, Any] = {
        "form": form,
        "event": event,
        "office": event.office,
        "is_open": attendance_open(event, timezone.now()),
    }
    if request.method != "POST":
        return render(request, ATTENDANCE_PAGE, context)
    if not form.is_valid():
        return render(request, ATTENDANCE_PAGE, context, status=400)
    return _save_attendance(request, context)


@on_domain_error(form_refused(ATTENDANCE_PAGE))
def _save_attendance(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    event = context["event"]
    services.event_record_attendance(
        event=event,
        attendance=context["form"].cleaned_data["attendance"],
        by=acting_member(request),
    )
    messages.success(request, _("Attendance is saved."))
    return redirect("events:detail", public_id=event.public_id)
