"""One registry of error codes: complete, documented, used, and without synonyms."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.utils import translation

from publicoffice.core.error_codes import ErrorCode
from publicoffice.core.error_docs import docs_with_table, error_table
from publicoffice.core.error_specs import ERRORS
from publicoffice.core.errors import DomainError

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src" / "publicoffice"


def test_every_code_has_a_status_and_a_message():
    assert set(ERRORS) == set(ErrorCode)
    for code, spec in ERRORS.items():
        assert 400 <= spec.status < 500, code
        assert str(spec.message).strip(), code
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", code), code


def test_docs_api_lists_every_code_as_the_registry_says():
    """docs/api.md holds the table the registry writes (`publicoffice error_codes --write`)."""
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert docs_with_table(page) == page, "run `publicoffice error_codes --write`"
    for code in ErrorCode:
        assert f"| `{code}` |" in page


def test_the_table_changes_when_the_registry_does(monkeypatch):
    before = error_table()
    monkeypatch.setitem(
        ERRORS, ErrorCode.SLOT_TAKEN, ERRORS[ErrorCode.SLOT_TAKEN]._replace(status=418)
    )
    assert error_table() != before
    assert "| `slot_taken` | 418 |" in error_table()


def test_no_two_codes_share_a_meaning():
    """Two codes with one default message say the same thing: merge them."""
    with translation.override("en"):
        seen: dict[str, str] = {}
        for code, spec in ERRORS.items():
            message = str(spec.message)
            assert message not in seen, f"{code} and {seen[message]} mean the same"
            seen[message] = code


def _raised_codes() -> set[str]:
    used = set()
    for path in SOURCE.rglob("*.py"):
        if path.name == "error_codes.py" or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "ErrorCode"
            ):
                used.add(node.attr)
    return used


def test_every_code_is_used_somewhere():
    """A code nothing raises is a promise to clients that nothing keeps."""
    unused = {code.name for code in ErrorCode} - _raised_codes()
    assert unused == set()


def test_domain_error_takes_only_registry_codes_and_their_status():
    error = DomainError(ErrorCode.SLOT_TAKEN)
    assert error.status == 409
    assert error.code == "slot_taken"
    assert str(error.message) == str(ERRORS[ErrorCode.SLOT_TAKEN].message)
    with pytest.raises(TypeError):
        DomainError("slot_taken")  # type: ignore[arg-type]


def test_a_raise_site_may_say_more_but_not_change_the_status():
    error = DomainError(ErrorCode.TEXT_TOO_LONG, "Keep it short.", field="purpose", limit=200)
    assert error.status == 400
    assert error.as_dict() == {
        "code": "text_too_long",
        "message": "Keep it short.",
        "details": {"field": "purpose", "limit": 200},
    }
