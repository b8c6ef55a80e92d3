"""A member's events in their data export, and what happens to them when they leave.

Registered with ``accounts.extensions`` (see :class:`EventsConfig.ready`),
so ``accounts`` needs no import of events.

Leaving: coming seats and waitlist places are given back first, so the
next in line gets the seat rather than an empty chair; then the
registrations go with the account (``CASCADE``) while their
:class:`RegistrationStatistic` rows stay. (What a member proposed is the
dialogue app's, in its own section of the export.)
"""

from __future__ import annotations

from typing import Any

from publicoffice.accounts.actors import Member
from publicoffice.accounts.privacy import iso
from publicoffice.events.models import Registration
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


def events_section(user: Member) -> dict[str, Any]:
    """Every registration of the member, whatever its status."""
    return {"registrations": _registrations(user)}


def events_before_account_deletion(user: Member) -> None:
    """Free the member's coming seats for those in line, before the account goes."""
    registrations_release_for_leaving_member(member=user)
