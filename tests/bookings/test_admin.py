"""Booking rules in the staff admin: operators set their offices' rules, nobody else's."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.test import Client

from publicoffice.accounts.models import Role
from publicoffice.bookings.models import BookingRule
from publicoffice.bookings.rules import rules_for
from publicoffice.bookings.services import booking_create
from publicoffice.staff.services import role_assign
from tests.bookings.conftest import at
from tests.factories import (
    OfficeFactory,
    OperatorFactory,
    SpaceFactory,
    UserFactory,
    WeeklyHoursFactory,
)

pytestmark = pytest.mark.django_db

ADD = "/sv/admin/bookings/bookingrule/add/"


@pytest.fixture
def world():
    operator = OperatorFactory(name="Ronna Områdesföretag")
    mine = OfficeFactory(name="Ronna kontor", operator=operator)
    foreign = OfficeFactory(name="Fittja kontor", operator=OperatorFactory(name="Fittja Koop"))
    return {
        "operator": operator,
        "mine": mine,
        "foreign": foreign,
        "my_rule": BookingRule.objects.create(
            office=mine, space_kind="meeting_room", max_minutes=120
        ),
        "foreign_rule": BookingRule.objects.create(office=foreign, max_minutes=60),
        "network_rule": BookingRule.objects.create(space_kind="hall", needs_approval=True),
    }


def log_in(client: Client, role: Role | None = None, **scope: object) -> None:
    user = UserFactory()
    if role is not None:
        role_assign(user=user, role=role, **scope)
    client.force_login(user)


def rule_form(office: object = "", space_kind: str = "", **values: object) -> dict[str, object]:
    return {"office": office, "space_kind": space_kind, "space": "", **values}


def test_operator_admin_sees_and_changes_only_their_offices_rules(client, world):
    log_in(client, Role.OPERATOR_ADMIN, operator=world["operator"])
    listed = client.get("/sv/admin/bookings/bookingrule/").context["cl"].result_list
    assert set(listed) == {world["my_rule"]}
    assert (
        client.get(f"/sv/admin/bookings/bookingrule/{world['foreign_rule'].pk}/change/").status_code
        == 302
    )
    response = client.post(
        ADD, rule_form(office=world["mine"].pk, space_kind="desk", max_days_ahead=7)
    )
    assert response.status_code == 302
    assert BookingRule.objects.filter(office=world["mine"], space_kind="desk").exists()
    # A change posted to another operator's rule does not reach it.
    client.post(
        f"/sv/admin/bookings/bookingrule/{world['foreign_rule'].pk}/change/",
        rule_form(office=world["foreign"].pk, max_minutes=600),
    )
    world["foreign_rule"].refresh_from_db()
    assert world["foreign_rule"].max_minutes == 60


def test_operator_admin_cannot_set_network_or_foreign_rules(client, world):
    log_in(client, Role.OPERATOR_ADMIN, operator=world["operator"])
    before = BookingRule.objects.count()
    network = client.post(
        ADD.replace("/sv/", "/en/"), rule_form(space_kind="desk", max_days_ahead=7)
    )
    assert network.status_code == 200  # the form again, with the error
    assert "Only platform admins" in network.content.decode()
    foreign = client.post(ADD, rule_form(office=world["foreign"].pk, max_days_ahead=7))
    assert foreign.status_code == 200
    assert BookingRule.objects.count() == before


def test_hosts_see_but_do_not_change_rules(client, world):
    log_in(client, Role.HOST, office=world["mine"])
    listed = client.get("/sv/admin/bookings/bookingrule/").context["cl"].result_list
    assert set(listed) == {world["my_rule"]}
    response = client.post(
        f"/sv/admin/bookings/bookingrule/{world['my_rule'].pk}/change/",
        rule_form(office=world["mine"].pk, space_kind="meeting_room", max_minutes=600),
    )
    assert response.status_code == 403
    world["my_rule"].refresh_from_db()
    assert world["my_rule"].max_minutes == 120


def test_platform_admin_sets_a_network_rule_that_applies(client, world):
    log_in(client, Role.PLATFORM_ADMIN)
    response = client.post(ADD, rule_form(space_kind="desk", max_days_ahead=3))
    assert response.status_code == 302
    desk = SpaceFactory(office=world["foreign"], kind="desk", is_bookable=True)
    assert rules_for(desk).max_days_ahead == 3


def test_bookings_are_listed_read_only_within_scope(client, world, frozen):
    mine, foreign = (_booked(world[key], starts=at(1, 10)) for key in ("mine", "foreign"))
    log_in(client, Role.HOST, office=world["mine"])
    response = client.get("/sv/admin/bookings/booking/")
    assert response.status_code == 200
    assert set(response.context["cl"].result_list) == {mine}
    assert client.get("/sv/admin/bookings/booking/add/").status_code == 403
    own_page = f"/sv/admin/bookings/booking/{mine.pk}/change/"
    assert client.get(own_page).status_code == 200
    assert client.post(own_page, {"attendees": 5}).status_code == 403
    foreign_page = f"/sv/admin/bookings/booking/{foreign.pk}/change/"
    assert client.get(foreign_page).status_code == 302  # "does not exist" for this host
    mine.refresh_from_db()
    assert mine.attendees == 1


def _booked(office, *, starts):
    """A confirmed booking of a desk at ``office``, an hour from ``starts``."""
    for weekday in range(5):
        WeeklyHoursFactory(office=office, weekday=weekday, opens=time(8), closes=time(20))
    desk = SpaceFactory(office=office, kind="desk", capacity=1, is_bookable=True)
    return booking_create(
        space=desk, member=UserFactory(), starts_at=starts, ends_at=starts + timedelta(hours=1)
    )
