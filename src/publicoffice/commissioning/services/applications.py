"""Applying to a call: a draft, its parts, the co-applicants' word, submission, withdrawal.

Only the lead's admins write, and only while the application is a draft
(``policies.can_edit_application``); once submitted nothing changes, so the
reviewers all judge the same text. Submission is refused after the deadline
and while anything is missing (``selectors.applications.missing_parts``),
and gives a receipt number the applicant can quote: year, municipality code,
application number. The e-mails go out after the commit.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from publicoffice.accounts.actors import Member
from publicoffice.commissioning import policies, tasks_applications
from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    Call,
    CallStatus,
    CoApplicant,
    GuidelinePlan,
    PlannedOffice,
    Section,
)
from publicoffice.commissioning.models.calls import MAX_TEXT, MAX_TITLE
from publicoffice.commissioning.selectors.applications import missing_parts
from publicoffice.commissioning.selectors.calls import deadline_passed
from publicoffice.core.domain_events import after_commit
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import clean_line, one_line, paragraphs, within_limit
from publicoffice.core.timeutils import acting_now
from publicoffice.places.models import Operator

OFFICE_TEXTS = ("premises", "opening_hours", "spaces", "accessibility")
OFFICE_LINES = {"street_address": 200, "postal_code": 10, "city": 100}
OFFICE_NUMBERS = {"hours_per_week": (0, 168), "capacity": (1, 10000)}


def _text(value: Any, *, field: str, limit: int = MAX_TEXT) -> str:
    """Optional text of several lines, cleaned and within ``limit``."""
    if not isinstance(value, str):
        raise DomainError(ErrorCode.TEXT_INVALID, field=field)
    return within_limit(paragraphs(value), field=field, limit=limit)


def _email(value: Any) -> str:
    text = one_line(value) if isinstance(value, str) else ""
    try:
        validate_email(text)
    except ValidationError:
        raise DomainError(
            ErrorCode.BAD_VALUE, _("Give an e-mail address we can write to."), field="contact_email"
        ) from None
    return text


def ensure_open(call: Call, now: datetime) -> None:
    """Refuse unless the call takes applications now."""
    if call.status != CallStatus.OPEN:
        raise DomainError(ErrorCode.CALL_NOT_OPEN)
    if deadline_passed(call, now):
        raise DomainError(ErrorCode.DEADLINE_PASSED)


def _editable(user: Member, application: Application) -> Application:
    """The application's row, locked, if the user may still change it."""
    locked = (
        Application.objects.select_for_update(of=("self",))
        .select_related("call")
        .get(pk=application.pk)
    )
    if not policies.is_lead(user, locked):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    if not policies.can_edit_application(user, locked):
        raise DomainError(ErrorCode.APPLICATION_NOT_EDITABLE)
    return locked


@transaction.atomic
def application_start(
    *,
    user: Member,
    call: Call,
    lead: Operator,
    title: Any,
    contact_email: Any,
    now: datetime | None = None,
) -> Application:
    """A draft for ``lead`` (an operator the user runs), with an empty plan per guideline."""
    now = acting_now(now)
    if not policies.can_apply(user) or lead.pk not in policies.operator_ids(user):
        raise DomainError(ErrorCode.NOT_ALLOWED, field="lead")
    ensure_open(call, now)
    title = clean_line(title, field="title", limit=MAX_TITLE, missing=_("Name your proposal."))
    email = _email(contact_email)
    taken = Application.objects.filter(call=call, lead=lead).exclude(
        status=ApplicationStatus.WITHDRAWN
    )
    if taken.exists():
        raise DomainError(ErrorCode.ALREADY_APPLIED, field="lead")
    application = Application.objects.create(
        call=call, lead=lead, title=title, contact_email=email, created_by=user
    )
    GuidelinePlan.objects.bulk_create(
        GuidelinePlan(application=application, guideline_id=line.guideline_id)
        for line in call.rubric.all()
    )
    return application


