"""The response clock: calendar days in Stockholm, late or on time, the on-time share.

The office's operator promises an answer within 10 days (``conftest.office``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from publicoffice.dialogue import clock
from publicoffice.dialogue.models import ProposalStatistic
from publicoffice.dialogue.moderation import hide
from publicoffice.dialogue.services.answers import proposal_withdraw
from tests.dialogue.factories import NOW, answer, local, person, platform_admin, propose
from tests.factories import OfficeFactory, OperatorFactory

pytestmark = pytest.mark.django_db


def test_weekends_count_the_promise_is_calendar_days(office, author):
    proposal = propose(author, office=office, now=local(date(2026, 11, 25), 9))  # a Wednesday
    assert proposal.answer_due == date(2026, 12, 5)
    assert proposal.answer_due.isoweekday() == 6  # due on a Saturday, not moved to Monday


@pytest.mark.parametrize(
    ("made", "due"),
    [
        # Spring forward: on Sunday 28 March 2027 the clocks go from 02:00 to 03:00.
        (local(date(2027, 3, 27), 12), date(2027, 4, 6)),
        (local(date(2027, 3, 28), 1, 30), date(2027, 4, 7)),
        (local(date(2027, 3, 28), 3, 30), date(2027, 4, 7)),
        (local(date(2027, 3, 28), 23, 30), date(2027, 4, 7)),
        # Fall back: on Sunday 31 October 2027, 02:00-03:00 happens twice.
        (local(date(2027, 10, 31), 2, 30), date(2027, 11, 10)),
        (local(date(2027, 10, 30), 23, 30), date(2027, 11, 9)),
        # Christmas and New Year count like any days.
        (local(date(2026, 12, 23), 16), date(2027, 1, 2)),
        (local(date(2026, 12, 31), 23, 59), date(2027, 1, 10)),
    ],
)
def test_due_is_the_local_day_of_making_plus_the_promise(office, author, made, due):
    proposal = propose(author, office=office, now=made)
    assert proposal.answer_due == due
    assert ProposalStatistic.objects.get().created_on == made.date()


def test_a_longer_promise_across_christmas(author):
    office = OfficeFactory(operator=OperatorFactory(answer_within_days=14))
    proposal = propose(author, office=office, now=local(date(2026, 12, 20), 12))
    assert proposal.answer_due == date(2027, 1, 3)


@pytest.mark.parametrize(
    ("made", "local_day"),
    [
        (local(date(2026, 11, 24), 23, 30), date(2026, 11, 24)),  # 22:30 UTC, the same day
        (local(date(2026, 11, 25), 0, 30), date(2026, 11, 25)),  # 23:30 UTC the day before
        (local(date(2027, 6, 15), 1, 30), date(2027, 6, 15)),  # 23:30 UTC in summer
    ],
)
def test_late_evening_and_after_midnight_count_from_the_local_day(office, author, made, local_day):
    proposal = propose(author, office=office, now=made.astimezone(UTC))
    assert proposal.answer_due == local_day + timedelta(days=10)
    assert ProposalStatistic.objects.get().created_on == local_day


@pytest.mark.parametrize(
    ("answered", "on_time"),
    [
        (local(date(2026, 12, 5), 0, 1), True),
        (local(date(2026, 12, 5), 23, 59), True),  # 22:59 UTC
        (local(date(2026, 12, 6), 0, 1), False),  # still 5 December in UTC
        (local(date(2026, 12, 20), 12), False),
        (local(date(2026, 11, 25), 9), True),  # the same day
    ],
)
def test_answered_on_the_due_day_is_on_time_the_day_after_is_late(
    proposal, host, answered, on_time
):
    assert proposal.answer_due == date(2026, 12, 5)
    answer(host, proposal, "considering", now=answered)
    statistic = ProposalStatistic.objects.get()
    assert statistic.answered_on_time is on_time
    assert statistic.days_to_first_answer == (answered.date() - date(2026, 11, 25)).days
    assert clock.answered_on_time(due=date(2026, 12, 5), answered_at=answered) is on_time


def test_days_between_counts_local_days():
    evening = local(date(2026, 11, 24), 23, 30)
    assert clock.days_between(evening, local(date(2026, 11, 25), 0, 10)) == 1
    assert clock.days_between(local(date(2026, 11, 25), 0, 10), local(date(2026, 11, 25), 23)) == 0
    spring = local(date(2027, 3, 27), 12)
    assert clock.days_between(spring, local(date(2027, 3, 29), 11)) == 2


def test_overdue_only_after_the_due_day_and_only_while_waiting(office, author, host):
    proposal = propose(author, office=office)
    due = proposal.answer_due
    assert clock.is_overdue(proposal, today=due) is False
    assert clock.is_overdue(proposal, today=due + timedelta(days=1)) is True

    answered = propose(person("Answered"), office=office)
    answer(host, answered, "planned", now=local(due + timedelta(days=3)))
    assert clock.is_overdue(answered, today=due + timedelta(days=5)) is False

    withdrawn = propose(person("Withdrawn"), office=office)
    proposal_withdraw(author=withdrawn.author, proposal=withdrawn, reason="Behövs inte.")
    withdrawn.refresh_from_db()
    assert clock.is_overdue(withdrawn, today=due + timedelta(days=5)) is False

    hidden = propose(person("Hidden"), office=office)
    hide(staff=host, item=hidden, reason="Reklam.")
    assert clock.is_overdue(hidden, today=due + timedelta(days=5)) is False


def test_age_in_days(proposal):
    assert clock.age_in_days(proposal, now=NOW) == 0
    assert clock.age_in_days(proposal, now=local(date(2026, 11, 25), 23, 59)) == 0
    assert clock.age_in_days(proposal, now=local(date(2026, 12, 1), 0, 5)) == 6


TODAY = date(2027, 3, 1)


def made_due_on(office, due: date, name: str):
    """A proposal at ``office`` due on ``due`` (10-day promise), by a new member."""
    return propose(person(name), office=office, now=local(due - timedelta(days=10), 10))


@pytest.fixture
def record(office, host):
    """Proposals at the office, due in and around the 90 days before 1 March 2027."""
    in_window = TODAY - timedelta(days=30)
    on_time = made_due_on(office, in_window, "OnTime")
    answer(host, on_time, "planned", now=local(in_window, 20))
    late = made_due_on(office, in_window, "Late")
    answer(host, late, "done", now=local(in_window + timedelta(days=1), 9))
    made_due_on(office, in_window, "Unanswered")  # late: still waiting after its day
    withdrawn = made_due_on(office, in_window, "Withdrawn")
    proposal_withdraw(
        author=withdrawn.author, proposal=withdrawn, reason="Fel kontor.", now=local(in_window, 8)
    )
    hidden = made_due_on(office, in_window, "Hidden")
    hide(staff=host, item=hidden, reason="Reklam.", now=local(in_window, 8))
    elsewhere = OfficeFactory()
    made_due_on(elsewhere, in_window, "Elsewhere")
    return {"on_time": on_time, "late": late}


def test_the_on_time_share_counts_due_proposals_of_the_office(office, record):
    assert clock.on_time_share(office=office, today=TODAY) == clock.OnTime(on_time=1, due=3)
    assert clock.on_time_share(office=office, today=TODAY).percent == 33


def test_the_window_is_the_90_days_before_today(office):
    for offset in (90, 89, 1, 0, -3):
        made_due_on(office, TODAY - timedelta(days=offset), f"Due{offset}")
    share = clock.on_time_share(office=office, today=TODAY)
    assert share == clock.OnTime(on_time=0, due=2)  # due 89 and 1 days ago, both late
    assert share.percent == 0


def test_no_due_proposals_is_no_share(office):
    assert clock.on_time_share(office=office, today=TODAY).percent is None


def test_the_share_survives_deleting_the_author_and_the_proposal(office, record):
    record["on_time"].author.delete()
    record["late"].delete()
    assert clock.on_time_share(office=office, today=TODAY) == clock.OnTime(on_time=1, due=3)


def test_an_answer_by_the_network_admin_counts_for_the_office(office, author):
    """Who answers does not matter; only when."""
    proposal = made_due_on(office, TODAY - timedelta(days=5), "ByAdmin")
    answer(platform_admin(), proposal, "considering", now=local(TODAY - timedelta(days=6)))
    assert clock.on_time_share(office=office, today=TODAY) == clock.OnTime(on_time=1, due=1)


def test_the_promise_comes_from_the_operator_or_the_network(settings):
    settings.DIALOGUE_ANSWER_DAYS = 21
    operator = OperatorFactory(answer_within_days=3)
    office = OfficeFactory(operator=operator)
    assert clock.promised_days(office=office, operator=None) == 3
    assert clock.promised_days(office=None, operator=operator) == 3
    assert clock.promised_days(office=None, operator=None) == 21
    assert clock.answer_due(made_at=datetime(2026, 11, 24, 23, 30, tzinfo=UTC), days=3) == date(
        2026, 11, 28
    )
