"""A member books, changes, cancels and checks in; waits for a taken time; keeps a calendar.

Refusals of the services are answered once per view with
:func:`~publicoffice.core.web_errors.on_domain_error`: the form comes back
with the message and the registry's status, or the member goes back with
the message. Anything the selectors refuse (a booking that is not theirs)
reaches the standard error page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.bookings import policies, selectors, services, waitlist
from publicoffice.bookings.forms import BookingTimeForm
from publicoffice.bookings.models import Booking, BookingStatus
from publicoffice.bookings.rules import Rules, rules_for
from publicoffice.bookings.views.common import rules_in_words, signed_in
from publicoffice.core.errors import DomainError
from publicoffice.core.ratelimit import PostLimit, limit_posts
from publicoffice.core.web_errors import back_with_message, on_domain_error
from publicoffice.places.models import Space

#: Booking, waiting and changing: one client, ten minutes.
BOOKINGS = PostLimit("booking", limit=60, window=600)

REQUEST_SENT = gettext_lazy(
    "Your request is sent. This space needs the staff's approval; you will get an answer by e-mail."
)


def _initial_from_query(request: HttpRequest) -> dict[str, Any]:
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
        "can_wait": error is not None and error.code in waitlist.TAKEN_CODES,
    }
    return render(
        request,
        "bookings/book.html",
        context,
        status=error.status if error else (400 if form.is_bound and form.errors else 200),
    )


def _book_refused(request: HttpRequest, error: DomainError, pk: int) -> HttpResponse:
    """The booking form again, as posted, with the service's refusal."""
    space = selectors.bookable_space(space_id=pk)
    rules = rules_for(space)
    form = BookingTimeForm(request.POST, step_minutes=rules.slot_minutes)
    form.is_valid()
    return _book_page(request, space, form, rules=rules, error=error)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts(BOOKINGS)
@on_domain_error(_book_refused)
def book(request: HttpRequest, pk: int) -> HttpResponse:
    """Book one space: the form, and the service's answer in words."""
    space = selectors.bookable_space(space_id=pk)
    rules = rules_for(space)
    if request.method != "POST":
        form = BookingTimeForm(
            initial=_initial_from_query(request), step_minutes=rules.slot_minutes
        )
        return _book_page(request, space, form, rules=rules)
    form = BookingTimeForm(request.POST, step_minutes=rules.slot_minutes)
    if not form.is_valid():
        return _book_page(request, space, form, rules=rules)
    data = form.cleaned_data
    booking = services.booking_create(
        space=space,
        member=signed_in(request),
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        attendees=data["attendees"],
        purpose=data["purpose"],
    )
    if booking.status == BookingStatus.PENDING:
        messages.success(request, REQUEST_SENT)
    else:
        messages.success(request, _("Booked! A confirmation is on its way by e-mail."))
    return redirect("bookings:detail", public_id=booking.public_id)


@login_required
@require_POST
@limit_posts(BOOKINGS)
@on_domain_error(_book_refused)
def wait(request: HttpRequest, pk: int) -> HttpResponse:
    """Join the waitlist for a taken time."""
    space = selectors.bookable_space(space_id=pk)
    rules = rules_for(space)
    form = BookingTimeForm(request.POST, step_minutes=rules.slot_minutes)
    if not form.is_valid():
        return _book_page(request, space, form, rules=rules)
    data = form.cleaned_data
    waitlist.waitlist_join(
        space=space,
        member=signed_in(request),
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        attendees=data["attendees"],
    )
    messages.success(
        request,
        _("You are on the waitlist. If the time frees up, we offer it to you by e-mail and here."),
    )
    return redirect("bookings:mine")


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
        "log": selectors.booking_log(user=request.user, booking=booking),
    }
    status = error.status if error else (400 if form is not None and form.errors else 200)
    return render(request, "bookings/detail.html", context, status=status)


def _detail_refused(request: HttpRequest, error: DomainError, public_id: Any) -> HttpResponse:
    """The booking's page with the refusal (cancel, check in)."""
    booking = selectors.booking_visible_to(user=request.user, public_id=public_id)
    return _detail_page(request, booking, error=error)


