"""A member's conduct data in their data export: decisions, rules accepted, reports, the log.

Registered with ``accounts.extensions`` (see :class:`ConductConfig.ready`).
The member gets every decision about them with its statement of reasons and
their appeal, the versions of the house rules they accepted, the incidents
they reported and were involved in (only the category, office and dates:
never what others wrote, nor who reported), and the audit entries about
them without the staff member's name.

When the account is deleted, the acceptances go with it (cascade); the
decisions and incidents stay as records of a public task, without the
person (their links are ``SET_NULL``), until the retention sweep erases
their details.
"""

from __future__ import annotations

from typing import Any

from publicoffice.accounts.actors import Member
from publicoffice.accounts.privacy import iso
from publicoffice.conduct.models import (
    Appeal,
    AuditEntry,
    ContentCase,
    ContentFlag,
    Incident,
    RuleAcceptance,
    Sanction,
)
from publicoffice.conduct.services.appeals import appeal_deadline


def _appeal(appeal: Appeal | None) -> dict[str, Any] | None:
    if appeal is None:
        return None
    return {
        "id": str(appeal.public_id),
        "text": appeal.text,
        "made": iso(appeal.submitted_at),
        "answer_due": iso(appeal.answer_due),
        "outcome": appeal.outcome,
        "reasons": appeal.reply,
        "new_end": iso(appeal.new_ends_at),
        "answered": iso(appeal.decided_at),
    }


def _sanction(sanction: Sanction) -> dict[str, Any]:
    return {
        "id": str(sanction.public_id),
        "decision": sanction.kind,
        "stops": list(sanction.actions),
        "holds_at": sanction.scope,
        "office": sanction.office.name,
        "from": iso(sanction.starts_at),
        "until": iso(sanction.ends_at),
        "review_by": iso(sanction.review_at),
        "state": sanction.state,
        "rule_broken": sanction.category,
        "house_rules_version": sanction.rule_version.number if sanction.rule_version else None,
        "facts": sanction.facts,
        "grounds": sanction.grounds,
        "decided_automatically": sanction.automated,
        "appeal_until": iso(appeal_deadline(sanction)),
        "lifted": iso(sanction.lifted_at),
        "appeal": _appeal(getattr(sanction, "appeal", None)),
    }


def _incident(incident: Incident) -> dict[str, Any]:
    return {
        "rule_broken": incident.category,
        "office": incident.office.name,
        "happened": iso(incident.occurred_at),
        "handled": iso(incident.handled_at),
    }


def _case(case: ContentCase) -> dict[str, Any]:
    """Content of the member's that was reported: what staff decided and why, and their appeal."""
    appeal = getattr(case, "appeal", None)  # the reverse one-to-one raises AttributeError
    return {
        "kind": case.kind,
        "title": case.title,
        "state": case.state,
        "decided_automatically": case.automated,
        "reason": case.reason,
        "decided": iso(case.decided_at),
        "appeal": None
        if appeal is None
        else {
            "text": appeal.text,
            "appealed": iso(appeal.submitted_at),
            "outcome": appeal.outcome,
            "reasons": appeal.reply,
            "answered": iso(appeal.decided_at),
        },
    }


def content_parts(user: Member) -> dict[str, Any]:
    """Their content that others reported (never who reported it), and what they reported."""
    cases = ContentCase.objects.filter(author=user).select_related("appeal").order_by("pk")
    flags = ContentFlag.objects.filter(reporter=user).select_related("case").order_by("pk")
    return {
        "content_moderated": [_case(case) for case in cases if case.state != "open"],
        "content_reported": [
            {"kind": f.case.kind, "what_is_wrong": f.reason, "reported": iso(f.created_at)}
            for f in flags
        ],
    }


def conduct_section(user: Member) -> dict[str, Any]:
    sanctions = (
        Sanction.objects.filter(member=user)
        .select_related("office", "rule_version", "appeal")
        .order_by("starts_at", "pk")
    )
    acceptances = (
        RuleAcceptance.objects.filter(member=user)
        .select_related("version")
        .order_by("accepted_at", "pk")
    )
    reported = Incident.objects.filter(reporter=user).select_related("office")
    involved = Incident.objects.filter(member=user).select_related("office")
    log = AuditEntry.objects.filter(subject=user).select_related("office").order_by("at", "pk")
    return {
        "decisions": [_sanction(s) for s in sanctions],
        "house_rules_accepted": [
            {
                "applies_to": a.version.scope,
                "version": a.version.number,
                "in_force_from": iso(a.version.effective_from),
                "accepted": iso(a.accepted_at),
            }
            for a in acceptances
        ],
        "incidents_reported": [
            {**_incident(i), "reported": iso(i.created_at)} for i in reported.order_by("pk")
        ],
        "incidents_involved_in": [_incident(i) for i in involved.order_by("pk")],
        "log": [
            {
                "action": e.action,
                "when": iso(e.at),
                "office": e.office.name if e.office else None,
            }
            for e in log
        ],
        **content_parts(user),
    }
