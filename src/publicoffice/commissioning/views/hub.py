"""Where the people of commissioning start: what is theirs to do, by role."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from publicoffice.commissioning import policies
from publicoffice.commissioning.selectors.hub import hub_counts


@require_safe
@login_required
def hub(request: HttpRequest) -> HttpResponse:
    """Links to the officer's, reviewer's and operator's pages, each with its count."""
    return render(
        request,
        "commissioning/hub.html",
        {"counts": hub_counts(request.user), "is_officer": policies.is_some_officer(request.user)},
    )
