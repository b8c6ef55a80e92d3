"""Who may run, see, change and join events. Every permission check of events.

Running events at an office is part of running the office: its hosts, the
admins of its operator and platform admins (the same people
:func:`publicoffice.places.policies.can_manage_office` names). Every event
is public: members who want one propose it through the dialogue app, and
it exists here only once a host has made it an event.
"""

from __future__ import annotations

from typing import TypeGuard

from django.db.models import QuerySet

from publicoffice.accounts import roles
from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.events.models import Event, EventStatus, Registration
from publicoffice.places.models import Office
from publicoffice.places.policies import (
    can_manage_office,
    offices_manageable,
    offices_visible_in_admin,
)


def is_member(user: AnyUser) -> TypeGuard[Member]:
    """An active, logged-in account: who may register."""
    return roles.is_member(user)


def can_run_events(user: AnyUser, office: Office) -> bool:
    """Create events at ``office`` and change any of its events."""
    return can_manage_office(user, office)


def runs_events_anywhere(user: AnyUser) -> bool:
    """Hosts somewhere: the API and the pages offer them the hosts' tools."""
    return offices_manageable(user).exists()


def can_edit_event(user: AnyUser, event: Event) -> bool:
    """The hosts of the event's office: its room is booked and people register,
    so changes go through someone who answers for the office."""
    return can_run_events(user, event.office)


def can_record_attendance(user: AnyUser, event: Event) -> bool:
    """How many came is counted by those who run the office, never by a guest:
    the figure goes into the reports the office answers for."""
    return can_run_events(user, event.office)


def can_register(user: AnyUser, event: Event) -> bool:
    """Members may register for scheduled events (timing is the service's)."""
    return is_member(user) and event.status not in (EventStatus.CANCELLED, EventStatus.POSTPONED)


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
