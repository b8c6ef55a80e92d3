"""What one anonymous check-in costs: its queries and its cache counts, and that the
cheaper path still answers exactly as the guards say (hours, daily limit, once per visit)."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from publicoffice.core import ratelimit
from publicoffice.core.errors import DomainError
from publicoffice.places.models import Office, OfficeStatus
from publicoffice.visits import services
from publicoffice.visits.models import Source, Visit
from publicoffice.visits.selectors import device_today, going_on
from publicoffice.visits.tokens import DEVICE_COOKIE, day_token, new_device_id
from tests.factories import HoursExceptionFactory, OfficeFactory
from tests.visits.conftest import MORNING

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 25)
#: Statements that only open or close a transaction (or a test's savepoint).
TRANSACTION = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


def post(office, device: str = "", address: str = "198.51.100.7"):
    client = Client()
    client.cookies[DEVICE_COOKIE] = device or new_device_id()
    url = f"/sv/offices/{office.slug}/checkin/{day_token(office.pk, TODAY)}/"
    return client.post(url, REMOTE_ADDR=address)


@pytest.fixture
def other_office(db):
    return OfficeFactory(slug="other")


def statements(captured: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if not q["sql"].startswith(TRANSACTION)]


class TestQueries:
    def test_a_new_visitor_costs_seven_queries_whatever_the_history(self, office, morning):
        """Office, its weekly hours, its coming exceptions; the lock; the phone's
        visits today (already here? how many?); the visit; the day marked stale."""
        post(office)  # warm: the year's holidays, the URL resolver
        with CaptureQueriesContext(connection) as few:
            assert post(office, address="198.51.100.8").status_code == 302
        for n in range(30):
            services.visit_check_in(
                office=office, source=Source.QR, device_hash=f"{n:064x}", at=MORNING
            )
        with CaptureQueriesContext(connection) as many:
            assert post(office, address="198.51.100.9").status_code == 302
        assert len(statements(few)) == len(statements(many)) == 7
        assert sum("FOR UPDATE" in sql for sql in statements(few)) == (
            1 if connection.vendor == "postgresql" else 0
        )

    def test_the_same_phone_again_is_counted_once(self, office, morning):
        device = new_device_id()
        assert post(office, device).status_code == 302
        assert post(office, device).status_code == 302
        assert Visit.objects.filter(office=office).count() == 1


class TestGuardsStay:
    def test_an_exception_closing_today_refuses_the_check_in(self, office, morning):
        HoursExceptionFactory(office=office, date=TODAY, is_closed=True)
        response = post(office)
        assert (response.status_code, response.context["error"].code) == (400, "office_closed_now")
        assert not Visit.objects.exists()

    def test_past_exceptions_do_not_matter(self, office, morning):
        HoursExceptionFactory(office=office, date=TODAY - timedelta(days=7), is_closed=True)
        assert post(office).status_code == 302

    def test_special_hours_today_end_the_visit(self, office, morning):
        HoursExceptionFactory(
            office=office, date=TODAY, is_closed=False, opens=time(9), closes=time(12)
        )
        assert post(office).status_code == 302
        visit = Visit.objects.get()
        assert visit.auto_end_at == MORNING.replace(hour=12)

    def test_the_daily_limit_holds_but_a_phone_still_here_is_counted_once(self, office, settings):
        settings.VISITS_DEVICE_DAILY_LIMIT = 2
        device, at = "a" * 64, MORNING
        first = services.visit_check_in(
            office=office, source=Source.QR, device_hash=device, at=at
        ).visit
        services.visit_check_out(visit=first, at=at + timedelta(minutes=1))
        second = services.visit_check_in(
            office=office, source=Source.QR, device_hash=device, at=at + timedelta(minutes=2)
        )
        # Still here: the same visit again, not a refusal.
        again = services.visit_check_in(
            office=office, source=Source.QR, device_hash=device, at=at + timedelta(minutes=3)
        )
        assert (again.created, again.visit.pk) == (False, second.visit.pk)
        services.visit_check_out(visit=second.visit, at=at + timedelta(minutes=4))
        with pytest.raises(DomainError) as error:
            services.visit_check_in(
                office=office, source=Source.QR, device_hash=device, at=at + timedelta(minutes=5)
            )
        assert error.value.code == "too_many_check_ins"


class TestLockAndDeviceQuery:
    def test_the_lock_reads_the_status_afresh(self, office, morning):
        """The page read the office open; paused since, the check-in is refused."""
        read = Office.objects.get(pk=office.pk)
        Office.objects.filter(pk=office.pk).update(status=OfficeStatus.PAUSED)
        with pytest.raises(DomainError) as error:
            services.visit_check_in(
                office=read, source=Source.QR, device_hash="b" * 64, hours=read.schedule()
            )
        assert error.value.code == "office_not_open"
        assert read.status == OfficeStatus.OPEN  # the caller's object is left alone

    def test_the_lock_reads_only_the_status(self, office, morning):
        hours = office.schedule()
        with CaptureQueriesContext(connection) as captured:
            services.visit_check_in(
                office=office, source=Source.QR, device_hash="c" * 64, hours=hours
            )
        lock = [sql for sql in statements(captured) if 'FROM "places_office"' in sql]
        assert len(lock) == 1 and '"name"' not in lock[0]

    def test_the_device_query_agrees_with_going_on(self, office, other_office):
        """The plain SQL of ``device_today`` against the ORM's ``going_on``."""
        device, at = "d" * 64, MORNING
        hour = timedelta(hours=1)
        rows = [  # (started, auto end, checked out, removed, office)
            (at - 3 * hour, at + hour, None, None, office),  # here
            (at - 2 * hour, at + hour, at - hour, None, office),  # checked out
            (at - 2 * hour, at - hour, None, None, office),  # ended by time
            (at - hour, at + hour, None, at - hour, office),  # removed by staff
            (at + hour, at + 2 * hour, None, None, office),  # not started yet
            (at - 26 * hour, at - 20 * hour, None, None, office),  # yesterday
            (at - hour, at + hour, at + hour, None, other_office),  # elsewhere
        ]
        for started, ends, out, removed, where in rows:
            Visit.objects.create(
                office=where,
                source=Source.QR,
                started_at=started,
                auto_end_at=ends,
                checked_out_at=out,
                removed_at=removed,
                device_hash=device,
            )
        since = at.replace(hour=0)
        mine = Visit.objects.filter(office=office, device_hash=device)
        here = mine.filter(going_on(at)).order_by("-pk").values_list("pk", flat=True).first()
        expected = (mine.filter(started_at__gte=since).count(), here)
        found = device_today(office_id=office.pk, device_hash=device, since=since, at=at)
        assert found == expected == (5, expected[1]) and here is not None
        assert device_today(office_id=office.pk, device_hash="e" * 64, since=since, at=at) == (
            0,
            None,
        )


class TestCacheCounts:
    def test_counting_is_one_incr_once_the_counter_exists(self, monkeypatch):
        cache.clear()
        calls: list[str] = []
        for name in ("add", "incr", "set"):
            original = getattr(cache, name)

            def spy(*args, _name=name, _original=original, **kwargs):
                calls.append(_name)
                return _original(*args, **kwargs)

            monkeypatch.setattr(cache, name, spy)
        assert [ratelimit.count_one("k", window=60) for _ in range(3)] == [1, 2, 3]
        assert calls == ["incr", "add", "incr", "incr"]

    def test_a_counter_starts_again_after_it_expired(self):
        cache.clear()
        assert ratelimit.count_one("k", window=60) == 1
        cache.delete("k")
        assert ratelimit.count_one("k", window=60) == 1
