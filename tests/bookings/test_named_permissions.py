"""The named permissions of bookings, through the host's booking page: each one
lets a host do one thing, and a host holding the others but not that one is
refused. (The permissions of places, for hours and spaces, are tested in
``tests/places/test_named_permissions.py``.)
"""

from __future__ import annotations

import pytest

from publicoffice.accounts.models import NamedPermission, Role
from publicoffice.bookings.models import Booking
from publicoffice.core.errors import ErrorCode
from publicoffice.staff.services import role_assign
from tests.factories import UserFactory

ON_BEHALF = NamedPermission.BOOK_ON_BEHALF
OVERRIDE = NamedPermission.OVERRIDE_BOOKING_RULES
OUTSIDE_HOURS = NamedPermission.BOOK_OUTSIDE_OPENING_HOURS

URL = "/en/host/ronna/bookings/new/"


def host_with(client, office, *permissions: str) -> None:
    user = UserFactory()
    role_assign(user=user, role=Role.HOST, office=office, permissions=list(permissions))
    client.force_login(user)


def booking(room, start: str, end: str, **extra: str) -> dict[str, object]:
    return {
        "space": room.pk,
        "day": "2026-11-26",
        "start": start,
        "end": end,
        "attendees": 2,
        "purpose": "",
        "visitor_name": "Fatima",
        **extra,
    }


@pytest.fixture(autouse=True)
def _now(frozen):
    return frozen


class TestBookOnBehalf:
    def test_a_host_with_it_books_for_a_visitor(self, client, office, room):
        host_with(client, office, ON_BEHALF)
        assert client.get(URL).status_code == 200
        assert client.post(URL, booking(room, "10:00", "11:00")).status_code == 302
        assert Booking.objects.get().visitor_name == "Fatima"

    def test_a_host_without_it_is_refused(self, client, office, room):
        host_with(client, office, OVERRIDE, OUTSIDE_HOURS)
        assert client.get(URL).status_code == 404
        assert client.post(URL, booking(room, "10:00", "11:00")).status_code == 404
        assert not Booking.objects.exists()


class TestOverrideBookingRules:
    """Six hours is longer than the rules allow (four)."""

    def test_a_host_with_it_overrides_with_a_reason(self, client, office, room):
        host_with(client, office, ON_BEHALF, OVERRIDE)
        data = booking(room, "08:00", "14:00", override_reason="Heldagskurs")
        assert client.post(URL, data).status_code == 302
        assert Booking.objects.get().log.get(action="override").rule_code == "booking_too_long"

    def test_a_host_without_it_is_refused(self, client, office, room):
        host_with(client, office, ON_BEHALF, OUTSIDE_HOURS)
        response = client.post(URL, booking(room, "08:00", "14:00", override_reason="Kurs"))
        assert response.status_code == 400
        assert response.context["error"].code == ErrorCode.BOOKING_TOO_LONG
        assert not Booking.objects.exists()


class TestBookOutsideOpeningHours:
    """The office closes at 20:00."""

    def test_a_host_with_it_books_into_the_evening(self, client, office, room):
        host_with(client, office, ON_BEHALF, OUTSIDE_HOURS)
        data = booking(room, "19:00", "21:00", override_reason="Kvällsmöte")
        assert client.post(URL, data).status_code == 302
        assert Booking.objects.get().log.get(action="override").rule_code == (
            "outside_opening_hours"
        )

    def test_a_host_without_it_is_refused_even_with_the_other_overrides(self, client, office, room):
        host_with(client, office, ON_BEHALF, OVERRIDE)
        response = client.post(URL, booking(room, "19:00", "21:00", override_reason="Möte"))
        assert response.status_code == 400
        assert response.context["error"].code == ErrorCode.OUTSIDE_OPENING_HOURS
        assert not Booking.objects.exists()
