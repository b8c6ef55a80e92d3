"""Our own import-linter contract: no app imports another app's private module.

A module whose name starts with one underscore (``events/services/_common.py``)
is its package's own business. Another app that imports it couples itself
to details its owner may change at any time; the public way in is the
owner's ``services``, ``selectors``, ``policies`` or extension registries.
Import-linter's built-in contracts cannot say "private to its own app"
without one contract per app, so this one does it for every app under the
containers it is given.
"""

from __future__ import annotations

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


def _is_private(module: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in module.split("."))


class PrivateModulesContract(Contract):
    """Modules named ``_something`` may only be imported from inside their own app.

    Configuration: ``containers``, the packages whose direct children are the
    apps (``publicoffice``).
    """

    type_name = "private_modules"

    containers = fields.ListField(subfield=fields.StringField())

    def _app_of(self, module: str) -> str | None:
        for container in self.containers:  # type: ignore[attr-defined]
            prefix = f"{container}."
            if module.startswith(prefix):
                return prefix + module[len(prefix) :].split(".")[0]
        return None

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        violations = []
        for imported in sorted(graph.modules):
            if not _is_private(imported):
                continue
            owner = self._app_of(imported)
            for importer in sorted(graph.find_modules_that_directly_import(imported)):
                if self._app_of(importer) != owner:
                    violations.append((importer, imported))
        return ContractCheck(kept=not violations, metadata={"violations": violations})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for importer, imported in check.metadata["violations"]:
            output.print_error(f"{importer} imports {imported}, which is private to its app.")
            output.new_line()
