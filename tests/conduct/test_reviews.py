"""Reviewing a decision: a ban kept with a new review date, ended sooner, or lifted."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from publicoffice.conduct.models import AuditEntry, SanctionState
from publicoffice.conduct.services.reviews import sanction_review
from publicoffice.conduct.services.sanctions import is_in_force, sanction_approve
from tests.conduct import notice_makers
from tests.conduct.conftest import NOW, refused
from tests.conduct.makers import indefinite_ban, restriction

pytestmark = pytest.mark.django_db

notices = notice_makers.notices
LATER = NOW + timedelta(days=1)


@pytest.fixture
def ban(host: Any, second_host: Any, member: Any, office: Any) -> Any:
    ban = indefinite_ban(staff=host, member=member, office=office)
    return sanction_approve(staff=second_host, sanction=ban, now=NOW)


def test_a_ban_is_kept_with_a_new_review_date(ban: Any, host: Any) -> None:
    ban.review_noticed_at = NOW
    ban.save(update_fields=["review_noticed_at"])
    sanction_review(
        staff=host,
        sanction=ban,
        outcome="keep",
        reasons="Threats again last week.",
        when=NOW + timedelta(days=180),
        now=LATER,
    )
    ban.refresh_from_db()
    assert ban.review_at == NOW + timedelta(days=180) and ban.review_noticed_at is None
    assert ban.state == SanctionState.IN_FORCE
    entry = AuditEntry.objects.get(action="sanction_reviewed")
    assert entry.actor == host and "Threats again" in entry.note


def test_a_ban_is_given_an_end(ban: Any, host: Any) -> None:
    end = NOW + timedelta(days=10)
    sanction_review(
        staff=host, sanction=ban, outcome="end", reasons="Apologised.", when=end, now=LATER
    )
    ban.refresh_from_db()
    assert (ban.ends_at, ban.review_at) == (end, None)
    assert not is_in_force(ban, end)


def test_a_restriction_is_lifted_early(host: Any, member: Any, office: Any) -> None:
    sanction = restriction(staff=host, member=member, office=office)
    sanction_review(
        staff=host, sanction=sanction, outcome="lift", reasons="Mistaken identity.", now=LATER
    )
    sanction.refresh_from_db()
    assert sanction.state == SanctionState.LIFTED and not is_in_force(sanction, LATER)
    assert AuditEntry.objects.filter(action="sanction_lifted").exists()


@pytest.mark.parametrize(
    ("outcome", "when_days", "code"),
    [
        ("keep", 30, "sanction_end_invalid"),  # a restriction has an end, no review date
        ("end", 40, "sanction_end_invalid"),  # later than the end: a new decision instead
        ("end", -1, "sanction_end_invalid"),
        ("end", None, "sanction_end_invalid"),
        ("extend", 5, "appeal_outcome_invalid"),
    ],
)
def test_a_review_never_makes_a_decision_harsher(
    host: Any, member: Any, office: Any, outcome: str, when_days: int | None, code: str
) -> None:
    sanction = restriction(staff=host, member=member, office=office)
    when = None if when_days is None else NOW + timedelta(days=when_days)
    with refused(code):
        sanction_review(
            staff=host, sanction=sanction, outcome=outcome, reasons="r", when=when, now=LATER
        )
    sanction.refresh_from_db()
    assert sanction.ends_at == NOW + timedelta(days=30)


def test_a_decision_no_longer_in_force_cannot_be_reviewed(
    host: Any, member: Any, office: Any
) -> None:
    sanction = restriction(staff=host, member=member, office=office)
    with refused("sanction_not_awaiting"):
        sanction_review(
            staff=host, sanction=sanction, outcome="lift", reasons="r", now=NOW + timedelta(days=31)
        )


def test_the_member_is_told_in_their_language(
    notices: Any, mailoutbox: list[Any], ban: Any, host: Any, member: Any
) -> None:
    with notices():
        sanction_review(
            staff=host, sanction=ban, outcome="lift", reasons="Vi har pratat.", now=LATER
        )
    (mail,) = mailoutbox
    assert mail.to == [member.email] and "Vi har pratat." in mail.body
    with translation.override("ar"):
        assert translation.gettext("Your decision is lifted") == mail.subject


def test_the_review_form_on_the_decision_page(
    host: Any, other_host: Any, member: Any, office: Any
) -> None:
    sanction = restriction(staff=host, member=member, office=office, now=timezone.now())
    with translation.override("sv"):
        address = reverse("conduct:sanction_review", args=[sanction.public_id])
        page = reverse("conduct:sanction", args=[sanction.public_id])
    staff, outsider = Client(), Client()
    staff.force_login(host)
    outsider.force_login(other_host)
    assert b'name="reasons"' in staff.get(page).content
    assert outsider.post(address, {"outcome": "lift", "reasons": "x"}).status_code == 404
    assert staff.post(address, {"outcome": "lift", "reasons": ""}).status_code == 400
    bad_day = staff.post(address, {"outcome": "end", "day": "2000-01-01", "reasons": "x"})
    assert bad_day.status_code == 400
    assert staff.post(address, {"outcome": "lift", "reasons": "Sorted out."}).status_code == 302
    sanction.refresh_from_db()
    assert sanction.state == SanctionState.LIFTED
