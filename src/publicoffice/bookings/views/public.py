"""Pages anyone may see: a space's week of free and taken times, and the slot finder."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from publicoffice.bookings.availability import space_week as week_of
from publicoffice.bookings.finder import first_free_slots
from publicoffice.bookings.forms import FindForm, week_start
from publicoffice.bookings.selectors import bookable_space
from publicoffice.bookings.views.common import rules_in_words, week_links


@require_safe
def space_week(request: HttpRequest, pk: int) -> HttpResponse:
    """Seven days of slots, each free or saying in words why it is not."""
    space = bookable_space(space_id=pk)
    today = timezone.localdate()
    start = week_start(request.GET.get("start"), today)
    week = week_of(space, start=start, member=request.user)
    context = {
        "space": space,
        "office": space.office,
        "week": week,
        "rules": rules_in_words(week.rules, space.capacity),
        "today": today,
        **week_links(start),
    }
    template = (
        "bookings/_week.html" if getattr(request, "htmx", False) else "bookings/space_week.html"
    )
    return render(request, template, context)


@require_safe
def find(request: HttpRequest) -> HttpResponse:
    """The first free time that fits: how long, how many, what kind, which needs."""
    bound = "duration" in request.GET
    form = FindForm(request.GET if bound else None, initial={"office": request.GET.get("office")})
    suggestions = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        suggestions = first_free_slots(
            duration_minutes=data["duration"],
            attendees=data["attendees"],
            office=data["office"],
            kind=data["kind"],
            needs=data["needs"],
            member=request.user,
        )
    template = (
        "bookings/_find_results.html" if getattr(request, "htmx", False) else "bookings/find.html"
    )
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, template, {"form": form, "suggestions": suggestions}, status=status)
