"""A member's events in their data export, and what happens to them when they leave.

Registered with ``accounts.extensions`` (see :class:`EventsConfig.ready`),
so ``accounts`` needs no import of events.

Leaving: coming seats and waitlist places are given back first, so the
next in line gets the seat rather than an empty chair; then the
registrations go with the account (``CASCADE``) while their
:class:`RegistrationStatistic` rows stay. Proposals nobody approved are the
member's own words and go too; an approved event belongs to its office and
stays, without the name of who proposed it (``SET_NULL``).
"""

from __future__ import annotations

from typing import Any

from publicoffice.accounts.actors import Member
from publicoffice.accounts.privacy import iso
from publicoffice.events.models import Approval, Event, Registration
from publicoffice.events.services.registrations import registrations_release_for_leaving_member


def _registrations(user: Member) -> list[dict[str, Any]]:
    rows = (
        Registration.objects.filter(member=user)
        .select_related("event", "event__office")
        .order_by("-event__starts_at", "pk")
    )
    return [
        {
            "event": str(row.event.title),
            "event_id": str(row.event.public_id),
            "office": str(row.event.office.name),
            "starts": iso(row.event.starts_at),
            "ends": iso(row.event.ends_at),
            "status": row.status,
            "registered": iso(row.created_at),
            "in_line_since": iso(row.queued_at),
            "cancelled": iso(row.cancelled_at),
            "reminded": iso(row.reminded_at),
        }
        for row in rows.iterator()
    ]


def _proposals(user: Member) -> list[dict[str, Any]]:
    rows = (
        Event.objects.filter(proposed_by=user)
        .select_related("office", "space")
        .order_by("-created_at", "pk")
    )
    return [
        {
            "id": str(event.public_id),
            "office": str(event.office.name),
            "room": str(event.space.name) if event.space is not None else None,
            "title": str(event.title),
            "description": str(event.description or ""),
            "starts": iso(event.starts_at),
            "ends": iso(event.ends_at),
            "capacity": event.capacity,
            "audience": event.audience,
            "accessibility_notes": str(event.accessibility_notes or ""),
            "approval": event.approval,
            "status": event.status,
            "note": str(event.status_note or ""),
            "proposed": iso(event.created_at),
            "decided": iso(event.decided_at),
        }
        for event in rows.iterator()
    ]


def events_section(user: Member) -> dict[str, Any]:
    """Every registration of the member (all statuses) and every event they proposed."""
    return {"registrations": _registrations(user), "proposals": _proposals(user)}


def events_before_account_deletion(user: Member) -> None:
    """Free the member's coming seats for those in line; drop undecided or declined proposals."""
    registrations_release_for_leaving_member(member=user)
    Event.objects.filter(
        proposed_by=user, approval__in=[Approval.PROPOSED, Approval.DECLINED]
    ).delete()
