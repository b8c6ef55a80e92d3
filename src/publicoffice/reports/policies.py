"""Who may see exact figures, and of what. Every permission check of the app.

Published figures (whole months and years, after the disclosure rule) are
for everyone. *Exact* figures, any period, live, with counts of 1 to 4,
are for the staff of the scope, and marked "not for publication":

* a host: their offices;
* an operator admin: their operators and those operators' offices;
* a municipal officer: their municipalities and the offices in them;
* a platform admin: everything, the network included.

An officer of another municipality, or an admin of another operator, is
refused (``report_not_allowed``), never shown a smaller scope silently.
"""

from __future__ import annotations

from publicoffice.accounts import roles
from publicoffice.accounts.actors import AnyUser
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.reports.models import ScopeKind
from publicoffice.reports.scopes import Scope


def can_see_exact(user: AnyUser, scope: Scope) -> bool:
    if not roles.is_member(user):
        return False
    if roles.is_platform_admin(user):
        return True
    if scope.kind == ScopeKind.NETWORK:
        return False
    if scope.kind == ScopeKind.MUNICIPALITY:
        return scope.id in roles.officer_municipality_ids(user)
    if scope.kind == ScopeKind.OPERATOR:
        return scope.id in roles.administered_operator_ids(user)
    office = scope.offices[0]
    return (
        office.id in roles.hosted_office_ids(user)
        or office.operator_id in roles.administered_operator_ids(user)
        or office.municipality_id in roles.officer_municipality_ids(user)
    )


def ensure_exact_allowed(user: AnyUser, scope: Scope) -> None:
    if not can_see_exact(user, scope):
        raise DomainError(ErrorCode.REPORT_NOT_ALLOWED)


def is_report_staff(user: AnyUser) -> bool:
    """Has some scope of exact figures (the dashboards link is shown)."""
    return roles.is_member(user) and bool(
        roles.is_platform_admin(user)
        or roles.hosted_office_ids(user)
        or roles.administered_operator_ids(user)
        or roles.officer_municipality_ids(user)
    )


def own_scope_refs(user: AnyUser) -> dict[str, set[int]]:
    """The ids of the scopes whose exact figures ``user`` may see, by kind (network: platform)."""
    if not roles.is_member(user):
        return {}
    return {
        ScopeKind.OFFICE: roles.hosted_office_ids(user),
        ScopeKind.OPERATOR: roles.administered_operator_ids(user),
        ScopeKind.MUNICIPALITY: roles.officer_municipality_ids(user),
        ScopeKind.NETWORK: {0} if roles.is_platform_admin(user) else set(),
    }


def can_edit_emission_factors(user: AnyUser) -> bool:
    """Only platform admins: the factors are the network's, one set for every report."""
    return roles.is_platform_admin(user)
