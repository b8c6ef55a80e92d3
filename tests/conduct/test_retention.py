"""The conduct sweep: details erased only after the retention period, figures and log kept."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.forms.models import model_to_dict

from publicoffice.conduct.models import (
    Appeal,
    AuditAction,
    AuditEntry,
    Incident,
    Sanction,
    Severity,
    Source,
)
from publicoffice.conduct.services import retention
from publicoffice.conduct.services.sanctions import sanction_approve
from publicoffice.conduct.tasks import conduct_sweep
from tests.conduct import notice_makers
from tests.conduct.notice_makers import (
    answer,
    appeal,
    decide,
    handle,
    record,
    report,
)
from tests.dialogue.factories import NOW, days_after

pytestmark = pytest.mark.django_db

# The shared fixtures, by name.
clock = notice_makers.clock
notices = notice_makers.notices

YEARS = timedelta(days=730)


@pytest.fixture(autouse=True)
def period(settings):
    settings.CONDUCT_RETENTION_DAYS = 730


def log_rows() -> dict[int, dict]:
    return {e.pk: model_to_dict(e) for e in AuditEntry.objects.all()}


class TestIncidents:
    def test_details_go_after_the_period_and_the_figures_stay(
        self, clock, office, host, member, other_member
    ):
        incident = handle(host, report(office, reporter=other_member, contact="x@example.org"))
        incident.member = member
        incident.save()
        assert retention.erase_old_incidents(now=NOW + YEARS - timedelta(minutes=1)) == 0
        assert Incident.objects.get().description != ""

        later = NOW + YEARS + timedelta(minutes=1)
        assert retention.erase_old_incidents(now=later) == 1
        row = Incident.objects.get()
        assert (row.description, row.person_description, row.reporter_contact, row.outcome) == (
            "",
            "",
            "",
            "",
        )
        assert (row.member, row.reporter, row.erased_at) == (None, None, later)
        assert (row.office, row.category, row.severity, row.source, row.occurred_at) == (
            office,
            "threat",
            Severity.LOW,
            Source.REPORT,
            NOW,
        )
        assert row.handled_at == NOW and row.handled_by == host
        assert retention.erase_old_incidents(now=later + timedelta(days=1)) == 0  # once

    def test_the_log_records_the_erasure_and_forgets_whom_it_was_about(
        self, clock, office, host, member, other_member
    ):
        erased = handle(host, record(host, office, member=member))
        kept = record(host, office, member=other_member, now=NOW + YEARS)
        before = log_rows()
        retention.erase_old_incidents(now=NOW + YEARS + timedelta(days=1))
        after = log_rows()

        (new,) = AuditEntry.objects.filter(action=AuditAction.INCIDENT_ERASED)
        assert (new.target, new.office, new.actor, new.subject) == (
            str(erased.public_id),
            office,
            None,
            None,
        )
        assert set(after) == set(before) | {new.pk}
        for pk, row in before.items():
            if row["target"] == str(erased.public_id):
                assert after[pk] == {**row, "subject": None, "note": ""}
            else:
                assert after[pk] == row, row
        assert AuditEntry.objects.filter(target=str(kept.public_id), subject=other_member).exists()

    def test_open_incidents_and_those_of_running_decisions_stay(
        self, clock, office, host, second_host, member
    ):
        unhandled = record(host, office, member=member)
        banned = handle(host, record(host, office, member=member))
        ban = decide(host, member, office, kind="ban", review_at=NOW + YEARS, incidents=[banned])
        sanction_approve(staff=second_host, sanction=ban, now=NOW)
        restricted = handle(host, record(host, office, member=member))
        decide(host, member, office, incidents=[restricted], ends_at=NOW + YEARS)

        assert retention.erase_old_incidents(now=NOW + YEARS + timedelta(days=1)) == 0
        # The restriction ended two years ago now; the ban holds; the open one waits.
        assert retention.erase_old_incidents(now=NOW + 2 * YEARS + timedelta(days=1)) == 1
        assert Incident.objects.get(pk=restricted.pk).erased_at is not None
        assert Incident.objects.get(pk=banned.pk).erased_at is None
        assert Incident.objects.get(pk=unhandled.pk).erased_at is None


class TestDecisions:
    def test_a_decision_and_its_appeal_are_erased_after_it_ended(
        self, clock, office, host, second_host, member
    ):
        sanction = decide(host, member, office)  # ends in a week
        answer(second_host, appeal(member, sanction), "kept")
        ended = sanction.ends_at
        assert retention.erase_old_sanctions(now=ended + YEARS - timedelta(minutes=1)) == 0
        assert retention.erase_old_sanctions(now=ended + YEARS + timedelta(minutes=1)) == 1

        row = Sanction.objects.get()
        assert (row.facts, row.grounds, row.member) == ("", "", None)
        assert row.erased_at == ended + YEARS + timedelta(minutes=1)
        assert (row.kind, row.scope, row.office, row.starts_at, row.ends_at) == (
            "restriction",
            "office",
            office,
            NOW,
            ended,
        )
        assert (Appeal.objects.get().text, Appeal.objects.get().reply) == ("", "")
        assert not AuditEntry.objects.filter(subject__isnull=False).exists()
        assert AuditEntry.objects.filter(action=AuditAction.APPEAL_MADE, actor=None).exists()

    def test_notes_count_from_their_day_and_lifted_ones_from_their_lifting(
        self, clock, office, host, second_host, member
    ):
        note = decide(host, member, office, kind="note")
        lifted = decide(host, member, office, ends_at=NOW + 2 * YEARS)
        answer(second_host, appeal(member, lifted), "lifted", now=days_after(NOW, 3))
        running = decide(host, member, office, ends_at=NOW + 2 * YEARS)

        assert retention.erase_old_sanctions(now=NOW + YEARS + timedelta(days=1)) == 1
        assert Sanction.objects.get(pk=note.pk).erased_at is not None
        assert retention.erase_old_sanctions(now=NOW + YEARS + timedelta(days=4)) == 1
        assert Sanction.objects.get(pk=lifted.pk).facts == ""
        assert Sanction.objects.get(pk=running.pk).facts != ""


class TestReviews:
    def test_the_office_is_told_once_when_a_ban_is_due_for_review(
        self, clock, office, host, second_host, member, notices, mailoutbox
    ):
        office.email = "ronna@example.org"
        office.save()
        review = NOW + timedelta(days=90)
        ban = decide(host, member, office, kind="ban", review_at=review)
        sanction_approve(staff=second_host, sanction=ban, now=NOW)
        mailoutbox.clear()

        clock.move_to(review - timedelta(hours=1))
        assert conduct_sweep.call(reschedule=False)["reviews_due"] == 0
        clock.move_to(review + timedelta(hours=1))
        with notices():
            assert conduct_sweep.call(reschedule=False)["reviews_due"] == 1
        (mail,) = mailoutbox
        assert mail.to == ["ronna@example.org"]
        assert f"/sv/staff/decisions/{ban.public_id}/" in mail.body
        assert conduct_sweep.call(reschedule=False)["reviews_due"] == 0

        later = review + timedelta(days=90)  # kept, with a new review date
        Sanction.objects.filter(pk=ban.pk).update(review_at=later)
        clock.move_to(later + timedelta(hours=1))
        assert conduct_sweep.call(reschedule=False)["reviews_due"] == 1


def test_the_command_runs_the_sweep(clock, office, host, member):
    handle(host, record(host, office, member=member))
    clock.move_to(NOW + YEARS + timedelta(days=1))
    out = StringIO()
    call_command("conduct_sweep", stdout=out)
    assert out.getvalue().startswith("1 incidents and 0 decisions erased, 0 bans due for review.")
