"""Import a population grid (Statistics Sweden's GeoPackage, another GeoPackage, or CSV).

``publicoffice planning_import_grid befolkning_1km_2024.gpkg --municipality 0181``
checks the whole file first, with a progress bar on standard error, then
writes every cell in one transaction; a refused file writes nothing and the
source shows FAILED with the reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper

from publicoffice.core.errors import DomainError
from publicoffice.planning.models import DemandKind
from publicoffice.planning.selectors import demand as selectors
from publicoffice.planning.services.demand import demand_import

BAR_WIDTH = 30


class ProgressBar:
    """A plain text bar, redrawn in place on a terminal: ``[#######.......]  45%``."""

    def __init__(self, stream: OutputWrapper) -> None:
        self.stream = stream
        self.shown = -1

    def __call__(self, percent: int) -> None:
        if percent == self.shown:
            return
        self.shown = percent
        filled = BAR_WIDTH * percent // 100
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {percent:3d}%", ending="\n" if percent >= 100 else "")
        self.stream.flush()


class Command(BaseCommand):
    help = (
        "Import a population grid for a municipality: Statistics Sweden's 'population per "
        "1 km square' GeoPackage, another GeoPackage, or a CSV file with a cell id or "
        "coordinates and a population. Nothing is written unless the whole file is valid."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--municipality", required=True, help="Four-digit code, e.g. 0181.")
        parser.add_argument("--name", default="", help="The source's name (default: the file's).")
        parser.add_argument("--crs", default=None, help="The file's system, e.g. EPSG:3006.")
        parser.add_argument(
            "--kind",
            default="",
            choices=["", DemandKind.SCB_GRID, DemandKind.CSV, DemandKind.GEOPACKAGE],
            help="What the file is (default: as the file shows).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        municipality = selectors.municipality_by_code(options["municipality"])
        if municipality is None:
            raise CommandError(f"No municipality has the code {options['municipality']}.")
        bar = ProgressBar(self.stderr)
        try:
            source = demand_import(
                municipality=municipality,
                name=options["name"] or path.stem,
                kind=options["kind"],
                path=path,
                crs=options["crs"],
                by=None,
                progress=bar,
            )
        except DomainError as error:
            if 0 <= bar.shown < 100:
                self.stderr.write("")
            raise CommandError(f"{error.code}: {error.message}") from error
        self.stdout.write(
            f"Imported “{source.name}” (#{source.pk}): {source.cell_count} cells, "
            f"{source.population} residents."
        )
