"""Deciding an application: approve (perhaps with conditions) or decline, with reasons.

A decision waits for the deadline (every application is judged together)
and for any question asked of the applicant to be answered. Approving makes
the commission in the same transaction: its offices are entered from the
planned ones, its funding is what the decision grants (never more than the
call has left), its targets start from the call's demands, and its report
schedule is made. When the call's last application is decided, the call is
*decided* and its followers are told (:mod:`..tasks_decisions`, through
:data:`decided`).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import StaffUser
from publicoffice.commissioning import policies
from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    CallStatus,
    Commission,
    Decision,
    Direction,
    Measure,
    Outcome,
)
from publicoffice.commissioning.models.calls import MAX_TEXT
from publicoffice.commissioning.selectors import decisions as selectors
from publicoffice.commissioning.services.commissions import TargetSpec, create_commission
from publicoffice.core.domain_events import DomainEvent
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import clean_paragraphs, paragraphs, within_limit
from publicoffice.core.timeutils import acting_now
from publicoffice.places.planned import create_planned_office

#: Published after the commit: ``decision_id``, ``call_id``, ``call_decided``.
decided = DomainEvent("commissioning.decided")
#: Every office of a commission should have its accessibility facts complete.
ACCESSIBILITY_TARGET = Decimal(100)


def _optional(value: Any, field: str) -> str:
    return within_limit(paragraphs(value or ""), field=field, limit=MAX_TEXT)


def _locked(application: Application, now: datetime) -> Application:
    locked = (
        Application.objects.select_for_update(of=("self",))
        .select_related("call")
        .get(pk=application.pk)
    )
    if locked.status != ApplicationStatus.SUBMITTED or now < locked.call.deadline:
        raise DomainError(ErrorCode.NOT_DECIDABLE)
    return locked


def default_targets(application: Application) -> dict[Measure, TargetSpec]:
    """What every commission of the call starts with: the call's hours, full accessibility facts."""
    return {
        Measure.HOURS_PER_WEEK: (Direction.AT_LEAST, Decimal(application.call.min_hours_per_week)),
        Measure.ACCESSIBILITY_COMPLETE: (Direction.AT_LEAST, ACCESSIBILITY_TARGET),
    }


def _funding(application: Application, funding: Any) -> int:
    value = application.budget_sek if funding is None else funding
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise DomainError(ErrorCode.BAD_VALUE, field="funding_sek")
    if value > application.call.budget_sek - selectors.granted_sek(application.call):
        raise DomainError(
            ErrorCode.BAD_VALUE,
            _("This is more than the call has left to grant."),
            field="funding_sek",
        )
    return value


def commission_from(application: Application, decision: Decision, funding: int) -> Commission:
    """The commission an approval makes, with an office entered for each planned one."""
    call = application.call
    offices = []
    for plan in application.planned_offices.select_for_update():
        plan.office = create_planned_office(
            name=plan.name,
            operator=application.lead,
            municipality=call.municipality,
            district=plan.district,
            street_address=plan.street_address,
            postal_code=plan.postal_code,
            city=plan.city,
            latitude=plan.latitude,
            longitude=plan.longitude,
            capacity=plan.capacity,
        )
        plan.save(update_fields=["office"])
        offices.append(plan.office)
    return create_commission(
        municipality=call.municipality,
        lead=application.lead,
        title=application.title,
        offices=offices,
        partners=[c.operator for c in selectors.confirmed_co_applicants(application)],
        starts_on=call.period_starts,
        ends_on=call.period_ends,
        funding_sek=funding,
        conditions=decision.conditions,
        targets=default_targets(application),
        application_id=application.pk,
    )


def _close_call_if_done(application: Application) -> bool:
    call = application.call
    if selectors.undecided_count(call) or call.status == CallStatus.DECIDED:
        return False
    call.status = CallStatus.DECIDED
    call.save(update_fields=["status", "updated_at"])
    return True


@transaction.atomic
def decide(
    *,
    officer: StaffUser,
    application: Application,
    outcome: Any,
    reasons: Any,
    conditions: Any = "",
    private_notes: Any = "",
    funding_sek: Any = None,
    now: datetime | None = None,
) -> Decision:
    """Approve or decline a submitted application after the deadline; tell everyone after."""
    if not policies.can_manage_application(officer, application):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    now = acting_now(now)
    application = _locked(application, now)
    if outcome not in Outcome.values:
        raise DomainError(ErrorCode.BAD_VALUE, field="outcome")
    approved = outcome == Outcome.APPROVED
    funding = _funding(application, funding_sek) if approved else 0
    decision = Decision.objects.create(
        application=application,
        outcome=outcome,
        reasons=clean_paragraphs(
            reasons, field="reasons", limit=MAX_TEXT, missing=_("Give the reasons in words.")
        ),
        conditions=_optional(conditions, "conditions") if approved else "",
        private_notes=_optional(private_notes, "private_notes"),
        decided_by=officer,
        decided_at=now,
    )
    application.status = ApplicationStatus.APPROVED if approved else ApplicationStatus.DECLINED
    application.save(update_fields=["status", "updated_at"])
    if approved:
        commission_from(application, decision, funding)
    call_decided = _close_call_if_done(application)
    decided.publish(decision_id=decision.pk, call_id=application.call_id, call_decided=call_decided)
    return decision
