"""E-mails: one to each person concerned, in their own language; none to the one who acted.

Tasks run at once after the commit (the ``notices`` fixture of
``conftest.py``), so these tests see what the worker would send.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from publicoffice.dialogue import notifications
from publicoffice.dialogue.notifications import SUBJECTS
from publicoffice.dialogue.services.answers import (
    answer_publish,
    proposal_withdraw,
    publish_due_answers,
)
from publicoffice.dialogue.services.proposals import follow, proposal_reword
from tests.dialogue.factories import NOW, answer, days_after, person, refused, supported_by

pytestmark = pytest.mark.django_db

BASE = "https://kontor.example"


def subject(kind: str, language: str, title: str) -> str:
    with translation.override(language):
        return str(SUBJECTS[kind]) % {"title": title}


def by_recipient(outbox: list[Any]) -> dict[str, Any]:
    recipients = [address for message in outbox for address in message.to]
    assert len(recipients) == len(set(recipients)), f"someone got two: {recipients}"
    return {message.to[0]: message for message in outbox}


@pytest.fixture
def audience(proposal, author, supporter):
    """Amina (the author) reads Somali; Johan supports in Arabic; Lena follows in English;
    Omar supports and follows; Closed supported before closing the account."""
    author.preferred_language = "so"
    author.save()
    supporter.preferred_language = "ar"
    supporter.save()
    follower = person("Lena", language="en")
    both = person("Omar", language="fa")
    closed = person("Closed")
    supported_by(proposal, supporter, both, closed)
    follow(member=follower, proposal=proposal, on=True)
    follow(member=both, proposal=proposal, on=True)
    closed.is_active = False
    closed.save()
    return proposal


def test_an_answer_reaches_each_person_once_in_their_language(audience, host, notices, mailoutbox):
    follow(member=host, proposal=audience, on=True)  # the writer hears nothing of their own
    with notices():
        answer(host, audience, "planned", text="Vi börjar i januari.", now=days_after(NOW, 2))
    sent = by_recipient(mailoutbox)
    expected = {
        "amina@example.org": ("answer_author", "so"),
        "johan@example.org": ("answer_other", "ar"),
        "lena@example.org": ("answer_other", "en"),
        "omar@example.org": ("answer_other", "fa"),
    }
    assert set(sent) == set(expected)
    title = audience.title
    for address, (kind, language) in expected.items():
        message = sent[address]
        assert message.subject == subject(kind, language, title)
        assert message.extra_headers["Content-Language"] == language
        assert "Vi börjar i januari." in message.body
        assert f"{BASE}/{language}/proposals/{audience.public_id}/" in message.body


def test_the_answer_mail_says_the_new_state_in_the_readers_language(
    audience, host, notices, mailoutbox
):
    with notices():
        answer(host, audience, "declined", text="Tyvärr inte.")
    message = by_recipient(mailoutbox)["lena@example.org"]
    assert "Declined" in message.body
    with translation.override("en"):
        assert str(notifications.LEADS["answer_other"]) in message.body


def test_a_draft_sends_nothing_until_it_is_published(audience, host, notices, mailoutbox):
    with notices():
        draft = answer(host, audience, "planned", text="Utkast.", draft=True)
    assert mailoutbox == []
    with notices():
        answer_publish(answer=draft, now=days_after(NOW, 1))
    assert len(mailoutbox) == 4


def test_a_scheduled_answer_mails_when_the_sweep_publishes_it(audience, host, notices, mailoutbox):
    with notices():
        answer(host, audience, "planned", publish_at=days_after(NOW, 1))
    assert mailoutbox == []
    with notices():
        assert publish_due_answers(now=days_after(NOW, 1)) == 1
    assert len(mailoutbox) == 4


def test_a_withdrawal_tells_supporters_and_followers_not_the_author(
    audience, author, notices, mailoutbox
):
    with notices():
        proposal_withdraw(author=author, proposal=audience, reason="Vi löste det själva.")
    sent = by_recipient(mailoutbox)
    assert set(sent) == {"johan@example.org", "lena@example.org", "omar@example.org"}
    assert "Vi löste det själva." in sent["johan@example.org"].body


def test_a_rewording_tells_the_supporters_only(audience, author, notices, mailoutbox):
    with notices():
        proposal_reword(author=author, proposal=audience, title="Läxhjälp på söndagar", body="Ny.")
    sent = by_recipient(mailoutbox)
    assert set(sent) == {"johan@example.org", "omar@example.org"}  # not Lena, who only follows
    johan = sent["johan@example.org"]
    assert johan.subject == subject("reworded", "ar", "Läxhjälp på söndagar")
    assert johan.extra_headers["Content-Language"] == "ar"
    assert sent["omar@example.org"].subject == subject("reworded", "fa", "Läxhjälp på söndagar")


def test_a_rewording_before_any_support_mails_nobody(
    proposal, author, stranger, notices, mailoutbox
):
    follow(member=stranger, proposal=proposal, on=True)
    with notices():
        proposal_reword(author=author, proposal=proposal, title="Ny rubrik", body="Ny text.")
    assert mailoutbox == []


def test_a_refused_rewording_mails_nobody(audience, author, notices, mailoutbox):
    with notices(), refused("nothing_to_change"):
        proposal_reword(author=author, proposal=audience, title=audience.title, body=audience.body)
    assert mailoutbox == []


def test_an_unpublished_answer_is_skipped_by_the_task(proposal, host):
    draft = answer(host, proposal, "planned", draft=True)
    assert notifications.send_answer_notices(answer_id=draft.pk) == "skipped: no published answer"
    assert notifications.send_answer_notices(answer_id=0) == "skipped: no published answer"


def test_a_deleted_author_is_not_written_to(proposal, author, supporter, host, notices, mailoutbox):
    supported_by(proposal, supporter)
    author.delete()
    proposal.refresh_from_db()
    with notices():
        answer(host, proposal, "considering")
    assert [m.to for m in mailoutbox] == [["johan@example.org"]]
