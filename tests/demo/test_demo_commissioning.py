"""``publicoffice demo`` tells how municipalities commission Public Offices.

Loaded with the network only (the history's figures are tested with the
history): a decided call with three applications, reviews and decisions,
two running commissions with reports (one overdue, one waiting for the
officer) and an open call; loading again gives the same story.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    Assessment,
    Call,
    CallStatus,
    Commission,
    Decision,
    Measure,
    Report,
    ReportStatus,
    Reviewer,
    Score,
    Section,
)
from publicoffice.demo.loader import load_demo

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# A Wednesday late in November 2026 that is no holiday, at 11 in the morning.
WEDNESDAY_11 = datetime(2026, 11, 25, 11, 0, tzinfo=STOCKHOLM)
ONLY_THE_NETWORK: dict[str, Any] = {
    name: False
    for name in ("visits", "bookings", "community", "events", "dialogue", "conduct", "history")
}

pytestmark = pytest.mark.django_db


def statuses(rows: object) -> Counter[str]:
    return Counter(row.status for row in rows)  # type: ignore[attr-defined]


def test_the_commissioning_story_is_there_and_loads_again():
    with (
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        time_machine.travel(WEDNESDAY_11, tick=False),
    ):
        result = load_demo(**ONLY_THE_NETWORK)
        now, today = timezone.now(), timezone.localdate()
        assert result.totals["commissioning: calls"] == 2

        decided = Call.objects.get(status=CallStatus.DECIDED, municipality__code="0181")
        assert decided.deadline < now and decided.title.startswith("Allmänt kontor i Hovsjö")
        assert decided.rubric.count() == 10 and decided.extra_criteria.count() == 2
        applications = list(decided.applications.all())
        assert statuses(applications) == {
            ApplicationStatus.APPROVED: 1,
            ApplicationStatus.DECLINED: 2,
        }
        approved = next(a for a in applications if a.status == ApplicationStatus.APPROVED)
        assert approved.co_applicants.get().confirmed_at is not None
        assert approved.info_requests.get().answered_at is not None
        planned = approved.planned_offices.get().office
        assert planned is not None and planned.slug == "hovsjo"
        private = [a for a in applications if a.is_private(Section.BUDGET)]
        assert len(private) == 1 and private[0].status == ApplicationStatus.DECLINED
        assert all(a.guideline_plans.count() == 10 for a in applications)
        assert Decision.objects.filter(application__call=decided).count() == 3
        conflicted = Reviewer.objects.get(application__call=decided, has_conflict=True)
        assert not conflicted.scores.exists() and conflicted.conflict_note
        assert Reviewer.objects.filter(application__call=decided).count() == 6
        assert Score.objects.filter(reviewer__application__call=decided).count() == 5 * 12
        assert Score.objects.filter(shared=True).exists()
        assert Score.objects.filter(value__isnull=True).count() == 1

        hovsjo, fittja = (
            Commission.objects.get(offices__slug="hovsjo"),
            Commission.objects.get(offices__slug="fittja"),
        )
        assert hovsjo.application == approved and fittja.application is None
        assert hovsjo.targets.count() == 6 and fittja.amendments.count() == 1
        assert statuses(hovsjo.reports.filter(period_ends__lt=today))[ReportStatus.SUBMITTED] == 1
        overdue = Report.objects.filter(status=ReportStatus.DUE, due_on__lt=today)
        assert [r.commission for r in overdue] == [fittja]
        accepted = Report.objects.filter(status=ReportStatus.ACCEPTED)
        assert accepted.count() >= 3
        assert all(set(r.figures) == set(Measure.values) for r in accepted)
        assert Assessment.objects.filter(report__in=accepted).count() == 20 * accepted.count()
        assert {a.rating for a in Assessment.objects.all()} == {"met", "partly", "not_met"}

        tumba = Call.objects.get(status=CallStatus.OPEN)
        assert tumba.municipality.code == "0127"
        assert tumba.published_at is not None and tumba.published_at < now < tumba.deadline
        assert tumba.followers.count() == 1
        assert tumba.applications.get().status == ApplicationStatus.DRAFT

        counts = (Application.objects.count(), Report.objects.count(), Score.objects.count())
        load_demo(**ONLY_THE_NETWORK)
        assert (Application.objects.count(), Report.objects.count(), Score.objects.count()) == (
            counts
        )
