"""Time travel: tokens and device keys rotate at midnight, visits end by time."""

from __future__ import annotations

from datetime import datetime

import pytest
import time_machine
from django.test import Client

from publicoffice.visits.models import Visit
from publicoffice.visits.tokens import DEVICE_COOKIE, day_token
from tests.visits.conftest import STOCKHOLM

pytestmark = pytest.mark.django_db
TUESDAY = datetime(2026, 11, 24, 16, 30, tzinfo=STOCKHOLM)
WEDNESDAY = datetime(2026, 11, 25, 10, 0, tzinfo=STOCKHOLM)


def test_yesterdays_poster_stops_counting_at_midnight(client: Client, office):
    with time_machine.travel(TUESDAY, tick=False):
        url = f"/sv/offices/{office.slug}/checkin/{day_token(office.pk, TUESDAY.date())}/"
        assert client.post(url).status_code == 302
    with time_machine.travel(WEDNESDAY, tick=False):
        assert client.post(url).status_code == 410
    assert Visit.objects.count() == 1


def test_the_same_phone_is_unlinkable_across_days(client: Client, office):
    client.cookies[DEVICE_COOKIE] = "one-phone-abcdefghijklmnopqrstu"
    for moment in (TUESDAY, WEDNESDAY):
        with time_machine.travel(moment, tick=False):
            url = f"/sv/offices/{office.slug}/checkin/{day_token(office.pk, moment.date())}/"
            client.post(url)
    first, second = Visit.objects.order_by("started_at")
    assert first.device_hash and second.device_hash
    assert first.device_hash != second.device_hash


def test_a_visit_ends_at_closing_time_without_any_job(client: Client, office):
    with time_machine.travel(TUESDAY, tick=False):
        url = f"/sv/offices/{office.slug}/checkin/{day_token(office.pk, TUESDAY.date())}/"
        client.post(url)
        assert client.get(f"/api/v1/offices/{office.slug}/occupancy").json()["current"] == 1
    with time_machine.travel(datetime(2026, 11, 24, 16, 59, tzinfo=STOCKHOLM), tick=False):
        assert client.get(f"/api/v1/offices/{office.slug}/occupancy").json()["current"] == 1
    with time_machine.travel(datetime(2026, 11, 24, 17, 0, tzinfo=STOCKHOLM), tick=False):
        assert client.get(f"/api/v1/offices/{office.slug}/occupancy").json()["current"] == 0
    visit = Visit.objects.get()
    assert visit.checked_out_at is None  # nothing had to run for it to end
