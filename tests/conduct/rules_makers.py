"""Makers for the house rules tests: versions with texts, written straight to the table."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from publicoffice.conduct.models import RuleScope, RuleVersion
from publicoffice.places.models import Office, Operator


def version(
    scope: RuleScope = RuleScope.NETWORK,
    *,
    number: int = 1,
    effective_from: datetime,
    material: bool = True,
    operator: Operator | None = None,
    office: Office | None = None,
    summary: str = "Be kind.",
    full_text: str = "Treat everyone with respect.",
    changes: str = "",
    **texts: Any,
) -> RuleVersion:
    """A version whose Swedish texts are given (other languages fall back to them)."""
    return RuleVersion.objects.create(
        scope=scope,
        number=number,
        effective_from=effective_from,
        material=material,
        operator=operator,
        office=office,
        summary_sv=summary,
        full_text_sv=full_text,
        changes_sv=changes,
        **texts,
    )
