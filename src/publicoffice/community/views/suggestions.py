"""Who to meet: the member's suggestions, each with its reasons, and hiding one."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from publicoffice.community.matching import suggestion_hide, suggestions_for
from publicoffice.community.selectors.contacts import has_profiles
from publicoffice.community.selectors.directory import profile_by_public_id


@login_required
@require_safe
def suggestions(request: HttpRequest) -> HttpResponse:
    found = suggestions_for(member=request.user)
    has_profile = bool(found) or has_profiles(user=request.user)
    return render(
        request,
        "community/suggestions.html",
        {"suggestions": found, "has_profile": has_profile},
    )


@login_required
@require_POST
def suggestion_hide_view(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """ "Don't suggest again": the profile stays in the directory, only not here."""
    profile = profile_by_public_id(public_id=public_id)
    suggestion_hide(member=request.user, profile=profile)
    messages.success(
        request, _("We will not suggest %(name)s to you again.") % {"name": profile.name}
    )
    return redirect("community:suggestions")
