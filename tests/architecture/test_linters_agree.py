"""CI, `make lint` and the pre-commit hooks run the same linters, in the same order."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
LINTERS = ["ruff check", "ruff format --check", "mypy", "lint-imports"]


def _make_lint() -> list[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nlint: install\n", 1)[1].split("\n\n", 1)[0]
    return [
        re.sub(r"^\$\(BIN\)/", "", line.strip()).removesuffix(" .")
        for line in recipe.splitlines()
        if line.startswith("\t")
    ]


def _hooks() -> list[str]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    return [entry.removeprefix(".venv/bin/").replace(" --force-exclude", "") for entry in entries]


def test_make_lint_and_the_hooks_run_the_same_linters():
    assert _make_lint() == LINTERS
    assert _hooks() == LINTERS


def test_ci_lints_first():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.index("make lint") < script.index("make test")
