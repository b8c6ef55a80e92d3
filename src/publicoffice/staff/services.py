"""Giving and taking staff roles. Every change goes through here."""

from __future__ import annotations

from django.db import transaction

from publicoffice.accounts.actors import Member
from publicoffice.accounts.models import Role, RoleAssignment
from publicoffice.accounts.roles import forget_roles
from publicoffice.places.models import Municipality, Office, Operator

__all__ = ["role_assign", "role_revoke"]


@transaction.atomic
def role_assign(
    *,
    user: Member,
    role: Role,
    office: Office | None = None,
    operator: Operator | None = None,
    municipality: Municipality | None = None,
    permissions: list[str] | None = None,
) -> RoleAssignment:
    """Give a user a role in a scope (idempotent: the same role twice is one row)."""
    assignment = RoleAssignment.objects.filter(
        user=user, role=role, office=office, operator=operator, municipality=municipality
    ).first() or RoleAssignment(
        user=user, role=role, office=office, operator=operator, municipality=municipality
    )
    assignment.permissions = sorted(set(permissions or []))
    assignment.full_clean()
    assignment.save()
    forget_roles(user)
    return assignment


@transaction.atomic
def role_revoke(*, assignment: RoleAssignment) -> None:
    """Take a role away; the user keeps their account and member rights."""
    user = assignment.user
    assignment.delete()
    forget_roles(user)
