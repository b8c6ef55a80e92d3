"""Problem reports through the services: reporting, updates, reopening, retention, moderation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction

from publicoffice.dialogue import moderation
from publicoffice.dialogue.models import (
    ContentReport,
    ProblemCategory,
    ProblemReport,
    ProblemState,
    ProblemStatistic,
    ProblemUpdate,
)
from publicoffice.dialogue.services.problems import erase_contact_emails
from publicoffice.places.models import OfficeStatus
from tests.dialogue.factories import NOW, days_after, refused
from tests.dialogue.problem_makers import barrier, reopen, report, update

pytestmark = pytest.mark.django_db


class TestReporting:
    def test_a_visitor_reports_with_an_address_for_updates(self, office):
        problem = report(office, contact_email=" besok@example.org ")
        problem.refresh_from_db()
        assert (problem.office, problem.reporter, problem.state) == (office, None, "new")
        assert problem.contact_email == "besok@example.org"
        assert problem.created_at == NOW
        assert problem.answer_due == date(2026, 12, 5)  # the operator promises 10 days
        assert (problem.first_answer_at, problem.fixed_at, problem.reopened_count) == (
            None,
            None,
            0,
        )

    def test_a_member_reports_in_their_own_name(self, office, author):
        problem = report(office, reporter=author)
        assert problem.reporter == author and problem.contact_email == ""

    def test_the_statistics_row_keeps_no_people(self, office, author):
        problem = barrier(office, reporter=author)
        row = ProblemStatistic.objects.get()
        assert row.report_public_id == problem.public_id
        assert (row.office, row.category, row.state) == (office, "accessibility", "new")
        assert (row.created_on, row.answer_due) == (date(2026, 11, 25), date(2026, 12, 5))
        assert not {"reporter", "contact_email", "title"} & {f.name for f in row._meta.fields}
        author.delete()
        assert ProblemStatistic.objects.count() == 1

    @pytest.mark.parametrize("category", ProblemCategory.values)
    def test_every_category_is_accepted(self, office, category):
        assert report(office, category=category).category == category

    @pytest.mark.parametrize("category", ["lift", "", None, ["safety"], "SAFETY", 3])
    def test_a_category_outside_the_list_is_refused(self, office, category):
        with refused("problem_category_invalid", "category"):
            report(office, category=category)
        assert not ProblemReport.objects.exists()

    @pytest.mark.parametrize("email", ["nope", "a@b", "<script>@x.se", "a" * 250 + "@x.se", 7])
    def test_a_bad_address_is_refused(self, office, email):
        with refused("bad_email", "contact_email"):
            report(office, contact_email=email)

    @pytest.mark.parametrize(
        ("field", "value", "code"),
        [
            ("title", "", "text_missing"),
            ("title", "   \n\t ", "text_missing"),
            ("title", "x" * 121, "text_too_long"),
            ("description", "", "text_missing"),
            ("description", "y" * 4001, "text_too_long"),
            ("title", 12, "text_invalid"),
            ("language", "de", "language_unknown"),
        ],
    )
    def test_bad_texts_are_refused_at_their_field(self, office, field, value, code):
        with refused(code, field):
            report(office, **{field: value})
        assert not ProblemStatistic.objects.exists()

    def test_arabic_emoji_and_markup_are_kept_as_written(self, office):
        problem = report(
            office,
            title="المصعد معطل 🛗 <b>عاجل</b>",
            description="السطر الأول\u202e\n\n\n\nالسطر الثاني",
            language="ar",
        )
        assert problem.title == "المصعد معطل 🛗 <b>عاجل</b>"
        assert problem.description == "السطر الأول\n\nالسطر الثاني"

    @pytest.mark.parametrize("status", [OfficeStatus.PLANNED, OfficeStatus.CLOSED])
    def test_no_reports_at_offices_not_running(self, office, status):
        office.status = status
        office.save()
        with refused("office_not_open"):
            report(office)

    def test_a_paused_office_still_takes_reports(self, office):
        office.status = OfficeStatus.PAUSED
        office.save()
        assert report(office).pk


class TestUpdates:
    def test_the_first_update_stops_the_clock(self, office, host):
        problem = report(office)
        update(host, problem, "acknowledged", now=days_after(NOW, 3))
        assert problem.first_answer_at == days_after(NOW, 3)
        assert problem.state == "acknowledged"
        row = ProblemStatistic.objects.get()
        assert (row.state, row.days_to_first_answer, row.days_to_fix) == ("acknowledged", 3, None)
        update(host, problem, "in_progress", now=days_after(NOW, 5))
        assert problem.first_answer_at == days_after(NOW, 3)

    def test_fixing_records_the_day_and_the_days_it_took(self, office, host):
        problem = report(office)
        update(host, problem, "fixed", text="Ny toner isatt.", now=days_after(NOW, 6))
        assert (problem.state, problem.fixed_at) == ("fixed", days_after(NOW, 6))
        assert ProblemStatistic.objects.get().days_to_fix == 6
        written = ProblemUpdate.objects.get()
        assert (written.state, written.text, written.written_by) == (
            "fixed",
            "Ny toner isatt.",
            host,
        )
        assert written.reopening is False

    def test_the_same_state_again_is_a_plain_update(self, office, host):
        problem = report(office)
        update(host, problem, "in_progress", now=days_after(NOW, 1))
        update(host, problem, "in_progress", text="Delen är beställd.", now=days_after(NOW, 2))
        assert problem.state_changed_at == days_after(NOW, 1)
        assert ProblemUpdate.objects.count() == 2

    @pytest.mark.parametrize("state", ["new", "", None, "done", "FIXED"])
    def test_staff_cannot_set_other_states(self, office, host, state):
        problem = report(office)
        with refused("problem_state_invalid", "state"):
            update(host, problem, state)
        assert not ProblemUpdate.objects.exists()

    def test_a_duplicate_names_the_other_report(self, office, host):
        first, second = report(office), report(office, title="Skrivaren igen")
        with refused("problem_state_invalid", "duplicate_of"):
            update(host, second, "duplicate")
        with refused("problem_state_invalid", "duplicate_of"):
            update(host, second, "duplicate", duplicate_of=second)
        update(host, second, "duplicate", duplicate_of=first)
        assert (second.state, second.duplicate_of) == ("duplicate", first)

    def test_forwarding_says_to_whom(self, office, host):
        problem = report(office)
        with refused("text_missing", "forwarded_to"):
            update(host, problem, "forwarded", forwarded_to=" ")
        update(host, problem, "forwarded", forwarded_to="Fastighetsägaren")
        assert problem.forwarded_to == "Fastighetsägaren"

    def test_an_empty_or_huge_answer_is_refused(self, office, host):
        problem = report(office)
        with refused("text_missing", "text"):
            update(host, problem, text="")
        with refused("text_too_long", "text"):
            update(host, problem, text="z" * 4001)

    def test_a_hidden_report_is_not_updated(self, office, host):
        problem = report(office)
        moderation.hide(staff=host, item=problem, reason="Personuppgifter")
        with refused("not_allowed"):
            update(host, problem)


class TestReopening:
    def test_within_the_window_it_goes_back_to_acknowledged(self, office, host, stranger):
        problem = report(office)
        update(host, problem, "fixed", now=days_after(NOW, 2))
        written = reopen(
            stranger, problem, now=days_after(NOW, 16), reason="Hissen står still igen"
        )
        assert (problem.state, problem.fixed_at, problem.reopened_count) == (
            "acknowledged",
            None,
            1,
        )
        assert (written.reopening, written.written_by, written.state) == (
            True,
            stranger,
            "acknowledged",
        )
        assert written.text == "Hissen står still igen"
        row = ProblemStatistic.objects.get()
        assert (row.state, row.reopened) == ("acknowledged", 1)

    def test_after_the_window_it_is_refused(self, office, host, stranger):
        problem = report(office)
        update(host, problem, "fixed", now=days_after(NOW, 2))
        with refused("reopen_too_late"):
            reopen(stranger, problem, now=days_after(NOW, 16) + timedelta(seconds=1))
        assert problem.state == "fixed"

    def test_the_window_is_a_setting(self, office, host, stranger, settings):
        settings.DIALOGUE_REOPEN_DAYS = 3
        problem = report(office)
        update(host, problem, "fixed")
        with refused("reopen_too_late"):
            reopen(stranger, problem, now=days_after(NOW, 4))

    @pytest.mark.parametrize("state", ["new", "acknowledged", "in_progress", "not_a_problem"])
    def test_only_a_fixed_report_is_reopened(self, office, host, stranger, state):
        problem = report(office)
        if state != "new":
            update(host, problem, state)
        with refused("problem_not_fixed"):
            reopen(stranger, problem, now=days_after(NOW, 1))

    def test_fixed_again_it_may_be_reopened_again(self, office, host, author):
        problem = report(office, reporter=author)
        update(host, problem, "fixed")
        reopen(author, problem, now=days_after(NOW, 1))
        update(host, problem, "fixed", now=days_after(NOW, 20))
        assert ProblemStatistic.objects.get().days_to_fix == 20
        reopen(author, problem, now=days_after(NOW, 30))
        assert problem.reopened_count == 2

    def test_a_reason_is_needed(self, office, host, stranger):
        problem = report(office)
        update(host, problem, "fixed")
        with refused("text_missing", "reason"):
            reopen(stranger, problem, now=days_after(NOW, 1), reason="  ")


class TestRetention:
    def test_a_visitors_address_goes_two_weeks_after_the_report_ends(self, office, host):
        fixed = report(office, contact_email="a@example.org")
        closed = report(office, contact_email="b@example.org")
        still_open = report(office, contact_email="c@example.org")
        update(host, fixed, "fixed", now=days_after(NOW, 1))
        update(host, closed, "not_a_problem", now=days_after(NOW, 1))
        update(host, still_open, "in_progress", now=days_after(NOW, 1))
        assert erase_contact_emails(now=days_after(NOW, 15)) == 0
        assert erase_contact_emails(now=days_after(NOW, 15) + timedelta(minutes=1)) == 2
        emails = dict(ProblemReport.objects.values_list("pk", "contact_email"))
        assert emails == {fixed.pk: "", closed.pk: "", still_open.pk: "c@example.org"}

    def test_a_hidden_reports_address_goes_too(self, office, host):
        problem = report(office, contact_email="a@example.org")
        moderation.hide(staff=host, item=problem, reason="Reklam", now=NOW)
        assert erase_contact_emails(now=days_after(NOW, 15)) == 1


class TestModeration:
    def test_anyone_reports_a_report_and_hiding_handles_it(self, office, host, stranger):
        problem = report(office)
        flag = moderation.report(reporter=stranger, item=problem, reason="Namn på en person")
        assert (flag.problem, flag.proposal, flag.argument) == (problem, None, None)
        moderation.hide(staff=host, item=problem, reason="Personuppgifter")
        problem.refresh_from_db()
        assert problem.hidden_reason == "Personuppgifter" and problem.hidden_at is not None
        assert ContentReport.objects.get().handled_at is not None
        assert not ProblemReport.objects.visible().exists()

    def test_a_content_report_names_something(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            ContentReport.objects.create(reason="Inget alls")


def test_states_are_all_named():
    assert set(ProblemState.values) == {
        "new",
        "acknowledged",
        "in_progress",
        "fixed",
        "not_a_problem",
        "duplicate",
        "forwarded",
    }
