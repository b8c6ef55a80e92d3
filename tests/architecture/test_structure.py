"""The structure docs/architecture.md promises, checked on the source itself.

import-linter (``lint-imports``, run first in CI) holds the layers between
apps; these tests hold the rules inside them that import-linter cannot see:
where imports may stand, which names are private, where reads live and how
large a module or function may grow.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "publicoffice"
#: Marks an import inside a function that Django's app loading requires.
APP_LOADING = "# app loading:"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _modules() -> Iterator[tuple[Path, ast.Module, list[str]]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        yield path, ast.parse(text, filename=str(path)), text.splitlines()


def _app_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else ""


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _functions(tree: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def test_the_import_contracts_hold():
    """The same check CI runs first; here so that `pytest` alone catches it too."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout


def _import_runs(function: ast.AST) -> Iterator[list[ast.stmt]]:
    """Runs of consecutive import statements anywhere inside ``function``."""
    for node in ast.walk(function):
        for field in ("body", "orelse", "finalbody", "handlers"):
            run: list[ast.stmt] = []
            statements = getattr(node, field, None)
            if not isinstance(statements, list):
                continue
            for statement in statements:
                if isinstance(statement, ast.Import | ast.ImportFrom):
                    run.append(statement)
                    continue
                if run:
                    yield run
                run = []
            if run:
                yield run


def test_imports_inside_functions_only_for_app_loading():
    """A function-level import hides a loop; only Django's app loading may need one.

    The reason is a comment starting ``# app loading:`` on the line above a
    run of imports (or at the end of a single import's line).
    """
    hidden = []
    for path, tree, lines in _modules():
        for function in _functions(tree):
            for run in _import_runs(function):
                first = run[0].lineno
                said = lines[first - 1] + lines[first - 2]
                if APP_LOADING not in said:
                    hidden.append(f"{_name(path)}:{first} in {function.name}()")
    assert hidden == [], "imports inside functions without '# app loading:':\n" + "\n".join(hidden)


def test_no_app_imports_another_apps_private_names():
    crossing = []
    for path, tree, _lines in _modules():
        own = _app_of(path)
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or not node.module:
                continue
            parts = node.module.split(".")
            if parts[0] != "publicoffice" or len(parts) < 2 or parts[1] == own:
                continue
            for alias in node.names:
                if alias.name.startswith("_"):
                    crossing.append(f"{_name(path)}:{node.lineno} {node.module}.{alias.name}")
    assert crossing == []


def _is_view_or_api(path: Path) -> bool:
    relative = path.relative_to(PACKAGE).parts
    if relative[0] == "api":
        return True
    return any(part == "views" or part.startswith("views") for part in relative[1:])


#: Calls that read or write through a model's manager behind the selectors' back.
MANAGER_HELPERS = {"get_object_or_404", "get_list_or_404"}


def test_views_and_api_modules_never_touch_a_model_manager():
    """Reads live in selectors, writes in services: views and API modules only call them."""
    touching = []
    for path, tree, _lines in _modules():
        if not _is_view_or_api(path):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("objects", "_default_manager"):
                touching.append(f"{_name(path)}:{node.lineno} .{node.attr}")
            elif isinstance(node, ast.Name) and node.id in MANAGER_HELPERS:
                touching.append(f"{_name(path)}:{node.lineno} {node.id}")
    assert touching == []


def test_views_do_not_catch_domain_errors():
    """The web maps refusals in one place: core.web_errors (decorator and middleware)."""
    catching = []
    for path, tree, _lines in _modules():
        if not _is_view_or_api(path):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ExceptHandler) and "DomainError" in ast.unparse(
                node.type or ast.Constant(None)
            ):
                catching.append(f"{_name(path)}:{node.lineno}")
    assert catching == []


#: Parameter names that stand for a person acting or acted upon.
ACTOR_NAMES = {
    "member",
    "actor",
    "user",
    "host",
    "staff",
    "by",
    "person",
    "reporter",
    "sender",
    "recipient",
    "owner",
    "viewer",
    "caller",
    "other",
}


def _is_rule_module(path: Path) -> bool:
    """Services, selectors and policies: the modules that take actors."""
    parts = path.relative_to(PACKAGE).parts
    return any(
        part.removesuffix(".py") in ("services", "selectors", "policies") for part in parts[1:]
    )


def test_actors_are_typed_in_services_selectors_and_policies():
    """A member, a staff user or any user (accounts.actors), never ``Any`` or nothing."""
    untyped = []
    for path, tree, _lines in _modules():
        if not _is_rule_module(path):
            continue
        for function in _functions(tree):
            arguments = function.args
            for argument in [*arguments.args, *arguments.kwonlyargs]:
                if argument.arg not in ACTOR_NAMES:
                    continue
                annotation = ast.unparse(argument.annotation) if argument.annotation else ""
                if annotation in ("", "Any") or "Any |" in annotation or "| Any" in annotation:
                    untyped.append(f"{_name(path)}:{function.lineno} {argument.arg}: {annotation}")
    assert untyped == []


def test_modules_and_functions_stay_small():
    too_big = []
    for path, tree, lines in _modules():
        if len(lines) > MAX_MODULE_LINES:
            too_big.append(f"{_name(path)}: {len(lines)} lines")
        for function in _functions(tree):
            length = (function.end_lineno or function.lineno) - function.lineno + 1
            if length > MAX_FUNCTION_LINES:
                too_big.append(f"{_name(path)}:{function.lineno} {function.name}() {length} lines")
    assert too_big == []


@pytest.mark.parametrize(
    "rule",
    [
        test_imports_inside_functions_only_for_app_loading,
        test_no_app_imports_another_apps_private_names,
        test_views_and_api_modules_never_touch_a_model_manager,
        test_views_do_not_catch_domain_errors,
        test_actors_are_typed_in_services_selectors_and_policies,
    ],
)
def test_each_rule_notices_a_breach(rule, tmp_path, monkeypatch):
    """Each rule fails on a small module that breaks it, so none can pass vacuously."""
    app = tmp_path / "src" / "publicoffice" / "shelf" / "views"
    app.mkdir(parents=True)
    (app.parent / "services.py").write_text(
        "from typing import Any\ndef shelve(*, member: Any) -> None: ...\n", encoding="utf-8"
    )
    (app / "bad.py").write_text(
        "from publicoffice.bookings.notifications import _secret\n"
        "from publicoffice.core.errors import DomainError\n"
        "def page(request):\n"
        "    from publicoffice.places.models import Office\n"
        "    try:\n"
        "        return Office.objects.all()\n"
        "    except DomainError:\n"
        "        return None\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "src" / "publicoffice")
    with pytest.raises(AssertionError):
        rule()
