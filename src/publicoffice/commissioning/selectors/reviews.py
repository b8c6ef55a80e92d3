"""Reads of the review stage: who reviews what, the ranking table, the clock, the log.

Every object is looked up *for* someone: a row that is not theirs to see is
"not found" (404), never "forbidden", so nobody learns which applications
exist in another municipality or are assigned to someone else.

The ranking arithmetic is kept in small pure functions
(:func:`weighted_total`, :func:`spread`) so it can be checked by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import fmean

from django.db.models import Count, Prefetch, Q, QuerySet

from publicoffice.accounts.actors import AnyUser
from publicoffice.accounts.models import Role, User
from publicoffice.commissioning import policies
from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    Call,
    CallCriterion,
    CallGuideline,
    InfoRequest,
    Reviewer,
    Score,
)
from publicoffice.core.errors import DomainError, ErrorCode

#: Applications the municipality has received (a draft is the applicant's alone).
RECEIVED = ~Q(status__in=(ApplicationStatus.DRAFT,))
DAY = timedelta(days=1)


# -- looking things up for someone -----------------------------------------------------


def call_for_officer(user: AnyUser, pk: int) -> Call:
    """The call, if the user is its officer; CALL_NOT_FOUND otherwise."""
    call = Call.objects.select_related("municipality").filter(pk=pk).first()
    if call is None or not policies.can_manage_call(user, call):
        raise DomainError(ErrorCode.CALL_NOT_FOUND)
    return call


def _applications() -> QuerySet[Application]:
    return Application.objects.filter(RECEIVED).select_related("call", "lead")


def application_for_officer(user: AnyUser, pk: int) -> Application:
    """A received application of the officer's municipality; APPLICATION_NOT_FOUND otherwise."""
    application = _applications().filter(pk=pk).prefetch_related("reviewers__user").first()
    if application is None or not policies.can_manage_application(user, application):
        raise DomainError(ErrorCode.APPLICATION_NOT_FOUND)
    return application


def application_for_shared(user: AnyUser, pk: int) -> Application:
    """A received application the user may see at all; refused (403) without the right
    to read the shared reviews: applicants, and reviewers with a conflict or undeclared."""
    application = (
        _applications().filter(pk=pk).prefetch_related("reviewers", "co_applicants").first()
    )
    if application is None or not policies.can_see_application(user, application):
        raise DomainError(ErrorCode.APPLICATION_NOT_FOUND)
    if not policies.can_see_shared_reviews(user, application):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    return application


def reviewer_for(user: AnyUser, pk: int) -> Reviewer:
    """The user's own assignment ``pk``; someone else's is not found."""
    reviewer = (
        Reviewer.objects.select_related("application__call", "application__lead", "user")
        .filter(pk=pk, user_id=getattr(user, "pk", 0) or 0)
        .filter(application__in=_applications())
        .first()
    )
    if reviewer is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    return reviewer


def reviewer_in(application: Application, pk: int) -> Reviewer:
    """One assignment on ``application`` (for the officer removing it)."""
    for reviewer in application.reviewers.all():
        if reviewer.pk == pk:
            return reviewer
    raise DomainError(ErrorCode.NOT_FOUND)


def info_request_for_answer(user: AnyUser, pk: int) -> InfoRequest:
    """A question to the user's operator; a question to anyone else is not found."""
    request = InfoRequest.objects.select_related("application__call").filter(pk=pk).first()
    if request is None or not policies.is_lead(user, request.application):
        raise DomainError(ErrorCode.NOT_FOUND)
    return request


def my_reviews(user: AnyUser) -> list[Reviewer]:
    """The user's assignments, newest application first, with how many lines are scored."""
    return list(
        Reviewer.objects.filter(user_id=getattr(user, "pk", 0) or 0)
        .filter(application__in=_applications())
        .select_related("application__call", "application__lead")
        .annotate(scored=Count("scores"))
        .order_by("-application__submitted_at", "-pk")
    )


def reviewer_candidates(municipality_id: int) -> list[User]:
    """The municipality's staff who may review: its reviewers and officers (one query)."""
    return list(
        User.objects.filter(
            is_active=True,
            role_assignments__municipality_id=municipality_id,
            role_assignments__role__in=(Role.MUNICIPAL_REVIEWER, Role.MUNICIPAL_OFFICER),
        )
        .distinct()
        .order_by("display_name", "email")
    )


def lead_admins(application: Application) -> list[User]:
    """The admins of the application's lead operator: they answer questions."""
    return list(
        User.objects.filter(
            is_active=True,
            role_assignments__role=Role.OPERATOR_ADMIN,
            role_assignments__operator_id=application.lead_id,
        ).distinct()
    )


def info_request_by_id(pk: int) -> InfoRequest | None:
    return InfoRequest.objects.select_related("application__call", "asked_by").filter(pk=pk).first()


def reviewer_by_id(pk: int) -> Reviewer | None:
    return Reviewer.objects.select_related("application__call", "user").filter(pk=pk).first()


# -- the rubric ------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of a call's rubric: a weighted guideline or one of the call's criteria."""

    key: str
    title: str
    weight: int
    guidance: str
    guideline_id: int | None = None
    criterion_id: int | None = None


