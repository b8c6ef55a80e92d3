"""The host's booking desk: the day's schedule, approvals, no-shows, waitlists, on-behalf."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.accounts.models import User
from publicoffice.bookings import policies, services
from publicoffice.bookings.forms import DecisionForm, OnBehalfForm
from publicoffice.bookings.selectors import (
    office_day_schedule,
    office_no_shows,
    office_pending,
    office_waitlists,
)
from publicoffice.bookings.views.common import booking_by_public_id
from publicoffice.core.errors import DomainError
from publicoffice.places.models import Office, OfficeStatus


def _staff_office(request: HttpRequest, slug: str) -> Office:
    """The office, if this user runs its bookings; 404 otherwise (no hint it exists)."""
    office = (
        Office.objects.exclude(status=OfficeStatus.CLOSED)
        .prefetch_related("weekly_hours", "hours_exceptions")
        .filter(slug=slug)
        .first()
    )
    if office is None or not policies.can_run_bookings(request.user, office):
        raise Http404
    return office


def _chosen_day(raw: str | None, today: date) -> date:
    try:
        chosen = date.fromisoformat((raw or "")[:10])
    except ValueError:
        return today
    return chosen if abs((chosen - today).days) <= 366 else today


@login_required
@require_safe
def day(request: HttpRequest, slug: str) -> HttpResponse:
    office = _staff_office(request, slug)
    now = timezone.now()
    today = timezone.localdate()
    chosen = _chosen_day(request.GET.get("date"), today)
    schedule = list(office_day_schedule(office=office, day=chosen))
    for booking in schedule:
        booking.released = booking.missed_check_in(now)  # type: ignore[attr-defined]
    context = {
        "office": office,
        "day": chosen,
        "previous": chosen - timedelta(days=1),
        "next": chosen + timedelta(days=1),
        "is_today": chosen == today,
        "schedule": schedule,
        "pending": list(office_pending(office=office)[:100]),
        "no_shows": list(office_no_shows(office=office, now=now)[:100]),
        "waitlists": list(office_waitlists(office=office, now=now)[:100]),
        "decision_form": DecisionForm(),
        "can_book_on_behalf": policies.can_book_on_behalf(request.user, office),
        "now": now,
    }
    return render(request, "bookings/host_day.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def book_on_behalf(request: HttpRequest, slug: str) -> HttpResponse:
    """Book for a member or a visitor at the desk; optionally override a rule, with a reason."""
    office = _staff_office(request, slug)
    if not policies.can_book_on_behalf(request.user, office):
        raise Http404
    form = OnBehalfForm(
        request.POST if request.method == "POST" else None,
        office=office,
        initial={"day": timezone.localdate(), "attendees": 1},
    )
    error: DomainError | None = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        member = None
        if data["member_email"]:
            member = User.objects.filter(email__iexact=data["member_email"], is_active=True).first()
        if data["member_email"] and member is None:
            form.add_error("member_email", _("No member has this e-mail address."))
        else:
            try:
                booking = services.booking_create(
                    space=data["space"],
                    member=member,
                    visitor_name="" if member else data["visitor_name"],
                    starts_at=data["starts_at"],
                    ends_at=data["ends_at"],
                    attendees=data["attendees"],
                    purpose=data["purpose"],
                    actor=request.user,
                    override_reason=data["override_reason"],
                )
            except DomainError as refused:
                error = refused
            else:
                messages.success(request, _("Booked for %(who)s.") % {"who": booking.who})
                return redirect("bookings:detail", public_id=booking.public_id)
    status = error.status if error else (400 if form.is_bound and form.errors else 200)
    return render(
        request,
        "bookings/on_behalf.html",
        {"office": office, "form": form, "error": error},
        status=status,
    )


@login_required
@require_POST
def decide(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Approve or turn down a booking that waits for approval."""
    booking = booking_by_public_id(public_id)
    if not policies.can_run_bookings(request.user, booking.office):
        raise Http404
    form = DecisionForm(request.POST)
    reason = form.data.get("reason", "")[:300] if form.is_valid() else ""
    approve = request.POST.get("decision") == "approve"
    try:
        services.booking_decide(booking=booking, actor=request.user, approve=approve, reason=reason)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request, _("The booking is approved.") if approve else _("The booking is turned down.")
        )
    day = timezone.localdate(booking.starts_at).isoformat()
    return redirect(
        reverse("bookings:host_day", kwargs={"slug": booking.office.slug}) + f"?date={day}"
    )
