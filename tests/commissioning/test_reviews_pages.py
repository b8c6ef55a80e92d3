"""The review pages through the client: who sees what, refusals, forms and query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from publicoffice.commissioning.models import (
    ApplicationStatus,
    CallStatus,
    InfoRequest,
    Reviewer,
    Score,
)
from publicoffice.commissioning.selectors.reviews import rubric_lines
from publicoffice.core.errors import ERRORS, ErrorCode
from tests.commissioning.conftest import NOW, assign, make_application, make_call
from tests.factories import OperatorFactory


@pytest.fixture
def setup(world):
    call = make_call(world, status=CallStatus.REVIEW)
    application = make_application(world, call, status=ApplicationStatus.SUBMITTED)
    mine = assign(application, world.reviewer)
    theirs = assign(application, world.second_reviewer, conflict=True)
    return call, application, mine, theirs


def _get(client, user, name, *args):
    client.force_login(user)
    return client.get(reverse(f"commissioning:{name}", args=args))


def test_officer_pages_are_the_municipalitys_own(client, world, setup):
    call, application, _mine, _ = setup
    for name, pk in (
        ("call_applications", call.pk),
        ("application_reviewers", application.pk),
        ("info_request_new", application.pk),
        ("review_shared", application.pk),
    ):
        page = _get(client, world.officer, name, pk)
        assert page.status_code == 200, name
        assert b'name="robots" content="noindex"' in page.content
        assert _get(client, world.other_officer, name, pk).status_code == 404, name
        assert _get(client, world.other_admin, name, pk).status_code == 404, name
    # The lead's own admin may see the application, never the reviews.
    assert _get(client, world.operator_admin, "review_shared", application.pk).status_code == 403
    assert _get(client, world.operator_admin, "call_applications", call.pk).status_code == 404
    draft = make_application(world, call, lead=OperatorFactory())
    assert _get(client, world.officer, "application_reviewers", draft.pk).status_code == 404


def test_the_ranking_page_shows_conflicts_and_reads_in_few_queries(
    client, world, django_assert_max_num_queries
):
    call = make_call(world, status=CallStatus.REVIEW)
    counts = []
    for n in (1, 5):
        for _ in range(n):
            application = make_application(
                world, call, lead=OperatorFactory(), status=ApplicationStatus.SUBMITTED
            )
            assign(application, world.reviewer)
            assign(application, world.second_reviewer, conflict=True)
            InfoRequest.objects.create(application=application, question="Hyra?", asked_at=NOW)
        client.force_login(world.officer)
        with django_assert_max_num_queries(20) as captured:
            page = client.get(reverse("commissioning:call_applications", args=[call.pk]))
        counts.append(len(captured))
        assert page.status_code == 200
    assert counts[0] == counts[1]
    assert "Hyra?" in page.content.decode()


def test_reviewers_see_only_their_own_reviews(client, world, setup):
    _, _application, mine, theirs = setup
    assert _get(client, world.reviewer, "review", mine.pk).status_code == 200
    assert _get(client, world.reviewer, "review", theirs.pk).status_code == 404
    listed = _get(client, world.reviewer, "my_reviews")
    assert reverse("commissioning:review", args=[mine.pk]) in listed.content.decode()
    assert reverse("commissioning:review", args=[theirs.pk]) not in listed.content.decode()
    for outsider in (world.operator_admin, world.other_admin, world.other_officer):
        assert _get(client, outsider, "review", mine.pk).status_code == 404
    assert _get(client, world.operator_admin, "my_reviews").status_code == 403
    # A reviewer not assigned to an application sees neither it nor its reviews.
    other_call = make_call(world, status=CallStatus.REVIEW)
    other = make_application(world, other_call, status=ApplicationStatus.SUBMITTED)
    assert _get(client, world.reviewer, "review_shared", other.pk).status_code == 404


def test_the_reviewer_with_a_conflict_cannot_score(client, world, setup):
    _, application, _, theirs = setup
    line = rubric_lines(application.call)[0]
    client.force_login(world.second_reviewer)
    url = reverse("commissioning:review", args=[theirs.pk])
    page = client.get(url)
    assert '<fieldset class="cr-line"' not in page.content.decode()
    refused = client.post(url, {"action": "save", line.key: "4"})
    assert refused.status_code == 403
    with translation.override("sv"):
        assert str(ERRORS[ErrorCode.CONFLICT_OF_INTEREST][1]) in refused.content.decode()
    assert not Score.objects.exists()
    assert _get(client, world.second_reviewer, "review_shared", application.pk).status_code == 403


def test_declare_then_score_through_the_form(client, world, setup):
    _, application, mine, _ = setup
    mine.has_conflict = None
    mine.save()
    lines = rubric_lines(application.call)
    client.force_login(world.reviewer)
    url = reverse("commissioning:review", args=[mine.pk])
    refused = client.post(url, {"action": "save", lines[0].key: "4"})
    assert refused.status_code == 409
    assert client.post(url, {"action": "declare", "has_conflict": "no"}).status_code == 302
    page = client.get(url)
    assert page.content.decode().count('class="cr-line"') == len(lines)
    for bad in ("6", "-1", "abc", "<script>alert(1)</script>"):
        answer = client.post(url, {"action": "save", lines[0].key: bad})
        assert answer.status_code == 400
        assert "<script>alert" not in answer.content.decode()
    assert not Score.objects.exists()
    data = {"action": "save", lines[0].key: "4", f"{lines[0].key}_comment": "بخش خوب 👍"}
    assert client.post(url, data).status_code == 302
    assert Score.objects.get().comment == "بخش خوب 👍"
    incomplete = client.post(url, {"action": "complete"})
    assert incomplete.status_code == 400
    everything = {line.key: "na" for line in lines} | {"action": "complete"}
    assert client.post(url, everything).status_code == 302
    mine.refresh_from_db()
    assert mine.completed_at is not None


def test_the_officer_assigns_and_removes_reviewers(client, world, setup):
    _, application, mine, _ = setup
    client.force_login(world.officer)
    url = reverse("commissioning:application_reviewers", args=[application.pk])
    for outsider in (world.other_officer, world.operator_admin, world.stranger):
        refused = client.post(url, {"user": outsider.pk})
        assert refused.status_code == 400
        with translation.override("sv"):
            assert str(ERRORS[ErrorCode.REVIEWER_INVALID][1]) in refused.content.decode()
    assert client.post(url, {"user": world.officer.pk}).status_code == 302
    assert application.reviewers.count() == 3
    assert client.post(url, {"remove": mine.pk}).status_code == 302
    assert not Reviewer.objects.filter(pk=mine.pk).exists()


def test_ask_and_answer_through_the_pages(client, world, setup):
    call, application, _, _ = setup
    client.force_login(world.officer)
    url = reverse("commissioning:info_request_new", args=[application.pk])
    assert client.post(url, {"question": ""}).status_code == 400
    assert client.post(url, {"question": "Hur stor är lokalen?"}).status_code == 302
    asked = InfoRequest.objects.get()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.INFO_REQUESTED
    answer_url = reverse("commissioning:info_request_answer", args=[asked.pk])
    for outsider in (world.other_admin, world.officer, world.reviewer):
        client.force_login(outsider)
        assert client.get(answer_url).status_code == 404
    client.force_login(world.operator_admin)
    assert client.get(answer_url).status_code == 200
    assert client.post(answer_url, {"answer": "x" * 9000}).status_code == 400
    assert client.post(answer_url, {"answer": "120 kvadratmeter."}).status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    log = _get(client, world.officer, "call_applications", call.pk).content.decode()
    assert "Hur stor är lokalen?" in log and "120 kvadratmeter." in log
    review = _get(client, world.reviewer, "review", application.reviewers.first().pk)
    assert "120 kvadratmeter." in review.content.decode()
