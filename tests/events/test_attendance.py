"""Attendance: the office's staff record how many came once an event has started.

The service's rules first (who, when, which numbers, corrections, the mark
for the reports), then the form on the event page and its own page through
the HTTP client. Time is frozen on Wednesday 25 November 2026 at 08:00; the
``event`` fixture runs tomorrow 17:00–19:00.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.core.errors import DomainError
from publicoffice.events.models import MOST_ATTENDANCE, Event
from publicoffice.events.services import event_record_attendance, event_set_status
from publicoffice.places.facts import Family
from publicoffice.reports.models import StaleDay
from tests.events.conftest import at
from tests.events.refusals import assert_refusal


def marks(event: Event) -> int:
    """How often the event's start day was marked for the reports to recount."""
    return StaleDay.objects.filter(
        office_id=event.office_id, day=date(2026, 11, 26), family=Family.EVENTS
    ).count()


def url(event: Event) -> str:
    return f"/en/events/{event.public_id}/attendance/"


def detail(event: Event) -> str:
    return f"/en/events/{event.public_id}/"


def refused(call, expected) -> None:
    with pytest.raises(DomainError) as caught:
        call()
    assert_refusal(caught.value, expected)


class TestService:
    def test_a_host_records_once_started_and_the_reports_are_told(self, frozen, event, host):
        frozen.move_to(at(1, 17, 30))
        before = marks(event)
        saved = event_record_attendance(event=event, attendance=14, by=host)
        event.refresh_from_db()
        assert (saved.attendance, event.attendance) == (14, 14)
        assert event.attendance_recorded_by == host
        assert event.attendance_recorded_at == at(1, 17, 30)
        assert marks(event) == before + 1

    def test_it_can_be_recorded_from_the_first_minute_and_long_after(self, frozen, event, host):
        frozen.move_to(event.starts_at)
        event_record_attendance(event=event, attendance=0, by=host)
        frozen.move_to(at(8, 9))
        event_record_attendance(event=event, attendance=3, by=host)
        event.refresh_from_db()
        assert event.attendance == 3

    def test_a_correction_replaces_the_count(self, frozen, event, host, plain_host):
        frozen.move_to(at(1, 18))
        event_record_attendance(event=event, attendance=9, by=host)
        frozen.move_to(at(1, 20))
        event_record_attendance(event=event, attendance=11, by=plain_host)
        event.refresh_from_db()
        assert event.attendance == 11
        assert event.attendance_recorded_by == plain_host
        assert event.attendance_recorded_at == at(1, 20)

    def test_not_before_the_start(self, frozen, event, host):
        frozen.move_to(event.starts_at - timedelta(minutes=1))
        refused(
            lambda: event_record_attendance(event=event, attendance=5, by=host),
            "event_not_started",
        )
        event.refresh_from_db()
        assert event.attendance is None and event.attendance_recorded_at is None

    def test_not_for_a_cancelled_or_postponed_event(self, frozen, event, open_event, host):
        event_set_status(event=event, actor=host, status="cancelled", note="Sjuk.")
        event_set_status(event=open_event, actor=host, status="postponed", note="Ny dag kommer.")
        frozen.move_to(at(3, 9))
        refused(
            lambda: event_record_attendance(event=event, attendance=5, by=host),
            "event_cancelled",
        )
        refused(
            lambda: event_record_attendance(event=open_event, attendance=5, by=host),
            "event_postponed",
        )
        assert not Event.objects.filter(attendance__isnull=False).exists()

    def test_only_the_offices_staff(self, frozen, event, member, other_host):
        frozen.move_to(at(1, 18))
        for user in (member, other_host):
            refused(
                lambda user=user: event_record_attendance(event=event, attendance=5, by=user),
                "not_allowed",
            )
        event.refresh_from_db()
        assert event.attendance is None

    @pytest.mark.parametrize(
        "value, limit",
        [(-1, True), (MOST_ATTENDANCE + 1, True), ("12", False), (1.5, False), (True, False)],
    )
    def test_bad_numbers_are_refused(self, frozen, event, host, value, limit):
        frozen.move_to(at(1, 18))
        before = marks(event)
        with pytest.raises(DomainError) as caught:
            event_record_attendance(event=event, attendance=value, by=host)
        assert_refusal(caught.value, ("attendees_invalid", "attendance"))
        assert ("limit" in caught.value.details) is limit
        event.refresh_from_db()
        assert event.attendance is None
        assert marks(event) == before

    def test_the_largest_number_is_fine(self, frozen, event, host):
        frozen.move_to(at(1, 18))
        event_record_attendance(event=event, attendance=MOST_ATTENDANCE, by=host)
        event.refresh_from_db()
        assert event.attendance == MOST_ATTENDANCE


