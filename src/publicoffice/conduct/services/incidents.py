"""Record, report and handle incidents at an office.

Staff record what they saw; anyone may report, anonymously, with an
e-mail address if they want to hear back. Handling one tells the reporter
(see :mod:`publicoffice.conduct.notifications`), whose address is then
erased: it was kept only for that answer.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import Member, StaffUser
from publicoffice.conduct.audit import log
from publicoffice.conduct.models import AuditAction, Category, Incident, Severity, Source
from publicoffice.conduct.rules import network_version_in_force
from publicoffice.conduct.services._common import (
    CONTACT_MAX,
    FACTS_MAX,
    choose,
    incident_handled,
    incident_reported,
)
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import clean_line, clean_paragraphs, one_line
from publicoffice.core.timeutils import acting_now, ensure_aware
from publicoffice.places.facts import Family, fact_changed
from publicoffice.places.models import Office

PERSON_MAX = 300


def _occurred(value: datetime | None, now: datetime) -> datetime:
    if value is None:
        return now
    value = ensure_aware(value)
    if value > now:
        raise DomainError(ErrorCode.IN_PAST, _("Give a time that has already come."))
    return value


def _description(value: Any) -> str:
    return clean_paragraphs(
        value, field="description", limit=FACTS_MAX, missing=_("Say what happened.")
    )


def _contact(value: Any) -> str:
    text = one_line(value or "")
    if not text:
        return ""
    try:
        validate_email(text)
    except ValidationError:
        raise DomainError(ErrorCode.BAD_EMAIL, field="contact") from None
    if len(text) > CONTACT_MAX:
        raise DomainError(ErrorCode.BAD_EMAIL, field="contact")
    return text


@transaction.atomic
def incident_record(
    *,
    staff: StaffUser,
    office: Office,
    category: Any,
    severity: Any,
    description: Any,
    occurred_at: datetime | None = None,
    member: Member | None = None,
    person_description: Any = "",
    now: datetime | None = None,
) -> Incident:
    """Staff record an incident at their office (permission: ``policies.can_handle_office``)."""
    now = acting_now(now)
    person = one_line(person_description or "")
    if len(person) > PERSON_MAX:
        clean_line(person, field="person_description", limit=PERSON_MAX, missing="")
    incident = Incident.objects.create(
        office=office,
        category=choose(Category, category, ErrorCode.INCIDENT_CATEGORY_INVALID),
        severity=choose(Severity, _int(severity), ErrorCode.SEVERITY_INVALID),
        occurred_at=_occurred(occurred_at, now),
        description=_description(description),
        member=member,
        person_description=person,
        rule_version=network_version_in_force(now),
        source=Source.STAFF,
        recorded_by=staff,
    )
    fact_changed(office_id=office.pk, when=incident.occurred_at, family=Family.CONDUCT)
    log(
        AuditAction.INCIDENT_RECORDED,
        actor=staff,
        at=now,
        office=office,
        subject=member,
        target=incident.public_id,
        note=incident.category,
    )
    return incident


def _int(value: Any) -> Any:
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


@transaction.atomic
def incident_report(
    *,
    reporter: Member | None,
    office: Office,
    category: Any,
    description: Any,
    contact: Any = "",
    language: str = "sv",
    occurred_at: datetime | None = None,
    now: datetime | None = None,
) -> Incident:
    """A visitor or member tells staff what happened; anonymous unless they leave a contact."""
    now = acting_now(now)
    incident = Incident.objects.create(
        office=office,
        category=choose(Category, category, ErrorCode.INCIDENT_CATEGORY_INVALID),
        severity=Severity.LOW,
        occurred_at=_occurred(occurred_at, now),
        description=_description(description),
        rule_version=network_version_in_force(now),
        source=Source.REPORT,
        reporter=reporter,
        reporter_contact=_contact(contact),
        reporter_language=language,
    )
    fact_changed(office_id=office.pk, when=incident.occurred_at, family=Family.CONDUCT)
    log(
        AuditAction.INCIDENT_REPORTED,
        actor=reporter,
        at=now,
        office=office,
        target=incident.public_id,
        note=incident.category,
    )
    incident_reported.publish(incident_id=incident.pk)
    return incident


@transaction.atomic
def incident_handle(
    *,
    staff: StaffUser,
    incident: Incident,
    outcome: Any,
    severity: Any = None,
    now: datetime | None = None,
) -> Incident:
    """Mark it handled with what staff did; the reporter hears of it if they left a contact."""
    now = acting_now(now)
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    if incident.handled_at is not None:
        raise DomainError(ErrorCode.NOTHING_TO_CHANGE, _("This incident is already handled."))
    incident.outcome = clean_paragraphs(
        outcome, field="outcome", limit=1000, missing=_("Say what was done.")
    )
    if severity not in (None, ""):
        incident.severity = choose(Severity, _int(severity), ErrorCode.SEVERITY_INVALID)
    incident.handled_at, incident.handled_by = now, staff
    incident.save(update_fields=["outcome", "severity", "handled_at", "handled_by", "updated_at"])
    log(
        AuditAction.INCIDENT_HANDLED,
        actor=staff,
        at=now,
        office=incident.office,
        subject=incident.member,
        target=incident.public_id,
    )
    incident_handled.publish(incident_id=incident.pk)
    return incident


def forget_contact(incident_id: int) -> None:
    """After the reporter has been told, their address is not kept."""
    Incident.objects.filter(pk=incident_id).update(reporter_contact="")
