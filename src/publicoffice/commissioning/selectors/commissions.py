"""What the commission pages read: whose commissions, one commission whole, its readings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q, QuerySet

from publicoffice.accounts.actors import AnyUser
from publicoffice.commissioning import measures, policies
from publicoffice.commissioning.models import Amendment, Commission, Measure, Report, Target
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.reports.periods import Period

#: Targets are read over the last four weeks, ending yesterday.
READING_DAYS = 28


def commissions_for(user: AnyUser) -> QuerySet[Commission]:
    """The officer's municipalities' commissions, or the ones the admin's operators are in.

    Anyone else is refused: the list is a page of those roles.
    """
    if not policies.may_list_commissions(user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    rows = Commission.objects.select_related("municipality", "lead").prefetch_related(
        "partners", "offices"
    )
    municipalities = policies.officer_municipalities(user)
    if municipalities is None:
        return rows.order_by("-starts_on", "pk")
    operators = policies.operator_ids(user)
    seen = (
        Q(municipality_id__in=municipalities) | Q(lead_id__in=operators) | Q(partners__in=operators)
    )
    ids = Commission.objects.filter(seen).values("pk")
    return rows.filter(pk__in=ids).order_by("-starts_on", "pk")


def commission_inside(*, user: AnyUser, pk: int) -> Commission:
    """One commission for its officers and operators: 403 for other roles, 404 for others'."""
    if not policies.may_list_commissions(user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    commission = (
        Commission.objects.select_related("municipality", "lead", "application__call")
        .prefetch_related("partners", "offices", "targets")
        .filter(pk=pk)
        .first()
    )
    if commission is None or not policies.can_see_commission_inside(user, commission):
        raise DomainError(ErrorCode.COMMISSION_NOT_FOUND)
    return commission


def commission_to_manage(*, user: AnyUser, pk: int) -> Commission:
    """One commission for its officers: its operators are refused (403)."""
    commission = commission_inside(user=user, pk=pk)
    if not policies.can_manage_commission(user, commission):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    return commission


@dataclass(frozen=True)
class TargetRow:
    target: Target
    reading: measures.Reading | None
    met: bool | None


def reading_period(today: date) -> Period:
    yesterday = today - timedelta(days=1)
    return Period(yesterday - timedelta(days=READING_DAYS - 1), yesterday)


def target_rows(commission: Commission, *, today: date) -> tuple[Period, list[TargetRow]]:
    """Each target with the current reading (inside figures: nothing hidden) and met or not."""
    period = reading_period(today)
    targets = list(commission.targets.all())
    if not targets:
        return period, []
    office_ids = [o.pk for o in commission.offices.all()]
    readings = measures.read(office_ids, period, public=False)
    rows = []
    for target in targets:
        reading = readings.get(Measure(target.measure))
        rows.append(TargetRow(target, reading, measures.is_met(target, reading)))
    return period, rows


def amendments_of(commission: Commission) -> list[Amendment]:
    return list(commission.amendments.select_related("made_by").order_by("-version"))


def reports_of(commission: Commission) -> list[Report]:
    return list(commission.reports.order_by("due_on", "pk"))
