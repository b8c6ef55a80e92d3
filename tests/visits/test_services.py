"""Check-in, check-out, survey, headcounts and kiosks."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
import time_machine

from publicoffice.core.errors import DomainError
from publicoffice.places.models import OfficeStatus
from publicoffice.visits import services
from publicoffice.visits.models import KioskDevice, Source, Visit, VisitCorrection
from publicoffice.visits.selectors import occupancy
from tests.factories import HoursExceptionFactory, UserFactory
from tests.visits.conftest import MORNING, STOCKHOLM

pytestmark = pytest.mark.django_db


def check_in(office, device="device-a", **kwargs):
    return services.visit_check_in(
        office=office, source=Source.QR, at=kwargs.pop("at", MORNING), device_hash=device, **kwargs
    )


class TestCheckIn:
    def test_counts_a_visit_that_ends_at_closing_time(self, office):
        result = check_in(office)
        assert result.created
        assert result.visit.started_at == MORNING
        assert result.visit.auto_end_at == datetime(2026, 11, 25, 17, 0, tzinfo=STOCKHOLM)

    def test_maximum_stay_ends_a_long_visit(self, office, settings):
        settings.VISITS_MAX_STAY_HOURS = 2
        assert check_in(office).visit.auto_end_at == MORNING + timedelta(hours=2)

    def test_same_device_within_a_visit_counts_once(self, office):
        first = check_in(office)
        again = check_in(office, at=MORNING + timedelta(minutes=5))
        assert not again.created
        assert again.visit == first.visit
        assert Visit.objects.count() == 1

    def test_same_device_after_checking_out_is_a_new_visit(self, office):
        first = check_in(office)
        services.visit_check_out(visit=first.visit, at=MORNING + timedelta(hours=1))
        second = check_in(office, at=MORNING + timedelta(hours=2))
        assert second.created

    def test_member_checks_in_once(self, office):
        member = UserFactory()
        first = services.visit_check_in(
            office=office, source=Source.MEMBER, at=MORNING, member=member
        )
        again = services.visit_check_in(
            office=office, source=Source.MEMBER, at=MORNING, member=member
        )
        assert first.visit == again.visit
        assert first.visit.member == member
        assert first.visit.device_hash == ""

    def test_closed_office_refuses_with_a_code(self, office):
        with pytest.raises(DomainError) as error:
            check_in(office, at=datetime(2026, 11, 25, 18, 0, tzinfo=STOCKHOLM))
        assert error.value.code == "office_closed_now"
        assert Visit.objects.count() == 0

    def test_holiday_is_closed_unless_stated(self, office):
        christmas = datetime(2026, 12, 24, 11, 0, tzinfo=STOCKHOLM)
        with pytest.raises(DomainError):
            check_in(office, at=christmas)
        HoursExceptionFactory(
            office=office, date=date(2026, 12, 24), is_closed=False, opens=time(10), closes=time(13)
        )
        fresh = type(office).objects.get(pk=office.pk)  # the schedule is cached per instance
        assert check_in(fresh, at=christmas).visit.auto_end_at == christmas.replace(hour=13)

    def test_paused_office_refuses(self, office):
        office.status = OfficeStatus.PAUSED
        office.save()
        with pytest.raises(DomainError) as error:
            check_in(office)
        assert error.value.code == "office_not_open"

    def test_a_full_office_still_counts_everyone(self, office):
        for n in range(12):
            check_in(office, device=f"device-{n}")
        current = occupancy(office=office, at=MORNING)
        assert (current.current, current.level) == (12, "full")

    def test_one_device_is_limited_per_day(self, office, settings):
        settings.VISITS_DEVICE_DAILY_LIMIT = 3
        at = MORNING
        for _ in range(3):
            visit = check_in(office, at=at).visit
            services.visit_check_out(visit=visit, at=at + timedelta(minutes=1))
            at += timedelta(minutes=2)
        with pytest.raises(DomainError) as error:
            check_in(office, at=at)
        assert (error.value.code, error.value.status) == ("too_many_check_ins", 429)
        # Another device is not affected.
        assert check_in(office, device="device-b", at=at).created

    def test_staff_must_use_headcounts(self, office):
        with pytest.raises(ValueError):
            services.visit_check_in(office=office, source=Source.STAFF, at=MORNING)


class TestCheckOut:
    def test_check_out_ends_the_visit(self, office):
        visit = check_in(office).visit
        services.visit_check_out(visit=visit, at=MORNING + timedelta(hours=1))
        assert occupancy(office=office, at=MORNING + timedelta(minutes=59)).current == 1
        assert occupancy(office=office, at=MORNING + timedelta(hours=1)).current == 0

    def test_checking_out_after_the_visit_ended_changes_nothing(self, office):
        visit = check_in(office).visit
        services.visit_check_out(visit=visit, at=MORNING + timedelta(hours=9))
        visit.refresh_from_db()
        assert visit.checked_out_at is None
        assert visit.ends_at == visit.auto_end_at

    def test_visits_end_by_time_without_any_job(self, office):
        check_in(office)
        assert occupancy(office=office, at=MORNING + timedelta(hours=6, minutes=59)).current == 1
        assert (
            occupancy(office=office, at=datetime(2026, 11, 25, 17, tzinfo=STOCKHOLM)).current == 0
        )


class TestSurvey:
    def test_answers_are_stored_once(self, office):
        visit = check_in(office).visit
        services.visit_answer_survey(visit=visit, would_otherwise="home", at=MORNING)
        services.visit_answer_survey(
            visit=visit, would_otherwise="workplace", travel_mode="walk", at=MORNING
        )
        visit.refresh_from_db()
        assert (visit.would_otherwise, visit.travel_mode, visit.commute_band) == (
            "home",
            "walk",
            "",
        )

    def test_usual_way_of_travelling_is_stored_and_checked(self, office):
        visit = check_in(office).visit
        with pytest.raises(DomainError) as error:
            services.visit_answer_survey(visit=visit, usual_mode="🚗", at=MORNING)
        assert (error.value.code, error.value.details.get("field")) == (
            "invalid_answer",
            "usual_mode",
        )
        services.visit_answer_survey(
            visit=visit,
            would_otherwise="workplace",
            commute_band="10-20",
            usual_mode="car",
            at=MORNING,
        )
        visit.refresh_from_db()
        assert (visit.commute_band, visit.usual_mode, visit.survey_done) == ("10-20", "car", True)

    @pytest.mark.parametrize("answer", ["helicopter", "<script>", "🚲", "x" * 300])
    def test_unknown_answers_are_refused(self, office, answer):
        visit = check_in(office).visit
        with pytest.raises(DomainError) as error:
            services.visit_answer_survey(visit=visit, travel_mode=answer, at=MORNING)
        assert error.value.code == "invalid_answer"
        visit.refresh_from_db()
        assert visit.travel_mode == ""

    def test_survey_closes_after_the_window(self, office):
        visit = check_in(office).visit
        with pytest.raises(DomainError) as error:
            services.visit_answer_survey(
                visit=visit, travel_mode="walk", at=MORNING + timedelta(hours=3)
            )
        assert error.value.code == "survey_closed"
        visit.refresh_from_db()
        assert (visit.travel_mode, visit.survey_done) == ("", False)


class TestHeadcount:
    def test_staff_add_a_group(self, office, host):
        visit = services.headcount_add(office=office, people=4, by=host, at=MORNING)
        assert (visit.source, visit.people, visit.recorded_by) == ("staff", 4, host)
        assert occupancy(office=office, at=MORNING).current == 4

    def test_headcount_after_closing_ends_by_midnight(self, office, host):
        evening = datetime(2026, 11, 25, 19, 0, tzinfo=STOCKHOLM)
        visit = services.headcount_add(office=office, people=12, by=host, at=evening)
        assert visit.auto_end_at == datetime(2026, 11, 26, 0, 0, tzinfo=STOCKHOLM)

    @pytest.mark.parametrize("people", [0, -1, 201])
    def test_bad_numbers_are_refused(self, office, host, people):
        with pytest.raises(DomainError):
            services.headcount_add(office=office, people=people, by=host, at=MORNING)
        assert Visit.objects.count() == 0

    def test_corrections_are_logged_with_who_and_when(self, office, host):
        visit = services.headcount_add(office=office, people=4, by=host, at=MORNING)
        first, second = MORNING + timedelta(minutes=5), MORNING + timedelta(minutes=20)
        with time_machine.travel(first, tick=False):
            services.headcount_correct(visit=visit, people=3, by=host, reason="Räknade fel")
        with time_machine.travel(second, tick=False):
            services.headcount_correct(visit=visit, people=0, by=host, reason="Dubbel")
        visit.refresh_from_db()
        assert visit.removed_at is not None
        assert occupancy(office=office, at=MORNING).current == 0
        log = list(
            VisitCorrection.objects.order_by("pk").values_list(
                "people_before", "people_after", "reason", "changed_by"
            )
        )
        assert log == [(4, 3, "Räknade fel", host.pk), (3, 0, "Dubbel", host.pk)]
        when = VisitCorrection.objects.order_by("pk").values_list("changed_at", flat=True)
        assert list(when) == [first, second]

    def test_correction_needs_a_reason(self, office, host):
        visit = services.headcount_add(office=office, people=4, by=host, at=MORNING)
        refusals = [("", "text_missing"), ("   ", "text_missing"), ("x" * 201, "text_too_long")]
        for reason, code in refusals:
            with pytest.raises(DomainError) as error:
                services.headcount_correct(visit=visit, people=2, by=host, reason=reason)
            assert (error.value.code, error.value.details["field"]) == (code, "reason")
        assert error.value.details["limit"] == 200
        visit.refresh_from_db()
        assert visit.people == 4
        assert not VisitCorrection.objects.exists()

    def test_only_headcounts_can_be_corrected(self, office, host):
        visit = check_in(office).visit
        with pytest.raises(DomainError) as error:
            services.headcount_correct(visit=visit, people=2, by=host, reason="Nej")
        assert error.value.code == "not_a_headcount"


class TestKiosks:
    def test_key_is_shown_once_and_stored_hashed(self, office, host):
        device, key = services.kiosk_create(office=office, name="Entré", by=host)
        assert key not in device.key_hash
        assert services.kiosk_for_key(key) == device
        assert services.kiosk_for_key("wrong") is None
        assert services.kiosk_for_key("") is None

    def test_revoked_key_stops_working(self, office, host):
        device, key = services.kiosk_create(office=office, name="Entré", by=host)
        services.kiosk_revoke(device=device)
        assert services.kiosk_for_key(key) is None
        assert KioskDevice.objects.get().revoked_at is not None

    @pytest.mark.parametrize("name", ["", "  ", "x" * 81])
    def test_name_is_required_and_not_too_long(self, office, host, name):
        with pytest.raises(DomainError) as error:
            services.kiosk_create(office=office, name=name, by=host)
        assert error.value.details["field"] == "name"
        assert not KioskDevice.objects.exists()
