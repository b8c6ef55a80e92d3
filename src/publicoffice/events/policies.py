"""Who may run, see, change and join events. Every permission check of events.

Running events at an office is part of running the office: its hosts, the
admins of its operator and platform admins (the same people
:func:`publicoffice.places.policies.can_manage_office` names). Any member
may *propose* an event; a proposal is visible only to its proposer and to
the people who can decide on it until a host approves it.
"""

from __future__ import annotations

from typing import TypeGuard

from django.db.models import QuerySet

from publicoffice.accounts import roles
from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.events.models import Approval, Event, EventStatus, Registration
from publicoffice.places.models import Office
from publicoffice.places.policies import (
    can_manage_office,
    offices_manageable,
    offices_visible_in_admin,
)


def is_member(user: AnyUser) -> TypeGuard[Member]:
    """An active, logged-in account: who may register and propose."""
    return roles.is_member(user)


def can_run_events(user: AnyUser, office: Office) -> bool:
    """Create events at ``office``, decide on proposals there, change any of its events."""
    return can_manage_office(user, office)


def runs_events_anywhere(user: AnyUser) -> bool:
    """Hosts somewhere: the list of proposals to decide on is theirs."""
    return offices_manageable(user).exists()


def can_propose_event(user: AnyUser, office: Office) -> TypeGuard[Member]:
    """Any active member may suggest an event; a host decides."""
    return is_member(user)


def is_proposer(user: AnyUser, event: Event) -> bool:
    return bool(
        user.is_authenticated
        and event.proposed_by_id is not None
        and event.proposed_by_id == user.pk
    )


def can_see_event(user: AnyUser, event: Event) -> bool:
    """Published events are public; proposals only for their proposer and the hosts."""
    if event.approval == Approval.APPROVED:
        return True
    return is_proposer(user, event) or can_run_events(user, event.office)


def can_edit_event(user: AnyUser, event: Event) -> bool:
    """Hosts change any event of their office; a proposer only their open proposal.

    Once approved the event is the office's: its room is booked and people
    register, so changes go through someone who answers for the office.
    """
    if can_run_events(user, event.office):
        return True
    return event.approval == Approval.PROPOSED and is_proposer(user, event)


def can_decide_event(user: AnyUser, event: Event) -> bool:
    return event.approval == Approval.PROPOSED and can_run_events(user, event.office)


def can_register(user: AnyUser, event: Event) -> bool:
    """Members may register for published, scheduled events (timing is the service's)."""
    return (
        is_member(user)
        and event.approval == Approval.APPROVED
        and event.status not in (EventStatus.CANCELLED, EventStatus.POSTPONED)
    )


def can_cancel_registration(user: AnyUser, registration: Registration) -> bool:
    """The member themselves, or the hosts of the event's office."""
    own = is_member(user) and registration.member_id == user.pk
    return own or can_run_events(user, registration.event.office)


def can_see_registrations(user: AnyUser, event: Event) -> bool:
    """The list of who registered is for the office's staff only."""
    return can_run_events(user, event.office)


def can_see_registrant_names(user: AnyUser, registration: Registration) -> bool:
    """Who registered, by name: the office's staff, never a municipal officer as such.

    Officers read the admin to account for public money; how many people
    came answers that, who they were does not. An officer who also hosts the
    office sees names there as its host (this is :func:`can_run_events`).
    The admin shows other staff an anonymised row instead.
    """
    return can_run_events(user, registration.event.office)


def events_in_admin(user: AnyUser, events: QuerySet[Event]) -> QuerySet[Event]:
    """The events a staff user sees in the admin: those of the offices they see there."""
    return events.filter(office__in=offices_visible_in_admin(user).values("pk"))


def registrations_in_admin(
    user: AnyUser, registrations: QuerySet[Registration]
) -> QuerySet[Registration]:
    """Registrations for the events :func:`events_in_admin` shows."""
    return registrations.filter(event__office__in=offices_visible_in_admin(user).values("pk"))
