"""Rewording: in place before anyone supports; afterwards the old wording is kept.

The e-mails to supporters are in ``test_notifications.py``.
"""

from __future__ import annotations

import pytest

from publicoffice.dialogue.models import ProposalVersion
from publicoffice.dialogue.services.answers import proposal_withdraw
from publicoffice.dialogue.services.proposals import proposal_reword, support_withdraw
from tests.dialogue.factories import NOW, answer, days_after, person, refused, supported_by

pytestmark = pytest.mark.django_db

LATER = days_after(NOW, 2)
BODY = "Många barn behöver hjälp med läxorna, och på lördagar är det lugnt."


def reword(proposal, author, title="Läxhjälp på söndagar", body="Söndagar passar bättre."):
    proposal_reword(author=author, proposal=proposal, title=title, body=body, now=LATER)
    proposal.refresh_from_db()
    return proposal


def test_before_any_support_the_text_is_edited_in_place(proposal, author):
    reword(proposal, author)
    assert (proposal.title, proposal.body) == ("Läxhjälp på söndagar", "Söndagar passar bättre.")
    assert proposal.version == 1
    assert not ProposalVersion.objects.exists()


def test_after_a_support_the_old_wording_is_kept_as_a_version(proposal, author, supporter):
    old_title, old_body = proposal.title, proposal.body
    supported_by(proposal, supporter, person("Second"))
    reword(proposal, author)
    assert proposal.version == 2
    assert (proposal.title, proposal.body) == ("Läxhjälp på söndagar", "Söndagar passar bättre.")
    (version,) = ProposalVersion.objects.filter(proposal=proposal)
    assert (version.number, version.title, version.body) == (1, old_title, old_body)
    assert (version.replaced_at, version.supporters_then) == (LATER, 2)
    assert proposal.support_count == 2  # supports stay with the new wording


def test_each_later_rewording_keeps_one_more_version(proposal, author, supporter):
    supported_by(proposal, supporter)
    reword(proposal, author, title="Andra lydelsen")
    reword(proposal, author, title="Tredje lydelsen")
    assert proposal.version == 3
    assert list(proposal.versions.values_list("number", "title")) == [
        (2, "Andra lydelsen"),
        (1, "Läxhjälp på lördagar"),
    ]


def test_once_the_last_supporter_has_left_it_is_edited_in_place(proposal, author, supporter):
    """Nobody supports it now: nobody is owed the old text."""
    supported_by(proposal, supporter)
    support_withdraw(member=supporter, proposal=proposal)
    reword(proposal, author)
    assert proposal.version == 1
    assert not ProposalVersion.objects.exists()


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Läxhjälp på lördagar", BODY),
        ("  Läxhjälp  på lördagar ", f"{BODY}\n"),
    ],
)
def test_the_same_text_again_is_nothing_to_change(proposal, author, supporter, title, body):
    supported_by(proposal, supporter)
    with refused("nothing_to_change"):
        proposal_reword(author=author, proposal=proposal, title=title, body=body)
    proposal.refresh_from_db()
    assert proposal.version == 1
    assert not ProposalVersion.objects.exists()


def test_only_the_author_rewords(proposal, supporter, host):
    for someone in (supporter, host):
        with refused("not_allowed"):
            proposal_reword(author=someone, proposal=proposal, title="Mitt förslag", body="Nu.")
    proposal.refresh_from_db()
    assert proposal.title == "Läxhjälp på lördagar"


def test_a_bad_new_text_is_refused_and_nothing_is_kept(proposal, author, supporter):
    supported_by(proposal, supporter)
    with refused("text_too_long", "title"):
        proposal_reword(author=author, proposal=proposal, title="x" * 121, body="Ny text.")
    with refused("text_missing", "body"):
        proposal_reword(author=author, proposal=proposal, title="Ny rubrik", body=" ")
    proposal.refresh_from_db()
    assert (proposal.title, proposal.version) == ("Läxhjälp på lördagar", 1)
    assert not ProposalVersion.objects.exists()


@pytest.mark.parametrize("state", ["considering", "planned", "declined"])
def test_after_the_first_answer_the_text_is_fixed(proposal, author, host, state):
    answer(host, proposal, state, now=days_after(NOW, 1))
    with refused("proposal_closed"):
        reword(proposal, author)
    assert proposal.title == "Läxhjälp på lördagar"


def test_a_withdrawn_proposal_is_not_reworded(proposal, author):
    proposal_withdraw(author=author, proposal=proposal, reason="Ångrade mig.")
    with refused("proposal_closed"):
        reword(proposal, author)
