"""A member's own data: everything we keep about them, and the way to leave.

The accounts app only knows its own tables. Visits, bookings, the directory
and events register an *export section* and, where cascading deletes are not
enough, a *deletion step* in :mod:`publicoffice.accounts.extensions`; this
module gathers them, so one export and one deletion cover every app without
``accounts`` importing any of them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from publicoffice.accounts.extensions import deletion_steps, export_sections
from publicoffice.accounts.models import ApiToken, RoleAssignment, User
from publicoffice.accounts.roles import forget_roles

#: Keys of the export that belong to accounts itself; a section may not reuse them.
ACCOUNT_KEYS = ("account", "roles", "api_tokens")


def iso(value: datetime | date | None) -> str | None:
    """ISO 8601 in Stockholm time with its offset, so an export reads the same anywhere.

    Export sections of other apps use this too, so the whole file has one
    form of time.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def _roles(user: User) -> list[dict[str, Any]]:
    assignments = RoleAssignment.objects.filter(user=user).select_related(
        "office", "operator", "municipality"
    )
    return [
        {
            "role": assignment.role,
            "office": assignment.office.name if assignment.office else None,
            "operator": assignment.operator.name if assignment.operator else None,
            "municipality": assignment.municipality.name if assignment.municipality else None,
            "permissions": list(assignment.permissions or []),
            "since": iso(assignment.created_at),
        }
        for assignment in assignments
    ]


def _api_tokens(user: User) -> list[dict[str, Any]]:
    # The hash is a secret's fingerprint; it is never part of the export.
    return [
        {"name": name, "created": iso(created), "last_used": iso(used)}
        for name, created, used in ApiToken.objects.filter(user=user).values_list(
            "name", "created_at", "last_used_at"
        )
    ]


def account_export(*, user: User) -> dict[str, Any]:
    """Everything kept about ``user``, ready for ``json.dumps``.

    The member's own fields, their roles and the names of their API keys,
    then one key per registered export section (visits, bookings, profiles,
    events...). A section that returns something ``json`` cannot write is a
    bug in that section, caught by its tests, not hidden here.
    """
    data: dict[str, Any] = {
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "preferred_language": user.preferred_language,
            "created": iso(user.created_at),
            "last_login": iso(user.last_login),
        },
        "roles": _roles(user),
        "api_tokens": _api_tokens(user),
    }
    for name, section in sorted(export_sections().items()):
        if name in ACCOUNT_KEYS:
            raise ValueError(f"Export section {name!r} would replace the account's own data.")
        data[name] = section(user)
    return data


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Remove the account and every personal row that hangs on it, all or nothing.

    Deletion steps of other apps run first, inside the same transaction, for
    what ``CASCADE`` cannot decide (an organisation profile with other admins
    stays). Then the user row goes and the database cascades the rest; rows
    kept for statistics point at nobody (``SET_NULL``) and stay.
    """
    for step in deletion_steps():
        step(user)
    user.delete()
    forget_roles(user)
