"""Writing, submitting and assessing follow-up reports, and the daily reminders.

The operator writes a report (drafts are kept), attaches documents and
submits it once the public narrative and a self-assessment of every
guideline are there; the figures are then kept as they were. The
municipality's officer accepts it or asks for changes, each guideline
assessed beside the operator's own view. Every step checks who acts here,
so no page can skip it; the e-mails go after the transaction commits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from publicoffice.accounts.actors import Member
from publicoffice.commissioning import documents, notifications_followup, policies
from publicoffice.commissioning.models import (
    Assessment,
    Party,
    Rating,
    Report,
    ReportAttachment,
    ReportStatus,
)
from publicoffice.commissioning.models.calls import MAX_TEXT, MAX_TITLE
from publicoffice.commissioning.selectors import followup as selectors
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import clean_line, paragraphs, within_limit
from publicoffice.core.timeutils import acting_now


@dataclass(frozen=True)
class GuidelineView:
    """One party's view of one guideline, as typed."""

    rating: Any = ""
    evidence: Any = ""
    actions: Any = ""


def _locked(report: Report) -> Report:
    return (
        Report.objects.select_for_update(of=("self",))
        .select_related("commission")
        .get(pk=report.pk)
    )


def _may_write(user: Member, report: Report) -> None:
    if not policies.is_commission_operator(user, report.commission):
        raise DomainError(ErrorCode.COMMISSION_REPORT_NOT_FOUND)
    if not policies.can_write_report(user, report):
        raise DomainError(ErrorCode.COMMISSION_REPORT_NOT_EDITABLE)


def _may_assess(user: Member, report: Report) -> None:
    if not policies.can_manage_commission(user, report.commission):
        raise DomainError(ErrorCode.COMMISSION_REPORT_NOT_FOUND)
    if not policies.can_assess_report(user, report):
        raise DomainError(ErrorCode.COMMISSION_REPORT_NOT_EDITABLE)


def _text(value: Any, field: str) -> str:
    return within_limit(paragraphs(value or ""), field=field, limit=MAX_TEXT)


def _rating(value: Any, field: str) -> str:
    if value in (None, ""):
        return ""
    if value not in Rating.values:
        raise DomainError(ErrorCode.BAD_VALUE, field=field)
    return str(value)


def _save_views(
    report: Report, party: Party, views: Mapping[int, GuidelineView], prefix: str = ""
) -> None:
    """Keep each rated guideline's view; an unrated one is removed (a draft may omit it)."""
    cleaned = {}
    for guideline_id, view in views.items():
        rating = _rating(view.rating, f"{prefix}rating_{guideline_id}")
        evidence = _text(view.evidence, f"{prefix}evidence_{guideline_id}")
        actions = _text(view.actions, f"{prefix}actions_{guideline_id}")
        cleaned[guideline_id] = (rating, evidence, actions)
    for guideline_id, (rating, evidence, actions) in cleaned.items():
        if not rating:
            Assessment.objects.filter(
                report=report, guideline_id=guideline_id, party=party
            ).delete()
            continue
        Assessment.objects.update_or_create(
            report=report,
            guideline_id=guideline_id,
            party=party,
            defaults={"rating": rating, "evidence": evidence, "actions": actions},
        )


@transaction.atomic
def save_draft(
    *,
    operator: Member,
    report: Report,
    narrative: Any,
    private_narrative: Any,
    views: Mapping[int, GuidelineView],
) -> Report:
    """Keep what the operator wrote so far; nothing is checked for completeness."""
    report = _locked(report)
    _may_write(operator, report)
    report.narrative = _text(narrative, "narrative")
    report.private_narrative = _text(private_narrative, "private_narrative")
    _save_views(report, Party.OPERATOR, views)
    report.save(update_fields=["narrative", "private_narrative", "updated_at"])
    return report


