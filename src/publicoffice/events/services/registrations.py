"""Registrations: a seat while seats are left, otherwise a place in line.

Every write locks the event row first (see :func:`._common.lock_event`),
then counts. Fifty people pressing "register" for the last ten seats at the
same moment queue behind that lock one by one: exactly ten get a seat and
forty wait, on SQLite and PostgreSQL alike. A freed seat goes to the first
in line (by ``queued_at``, then id) in the same transaction that freed it.

Each registration has a :class:`RegistrationStatistic` row without the
person, so the figures survive the member deleting their account.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.timeutils import acting_now
from publicoffice.events import happenings, policies
from publicoffice.events.models import Event, EventStatus, Registration, RegistrationStatistic
from publicoffice.events.models import RegistrationStatus as RS
from publicoffice.events.services import _common as common
from publicoffice.places.facts import Family, fact_changed
from publicoffice.places.restrictions import MemberAction, ensure_allowed

#: Event statuses whose events take place, so seats can be taken and given on.
TAKING_PLACE = (EventStatus.SCHEDULED, EventStatus.MOVED)


def _refuse_closed(event: Event, now: datetime) -> None:
    if event.status == EventStatus.CANCELLED:
        raise DomainError(ErrorCode.EVENT_CANCELLED)
    if event.status == EventStatus.POSTPONED:
        raise DomainError(ErrorCode.EVENT_POSTPONED)
    if event.starts_at <= now:
        raise DomainError(ErrorCode.REGISTRATION_CLOSED)


def _tell_member(registration: Registration, kind: str) -> None:
    """The member hears about their own registration, once it has committed."""
    happenings.registration_changed.publish(registration_id=int(registration.pk), kind=kind)


def _already(existing: Registration) -> DomainError:
    if existing.status == RS.WAITING:
        message = _("You are already on the waitlist for this event.")
    else:
        message = _("You are already registered for this event.")
    return DomainError(
        ErrorCode.ALREADY_REGISTERED, message, registration_status=str(existing.status)
    )


@transaction.atomic
def registration_create(
    *, event: Event, member: AnyUser, at: datetime | None = None
) -> Registration:
    """Take a seat, or a place in line when the event is full.

    A member under a decision of the house rules that stops registering at
    the event's office is refused here; a place already in line is not
    taken back (:func:`promote_waiting` gives seats without asking again).
    """
    now = acting_now(at)
    if not policies.is_member(member):
        raise DomainError(ErrorCode.NOT_A_MEMBER, _("Log in to register."))
    ensure_allowed(member, MemberAction.REGISTER, office=event.office, at=now)
    event = common.lock_event(event)
    _refuse_closed(event, now)
    existing = (
        Registration.objects.filter(event=event, member=member).exclude(status=RS.CANCELLED).first()
    )
    if existing is not None:
        raise _already(existing)
    taken = Registration.objects.filter(event=event, status=RS.REGISTERED).count()
    has_seat = event.capacity is None or taken < event.capacity
    registration = Registration(
        event=event,
        member=member,
        status=RS.REGISTERED if has_seat else RS.WAITING,
        queued_at=now,
    )
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:  # only if something slipped past the lock
        raise _already(registration) from error
    RegistrationStatistic.objects.create(
        registration_id=registration.pk,
        event=event,
        day=timezone.localdate(now),
        got_seat=has_seat,
    )
    fact_changed(office_id=event.office_id, when=event.starts_at, family=Family.EVENTS)
    _tell_member(registration, "registered" if has_seat else "waiting")
    return registration


def promote_waiting(*, event: Event, now: datetime) -> list[Registration]:
    """Give free seats to the first in line. Called with the event row locked.

    The caller tells ``places.facts`` (its own change and the promotions in one mark).
    """
    if event.status not in TAKING_PLACE or event.starts_at <= now:
        return []
    line = Registration.objects.filter(event=event, status=RS.WAITING).order_by("queued_at", "id")
    if event.capacity is not None:
        taken = Registration.objects.filter(event=event, status=RS.REGISTERED).count()
        free = event.capacity - taken
        if free <= 0:
            return []
        line = line[:free]
    promoted = list(line)
    for registration in promoted:
        registration.status = RS.REGISTERED
        registration.save(update_fields=["status"])
        RegistrationStatistic.objects.filter(registration_id=registration.pk).update(got_seat=True)
        _tell_member(registration, "promoted")
    return promoted


@transaction.atomic
def registration_cancel(
    *, registration: Registration, actor: Member, at: datetime | None = None
) -> Registration:
    """Give the seat (or the place in line) back; the first in line gets the seat.

    The member or the office's hosts may cancel. Cancelling twice is
    harmless: the second time nothing changes.
    """
    now = acting_now(at)
    found = Registration.objects.select_related("event__office").filter(pk=registration.pk).first()
    if found is None or not policies.can_cancel_registration(actor, found):
        raise DomainError(ErrorCode.REGISTRATION_NOT_FOUND)
    event = common.lock_event(found.event)
    found.refresh_from_db()
    if found.status == RS.CANCELLED:
        return found
    if event.ends_at <= now:
        raise DomainError(ErrorCode.EVENT_OVER)
    _release(found, event, now)
    if found.member_id != actor.pk:
        _tell_member(found, "cancelled_by_host")
    return found


def _release(registration: Registration, event: Event, now: datetime) -> None:
    """Cancel under the event's lock; a freed seat goes to the first in line."""
    had_seat = registration.status == RS.REGISTERED
    registration.status = RS.CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at"])
    RegistrationStatistic.objects.filter(registration_id=registration.pk).update(cancelled=True)
    if had_seat:
        promote_waiting(event=event, now=now)
    fact_changed(office_id=event.office_id, when=event.starts_at, family=Family.EVENTS)


