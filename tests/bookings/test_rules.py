"""Which rule value is in force, from the narrowest scope to the built-in defaults."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import IntegrityError, transaction

from publicoffice.bookings.models import BookingRule
from publicoffice.bookings.rules import (
    BUILT_IN,
    KIND_DEFAULTS,
    Rules,
    quota_group,
    rules_for,
    rules_for_many,
)
from tests.factories import OfficeFactory, SpaceFactory


@pytest.fixture
def other_office(db):
    return OfficeFactory(slug="hovsjo", name="Hovsjö kontor")


def test_built_in_defaults_per_kind(room, desk, hall):
    assert rules_for(room) == BUILT_IN
    assert rules_for(desk) == KIND_DEFAULTS["desk"]
    assert rules_for(desk).max_minutes == 480
    hall_rules = rules_for(hall)
    assert hall_rules.needs_approval is True
    assert hall_rules.min_notice_minutes == 2 * 24 * 60
    assert hall_rules.slot_minutes == 60


def test_each_narrower_scope_wins(office, room, other_office):
    # Widest first; after each new row the narrower value is in force.
    steps = [
        (dict(office=None, space_kind=""), 200),
        (dict(office=None, space_kind="meeting_room"), 180),
        (dict(office=office, space_kind=""), 160),
        (dict(office=office, space_kind="meeting_room"), 150),
        (dict(space=room), 120),
    ]
    assert rules_for(room).max_minutes == 240  # built-in
    for scope, value in steps:
        BookingRule.objects.create(max_minutes=value, **scope)
        assert rules_for(room).max_minutes == value, scope


def test_each_scope_wins_even_when_the_wider_rows_come_later(office, room):
    BookingRule.objects.create(space=room, max_minutes=120)
    BookingRule.objects.create(office=office, space_kind="meeting_room", max_minutes=150)
    BookingRule.objects.create(office=office, max_minutes=160)
    BookingRule.objects.create(space_kind="meeting_room", max_minutes=180)
    BookingRule.objects.create(max_minutes=200)
    assert rules_for(room).max_minutes == 120


def test_empty_fields_inherit_field_by_field(office, room):
    BookingRule.objects.create(max_minutes=200, buffer_minutes=5, max_hours_per_week=20)
    BookingRule.objects.create(office=office, buffer_minutes=10)
    BookingRule.objects.create(space=room, max_minutes=90)
    rules = rules_for(room)
    assert rules.max_minutes == 90  # space
    assert rules.buffer_minutes == 10  # office
    assert rules.max_hours_per_week == 20  # network
    assert rules.min_minutes == BUILT_IN.min_minutes  # built-in


def test_false_and_zero_are_values_not_gaps(office, hall):
    BookingRule.objects.create(office=office, needs_approval=False, checkin_window_minutes=0)
    rules = rules_for(hall)
    assert rules.needs_approval is False
    assert rules.checkin_window_minutes == 0


def test_rules_of_other_scopes_do_not_apply(office, room, desk, other_office):
    BookingRule.objects.create(office=other_office, max_minutes=60)
    BookingRule.objects.create(office=office, space_kind="desk", max_minutes=90)
    BookingRule.objects.create(space_kind="hall", max_minutes=100)
    BookingRule.objects.create(space=desk, buffer_minutes=30)
    rules = rules_for(room)
    assert rules.max_minutes == 240
    assert rules.buffer_minutes == 0
    assert rules_for(desk).max_minutes == 90


def test_rules_for_many_is_one_query_and_agrees_with_rules_for(
    django_assert_num_queries, office, room, desk, hall, other_office
):
    far: Any = SpaceFactory(office=other_office, kind="meeting_room")
    BookingRule.objects.create(max_minutes=200)
    BookingRule.objects.create(space_kind="desk", max_minutes=300)
    BookingRule.objects.create(office=office, buffer_minutes=10)
    BookingRule.objects.create(office=other_office, space_kind="meeting_room", min_minutes=60)
    BookingRule.objects.create(space=room, max_attendees=4)
    spaces = [room, desk, hall, far]
    with django_assert_num_queries(1):
        many = rules_for_many(spaces)
    assert many == {space.pk: rules_for(space) for space in spaces}
    assert many[room.pk].max_attendees == 4
    assert many[room.pk].buffer_minutes == 10
    assert many[desk.pk].max_minutes == 300
    assert many[far.pk].min_minutes == 60
    assert many[far.pk].buffer_minutes == 0


def test_one_row_per_scope(office, room):
    BookingRule.objects.create(office=office, space_kind="desk")
    with pytest.raises(IntegrityError), transaction.atomic():
        BookingRule.objects.create(office=office, space_kind="desk")
    with pytest.raises(IntegrityError), transaction.atomic():
        BookingRule.objects.create(space=room, office=office)


def test_rules_round_trip_through_a_dict():
    rules = Rules(max_minutes=90, needs_approval=True)
    assert Rules.from_dict({**rules.as_dict(), "retired_field": 1}) == rules


def test_quota_groups():
    assert quota_group("desk") == quota_group("open_desk_area") == "desk"
    assert quota_group("meeting_room") == quota_group("hall") == "room"
