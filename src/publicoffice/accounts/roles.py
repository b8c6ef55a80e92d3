"""Reading a user's roles once per request.

Policies ask many questions about one user; the answers all come from the
same few assignment rows, which we load once and keep on the user object.
"""

from __future__ import annotations

from typing import TypeGuard

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.accounts.models import (
    ROLES_CACHE_ATTRIBUTE,
    NamedPermission,
    Role,
    RoleAssignment,
    User,
)


def roles_of(user: AnyUser) -> list[RoleAssignment]:
    """The user's role assignments (empty for anonymous visitors)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    return user.role_assignments_cached()


def forget_roles(user: AnyUser) -> None:
    """Drop the cached roles, after assigning or removing one."""
    if hasattr(user, ROLES_CACHE_ATTRIBUTE):
        delattr(user, ROLES_CACHE_ATTRIBUTE)


def is_platform_admin(user: AnyUser) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_superuser) or any(a.role == Role.PLATFORM_ADMIN for a in roles_of(user))


def is_member(user: AnyUser | None) -> TypeGuard[Member]:
    """Every active account is a member (a closed account, or nobody, is not)."""
    return isinstance(user, User) and user.is_authenticated and user.is_active


def hosted_office_ids(user: AnyUser) -> set[int]:
    return {a.office_id for a in roles_of(user) if a.role == Role.HOST and a.office_id}


def administered_operator_ids(user: AnyUser) -> set[int]:
    return {
        a.operator_id for a in roles_of(user) if a.role == Role.OPERATOR_ADMIN and a.operator_id
    }


def officer_municipality_ids(user: AnyUser) -> set[int]:
    return {
        a.municipality_id
        for a in roles_of(user)
        if a.role == Role.MUNICIPAL_OFFICER and a.municipality_id
    }


def granted_permissions(user: AnyUser, *, office_id: int, operator_id: int) -> set[str]:
    """Named permissions the user holds in an office (directly or via its operator)."""
    granted: set[str] = set()
    for assignment in roles_of(user):
        in_scope = (assignment.role == Role.HOST and assignment.office_id == office_id) or (
            assignment.role == Role.OPERATOR_ADMIN and assignment.operator_id == operator_id
        )
        if in_scope:
            granted.update(p for p in assignment.permissions or [] if p in NamedPermission.values)
    return granted


def reviewer_municipality_ids(user: AnyUser) -> set[int]:
    """Municipalities whose applications the user may be assigned to review."""
    return {
        a.municipality_id
        for a in roles_of(user)
        if a.role in (Role.MUNICIPAL_REVIEWER, Role.MUNICIPAL_OFFICER) and a.municipality_id
    }
