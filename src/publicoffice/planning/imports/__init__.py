"""Reading population grids: GeoPackage and CSV, checked whole before anything is written.

:func:`read_grid` tells the two formats apart by their first bytes (a
GeoPackage is an SQLite database), reads every row, finds the columns it
needs (:mod:`.columns`), transforms the coordinates to SWEREF 99 TM and
refuses the file with one clear :class:`~publicoffice.core.errors.DomainError`
at the first problem. Nothing here writes to the database.
"""

from publicoffice.planning.imports.reader import (
    MAX_BYTES,
    MAX_ROWS,
    Grid,
    GroupColumn,
    Progress,
    read_grid,
)

__all__ = ["MAX_BYTES", "MAX_ROWS", "Grid", "GroupColumn", "Progress", "read_grid"]
