"""Who may run, see, change and join events. Every permission check of events.

Running events at an office is part of running the office: its hosts, the
admins of its operator and platform admins (the same people
:func:`publicoffice.places.policies.can_manage_office` names). Any member
may *propose* an event; a proposal is visible only to its proposer and to
the people who can decide on it until a host approves it.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from publicoffice.accounts.roles import is_member
from publicoffice.events.models import Approval, Event, EventStatus
from publicoffice.places.models import Office
from publicoffice.places.policies import can_manage_office, offices_manageable


def can_run_events(user: Any, office: Office) -> bool:
    """Create events at ``office``, decide on proposals there, change any of its events."""
    return can_manage_office(user, office)


def can_propose_event(user: Any, office: Office) -> bool:
    """Any active member may suggest an event; a host decides."""
    return is_member(user)


def is_proposer(user: Any, event: Event) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and event.proposed_by_id is not None
        and event.proposed_by_id == user.pk
    )


def can_see_event(user: Any, event: Event) -> bool:
    """Published events are public; proposals only for their proposer and the hosts."""
    if event.approval == Approval.APPROVED:
        return True
    return is_proposer(user, event) or can_run_events(user, event.office)


def can_edit_event(user: Any, event: Event) -> bool:
    """Hosts change any event of their office; a proposer only their open proposal.

    Once approved the event is the office's: its room is booked and people
    register, so changes go through someone who answers for the office.
    """
    if can_run_events(user, event.office):
        return True
    return event.approval == Approval.PROPOSED and is_proposer(user, event)


def can_decide_event(user: Any, event: Event) -> bool:
    return event.approval == Approval.PROPOSED and can_run_events(user, event.office)


def can_register(user: Any, event: Event) -> bool:
    """Members may register for published, scheduled events (timing is the service's)."""
    return (
        is_member(user)
        and event.approval == Approval.APPROVED
        and event.status not in (EventStatus.CANCELLED, EventStatus.POSTPONED)
    )


def can_see_registrations(user: Any, event: Event) -> bool:
    """The list of who registered is for the office's staff only."""
    return can_run_events(user, event.office)


def visible_events(user: Any) -> QuerySet[Event]:
    """The queryset twin of :func:`can_see_event`, for lists and the API."""
    published = Q(approval=Approval.APPROVED)
    if not getattr(user, "is_authenticated", False):
        return Event.objects.filter(published)
    return Event.objects.filter(
        published | Q(proposed_by_id=user.pk) | Q(office__in=offices_manageable(user))
    )
