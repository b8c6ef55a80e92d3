"""Conduct's e-mails: each in its recipient's language, saying what it must and nothing more."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from publicoffice.conduct.models import AppealOutcome, Category, Incident, SanctionKind
from publicoffice.conduct.services.appeals import appeal_deadline
from publicoffice.conduct.services.sanctions import sanction_approve
from tests.conduct import notice_makers
from tests.conduct.notice_makers import (
    BASE,
    answer,
    appeal,
    decide,
    handle,
    network_rules,
    record,
    report,
)
from tests.dialogue.factories import NOW

pytestmark = pytest.mark.django_db

# The shared fixtures, by name.
clock = notice_makers.clock
notices = notice_makers.notices


def in_words(moment, fmt="DATETIME_FORMAT"):
    return formats.date_format(timezone.localtime(moment), fmt)


@pytest.fixture
def office_mail(office):
    office.email = "ronna@example.org"
    office.save()
    return office.email


class TestTheMemberHearsOfADecision:
    def test_the_statement_of_reasons_in_their_language(
        self, clock, office, host, member, notices, mailoutbox
    ):
        version = network_rules(host)
        with notices():
            sanction = decide(host, member, office)
        (mail,) = mailoutbox
        assert mail.to == [member.email]
        assert mail.extra_headers["Content-Language"] == "ar"
        with translation.override("ar"):
            assert mail.subject == gettext(
                "A decision about you under the house rules: %(kind)s"
            ) % {"kind": SanctionKind.RESTRICTION.label}
            expected = [
                gettext("What it stops"),
                f"{gettext('booking desks and rooms')}, {gettext('registering for events')}",
                gettext("%(scope)s (decided at %(office)s)")
                % {"scope": sanction.get_scope_display(), "office": office.name},
                in_words(sanction.ends_at),
                gettext("%(category)s (house rules, version %(number)s)")
                % {"category": Category.HARASSMENT.label, "number": version.number},
                "Skrek åt en annan besökare vid köket.",
                "Andra gången på en månad",
                gettext("A person took this decision, not a machine."),
                in_words(appeal_deadline(sanction)),
                f"{BASE}/ar/me/decisions/{sanction.public_id}/",
            ]
        for text in expected:
            assert text in mail.body, text
        html = mail.alternatives[0][0]
        assert 'lang="ar" dir="rtl"' in html
        assert f'href="{BASE}/ar/me/decisions/{sanction.public_id}/"' in html

    def test_a_note_stops_nothing_but_is_still_told(
        self, clock, office, host, other_member, notices, mailoutbox
    ):
        with notices():
            decide(host, other_member, office, kind="note")
        (mail,) = mailoutbox
        assert mail.extra_headers["Content-Language"] == "sv"
        with translation.override("sv"):
            assert gettext("Nothing: it is kept on record and counts if it happens again.") in (
                mail.body
            )
            assert gettext("until further notice") not in mail.body

    def test_an_indefinite_ban_is_told_once_approved(
        self, clock, office, host, second_host, member, notices, mailoutbox
    ):
        review = NOW + timedelta(days=180)
        with notices():
            ban = decide(host, member, office, kind="ban", review_at=review)
        assert mailoutbox == []  # waiting for the second staff member: it does not hold yet
        with notices():
            sanction_approve(staff=second_host, sanction=ban, now=NOW)
        (mail,) = mailoutbox
        with translation.override("ar"):
            assert gettext("until further notice") in mail.body
            assert in_words(review, "DATE_FORMAT") in mail.body
            assert gettext("checking in at an office") in mail.body

    def test_a_closed_account_is_not_written_to(
        self, clock, office, host, member, notices, mailoutbox
    ):
        member.is_active = False
        member.save()
        with notices():
            decide(host, member, office)
        assert mailoutbox == []


class TestAppeals:
    def test_the_office_hears_of_an_appeal_with_its_deadline_only(
        self, clock, office, office_mail, host, member, notices, mailoutbox
    ):
        sanction = decide(host, member, office)
        with notices():
            made = appeal(member, sanction, text="Det var någon annan, fråga Johan.")
        (mail,) = mailoutbox
        assert mail.to == [office_mail]
        assert mail.extra_headers["Content-Language"] == "sv"
        with translation.override("sv"):
            assert in_words(made.answer_due) in mail.subject
            assert gettext("Answer by") in mail.body
        assert f"{BASE}/sv/staff/appeals/{made.public_id}/" in mail.body
        assert "fråga Johan" not in mail.body and member.display_name not in mail.body

    def test_no_office_address_no_mail(self, clock, office, host, member, notices, mailoutbox):
        sanction = decide(host, member, office)
        with notices():
            appeal(member, sanction)
        assert mailoutbox == []

    def test_the_member_hears_the_answer_in_their_language(
        self, clock, office, host, second_host, member, notices, mailoutbox
    ):
        sanction = decide(host, member, office)
        made = appeal(member, sanction)
        new_end = NOW + timedelta(days=2)
        with notices():
            answer(second_host, made, "shortened", new_ends_at=new_end, reply="Två dagar räcker.")
        (mail,) = mailoutbox
        assert mail.to == [member.email]
        assert mail.extra_headers["Content-Language"] == "ar"
        with translation.override("ar"):
            assert gettext("Now holds until") in mail.body
            assert in_words(new_end) in mail.body
        assert "Två dagar räcker." in mail.body

    def test_the_office_hears_the_outcome_too(
        self, clock, office, office_mail, host, second_host, member, notices, mailoutbox
    ):
        made = appeal(member, decide(host, member, office))
        with notices():
            answer(second_host, made, "lifted", reply="Det var fel person.")
        to_office = [mail for mail in mailoutbox if mail.to == [office_mail]]
        (mail,) = to_office
        with translation.override("sv"):
            assert str(AppealOutcome.LIFTED.label) in mail.subject
        assert "Det var fel person." not in mail.body  # the reasons are the member's to read
        assert len(mailoutbox) == 2


class TestReports:
    def test_the_office_hears_of_a_report_without_its_details(
        self, clock, office, office_mail, notices, mailoutbox
    ):
        with notices():
            incident = report(office, contact="gast@example.org", language="fa")
        (mail,) = mailoutbox
        assert mail.to == [office_mail]
        assert "gast@example.org" not in mail.body + mail.alternatives[0][0]
        assert "hotade personalen" not in mail.body
        assert f"{BASE}/sv/staff/incidents/{incident.public_id}/" in mail.body

    def test_a_visitor_hears_in_the_reports_language_and_the_address_goes(
        self, clock, office, host, notices, mailoutbox
    ):
        incident = report(office, contact="gast@example.org", language="fa")
        with notices():
            handle(host, incident)
        (mail,) = mailoutbox
        assert mail.to == ["gast@example.org"]
        assert mail.extra_headers["Content-Language"] == "fa"
        with translation.override("fa"):
            assert mail.subject == gettext("Your report to %(office)s has been handled") % {
                "office": office.name
            }
            assert gettext("Your e-mail address is now deleted: it was kept only for this.") in (
                mail.body
            )
        assert "varning" not in mail.body and "Johan" not in mail.body and "Hanna" not in mail.body
        assert Incident.objects.get().reporter_contact == ""

    def test_a_member_who_reported_hears_in_their_language(
        self, clock, office, host, member, notices, mailoutbox
    ):
        incident = report(office, reporter=member)
        with notices():
            handle(host, incident)
        (mail,) = mailoutbox
        assert mail.to == [member.email]
        assert mail.extra_headers["Content-Language"] == "ar"
        with translation.override("ar"):
            assert (
                gettext("For the privacy of everyone involved, we do not say what was decided.")
                in mail.body
            )
        assert "varning" not in mail.body

    def test_nobody_is_told_without_a_contact(
        self, clock, office, host, other_member, notices, mailoutbox
    ):
        anonymous = report(office)
        recorded = record(host, office, member=other_member)
        with notices():
            handle(host, anonymous)
            handle(host, recorded)
        assert mailoutbox == []