class TestPages:
    def test_the_host_finds_the_form_on_the_event_page_after_the_start(
        self, client, frozen, event, host
    ):
        client.force_login(host)
        html = client.get(detail(event)).content.decode()
        assert 'name="attendance"' not in html
        frozen.move_to(at(1, 17, 5))
        html = client.get(detail(event)).content.decode()
        assert f'action="{url(event)}"' in html
        assert '<label for="id_attendance">How many came?' in html
        assert 'name="csrfmiddlewaretoken"' in html
        assert 'type="number"' in html

    def test_others_see_no_form_and_may_not_record(self, client, frozen, event, member, other_host):
        frozen.move_to(at(1, 18))
        response = client.post(url(event), {"attendance": "5"})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        for user in (member, other_host):
            client.force_login(user)
            assert 'name="attendance"' not in client.get(detail(event)).content.decode()
            assert client.get(url(event)).status_code == 403
            response = client.post(url(event), {"attendance": "5"})
            assert response.status_code == 403
            assert "Only the hosts of this office can record attendance." in (
                response.content.decode()
            )
        event.refresh_from_db()
        assert event.attendance is None

    def test_saving_goes_back_to_the_event_with_a_message(self, client, frozen, event, host):
        frozen.move_to(at(1, 18))
        client.force_login(host)
        response = client.post(url(event), {"attendance": "23"})
        assert response.status_code == 302
        assert response["Location"] == detail(event)
        html = client.get(response["Location"]).content.decode()
        assert "Attendance is saved." in html
        assert "Recorded so far: 23 people." in html
        assert 'value="23"' in html
        event.refresh_from_db()
        assert (event.attendance, event.attendance_recorded_by) == (23, host)

    def test_arabic_and_persian_digits_are_read(self, client, frozen, event, host):
        frozen.move_to(at(1, 18))
        client.force_login(host)
        assert client.post(url(event), {"attendance": "٤٢"}).status_code == 302
        event.refresh_from_db()
        assert event.attendance == 42
        assert client.post(url(event), {"attendance": "۱۷"}).status_code == 302
        event.refresh_from_db()
        assert event.attendance == 17

    @pytest.mark.parametrize(
        "typed, msgid",
        [
            ("", "Say how many came: 0 if nobody did."),
            ("   ", "Give the number of people as a whole number."),
            ("-1", "Give a number from 0 to %(count)d."),
            ("100001", "Give a number from 0 to %(count)d."),
            ("9" * 40, "Give a number from 0 to %(count)d."),
            ("tolv", "Give the number of people as a whole number."),
            ("3.5", "Give the number of people as a whole number."),
            ("😀", "Give the number of people as a whole number."),
            ("<script>alert(1)</script>", "Give the number of people as a whole number."),
        ],
    )
    def test_bad_input_shows_a_translated_error_and_changes_nothing(
        self, client, frozen, event, host, typed, msgid
    ):
        frozen.move_to(at(1, 18))
        client.force_login(host)
        before = marks(event)
        response = client.post(f"/sv/events/{event.public_id}/attendance/", {"attendance": typed})
        assert response.status_code == 400
        html = response.content.decode()
        with translation.override("sv"):
            message = gettext(msgid)
            if "%(count)d" in msgid:
                message = message % {"count": MOST_ATTENDANCE}
        assert message in html
        assert 'id="id_attendance_error"' in html and 'role="alert"' in html
        assert "<script>alert(1)</script>" not in html
        event.refresh_from_db()
        assert event.attendance is None
        assert marks(event) == before

    def test_before_the_start_the_page_explains_and_a_post_is_refused(
        self, client, frozen, event, host
    ):
        client.force_login(host)
        response = client.get(url(event))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Attendance can be recorded once the event has started." in html
        assert 'name="attendance"' not in html
        response = client.post(url(event), {"attendance": "5"})
        assert response.status_code == 409
        assert "Attendance can be recorded once the event has started." in (
            response.content.decode()
        )
        event.refresh_from_db()
        assert event.attendance is None

    def test_a_cancelled_event_takes_no_count(self, client, frozen, event, host):
        event_set_status(event=event, actor=host, status="cancelled", note="Sjuk.")
        frozen.move_to(at(1, 18))
        client.force_login(host)
        assert 'name="attendance"' not in client.get(detail(event)).content.decode()
        response = client.post(url(event), {"attendance": "5"})
        assert response.status_code == 409
        assert "A cancelled event has no attendance to record." in response.content.decode()
        event.refresh_from_db()
        assert event.attendance is None
