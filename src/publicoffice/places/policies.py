"""Who may do what with places. Every permission check of the app is here.

Visitors and members may read everything public. Staff may change only what
their role's scope covers: a host their office, an operator admin the
operator and its offices, a platform admin everything. Municipal officers
may read (not change) everything in their municipality.

Opening hours and spaces (with the office's capacity) are the operator's to
set: a host changes them only with the named permission ``edit_opening_hours``
or ``manage_spaces`` in that office, because the hours and the places promised
to residents are a commitment the operator answers for.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from publicoffice.accounts.actors import AnyUser
from publicoffice.accounts.models import NamedPermission
from publicoffice.accounts.roles import (
    administered_operator_ids,
    granted_permissions,
    hosted_office_ids,
    is_platform_admin,
    officer_municipality_ids,
)
from publicoffice.places.models import Municipality, Office, Operator


def can_manage_office(user: AnyUser, office: Office) -> bool:
    """Edit the office's description, contacts and accessibility facts; run its day.

    Its hours and spaces need more for a host: :func:`can_edit_opening_hours`
    and :func:`can_manage_spaces`.
    """
    if is_platform_admin(user):
        return True
    return office.pk in hosted_office_ids(user) or office.operator_id in administered_operator_ids(
        user
    )


def can_manage_some_office(user: AnyUser) -> bool:
    """Whether the office admin may change anything at all (else Django shows "View")."""
    return is_platform_admin(user) or bool(
        hosted_office_ids(user) or administered_operator_ids(user)
    )


def _operator_or_granted(user: AnyUser, office: Office, permission: str) -> bool:
    """The office's operator admins (and platform admins), or its host holding ``permission``."""
    if is_platform_admin(user) or office.operator_id in administered_operator_ids(user):
        return True
    return office.pk in hosted_office_ids(user) and permission in granted_permissions(
        user, office_id=office.pk, operator_id=office.operator_id
    )


def can_edit_opening_hours(user: AnyUser, office: Office) -> bool:
    """Weekly hours and exceptions (holidays, closures): named permission for hosts."""
    return _operator_or_granted(user, office, NamedPermission.EDIT_OPENING_HOURS)


def can_manage_spaces(user: AnyUser, office: Office) -> bool:
    """Add, change and remove spaces, and set the office's capacity: named permission for hosts."""
    return _operator_or_granted(user, office, NamedPermission.MANAGE_SPACES)


def can_create_office(user: AnyUser, operator: Operator | None = None) -> bool:
    """Platform admins anywhere; operator admins for their own operator."""
    if is_platform_admin(user):
        return True
    administered = administered_operator_ids(user)
    return bool(administered) if operator is None else operator.pk in administered


def can_delete_office(user: AnyUser, office: Office) -> bool:
    # Offices carry history (visits, bookings, reports): only platform admins
    # remove them; everybody else sets the status to closed.
    return is_platform_admin(user)


def can_manage_operator(user: AnyUser, operator: Operator) -> bool:
    return is_platform_admin(user) or operator.pk in administered_operator_ids(user)


def can_manage_some_operator(user: AnyUser) -> bool:
    """Whether the operator admin may change anything at all (else Django shows "View")."""
    return is_platform_admin(user) or bool(administered_operator_ids(user))


def can_manage_municipality(user: AnyUser, municipality: Municipality) -> bool:
    return is_platform_admin(user)


def can_manage_network(user: AnyUser) -> bool:
    """Add or remove operators, municipalities, districts and shared vocabularies."""
    return is_platform_admin(user)


def operators_for_new_office(user: AnyUser) -> QuerySet[Operator]:
    """The operators a user may put an office under: all for platform admins, else theirs."""
    if is_platform_admin(user):
        return Operator.objects.all()
    return Operator.objects.filter(pk__in=administered_operator_ids(user))


def has_named_permission(user: AnyUser, permission: str, office: Office) -> bool:
    """A staff exception (e.g. book outside opening hours) in this office."""
    if is_platform_admin(user):
        return True
    granted = granted_permissions(user, office_id=office.pk, operator_id=office.operator_id)
    return permission in granted


def offices_visible_in_admin(user: AnyUser) -> QuerySet[Office]:
    if is_platform_admin(user):
        return Office.objects.all()
    return Office.objects.filter(
        Q(pk__in=hosted_office_ids(user))
        | Q(operator_id__in=administered_operator_ids(user))
        | Q(municipality_id__in=officer_municipality_ids(user))
    )


def offices_manageable(user: AnyUser) -> QuerySet[Office]:
    if is_platform_admin(user):
        return Office.objects.all()
    return Office.objects.filter(
        Q(pk__in=hosted_office_ids(user)) | Q(operator_id__in=administered_operator_ids(user))
    )


def operators_visible_in_admin(user: AnyUser) -> QuerySet[Operator]:
    if is_platform_admin(user):
        return Operator.objects.all()
    return Operator.objects.filter(
        Q(pk__in=administered_operator_ids(user))
        | Q(offices__pk__in=hosted_office_ids(user))
        | Q(offices__municipality_id__in=officer_municipality_ids(user))
    ).distinct()


def municipalities_visible_in_admin(user: AnyUser) -> QuerySet[Municipality]:
    if is_platform_admin(user):
        return Municipality.objects.all()
    return Municipality.objects.filter(
        Q(pk__in=officer_municipality_ids(user)) | Q(offices__in=offices_visible_in_admin(user))
    ).distinct()