@transaction.atomic
def application_save(
    *,
    user: Member,
    application: Application,
    texts: Mapping[str, Any],
    budget_sek: Any,
    private_sections: Any,
    title: Any = None,
    contact_email: Any = None,
) -> Application:
    """The sections in words, the funding asked for, and which sections are private."""
    locked = _editable(user, application)
    for section in Section:
        setattr(locked, section.value, _text(texts.get(section.value, ""), field=section.value))
    if not isinstance(budget_sek, int) or not 0 <= budget_sek <= 2_000_000_000:
        raise DomainError(ErrorCode.BAD_VALUE, field="budget_sek")
    locked.budget_sek = budget_sek
    chosen = set(private_sections or [])
    if not chosen <= set(Section.values):
        raise DomainError(ErrorCode.BAD_VALUE, field="private_sections")
    locked.private_sections = [s for s in Section.values if s in chosen]
    if title is not None:
        locked.title = clean_line(
            title, field="title", limit=MAX_TITLE, missing=_("Name your proposal.")
        )
    if contact_email is not None:
        locked.contact_email = _email(contact_email)
    locked.save()
    return locked


@transaction.atomic
def plans_save(
    *, user: Member, application: Application, plans: Mapping[int, tuple[Any, Any]]
) -> None:
    """The commitment and plan for each guideline of the rubric (keyed by guideline id)."""
    locked = _editable(user, application)
    rows = {p.guideline_id: p for p in GuidelinePlan.objects.filter(application=locked)}
    cleaned = {}
    for guideline_id, (commitment, plan) in plans.items():
        if guideline_id not in rows:
            raise DomainError(ErrorCode.BAD_VALUE)
        cleaned[guideline_id] = (
            _text(commitment, field=f"commitment_{guideline_id}"),
            _text(plan, field=f"plan_{guideline_id}"),
        )
    for guideline_id, (commitment, plan) in cleaned.items():
        rows[guideline_id].commitment = commitment
        rows[guideline_id].plan = plan
    GuidelinePlan.objects.bulk_update(list(rows.values()), ["commitment", "plan"])


