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
from publicoffice.places.network_selectors import office_page_search
from publicoffice.places.presenters import (
    map_point,
    office_card,
    office_json_ld,
    office_page,
)
from publicoffice.places.selectors import office_get_public

#: Query parameters that are not filters: the page, and the map's own.
NOT_FILTERS = ("page",)


def _page_number(request: HttpRequest) -> int:
    """The asked-for page; anything but a positive number is the first page."""
    value = request.GET.get("page", "")
    return int(value) if value.isdigit() and len(value) < 7 else 1


def _filter_query(request: HttpRequest) -> str:
    """The query string of the filters alone, for the pagination and the map."""
    query = request.GET.copy()
    for name in NOT_FILTERS:
        query.pop(name, None)
    return query.urlencode()


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """One page of the network's list, and a map that loads its markers itself.

    Costs the same at 2,000 offices as at 14: a page of cards, one count;
    the map asks ``/api/v1/offices.map.geojson`` for the clusters it shows.
    """
    form = OfficeFilterForm(request.GET or None)
    now = timezone.now()
    page = office_page_search(filters=form.filters(), at=now, page=_page_number(request))
    extras = card_extras(page.offices, now)
    filter_query = _filter_query(request)
    context: dict[str, Any] = {
        "form": form,
        "page": page,
        "cards": [office_card(office, at=now, extras=extras[office.pk]) for office in page.offices],
        "page_query": filter_query,
        "map_bounds": ",".join(f"{value:.5f}" for value in page.bounds) if page.bounds else "",
        "filtered": bool(filter_query),
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
