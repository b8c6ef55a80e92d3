"""Erase the details of old incidents and decisions; find indefinite bans due for review.

An incident's details (what happened, who was involved, the reporter) are
kept while they may still matter: until it has been handled, and its
decisions have ended, longer ago than ``CONDUCT_RETENTION_DAYS``. Then the
row keeps only what the statistics count (office, category, severity,
source, dates) and the audit trail records the erasure. A decision is
erased the same way once it ended (or was lifted) that long ago: the kind,
scope and dates stay as the record of a public task, without the person,
the facts or the appeal's words.

The audit trail is append-only; the one change the sweep makes to old
entries is to drop who they were about (and any note) once their incident
or decision is erased, so the trail cannot name again whom the erased row
concerned. Who acted (staff) and what they did stay.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.db.models import F, Q, QuerySet

from publicoffice.conduct import config
from publicoffice.conduct.audit import log
from publicoffice.conduct.models import (
    Appeal,
    AuditAction,
    AuditEntry,
    Incident,
    Sanction,
    SanctionKind,
    SanctionState,
)
from publicoffice.core.timeutils import acting_now

#: Entries whose actor is the member themselves (the reporter, the appellant).
MEMBERS_OWN_ACTIONS = (AuditAction.INCIDENT_REPORTED, AuditAction.APPEAL_MADE)


def ended_by(cutoff: datetime) -> Q:
    """Decisions over by ``cutoff``: lifted, expired, or a note or warning given by then.

    An indefinite ban, and one still waiting for approval, has not ended.
    """
    return (
        Q(lifted_at__lte=cutoff)
        | Q(
            lifted_at__isnull=True,
            kind__in=(SanctionKind.NOTE, SanctionKind.WARNING),
            starts_at__lte=cutoff,
        )
        | Q(lifted_at__isnull=True, ends_at__lte=cutoff)
    )


def incidents_to_erase(now: datetime) -> QuerySet[Incident]:
    cutoff = now - config.retention_period()
    still_relevant = (
        Sanction.objects.exclude(ended_by(cutoff))
        .filter(incidents__isnull=False)
        .values("incidents")
    )
    return Incident.objects.filter(erased_at__isnull=True, handled_at__lte=cutoff).exclude(
        pk__in=still_relevant
    )


def _forget_people_in_log(targets: Iterable[str]) -> None:
    """Drop who the entries about ``targets`` concerned; the action, time and staff stay."""
    entries = AuditEntry.objects.filter(target__in=list(targets)).exclude(
        subject__isnull=True, note=""
    )
    for entry in entries:
        entry.subject, entry.note = None, ""
        fields = ["subject", "note"]
        if entry.action in MEMBERS_OWN_ACTIONS:
            entry.actor = None
            fields.append("actor")
        entry.save(update_fields=fields, _erasing=True)


@transaction.atomic
def erase_old_incidents(now: datetime | None = None) -> int:
    """Erase the details of incidents past the retention period; how many."""
    now = acting_now(now)
    erased = 0
    for incident in incidents_to_erase(now).select_related("office").select_for_update():
        Incident.objects.filter(pk=incident.pk).update(
            description="",
            person_description="",
            reporter_contact="",
            outcome="",
            member=None,
            reporter=None,
            erased_at=now,
        )
        _forget_people_in_log([str(incident.public_id)])
        log(
            AuditAction.INCIDENT_ERASED,
            actor=None,
            at=now,
            office=incident.office,
            target=incident.public_id,
        )
        erased += 1
    return erased


@transaction.atomic
def erase_old_sanctions(now: datetime | None = None) -> int:
    """Erase the facts, grounds, person and appeal of decisions ended long ago; how many."""
    now = acting_now(now)
    cutoff = now - config.retention_period()
    rows = Sanction.objects.filter(ended_by(cutoff), erased_at__isnull=True)
    ids = list(rows.select_for_update().values_list("pk", "public_id"))
    if not ids:
        return 0
    pks = [pk for pk, _ in ids]
    appeals = Appeal.objects.filter(sanction_id__in=pks)
    targets = [str(public_id) for _, public_id in ids]
    targets += [str(public_id) for public_id in appeals.values_list("public_id", flat=True)]
    appeals.update(text="", reply="")
    Sanction.objects.filter(pk__in=pks).update(facts="", grounds="", member=None, erased_at=now)
    _forget_people_in_log(targets)
    return len(pks)


@transaction.atomic
def bans_due_for_review(now: datetime | None = None) -> list[int]:
    """Indefinite bans in force whose review date has come and the office was not yet told.

    Each is marked told now, so the office hears once per review date: a
    ban kept with a later review date is told again when that one comes.
    """
    now = acting_now(now)
    due = Sanction.objects.select_for_update().filter(
        Q(review_noticed_at__isnull=True) | Q(review_noticed_at__lt=F("review_at")),
        kind=SanctionKind.BAN,
        state=SanctionState.IN_FORCE,
        ends_at__isnull=True,
        review_at__lte=now,
    )
    ids = list(due.values_list("pk", flat=True))
    Sanction.objects.filter(pk__in=ids).update(review_noticed_at=now)
    return ids
