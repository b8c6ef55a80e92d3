"""The public event pages through the HTTP client: lists, the week, an office's
events, one event and its .ics file, for visitors, members and hosts."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.events import services
from publicoffice.events.models import EventStatus
from tests.events.conftest import at
from tests.factories import UserFactory


def make_event(office, host, *, day: int, hour: int, title: str = "Läxhjälp", **fields):
    return services.event_create(
        office=office,
        actor=host,
        title=title,
        starts_at=at(day, hour),
        ends_at=at(day, hour + 1),
        **fields,
    )


def json_ld_of(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    assert found, "no JSON-LD on the page"
    return json.loads(found.group(1))


class TestList:
    def test_a_visitor_sees_coming_events_with_everything_a_card_needs(self, client, event):
        response = client.get("/en/events/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Språkcafé" in html
        assert '<time datetime="2026-11-26T17:00:00+01:00">' in html
        assert "Ronna kontor" in html
        assert "Mötesrum Ek" in html
        assert '<li lang="ar">العربية</li>' in html
        assert "For: Everyone" in html
        assert "6 seats left" in html
        assert f"/en/events/{event.public_id}/" in html
        assert 'aria-current="page"' in html  # "Events" in the main menu

    def test_swedish_is_the_default(self, client, event):
        html = client.get("/sv/events/").content.decode()
        assert '<html lang="sv"' in html
        assert "6 platser kvar" in html or "6 seats left" in html  # until translated

    def test_an_event_without_a_limit_is_open_to_everyone(self, client, open_event):
        html = client.get("/en/events/").content.decode()
        assert "Öppet hus" in html
        assert "Open to everyone, no seat limit" in html

    def test_a_full_event_says_so_and_counts_the_waitlist(self, client, event, member):
        for n in range(6):
            services.registration_create(event=event, member=UserFactory(email=f"p{n}@ex.org"))
        services.registration_create(event=event, member=member)
        html = client.get("/en/events/").content.decode()
        assert "Full" in html
        assert "1 person on the waitlist" in html
        assert '<span class="event-seats event-full">Full · 1 person on the waitlist</span>' in html

    def test_cancelled_and_moved_events_stay_listed_with_their_note(
        self, client, event, open_event, host
    ):
        services.event_set_status(
            event=event, actor=host, status=EventStatus.CANCELLED, note="Ledaren är sjuk."
        )
        services.event_set_status(
            event=open_event, actor=host, status=EventStatus.MOVED, note="Nu i Alby."
        )
        html = client.get("/en/events/").content.decode()
        assert "<strong>Cancelled</strong>" in html
        assert "Ledaren är sjuk." in html
        assert "<strong>Moved</strong>" in html
        assert "Nu i Alby." in html
        assert "No registration: the event does not take place as planned." in html

    def test_a_cancelled_event_is_called_cancelled_not_unbooked_in_swedish(
        self, client, event, host
    ):
        """Bookings and events share the English word, not the Swedish one."""
        services.event_set_status(event=event, actor=host, status=EventStatus.CANCELLED)
        html = client.get("/sv/events/").content.decode()
        assert "<strong>Inställt</strong>" in html
        assert "Avbokad" not in html

    def test_filters_by_office_audience_and_language(
        self, client, event, open_event, other_office, other_host, swedish
    ):
        make_event(
            other_office,
            other_host,
            day=1,
            hour=10,
            title="Alby-kväll",
            audience="youth",
            languages=[swedish],
        )
        by_office = client.get("/en/events/", {"office": "alby"}).content.decode()
        assert "Alby-kväll" in by_office and "Språkcafé" not in by_office
        by_audience = client.get("/en/events/", {"audience": "youth"}).content.decode()
        assert "Alby-kväll" in by_audience and "Öppet hus" not in by_audience
        by_language = client.get("/en/events/", {"language": "ar"}).content.decode()
        assert "Språkcafé" in by_language and "Alby-kväll" not in by_language
        assert "Clear filters" in by_language

    @pytest.mark.parametrize(
        "query",
        [
            {"office": "no-such-office"},
            {"audience": "<script>alert(1)</script>"},
            {"language": "x" * 5000},
            {"office": "مكتب", "audience": "🎉"},
        ],
    )
    def test_unknown_filter_values_are_reported_and_ignored(self, client, event, query):
        response = client.get("/en/events/", query)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Select a valid choice" in html
        assert "Språkcafé" in html  # the bad filter is dropped, the rest still shows
        assert "<script>alert(1)</script>" not in html

    def test_pages_of_twenty(self, client, office, host, frozen):
        for n in range(25):
            make_event(office, host, day=1 + n // 10, hour=8 + n % 10, title=f"Pass {n:02d}")
        first = client.get("/en/events/").content.decode()
        assert first.count('class="office-card event-card') == 20
        assert "Page 1 of 2" in first
        assert 'href="?page=2"' in first
        second = client.get("/en/events/", {"page": 2}).content.decode()
        assert second.count('class="office-card event-card') == 5
        assert "Pass 24" in second
        odd = client.get("/en/events/", {"page": "många"})
        assert odd.status_code == 200
        assert "Page 1 of 2" in odd.content.decode()

    def test_page_links_keep_the_filters(self, client, office, host, arabic, frozen):
        for n in range(21):
            make_event(office, host, day=1 + n // 10, hour=8 + n % 10, languages=[arabic])
        html = client.get("/en/events/", {"language": "ar"}).content.decode()
        assert 'href="?language=ar&amp;page=2"' in html

    def test_query_count_does_not_grow_with_events(
        self, client, office, host, arabic, swedish, member, frozen, django_assert_num_queries
    ):
        make_event(office, host, day=1, hour=9, languages=[arabic])
        client.force_login(member)
        client.get("/en/events/")  # warm up the session and the content types
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as one:
            client.get("/en/events/")
        for hour in range(10, 18):
            make_event(office, host, day=2, hour=hour, languages=[arabic, swedish])
        with django_assert_num_queries(len(one)):
            response = client.get("/en/events/")
        assert response.content.decode().count('class="office-card event-card') == 9


class TestWeek:
    def test_monday_to_sunday_with_a_heading_per_day(self, client, event, open_event):
        response = client.get("/en/events/this-week/")
        assert response.status_code == 200
        html = response.content.decode()
        days = re.findall(r'<h2 id="day-(\d{4}-\d\d-\d\d)">', html)
        assert days == [f"2026-11-{d}" for d in range(23, 30)]
        thursday = html.index('id="day-2026-11-26"')
        friday = html.index('id="day-2026-11-27"')
        assert thursday < html.index("Språkcafé") < friday
        assert friday < html.index("Öppet hus")
        assert "(today)" in html[html.index('id="day-2026-11-25"') : thursday]
        assert "No events this day." in html

    def test_earlier_this_week_is_shown_next_week_is_not(self, client, office, host, frozen):
        services.event_create(
            office=office,
            actor=host,
            title="Måndagsfika",
            starts_at=at(-2, 10),
            ends_at=at(-2, 11),
            at=at(-3, 9),
        )
        make_event(office, host, day=5, hour=10, title="Nästa måndag")
        html = client.get("/en/events/this-week/").content.decode()
        monday = html.index('id="day-2026-11-23"')
        assert monday < html.index("Måndagsfika") < html.index('id="day-2026-11-24"')
        assert "Nästa måndag" not in html

    def test_past_events_of_the_week_are_shown_as_over(self, client, office, host, frozen):
        """On Wednesday, Monday's event stays on the page, but without seats to offer."""
        services.event_create(
            office=office,
            actor=host,
            title="Måndagsfika",
            starts_at=at(-2, 10),
            ends_at=at(-2, 11),
            capacity=10,
            at=at(-3, 9),
        )
        make_event(office, host, day=1, hour=10, title="Torsdagsfika", capacity=10)
        html = client.get("/en/events/this-week/").content.decode()
        over = gettext("This event is over.")
        monday, thursday = html.index("Måndagsfika"), html.index("Torsdagsfika")
        assert html.count(over) == 1
        assert monday < html.index(over) < thursday
        assert html[monday:thursday].count("seats left") == 0
        assert "10 seats left" in html[thursday:]
        assert html.count("event-card-ended") == 1

    def test_the_week_follows_stockholm_time(self, client, office, host, frozen):
        # Sunday 29 November 23:30 in Stockholm is 22:30 UTC: still this week.
        make_event(office, host, day=4, hour=22, title="Sen söndag")
        frozen.move_to(at(4, 23, 30))
        html = client.get("/en/events/this-week/").content.decode()
        assert "Sen söndag" in html
        assert 'id="day-2026-11-29"' in html

    def test_query_count_does_not_grow_with_events(
        self, client, office, host, arabic, frozen, django_assert_num_queries
    ):
        make_event(office, host, day=1, hour=9, languages=[arabic])
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get("/en/events/this-week/")
        with CaptureQueriesContext(connection) as one:
            client.get("/en/events/this-week/")
        for day in range(0, 4):
            for hour in (12, 14):
                make_event(office, host, day=day, hour=hour, languages=[arabic])
        with django_assert_num_queries(len(one)):
            client.get("/en/events/this-week/")


