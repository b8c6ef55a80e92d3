"""The candidate-site and travel-time matrix pages, for officers within their municipality.

Someone who plans nowhere is refused (403); an officer asking for another
municipality's site or matrix finds nothing (404). Every write goes through
a service, which checks the right again; refusals come back at the form's
field with the error summary above it, so the pages work without JavaScript.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from publicoffice.core import csv_safe
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.web_errors import add_domain_error, back_with_message, on_domain_error
from publicoffice.places.models import Municipality
from publicoffice.planning import policies, reach
from publicoffice.planning.forms.candidates import (
    FIELD_OF_CODE,
    CandidateEditForm,
    CandidatesImportForm,
    MatrixImportForm,
    ProposeForm,
)
from publicoffice.planning.models import Candidate, CandidateKind, TravelMatrix
from publicoffice.planning.selectors import candidates as selectors
from publicoffice.planning.services import candidates as services
from publicoffice.planning.services import matrices as matrix_services

FORM = "planning/candidate_form.html"
IMPORT = "planning/candidate_import.html"
MATRIX_IMPORT = "planning/matrix_import.html"


def _planner(request: HttpRequest) -> None:
    if not policies.can_plan(request.user):
        raise DomainError(ErrorCode.NOT_ALLOWED)


def _to_list(request: HttpRequest, *args: Any, **kwargs: Any) -> str:
    return reverse("planning:candidates")


@contextmanager
def _saved(upload: UploadedFile, limit: int) -> Iterator[str]:
    """A path to the uploaded file, which the import services read (a CLI gives one too)."""
    if upload.size is not None and upload.size > limit:
        raise DomainError(ErrorCode.PLANNING_FILE_TOO_LARGE)
    path = getattr(upload, "temporary_file_path", None)
    if path is not None:
        yield path()
        return
    with tempfile.NamedTemporaryFile(suffix=".csv") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        yield handle.name


@login_required
@require_safe
def candidates(request: HttpRequest) -> HttpResponse:
    """The sites of the officer's municipalities, and the ways to add more."""
    _planner(request)
    municipalities = selectors.municipalities_for(request.user)
    context = {
        "candidates": list(selectors.candidates_for(request.user)),
        "municipalities": municipalities,
        "presets": reach.PRESETS.values(),
        "detour": reach.DETOUR_FACTOR,
        "existing": CandidateKind.EXISTING,
    }
    return render(request, "planning/candidates.html", context)


