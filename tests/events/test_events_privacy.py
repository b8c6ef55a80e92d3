"""A member's events in their data export, and deleting an account."""

from __future__ import annotations

import json

from publicoffice.accounts.services import account_delete, account_export
from publicoffice.bookings.models import BookingStatus
from publicoffice.events.models import Registration, RegistrationStatistic, RegistrationStatus
from publicoffice.events.services import registration_cancel, registration_create
from tests.events.conftest import make_members


def test_the_export_holds_the_members_registrations(
    frozen, event, open_event, office, member, other_member, host
):
    registration_create(event=event, member=member)
    cancelled = registration_create(event=open_event, member=member)
    registration_cancel(registration=cancelled, actor=member)
    registration_create(event=open_event, member=other_member)

    exported = account_export(user=member)
    json.dumps(exported)  # ready for the download as it is
    section = exported["events"]
    assert [(r["event"], r["status"]) for r in section["registrations"]] == [
        ("Öppet hus", "cancelled"),
        ("Språkcafé", "registered"),
    ]
    assert section["registrations"][1]["starts"] == "2026-11-26T17:00:00+01:00"
    assert section["registrations"][0]["cancelled"] is not None
    # What a member proposed is the dialogue's, in its own section.
    assert set(section) == {"registrations"}


def test_deleting_an_account_frees_its_seat_for_the_first_in_line_and_keeps_the_figures(
    frozen, event, member
):
    mine = registration_create(event=event, member=member)
    seated = [registration_create(event=event, member=m) for m in make_members(5)]
    first, second = (registration_create(event=event, member=m) for m in make_members(2, "q"))

    account_delete(user=member)

    assert not Registration.objects.filter(pk=mine.pk).exists()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (
        RegistrationStatus.REGISTERED,
        RegistrationStatus.WAITING,
    )
    figures = RegistrationStatistic.objects.filter(event=event)
    assert figures.count() == 8  # every registration ever made, the leaver's too
    leaver = figures.get(registration_id=mine.pk)
    assert (leaver.got_seat, leaver.cancelled) == (True, True)
    assert all(r.status == RegistrationStatus.REGISTERED for r in seated)


def test_a_leaving_host_leaves_the_offices_events_and_rooms_in_place(frozen, event, host):
    account_delete(user=host)
    event.refresh_from_db()
    assert event.created_by is None
    assert event.booking is not None and event.booking.status == BookingStatus.CONFIRMED


def test_past_registrations_just_go_with_the_account(frozen, event, member):
    registration = registration_create(event=event, member=member)
    frozen.move_to(event.ends_at)
    account_delete(user=member)
    assert not Registration.objects.exists()
    figure = RegistrationStatistic.objects.get(registration_id=registration.pk)
    assert (figure.got_seat, figure.cancelled) == (True, False)
