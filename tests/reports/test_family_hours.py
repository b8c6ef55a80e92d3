"""The hours family against hand-counted days: DST nights, holidays, exceptions, spaces."""

from __future__ import annotations

from datetime import date, time

import pytest
import time_machine

from publicoffice.accounts.models import Role
from publicoffice.places.facts import Family
from publicoffice.places.hours_figures import FUTURE_DAYS, open_minutes
from publicoffice.places.opening_hours import Interval
from publicoffice.reports.families import Row
from publicoffice.reports.families.hours import compute
from publicoffice.reports.models import StaleDay
from publicoffice.staff.services import role_assign
from tests.factories import (
    HoursExceptionFactory,
    OfficeFactory,
    SpaceFactory,
    UserFactory,
    WeeklyHoursFactory,
)

pytestmark = pytest.mark.django_db

SPRING = date(2026, 3, 29)  # a Sunday; 02:00 becomes 03:00
AUTUMN = date(2026, 10, 25)  # a Sunday; 03:00 becomes 02:00
PLAIN_SUNDAY = date(2026, 4, 12)  # not Easter Sunday


def test_real_minutes_across_the_clock_changes():
    night = (Interval(time(1), time(4)),)
    assert open_minutes(PLAIN_SUNDAY, night) == 180
    assert open_minutes(SPRING, night) == 120
    assert open_minutes(AUTUMN, night) == 240
    # Wholly inside the repeated hour: open twice; inside the skipped hour: never.
    assert open_minutes(AUTUMN, (Interval(time(2, 15), time(2, 45)),)) == 60
    assert open_minutes(SPRING, (Interval(time(2, 15), time(2, 45)),)) == 0
    # The ordinary day with a lunch break.
    assert (
        open_minutes(date(2026, 6, 3), (Interval(time(9), time(12)), Interval(time(13), time(17))))
        == 420
    )


@pytest.fixture
def office():
    """Weekdays 09–12 and 13–17, Sundays 01–04 (over the clock change), capacity 10."""
    office = OfficeFactory(capacity=10)
    for weekday in range(5):
        WeeklyHoursFactory(office=office, weekday=weekday, opens=time(9), closes=time(12))
        WeeklyHoursFactory(office=office, weekday=weekday, opens=time(13), closes=time(17))
    WeeklyHoursFactory(office=office, weekday=6, opens=time(1), closes=time(4))
    SpaceFactory(office=office, kind="meeting_room", is_bookable=True)
    SpaceFactory(office=office, kind="meeting_room", is_bookable=True)
    SpaceFactory(office=office, kind="desk", is_bookable=True)
    SpaceFactory(office=office, kind="hall", is_bookable=False)
    # New Year's Day is a holiday: open 10–14 all the same. 30 December: closed.
    HoursExceptionFactory(
        office=office, date=date(2026, 1, 1), is_closed=False, opens=time(10), closes=time(14)
    )
    HoursExceptionFactory(office=office, date=date(2025, 12, 30), is_closed=True)
    return office


@pytest.fixture
def no_hours():
    """An office with a bookable room and no opening hours: nothing is offered."""
    office = OfficeFactory(capacity=4)
    SpaceFactory(office=office, kind="meeting_room", is_bookable=True)
    return office


def day_rows(office_id: int, day: date, minutes: int) -> set[Row]:
    return {
        Row(office_id, day, "hours.open_minutes", "", minutes),
        Row(office_id, day, "hours.capacity_minutes", "", minutes * 10),
        Row(office_id, day, "hours.bookable_minutes", "meeting_room", minutes * 2),
        Row(office_id, day, "hours.bookable_minutes", "desk", minutes),
    }


def test_every_metric_is_hand_counted(office, no_hours):
    # Mon 29 Dec: 7 hours; Tue 30 Dec: closed by exception; Wed 31 Dec and
    # Thu 1 Jan: holidays, but 1 Jan opens 10–14; Fri 2 Jan: 7 hours;
    # Sat 3 Jan: closed; Sun 4 Jan: 01–04.
    rows = set(compute(None, date(2025, 12, 29), date(2026, 1, 4)))
    a = office.pk
    assert rows == (
        day_rows(a, date(2025, 12, 29), 420)
        | day_rows(a, date(2026, 1, 1), 240)
        | day_rows(a, date(2026, 1, 2), 420)
        | day_rows(a, date(2026, 1, 4), 180)
    )


def test_the_clock_change_sundays(office):
    a = office.pk
    assert set(compute([a], SPRING, SPRING)) == day_rows(a, SPRING, 120)
    assert set(compute([a], AUTUMN, AUTUMN)) == day_rows(a, AUTUMN, 240)
    assert set(compute([a], PLAIN_SUNDAY, PLAIN_SUNDAY)) == day_rows(a, PLAIN_SUNDAY, 180)


def test_a_year_for_every_office_is_a_few_queries(office, no_hours, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        rows = list(compute(None, date(2026, 1, 1), date(2026, 12, 31)))
    assert {row.office_id for row in rows} == {office.pk}


def post_office(client, office, **changes):
    """Post the office's admin form as it is, with ``changes`` on top."""
    response = client.get(f"/sv/admin/places/office/{office.pk}/change/")
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if isinstance(value, list):
            value = [getattr(v, "pk", v) for v in value]
        data[name] = value
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management.initial.get(name, "")
        for inline_form in formset.formset.forms:
            for name in inline_form.fields:
                value = inline_form.initial.get(name)
                if name == "id":
                    value = inline_form.instance.pk
                elif name == "office":
                    value = office.pk
                if value is not None:
                    data[f"{inline_form.prefix}-{name}"] = getattr(value, "pk", value)
    data.update(changes)
    data = {k: v for k, v in data.items() if v is not False}
    return client.post(f"/sv/admin/places/office/{office.pk}/change/", data)


def test_the_admin_tells_the_reports_what_changed(client, office):
    admin = UserFactory()
    role_assign(user=admin, role=Role.PLATFORM_ADMIN)
    client.force_login(admin)
    with time_machine.travel(date(2026, 5, 4), tick=False):
        response = post_office(client, office, capacity=12)
    assert response.status_code == 302, (
        response.context["adminform"].form.errors,
        [f.formset.errors for f in response.context["inline_admin_formsets"]],
        [f.formset.non_form_errors() for f in response.context["inline_admin_formsets"]],
    )
    marked = set(StaleDay.objects.values_list("office_id", "day", "family"))
    assert len(marked) == FUTURE_DAYS + 1
    assert (office.pk, date(2026, 5, 4), Family.HOURS.value) in marked
    assert (office.pk, date(2026, 5, 3), Family.HOURS.value) not in marked


def test_a_new_exception_tells_only_its_date(client, office):
    admin = UserFactory()
    role_assign(user=admin, role=Role.PLATFORM_ADMIN)
    client.force_login(admin)
    prefix = "hours_exceptions"
    with time_machine.travel(date(2026, 5, 4), tick=False):
        response = post_office(
            client,
            office,
            **{
                f"{prefix}-TOTAL_FORMS": 3,
                f"{prefix}-2-date": "2026-06-10",
                f"{prefix}-2-is_closed": "on",
                f"{prefix}-2-office": office.pk,
            },
        )
    assert response.status_code == 302
    marked = set(StaleDay.objects.values_list("office_id", "day", "family"))
    assert marked == {(office.pk, date(2026, 6, 10), Family.HOURS.value)}
