"""Writes of the commuting estimate: changing an emission factor, with who changed it."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from publicoffice.accounts.actors import StaffUser
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.reports.models import EmissionFactor
from publicoffice.reports.policies import can_edit_emission_factors

#: How far the shares of one way of travelling may be from 1 (three decimals are stored).
SHARE_TOLERANCE = Decimal("0.001")


def check_factor_values(low: Decimal, central: Decimal, high: Decimal) -> None:
    """Refuse a negative factor or one whose low, central and high are out of order."""
    if min(low, central, high) < 0 or not low <= central <= high:
        raise DomainError(ErrorCode.EMISSION_FACTOR_INVALID, field="low")


def share_total(mode: str, changed: dict[int | None, Decimal] | None = None) -> Decimal:
    """The sum of the shares of ``mode`` once ``changed`` (pk → share; None: a new one) applies."""
    shares: dict[int | None, Decimal] = dict(
        EmissionFactor.objects.filter(mode=mode).values_list("pk", "share")
    )
    shares.update(changed or {})
    return sum(shares.values(), Decimal(0))


def check_shares(mode: str, changed: dict[int | None, Decimal]) -> None:
    """Refuse shares of one way of travelling that add up to more than 1.

    Less than 1 is let through so that shares can be rebalanced one factor
    at a time (lower one, then raise another); meanwhile the estimate divides
    by the sum, and the admin warns until the shares add up to 1 again.
    """
    if share_total(mode, changed) > 1 + SHARE_TOLERANCE:
        raise DomainError(ErrorCode.EMISSION_FACTOR_INVALID, field="share", mode=mode)


def shares_add_up(mode: str) -> bool:
    return abs(share_total(mode) - 1) <= SHARE_TOLERANCE


@transaction.atomic
def emission_factor_save(*, factor: EmissionFactor, by: StaffUser) -> EmissionFactor:
    """Save a new or changed factor, recording who did it; only platform admins may."""
    if not can_edit_emission_factors(by):
        raise DomainError(ErrorCode.REPORT_NOT_ALLOWED)
    check_factor_values(factor.low, factor.central, factor.high)
    check_shares(factor.mode, {factor.pk: factor.share})
    factor.updated_by = by
    factor.full_clean()
    factor.save()
    return factor
