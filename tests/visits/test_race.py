"""Concurrent check-ins on the real database (SQLite and PostgreSQL alike).

Many phones scanning at one office at the same moment must all be counted,
each exactly once; one phone tapping many times at once must count once.
"""

from __future__ import annotations

from datetime import time

import pytest
from django.test import Client
from django.utils import timezone

from publicoffice.places.holidays_se import is_public_holiday
from publicoffice.visits.models import Visit
from publicoffice.visits.tokens import DEVICE_COOKIE, day_token
from tests.concurrency import run_together
from tests.factories import HoursExceptionFactory, OfficeFactory, WeeklyHoursFactory

CLIENTS = 24


@pytest.fixture
def open_office(transactional_db):
    office = OfficeFactory(capacity=10)
    end = time(23, 59, 59, 999999)
    for weekday in range(7):
        WeeklyHoursFactory(office=office, weekday=weekday, opens=time(0), closes=end)
    today = timezone.localdate()
    if is_public_holiday(today):
        HoursExceptionFactory(office=office, date=today, is_closed=False, opens=time(0), closes=end)
    return office


def test_many_phones_at_once_are_all_counted_once(open_office):
    url = (
        f"/sv/offices/{open_office.slug}/checkin/{day_token(open_office.pk, timezone.localdate())}/"
    )

    def scan(index: int) -> int:
        client = Client()
        client.cookies[DEVICE_COOKIE] = f"phone-number-{index:04d}-abcdefghijklmnop"
        return client.post(url).status_code

    statuses = run_together(CLIENTS, scan)
    assert statuses == [302] * CLIENTS
    assert Visit.objects.filter(office=open_office).count() == CLIENTS
    assert Visit.objects.values("device_hash").distinct().count() == CLIENTS


def test_one_phone_tapping_at_once_counts_once(open_office):
    url = (
        f"/sv/offices/{open_office.slug}/checkin/{day_token(open_office.pk, timezone.localdate())}/"
    )

    def tap(index: int) -> int:
        client = Client()
        client.cookies[DEVICE_COOKIE] = "the-same-phone-abcdefghijklmnop"
        return client.post(url).status_code

    statuses = run_together(12, tap)
    assert statuses == [302] * 12
    assert Visit.objects.filter(office=open_office).count() == 1
