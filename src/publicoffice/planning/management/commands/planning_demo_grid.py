"""Make the demo's synthetic population grids: 250 m cells around each municipality's offices.

The grids are made up (kind SYNTHETIC, and their attribution says so); the
same ``--seed`` gives the same grid.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from publicoffice.core.errors import DomainError
from publicoffice.planning.selectors import demand as selectors
from publicoffice.planning.synthetic import generate_grid


class Command(BaseCommand):
    help = (
        "Generate a synthetic (made-up) 250 m population grid around the offices of each "
        "given municipality, or of every municipality that has an office."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--municipality", action="append", default=[], help="Four-digit code; repeatable."
        )
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args: Any, **options: Any) -> None:
        codes: list[str] = options["municipality"]
        municipalities = (
            [selectors.municipality_by_code(code) for code in codes]
            if codes
            else selectors.municipalities_with_offices()
        )
        if None in municipalities:
            raise CommandError(f"Unknown municipality code among: {', '.join(codes)}")
        for municipality in municipalities:
            assert municipality is not None
            try:
                source = generate_grid(municipality, seed=options["seed"])
            except DomainError as error:
                self.stderr.write(f"{municipality.name}: {error.message}")
                continue
            self.stdout.write(
                f"{municipality.name}: “{source.name}”, {source.cell_count} cells, "
                f"{source.population} residents (synthetic)."
            )
