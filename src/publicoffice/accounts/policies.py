"""Who may see and change accounts and roles. All checks of the app are here."""

from __future__ import annotations

from typing import TypeGuard

from django.db.models import Q, QuerySet

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.accounts.models import Role, RoleAssignment, User
from publicoffice.accounts.roles import administered_operator_ids, is_member, is_platform_admin


def has_own_settings(user: AnyUser) -> TypeGuard[Member]:
    """A member keeps settings (their language) in their account; a visitor in cookies."""
    return is_member(user)


def can_assign_role(user: AnyUser, assignment: RoleAssignment) -> bool:
    """Platform admins assign any role; operator admins appoint hosts of their offices."""
    if is_platform_admin(user):
        return True
    if assignment.role != Role.HOST or assignment.office is None:
        return False
    return assignment.office.operator_id in administered_operator_ids(user)


def users_visible(user: AnyUser) -> QuerySet[User]:
    if is_platform_admin(user):
        return User.objects.all()
    operators = administered_operator_ids(user)
    return User.objects.filter(
        Q(pk=user.pk)
        | Q(role_assignments__office__operator_id__in=operators)
        | Q(role_assignments__operator_id__in=operators)
    ).distinct()


def role_assignments_visible(user: AnyUser) -> QuerySet[RoleAssignment]:
    if is_platform_admin(user):
        return RoleAssignment.objects.all()
    operators = administered_operator_ids(user)
    return RoleAssignment.objects.filter(
        Q(user=user) | Q(office__operator_id__in=operators) | Q(operator_id__in=operators)
    )


def can_edit_user(user: AnyUser, other: User) -> bool:
    """Only platform admins change other people's accounts in the admin."""
    return is_platform_admin(user)


def can_manage_all_accounts(user: AnyUser) -> bool:
    """Create and delete accounts, and change anybody's roles on their account page."""
    return is_platform_admin(user)


def can_appoint_staff(user: AnyUser) -> bool:
    """Open the role admin to add an assignment: platform and operator admins."""
    return is_platform_admin(user) or bool(administered_operator_ids(user))


def appoints_anywhere(user: AnyUser) -> bool:
    """Whether the user may appoint staff in every office (else only their operators')."""
    return is_platform_admin(user)


def operators_appointed_for(user: AnyUser) -> set[int]:
    """The operators in whose offices the user may appoint hosts."""
    return administered_operator_ids(user)
