"""Who may see and decide what in conduct. Every permission check of the app.

* **Staff within scope** (an office's hosts, its operator's admins, platform
  admins: :func:`~publicoffice.places.policies.can_manage_office`) record and
  handle incidents at the office and decide sanctions there. A decision
  that reaches beyond the operator (the municipality, the network) needs an
  operator admin or a platform admin.
* Staff see a member's earlier decisions when they reach one of their
  offices, so a ban at Ronna is known at Hovsjö, and nothing else.
* **Second pair of eyes**: an indefinite ban is approved, and an appeal
  answered, by somebody other than the one who decided.
* The **member** sees their own decisions and appeals; never an incident's
  details, which name others.
* **Municipal officers** see counts (the transparency page), never names.
* The audit trail is for operator admins (their offices) and platform admins.
"""

from __future__ import annotations

from typing import TypeGuard

from django.db.models import Q, QuerySet

from publicoffice.accounts import roles
from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.conduct.models import Appeal, Incident, Sanction, SanctionScope
from publicoffice.places.models import Office, Operator
from publicoffice.places.policies import can_manage_office, can_manage_operator

WIDE_SCOPES = (SanctionScope.MUNICIPALITY, SanctionScope.NETWORK)


def is_member(user: AnyUser) -> TypeGuard[Member]:
    return roles.is_member(user)


def can_handle_office(user: AnyUser, office: Office) -> bool:
    """Record and handle incidents, decide sanctions, see the queues of ``office``."""
    return is_member(user) and can_manage_office(user, office)


def can_handle_some_office(user: AnyUser) -> bool:
    return is_member(user) and bool(
        roles.is_platform_admin(user)
        or roles.hosted_office_ids(user)
        or roles.administered_operator_ids(user)
    )


def handled_offices(user: AnyUser) -> QuerySet[Office]:
    """The offices whose conduct queues ``user`` works."""
    if not is_member(user):
        return Office.objects.none()
    if roles.is_platform_admin(user):
        return Office.objects.all()
    return Office.objects.filter(
        Q(pk__in=roles.hosted_office_ids(user))
        | Q(operator_id__in=roles.administered_operator_ids(user))
    )


def can_decide_scope(user: AnyUser, office: Office, scope: str) -> bool:
    if not can_handle_office(user, office):
        return False
    if scope in WIDE_SCOPES:
        return roles.is_platform_admin(user) or office.operator_id in (
            roles.administered_operator_ids(user)
        )
    return True


def can_see_incident(user: AnyUser, incident: Incident) -> bool:
    return can_handle_office(user, incident.office)


def owns_sanction(user: AnyUser, sanction: Sanction) -> bool:
    return bool(
        user.is_authenticated and sanction.member_id is not None and sanction.member_id == user.pk
    )


def sanctions_visible_to_staff(user: AnyUser) -> Q:
    """Decisions taken at, or reaching, an office ``user`` handles (a filter on Sanction)."""
    if roles.is_platform_admin(user):
        return Q()
    offices = list(handled_offices(user).values_list("pk", "operator_id", "municipality_id"))
    if not offices:
        return Q(pk__in=[])
    office_ids = [pk for pk, _, _ in offices]
    return (
        Q(scope=SanctionScope.NETWORK)
        | Q(office_id__in=office_ids)
        | Q(scope=SanctionScope.OPERATOR, operator_id__in={op for _, op, _ in offices})
        | Q(scope=SanctionScope.MUNICIPALITY, municipality_id__in={m for _, _, m in offices})
    )


def can_see_sanction(user: AnyUser, sanction: Sanction) -> bool:
    """The member it concerns, and staff whose offices it was taken at or reaches."""
    if owns_sanction(user, sanction):
        return True
    if not can_handle_some_office(user):
        return False
    return Sanction.objects.filter(sanctions_visible_to_staff(user), pk=sanction.pk).exists()


def can_approve(user: AnyUser, sanction: Sanction) -> bool:
    """A second staff member of the deciding office approves an indefinite ban."""
    return can_handle_office(user, sanction.office) and sanction.decided_by_id != user.pk


def can_appeal(user: AnyUser, sanction: Sanction) -> bool:
    return owns_sanction(user, sanction)


def can_decide_appeal(user: AnyUser, appeal: Appeal) -> bool:
    """Staff of the deciding office other than the one who decided (or approved)."""
    sanction = appeal.sanction
    if not can_handle_office(user, sanction.office):
        return False
    return user.pk not in {sanction.decided_by_id, sanction.approved_by_id}


def can_see_audit(user: AnyUser, operator: Operator | None) -> bool:
    """The operator's admins for its offices; platform admins for everything."""
    if not is_member(user):
        return False
    if operator is None:
        return roles.is_platform_admin(user)
    return can_manage_operator(user, operator)


def audit_operators(user: AnyUser) -> QuerySet[Operator]:
    if roles.is_platform_admin(user):
        return Operator.objects.all()
    return Operator.objects.filter(pk__in=roles.administered_operator_ids(user))
