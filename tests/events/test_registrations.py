"""Registrations: seats, the waitlist, promotion, cancelling, figures and notices."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail

from publicoffice.core.errors import DomainError
from publicoffice.events.models import (
    EventStatus,
    Registration,
    RegistrationStatistic,
    RegistrationStatus,
)
from publicoffice.events.selectors import (
    member_registrations,
    place_in_line,
    registration_for,
    seats_left,
)
from publicoffice.events.services import (
    event_set_status,
    registration_cancel,
    registration_create,
)
from tests.events.conftest import NOW, make_members

REGISTERED, WAITING, CANCELLED = (
    RegistrationStatus.REGISTERED,
    RegistrationStatus.WAITING,
    RegistrationStatus.CANCELLED,
)


def fill(event, count, prefix="guest"):
    return [registration_create(event=event, member=m) for m in make_members(count, prefix)]


def test_a_member_gets_a_seat_and_a_figure_is_kept(frozen, event, member):
    registration = registration_create(event=event, member=member)
    assert registration.status == REGISTERED
    assert registration.queued_at == NOW
    figure = RegistrationStatistic.objects.get(registration_id=registration.pk)
    assert (figure.event, figure.day, figure.got_seat, figure.cancelled) == (
        event,
        NOW.date(),
        True,
        False,
    )
    assert seats_left(event) == 5
    assert registration_for(event=event, member=member) == registration


def test_when_the_seats_are_gone_members_queue(frozen, event, member):
    fill(event, 6)
    registration = registration_create(event=event, member=member)
    assert registration.status == WAITING
    assert place_in_line(registration) == 1
    assert not RegistrationStatistic.objects.get(registration_id=registration.pk).got_seat
    assert seats_left(event) == 0


def test_an_event_without_a_seat_limit_always_has_room(frozen, open_event):
    registrations = fill(open_event, 40)
    assert {r.status for r in registrations} == {REGISTERED}
    assert seats_left(open_event) is None


def test_registering_twice_gives_a_clear_code(frozen, event, member):
    registration_create(event=event, member=member)
    with pytest.raises(DomainError) as caught:
        registration_create(event=event, member=member)
    assert caught.value.code == "already_registered"
    assert caught.value.status == 409
    assert caught.value.details == {"registration_status": "registered"}
    assert Registration.objects.filter(member=member).count() == 1


def test_waiting_twice_says_so(frozen, event, member):
    fill(event, 6)
    registration_create(event=event, member=member)
    with pytest.raises(DomainError) as caught:
        registration_create(event=event, member=member)
    assert caught.value.code == "already_registered"
    assert caught.value.details == {"registration_status": "waiting"}
    assert Registration.objects.filter(member=member).count() == 1


def test_refusals_for_events_not_taking_registrations(frozen, event, office, host, member):
    with pytest.raises(DomainError) as caught:
        registration_create(event=event, member=AnonymousUser())
    assert caught.value.code == "not_a_member"

    event_set_status(event=event, actor=host, status=EventStatus.POSTPONED, note="Senare.")
    with pytest.raises(DomainError) as caught:
        registration_create(event=event, member=member)
    assert caught.value.code == "event_postponed"

    event_set_status(event=event, actor=host, status=EventStatus.CANCELLED)
    with pytest.raises(DomainError) as caught:
        registration_create(event=event, member=member)
    assert caught.value.code == "event_cancelled"
    assert Registration.objects.count() == 0


def test_registration_closes_when_the_event_starts(frozen, event, member):
    frozen.move_to(event.starts_at)
    with pytest.raises(DomainError) as caught:
        registration_create(event=event, member=member)
    assert caught.value.code == "registration_closed"


def test_an_inactive_account_cannot_register(frozen, event, member):
    member.is_active = False
    member.save()
    with pytest.raises(DomainError) as caught:
        registration_create(event=event, member=member)
    assert caught.value.code == "not_a_member"


def test_a_freed_seat_goes_to_the_first_in_line_who_is_told(
    frozen, event, notices, django_capture_on_commit_callbacks
):
    seated = fill(event, 6)
    frozen.shift(timedelta(minutes=1))
    second, first = make_members(2, "late")
    # Queue order is by time first: "first" registers a minute before "second".
    line_first = registration_create(event=event, member=first)
    frozen.shift(timedelta(minutes=1))
    line_second = registration_create(event=event, member=second)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=seated[2], actor=seated[2].member)

    line_first.refresh_from_db()
    line_second.refresh_from_db()
    assert line_first.status == REGISTERED
    assert line_second.status == WAITING
    assert place_in_line(line_second) == 1
    assert RegistrationStatistic.objects.get(registration_id=line_first.pk).got_seat
    cancelled = RegistrationStatistic.objects.get(registration_id=seated[2].pk)
    assert cancelled.cancelled and cancelled.got_seat
    assert [m.to for m in mail.outbox] == [[first.email]]
    assert "Språkcafé" in mail.outbox[0].subject


def test_leaving_the_waitlist_gives_no_seat_away(frozen, event):
    fill(event, 6)
    waiting = fill(event, 2, "queue")
    registration_cancel(registration=waiting[0], actor=waiting[0].member)
    assert Registration.objects.filter(event=event, status=REGISTERED).count() == 6
    waiting[1].refresh_from_db()
    assert waiting[1].status == WAITING and place_in_line(waiting[1]) == 1


def test_cancelling_twice_changes_nothing_the_second_time(frozen, event, member):
    registration = registration_create(event=event, member=member)
    registration_cancel(registration=registration, actor=member)
    again = registration_cancel(registration=registration, actor=member)
    assert again.status == CANCELLED
    assert RegistrationStatistic.objects.filter(cancelled=True).count() == 1


def test_a_member_may_register_again_after_cancelling(frozen, event, member):
    first = registration_create(event=event, member=member)
    registration_cancel(registration=first, actor=member)
    second = registration_create(event=event, member=member)
    assert second.pk != first.pk and second.status == REGISTERED
    assert RegistrationStatistic.objects.count() == 2


def test_someone_elses_registration_is_not_found(frozen, event, member, other_member, other_host):
    registration = registration_create(event=event, member=member)
    for stranger in (other_member, other_host, AnonymousUser()):
        with pytest.raises(DomainError) as caught:
            registration_cancel(registration=registration, actor=stranger)
        assert caught.value.code == "registration_not_found"
        assert caught.value.status == 404
    registration.refresh_from_db()
    assert registration.status == REGISTERED


def test_a_host_may_cancel_a_registration_and_the_member_is_told(
    frozen, event, host, member, notices, django_capture_on_commit_callbacks
):
    registration = registration_create(event=event, member=member)
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=registration, actor=host)
    registration.refresh_from_db()
    assert registration.status == CANCELLED
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert mail.outbox[0].attachments  # a calendar file that removes the event


def test_after_the_event_nothing_can_be_cancelled(frozen, event, member):
    registration = registration_create(event=event, member=member)
    frozen.move_to(event.ends_at)
    with pytest.raises(DomainError) as caught:
        registration_cancel(registration=registration, actor=member)
    assert caught.value.code == "event_over"
    registration.refresh_from_db()
    assert registration.status == REGISTERED


def test_registering_mails_a_calendar_file_in_the_members_language(
    frozen, event, member, notices, django_capture_on_commit_callbacks
):
    member.preferred_language = "en"
    member.save()
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, member=member)
    message = mail.outbox[0]
    assert message.subject.startswith("You are registered: Språkcafé")
    assert message.extra_headers["Content-Language"] == "en"
    assert "https://kontor.example/en/events/" in message.body
    calendars = [a for a in message.attachments if a.get_content_type() == "text/calendar"]
    assert len(calendars) == 1
    assert calendars[0].get_param("method") == "REQUEST"
    html = message.alternatives[0][0]
    assert 'lang="en"' in html and "Språkcafé" in html


def test_the_waitlist_mail_gives_the_place_in_line(
    frozen, event, member, notices, django_capture_on_commit_callbacks
):
    fill(event, 6)
    mail.outbox.clear()
    member.preferred_language = "en"
    member.save()
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, member=member)
    assert "You are number 1 in line." in mail.outbox[0].body
    assert mail.outbox[0].attachments == []


def test_member_registrations_lists_coming_seats_and_places_in_line(
    frozen, event, open_event, member, django_assert_num_queries
):
    fill(event, 6)
    fill(event, 2, "queue")
    registration_create(event=event, member=member)
    registration_create(event=open_event, member=member)
    with django_assert_num_queries(1):
        rows = [
            (r.event.title, r.event.office.name, r.place_in_line)
            for r in member_registrations(member=member, at=NOW)
        ]
    assert rows == [("Språkcafé", "Ronna kontor", 3), ("Öppet hus", "Ronna kontor", 0)]
    assert list(member_registrations(member=member, at=event.ends_at)) == [
        registration_for(event=open_event, member=member)
    ]