def _change_refused(request: HttpRequest, error: DomainError, public_id: Any) -> HttpResponse:
    """The booking's page with the change form as posted, and the refusal."""
    booking = selectors.booking_visible_to(user=request.user, public_id=public_id)
    form = BookingTimeForm(request.POST, step_minutes=Rules.from_dict(booking.rules).slot_minutes)
    form.is_valid()
    return _detail_page(request, booking, form=form, error=error)


@login_required
@require_safe
def detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    booking = selectors.booking_visible_to(user=request.user, public_id=public_id)
    return _detail_page(request, booking)


@login_required
@require_POST
@limit_posts(BOOKINGS)
@on_domain_error(_change_refused)
def change(request: HttpRequest, public_id: Any) -> HttpResponse:
    booking = selectors.booking_visible_to(user=request.user, public_id=public_id)
    rules = Rules.from_dict(booking.rules)
    form = BookingTimeForm(request.POST, step_minutes=rules.slot_minutes)
    if not form.is_valid():
        return _detail_page(request, booking, form=form)
    data = form.cleaned_data
    services.booking_change(
        booking=booking,
        actor=signed_in(request),
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        attendees=data["attendees"],
        purpose=data["purpose"],
    )
    messages.success(request, _("Your booking is changed."))
    return redirect("bookings:detail", public_id=booking.public_id)


@login_required
@require_POST
@on_domain_error(_detail_refused)
def cancel(request: HttpRequest, public_id: Any) -> HttpResponse:
    booking = selectors.booking_visible_to(user=request.user, public_id=public_id)
    services.booking_cancel(booking=booking, actor=signed_in(request))
    messages.success(request, _("Your booking is cancelled. Thank you for giving the time back."))
    if policies.owns_booking(request.user, booking):
        return redirect("bookings:mine")
    return redirect("bookings:host_day", slug=booking.office.slug)


@login_required
@require_POST
@on_domain_error(_detail_refused)
def check_in(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The on-site button: "I am here"."""
    booking = selectors.booking_visible_to(user=request.user, public_id=public_id)
    services.booking_check_in(booking=booking, actor=signed_in(request))
    messages.success(request, _("You are checked in. The space is yours."))
    return redirect("bookings:detail", public_id=booking.public_id)


def _to_my_bookings(request: HttpRequest, public_id: Any) -> str:
    """Back to "My bookings", when the place on the waitlist is the member's at all."""
    selectors.member_waitlist_entry(member=signed_in(request), public_id=public_id)
    return reverse("bookings:mine")


@login_required
@require_POST
@on_domain_error(back_with_message(_to_my_bookings))
def wait_accept(request: HttpRequest, public_id: Any) -> HttpResponse:
    entry = selectors.member_waitlist_entry(member=signed_in(request), public_id=public_id)
    booking = waitlist.waitlist_accept(entry=entry, member=signed_in(request))
    messages.success(request, _("The time is yours. A confirmation is on its way by e-mail."))
    return redirect("bookings:detail", public_id=booking.public_id)


@login_required
@require_POST
def wait_withdraw(request: HttpRequest, public_id: Any) -> HttpResponse:
    entry = selectors.member_waitlist_entry(member=signed_in(request), public_id=public_id)
    waitlist.waitlist_withdraw(entry=entry, member=signed_in(request))
    messages.success(request, _("You have left the waitlist for that time."))
    return redirect("bookings:mine")


@login_required
@require_safe
def my_bookings(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    mine = selectors.my_bookings(member=signed_in(request), now=now)
    feed_url = (
        request.build_absolute_uri(reverse("calendar_feed", kwargs={"token": mine.feed_token}))
        if mine.feed_token
        else ""
    )
    context = {
        "coming": mine.coming,
        "past": mine.past,
        "waitlist": mine.waitlist,
        "offers": mine.offers,
        "feed_url": feed_url,
    }
    return render(request, "bookings/my_bookings.html", context)


@login_required
@require_POST
def calendar_renew(request: HttpRequest) -> HttpResponse:
    """Make (or renew) the secret calendar address; the old one stops working."""
    had_feed = bool(selectors.calendar_feed_token(member=signed_in(request)))
    services.calendar_feed_renew(member=signed_in(request))
    if had_feed:
        messages.success(
            request, _("Your calendar address is renewed. The old one no longer works.")
        )
    else:
        messages.success(request, _("Your calendar address is ready. Add it to your calendar app."))
    return redirect(reverse("bookings:mine") + "#calendar")