@transaction.atomic
def registrations_release_for_leaving_member(*, member: Member, at: datetime | None = None) -> int:
    """Give back every coming seat and place in line of a member whose account goes.

    Run as a deletion step before the account's rows cascade away: a seat
    simply deleted would stay empty while people wait for it. Each freed
    seat goes to the first in line, and the figures record a cancellation.
    Returns how many registrations were released.
    """
    now = acting_now(at)
    active = list(
        Registration.objects.filter(
            member=member, status__in=[RS.REGISTERED, RS.WAITING], event__ends_at__gt=now
        ).order_by("event_id", "id")
    )
    for registration in active:
        event = common.lock_event(registration.event)
        registration.refresh_from_db()
        if registration.status != RS.CANCELLED:
            _release(registration, event, now)
    return len(active)


def send_event_reminders(*, at: datetime | None = None) -> int:
    """Queue a reminder for every seat at an event starting within the reminder window.

    The window is ``EVENTS_REMINDER_HOURS`` (read at call time). An event
    hidden by the moderators reminds nobody while hidden (its words may be
    what was reported); shown again in time, it reminds as usual. Each
    registration is marked reminded in its own small transaction before its
    e-mail is queued, so two sweeps running at once never remind anyone twice.
    Returns how many reminders were queued.
    """
    now = acting_now(at)
    window = timedelta(hours=settings.EVENTS_REMINDER_HOURS)
    due = list(
        Registration.objects.filter(
            status=RS.REGISTERED,
            reminded_at__isnull=True,
            event__status__in=TAKING_PLACE,
            event__hidden_at__isnull=True,
            event__starts_at__gt=now,
            event__starts_at__lte=now + window,
        )
        .order_by("event__starts_at", "id")
        .values_list("pk", flat=True)
    )
    sent = 0
    for registration_id in due:
        with transaction.atomic():
            marked = Registration.objects.filter(
                pk=registration_id, status=RS.REGISTERED, reminded_at__isnull=True
            ).update(reminded_at=now)
            if marked:
                sent += 1
                happenings.registration_changed.publish(
                    registration_id=registration_id, kind="reminder"
                )
    return sent
