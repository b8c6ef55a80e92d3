"""What commissioning publishes as open data: published calls and commissions, read in bulk.

Only what is already public is read here: calls once published (never a
draft), the applications' leads and confirmed co-applicants, the decisions
with their published reasons, commissions, and the reports' status and
accepted public parts. The builders (:mod:`publicoffice.commissioning.ocds`,
the CSV and the API) never reach past these querysets, so a private field
cannot slip into a file by a new ``select_related``.

Every list is read with a fixed number of queries whatever its length.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    Call,
    CallStatus,
    CoApplicant,
    Commission,
    Report,
    ReportAttachment,
)

#: Applications that were handed in (a withdrawn one is no longer a bid).
SUBMITTED = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.INFO_REQUESTED,
    ApplicationStatus.APPROVED,
    ApplicationStatus.DECLINED,
)
#: The largest id a call or commission can have (refused early, as the API does).
MAX_ID = 2**31 - 1


def _reports() -> Prefetch:
    attachments = ReportAttachment.objects.filter(public=True).order_by("created_at", "pk")
    return Prefetch(
        "reports",
        queryset=Report.objects.order_by("due_on", "pk").prefetch_related(
            Prefetch("attachments", queryset=attachments, to_attr="public_attachments")
        ),
    )


def _commissions() -> QuerySet[Commission]:
    return (
        Commission.objects.select_related("municipality", "lead", "application__call")
        .prefetch_related("partners", "offices", "amendments", _reports())
        .order_by("pk")
    )


def published_calls() -> QuerySet[Call]:
    """Calls that were published (open, under review, decided, or cancelled after publishing)."""
    return Call.objects.exclude(status=CallStatus.DRAFT).filter(published_at__isnull=False)


def calls_for_release() -> QuerySet[Call]:
    """Published calls with everything a release shows, oldest first (a dozen queries)."""
    applications = (
        Application.objects.filter(status__in=SUBMITTED, submitted_at__isnull=False)
        .select_related("lead", "decision")
        .prefetch_related(
            Prefetch(
                "co_applicants",
                queryset=CoApplicant.objects.filter(confirmed_at__isnull=False)
                .select_related("operator")
                .order_by("pk"),
                to_attr="confirmed_co_applicants",
            ),
            Prefetch("commission", queryset=_commissions()),
        )
        .order_by("submitted_at", "pk")
    )
    return (
        published_calls()
        .select_related("municipality")
        .prefetch_related(
            "documents",
            Prefetch("applications", queryset=applications, to_attr="submitted_applications"),
        )
        .order_by("published_at", "pk")
    )


def _call_pk(ocid: str) -> int | None:
    """The call's number in an ocid of this deployment, or None."""
    match = re.fullmatch(re.escape(settings.OCDS_PREFIX) + r"-call-([1-9][0-9]{0,9})", ocid)
    if match is None or int(match.group(1)) > MAX_ID:
        return None
    return int(match.group(1))


def call_for_release(ocid: str) -> Call | None:
    """The published call this ocid names, ready for its release; None for anything else."""
    pk = _call_pk(ocid)
    return None if pk is None else calls_for_release().filter(pk=pk).first()


def public_call(pk: int) -> Call | None:
    """One published call with its rubric and criteria (None: a draft, or no such call)."""
    if not 0 < pk <= MAX_ID:
        return None
    return (
        published_calls()
        .select_related("municipality")
        .prefetch_related("districts", "rubric__guideline", "extra_criteria", "documents")
        .filter(pk=pk)
        .first()
    )


def public_calls() -> QuerySet[Call]:
    """Published calls for a list, newest deadline first."""
    return (
        published_calls()
        .select_related("municipality")
        .prefetch_related("districts")
        .order_by("-deadline", "-pk")
    )


def public_commissions() -> QuerySet[Commission]:
    """Every commission with its operators, offices and report schedule, in order of number."""
    return _commissions().prefetch_related("targets")


def public_commission(pk: int) -> Commission | None:
    if not 0 < pk <= MAX_ID:
        return None
    return public_commissions().filter(pk=pk).first()


def commission_ocid(commission: Commission) -> str:
    """The ocid of the process the commission came from ("" if it did not come from a call)."""
    application = commission.application
    if application is None or application.call.published_at is None:
        return ""
    return application.call.ocid
