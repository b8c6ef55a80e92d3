"""Travel-time matrices: minutes from each population cell to each candidate site.

Measured elsewhere (r5py, OSRM, a consultant's model) and imported as a CSV
``cell_id,site_id,minutes``: ``cell_id`` is a cell of the population source
as its file named it, ``site_id`` is a site's id from an imported list or
its number in planning. The whole file is checked before anything is
written; then one transaction writes the pairs in bulk. A pair the file
does not list is out of reach.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from publicoffice.accounts.actors import AnyUser
from publicoffice.accounts.models import User
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import clean_line, one_line, within_limit
from publicoffice.planning import policies
from publicoffice.planning.models import (
    Candidate,
    DemandCell,
    DemandSource,
    ImportStatus,
    TravelMatrix,
    TravelTime,
)
from publicoffice.planning.services import csvfile

#: About four million pairs: a municipality's 250 m grid against a hundred sites.
MAX_MATRIX_BYTES = 100 * 1024 * 1024
MAX_NAME = 200
MAX_MODE = 60
#: A travel time above a day is a mistake in the file, not a journey.
MAX_MINUTES = 24 * 60
#: How many unknown ids a refusal lists.
LISTED = 5
BATCH = 5000


def _site_ids(source: DemandSource, by: AnyUser) -> dict[str, int]:
    """Every name a site of the source's area answers to: its id in planning, then its own id."""
    sites = Candidate.objects.all()
    if source.municipality_id is not None:
        sites = sites.filter(municipality_id=source.municipality_id)
    else:
        allowed = policies.planning_municipalities(by)
        if allowed is not None:
            sites = sites.filter(municipality_id__in=allowed)
    pairs = list(sites.values_list("pk", "ref"))
    names = {str(pk): pk for pk, _ref in pairs}
    names.update({ref: pk for pk, ref in pairs if ref})
    return names


def _unknown(kind: str, ids: list[str]) -> DomainError:
    listed = ", ".join(ids[:LISTED]) + (" …" if len(ids) > LISTED else "")
    if kind == "cell":
        message = _("%(count)s cell ids are not in the population source, such as: %(ids)s.")
    else:
        message = _("%(count)s site ids are not candidate sites here, such as: %(ids)s.")
    return DomainError(
        ErrorCode.PLANNING_UNKNOWN_IDS,
        message % {"count": len(ids), "ids": listed},
        unknown=ids[:LISTED],
        column=f"{kind}_id",
    )


def _minutes(table: csvfile.Table, number: int, value: str) -> float:
    minutes = csvfile.number(table, number, "minutes", value)
    if not 0 <= minutes <= MAX_MINUTES:
        raise DomainError(
            ErrorCode.PLANNING_BAD_VALUE,
            _("Row %(row)s: minutes are from 0 to %(max)s, not %(value)s.")
            % {"row": number, "max": MAX_MINUTES, "value": value[:40]},
            row=number,
            column="minutes",
        )
    return minutes


def _parse(
    path: str | Path, cells: dict[str, int], sites: dict[str, int]
) -> list[tuple[int, int, float]]:
    """The pairs as (cell, site, minutes); refused whole on the first bad row."""
    table = csvfile.read_table(path, max_bytes=MAX_MATRIX_BYTES)
    cell_col, site_col, _m = csvfile.require_columns(
        table, ("cell_id",), ("site_id",), ("minutes",)
    )
    pairs: list[tuple[int, int, float]] = []
    seen: dict[tuple[int, int], int] = {}
    bad_cells: dict[str, None] = {}
    bad_sites: dict[str, None] = {}
    for number, row in table.rows:
        cell_ref, site_ref = row.get(cell_col, ""), row.get(site_col, "")
        minutes = _minutes(table, number, row.get("minutes", ""))
        cell, site = cells.get(cell_ref), sites.get(site_ref)
        if cell is None:
            bad_cells[cell_ref[:40]] = None
        if site is None:
            bad_sites[site_ref[:40]] = None
        if cell is None or site is None:
            continue
        if (cell, site) in seen:
            raise DomainError(
                ErrorCode.PLANNING_DUPLICATE_CELL,
                _("Row %(row)s repeats the pair on row %(first)s.")
                % {"row": number, "first": seen[(cell, site)]},
                row=number,
            )
        seen[(cell, site)] = number
        pairs.append((cell, site, minutes))
    if bad_cells:
        raise _unknown("cell", list(bad_cells))
    if bad_sites:
        raise _unknown("site", list(bad_sites))
    return pairs


def matrix_import(
    *, source: DemandSource, name: Any, mode: Any = "", path: str | Path, by: AnyUser
) -> TravelMatrix:
    """A travel-time matrix over a ready population source: every row valid, or nothing."""
    if not policies.can_plan_in(by, source.municipality_id):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    if source.status != ImportStatus.READY:
        raise DomainError(ErrorCode.PLANNING_SOURCE_NOT_READY)
    clean_name = clean_line(
        name, field="name", limit=MAX_NAME, missing=_("Name the matrix, such as “Walk, r5py”.")
    )
    if mode is not None and not isinstance(mode, str):
        raise DomainError(ErrorCode.TEXT_INVALID, _("This text could not be read."), field="mode")
    clean_mode = within_limit(one_line(mode or ""), field="mode", limit=MAX_MODE)
    cells = dict(DemandCell.objects.filter(source=source).values_list("ref", "pk"))
    pairs = _parse(path, cells, _site_ids(source, by))
    with transaction.atomic():
        matrix = TravelMatrix.objects.create(
            source=source,
            name=clean_name,
            mode=clean_mode,
            pair_count=len(pairs),
            created_by=by if isinstance(by, User) else None,
        )
        TravelTime.objects.bulk_create(
            (
                TravelTime(matrix=matrix, cell_id=cell, candidate_id=site, minutes=minutes)
                for cell, site, minutes in pairs
            ),
            batch_size=BATCH,
        )
    return matrix


def matrix_delete(matrix: TravelMatrix, by: AnyUser) -> None:
    """Remove a matrix no scenario uses (a scenario keeps its matrix, ``PROTECT``)."""
    if not policies.can_plan_in(by, matrix.source.municipality_id):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    if matrix.scenarios.exists():
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            _("Scenarios use this matrix. Change their reach first."),
        )
    matrix.delete()