def _office_values(call: Call, values: Mapping[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {
        "name": clean_line(
            values.get("name"), field="name", limit=MAX_TITLE, missing=_("Name the office.")
        )
    }
    for field, limit in OFFICE_LINES.items():
        missing = _("Fill this in.") if field != "postal_code" else None
        text = one_line(values.get(field) or "")
        if not text and missing:
            raise DomainError(ErrorCode.TEXT_MISSING, missing, field=field)
        cleaned[field] = within_limit(text, field=field, limit=limit)
    for field in OFFICE_TEXTS:
        cleaned[field] = _text(values.get(field) or "", field=field)
    for field, (low, high) in OFFICE_NUMBERS.items():
        number = values.get(field)
        if not isinstance(number, int) or not low <= number <= high:
            raise DomainError(ErrorCode.BAD_VALUE, field=field)
        cleaned[field] = number
    district = values.get("district")
    if district is not None and district not in call.districts.all():
        raise DomainError(ErrorCode.BAD_VALUE, field="district")
    cleaned["district"] = district
    for field, bound in (("latitude", 90), ("longitude", 180)):
        number = values.get(field)
        if number is None or not -bound <= number <= bound:
            raise DomainError(ErrorCode.BAD_VALUE, field=field)
        cleaned[field] = number
    return cleaned


@transaction.atomic
def planned_office_save(
    *,
    user: Member,
    application: Application,
    values: Mapping[str, Any],
    office: PlannedOffice | None = None,
) -> PlannedOffice:
    """Add a planned office, or change one of this application's."""
    locked = _editable(user, application)
    cleaned = _office_values(locked.call, values)
    if office is None:
        return PlannedOffice.objects.create(application=locked, **cleaned)
    if office.application_id != locked.pk:
        raise DomainError(ErrorCode.APPLICATION_NOT_FOUND)
    for field, value in cleaned.items():
        setattr(office, field, value)
    office.save()
    return office


@transaction.atomic
def planned_office_remove(*, user: Member, application: Application, office: PlannedOffice) -> None:
    locked = _editable(user, application)
    PlannedOffice.objects.filter(pk=office.pk, application=locked).delete()


@transaction.atomic
def co_applicant_add(
    *, user: Member, application: Application, operator: Operator, role: Any
) -> CoApplicant:
    """Ask another operator to apply together; its admins are told and confirm."""
    locked = _editable(user, application)
    role = within_limit(one_line(role or ""), field="role", limit=MAX_TITLE)
    if operator.pk in policies.applicant_operator_ids(locked):
        raise DomainError(ErrorCode.CO_APPLICANT_INVALID, field="operator")
    try:
        with transaction.atomic():
            row = CoApplicant.objects.create(application=locked, operator=operator, role=role)
    except IntegrityError:
        raise DomainError(ErrorCode.CO_APPLICANT_INVALID, field="operator") from None
    after_commit(partial(tasks_applications.queue_co_applicant_invited, co_applicant_id=row.pk))
    return row


@transaction.atomic
def co_applicant_remove(
    *, user: Member, application: Application, co_applicant: CoApplicant
) -> None:
    locked = _editable(user, application)
    CoApplicant.objects.filter(pk=co_applicant.pk, application=locked).delete()


@transaction.atomic
def co_applicant_answer(
    *, user: Member, co_applicant: CoApplicant, confirm: bool, now: datetime | None = None
) -> CoApplicant | None:
    """An admin of the co-applicant says yes (confirmed) or no (the row goes)."""
    now = acting_now(now)
    row = CoApplicant.objects.select_for_update().get(pk=co_applicant.pk)
    if row.operator_id not in policies.operator_ids(user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    status = Application.objects.values_list("status", flat=True).get(pk=row.application_id)
    if status not in policies.EDITABLE_APPLICATION:
        raise DomainError(ErrorCode.APPLICATION_NOT_EDITABLE)
    if not confirm:
        row.delete()
        return None
    row.confirmed_at, row.confirmed_by = now, user
    row.save(update_fields=["confirmed_at", "confirmed_by", "updated_at"])
    return row


def receipt_number(application: Application, at: datetime) -> str:
    """``2027-0181-42``: the year submitted, the municipality's code, the application."""
    year = timezone.localtime(at).year
    return f"{year}-{application.call.municipality.code}-{application.pk}"


@transaction.atomic
def application_submit(
    *, user: Member, application: Application, now: datetime | None = None
) -> Application:
    """Send the application: complete, before the deadline; a receipt by e-mail."""
    now = acting_now(now)
    locked = _editable(user, application)
    if deadline_passed(locked.call, now):
        raise DomainError(ErrorCode.DEADLINE_PASSED)
    missing = missing_parts(locked)
    if missing:
        raise DomainError(ErrorCode.APPLICATION_INCOMPLETE, missing=[m.text for m in missing])
    locked.status = ApplicationStatus.SUBMITTED
    locked.submitted_at, locked.submitted_by = now, user
    locked.receipt = receipt_number(locked, now)
    locked.save(update_fields=["status", "submitted_at", "submitted_by", "receipt", "updated_at"])
    after_commit(partial(tasks_applications.queue_receipt, application_id=locked.pk))
    return locked


@transaction.atomic
def application_withdraw(
    *, user: Member, application: Application, now: datetime | None = None
) -> Application:
    """The lead takes the application back, before the deadline; it may apply again."""
    now = acting_now(now)
    locked = (
        Application.objects.select_for_update(of=("self",))
        .select_related("call")
        .get(pk=application.pk)
    )
    if not policies.is_lead(user, locked):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    if locked.status not in (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED):
        raise DomainError(ErrorCode.APPLICATION_NOT_EDITABLE)
    if deadline_passed(locked.call, now):
        raise DomainError(ErrorCode.DEADLINE_PASSED)
    locked.status = ApplicationStatus.WITHDRAWN
    locked.save(update_fields=["status", "updated_at"])
    return locked
