"""Background work of the population sources: importing an uploaded grid.

``services.demand.demand_import_start`` keeps the upload under
``MEDIA_ROOT`` and queues :func:`import_demand` once the source is
committed; the worker checks the file, writes the cells (or marks the
source FAILED) and removes the upload either way.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django_tasks import task

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.planning.models import ImportStatus
from publicoffice.planning.selectors import demand as selectors
from publicoffice.planning.services import demand

logger = logging.getLogger(__name__)


@task()
def import_demand(*, source_id: int, path: str, crs: str, user_id: int) -> str:
    """Import the uploaded file into its source; answers the source's status."""
    try:
        source = selectors.importing_source(source_id)
        if source is None:
            return "gone"
        user = selectors.user_by_id(user_id)
        try:
            if user is None:  # the officer's account is gone: nobody may import for it
                raise DomainError(ErrorCode.NOT_ALLOWED)
            demand.demand_import(
                municipality=source.municipality,
                name=source.name,
                kind=source.kind,
                path=path,
                crs=crs or None,
                by=user,
                source=source,
            )
        except DomainError as error:
            demand.fail(source, error)
            logger.info("Population source %s refused: %s", source_id, error.code)
            return str(ImportStatus.FAILED)
        return str(ImportStatus.READY)
    finally:
        Path(path).unlink(missing_ok=True)
