"""E-mails about problem reports, the sweep's erasing, and the barrier flag on office pages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from publicoffice.dialogue.models import ProblemReport
from publicoffice.dialogue.moderation import hide
from publicoffice.dialogue.tasks import sweep_dialogue
from tests.dialogue.factories import NOW, days_after, host_of, person
from tests.dialogue.problem_makers import barrier, reopen, report, update

pytestmark = pytest.mark.django_db


class TestNotices:
    def test_a_member_hears_in_their_language(self, office, host, notices, mailoutbox):
        reporter = person("Layla", language="ar")
        problem = report(office, reporter=reporter)
        with notices():
            update(host, problem, "in_progress", text="نعمل على إصلاحه")
        (mail,) = mailoutbox
        assert mail.to == ["layla@example.org"]
        assert mail.extra_headers["Content-Language"] == "ar"
        assert "نعمل على إصلاحه" in mail.body
        assert f"https://kontor.example/ar/problems/{problem.public_id}/" in mail.body

    def test_a_visitor_hears_in_the_language_of_the_report(self, office, host, notices, mailoutbox):
        problem = report(office, contact_email="gast@example.org", language="en", title="Lift")
        with notices():
            update(host, problem, "fixed", text="Repaired.")
        (mail,) = mailoutbox
        assert mail.to == ["gast@example.org"]
        assert mail.extra_headers["Content-Language"] == "en"
        assert "Fixed" in mail.body and "Repaired." in mail.body
        assert "left your address with the report" in mail.body

    def test_nobody_to_tell_sends_nothing(self, office, host, notices, mailoutbox):
        problem = report(office)
        with notices():
            update(host, problem)
        assert mailoutbox == []

    def test_the_writer_is_not_told_of_their_own_update(self, office, notices, mailoutbox):
        problem = report(office, reporter=(staff := _host_who_reports(office)))
        with notices():
            update(staff, problem)
        assert mailoutbox == []

    def test_the_office_hears_of_a_new_report_and_a_reopening(
        self, office, host, stranger, notices, mailoutbox
    ):
        office.email = "ronna@example.org"
        office.save()
        with notices():
            problem = report(office, description="Hissen står still.")
        assert [m.to for m in mailoutbox] == [["ronna@example.org"]]
        assert "Hissen står still." in mailoutbox[0].body
        update(host, problem, "fixed")
        with notices():
            reopen(stranger, problem, now=days_after(NOW, 1), reason="Står still igen")
        assert mailoutbox[-1].to == ["ronna@example.org"]
        assert "Står still igen" in mailoutbox[-1].body


def _host_who_reports(office):
    return host_of(office, "Hostreporter")


def test_the_sweep_erases_old_addresses(office, host):
    long_ago = timezone.now() - timedelta(days=30)
    problem = report(office, contact_email="gast@example.org", now=long_ago)
    update(host, problem, "fixed", now=long_ago)
    result = sweep_dialogue.call(reschedule=False)
    assert result["problem_emails_erased"] == 1
    assert ProblemReport.objects.get().contact_email == ""


class TestBarrierFlag:
    def test_an_open_barrier_is_flagged_on_the_office_page_until_fixed(self, client, office, host):
        lift = barrier(office)
        report(office, title="Smutsigt kök", category="cleanliness")
        html = client.get("/en/offices/ronna/").content.decode()
        assert "Accessibility barriers reported" in html
        assert "Hissen är trasig" in html and "Smutsigt kök" not in html
        update(host, lift, "fixed")
        html = client.get("/en/offices/ronna/").content.decode()
        assert "Accessibility barriers reported" not in html

    def test_the_office_list_counts_barriers_per_office(self, client, office, other_office):
        barrier(office)
        barrier(office, title="Rampen saknas")
        barrier(other_office)
        html = client.get("/en/").content.decode()
        assert html.count("2 accessibility barriers reported, not fixed yet") == 1
        assert html.count("1 accessibility barrier reported, not fixed yet") == 1

    def test_a_hidden_barrier_is_not_flagged(self, client, office, host):
        hide(staff=host, item=barrier(office), reason="Fel kontor")
        assert "Accessibility barriers" not in client.get("/en/offices/ronna/").content.decode()
