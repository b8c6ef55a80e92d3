"""Problem reports: reporting, staff's public updates, reopening, and the e-mail's retention.

Each function is one transaction. A report's state changes only with a
:class:`ProblemUpdate` that everyone can read: staff's answer, or a
reopening (somebody says a fixed problem is not fixed, within
``DIALOGUE_REOPEN_DAYS``). The first staff update stops the response clock,
which works as for proposals (``answer_due`` from the operator's promise).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import Member, StaffUser
from publicoffice.core.domain_events import DomainEvent
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.core.text import one_line
from publicoffice.core.timeutils import acting_now
from publicoffice.dialogue import clock, photos
from publicoffice.dialogue.models import (
    PROBLEM_FAMILIES,
    Family,
    ProblemCategory,
    ProblemReport,
    ProblemState,
    ProblemStatistic,
    ProblemUpdate,
)
from publicoffice.dialogue.models.problems import REOPENED_STATE
from publicoffice.dialogue.services._common import (
    ANSWER_MAX,
    BODY_MAX,
    REASON_MAX,
    TITLE_MAX,
    clean_line,
    clean_paragraphs,
    clean_staff_state,
)
from publicoffice.places.facts import Family as FactFamily
from publicoffice.places.facts import facts_changed
from publicoffice.places.models import Office, OfficeStatus

#: A report was made: ``report_id``. (Nobody is e-mailed yet; the office's queue shows it.)
problem_reported = DomainEvent("dialogue.problem_reported")
#: Staff updated a report, or somebody reopened it: ``update_id``. The reporter is told.
problem_updated = DomainEvent("dialogue.problem_updated")

#: States staff may give; *new* is only where a report starts.
STAFF_PROBLEM_STATES = frozenset(set(ProblemState.values) - {ProblemState.NEW})
EMAIL_MAX = 254
#: Where problem photos are kept under ``MEDIA_ROOT``.
PHOTO_FOLDER = "problems"


def _clean_category(value: Any) -> str:
    if value not in ProblemCategory.values:
        raise DomainError(ErrorCode.PROBLEM_CATEGORY_INVALID, field="category")
    return str(value)


def _clean_language(value: Any) -> str:
    if value not in LANGUAGE_CODES:
        raise DomainError(ErrorCode.LANGUAGE_UNKNOWN, field="language")
    return str(value)


def _clean_email(value: Any) -> str:
    """An optional address for updates: empty, or one that looks like an address."""
    if value in (None, ""):
        return ""
    text = one_line(value) if isinstance(value, str) else ""
    try:
        validate_email(text)
    except ValidationError as error:
        raise DomainError(ErrorCode.BAD_EMAIL, field="contact_email") from error
    if len(text) > EMAIL_MAX:
        raise DomainError(ErrorCode.BAD_EMAIL, field="contact_email")
    return text


def _refuse_unless_reportable(office: Office) -> None:
    if office.status not in (OfficeStatus.OPEN, OfficeStatus.PAUSED):
        raise DomainError(ErrorCode.OFFICE_NOT_OPEN)


@transaction.atomic
def problem_report(
    *,
    office: Office,
    category: Any,
    title: Any,
    description: Any,
    language: Any,
    reporter: Member | None = None,
    contact_email: Any = "",
    photo: photos.Photo | None = None,
    now: datetime | None = None,
) -> ProblemReport:
    """Anyone reports a problem at ``office``; a visitor may leave an e-mail for updates.

    A member hears by their account's address (the web form asks them for
    no other); ``contact_email`` is for visitors, and for a case system
    filing through Open311 on a resident's behalf. ``photo`` comes cleaned
    by :func:`publicoffice.dialogue.photos.prepare`.
    """
    now = acting_now(now)
    _refuse_unless_reportable(office)
    report = ProblemReport(
        office=office,
        category=_clean_category(category),
        title=clean_line(
            title, field="title", limit=TITLE_MAX, missing=_("Say in a few words what is wrong.")
        ),
        description=clean_paragraphs(
            description,
            field="description",
            limit=BODY_MAX,
            missing=_("Say what is wrong and where in the place it is."),
        ),
        language=_clean_language(language),
        reporter=reporter,
        contact_email=_clean_email(contact_email),
        answer_due=clock.answer_due(
            made_at=now, days=clock.promised_days(office=office, operator=None)
        ),
        state_changed_at=now,
    )
    report.full_clean()
    if photo is not None:
        report.photo = photos.store(photo, folder=PHOTO_FOLDER)
    report.save()
    ProblemReport.objects.filter(pk=report.pk).update(created_at=now, updated_at=now)
    report.created_at = report.updated_at = now
    ProblemStatistic.objects.create(
        report_public_id=report.public_id,
        office=office,
        category=report.category,
        state=report.state,
        created_on=clock.local_day(now),
        answer_due=report.answer_due,
    )
    facts_changed(office_id=office.pk, when=[now], family=FactFamily.PROBLEMS)
    problem_reported.publish(report_id=report.pk)
    return report


def _counted_days(statistic: ProblemStatistic, now: datetime) -> list[date | datetime]:
    """The days a report counts on, before and after a change of state.

    It is counted on the day reported (where it stands now) and, when fixed,
    on the day fixed (days to fix): a fix today, or a fix undone.
    """
    days: list[date | datetime] = [statistic.created_on, now]
    if statistic.days_to_fix is not None:
        days.append(statistic.created_on + timedelta(days=statistic.days_to_fix))
    return days


def _locked(report: ProblemReport) -> ProblemReport:
    return ProblemReport.objects.select_for_update().get(pk=report.pk)


def _clean_staff_state(report: ProblemReport, state: Any, details: dict[str, Any]) -> str:
    return clean_staff_state(
        report,
        state,
        details,
        allowed=STAFF_PROBLEM_STATES,
        code=ErrorCode.PROBLEM_STATE_INVALID,
        repeats=_("Say which other report this one repeats."),
    )


@transaction.atomic
def problem_update(
    *,
    staff: StaffUser,
    report: ProblemReport,
    state: Any,
    text: Any,
    duplicate_of: ProblemReport | None = None,
    forwarded_to: Any = "",
    now: datetime | None = None,
) -> ProblemUpdate:
    """Staff answer in public and set the state (the same state again is a plain update).

    The permission is the caller's to check (``problem_policies.can_answer``).
    """
    now = acting_now(now)
    report = _locked(report)
    if report.hidden_at is not None:
        raise DomainError(ErrorCode.NOT_ALLOWED, _("A hidden report cannot be updated."))
    details: dict[str, Any] = {"duplicate_of": duplicate_of, "forwarded_to": forwarded_to}
    state = _clean_staff_state(report, state, details)
    words = clean_paragraphs(
        text, field="text", limit=ANSWER_MAX, missing=_("Write the answer people will read.")
    )
    fields = ["state", "state_changed_at", "fixed_at", "updated_at"]
    statistic = ProblemStatistic.objects.get(report_public_id=report.public_id)
    days = _counted_days(statistic, now)
    if report.first_answer_at is None:
        report.first_answer_at = now
        fields.append("first_answer_at")
        statistic.days_to_first_answer = clock.days_between(report.created_at, now)
    if state == ProblemState.FIXED and report.state != ProblemState.FIXED:
        statistic.days_to_fix = clock.days_between(report.created_at, now)
    if state == ProblemState.DUPLICATE:
        report.duplicate_of = duplicate_of
        fields.append("duplicate_of")
    if state == ProblemState.FORWARDED:
        report.forwarded_to = details["forwarded_to"]
        fields.append("forwarded_to")
    if state != report.state:
        report.state_changed_at = now
        report.fixed_at = now if state == ProblemState.FIXED else None
    report.state = state
    report.save(update_fields=fields)
    statistic.state = state
    statistic.save()
    facts_changed(office_id=statistic.office_id, when=days, family=FactFamily.PROBLEMS)
    update = ProblemUpdate.objects.create(
        report=report, state=state, text=words, written_by=staff, published_at=now
    )
    problem_updated.publish(update_id=update.pk)
    return update


def reopen_deadline(report: ProblemReport) -> datetime | None:
    """Until when a fixed report may be reopened (None: it is not fixed)."""
    if report.state != ProblemState.FIXED or report.fixed_at is None:
        return None
    return report.fixed_at + timedelta(days=settings.DIALOGUE_REOPEN_DAYS)


@transaction.atomic
def problem_reopen(
    *, member: Member, report: ProblemReport, reason: Any, now: datetime | None = None
) -> ProblemUpdate:
    """Somebody says a fixed problem is not fixed: back to *acknowledged*, with their reason.

    Allowed within ``DIALOGUE_REOPEN_DAYS`` of the fixing; after that, a new
    report tells the office better than an old one reopened.
    """
    now = acting_now(now)
    report = _locked(report)
    if report.hidden_at is not None or report.state != ProblemState.FIXED:
        raise DomainError(ErrorCode.PROBLEM_NOT_FIXED)
    deadline = reopen_deadline(report)
    if deadline is None or now > deadline:
        raise DomainError(
            ErrorCode.REOPEN_TOO_LATE,
            _(
                "It is more than %(days)d days since this was fixed, so it cannot be "
                "reopened. Report the problem again instead."
            )
            % {"days": settings.DIALOGUE_REOPEN_DAYS},
        )
    text = clean_paragraphs(
        reason, field="reason", limit=REASON_MAX, missing=_("Say what is still wrong.")
    )
    report.state, report.state_changed_at, report.fixed_at = REOPENED_STATE, now, None
    report.reopened_count += 1
    report.save(
        update_fields=["state", "state_changed_at", "fixed_at", "reopened_count", "updated_at"]
    )
    statistic = ProblemStatistic.objects.get(report_public_id=report.public_id)
    days = _counted_days(statistic, now)
    statistic.state, statistic.reopened = report.state, statistic.reopened + 1
    statistic.save(update_fields=["state", "reopened"])
    facts_changed(office_id=statistic.office_id, when=days, family=FactFamily.PROBLEMS)
    update = ProblemUpdate.objects.create(
        report=report,
        state=report.state,
        text=text,
        written_by=member,
        reopening=True,
        published_at=now,
    )
    problem_updated.publish(update_id=update.pk)
    return update


def erase_contact_emails(*, now: datetime | None = None) -> int:
    """Delete visitors' e-mail addresses of reports fixed or closed long enough ago.

    Kept ``DIALOGUE_REOPEN_DAYS`` after the report ends, so the visitor still
    hears if it is reopened and fixed again; called by the dialogue sweep.
    """
    now = acting_now(now)
    cutoff = now - timedelta(days=settings.DIALOGUE_REOPEN_DAYS)
    ended = [state for state, family in PROBLEM_FAMILIES.items() if family != Family.OPEN]
    over = Q(state__in=ended, state_changed_at__lt=cutoff) | Q(hidden_at__lt=cutoff)
    return ProblemReport.objects.filter(over).exclude(contact_email="").update(contact_email="")


def erase_old_photos(*, now: datetime | None = None) -> int:
    """Delete the photos of reports fixed, closed or hidden ``DIALOGUE_PHOTO_DAYS`` ago.

    A photo of a place may show people. Once the problem is dealt with and
    the reopening time is over, the words and the updates tell the story;
    the photo goes (file and name). Called by the dialogue sweep.
    """
    now = acting_now(now)
    cutoff = now - timedelta(days=settings.DIALOGUE_PHOTO_DAYS)
    ended = [state for state, family in PROBLEM_FAMILIES.items() if family != Family.OPEN]
    over = Q(state__in=ended, state_changed_at__lt=cutoff) | Q(hidden_at__lt=cutoff)
    erased = 0
    for report in ProblemReport.objects.filter(over).exclude(photo="").only("pk", "photo"):
        photos.delete(report.photo, folder=PHOTO_FOLDER)
        ProblemReport.objects.filter(pk=report.pk).update(photo="")
        erased += 1
    return erased
