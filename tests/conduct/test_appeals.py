"""Appeals: within the window, answered by somebody else, kept, shortened or lifted."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from publicoffice.conduct import policies
from publicoffice.conduct.models import (
    Appeal,
    AppealOutcome,
    AuditEntry,
    OperatorConduct,
    SanctionState,
)
from publicoffice.conduct.services.appeals import appeal_deadline, appeal_decide, appeal_make
from publicoffice.conduct.services.sanctions import is_in_force
from tests.conduct.conftest import NOW, refused
from tests.conduct.makers import indefinite_ban, restriction

pytestmark = pytest.mark.django_db

LATER = NOW + timedelta(days=2)


@pytest.fixture
def sanction(host: Any, member: Any, office: Any) -> Any:
    return restriction(staff=host, member=member, office=office)


def test_the_member_appeals_within_20_days(sanction: Any, member: Any, office: Any) -> None:
    OperatorConduct.objects.create(operator=office.operator, appeal_answer_days=7)
    sanction.created_at = NOW
    sanction.save(update_fields=["created_at"])
    assert appeal_deadline(sanction) == NOW + timedelta(days=20)
    appeal = appeal_make(member=member, sanction=sanction, text="من لم أهدد أحداً 🙏", now=LATER)
    assert appeal.answer_due == LATER + timedelta(days=7)
    assert appeal.text == "من لم أهدد أحداً 🙏"
    with refused("already_appealed"):
        appeal_make(member=member, sanction=sanction, text="again", now=LATER)


def test_an_appeal_after_the_window_is_refused(sanction: Any, member: Any) -> None:
    sanction.created_at = NOW
    sanction.save(update_fields=["created_at"])
    with refused("appeal_too_late"):
        appeal_make(member=member, sanction=sanction, text="late", now=NOW + timedelta(days=21))
    assert not Appeal.objects.exists()


@pytest.mark.parametrize("text", ["", "   ", "x" * 3001, None, 42])
def test_an_empty_huge_or_strange_appeal_is_refused(sanction: Any, member: Any, text: Any) -> None:
    with pytest.raises(Exception) as caught:
        appeal_make(member=member, sanction=sanction, text=text, now=LATER)
    assert getattr(caught.value, "code", "") in {"text_missing", "text_too_long", "text_invalid"}
    assert not Appeal.objects.exists()


def test_a_ban_waiting_for_approval_cannot_be_appealed_yet(
    host: Any, member: Any, office: Any
) -> None:
    ban = indefinite_ban(staff=host, member=member, office=office)
    with refused("appeal_too_late"):
        appeal_make(member=member, sanction=ban, text="why", now=LATER)


def test_the_decider_cannot_answer_the_appeal(
    sanction: Any, member: Any, host: Any, second_host: Any, other_host: Any
) -> None:
    appeal = appeal_make(member=member, sanction=sanction, text="It was not me.", now=LATER)
    assert not policies.can_decide_appeal(host, appeal)
    assert not policies.can_decide_appeal(other_host, appeal)
    assert not policies.can_decide_appeal(member, appeal)
    assert policies.can_decide_appeal(second_host, appeal)
    with refused("second_staff_needed"):
        appeal_decide(staff=host, appeal=appeal, outcome="lifted", reply="ok", now=LATER)


def test_lifting_ends_the_restriction_and_is_logged(
    sanction: Any, member: Any, operator_admin: Any
) -> None:
    appeal = appeal_make(member=member, sanction=sanction, text="It was not me.", now=LATER)
    appeal_decide(
        staff=operator_admin,
        appeal=appeal,
        outcome="lifted",
        reply="The camera shows somebody else.",
        now=LATER + timedelta(hours=3),
    )
    appeal.refresh_from_db()
    sanction.refresh_from_db()
    assert appeal.outcome == AppealOutcome.LIFTED and appeal.decided_by == operator_admin
    assert sanction.state == SanctionState.LIFTED
    assert not is_in_force(sanction, LATER + timedelta(hours=4))
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["sanction_decided", "appeal_made", "appeal_decided", "sanction_lifted"]
    with refused("appeal_decided"):
        appeal_decide(staff=operator_admin, appeal=appeal, outcome="kept", reply="no", now=LATER)


def test_shortening_needs_an_earlier_end(sanction: Any, member: Any, second_host: Any) -> None:
    appeal = appeal_make(member=member, sanction=sanction, text="Too long.", now=LATER)
    for bad in (None, sanction.ends_at + timedelta(days=1), LATER - timedelta(days=1)):
        with refused("sanction_end_invalid"):
            appeal_decide(
                staff=second_host,
                appeal=appeal,
                outcome="shortened",
                reply="r",
                new_ends_at=bad,
                now=LATER,
            )
    with refused("appeal_outcome_invalid"):
        appeal_decide(staff=second_host, appeal=appeal, outcome="pending", reply="r", now=LATER)
    new_end = NOW + timedelta(days=10)
    appeal_decide(
        staff=second_host,
        appeal=appeal,
        outcome="shortened",
        reply="Ten days is enough.",
        new_ends_at=new_end,
        now=LATER,
    )
    sanction.refresh_from_db()
    assert sanction.ends_at == new_end and sanction.state == SanctionState.IN_FORCE
