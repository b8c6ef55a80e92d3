"""Public pages: the network map and list, an office, the concept page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from publicoffice.places.extensions import card_extras, office_panels
from publicoffice.places.forms import OfficeFilterForm
from publicoffice.places.presenters import (
    map_point,
    office_card,
    office_json_ld,
    office_page,
)
from publicoffice.places.selectors import office_get_public, office_search


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    form = OfficeFilterForm(request.GET or None)
    now = timezone.now()
    offices = office_search(filters=form.filters(), at=now)
    extras = card_extras(offices, now)
    cards = [office_card(office, at=now, extras=extras[office.pk]) for office in offices]
    context: dict[str, Any] = {
        "form": form,
        "cards": cards,
        "map_points": [map_point(card) for card in cards],
        "filtered": bool(request.GET),
    }
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "places/_office_results.html", context)
    return render(request, "places/home.html", context)


@require_safe
def office_detail(request: HttpRequest, slug: str) -> HttpResponse:
    office = office_get_public(slug=slug)
    now = timezone.now()
    language = get_language()
    context = office_page(office, at=now, language=language)
    context["json_ld"] = office_json_ld(office, request=request, at=now)
    context["map_points"] = [map_point({"office": office, "state": context["state"]})]
    context["panels"] = office_panels(request, office, now)
    return render(request, "places/office_detail.html", context)
