"""Review services: who may be assigned, conflicts of interest, scores 0–5, questions."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from publicoffice.commissioning.models import ApplicationStatus, CallStatus, Reviewer, Score
from publicoffice.commissioning.selectors.reviews import info_log, rubric_lines, shared_scores
from publicoffice.commissioning.services import info_requests, reviews
from publicoffice.commissioning.services.reviews import Answer
from publicoffice.core.errors import DomainError, ErrorCode
from tests.commissioning.conftest import assign, make_application, make_call

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def mails(settings: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any) -> Any:
    settings.TASKS = IMMEDIATE_TASKS
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def submitted(world):
    call = make_call(world, status=CallStatus.REVIEW)
    return make_application(world, call, status=ApplicationStatus.SUBMITTED)


def _refused(code: ErrorCode, action: Any) -> DomainError:
    with pytest.raises(DomainError) as caught:
        action()
    assert caught.value.code == code
    return caught.value


def test_only_the_municipalitys_staff_can_be_assigned_and_each_is_told(
    world, submitted, mails, mailoutbox
):
    for outsider in (world.other_officer, world.operator_admin, world.stranger, None):
        _refused(
            ErrorCode.REVIEWER_INVALID,
            lambda u=outsider: reviews.assign_reviewer(
                officer=world.officer, application=submitted, user=u
            ),
        )
    _refused(
        ErrorCode.NOT_ALLOWED,
        lambda: reviews.assign_reviewer(
            officer=world.other_officer, application=submitted, user=world.reviewer
        ),
    )
    world.reviewer.preferred_language = "en"
    world.reviewer.save()
    with mails():
        reviewer = reviews.assign_reviewer(
            officer=world.officer, application=submitted, user=world.reviewer
        )
        again = reviews.assign_reviewer(
            officer=world.officer, application=submitted, user=world.reviewer
        )
    assert again == reviewer and Reviewer.objects.count() == 1
    assert [m.to for m in mailoutbox] == [[world.reviewer.email]]
    with translation.override("en"):
        assert mailoutbox[0].subject == translation.gettext("An application for you to review")
    assert f"/reviews/{reviewer.pk}/" in mailoutbox[0].body


def test_scoring_waits_for_the_declaration_and_a_conflict_stops_it(world, submitted):
    reviewer = assign(submitted, world.reviewer, conflict=None)
    line = rubric_lines(submitted.call)[0]
    score = {line.key: Answer("3")}
    _refused(
        ErrorCode.CONFLICT_NOT_DECLARED,
        lambda: reviews.save_scores(user=world.reviewer, reviewer=reviewer, answers=score),
    )
    _refused(
        ErrorCode.NOT_FOUND,
        lambda: reviews.declare_conflict(
            user=world.second_reviewer, reviewer=reviewer, has_conflict="no"
        ),
    )
    _refused(
        ErrorCode.BAD_VALUE,
        lambda: reviews.declare_conflict(user=world.reviewer, reviewer=reviewer, has_conflict="?"),
    )
    reviews.declare_conflict(
        user=world.reviewer, reviewer=reviewer, has_conflict="yes", note="Min bror är ordförande."
    )
    error = _refused(
        ErrorCode.CONFLICT_OF_INTEREST,
        lambda: reviews.save_scores(user=world.reviewer, reviewer=reviewer, answers=score),
    )
    assert error.status == 403
    _refused(
        ErrorCode.CONFLICT_OF_INTEREST,
        lambda: reviews.complete_review(user=world.reviewer, reviewer=reviewer),
    )
    assert not Score.objects.exists()


@pytest.mark.parametrize("bad", ["6", "-1", "abc", "٣", "3.5", 6, -1])
def test_scores_are_zero_to_five_or_not_applicable(world, submitted, bad):
    reviewer = assign(submitted, world.reviewer)
    first, second = rubric_lines(submitted.call)[:2]
    error = _refused(
        ErrorCode.SCORE_INVALID,
        lambda: reviews.save_scores(
            user=world.reviewer,
            reviewer=reviewer,
            answers={first.key: Answer("4"), second.key: Answer(bad)},
        ),
    )
    assert error.details["field"] == second.key
    assert not Score.objects.exists()  # all or nothing


def test_save_as_you_go_then_complete(world, submitted):
    reviewer = assign(submitted, world.reviewer)
    lines = rubric_lines(submitted.call)
    assert len(lines) == 10
    reviews.save_scores(
        user=world.reviewer,
        reviewer=reviewer,
        answers={lines[0].key: Answer("0", "Svagt.", True), lines[1].key: Answer("na")},
    )
    assert sorted(Score.objects.values_list("value", flat=True), key=str) == [0, None]
    _refused(
        ErrorCode.SCORE_INVALID,
        lambda: reviews.complete_review(user=world.reviewer, reviewer=reviewer),
    )
    # A comment without a score is refused rather than lost; an empty line clears it.
    _refused(
        ErrorCode.SCORE_INVALID,
        lambda: reviews.save_scores(
            user=world.reviewer, reviewer=reviewer, answers={lines[2].key: Answer("", "Hmm")}
        ),
    )
    reviews.save_scores(user=world.reviewer, reviewer=reviewer, answers={lines[1].key: Answer("")})
    assert Score.objects.count() == 1
    reviews.save_scores(
        user=world.reviewer,
        reviewer=reviewer,
        answers={line.key: Answer("5") for line in lines[1:]},
    )
    done = reviews.complete_review(user=world.reviewer, reviewer=reviewer)
    assert done.completed_at is not None
    assert Score.objects.get(guideline_id=lines[0].guideline_id).comment == "Svagt."


def test_private_comments_are_hidden_from_the_other_reviewer(world, submitted):
    mine = assign(submitted, world.reviewer)
    assign(submitted, world.second_reviewer)
    first, second = rubric_lines(submitted.call)[:2]
    reviews.save_scores(
        user=world.reviewer,
        reviewer=mine,
        answers={
            first.key: Answer("4", "Delad kommentar", True),
            second.key: Answer("2", "Privat kommentar", False),
        },
    )
    seen_by_reviewer = shared_scores(submitted, officer=False)
    assert [s.comment for s in seen_by_reviewer] == ["Delad kommentar"]
    seen_by_officer = shared_scores(submitted, officer=True)
    assert len(seen_by_officer) == 2  # every score; the page shows only shared comments


def test_a_question_and_its_answer_stay_on_record_and_both_sides_are_told(
    world, submitted, mails, mailoutbox
):
    _refused(
        ErrorCode.NOT_ALLOWED,
        lambda: info_requests.ask(officer=world.other_officer, application=submitted, question="?"),
    )
    _refused(
        ErrorCode.TEXT_MISSING,
        lambda: info_requests.ask(officer=world.officer, application=submitted, question="  "),
    )
    _refused(
        ErrorCode.TEXT_TOO_LONG,
        lambda: info_requests.ask(
            officer=world.officer, application=submitted, question="x" * 8001
        ),
    )
    with mails():
        asked = info_requests.ask(
            officer=world.officer, application=submitted, question="Vilken hyra?"
        )
    recipients = sorted(m.to[0] for m in mailoutbox)
    assert recipients == sorted([submitted.contact_email, world.operator_admin.email])
    assert f"/information/{asked.pk}/answer/" in mailoutbox[0].body
    mailoutbox.clear()
    _refused(
        ErrorCode.NOT_ALLOWED,
        lambda: info_requests.answer(user=world.other_admin, info_request=asked, text="Nej"),
    )
    with mails():
        info_requests.answer(user=world.operator_admin, info_request=asked, text="300 000 kr.")
    assert [m.to for m in mailoutbox] == [[world.officer.email]]
    _refused(
        ErrorCode.NOT_ALLOWED,
        lambda: info_requests.answer(user=world.operator_admin, info_request=asked, text="igen"),
    )
    log = info_log(submitted)
    assert [(q.question, q.answer) for q in log] == [("Vilken hyra?", "300 000 kr.")]
