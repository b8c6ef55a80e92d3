"""The directory across the network and per office: a GET form and result cards."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats
from django.views.decorators.http import require_safe

from publicoffice.community.forms.directory import DirectoryFilterForm
from publicoffice.community.selectors.directory import (
    COUNT_CAP,
    DirectoryResults,
    filter_choices,
)
from publicoffice.places.models import Office
from publicoffice.places.selectors import office_public

#: Profiles per page of the directory.
PER_PAGE = 20


def _directory_page(request: HttpRequest, office: Office | None) -> HttpResponse:
    choices = filter_choices()
    form = DirectoryFilterForm(request.GET or None, **choices)
    if office is not None:
        del form.fields["office"]
    filters: dict[str, Any] = form.filters()
    if office is not None:
        filters["office"] = office
    profiles = DirectoryResults(user=request.user, **filters)
    page = Paginator(profiles, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "office": office,
        "page": page,
        "profiles": list(page.object_list),
        "filters": filters,
        "more_than": (
            formats.number_format(COUNT_CAP, force_grouping=True)
            if profiles.more_than_cap
            else None
        ),
        "filtered": any(
            value for key, value in filters.items() if key != "office" or office is None
        ),
        "page_query": query.urlencode(),
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "community/directory.html", context, status=status)


@require_safe
def directory(request: HttpRequest) -> HttpResponse:
    """Everyone in the network's directory that the visitor may see."""
    return _directory_page(request, None)


@require_safe
def office_directory(request: HttpRequest, slug: str) -> HttpResponse:
    """The profiles that call one office home."""
    office = office_public(slug=slug)
    return _directory_page(request, office)
