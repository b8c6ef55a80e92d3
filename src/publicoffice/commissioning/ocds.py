"""Each commissioning process as an Open Contracting Data Standard (OCDS 1.1) release.

One process, one ``ocid`` (``Call.ocid``: the deployment's registered
prefix and the call's number), from the call to the last report:

* ``planning``: the call's budget and what it is about;
* ``tender``: the call and the applications handed in (their leads);
* ``awards``: approved decisions, with their published reasons; a declined
  application is never an award;
* ``contracts``: the commissions, their conditions and, in
  ``implementation``, one milestone per scheduled report and the accepted
  reports' public parts.

The release is a snapshot of the process as it stands: its ``tag`` names the
stage reached, its ``date`` is the latest change, and its ``id`` changes
with both. Only what the selectors of :mod:`.selectors.opendata` read is
used, and of that only the public fields: private sections, private notes
and narratives, reviewers' scores, people's e-mail addresses and private
attachments never reach a release.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone, translation

from publicoffice.commissioning.models import (
    Application,
    Call,
    CallStatus,
    Commission,
    CommissionStatus,
    Decision,
    Outcome,
    Report,
    ReportStatus,
)
from publicoffice.commissioning.ocds_parties import Parties

OCDS_VERSION = "1.1"
CURRENCY = "SEK"
LANGUAGE = "sv"
TENDER_STATUS = {
    CallStatus.OPEN: "active",
    CallStatus.REVIEW: "active",
    CallStatus.DECIDED: "complete",
    CallStatus.CANCELLED: "cancelled",
}
CONTRACT_STATUS = {
    CommissionStatus.ACTIVE: "active",
    CommissionStatus.ENDED: "terminated",
    CommissionStatus.TERMINATED: "terminated",
}
#: Reports not handed in (or sent back) count as not met once their due day has passed.
NOT_HANDED_IN = (ReportStatus.DUE, ReportStatus.CHANGES_REQUESTED)


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _moment(value: datetime) -> str:
    """An aware time as ISO 8601 with its offset, to the second."""
    return value.astimezone(_zone()).replace(microsecond=0).isoformat()


def _day_start(day: date) -> str:
    return _moment(datetime.combine(day, time.min, tzinfo=_zone()))


def _day_end(day: date) -> str:
    return _moment(datetime.combine(day, time(23, 59, 59), tzinfo=_zone()))


def _value(amount: int) -> dict[str, Any]:
    return {"amount": amount, "currency": CURRENCY}


def decision_of(application: Application) -> Decision | None:
    try:
        return application.decision
    except ObjectDoesNotExist:
        return None


def commission_of(application: Application) -> Commission | None:
    try:
        return application.commission
    except ObjectDoesNotExist:
        return None


def approved(call: Call) -> list[tuple[Application, Decision]]:
    """The call's approved applications with their decisions (declined ones are left out)."""
    found = []
    for application in call.submitted_applications:  # type: ignore[attr-defined]
        decision = decision_of(application)
        if decision is not None and decision.outcome == Outcome.APPROVED:
            found.append((application, decision))
    return found


def award_id(decision: Decision) -> str:
    return f"award-{decision.pk}"


def contract_id(commission: Commission) -> str:
    return f"commission-{commission.pk}"


# -- the sections ----------------------------------------------------------------------


def _planning(call: Call) -> dict[str, Any]:
    return {
        "rationale": call.summary,
        "budget": {"description": call.title, "amount": _value(call.budget_sek)},
    }


