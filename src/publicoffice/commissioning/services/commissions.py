"""Commissions: made from an approved application (or entered for an office that ran
before the platform), then changed only by amendments.

Every change after the start (the period, the funding, the conditions, the
status, the targets) is an :class:`Amendment` that keeps the reason and the
whole commission before and after as JSON, numbered as versions: the history
needs no other table, and the open data publishes it as it stands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import StaffUser
from publicoffice.commissioning import policies
from publicoffice.commissioning.measures import SHARES
from publicoffice.commissioning.models import (
    Amendment,
    Commission,
    CommissionStatus,
    Direction,
    Measure,
    Target,
)
from publicoffice.commissioning.models.calls import MAX_TEXT
from publicoffice.commissioning.selectors.decisions import granted_sek
from publicoffice.commissioning.services.schedule import schedule_reports
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import clean_paragraphs, paragraphs, within_limit
from publicoffice.core.timeutils import acting_now
from publicoffice.places.models import Municipality, Office, Operator

#: A target as the services take it: the direction and the value.
TargetSpec = tuple[str, Decimal]
#: Values above this are typing errors, whatever the measure.
MAX_TARGET = Decimal("100000")
HUNDRED = Decimal(100)


def _number(text: str) -> Decimal | None:
    """A finite decimal, or None for anything else ("many", "NaN", "Infinity")."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def clean_targets(raw: Mapping[str, tuple[Any, Any]]) -> dict[Measure, TargetSpec]:
    """Targets from a form: ``{measure: (direction, value)}``; an empty value means none.

    Negative values, values that are no number, and shares over 100 % are
    refused with TARGET_INVALID naming the measure's field.
    """
    cleaned: dict[Measure, TargetSpec] = {}
    for key, (direction, value) in raw.items():
        if key not in Measure.values:
            raise DomainError(ErrorCode.TARGET_INVALID, field=str(key)[:40])
        measure = Measure(key)
        text = "" if value is None else str(value).strip().replace(",", ".")
        if not text:
            continue
        number = _number(text)
        top = HUNDRED if measure in SHARES else MAX_TARGET
        if number is None or not 0 <= number <= top or direction not in Direction.values:
            raise DomainError(ErrorCode.TARGET_INVALID, field=f"{measure.value}_value")
        cleaned[measure] = (str(direction), number.quantize(Decimal("0.01")))
    return cleaned


def _clean_text(value: Any, field: str, *, required: bool) -> str:
    if required:
        return clean_paragraphs(
            value, field=field, limit=MAX_TEXT, missing=_("Write the reason in a few words.")
        )
    return within_limit(paragraphs(value or ""), field=field, limit=MAX_TEXT)


def snapshot(commission: Commission) -> dict[str, Any]:
    """The whole commission as it stands, for an amendment's before and after."""
    return {
        "title": commission.title,
        "starts_on": commission.starts_on.isoformat(),
        "ends_on": commission.ends_on.isoformat(),
        "funding_sek": commission.funding_sek,
        "conditions": commission.conditions,
        "status": commission.status,
        "targets": {
            t.measure: {"direction": t.direction, "value": str(t.value)}
            for t in commission.targets.order_by("measure")
        },
        "offices": sorted(o.pk for o in commission.offices.all()),
    }


def _write_targets(commission: Commission, targets: Mapping[Measure, TargetSpec]) -> None:
    commission.targets.exclude(measure__in=[m.value for m in targets]).delete()
    for measure, (direction, value) in targets.items():
        Target.objects.update_or_create(
            commission=commission,
            measure=measure,
            defaults={"direction": direction, "value": value},
        )


def _check_funding(commission: Commission, funding: Any) -> int:
    """Whole crowns, within what the call has left when the commission came from one."""
    if not isinstance(funding, int) or isinstance(funding, bool) or not 0 <= funding < 2**31:
        raise DomainError(ErrorCode.BAD_VALUE, field="funding_sek")
    application = commission.application
    if application is not None:
        left = application.call.budget_sek - granted_sek(application.call, excluding=commission.pk)
        if funding > left:
            raise DomainError(ErrorCode.BAD_VALUE, field="funding_sek")
    return funding


@transaction.atomic
def create_commission(
    *,
    municipality: Municipality,
    lead: Operator,
    title: str,
    offices: Iterable[Office],
    starts_on: date,
    ends_on: date,
    funding_sek: int,
    conditions: str = "",
    targets: Mapping[Measure, TargetSpec] | None = None,
    partners: Iterable[Operator] = (),
    application_id: int | None = None,
) -> Commission:
    """A commission with its offices, targets and report schedule (version 1).

    Called by the decision when an application is approved, and by the demo
    for offices that ran before the platform.
    """
    if ends_on <= starts_on:
        raise DomainError(ErrorCode.BAD_VALUE, field="ends_on")
    commission = Commission.objects.create(
        municipality=municipality,
        application_id=application_id,
        title=title,
        lead=lead,
        starts_on=starts_on,
        ends_on=ends_on,
        funding_sek=funding_sek,
        conditions=conditions,
    )
    commission.partners.set(list(partners))
    commission.offices.set(list(offices))
    _write_targets(commission, targets or {})
    schedule_reports(commission)
    return commission


def _amend(
    *,
    officer: StaffUser,
    commission: Commission,
    reason: Any,
    change: Callable[[Commission], None],
    now: datetime | None,
) -> Amendment:
    """Lock, check, change, and keep the whole before and after as the next version."""
    if not policies.can_manage_commission(officer, commission):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    text = _clean_text(reason, "reason", required=True)
    commission = (
        Commission.objects.select_for_update(of=("self",))
        .select_related("application__call")
        .get(pk=commission.pk)
    )
    before = snapshot(commission)
    change(commission)
    commission.version += 1
    commission.save()
    schedule_reports(commission)
    return Amendment.objects.create(
        commission=commission,
        version=commission.version,
        reason=text,
        before=before,
        after=snapshot(commission),
        made_by=officer,
        made_at=acting_now(now),
    )


@transaction.atomic
def amend_commission(
    *,
    officer: StaffUser,
    commission: Commission,
    reason: Any,
    starts_on: date,
    ends_on: date,
    funding_sek: Any,
    conditions: Any,
    status: Any,
    now: datetime | None = None,
) -> Amendment:
    """Change the period, funding, conditions or status, with the reason why."""
    if not isinstance(starts_on, date) or not isinstance(ends_on, date) or ends_on <= starts_on:
        raise DomainError(ErrorCode.BAD_VALUE, field="ends_on")
    if status not in CommissionStatus.values:
        raise DomainError(ErrorCode.BAD_VALUE, field="status")
    text = _clean_text(conditions, "conditions", required=False)

    def change(c: Commission) -> None:
        c.funding_sek = _check_funding(c, funding_sek)
        c.starts_on, c.ends_on, c.conditions, c.status = starts_on, ends_on, text, status

    return _amend(officer=officer, commission=commission, reason=reason, change=change, now=now)


@transaction.atomic
def set_targets(
    *,
    officer: StaffUser,
    commission: Commission,
    targets: Mapping[str, tuple[Any, Any]],
    reason: Any,
    now: datetime | None = None,
) -> Amendment:
    """Replace the targets (a measure left empty has none), as an amendment."""
    cleaned = clean_targets(targets)
    return _amend(
        officer=officer,
        commission=commission,
        reason=reason,
        change=lambda c: _write_targets(c, cleaned),
        now=now,
    )