@transaction.atomic
def submit(
    *,
    operator: Member,
    report: Report,
    now: datetime | None = None,
) -> Report:
    """Hand the report in: the narrative and every guideline's self-assessment needed.

    The figures are kept as they are now (:func:`selectors.snapshot`), and
    the municipality's officers are told.
    """
    now = acting_now(now)
    report = _locked(report)
    _may_write(operator, report)
    if not report.narrative.strip():
        raise DomainError(
            ErrorCode.TEXT_MISSING, _("Write what happened in the period."), field="narrative"
        )
    rated = set(
        report.assessments.filter(party=Party.OPERATOR).values_list("guideline_id", flat=True)
    )
    missing = [g for g in selectors.guidelines() if g.pk not in rated]
    if missing:
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            _("Assess every guideline first: %(missing)s.")
            % {"missing": ", ".join(str(g.number) for g in missing)},
            field=f"rating_{missing[0].pk}",
        )
    report.figures = selectors.snapshot(selectors.live_readings(report))
    report.status = ReportStatus.SUBMITTED
    report.submitted_at, report.submitted_by = now, operator
    report.save(update_fields=["figures", "status", "submitted_at", "submitted_by", "updated_at"])
    transaction.on_commit(lambda: notifications_followup.queue("submitted", report.pk))
    return report


@transaction.atomic
def save_and_submit(
    *,
    operator: Member,
    report: Report,
    narrative: Any,
    private_narrative: Any,
    views: Mapping[int, GuidelineView],
    now: datetime | None = None,
) -> Report:
    """The form's "submit": keep what was typed and hand it in, or neither."""
    report = save_draft(
        operator=operator,
        report=report,
        narrative=narrative,
        private_narrative=private_narrative,
        views=views,
    )
    return submit(operator=operator, report=report, now=now)


@transaction.atomic
def add_attachment(
    *, operator: Member, report: Report, upload: Any, title: Any, public: bool
) -> ReportAttachment:
    """Take a PDF or office document for the report (refused once it is submitted)."""
    report = _locked(report)
    _may_write(operator, report)
    clean_title = clean_line(
        title or "", field="title", limit=MAX_TITLE, missing=_("Give the document a title.")
    )
    if upload is None:
        raise DomainError(ErrorCode.DOCUMENT_INVALID, field="file")
    document = documents.prepare(upload)
    name = documents.store(document)
    return ReportAttachment.objects.create(
        report=report,
        title=clean_title,
        file=name,
        content_type=document.content_type,
        size=document.size,
        public=bool(public),
    )


@transaction.atomic
def delete_attachment(*, operator: Member, report: Report, attachment_id: int) -> None:
    report = _locked(report)
    _may_write(operator, report)
    attachment = report.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise DomainError(ErrorCode.COMMISSION_REPORT_NOT_FOUND)
    name = attachment.file
    attachment.delete()
    transaction.on_commit(lambda: documents.delete(name))


@transaction.atomic
def assess(
    *,
    officer: Member,
    report: Report,
    views: Mapping[int, GuidelineView],
    comment: Any,
    accept: bool,
    now: datetime | None = None,
) -> Report:
    """The municipality's view: accept, or ask for changes (then a comment is needed)."""
    now = acting_now(now)
    report = _locked(report)
    _may_assess(officer, report)
    report.officer_comment = _text(comment, "comment")
    if not accept and not report.officer_comment:
        raise DomainError(ErrorCode.TEXT_MISSING, _("Say what should be changed."), field="comment")
    _save_views(report, Party.MUNICIPALITY, views)
    report.status = ReportStatus.ACCEPTED if accept else ReportStatus.CHANGES_REQUESTED
    report.reviewed_at, report.reviewed_by = now, officer
    report.save(
        update_fields=["officer_comment", "status", "reviewed_at", "reviewed_by", "updated_at"]
    )
    what = "accepted" if accept else "changes"
    transaction.on_commit(lambda: notifications_followup.queue(what, report.pk))
    return report


@transaction.atomic
def remind(*, now: datetime | None = None) -> dict[str, int]:
    """Mark today's reminders sent and queue them; how many of each kind."""
    today: date = timezone.localdate(acting_now(now))
    due = selectors.reports_to_remind(today)
    for what, ids in due.items():
        Report.objects.filter(pk__in=ids).update(reminded_on=today)
        for pk in ids:
            transaction.on_commit(lambda what=what, pk=pk: notifications_followup.queue(what, pk))  # type: ignore[misc]
    return {what: len(ids) for what, ids in due.items()}