def _tender(call: Call, parties: Parties) -> dict[str, Any]:
    applications = call.submitted_applications  # type: ignore[attr-defined]
    tenderers: list[dict[str, str]] = []
    for application in applications:
        ref = parties.tenderer(application.lead)
        if ref not in tenderers:
            tenderers.append(ref)
    tender: dict[str, Any] = {
        "id": f"{call.ocid}-tender",
        "title": call.title,
        "description": call.summary,
        "status": TENDER_STATUS[CallStatus(call.status)],
        "statusDetails": str(call.get_status_display()),
        "value": _value(call.budget_sek),
        "procurementMethod": "open",
        "procurementMethodDetails": str(call.get_kind_display()),
        "mainProcurementCategory": "services",
        "tenderPeriod": {"endDate": _moment(call.deadline)},
        "contractPeriod": {
            "startDate": _day_start(call.period_starts),
            "endDate": _day_end(call.period_ends),
        },
        "numberOfTenderers": len(applications),
        "tenderers": tenderers,
    }
    if call.published_at is not None:
        tender["datePublished"] = _moment(call.published_at)
        tender["tenderPeriod"]["startDate"] = _moment(call.published_at)
    if call.criteria:
        tender["awardCriteriaDetails"] = call.criteria
    documents = [
        {
            "id": f"call-document-{document.pk}",
            "documentType": "biddingDocuments",
            "title": document.title,
            "format": document.content_type,
            "datePublished": _moment(document.created_at),
        }
        for document in call.documents.all()
    ]
    if documents:
        tender["documents"] = documents
    return tender


def _award(application: Application, decision: Decision, parties: Parties) -> dict[str, Any]:
    suppliers = [parties.supplier(application.lead)]
    for co_applicant in application.confirmed_co_applicants:  # type: ignore[attr-defined]
        suppliers.append(parties.supplier(co_applicant.operator))
    commission = commission_of(application)
    funding = commission.funding_sek if commission is not None else application.budget_sek
    award: dict[str, Any] = {
        "id": award_id(decision),
        "title": application.title,
        "description": decision.reasons,
        "status": "active",
        "date": _moment(decision.decided_at),
        "value": _value(funding),
        "suppliers": suppliers,
    }
    if commission is not None:
        award["contractPeriod"] = {
            "startDate": _day_start(commission.starts_on),
            "endDate": _day_end(commission.ends_on),
        }
    return award


def _milestone_status(report: Report, today: date) -> str:
    if report.status == ReportStatus.ACCEPTED:
        return "met"
    if report.status in NOT_HANDED_IN and report.due_on < today:
        return "notMet"
    return "scheduled"


def _report_title(report: Report) -> str:
    return f"{report.get_kind_display()} {report.period_starts}–{report.period_ends}"


def _milestone(report: Report, today: date) -> dict[str, Any]:
    milestone: dict[str, Any] = {
        "id": f"report-{report.pk}",
        "title": _report_title(report),
        "type": "reporting",
        "dueAfterDate": _day_end(report.period_ends),
        "dueDate": _day_end(report.due_on),
        "status": _milestone_status(report, today),
    }
    if report.status == ReportStatus.ACCEPTED and report.reviewed_at is not None:
        milestone["dateMet"] = _moment(report.reviewed_at)
    modified = report.reviewed_at or report.submitted_at
    if modified is not None:
        milestone["dateModified"] = _moment(modified)
    return milestone


def _report_documents(report: Report) -> list[dict[str, Any]]:
    """An accepted report's public parts: its public narrative and its public attachments."""
    published = report.reviewed_at or report.updated_at
    documents: list[dict[str, Any]] = [
        {
            "id": f"report-{report.pk}",
            "documentType": "physicalProgressReport",
            "title": _report_title(report),
            "description": report.narrative,
            "datePublished": _moment(published),
        }
    ]
    for attachment in report.public_attachments:  # type: ignore[attr-defined]
        documents.append(
            {
                "id": f"report-attachment-{attachment.pk}",
                "documentType": "physicalProgressReport",
                "title": attachment.title,
                "format": attachment.content_type,
                "datePublished": _moment(published),
            }
        )
    return documents