@login_required
@require_safe
def candidates_csv(request: HttpRequest) -> HttpResponse:
    """The sites as CSV (site_id, name, latitude, longitude): the destinations of a matrix."""
    _planner(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sites.csv"'
    writer = csv_safe.writer(response)
    writer.writerow(["site_id", "name", "latitude", "longitude", "x", "y"])
    for site in selectors.candidates_for(request.user):
        ref = site.ref or str(site.pk)
        writer.writerow([ref, site.name, site.latitude, site.longitude, site.x, site.y])
    return response


@on_domain_error(back_with_message(_to_list))
def _sync(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    sites = services.candidates_from_offices(municipality, request.user)
    messages.success(
        request,
        ngettext(
            "%(count)s existing office is a site.",
            "%(count)s existing offices are sites.",
            len(sites),
        )
        % {"count": len(sites)},
    )
    return redirect("planning:candidates")


@login_required
@require_POST
def candidates_from_offices(request: HttpRequest) -> HttpResponse:
    """Add (or bring up to date) the sites of the municipality's open and planned offices."""
    _planner(request)
    try:
        pk = int(request.POST.get("municipality", ""))
    except ValueError as error:
        raise DomainError(ErrorCode.PLANNING_NOT_FOUND) from error
    return _sync(request, selectors.municipality_for(request.user, pk))


def _refused(
    request: HttpRequest, error: DomainError, form: Any, page: str, **context: Any
) -> HttpResponse:
    """The form again, the refusal at its field: a file's row errors at the file."""
    if "row" in error.details and "file" in form.fields:
        form.add_error("file", ValidationError(str(error.message), code=str(error.code)))
    else:
        add_domain_error(form, error, field_of_code=FIELD_OF_CODE)
    return render(request, page, {"form": form, **context}, status=error.status)


@on_domain_error(_refused)
def _propose(request: HttpRequest, form: ProposeForm, page: str) -> HttpResponse:
    data = form.cleaned_data
    services.candidate_propose(
        municipality=selectors.municipality_for(request.user, data["municipality"]),
        name=data["name"],
        address=data["address"],
        latitude=data["latitude"],
        longitude=data["longitude"],
        capacity=data["capacity"],
        by=request.user,
    )
    messages.success(request, _("The site is added."))
    return redirect("planning:candidates")


@login_required
def candidate_new(request: HttpRequest) -> HttpResponse:
    """Propose an address: its name, and the latitude and longitude read off a map."""
    _planner(request)
    municipalities = selectors.municipalities_for(request.user)
    form = ProposeForm(request.POST or None, municipalities=municipalities)
    if request.method != "POST":
        return render(request, FORM, {"form": form})
    if not form.is_valid():
        return render(request, FORM, {"form": form}, status=400)
    return _propose(request, form, FORM)


@on_domain_error(_refused)
def _update(
    request: HttpRequest, form: CandidateEditForm, page: str, *, candidate: Candidate
) -> HttpResponse:
    services.candidate_update(candidate, **form.cleaned_data, by=request.user)
    messages.success(request, _("The site is saved."))
    return redirect("planning:candidates")


@login_required
def candidate_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Rename a site or set its capacity (an office's site takes its name from the office)."""
    _planner(request)
    site = selectors.candidate_for(request.user, pk)
    follows = site.kind == CandidateKind.EXISTING
    initial = {"name": site.name, "address": site.address, "capacity": site.capacity}
    form = CandidateEditForm(request.POST or None, initial=initial, follows_office=follows)
    context = {"form": form, "candidate": site}
    if request.method != "POST":
        return render(request, FORM, context)
    if not form.is_valid():
        return render(request, FORM, context, status=400)
    return _update(request, form, FORM, candidate=site)


@on_domain_error(back_with_message(_to_list))
def _remove(request: HttpRequest, site: Candidate) -> HttpResponse:
    services.candidate_delete(site, request.user)
    messages.success(request, _("The site is removed."))
    return redirect("planning:candidates")


@login_required
def candidate_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask, then remove a proposed or imported site."""
    _planner(request)
    site = selectors.candidate_for(request.user, pk)
    if request.method != "POST":
        return render(request, "planning/candidate_delete.html", {"candidate": site})
    return _remove(request, site)


@on_domain_error(_refused)
def _import_sites(request: HttpRequest, form: CandidatesImportForm, page: str) -> HttpResponse:
    data = form.cleaned_data
    municipality = selectors.municipality_for(request.user, data["municipality"])
    with _saved(data["file"], services.MAX_IMPORT_BYTES) as path:
        sites = services.candidates_import(
            municipality=municipality, batch=data["batch"], path=path, by=request.user
        )
    messages.success(
        request,
        ngettext("%(count)s site is imported.", "%(count)s sites are imported.", len(sites))
        % {"count": len(sites)},
    )
    return redirect("planning:candidates")


@login_required
def candidates_import(request: HttpRequest) -> HttpResponse:
    """Import a list of premises (CSV): every row valid, or nothing changes."""
    _planner(request)
    municipalities = selectors.municipalities_for(request.user)
    form = CandidatesImportForm(
        request.POST or None, request.FILES or None, municipalities=municipalities
    )
    if request.method != "POST":
        return render(request, IMPORT, {"form": form})
    if not form.is_valid():
        return render(request, IMPORT, {"form": form}, status=400)
    return _import_sites(request, form, IMPORT)


@login_required
@require_safe
def matrices(request: HttpRequest) -> HttpResponse:
    """The imported travel-time matrices, newest first."""
    _planner(request)
    rows = list(selectors.matrices_for(request.user))
    return render(request, "planning/matrices.html", {"matrices": rows})


@login_required
@require_safe
def matrix(request: HttpRequest, pk: int) -> HttpResponse:
    """One matrix: its source, way of travelling and how many pairs it holds."""
    _planner(request)
    found = selectors.matrix_for(request.user, pk)
    return render(request, "planning/matrix_detail.html", {"matrix": found})


def _to_matrices(request: HttpRequest, *args: Any, **kwargs: Any) -> str:
    return reverse("planning:matrices")


@on_domain_error(back_with_message(_to_matrices))
def _remove_matrix(request: HttpRequest, found: TravelMatrix) -> HttpResponse:
    matrix_services.matrix_delete(found, request.user)
    messages.success(request, _("The matrix is removed."))
    return redirect("planning:matrices")


@login_required
@require_POST
def matrix_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove a matrix no scenario uses."""
    _planner(request)
    return _remove_matrix(request, selectors.matrix_for(request.user, pk))


@on_domain_error(_refused)
def _import_matrix(request: HttpRequest, form: MatrixImportForm, page: str) -> HttpResponse:
    data = form.cleaned_data
    with _saved(data["file"], matrix_services.MAX_MATRIX_BYTES) as path:
        found = matrix_services.matrix_import(
            source=selectors.source_for_matrix(request.user, data["source"]),
            name=data["name"],
            mode=data["mode"],
            path=path,
            by=request.user,
        )
    messages.success(
        request,
        ngettext(
            "The matrix is imported: %(count)s pair.",
            "The matrix is imported: %(count)s pairs.",
            found.pair_count,
        )
        % {"count": found.pair_count},
    )
    return redirect("planning:matrix", pk=found.pk)


@login_required
def matrix_import(request: HttpRequest) -> HttpResponse:
    """Import a travel-time matrix (CSV cell_id,site_id,minutes) over a population source."""
    _planner(request)
    sources = selectors.ready_sources_for(request.user)
    form = MatrixImportForm(request.POST or None, request.FILES or None, sources=sources)
    if request.method != "POST":
        return render(request, MATRIX_IMPORT, {"form": form})
    if not form.is_valid():
        return render(request, MATRIX_IMPORT, {"form": form}, status=400)
    return _import_matrix(request, form, MATRIX_IMPORT)
