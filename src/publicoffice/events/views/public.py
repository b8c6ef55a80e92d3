"""Pages anyone can read: upcoming events, this week across the network,
an office's events, one event (with its schema.org data) and its .ics file."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from publicoffice.core.errors import DomainError
from publicoffice.events import ical, policies
from publicoffice.events.extensions import event_panels
from publicoffice.events.forms import AttendanceForm, EventFilterForm
from publicoffice.events.jsonld import event_json_ld
from publicoffice.events.models import Event, RegistrationStatus
from publicoffice.events.selectors import (
    event_get,
    event_registrations,
    events_this_week,
    events_upcoming,
    place_in_line,
    registration_for,
    week_bounds,
)
from publicoffice.events.views.common import (
    PAGE_SIZE,
    attendance_open,
    event_card,
    event_cards,
)
from publicoffice.places.selectors import office_public


def _page(request: HttpRequest, events: Any) -> Any:
    """One page of 20; an odd ``?page=`` shows the first or last page, never an error."""
    return Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))


def _query_without_page(request: HttpRequest) -> str:
    """The current filters, for the page links."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@require_safe
def event_list(request: HttpRequest) -> HttpResponse:
    """Upcoming events across the network, filtered by office, audience and language."""
    form = EventFilterForm(request.GET or None)
    filters = form.filters()
    page = _page(request, events_upcoming(at=timezone.now(), **filters))
    context = {
        "form": form,
        "page": page,
        "cards": event_cards(page.object_list),
        "filtered": bool(filters),
        "query": _query_without_page(request),
    }
    return render(request, "events/list.html", context)


@require_safe
def week(request: HttpRequest) -> HttpResponse:
    """Monday to Sunday of this week across the network, one heading per day.

    An event is listed on the day it starts; one that began last week and
    still runs is listed on Monday.
    """
    now = timezone.now()
    monday, _next_monday = week_bounds(now)
    days: list[dict[str, Any]] = [
        {"date": monday.date() + timedelta(days=n), "cards": []} for n in range(7)
    ]
    for event in events_this_week(at=now):
        start_day = max(timezone.localtime(event.starts_at).date(), monday.date())
        days[(start_day - monday.date()).days]["cards"].append(event_card(event, now=now))
    context = {
        "days": days,
        "today": timezone.localtime(now).date(),
        "monday": monday.date(),
        "sunday": monday.date() + timedelta(days=6),
        "now": now,
    }
    return render(request, "events/week.html", context)


@require_safe
def office_events(request: HttpRequest, slug: str) -> HttpResponse:
    """An office's coming events."""
    office = office_public(slug=slug)
    page = _page(request, events_upcoming(at=timezone.now(), office=office))
    context = {
        "office": office,
        "page": page,
        "cards": event_cards(page.object_list),
        "query": "",
        "runs_events": policies.can_run_events(request.user, office),
    }
    return render(request, "events/office_events.html", context)


def _attendance_form(request: HttpRequest, event: Event, now: datetime) -> AttendanceForm | None:
    """The "how many came" form, for the office's staff once the event has begun."""
    if not attendance_open(event, now) or not policies.can_record_attendance(request.user, event):
        return None
    return AttendanceForm(initial={"attendance": event.attendance})


def _detail_context(request: HttpRequest, event: Event) -> dict[str, Any]:
    user = request.user
    registration = registration_for(event=event, member=user)
    runs_events = policies.can_run_events(user, event.office)
    now = timezone.now()
    return {
        "event": event,
        "office": event.office,
        "card": event_card(event),
        "now": now,
        "attendance_form": _attendance_form(request, event, now) if runs_events else None,
        "registration": registration,
        "is_waiting": registration is not None
        and registration.status == RegistrationStatus.WAITING,
        "place_in_line": place_in_line(registration) if registration else 0,
        "can_register": policies.can_register(user, event) and registration is None,
        "can_edit": policies.can_edit_event(user, event),
        "runs_events": runs_events,
        "registrations": list(event_registrations(event=event)[:500])
        if policies.can_see_registrations(user, event)
        else [],
        "json_ld": event_json_ld(event, request=request),
        "event_panels": event_panels(request, event),
    }


def detail_page(
    request: HttpRequest, event: Event, *, error: DomainError | None = None, status: int = 200
) -> HttpResponse:
    """The event page; the member views render it too when a service says no."""
    context = _detail_context(request, event)
    context["error"] = error
    return render(request, "events/detail.html", context, status=status)


@require_safe
def detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    """One event, with what other apps add to it (:mod:`publicoffice.events.extensions`)."""
    event = event_get(public_id=public_id, user=request.user)
    return detail_page(request, event)


@require_safe
def ics(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The event as an .ics file for the visitor's calendar program."""
    event = event_get(public_id=public_id, user=request.user)
    body = ical.event_ics(event, at=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.public_id}.ics"'
    return response