def _contract(commission: Commission, decision: Decision, today: date) -> dict[str, Any]:
    reports = list(commission.reports.all())
    documents = [
        document
        for report in reports
        if report.status == ReportStatus.ACCEPTED
        for document in _report_documents(report)
    ]
    implementation: dict[str, Any] = {"milestones": [_milestone(r, today) for r in reports]}
    if documents:
        implementation["documents"] = documents
    contract: dict[str, Any] = {
        "id": contract_id(commission),
        "awardID": award_id(decision),
        "title": commission.title,
        "description": commission.conditions,
        "status": CONTRACT_STATUS[CommissionStatus(commission.status)],
        "statusDetails": str(commission.get_status_display()),
        "period": {
            "startDate": _day_start(commission.starts_on),
            "endDate": _day_end(commission.ends_on),
        },
        "value": _value(commission.funding_sek),
        "dateSigned": _moment(commission.created_at),
        "implementation": implementation,
    }
    amendments = [
        {"id": f"version-{a.version}", "date": _moment(a.made_at)}
        for a in commission.amendments.all()
    ]
    if amendments:
        contract["amendments"] = amendments
    return contract


# -- the release -----------------------------------------------------------------------


def _changes(call: Call) -> Iterable[datetime | None]:
    """Every moment the public picture of the process changed."""
    yield call.published_at
    yield call.updated_at
    for application in call.submitted_applications:  # type: ignore[attr-defined]
        yield application.submitted_at
        decision = decision_of(application)
        yield decision.decided_at if decision else None
        commission = commission_of(application)
        if commission is None:
            continue
        yield commission.updated_at
        for report in commission.reports.all():
            yield report.reviewed_at


def _tag(call: Call, contracts: list[dict[str, Any]], awards: list[dict[str, Any]]) -> str:
    """The stage reached: a report due or accepted makes it implementation."""
    milestones = [m for c in contracts for m in c["implementation"]["milestones"]]
    if any(m["status"] != "scheduled" for m in milestones):
        return "implementation"
    if contracts:
        return "contract"
    if awards:
        return "award"
    if call.status == CallStatus.CANCELLED:
        return "tenderCancellation"
    return "tender"


def release(call: Call, *, today: date | None = None) -> dict[str, Any]:
    """The release of one published call as it stands (from :func:`calls_for_release`)."""
    today = today or timezone.localdate()
    parties = Parties()
    with translation.override(LANGUAGE):
        buyer = parties.buyer(call.municipality)
        tender = _tender(call, parties)
        awards, contracts = [], []
        for application, decision in approved(call):
            awards.append(_award(application, decision, parties))
            commission = commission_of(application)
            if commission is not None:
                contracts.append(_contract(commission, decision, today))
    latest = max(moment for moment in _changes(call) if moment is not None)
    tag = _tag(call, contracts, awards)
    document: dict[str, Any] = {
        "ocid": call.ocid,
        "id": "",
        "date": _moment(latest),
        "tag": [tag],
        "initiationType": "tender",
        "language": LANGUAGE,
        "parties": parties.as_list(),
        "buyer": buyer,
        "planning": _planning(call),
        "tender": tender,
    }
    if awards:
        document["awards"] = awards
    if contracts:
        document["contracts"] = contracts
    # Unique within the process for any change, even two within one second.
    digest = hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()[:8]
    document["id"] = f"{call.ocid}-{tag}-{latest.astimezone(_zone()):%Y%m%dT%H%M%S}-{digest}"
    return document


def publisher_name() -> str:
    return str(getattr(settings, "OCDS_PUBLISHER_NAME", "") or "Public Office")


def package(releases: list[dict[str, Any]], *, uri: str, license_url: str) -> dict[str, Any]:
    """A release package: the releases, who published them and under what licence.

    ``publishedDate`` is the latest release's date (now for an empty package),
    so the same data give the same bytes and a harvester's ETag holds.
    """
    dates = [datetime.fromisoformat(r["date"]) for r in releases]
    return {
        "uri": uri,
        "version": OCDS_VERSION,
        "publishedDate": _moment(max(dates) if dates else timezone.now()),
        "publisher": {"name": publisher_name()},
        "license": license_url,
        "releases": releases,
    }
