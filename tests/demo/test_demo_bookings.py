"""``publicoffice demo`` writes bookings, waitlists and no-shows through the services.

The demo's bookings are made by the booking services with ``at=`` set to the
past, so these tests check what the demo should show (every outcome, a
waitlist with an offer, staff booking on behalf and overriding a rule) and
that the story holds whatever day it is loaded.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, timedelta
from io import StringIO
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from publicoffice.accounts.models import NamedPermission, Role, RoleAssignment, User
from publicoffice.bookings.models import (
    Booking,
    BookingLogEntry,
    BookingRule,
    BookingStatistic,
    BookingStatus,
    LogAction,
    Outcome,
    WaitlistEntry,
    WaitlistStatus,
)
from publicoffice.demo.bookings import CROWD, member_email, tasks_muted
from publicoffice.demo.loader import load_demo
from publicoffice.places.models import Office, SpaceKind

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# A Wednesday late in November 2026 that is no holiday, at 11 in the morning.
WEDNESDAY_11 = datetime(2026, 11, 25, 11, 0, tzinfo=STOCKHOLM)
AMINA = "amina@demo.publicoffice.example"
JOHAN = "johan@demo.publicoffice.example"
HOST_RONNA = "host.ronna@demo.publicoffice.example"

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo's network and bookings (no visits), loaded once on a Wednesday morning."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        time_machine.travel(WEDNESDAY_11, tick=False),
        transaction.atomic(),
    ):
        yield load_demo(visits=False, history=False)
        transaction.set_rollback(True)


def test_the_services_refused_nothing_the_demo_tried(demo):
    assert demo.booking_refusals == Counter()
    assert demo.totals["bookings"] == Booking.objects.count() > 80


def test_the_demo_has_every_outcome(demo):
    now = timezone.now()
    bookings = Booking.objects.all()
    statuses = Counter(bookings.values_list("status", flat=True))
    assert statuses[BookingStatus.NO_SHOW] >= 3
    assert statuses[BookingStatus.CANCELLED] >= 2
    assert statuses[BookingStatus.PENDING] >= 1
    assert statuses[BookingStatus.REJECTED] >= 1
    attended = bookings.filter(checked_in_at__isnull=False)
    assert attended.count() >= 20
    assert all(b.starts_at - timedelta(minutes=15) <= b.checked_in_at <= now for b in attended)
    # Coming bookings this week and next.
    coming = bookings.filter(status=BookingStatus.CONFIRMED, starts_at__gt=now)
    days = {timezone.localdate(b.starts_at) - timezone.localdate() for b in coming}
    assert any(d.days <= 4 for d in days) and any(d.days >= 7 for d in days)
    # Nothing in the past still waits for a check-in: release_no_shows ran.
    assert not Booking.objects.missed_check_in(now).exists()


def test_every_booking_has_a_statistics_row_with_its_outcome(demo):
    outcomes = {
        BookingStatus.NO_SHOW: Outcome.NO_SHOW,
        BookingStatus.CANCELLED: Outcome.CANCELLED,
        BookingStatus.PENDING: Outcome.PENDING,
        BookingStatus.REJECTED: Outcome.REJECTED,
    }
    assert BookingStatistic.objects.count() == Booking.objects.count()
    for booking in Booking.objects.select_related("statistic"):
        if booking.checked_in_at is not None:
            expected = Outcome.ATTENDED
        else:
            expected = outcomes.get(booking.status, Outcome.BOOKED)
        assert booking.statistic.outcome == expected, booking
        assert booking.statistic.on_behalf == (booking.booked_by_id != booking.member_id)
    assert set(BookingStatistic.objects.values_list("outcome", flat=True)) == set(Outcome.values)


def test_the_demo_logins_have_their_story(demo):
    now = timezone.now()
    amina = Booking.objects.filter(member__email=AMINA)
    johan = Booking.objects.filter(member__email=JOHAN)
    assert amina.filter(status=BookingStatus.NO_SHOW).exists()
    assert amina.filter(checked_in_at__isnull=False).exists()
    assert amina.filter(status=BookingStatus.CONFIRMED, starts_at__gt=now).count() >= 2
    assert amina.filter(status=BookingStatus.REJECTED, space__kind=SpaceKind.HALL).exists()
    assert johan.filter(status=BookingStatus.CANCELLED).exists()
    assert johan.filter(checked_in_at__isnull=False, space__kind=SpaceKind.HALL).exists()
    pending = Booking.objects.get(status=BookingStatus.PENDING)
    assert pending.member.email == JOHAN
    assert pending.space.kind == SpaceKind.HALL and pending.starts_at > now
    # The everyday never books for the demo logins.
    assert amina.count() <= 8 and johan.count() <= 8


def test_a_taken_room_has_a_waitlist_and_a_freed_one_is_offered(demo):
    now = timezone.now()
    entries = WaitlistEntry.objects.select_related("member", "space")
    waiting = entries.filter(status=WaitlistStatus.WAITING)
    assert {e.member.email for e in waiting} == {AMINA, JOHAN}
    for entry in waiting:
        holder = (
            Booking.objects.filter(space=entry.space)
            .holding(now)
            .overlapping(entry.starts_at, entry.ends_at)
        )
        assert holder.exists()
    offer = entries.get(status=WaitlistStatus.OFFERED)
    assert offer.member.email == AMINA
    assert offer.offer_open(now)
    freed = Booking.objects.get(space=offer.space, starts_at=offer.starts_at)
    assert freed.status == BookingStatus.CANCELLED


def test_hosts_book_on_behalf_and_override_rules_with_a_reason(demo):
    host = RoleAssignment.objects.get(user__email=HOST_RONNA, role=Role.HOST)
    assert {NamedPermission.BOOK_ON_BEHALF, NamedPermission.OVERRIDE_BOOKING_RULES} <= set(
        host.permissions
    )
    for assignment in RoleAssignment.objects.filter(role=Role.HOST):
        assert NamedPermission.BOOK_ON_BEHALF in assignment.permissions
    by_host = Booking.objects.filter(booked_by__email=HOST_RONNA)
    assert by_host.filter(member__isnull=True).exclude(visitor_name="").exists()
    assert by_host.filter(member__email=AMINA).exists()
    override = BookingLogEntry.objects.select_related("booking").get(action=LogAction.OVERRIDE)
    assert override.rule_code == "outside_opening_hours"
    assert override.reason and override.actor.email == HOST_RONNA
    office = Office.objects.prefetch_related("weekly_hours", "hours_exceptions").get(
        pk=override.booking.office_id
    )
    assert not office.schedule().is_open(override.booking.ends_at - timedelta(minutes=1))


def test_bookings_keep_the_rules(demo):
    """What the database and the services promise: no overlaps, rules copied, open hours."""
    holding = defaultdict(list)
    for booking in Booking.objects.filter(status__in=[BookingStatus.CONFIRMED]).exclude(
        checkin_deadline__isnull=False, checked_in_at__isnull=True, starts_at__lt=timezone.now()
    ):
        holding[booking.space_id].append(booking)
    for bookings in holding.values():
        bookings.sort(key=lambda b: b.starts_at)
        for earlier, later in pairwise(bookings):
            assert earlier.blocked_until <= later.starts_at
    overridden = set(
        BookingLogEntry.objects.filter(action=LogAction.OVERRIDE).values_list("booking", flat=True)
    )
    offices = {o.pk: o for o in Office.objects.prefetch_related("weekly_hours", "hours_exceptions")}
    for booking in Booking.objects.all():
        assert booking.rules["slot_minutes"] >= 5
        if booking.pk not in overridden:
            schedule = offices[booking.office_id].schedule()
            assert schedule.open_until(booking.starts_at) >= booking.ends_at, booking


def test_the_log_says_when_things_happened(demo):
    now = timezone.now()
    for booking in Booking.objects.prefetch_related("log"):
        created = next(e for e in booking.log.all() if e.action == LogAction.CREATED)
        assert created.at == booking.created_at < booking.starts_at
        assert created.at < now
        if booking.checked_in_at is not None:
            checked = next(e for e in booking.log.all() if e.action == LogAction.CHECKED_IN)
            assert checked.at == booking.checked_in_at


def test_the_demo_has_booking_rules_and_a_crowd_that_cannot_log_in(demo):
    assert BookingRule.objects.filter(office__isnull=True, space_kind=SpaceKind.HALL).exists()
    assert BookingRule.objects.filter(office__slug="fittja").count() == 2
    assert BookingRule.objects.filter(space__isnull=False).count() == 1
    for name, _display, _language in CROWD:
        user = User.objects.get(email=member_email(name))
        assert not user.has_usable_password()
        assert Booking.objects.filter(member=user).exists()


def test_running_again_replaces_the_bookings(demo):
    def counts():
        models = (Booking, BookingStatistic, BookingLogEntry, WaitlistEntry, BookingRule)
        return [model.objects.count() for model in models]

    first = counts()
    out = StringIO()
    call_command("demo", "--without-visits", "--without-history", stdout=out)
    assert counts() == first
    assert "waitlist entries" in out.getvalue()


def test_loading_without_bookings_leaves_them(demo):
    before = Booking.objects.count()
    load_demo(visits=False, bookings=False, history=False)
    assert Booking.objects.count() == before


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2027, 3, 27, 21, 30, tzinfo=STOCKHOLM),  # a Saturday night, clocks go forward
        datetime(2026, 12, 24, 9, 0, tzinfo=STOCKHOLM),  # Christmas Eve
    ],
    ids=["saturday-night-before-dst", "christmas-eve"],
)
def test_the_story_holds_on_other_days(moment):
    with time_machine.travel(moment, tick=False):
        result = load_demo(visits=False, history=False)
        assert result.booking_refusals == Counter()
        assert Booking.objects.filter(status=BookingStatus.PENDING).exists()
        assert Booking.objects.filter(status=BookingStatus.NO_SHOW).exists()
        assert WaitlistEntry.objects.filter(status=WaitlistStatus.OFFERED).exists()
        assert WaitlistEntry.objects.filter(status=WaitlistStatus.WAITING).count() == 2


def test_tasks_are_muted_while_the_demo_loads():
    import django_tasks

    with tasks_muted():
        assert type(django_tasks.task_backends["default"]).__name__ == "DummyBackend"
    assert type(django_tasks.task_backends["default"]).__name__ != "DummyBackend"
