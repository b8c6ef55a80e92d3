"""The response clock: when an answer is due, whether it is late, and the on-time share.

Days are **calendar days** in the office's time zone (Europe/Stockholm):
weekends and public holidays count, and a daylight-saving night is one day
like any other. A proposal made on 1 March with a 14-day promise is due on
15 March and answered on time when the first public answer comes on or
before that day. Counting calendar days keeps the promise easy to check for
anyone reading the page; an operator who wants to allow for holidays
promises more days (``Operator.answer_within_days``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.utils import timezone

from publicoffice.dialogue.models import OPEN_STATES, Proposal, ProposalStatistic
from publicoffice.places.models import Office, Operator

#: The window of the on-time share shown on office pages.
ON_TIME_WINDOW_DAYS = 90


def local_day(moment: datetime) -> date:
    return timezone.localdate(moment)


def promised_days(*, office: Office | None, operator: Operator | None) -> int:
    """The days the answering side promised: the operator's, else the network default."""
    owner = office.operator if office is not None else operator
    if owner is not None:
        return int(owner.answer_within_days)
    return int(settings.DIALOGUE_ANSWER_DAYS)


def answer_due(*, made_at: datetime, days: int) -> date:
    return local_day(made_at) + timedelta(days=days)


def answered_on_time(*, due: date, answered_at: datetime) -> bool:
    return local_day(answered_at) <= due


def days_between(start: datetime, end: datetime) -> int:
    """Calendar days from one moment to another, in local days (0 on the same day)."""
    return (local_day(end) - local_day(start)).days


def is_overdue(proposal: Proposal, *, today: date) -> bool:
    """Still waiting for its first answer after the day it was due."""
    return (
        proposal.first_answer_at is None
        and proposal.state in OPEN_STATES
        and proposal.hidden_at is None
        and today > proposal.answer_due
    )


def age_in_days(proposal: Proposal, *, now: datetime) -> int:
    return days_between(proposal.created_at, now)


@dataclass(frozen=True)
class OnTime:
    """Of the proposals due in the window, how many were answered by their day."""

    on_time: int
    due: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.on_time / self.due) if self.due else None


def on_time_share(*, office: Office, today: date) -> OnTime:
    """Proposals at ``office`` due in the last 90 days (up to ``today``), answered in time.

    Read from the statistics rows, so deleting an author or a proposal does
    not change the office's record. A proposal still unanswered after its
    day counts as late.
    """
    rows = ProposalStatistic.objects.filter(
        office=office,
        answer_due__gt=today - timedelta(days=ON_TIME_WINDOW_DAYS),
        answer_due__lt=today,
        excluded=False,
    )
    due = rows.count()
    on_time = rows.filter(answered_on_time=True).count()
    return OnTime(on_time=on_time, due=due)
