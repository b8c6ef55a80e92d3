"""Floods of anonymous check-ins from one network address, and over-capacity wording."""

from __future__ import annotations

import json
import logging
from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext, ngettext

from publicoffice.accounts.models import Role
from publicoffice.core.errors import DomainError
from publicoffice.staff.services import role_assign
from publicoffice.visits import floods, services
from publicoffice.visits.models import Source, Visit, VisitCorrection
from publicoffice.visits.selectors import (
    figures,
    occupancy,
    suspect_bursts,
    unique_visitors,
    visits_by_hour,
)
from publicoffice.visits.tokens import DEVICE_COOKIE, day_token
from tests.factories import OfficeFactory, UserFactory, WeeklyHoursFactory
from tests.visits.conftest import MORNING

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 25)
WIFI = "198.51.100.23"
REFUSED = (
    "Very many check-ins came from this network just now, so this one was "
    "not counted. Please ask the staff to count you."
)

MAP = "/api/v1/offices.map.geojson"


def checkin_url(office, lang="sv"):
    return f"/{lang}/offices/{office.slug}/checkin/{day_token(office.pk, TODAY)}/"


def tap(office, address=WIFI, lang="sv"):
    """One phone without a device cookie: a fresh client every time."""
    return Client().post(checkin_url(office, lang), REMOTE_ADDR=address)


def flood(office, count, address=WIFI):
    return [tap(office, address).status_code for _ in range(count)]


class TestBounds:
    def test_a_flood_is_refused_in_words_and_stores_nothing(self, office, morning):
        statuses = flood(office, floods.QUEUE * 2)
        assert statuses == [302] * (floods.QUEUE * 2)
        stored = Visit.objects.count()
        response = tap(office)
        assert response.status_code == 429
        with translation.override("sv"):
            assert f'<p role="alert">{escape(gettext(REFUSED))}</p>' in response.content.decode()
        assert DEVICE_COOKIE not in response.cookies
        assert flood(office, 50) == [429] * 50
        assert Visit.objects.count() == stored == floods.QUEUE * 2

    def test_the_refusal_is_in_the_visitors_language(self, office, morning):
        flood(office, floods.QUEUE * 2)
        response = tap(office, lang="ar")
        with translation.override("ar"):
            assert escape(gettext(REFUSED)) in response.content.decode()

    def test_a_queue_of_twenty_on_one_wifi_is_counted_plainly(self, client, office, morning):
        for _ in range(20):
            morning.shift(timedelta(seconds=15))
            assert tap(office).status_code == 302
        assert Visit.objects.filter(suspect=False).count() == 20
        assert occupancy(office=office).current == 20
        host = UserFactory()
        role_assign(user=host, role=Role.HOST, office=office)
        client.force_login(host)
        assert client.get(f"/sv/host/{office.slug}/").context["bursts"] == []

    def test_beyond_the_queue_is_counted_but_flagged(self, office, morning):
        flood(office, floods.QUEUE + 5)
        assert Visit.objects.filter(suspect=False).count() == floods.QUEUE
        assert Visit.objects.filter(suspect=True).count() == 5
        assert occupancy(office=office).current == floods.QUEUE + 5

    def test_other_addresses_and_other_offices_have_their_own_count(self, office, morning):
        flood(office, floods.QUEUE * 2)
        assert tap(office, address="192.0.2.9").status_code == 302
        assert Visit.objects.latest("pk").suspect is False
        other = OfficeFactory(capacity=10)
        for weekday in range(5):
            WeeklyHoursFactory(office=other, weekday=weekday, opens=time(9), closes=time(17))
        assert tap(other).status_code == 302
        assert Visit.objects.latest("pk").suspect is False

    def test_a_slow_flood_is_bounded_by_the_day(self, office, morning):
        bounds = floods.bounds_for(office)
        assert (bounds.day_normal, bounds.day_limit) == (20, 40)  # capacity 10: a queue's worth
        statuses = []
        for _ in range(4):
            statuses += flood(office, 15)
            morning.shift(timedelta(minutes=10))
        assert statuses.count(302) == 40
        assert Visit.objects.filter(suspect=True).count() == 20
        assert statuses[40:] == [429] * 20

    def test_bounds_follow_a_big_offices_capacity(self):
        bounds = floods.bounds_for(OfficeFactory.build(capacity=45))
        assert bounds == floods.DoorBounds(20, 40, 45, 90)

    def test_members_are_not_bounded_by_the_address(self, client, office, morning):
        flood(office, floods.QUEUE * 2)
        member = UserFactory()
        client.force_login(member)
        assert client.post(checkin_url(office), REMOTE_ADDR=WIFI).status_code == 302
        assert Visit.objects.get(member=member).suspect is False

    def test_no_address_in_the_database_or_the_logs(self, office, morning, caplog):
        caplog.set_level(logging.DEBUG)
        flood(office, floods.QUEUE * 2 + 3)
        rows = json.dumps(list(Visit.objects.values()), default=str)
        assert WIFI not in rows and WIFI not in caplog.text