def rubric_lines(call: Call) -> list[Line]:
    """The lines a reviewer scores: guidelines weighted above 0, then the call's criteria."""
    guidelines = CallGuideline.objects.filter(call=call, weight__gt=0).select_related("guideline")
    criteria = CallCriterion.objects.filter(call=call)
    return [
        Line(
            f"g{row.guideline_id}",
            f"{row.guideline.number}. {row.guideline.title}",
            row.weight,
            row.good_answer,
            guideline_id=row.guideline_id,
        )
        for row in guidelines
    ] + [
        Line(f"c{row.pk}", row.title, row.weight, row.description, criterion_id=row.pk)
        for row in criteria
    ]


def key_of(score: Score) -> str:
    return f"g{score.guideline_id}" if score.guideline_id else f"c{score.criterion_id}"


def scores_by_key(reviewer: Reviewer) -> dict[str, Score]:
    return {key_of(score): score for score in reviewer.scores.all()}


# -- the ranking arithmetic --------------------------------------------------------------


def weighted_total(lines: Iterable[tuple[int, int | None]]) -> float | None:
    """Σ weight × score ÷ Σ weight over the lines scored; N/A lines (None) count in neither.

    The result is a mean on the 0–5 scale; None when nothing was scored.
    """
    scored = [(weight, value) for weight, value in lines if value is not None and weight > 0]
    weights = sum(weight for weight, _ in scored)
    if not weights:
        return None
    return sum(weight * value for weight, value in scored) / weights


def spread(totals: Iterable[float]) -> float | None:
    """How far the reviewers disagree: the highest total minus the lowest."""
    values = list(totals)
    return max(values) - min(values) if values else None


@dataclass
class ReviewerCell:
    reviewer: Reviewer
    total: float | None
    answered: int

    @property
    def conflict(self) -> bool:
        return self.reviewer.has_conflict is True


@dataclass
class RankRow:
    application: Application
    cells: list[ReviewerCell] = field(default_factory=list)
    days: int = 0

    @property
    def totals(self) -> list[float]:
        return [c.total for c in self.cells if not c.conflict and c.total is not None]

    @property
    def mean(self) -> float | None:
        return fmean(self.totals) if self.totals else None

    @property
    def spread(self) -> float | None:
        return spread(self.totals)


def _cell(reviewer: Reviewer, weights: dict[str, int]) -> ReviewerCell:
    scores = [s for s in reviewer.scores.all() if key_of(s) in weights]
    total = None
    if reviewer.may_score:
        total = weighted_total((weights[key_of(s)], s.value) for s in scores)
    return ReviewerCell(reviewer, total, len(scores))


def ranking(call: Call, *, at: datetime) -> tuple[list[Line], list[RankRow]]:
    """The call's received applications, best weighted mean first (unscored last)."""
    lines = rubric_lines(call)
    weights = {line.key: line.weight for line in lines}
    applications = (
        _applications()
        .filter(call=call)
        .prefetch_related(
            Prefetch("reviewers", Reviewer.objects.select_related("user")),
            "reviewers__scores",
            Prefetch("info_requests", InfoRequest.objects.select_related("asked_by")),
        )
    )
    rows = [
        RankRow(a, [_cell(r, weights) for r in a.reviewers.all()], review_days(a, at))
        for a in applications
    ]
    rows.sort(key=lambda row: (row.mean is None, -(row.mean or 0), row.application.pk))
    return lines, rows


# -- what reviewers share ------------------------------------------------------------------


def shared_scores(application: Application, *, officer: bool) -> list[Score]:
    """The scores others may read: officers see every score, reviewers the shared ones.

    A comment not shared stays with its author; the template shows a
    comment only when ``shared`` is set. Reviewers with a conflict have no
    scores that count, so theirs are left out.
    """
    scores = Score.objects.filter(
        reviewer__application=application, reviewer__has_conflict=False
    ).select_related("reviewer__user", "guideline", "criterion")
    return list(scores if officer else scores.filter(shared=True))


# -- asking for more, and the clock -----------------------------------------------------------


def info_log(application: Application) -> list[InfoRequest]:
    """Every question asked of the applicant and its answer, oldest first."""
    return list(application.info_requests.select_related("asked_by", "answered_by"))


def review_days(application: Application, at: datetime) -> int:
    """Whole days the municipality has had the application, not counting open questions.

    The clock starts at the later of the submission and the call's deadline
    (nobody reviews before the call closes) and pauses while a question to
    the applicant is open (from ``asked_at`` to ``answered_at``, or to ``at``
    while unanswered). Overlapping questions pause it once. Days are spans
    of 24 hours, rounded down.
    """
    start = max(application.submitted_at or at, application.call.deadline)
    if at <= start:
        return 0
    paused = _paused(application.info_requests.all(), start, at)
    return int((at - start - paused) / DAY)


def _paused(requests: Iterable[InfoRequest], start: datetime, end: datetime) -> timedelta:
    spans = sorted(
        (max(r.asked_at, start), min(r.answered_at or end, end))
        for r in requests
        if r.asked_at < end
    )
    paused = timedelta(0)
    covered = start
    for begin, finish in spans:
        begin = max(begin, covered)
        if finish > begin:
            paused += finish - begin
            covered = finish
    return paused
