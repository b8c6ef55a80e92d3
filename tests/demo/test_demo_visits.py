"""``publicoffice demo`` writes a realistic, repeatable history of visits.

The generator writes with ``bulk_create``, which skips validation, so these
tests check the rules the visit services would enforce.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, timedelta
from io import StringIO
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from publicoffice.demo.loader import load_demo
from publicoffice.places.models import Office, OfficeStatus
from publicoffice.visits.models import (
    DailyUniqueVisitors,
    KioskDevice,
    Source,
    TravelMode,
    Visit,
    VisitAggregate,
    VisitCorrection,
)
from publicoffice.visits.retention import retention_cutoff
from publicoffice.visits.selectors import occupancy_for, unique_visitors
from publicoffice.visits.services import auto_end, kiosk_for_key

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# A Wednesday late in November 2026 that is no holiday, at 11 in the morning.
WEDNESDAY_11 = datetime(2026, 11, 25, 11, 0, tzinfo=STOCKHOLM)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for this module, on a Wednesday morning.

    Like ``TestCase.setUpTestData``: loaded in a transaction that is rolled
    back after the module, so each test runs in a savepoint inside it. The
    clock stays at :data:`WEDNESDAY_11` for the whole module.
    """
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        time_machine.travel(WEDNESDAY_11, tick=False),
        transaction.atomic(),
    ):
        yield load_demo(community=False, events=False, history=False)
        transaction.set_rollback(True)


def offices_with_hours() -> list[Office]:
    return list(Office.objects.prefetch_related("weekly_hours", "hours_exceptions"))


def test_every_open_office_has_visits_over_the_last_weeks(demo):
    today = timezone.localdate()
    for office in Office.objects.all():
        days = {
            timezone.localtime(at).date()
            for at in Visit.objects.filter(office=office).values_list("started_at", flat=True)
        }
        if office.status != OfficeStatus.OPEN:
            assert not days, office.slug
            continue
        assert len(days) >= 10, office.slug
        assert min(days) <= today - timedelta(days=21), office.slug
        assert max(days) <= today, office.slug
        assert Visit.objects.filter(office=office).count() > len(days), office.slug


def test_visits_keep_the_rules_of_the_check_in_services(demo):
    now = timezone.now()
    max_stay = timedelta(hours=settings.VISITS_MAX_STAY_HOURS)
    kiosk_offices = set(KioskDevice.objects.values_list("office_id", flat=True))
    checked = 0
    for office in offices_with_hours():
        schedule = office.schedule()
        for visit in Visit.objects.filter(office=office):
            assert visit.started_at < now
            local = timezone.localtime(visit.started_at)
            if local.date() in schedule.exceptions:
                continue
            # Arrived while the office was open; ends by itself as the service says.
            assert schedule.is_open(visit.started_at), (office.slug, local)
            assert visit.auto_end_at == auto_end(office, visit.started_at), (office.slug, local)
            assert visit.auto_end_at - visit.started_at <= max_stay
            if visit.checked_out_at is not None:
                assert visit.started_at < visit.checked_out_at < visit.auto_end_at
                assert visit.checked_out_at <= now
            if visit.source == Source.STAFF:
                assert 2 <= visit.people <= 6 and visit.recorded_by is not None
                assert not visit.device_hash
            else:
                assert visit.people == 1 and visit.recorded_by is None
            assert bool(visit.device_hash) == (visit.source == Source.QR)
            assert (visit.member_id is not None) == (visit.source == Source.MEMBER)
            if visit.source == Source.KIOSK:
                assert office.pk in kiosk_offices
            checked += 1
    assert checked > 1000


def test_no_device_or_member_is_in_two_visits_at_once(demo):
    by_visitor = defaultdict(list)
    for visit in Visit.objects.exclude(source__in=[Source.STAFF, Source.KIOSK]):
        visitor = visit.member_id or visit.device_hash
        by_visitor[visitor, visit.office_id].append(visit)
    for member_id in Visit.objects.filter(member__isnull=False).values_list("member", flat=True):
        # Members never overlap anywhere, not only at one office.
        by_visitor[member_id, None] = list(Visit.objects.filter(member_id=member_id))
    for visits in by_visitor.values():
        visits.sort(key=lambda v: v.started_at)
        for earlier, later in pairwise(visits):
            assert earlier.ends_at <= later.started_at
    # Device hashes change daily, so a hash is one phone on one day.
    per_phone = Counter(Visit.objects.exclude(device_hash="").values_list("device_hash", flat=True))
    assert max(per_phone.values()) <= settings.VISITS_DEVICE_DAILY_LIMIT
    members = Visit.objects.filter(source=Source.MEMBER)
    assert set(members.values_list("member__email", flat=True)) == {
        "amina@demo.publicoffice.example",
        "johan@demo.publicoffice.example",
    }


