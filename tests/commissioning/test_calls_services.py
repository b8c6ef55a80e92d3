"""Calls, as services: the deadline across daylight saving, what may change when,
the sweep, cancelling, and the followers' e-mails in their own languages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.commissioning.models import CallFollower, CallStatus
from publicoffice.commissioning.selectors.calls import deadline_passed
from publicoffice.commissioning.services import calls as services
from publicoffice.commissioning.services.calls import CallFields
from publicoffice.commissioning.tasks_calls import queue_call_news
from publicoffice.core.errors import DomainError, ErrorCode
from tests.commissioning.conftest import NOW, STOCKHOLM, make_call

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def fields(**changes: Any) -> CallFields:
    values: dict[str, Any] = {
        "kind": "call",
        "title": "Kontor i Ronna",
        "summary": "Ett allmänt kontor.",
        "period_starts": date(2027, 7, 1),
        "period_ends": date(2029, 6, 30),
        "budget_sek": 500_000,
        "deadline": datetime(2027, 4, 30, 23, 59, tzinfo=STOCKHOLM),
    }
    values.update(changes)
    return CallFields(**values)


@pytest.fixture
def mail(settings, mailoutbox, django_capture_on_commit_callbacks):
    settings.TASKS = IMMEDIATE
    settings.PUBLIC_BASE_URL = "https://kontor.example"

    def committed():
        return django_capture_on_commit_callbacks(execute=True)

    return committed


def test_create_makes_a_draft_with_the_ten_guidelines_weighing_one(world):
    call = services.create_call(
        staff=world.officer,
        municipality_id=world.municipality.pk,
        fields=fields(district_ids=(world.district.pk,)),
        at=NOW,
    )
    assert call.status == CallStatus.DRAFT and call.created_by == world.officer
    assert [(line.guideline.number, line.weight) for line in call.rubric.all()] == [
        (n, 1) for n in range(1, 11)
    ]
    assert list(call.districts.all()) == [world.district]
    with pytest.raises(DomainError) as refused:
        services.create_call(
            staff=world.other_officer, municipality_id=world.municipality.pk, fields=fields()
        )
    assert refused.value.code == ErrorCode.NOT_ALLOWED
    with pytest.raises(DomainError) as refused:
        # Botkyrka's district in a Södertälje call.
        other = world.other_municipality.districts.create(name="Fittja")
        services.create_call(
            staff=world.officer,
            municipality_id=world.municipality.pk,
            fields=fields(district_ids=(other.pk,)),
            at=NOW,
        )
    assert refused.value.details["field"] == "districts"


@pytest.mark.parametrize(
    ("deadline", "stored"),
    [
        # The night the clocks go forward: 23:59 is summer time (UTC+2).
        (
            datetime(2027, 3, 28, 23, 59, tzinfo=STOCKHOLM),
            datetime(2027, 3, 28, 21, 59, tzinfo=UTC),
        ),
        # The day before it is still winter time (UTC+1).
        (
            datetime(2027, 3, 27, 23, 59, tzinfo=STOCKHOLM),
            datetime(2027, 3, 27, 22, 59, tzinfo=UTC),
        ),
        # The night the clocks go back: 23:59 is winter time again.
        (
            datetime(2027, 10, 31, 23, 59, tzinfo=STOCKHOLM),
            datetime(2027, 10, 31, 22, 59, tzinfo=UTC),
        ),
    ],
)
def test_the_deadline_across_daylight_saving(world, deadline, stored):
    call = services.create_call(
        staff=world.officer,
        municipality_id=world.municipality.pk,
        fields=fields(deadline=deadline, period_starts=date(2028, 1, 1)),
        at=NOW,
    )
    call.refresh_from_db()
    assert call.deadline == stored
    assert not deadline_passed(call, stored - timedelta(seconds=1))
    assert not deadline_passed(call, stored)
    assert deadline_passed(call, stored + timedelta(seconds=1))
    # The same moment seen from Stockholm's wall clock.
    assert not deadline_passed(call, deadline)
    assert deadline_passed(call, deadline + timedelta(minutes=1))


def test_a_deadline_that_names_no_moment_or_lies_outside_is_refused(world):
    cases = [
        (datetime(2027, 3, 28, 2, 30, tzinfo=STOCKHOLM), ErrorCode.TIME_DOES_NOT_EXIST),
        (NOW - timedelta(minutes=1), ErrorCode.DEADLINE_INVALID),
        (datetime(2027, 7, 1, 0, 0, tzinfo=STOCKHOLM), ErrorCode.DEADLINE_INVALID),
    ]
    for deadline, code in cases:
        with pytest.raises(DomainError) as refused:
            services.create_call(
                staff=world.officer,
                municipality_id=world.municipality.pk,
                fields=fields(deadline=deadline),
                at=NOW,
            )
        assert refused.value.code == code
    with pytest.raises(DomainError) as refused:
        services.create_call(
            staff=world.officer,
            municipality_id=world.municipality.pk,
            fields=fields(period_ends=date(2027, 6, 1)),
            at=NOW,
        )
    assert refused.value.details["field"] == "period_ends"


def test_an_open_call_changes_only_later_and_tells_its_followers(world, mail, mailoutbox):
    call = make_call(world)
    world.stranger.preferred_language = "en"
    world.stranger.save()
    services.follow_call(member=world.stranger, call=call)
    services.follow_call(member=world.operator_admin, call=call)
    earlier = fields(deadline=call.deadline - timedelta(days=1))
    with pytest.raises(DomainError) as refused:
        services.update_call(staff=world.officer, call=call, fields=earlier, at=NOW)
    assert refused.value.code == ErrorCode.DEADLINE_INVALID
    assert mailoutbox == []
    with mail():
        services.update_call(
            staff=world.officer,
            call=call,
            fields=fields(deadline=call.deadline + timedelta(days=7), title="Nytt namn"),
            at=NOW,
        )
    assert len(mailoutbox) == 2
    by_address = {m.to[0]: m for m in mailoutbox}
    english = by_address[world.stranger.email]
    with translation.override("en"):
        assert english.subject == gettext("The call “%(title)s” has changed") % {
            "title": "Nytt namn"
        }
    assert "CEST" in english.body and f"/en/calls/{call.pk}/" in english.body
    assert f"/sv/calls/{call.pk}/" in by_address[world.operator_admin.email].body
    # After the deadline nothing changes any more.
    call.refresh_from_db()
    late = call.deadline + timedelta(seconds=1)
    with pytest.raises(DomainError) as refused:
        services.update_call(staff=world.officer, call=call, fields=fields(), at=late)
    assert refused.value.code == ErrorCode.CALL_NOT_EDITABLE
    with pytest.raises(DomainError) as refused:
        services.add_criterion(staff=world.officer, call=call, title="Språk", at=late)
    assert refused.value.code == ErrorCode.CALL_NOT_EDITABLE


def test_publish_close_and_the_sweep(world, mail, mailoutbox):
    draft = make_call(world, status=CallStatus.DRAFT)
    with pytest.raises(DomainError) as refused:
        services.publish_call(
            staff=world.officer, call=draft, at=draft.deadline + timedelta(hours=1)
        )
    assert refused.value.code == ErrorCode.DEADLINE_INVALID
    services.publish_call(staff=world.officer, call=draft, at=NOW)
    draft.refresh_from_db()
    assert draft.status == CallStatus.OPEN and draft.published_at == NOW
    CallFollower.objects.create(call=draft, user=world.stranger)
    with pytest.raises(DomainError) as refused:
        services.close_call(staff=world.officer, call=draft, at=NOW)
    assert refused.value.code == ErrorCode.CALL_NOT_EDITABLE
    with pytest.raises(DomainError) as refused:
        services.close_call(staff=world.other_officer, call=draft, at=draft.deadline + timedelta(1))
    assert refused.value.code == ErrorCode.NOT_ALLOWED
    other = make_call(world, deadline=datetime(2027, 5, 15, 12, 0, tzinfo=STOCKHOLM))
    with mail():
        assert services.close_calls_past_deadline(draft.deadline) == 0
        assert services.close_calls_past_deadline(draft.deadline + timedelta(seconds=1)) == 1
    draft.refresh_from_db()
    other.refresh_from_db()
    assert (draft.status, other.status) == (CallStatus.REVIEW, CallStatus.OPEN)
    assert [m.to for m in mailoutbox] == [[world.stranger.email]]


def test_cancel_says_why_to_the_followers(world, mail, mailoutbox):
    call = make_call(world)
    CallFollower.objects.create(call=call, user=world.stranger)
    for reason in ("", "   "):
        with pytest.raises(DomainError) as refused:
            services.cancel_call(staff=world.officer, call=call, reason=reason)
        assert refused.value.code == ErrorCode.TEXT_MISSING
    with mail():
        services.cancel_call(staff=world.officer, call=call, reason="Budgeten drogs in. 🙁")
    call.refresh_from_db()
    assert call.status == CallStatus.CANCELLED
    assert "Budgeten drogs in. 🙁" in mailoutbox[0].body
    with pytest.raises(DomainError) as refused:
        services.cancel_call(staff=world.officer, call=call, reason="Igen")
    assert refused.value.code == ErrorCode.CALL_NOT_EDITABLE


def test_decided_news_for_the_decision_stage(world, mail, mailoutbox):
    call = make_call(world, status=CallStatus.DECIDED)
    CallFollower.objects.create(call=call, user=world.stranger)
    with mail():
        queue_call_news(call.pk, "decided")
    assert len(mailoutbox) == 1 and call.title in mailoutbox[0].subject
    with pytest.raises(ValueError):
        queue_call_news(call.pk, "eaten")


def test_rubric_and_own_criteria(world):
    call = make_call(world, status=CallStatus.DRAFT)
    first = call.rubric.first()
    assert first is not None
    with pytest.raises(DomainError) as refused:
        services.set_rubric(
            staff=world.officer, call=call, lines={first.guideline_id: (11, "")}, at=NOW
        )
    assert refused.value.code == ErrorCode.BAD_VALUE
    services.set_rubric(
        staff=world.officer,
        call=call,
        lines={first.guideline_id: (0, "Visar hur <b>alla</b> känner sig välkomna")},
        at=NOW,
    )
    first.refresh_from_db()
    assert (first.weight, first.good_answer) == (0, "Visar hur <b>alla</b> känner sig välkomna")
    criterion = services.add_criterion(
        staff=world.officer, call=call, title="Lokal förankring", weight=3, at=NOW
    )
    assert list(call.extra_criteria.values_list("title", "weight")) == [("Lokal förankring", 3)]
    services.remove_criterion(staff=world.officer, call=call, criterion=criterion, at=NOW)
    assert not call.extra_criteria.exists()