class TestOfficeEvents:
    def test_only_this_offices_events(self, client, event, other_office, other_host):
        make_event(other_office, other_host, day=1, hour=10, title="Alby-kväll")
        response = client.get("/en/offices/ronna/events/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Språkcafé" in html and "Alby-kväll" not in html
        assert "New event" not in html

    def test_hosts_may_create_members_may_not(self, client, event, member, host):
        client.force_login(member)
        html = client.get("/en/offices/ronna/events/").content.decode()
        assert "/en/offices/ronna/events/new/" not in html
        client.force_login(host)
        html = client.get("/en/offices/ronna/events/").content.decode()
        assert "/en/offices/ronna/events/new/" in html

    def test_unknown_office_is_not_found(self, client, db):
        assert client.get("/en/offices/nowhere/events/").status_code == 404

    def test_query_count_does_not_grow_with_events(
        self, client, office, host, arabic, frozen, django_assert_max_num_queries
    ):
        make_event(office, host, day=1, hour=9, languages=[arabic])
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get("/en/offices/ronna/events/")
        with CaptureQueriesContext(connection) as one:
            client.get("/en/offices/ronna/events/")
        for hour in range(10, 18):
            make_event(office, host, day=2, hour=hour, languages=[arabic])
        with django_assert_max_num_queries(len(one)):
            client.get("/en/offices/ronna/events/")


class TestOfficePanel:
    def test_the_office_page_shows_the_next_three(self, client, office, host, frozen):
        for hour in (9, 10, 11, 12):
            make_event(office, host, day=1, hour=hour, title=f"Pass kl {hour}")
        html = client.get("/en/offices/ronna/").content.decode()
        assert "Coming events" in html
        assert "Pass kl 9" in html and "Pass kl 11" in html
        assert "Pass kl 12" not in html
        assert "/en/offices/ronna/events/" in html
        assert "/en/offices/ronna/events/new/" not in html

    def test_hosts_get_a_link_to_create(self, client, office, host):
        client.force_login(host)
        html = client.get("/en/offices/ronna/").content.decode()
        assert "/en/offices/ronna/events/new/" in html

    def test_no_panel_for_an_office_that_is_not_open(self, client, office):
        office.status = "paused"
        office.save()
        html = client.get("/en/offices/ronna/").content.decode()
        assert "Coming events" not in html


class TestDetail:
    def test_a_visitor_reads_everything_and_is_asked_to_log_in(self, client, event):
        response = client.get(f"/en/events/{event.public_id}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Språkcafé" in html
        assert "Vi pratar svenska och arabiska över en kopp te." in html
        assert "Hörslinga finns." in html
        assert "Log in to register" in html
        assert f"/en/events/{event.public_id}/event.ics" in html
        assert 'name="robots"' not in html
        assert json_ld_of(html)["@type"] == "Event"
        assert '<form method="post"' not in html.split("<main", 1)[1]

    def test_unknown_events_are_not_found(self, client, db):
        assert client.get(f"/en/events/{uuid.uuid4()}/").status_code == 404
        assert client.get("/en/events/not-a-uuid/").status_code == 404

    def test_the_hosts_see_who_registered(self, client, event, member, host, other_host):
        services.registration_create(event=event, member=member)
        client.force_login(other_host)
        other_hosts_view = client.get(f"/en/events/{event.public_id}/").content.decode()
        assert "Amina" not in other_hosts_view
        assert "People registered and waiting" not in other_hosts_view
        client.force_login(host)
        html = client.get(f"/en/events/{event.public_id}/").content.decode()
        assert "Amina" in html
        assert f"/en/events/{event.public_id}/status/" in html

    def test_arabic_page_is_right_to_left_and_marks_user_text(self, client, office, host, frozen):
        with translation.override("ar"):
            arabic = make_event(
                office,
                host,
                day=1,
                hour=12,
                title="مقهى اللغة",
                description="نتحدث السويدية والعربية.",
            )
        html = client.get(f"/ar/events/{arabic.public_id}/").content.decode()
        assert '<html lang="ar" dir="rtl">' in html
        # Members write events: the direction is the browser's to find.
        assert '<h1 id="event-title"><span dir="auto">مقهى اللغة</span></h1>' in html
        assert '<div dir="auto"><p>نتحدث السويدية والعربية.</p></div>' in html
        # The service keeps the text as the Swedish one too, but a Swedish
        # page still says it is Arabic (for the screen reader's voice).
        html = client.get(f"/sv/events/{arabic.public_id}/").content.decode()
        with translation.override("sv"):
            arabic_name = gettext("Arabic")
        assert (
            '<h1 id="event-title"><span lang="ar" dir="auto">مقهى اللغة</span> '
            f'<small class="content-fallback">({arabic_name})</small></h1>'
        ) in html

    def test_html_in_texts_is_shown_as_text(self, client, office, host, frozen):
        hostile = make_event(
            office,
            host,
            day=1,
            hour=12,
            title="<script>alert(1)</script>",
            description="<img src=x onerror=alert(1)>",
        )
        html = client.get(f"/en/events/{hostile.public_id}/").content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


class TestIcs:
    def test_anyone_downloads_a_published_event(self, client, event):
        response = client.get(f"/en/events/{event.public_id}/event.ics")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/calendar")
        assert "attachment" in response["Content-Disposition"]
        body = response.content.decode()
        assert "BEGIN:VEVENT" in body
        assert f"event-{event.public_id}@publicoffice" in body
