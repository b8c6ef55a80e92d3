"""The host's booking desk: the day's schedule, approvals, no-shows, waitlists, on-behalf."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.bookings import policies, selectors, services
from publicoffice.bookings.forms import DecisionForm, OnBehalfForm
from publicoffice.bookings.models import Booking
from publicoffice.bookings.views.common import signed_in
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.web_errors import back_with_message, on_domain_error
from publicoffice.places.models import Office


def _chosen_day(raw: str | None, today: date) -> date:
    try:
        chosen = date.fromisoformat((raw or "")[:10])
    except ValueError:
        return today
    return chosen if abs((chosen - today).days) <= 366 else today


@login_required
@require_safe
def day(request: HttpRequest, slug: str) -> HttpResponse:
    office = selectors.office_run_by(user=request.user, slug=slug)
    now = timezone.now()
    today = timezone.localdate()
    chosen = _chosen_day(request.GET.get("date"), today)
    desk = selectors.host_day(office=office, day=chosen, now=now)
    context = {
        "office": office,
        "day": chosen,
        "previous": chosen - timedelta(days=1),
        "next": chosen + timedelta(days=1),
        "is_today": chosen == today,
        "schedule": desk.schedule,
        "pending": desk.pending,
        "no_shows": desk.no_shows,
        "waitlists": desk.waitlists,
        "decision_form": DecisionForm(),
        "can_book_on_behalf": policies.can_book_on_behalf(request.user, office),
        "now": now,
    }
    return render(request, "bookings/host_day.html", context)


def _on_behalf_office(request: HttpRequest, slug: str) -> Office:
    """The office, if this user may book on someone's behalf there; else "no such office"."""
    office = selectors.office_run_by(user=request.user, slug=slug)
    if not policies.can_book_on_behalf(request.user, office):
        raise DomainError(ErrorCode.OFFICE_NOT_FOUND)
    return office


def _on_behalf_page(
    request: HttpRequest, office: Office, form: OnBehalfForm, error: DomainError | None = None
) -> HttpResponse:
    status = error.status if error else (400 if form.is_bound and form.errors else 200)
    return render(
        request,
        "bookings/on_behalf.html",
        {"office": office, "form": form, "error": error},
        status=status,
    )


def _on_behalf_form(request: HttpRequest, office: Office) -> OnBehalfForm:
    return OnBehalfForm(
        request.POST if request.method == "POST" else None,
        office=office,
        initial={"day": timezone.localdate(), "attendees": 1},
    )


def _on_behalf_refused(request: HttpRequest, error: DomainError, slug: str) -> HttpResponse:
    """The form again, as posted, with the service's refusal above it."""
    office = _on_behalf_office(request, slug)
    form = _on_behalf_form(request, office)
    form.is_valid()
    return _on_behalf_page(request, office, form, error)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@on_domain_error(_on_behalf_refused)
def book_on_behalf(request: HttpRequest, slug: str) -> HttpResponse:
    """Book for a member or a visitor at the desk; optionally override a rule, with a reason."""
    office = _on_behalf_office(request, slug)
    form = _on_behalf_form(request, office)
    if not (form.is_bound and form.is_valid()):
        return _on_behalf_page(request, office, form)
    data = form.cleaned_data
    member = None
    if data["member_email"]:
        member = selectors.active_member_by_email(email=data["member_email"])
        if member is None:
            form.add_error("member_email", _("No member has this e-mail address."))
            return _on_behalf_page(request, office, form)
    booking = services.booking_create(
        space=data["space"],
        member=member,
        visitor_name="" if member else data["visitor_name"],
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        attendees=data["attendees"],
        purpose=data["purpose"],
        actor=signed_in(request),
        override_reason=data["override_reason"],
    )
    messages.success(request, _("Booked for %(who)s.") % {"who": booking.who})
    return redirect("bookings:detail", public_id=booking.public_id)


def _day_of(booking: Booking) -> str:
    """The host's day of the booking."""
    day = timezone.localdate(booking.starts_at).isoformat()
    return reverse("bookings:host_day", kwargs={"slug": booking.office.slug}) + f"?date={day}"


def _back_to_the_day(request: HttpRequest, public_id: Any) -> str:
    return _day_of(selectors.booking_run_by(user=request.user, public_id=public_id))


@login_required
@require_POST
@on_domain_error(back_with_message(_back_to_the_day))
def decide(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Approve or turn down a booking that waits for approval."""
    booking = selectors.booking_run_by(user=request.user, public_id=public_id)
    form = DecisionForm(request.POST)
    reason = form.data.get("reason", "")[:300] if form.is_valid() else ""
    approve = request.POST.get("decision") == "approve"
    services.booking_decide(
        booking=booking, actor=signed_in(request), approve=approve, reason=reason
    )
    messages.success(
        request, _("The booking is approved.") if approve else _("The booking is turned down.")
    )
    return redirect(_day_of(booking))
