"""Where planning starts: the officer's population sources, sites and scenarios."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from publicoffice.planning import policies
from publicoffice.planning.selectors.hub import hub_counts


@require_safe
@login_required
def hub(request: HttpRequest) -> HttpResponse:
    """Links to the three steps of planning, each with its count, for officers only."""
    if not policies.can_plan(request.user):
        raise PermissionDenied
    return render(request, "planning/hub.html", {"counts": hub_counts(request.user)})
