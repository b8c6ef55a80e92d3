"""The author of moderated content hears of it, in their language, with the reason."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.conduct import moderation
from tests.conduct import notice_makers
from tests.dialogue.factories import person, propose

pytestmark = pytest.mark.django_db

notices = notice_makers.notices


@pytest.fixture
def proposal(office: Any, member: Any) -> Any:
    return propose(member, office=office, title="Grillkväll på gården")


def flag(reporter: Any, proposal: Any) -> Any:
    return moderation.report(
        reporter=reporter, kind_name="proposal", key=str(proposal.public_id), reason="Spam"
    )


def test_staff_hiding_tells_the_author_in_arabic(
    notices: Any, mailoutbox: list[Any], proposal: Any, host: Any, other_member: Any, member: Any
) -> None:
    case = flag(other_member, proposal)
    assert not mailoutbox  # a report alone tells the author nothing
    with notices():
        moderation.hide(staff=host, case=case, reason="Names a neighbour.")
    (mail,) = mailoutbox
    assert mail.to == [member.email]
    with translation.override("ar"):
        assert gettext("A staff member hid it, not a machine.") in mail.body
    assert "Names a neighbour." in mail.body and "Grillkväll" in mail.subject
    assert other_member.email not in mail.body and "Spam" not in mail.body


def test_an_automatic_hide_says_so_and_restoring_tells_again(
    notices: Any, mailoutbox: list[Any], proposal: Any, host: Any
) -> None:
    reporters = [person(f"R{n}") for n in range(3)]
    with notices():
        for reporter in reporters:
            case = flag(reporter, proposal)
    (hidden,) = mailoutbox
    with translation.override("ar"):
        automatic = gettext("It was hidden automatically, because several members reported it.")
    assert automatic in hidden.body
    with notices():
        moderation.restore(staff=host, case=case, reason="Nothing wrong with it.")
    assert len(mailoutbox) == 2 and "Nothing wrong with it." in mailoutbox[1].body


def test_dismissing_reports_about_visible_content_tells_nobody(
    notices: Any, mailoutbox: list[Any], proposal: Any, host: Any, other_member: Any
) -> None:
    case = flag(other_member, proposal)
    with notices():
        moderation.dismiss(staff=host, case=case, reason="It is fine.")
    assert not mailoutbox
