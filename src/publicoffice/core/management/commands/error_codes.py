"""Print (or write into docs/api.md) the table of every error code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from publicoffice.core.error_docs import error_table, write_docs


class Command(BaseCommand):
    help = "Print the table of error codes; with --write, update it in docs/api.md."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--write", metavar="PAGE", nargs="?", const="docs/api.md")

    def handle(self, *args: Any, write: str | None = None, **options: Any) -> None:
        if write is None:
            self.stdout.write(error_table())
            return
        changed = write_docs(Path(write))
        self.stdout.write(f"{write}: {'updated' if changed else 'already up to date'}")
