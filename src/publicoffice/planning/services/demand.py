"""Population sources: import a grid (now or in the background), and delete one.

An import reads and checks the whole file first (:mod:`planning.imports`)
and writes the cells only once it is valid, in one transaction: a refused
file leaves no cell behind, and its source shows FAILED with the reason.
While the rows are checked the source's ``progress`` is written in short
updates of their own (never inside the big transaction), so that the page
and the command can show how far it got; writing the cells is the last
tenth.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from publicoffice.accounts.actors import Member
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import Municipality
from publicoffice.planning import policies, tasks_demand
from publicoffice.planning.imports import MAX_BYTES, Grid, Progress, districts, read_grid
from publicoffice.planning.models import DemandCell, DemandKind, DemandSource, ImportStatus

#: Where uploads wait for the worker, under ``MEDIA_ROOT``; the task removes its file.
UPLOAD_DIR = "planning/uploads"
WRITE_CHUNK = 5000
#: Checking the rows is this share of the progress bar; writing the cells is the rest.
CHECK_SHARE = 90
#: Progress is written when it moved by at least this many points.
PROGRESS_STEP = 3
SCB_ATTRIBUTION = "Statistics Sweden (SCB), open geodata on grids, CC BY 4.0"


def _require(by: Member | None, municipality: Municipality | None) -> None:
    """``by`` None is the command line, which runs with the server's own rights."""
    if by is not None and not policies.can_plan_in(by, municipality.pk if municipality else None):
        raise DomainError(ErrorCode.NOT_ALLOWED)


def _reporter(source: DemandSource, progress: Progress | None) -> Progress:
    """Tell the command and the page how far the check got, every few percent."""
    last = [-PROGRESS_STEP]

    def report(percent: int) -> None:
        if progress is not None:
            progress(percent)
        scaled = percent * CHECK_SHARE // 100
        if scaled - last[0] >= PROGRESS_STEP:
            last[0] = scaled
            DemandSource.objects.filter(pk=source.pk).update(progress=scaled)

    return report


def demand_import(
    *,
    municipality: Municipality | None,
    name: str,
    kind: str,
    path: Path | str,
    crs: str | int | None = None,
    by: Member | None,
    progress: Progress | None = None,
    source: DemandSource | None = None,
) -> DemandSource:
    """Import the grid at ``path``; refused (and the source FAILED, no cell written) if bad.

    ``by`` is the officer, or None for the command line; ``source`` is the
    IMPORTING source :func:`demand_import_start` created, else a new one.
    ``kind`` empty means the kind the file shows (GeoPackage, Statistics
    Sweden's grid, CSV).
    """
    if source is None:
        _require(by, municipality)
        source = DemandSource.objects.create(
            municipality=municipality, name=name, kind=kind, created_by=by
        )
    try:
        _require(by, municipality)
        grid = read_grid(Path(path), crs=crs, progress=_reporter(source, progress))
        if not source.kind:
            source.kind = grid.kind
        cell_districts = districts.assign(municipality, grid.x, grid.y, grid.districts)
        write_cells(source, grid, cell_districts)
    except DomainError as error:
        fail(source, error)
        raise
    except DatabaseError as error:
        refusal = DomainError(
            ErrorCode.PLANNING_FILE_UNREADABLE, _("The cells could not be saved.")
        )
        fail(source, refusal)
        raise refusal from error
    if progress is not None:
        progress(100)
    return source


def write_cells(source: DemandSource, grid: Grid, cell_districts: list[int | None]) -> None:
    """All cells of a checked grid and the source's totals, in one transaction."""
    with transaction.atomic():
        cells = (
            DemandCell(
                source=source,
                ref=ref,
                x=x,
                y=y,
                population=population,
                groups=counts,
                district_id=district,
            )
            for ref, x, y, population, counts, district in zip(
                grid.refs,
                grid.x,
                grid.y,
                grid.population,
                grid.counts,
                cell_districts,
                strict=True,
            )
        )
        DemandCell.objects.bulk_create(cells, batch_size=WRITE_CHUNK)
        source.groups = [
            {
                "key": group.key,
                "label": group.label,
                "total": sum(counts.get(group.key, 0) for counts in grid.counts),
            }
            for group in grid.groups
        ]
        source.cell_size_m = grid.cell_size_m
        source.cell_count = len(grid.refs)
        source.population = grid.total
        source.status = ImportStatus.READY
        source.progress = 100
        source.error_code = source.error_message = ""
        if source.kind == DemandKind.SCB_GRID and not source.attribution:
            source.attribution = SCB_ATTRIBUTION
        source.save()


def fail(source: DemandSource, error: DomainError) -> None:
    """Mark the source FAILED with the reason; it keeps no cell."""
    source.status = ImportStatus.FAILED
    source.error_code = str(error.code)
    source.error_message = str(error.message)
    source.progress = 0
    DemandSource.objects.filter(pk=source.pk).update(
        status=source.status,
        error_code=source.error_code,
        error_message=source.error_message,
        progress=0,
    )


def _saved(upload: UploadedFile) -> Path:
    """The upload kept under ``MEDIA_ROOT`` for the worker, with a name nobody can guess."""
    folder = Path(settings.MEDIA_ROOT) / UPLOAD_DIR
    folder.mkdir(parents=True, exist_ok=True)
    suffix = Path(upload.name or "").suffix.lower()[:10]
    path = folder / f"{uuid.uuid4().hex}{suffix}"
    with path.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return path


def demand_import_start(
    *,
    municipality: Municipality | None,
    name: str,
    kind: str,
    upload: UploadedFile,
    crs: str | None = None,
    by: Member,
) -> DemandSource:
    """Keep the upload, create the IMPORTING source and queue its import for the worker."""
    _require(by, municipality)
    if (upload.size or 0) > MAX_BYTES:
        raise DomainError(
            ErrorCode.PLANNING_FILE_TOO_LARGE,
            _("The file is larger than %(limit)s MB.") % {"limit": MAX_BYTES // (1024 * 1024)},
            field="file",
        )
    path = _saved(upload)
    source = DemandSource.objects.create(
        municipality=municipality, name=name, kind=kind, created_by=by
    )
    source_id, user_id = source.pk, by.pk
    transaction.on_commit(
        lambda: tasks_demand.import_demand.enqueue(
            source_id=source_id, path=str(path), crs=crs or "", user_id=user_id
        )
    )
    return source


def demand_delete(source: DemandSource, by: Member) -> None:
    """Delete a source and its cells; refused while a scenario uses it."""
    _require(by, source.municipality)
    refusal = DomainError(
        ErrorCode.NOT_ALLOWED,
        _("A scenario uses this population source. Delete the scenario first."),
    )
    if source.scenarios.exists():
        raise refusal
    try:
        source.delete()
    except ProtectedError as error:
        raise refusal from error
