"""A member books, changes, cancels and checks in; waits for a taken time; keeps a calendar."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.bookings import policies, services, waitlist
from publicoffice.bookings.forms import BookingTimeForm
from publicoffice.bookings.models import Booking, BookingStatus, CalendarFeed, WaitlistEntry
from publicoffice.bookings.rules import Rules, rules_for
from publicoffice.bookings.selectors import (
    member_bookings,
    member_coming_bookings,
    member_waitlist,
)
from publicoffice.bookings.views.common import booking_by_public_id, public_space, rules_in_words
from publicoffice.core.errors import DomainError
from publicoffice.core.ratelimit import limit_posts
from publicoffice.places.models import Space

REQUEST_SENT = gettext_lazy(
    "Your request is sent. This space needs the staff's approval; you will get an answer by e-mail."
)

#: Refusals that mean "taken": the page then offers the waitlist.
TAKEN_CODES = {"slot_taken", "slot_on_hold"}


def _initial_from_query(request: HttpRequest, rules: Rules) -> dict[str, Any]:
    """Prefill the form from a slot link (``?day=&start=&end=``)."""
    initial: dict[str, Any] = {"attendees": 1}
    for name in ("day", "start", "end"):
        value = request.GET.get(name, "")[:10]
        if value:
            initial[name] = value
    return initial


def _book_page(
    request: HttpRequest,
    space: Space,
    form: BookingTimeForm,
    *,
    rules: Rules,
    error: DomainError | None = None,
) -> HttpResponse:
    context = {
        "space": space,
        "office": space.office,
        "form": form,
        "rules": rules_in_words(rules, space.capacity),
        "error": error,
        "can_wait": error is not None and error.code in TAKEN_CODES,
    }
    return render(
        request,
        "bookings/book.html",
        context,
        status=error.status if error else (400 if form.is_bound and form.errors else 200),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("booking", limit=60, window=600)
def book(request: HttpRequest, pk: int) -> HttpResponse:
    """Book one space: the form, and the service's answer in words."""
    space = public_space(pk)
    rules = rules_for(space)
    if request.method != "POST":
        form = BookingTimeForm(
            initial=_initial_from_query(request, rules), step_minutes=rules.slot_minutes
        )
        return _book_page(request, space, form, rules=rules)
    form = BookingTimeForm(request.POST, step_minutes=rules.slot_minutes)
    if not form.is_valid():
        return _book_page(request, space, form, rules=rules)
    data = form.cleaned_data
    try:
        booking = services.booking_create(
            space=space,
            member=request.user,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            attendees=data["attendees"],
            purpose=data["purpose"],
        )
    except DomainError as error:
        return _book_page(request, space, form, rules=rules, error=error)
    if booking.status == BookingStatus.PENDING:
        messages.success(request, REQUEST_SENT)
    else:
        messages.success(request, _("Booked! A confirmation is on its way by e-mail."))
    return redirect("bookings:detail", public_id=booking.public_id)


@login_required
@require_POST
@limit_posts("booking", limit=60, window=600)
def wait(request: HttpRequest, pk: int) -> HttpResponse:
    """Join the waitlist for a taken time."""
    space = public_space(pk)
    rules = rules_for(space)
    form = BookingTimeForm(request.POST, step_minutes=rules.slot_minutes)
    if not form.is_valid():
        return _book_page(request, space, form, rules=rules)
    data = form.cleaned_data
    try:
        waitlist.waitlist_join(
            space=space,
            member=request.user,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            attendees=data["attendees"],
        )
    except DomainError as error:
        return _book_page(request, space, form, rules=rules, error=error)
    messages.success(
        request,
        _("You are on the waitlist. If the time frees up, we offer it to you by e-mail and here."),
    )
    return redirect("bookings:mine")


def _own_booking(request: HttpRequest, public_id: Any) -> Booking:
    """The booking, if this user may see it; 404 (no hint that it exists) otherwise."""
    booking = booking_by_public_id(public_id)
    if not policies.can_see_booking(request.user, booking):
        raise Http404
    return booking


def _detail_page(
    request: HttpRequest,
    booking: Booking,
    *,
    form: BookingTimeForm | None = None,
    error: DomainError | None = None,
) -> HttpResponse:
    now = timezone.now()
    rules = Rules.from_dict(booking.rules)
    holds = booking.holds_at(now)
    if form is None and holds and booking.ends_at > now:
        form = BookingTimeForm(
            initial=BookingTimeForm.initial_for(
                booking.starts_at, booking.ends_at, booking.attendees
            )
            | {"purpose": booking.purpose},
            step_minutes=rules.slot_minutes,
        )
    context = {
        "booking": booking,
        "space": booking.space,
        "office": booking.office,
        "holds": holds,
        "missed": booking.missed_check_in(now),
        "can_check_in": booking.can_check_in(now),
        "can_change": holds and booking.ends_at > now,
        "form": form,
        "error": error,
        "rules": rules_in_words(rules, booking.space.capacity),
        "is_staff_view": policies.can_run_bookings(request.user, booking.office),
        "log": list(booking.log.select_related("actor"))
        if policies.can_run_bookings(request.user, booking.office)
        else [],
    }
    status = error.status if error else (400 if form is not None and form.errors else 200)
    return render(request, "bookings/detail.html", context, status=status)