@pytest.fixture
def host(office):
    user = UserFactory(email="host@example.org", display_name="Hanna")
    role_assign(user=user, role=Role.HOST, office=office)
    return user


def flagged(office, count, at=MORNING):
    return [
        services.visit_check_in(
            office=office, source=Source.QR, at=at, device_hash=f"bot-{n}", suspect=True
        ).visit
        for n in range(count)
    ]


class TestVoiding:
    def test_host_sees_the_burst_in_words(self, client, office, host, morning):
        flagged(office, 7)
        client.force_login(host)
        page = client.get(f"/sv/host/{office.slug}/").content.decode()
        with translation.override("sv"):
            line = ngettext(
                "%(counter)s check-in in %(minutes)s min looks like a flood.",
                "%(counter)s check-ins in %(minutes)s min look like a flood.",
                7,
            ) % {"counter": 7, "minutes": 1}
        assert escape(line) in page

    def test_host_voids_the_burst_logged_and_no_longer_counted(self, client, office, host, morning):
        bots = flagged(office, 6)
        real = services.visit_check_in(
            office=office, source=Source.QR, at=MORNING, device_hash="real"
        ).visit
        client.force_login(host)
        [burst] = suspect_bursts(office=office, day=TODAY)
        response = client.post(
            f"/sv/host/{office.slug}/floods/void/",
            {"since": burst.first.isoformat(), "until": burst.last.isoformat(), "reason": "Bot"},
        )
        assert (response.status_code, response["Location"]) == (302, f"/sv/host/{office.slug}/")
        assert Visit.objects.filter(removed_at__isnull=False).count() == 6
        log = VisitCorrection.objects.all()
        assert {(c.visit_id, c.changed_by, c.people_after, c.reason) for c in log} == {
            (bot.pk, host, 0, "Bot") for bot in bots
        }
        real.refresh_from_db()
        assert real.removed_at is None
        assert occupancy(office=office).current == 1
        assert figures(office=office, start=TODAY, end=TODAY)["people"] == 1
        assert sum(people for _h, people in visits_by_hour(office=office, day=TODAY)) == 1
        assert unique_visitors(office=office, day=TODAY) == 1
        page = client.get(f"/sv/host/{office.slug}/")
        assert page.context["bursts"] == []
        assert [(v.count, v.reason, v.changed_by) for v in page.context["voidings"]] == [
            (6, "Bot", "Hanna")
        ]

    def test_pressing_void_twice_voids_nothing_more(self, office, host, morning):
        flagged(office, 3)
        kwargs = {"office": office, "since": MORNING, "until": MORNING, "by": host}
        assert services.void_suspect_check_ins(**kwargs, reason="Bot") == 3
        assert services.void_suspect_check_ins(**kwargs, reason="Bot") == 0
        assert VisitCorrection.objects.count() == 3

    def test_only_flagged_check_ins_of_this_office_are_voided(self, office, host, morning):
        services.visit_check_in(office=office, source=Source.QR, at=MORNING, device_hash="a")
        other = OfficeFactory()
        other_visit = Visit.objects.create(
            office=other,
            source=Source.QR,
            started_at=MORNING,
            auto_end_at=MORNING + timedelta(hours=2),
            suspect=True,
        )
        kwargs = {"since": MORNING, "until": MORNING, "by": host, "reason": "Bot"}
        assert services.void_suspect_check_ins(office=office, **kwargs) == 0
        other_visit.refresh_from_db()
        assert other_visit.removed_at is None

    @pytest.mark.parametrize("reason", ["", "   ", "x" * 201])
    def test_a_reason_is_required(self, office, host, morning, reason):
        flagged(office, 2)
        with pytest.raises(DomainError):
            services.void_suspect_check_ins(
                office=office, since=MORNING, until=MORNING, by=host, reason=reason
            )
        assert VisitCorrection.objects.count() == 0
        assert Visit.objects.filter(removed_at__isnull=True).count() == 2

    def test_void_without_reason_goes_back_with_a_message(self, client, office, host, morning):
        flagged(office, 2)
        client.force_login(host)
        url = f"/en/host/{office.slug}/floods/void/"
        data = {"since": MORNING.isoformat(), "until": MORNING.isoformat(), "reason": ""}
        response = client.post(url, data, follow=True)
        assert "Give a reason for voiding these check-ins." in response.content.decode()
        assert Visit.objects.filter(removed_at__isnull=True).count() == 2

    @pytest.mark.parametrize("who", ["anonymous", "member", "other_host"])
    def test_others_cannot_void(self, client, office, morning, who):
        flagged(office, 4)
        if who == "member":
            client.force_login(UserFactory())
        elif who == "other_host":
            stranger = UserFactory()
            role_assign(user=stranger, role=Role.HOST, office=OfficeFactory())
            client.force_login(stranger)
        data = {"since": MORNING.isoformat(), "until": MORNING.isoformat(), "reason": "Bot"}
        response = client.post(f"/sv/host/{office.slug}/floods/void/", data)
        assert response.status_code == (302 if who == "anonymous" else 404)
        assert VisitCorrection.objects.count() == 0
        assert Visit.objects.filter(removed_at__isnull=True).count() == 4

    def test_another_offices_host_cannot_void_through_their_own_desk(self, client, office, morning):
        flagged(office, 4)
        other = OfficeFactory()
        stranger = UserFactory()
        role_assign(user=stranger, role=Role.HOST, office=other)
        client.force_login(stranger)
        data = {"since": MORNING.isoformat(), "until": MORNING.isoformat(), "reason": "Bot"}
        assert client.post(f"/sv/host/{other.slug}/floods/void/", data).status_code == 302
        assert Visit.objects.filter(removed_at__isnull=True).count() == 4

    def test_desk_query_count_does_not_grow_with_visits(self, client, office, host, morning):
        def more(n):
            flagged(office, n)
            services.void_suspect_check_ins(
                office=office, since=MORNING, until=MORNING, by=host, reason="Bot"
            )
            flagged(office, n, at=MORNING + timedelta(minutes=30))
            for k in range(n):
                services.visit_check_in(
                    office=office, source=Source.QR, at=MORNING, device_hash=f"r{n}-{k}"
                )
            services.headcount_add(office=office, people=2, by=host, at=MORNING)

        client.force_login(host)
        more(1)
        client.get(f"/sv/host/{office.slug}/")
        with CaptureQueriesContext(connection) as few:
            client.get(f"/sv/host/{office.slug}/")
        more(15)
        with CaptureQueriesContext(connection) as many:
            client.get(f"/sv/host/{office.slug}/")
        assert len(many) == len(few)


