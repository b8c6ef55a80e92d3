"""The few counts the hub shows: what waits for this person."""

from __future__ import annotations

from dataclasses import dataclass

from publicoffice.accounts.actors import AnyUser
from publicoffice.commissioning import policies
from publicoffice.commissioning.models import (
    Application,
    Call,
    CallStatus,
    Commission,
    Report,
    ReportStatus,
    Reviewer,
)


@dataclass(frozen=True)
class HubCounts:
    open_calls: int
    my_calls: int
    my_applications: int
    my_reviews: int
    my_commissions: int
    reports_waiting: int


def hub_counts(user: AnyUser) -> HubCounts:
    """Six counts, one query each; zero for what is not the user's."""
    municipalities = policies.officer_municipalities(user)
    operators = policies.operator_ids(user)
    calls = Call.objects.all()
    commissions = Commission.objects.all()
    if municipalities is not None:
        calls = calls.filter(municipality_id__in=municipalities)
    officer = policies.is_some_officer(user)
    return HubCounts(
        open_calls=Call.objects.filter(status=CallStatus.OPEN).count(),
        my_calls=calls.count() if officer else 0,
        my_applications=(
            Application.objects.filter(lead_id__in=operators).count()
            + Application.objects.filter(co_applicants__operator_id__in=operators).count()
            if operators
            else 0
        ),
        my_reviews=Reviewer.objects.filter(user_id=user.pk, completed_at__isnull=True).count()
        if user.is_authenticated
        else 0,
        my_commissions=(
            commissions.filter(lead_id__in=operators).count()
            + commissions.filter(partners__in=operators).count()
            if operators
            else 0
        ),
        reports_waiting=(
            Report.objects.filter(
                status=ReportStatus.SUBMITTED,
                **(
                    {}
                    if municipalities is None
                    else {"commission__municipality_id__in": municipalities}
                ),
            ).count()
            if officer
            else 0
        ),
    )
