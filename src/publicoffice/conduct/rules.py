"""House rules in force, and members' acceptance of the network's rules.

The rules in force at an office at a moment are three layers, each the
latest version that has taken effect: the network's, the operator's
additions, the office's additions. A member must have accepted the
network's latest *material* version (or a later one) to act online.
"""

from __future__ import annotations

from datetime import datetime

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Max, Q

from publicoffice.accounts.actors import Member, StaffUser
from publicoffice.conduct.audit import log
from publicoffice.conduct.models import AuditAction, RuleAcceptance, RuleScope, RuleVersion
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.timeutils import acting_now
from publicoffice.places.models import Office, Operator


def _latest(versions: list[RuleVersion], scope: RuleScope) -> RuleVersion | None:
    return next((version for version in versions if version.scope == scope), None)


def versions_in_force(office: Office | None, at: datetime | None = None) -> list[RuleVersion]:
    """The network's rules, then the operator's and the office's additions, in force at ``at``.

    One query: every version that has taken effect for these three series,
    newest first; the first of each series is the one in force.
    """
    at = acting_now(at)
    series = Q(scope=RuleScope.NETWORK)
    if office is not None:
        series |= Q(scope=RuleScope.OPERATOR, operator_id=office.operator_id)
        series |= Q(scope=RuleScope.OFFICE, office_id=office.pk)
    versions = list(RuleVersion.objects.filter(series, effective_from__lte=at))
    layers = (RuleScope.NETWORK, RuleScope.OPERATOR, RuleScope.OFFICE)
    return [v for v in (_latest(versions, scope) for scope in layers) if v is not None]


def network_version_in_force(at: datetime | None = None) -> RuleVersion | None:
    return (
        RuleVersion.objects.filter(scope=RuleScope.NETWORK, effective_from__lte=acting_now(at))
        .order_by("-effective_from", "-number")
        .first()
    )


def history(office: Office | None) -> list[RuleVersion]:
    """Every version of the network's rules and of the office's additions, newest first."""
    series = Q(scope=RuleScope.NETWORK)
    if office is not None:
        series |= Q(scope=RuleScope.OPERATOR, operator_id=office.operator_id)
        series |= Q(scope=RuleScope.OFFICE, office_id=office.pk)
    return list(RuleVersion.objects.filter(series).select_related("operator", "office"))


#: Whether any material version of the network's rules exists, cached so that
#: the check every booking, registration and proposal asks costs no query
#: before the first rules are published. A save or delete forgets it; at worst
#: (another process's local cache) it is a minute old.
GATE_KEY = "conduct:material-network-rules"
GATE_SECONDS = 60


def any_material_network_version() -> bool:
    known = cache.get(GATE_KEY)
    if isinstance(known, bool):
        return known
    exists = RuleVersion.objects.filter(scope=RuleScope.NETWORK, material=True).exists()
    cache.set(GATE_KEY, exists, GATE_SECONDS)
    return exists


def forget_gate(**_: object) -> None:
    """Receiver of RuleVersion's ``post_save`` and ``post_delete``."""
    cache.delete(GATE_KEY)


def pending_network_version(member: Member, at: datetime | None = None) -> RuleVersion | None:
    """The material network version in force that ``member`` has not accepted, if any."""
    if not any_material_network_version():
        return None
    at = acting_now(at)
    latest = (
        RuleVersion.objects.filter(scope=RuleScope.NETWORK, material=True, effective_from__lte=at)
        .order_by("-effective_from", "-number")
        .first()
    )
    if latest is None:
        return None
    accepted = RuleAcceptance.objects.filter(
        member=member,
        version__scope=RuleScope.NETWORK,
        version__effective_from__gte=latest.effective_from,
    ).exists()
    return None if accepted else latest


def accept(member: Member, version: RuleVersion, now: datetime | None = None) -> RuleAcceptance:
    """Record that ``member`` accepted ``version`` (again is harmless)."""
    if version.scope != RuleScope.NETWORK:
        raise DomainError(ErrorCode.RULES_NOT_FOUND)
    existing = RuleAcceptance.objects.filter(member=member, version=version).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return RuleAcceptance.objects.create(
                member=member, version=version, accepted_at=acting_now(now)
            )
    except IntegrityError:
        return RuleAcceptance.objects.get(member=member, version=version)


def accept_in_force(member: Member, now: datetime | None = None) -> RuleAcceptance | None:
    """Accept the network's rules in force (at sign-up); ``None`` when there are none yet."""
    version = network_version_in_force(now)
    return None if version is None else accept(member, version, now)


@transaction.atomic
def publish_version(
    *,
    staff: StaffUser,
    scope: RuleScope,
    texts: dict[str, str],
    effective_from: datetime,
    material: bool = True,
    operator: Operator | None = None,
    office: Office | None = None,
) -> RuleVersion:
    """A new version of one series; the permission is the caller's (``policies``).

    ``texts`` holds ``summary``, ``full_text`` and ``changes`` per language
    (``summary_sv``, ``summary_ar``...), as the admin's form gives them.
    """
    series = RuleVersion.objects.filter(scope=scope, operator=operator, office=office)
    number = (series.aggregate(top=Max("number"))["top"] or 0) + 1
    version = RuleVersion(
        scope=scope,
        operator=operator,
        office=office,
        number=number,
        effective_from=effective_from,
        material=material,
        created_by=staff,
        **texts,
    )
    version.full_clean(exclude=["created_by"])
    version.save()
    record_change(staff, version)
    return version


def record_change(staff: StaffUser | None, version: RuleVersion) -> None:
    """The audit entry of a new or edited version (also called by the admin)."""
    log(
        AuditAction.RULES_CHANGED,
        actor=staff,
        at=acting_now(),
        office=version.office,
        target=f"rules:{version.pk}",
        note=f"{version.scope} v{version.number}",
    )


# -- Reads and writes for the rules pages, sign-up and the account page -------


def network_history() -> list[RuleVersion]:
    """Every version of the network's rules, newest first (the rules page's history)."""
    return history(None)


def accept_version_id(member: Member, version_id: int, now: datetime | None = None) -> None:
    """Record acceptance of the network version ``version_id`` (sign-up's agreement).

    A version that no longer exists, or is not the network's, records
    nothing: the member is then asked to accept the rules in force online.
    """
    version = RuleVersion.objects.filter(pk=version_id, scope=RuleScope.NETWORK).first()
    if version is not None:
        accept(member, version, now)
