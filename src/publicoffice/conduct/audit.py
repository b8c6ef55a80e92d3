"""Write one entry of the conduct audit trail (append-only, see :class:`AuditEntry`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from publicoffice.accounts.actors import AnyUser
from publicoffice.conduct.models import AuditAction, AuditEntry
from publicoffice.places.models import Office


def log(
    action: AuditAction,
    *,
    actor: AnyUser | None,
    at: datetime,
    office: Office | None = None,
    subject: Any = None,
    target: Any = "",
    note: str = "",
) -> AuditEntry:
    """Record who did what, when, at which office, about whom."""
    return AuditEntry.objects.create(
        at=at,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        office=office,
        subject=subject,
        target=str(target),
        note=note[:500],
    )
