"""The ranking arithmetic (weights, N/A, spread) and the review clock, worked by hand."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import time_machine

from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    CallCriterion,
    CallGuideline,
    CallStatus,
    InfoRequest,
    Score,
)
from publicoffice.commissioning.selectors.reviews import (
    ranking,
    review_days,
    spread,
    weighted_total,
)
from publicoffice.commissioning.services import info_requests
from tests.commissioning.conftest import NOW, STOCKHOLM, assign, make_application, make_call
from tests.factories import OperatorFactory

DEADLINE = datetime(2027, 3, 1, 12, 0, tzinfo=STOCKHOLM)


def test_weighted_total_leaves_not_applicable_out_of_both_sides():
    # Weights 2, 1, 3. Reviewer A: 4, N/A, 2 -> (2*4 + 3*2) / (2 + 3) = 14/5 = 2.8.
    assert weighted_total([(2, 4), (1, None), (3, 2)]) == pytest.approx(2.8)
    # Reviewer B: 5, 3, 5 -> (10 + 3 + 15) / 6 = 28/6.
    assert weighted_total([(2, 5), (1, 3), (3, 5)]) == pytest.approx(28 / 6)
    # Weight 0 counts nowhere; nothing scored is no total at all.
    assert weighted_total([(0, 5), (1, 1)]) == pytest.approx(1.0)
    assert weighted_total([(2, None)]) is None
    assert weighted_total([]) is None
    assert spread([2.8, 28 / 6]) == pytest.approx(28 / 6 - 2.8)
    assert spread([3.0]) == 0
    assert spread([]) is None


def _rubric(call):
    """The hand-worked rubric: guideline 1 (weight 2), guideline 2 (weight 1), a criterion (3)."""
    CallGuideline.objects.filter(call=call).exclude(guideline__number__in=(1, 2)).update(weight=0)
    CallGuideline.objects.filter(call=call, guideline__number=2).update(weight=1)
    criterion = CallCriterion.objects.create(call=call, title="Lokal förankring", weight=3)
    g1, g2 = (CallGuideline.objects.get(call=call, guideline__number=n).guideline for n in (1, 2))
    return g1, g2, criterion


def _score(reviewer, g1, g2, criterion, values):
    for target, value in zip((g1, g2, criterion), values, strict=True):
        key = "criterion" if target is criterion else "guideline"
        Score.objects.create(reviewer=reviewer, value=value, **{key: target})


def test_ranking_table_matches_the_hand_worked_example(world):
    call = make_call(world, status=CallStatus.REVIEW, deadline=DEADLINE)
    g1, g2, criterion = _rubric(call)
    first = make_application(world, call, status=ApplicationStatus.SUBMITTED)
    second = make_application(
        world, call, lead=world.other_operator, status=ApplicationStatus.SUBMITTED
    )
    make_application(world, call, lead=OperatorFactory())  # a draft: never listed
    a, b = assign(first, world.reviewer), assign(first, world.second_reviewer)
    _score(a, g1, g2, criterion, (4, None, 2))
    _score(b, g1, g2, criterion, (5, 3, 5))
    conflicted = assign(second, world.reviewer, conflict=True)
    _score(conflicted, g1, g2, criterion, (5, 5, 5))  # left from before: must not count
    c = assign(second, world.second_reviewer)
    _score(c, g1, g2, criterion, (5, 5, 5))

    Application.objects.filter(call=call).update(submitted_at=DEADLINE - timedelta(days=1))

    lines, rows = ranking(call, at=NOW)
    assert [line.weight for line in lines] == [2, 1, 3]
    assert [row.application for row in rows] == [second, first]
    top, runner_up = rows
    assert top.mean == pytest.approx(5.0)
    assert top.spread == 0
    assert [cell.conflict for cell in top.cells] == [True, False]
    assert top.cells[0].total is None
    assert [cell.total for cell in runner_up.cells] == [pytest.approx(2.8), pytest.approx(28 / 6)]
    assert runner_up.mean == pytest.approx((2.8 + 28 / 6) / 2)
    assert runner_up.spread == pytest.approx(28 / 6 - 2.8)
    assert runner_up.days == 8  # 1 March 12:00 to 10 March 10:00


def test_the_clock_starts_at_the_deadline_and_pauses_while_a_question_is_open(world):
    call = make_call(world, status=CallStatus.REVIEW, deadline=DEADLINE)
    application = make_application(world, call, status=ApplicationStatus.SUBMITTED)
    application.submitted_at = DEADLINE - timedelta(days=3)
    application.save()
    assert review_days(application, DEADLINE - timedelta(days=1)) == 0
    with time_machine.travel(DEADLINE + timedelta(days=5), tick=False):
        asked = info_requests.ask(officer=world.officer, application=application, question="Hyra?")
        application.refresh_from_db()
        assert application.status == ApplicationStatus.INFO_REQUESTED
    # Ten days later, unanswered: still five.
    assert review_days(application, DEADLINE + timedelta(days=15)) == 5
    with time_machine.travel(DEADLINE + timedelta(days=15), tick=False):
        info_requests.answer(user=world.operator_admin, info_request=asked, text="300 000 kr.")
        application.refresh_from_db()
        assert application.status == ApplicationStatus.SUBMITTED
    assert review_days(application, DEADLINE + timedelta(days=17, hours=1)) == 7
    # A second question overlapping an earlier one pauses the clock once.
    InfoRequest.objects.create(
        application=application,
        question="Och personalen?",
        asked_at=DEADLINE + timedelta(days=10),
        answered_at=DEADLINE + timedelta(days=16),
    )
    assert review_days(application, DEADLINE + timedelta(days=17, hours=1)) == 6


def test_a_late_submission_starts_the_clock_itself(world):
    call = make_call(world, status=CallStatus.REVIEW, deadline=DEADLINE)
    application = make_application(world, call, status=ApplicationStatus.SUBMITTED)
    application.submitted_at = DEADLINE + timedelta(days=2)  # e.g. a deadline moved back
    assert review_days(application, DEADLINE + timedelta(days=4, hours=23)) == 2


@pytest.mark.parametrize("count", [1, 4])
def test_the_ranking_reads_in_a_fixed_number_of_queries(
    world, count, django_assert_max_num_queries
):
    call = make_call(world, status=CallStatus.REVIEW, deadline=DEADLINE)
    for _ in range(count):
        application = make_application(
            world, call, lead=OperatorFactory(), status=ApplicationStatus.SUBMITTED
        )
        for user in (world.reviewer, world.second_reviewer):
            assign(application, user)
        InfoRequest.objects.create(application=application, question="?", asked_at=NOW)
    with django_assert_max_num_queries(7):
        _lines, rows = ranking(call, at=NOW)
        assert len(rows) == count
