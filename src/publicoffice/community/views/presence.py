""" "Here today": the choice after check-in, the office's list, and the panels.

The check-in page belongs to ``visits``, which knows nothing of profiles:
it shows whatever is registered with ``visits.extensions`` and
:func:`arrival_panel` is ours. The office page likewise shows
:func:`office_panel` through ``places.extensions``.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from publicoffice.community.forms.contacts import PresenceForm
from publicoffice.community.selectors.presence import (
    here_today,
    here_today_count,
    member_visit,
    presence_for_visit,
)
from publicoffice.community.services.presence import presence_hide, presence_show
from publicoffice.core.web_errors import back_with_message, on_domain_error
from publicoffice.places.extensions import Panel
from publicoffice.places.models import Office, OfficeStatus
from publicoffice.places.selectors import office_public
from publicoffice.visits.models import Visit


@login_required
@require_POST
def presence(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Show one of my profiles as here today for this visit, or stop showing it."""
    return _presence(request, member_visit(user=request.user, public_id=public_id))


def _thanks_url(request: HttpRequest, visit: Visit) -> str:
    return reverse("visits:thanks", kwargs={"public_id": visit.public_id})


@on_domain_error(back_with_message(_thanks_url))
def _presence(request: HttpRequest, visit: Visit) -> HttpResponse:
    back = redirect("visits:thanks", public_id=visit.public_id)
    if request.POST.get("action") == "hide":
        presence_hide(visit=visit)
        messages.success(request, _("You are no longer shown as here today."))
        return back
    form = PresenceForm(request.POST, member=request.user)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return back
    shown = presence_show(
        visit=visit, profile=form.cleaned_data["profile"], audience=form.cleaned_data["audience"]
    )
    messages.success(
        request,
        _("%(name)s is shown as here today until you check out.") % {"name": shown.profile.name},
    )
    return back


@require_safe
def here_today_page(request: HttpRequest, slug: str) -> HttpResponse:
    """Who is at the office now and can be met, as far as the visitor may see."""
    office = office_public(slug=slug)
    now = timezone.now()
    return render(
        request,
        "community/here_today.html",
        {
            "office": office,
            "presences": here_today(office=office, user=request.user, at=now),
        },
    )


def office_panel(request: HttpRequest, office: Office, at: datetime) -> Panel | None:
    """ "Here today: N people you can meet" on the office page, when there are any."""
    if office.status != OfficeStatus.OPEN:
        return None
    count = here_today_count(office=office, user=request.user, at=at)
    if not count:
        return None
    return Panel("community/here_today_panel.html", {"office": office, "count": count})


def arrival_panel(request: HttpRequest, visit: Visit, at: datetime) -> Panel | None:
    """The "show me as here today" form on a member's own, still open, check-in."""
    user = request.user
    if not user.is_authenticated or visit.member_id != user.pk:
        return None
    if visit.removed_at is not None or not (visit.started_at <= at < visit.ends_at):
        return None
    shown = presence_for_visit(visit=visit)
    initial = {"profile": shown.profile.public_id, "audience": shown.audience} if shown else {}
    form = PresenceForm(initial=initial, member=user)
    return Panel(
        "community/presence_panel.html",
        {
            "visit": visit,
            "presence": shown,
            "form": form,
            "has_profiles": form.has_profiles(),
        },
    )