def test_regulars_come_back_so_there_are_fewer_visitors_than_visits(demo):
    ronna = Office.objects.get(slug="ronna")
    tuesday = timezone.localdate() - timedelta(days=1)
    visits = Visit.objects.filter(office=ronna, started_at__date=tuesday)
    assert 0 < unique_visitors(office=ronna, day=tuesday) < visits.count()
    checked_out = Visit.objects.filter(checked_out_at__isnull=False).count()
    assert 0.3 < checked_out / Visit.objects.count() < 0.5


def test_survey_answers_are_a_minority_but_present(demo):
    asked = Visit.objects.filter(source__in=[Source.QR, Source.KIOSK])
    answered = asked.exclude(would_otherwise="", travel_mode="", commute_band="")
    assert 0.2 < answered.count() / asked.count() < 0.5
    modes = Counter(answered.exclude(travel_mode="").values_list("travel_mode", flat=True))
    two_most_common = {mode for mode, _count in modes.most_common(2)}
    assert two_most_common == {TravelMode.WALK, TravelMode.PUBLIC_TRANSPORT}
    assert not Visit.objects.filter(source=Source.STAFF).exclude(would_otherwise="").exists()


def test_people_are_here_now_and_one_office_is_full(demo):
    now = timezone.now()
    offices = offices_with_hours()
    occupancy = occupancy_for(offices, now)
    levels = {o.slug: occupancy[o.pk].level for o in offices if o.is_open(now)}
    assert "full" in levels.values()
    assert "fairly_busy" in levels.values()
    assert all(occupancy[o.pk].current == 0 for o in offices if not o.is_open(now))
    assert sum(occ.current for occ in occupancy.values()) == demo.totals["people checked in now"]


def test_nobody_is_here_when_every_office_is_closed(demo):
    night = datetime(2026, 11, 25, 3, 0, tzinfo=STOCKHOLM)
    with time_machine.travel(night, tick=False):
        result = load_demo(community=False, events=False, history=False)
        offices = list(Office.objects.all())
        assert not any(o.current for o in occupancy_for(offices, timezone.now()).values())
    assert result.totals["people checked in now"] == 0
    assert not Visit.objects.filter(started_at__gte=night).exists()
    # Loading again replaced the morning's visits instead of adding to them.
    assert 0 < Visit.objects.count() < demo.totals["visits (raw, last weeks)"]


def test_old_visits_are_rolled_up_into_hourly_figures(demo):
    cutoff = retention_cutoff()
    assert not Visit.objects.filter(started_at__lt=cutoff).exists()
    aggregates = VisitAggregate.objects.all()
    assert aggregates.exists()
    assert all(hour < cutoff for hour in aggregates.values_list("hour", flat=True))
    assert aggregates.values("office").distinct().count() == 3
    assert DailyUniqueVisitors.objects.filter(date__lt=cutoff.date()).count() >= 20


def test_a_corrected_headcount_is_in_the_audit_log(demo):
    correction = VisitCorrection.objects.select_related("visit", "changed_by").get()
    visit = correction.visit
    assert visit.source == Source.STAFF
    assert visit.people == correction.people_after != correction.people_before
    assert correction.reason.startswith("Räknade fel")
    assert correction.changed_by == visit.recorded_by
    assert correction.changed_by.email == "host.ronna@demo.publicoffice.example"
    assert visit.started_at < correction.changed_at < timezone.now()


def test_running_twice_gives_the_same_visits(demo):
    def fingerprint():
        return Counter(
            Visit.objects.values_list(
                "office__slug",
                "source",
                "people",
                "started_at",
                "auto_end_at",
                "checked_out_at",
                "device_hash",
                "would_otherwise",
                "travel_mode",
                "commute_band",
            )
        )

    def counts():
        return [
            model.objects.count()
            for model in (Visit, VisitCorrection, VisitAggregate, DailyUniqueVisitors, KioskDevice)
        ]

    first, first_counts = fingerprint(), counts()
    load_demo(community=False, events=False, history=False)
    assert counts() == first_counts
    assert fingerprint() == first


def test_kiosks_are_replaced_and_their_links_printed(demo):
    out = StringIO()
    call_command("demo", "--without-history", stdout=out)
    output = out.getvalue()
    assert "Kiosk unlock links (demo only):" in output
    keys = [line.rsplit("?key=", 1)[1] for line in output.splitlines() if "?key=" in line]
    assert len(keys) == 2
    assert all(f"/sv/kiosk/unlock/?key={key}" in output for key in keys)
    devices = KioskDevice.objects.filter(revoked_at__isnull=True)
    assert {d.office.slug for d in devices} == {"ronna", "fittja"}
    assert {kiosk_for_key(key).office.slug for key in keys} == {"ronna", "fittja"}
    # The previous run's keys unlock nothing any more.
    old_keys = [path.rsplit("=", 1)[1] for _office, path in demo.kiosk_links]
    assert all(kiosk_for_key(key) is None for key in old_keys)
    assert devices.get(office__slug="ronna").created_by.email == (
        "host.ronna@demo.publicoffice.example"
    )


def test_a_sample_of_visits_passes_validation(demo):
    for visit in Visit.objects.order_by("pk")[::50]:
        visit.full_clean()
    for correction in VisitCorrection.objects.all():
        correction.full_clean()