class TestOverCapacity:
    def test_every_page_says_over_capacity_in_words(self, client, office, host, morning):
        services.headcount_add(office=office, people=33, by=host, at=MORNING)
        with translation.override("sv"):
            words = gettext("Over capacity")
            sentence = ngettext(
                "Over capacity: %(counter)s person checked in, with room for %(capacity)s.",
                "Over capacity: %(counter)s people checked in, with room for %(capacity)s.",
                33,
            ) % {"counter": 33, "capacity": 10}
            here = ngettext(
                "%(counter)s person here now, room for %(capacity)s.",
                "%(counter)s people here now, room for %(capacity)s.",
                33,
            ) % {"counter": 33, "capacity": 10}
        pages = [
            client.get(f"/sv/offices/{office.slug}/occupancy/"),
            client.get(f"/sv/offices/{office.slug}/"),
            client.get(checkin_url(office)),
        ]
        client.force_login(host)
        pages.append(client.get(f"/sv/host/{office.slug}/"))
        for page in pages:
            html = page.content.decode()
            assert words in html and escape(sentence) in html
            assert escape(here) not in html

    def test_api_and_map_say_over_capacity(self, client, office, host, morning):
        services.headcount_add(office=office, people=33, by=host, at=MORNING)
        api = client.get(f"/api/v1/offices/{office.slug}/occupancy?lang=en").json()
        assert (api["current"], api["capacity"], api["label"]) == (33, 10, "Over capacity")
        html = client.get("/en/").content.decode()
        # The map reads its pop-ups from the map endpoint; each office alone at a street's zoom.
        map_query = {"bbox": "10,55,25,69", "zoom": "17", "lang": "en"}
        data = [f["properties"] for f in client.get(MAP, map_query).json()["features"]]
        assert data[0]["notes"] == ["Over capacity: 33 people checked in, 10 places"]
        assert "Over capacity: 33 people checked in, 10 places" in html  # the list says the same

    def test_exactly_full_keeps_its_plain_words(self, office, host, morning):
        services.headcount_add(office=office, people=10, by=host, at=MORNING)
        current = occupancy(office=office)
        with translation.override("en"):
            assert (current.over_capacity, current.label, current.level) == (False, "Full", "full")