@login_required
@require_safe
def detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    return _detail_page(request, _own_booking(request, public_id))


@login_required
@require_POST
@limit_posts("booking", limit=60, window=600)
def change(request: HttpRequest, public_id: Any) -> HttpResponse:
    booking = _own_booking(request, public_id)
    rules = Rules.from_dict(booking.rules)
    form = BookingTimeForm(request.POST, step_minutes=rules.slot_minutes)
    if not form.is_valid():
        return _detail_page(request, booking, form=form)
    data = form.cleaned_data
    try:
        services.booking_change(
            booking=booking,
            actor=request.user,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            attendees=data["attendees"],
            purpose=data["purpose"],
        )
    except DomainError as error:
        return _detail_page(request, booking, form=form, error=error)
    messages.success(request, _("Your booking is changed."))
    return redirect("bookings:detail", public_id=booking.public_id)


@login_required
@require_POST
def cancel(request: HttpRequest, public_id: Any) -> HttpResponse:
    booking = _own_booking(request, public_id)
    try:
        services.booking_cancel(booking=booking, actor=request.user)
    except DomainError as error:
        return _detail_page(request, booking, error=error)
    messages.success(request, _("Your booking is cancelled. Thank you for giving the time back."))
    if policies.owns_booking(request.user, booking):
        return redirect("bookings:mine")
    return redirect("bookings:host_day", slug=booking.office.slug)


@login_required
@require_POST
def check_in(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The on-site button: "I am here"."""
    booking = _own_booking(request, public_id)
    try:
        services.booking_check_in(booking=booking, actor=request.user)
    except DomainError as error:
        return _detail_page(request, booking, error=error)
    messages.success(request, _("You are checked in. The space is yours."))
    return redirect("bookings:detail", public_id=booking.public_id)


def _own_entry(request: HttpRequest, public_id: Any) -> WaitlistEntry:
    entry = (
        WaitlistEntry.objects.select_related("space")
        .filter(public_id=public_id, member_id=request.user.pk)
        .first()
    )
    if entry is None:
        raise Http404
    return entry


@login_required
@require_POST
def wait_accept(request: HttpRequest, public_id: Any) -> HttpResponse:
    entry = _own_entry(request, public_id)
    try:
        booking = waitlist.waitlist_accept(entry=entry, member=request.user)
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("bookings:mine")
    messages.success(request, _("The time is yours. A confirmation is on its way by e-mail."))
    return redirect("bookings:detail", public_id=booking.public_id)


@login_required
@require_POST
def wait_withdraw(request: HttpRequest, public_id: Any) -> HttpResponse:
    entry = _own_entry(request, public_id)
    waitlist.waitlist_withdraw(entry=entry, member=request.user)
    messages.success(request, _("You have left the waitlist for that time."))
    return redirect("bookings:mine")


@login_required
@require_safe
def my_bookings(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    coming = list(member_coming_bookings(member=request.user, now=now)[:100])
    coming_ids = {b.pk for b in coming}
    past = [
        b
        for b in member_bookings(member=request.user).filter(
            starts_at__gte=now - timedelta(days=90)
        )[:100]
        if b.pk not in coming_ids
    ]
    for booking in past:
        booking.released = booking.missed_check_in(now)  # type: ignore[attr-defined]
    feed = CalendarFeed.objects.filter(member_id=request.user.pk).first()
    feed_url = (
        request.build_absolute_uri(reverse("calendar_feed", kwargs={"token": feed.token}))
        if feed
        else ""
    )
    context = {
        "coming": coming,
        "past": past,
        "waitlist": list(member_waitlist(member=request.user, now=now)),
        "now": now,
        "feed_url": feed_url,
    }
    return render(request, "bookings/my_bookings.html", context)


@login_required
@require_POST
def calendar_renew(request: HttpRequest) -> HttpResponse:
    """Make (or renew) the secret calendar address; the old one stops working."""
    had_feed = CalendarFeed.objects.filter(member_id=request.user.pk).exists()
    services.calendar_feed_renew(member=request.user)
    if had_feed:
        messages.success(
            request, _("Your calendar address is renewed. The old one no longer works.")
        )
    else:
        messages.success(request, _("Your calendar address is ready. Add it to your calendar app."))
    return redirect(reverse("bookings:mine") + "#calendar")
