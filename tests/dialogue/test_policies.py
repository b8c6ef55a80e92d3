"""Who answers which proposal, who sees hidden ones, who edits; and the queue's scope.

:func:`policies.answerable` must agree with :func:`policies.can_answer` for
every person and proposal: the queue shows exactly what one may answer.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from publicoffice.dialogue import policies
from publicoffice.dialogue.models import Proposal
from publicoffice.dialogue.moderation import hide
from tests.dialogue.factories import (
    answer,
    host_of,
    officer_of,
    operator_admin_of,
    person,
    platform_admin,
    propose,
)
from tests.factories import MunicipalityFactory, OfficeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(office, other_office, author) -> dict[str, Any]:
    """Proposals at two offices, for an operator and for a municipality; people with roles."""
    sibling = OfficeFactory(operator=office.operator, municipality=office.municipality)
    municipality = office.municipality
    proposals = {
        "office": propose(author, office=office),
        "sibling": propose(person("B"), office=sibling),
        "other_office": propose(person("C"), office=other_office),
        "operator": propose(person("D"), operator=office.operator),
        "other_operator": propose(person("E"), operator=other_office.operator),
        "municipality": propose(person("F"), municipality=municipality),
        "other_municipality": propose(person("G"), municipality=MunicipalityFactory()),
    }
    people = {
        "host": host_of(office, "Host"),
        "other_host": host_of(other_office, "OtherHost"),
        "operator_admin": operator_admin_of(office.operator, "OpAdmin"),
        "other_operator_admin": operator_admin_of(other_office.operator, "OtherOpAdmin"),
        "officer": officer_of(municipality, "Officer"),
        "other_officer": officer_of(MunicipalityFactory(), "OtherOfficer"),
        "platform_admin": platform_admin(),
        "member": person("Member"),
        "author": author,
        "anonymous": AnonymousUser(),
    }
    return {"proposals": proposals, "people": people}


#: Who answers what: person -> the proposals of ``world`` they answer.
ANSWERS = {
    "host": {"office"},
    "other_host": {"other_office"},
    "operator_admin": {"office", "sibling", "operator"},
    "other_operator_admin": {"other_office", "other_operator"},
    "officer": {"municipality"},
    "other_officer": set(),
    "platform_admin": {
        "office",
        "sibling",
        "other_office",
        "operator",
        "other_operator",
        "municipality",
        "other_municipality",
    },
    "member": set(),
    "author": set(),
    "anonymous": set(),
}


@pytest.mark.parametrize("who", ANSWERS)
def test_can_answer_by_role_and_scope(world, who):
    user = world["people"][who]
    answered = {name for name, p in world["proposals"].items() if policies.can_answer(user, p)}
    assert answered == ANSWERS[who]
    assert {name for name, p in world["proposals"].items() if policies.can_moderate(user, p)} == (
        ANSWERS[who]
    )


@pytest.mark.parametrize("who", ANSWERS)
def test_the_queue_scope_agrees_with_can_answer(world, who):
    user = world["people"][who]
    names = {p.pk: name for name, p in world["proposals"].items()}
    queue = policies.answerable(user, Proposal.objects.all())
    assert {names[pk] for pk in queue.values_list("pk", flat=True)} == ANSWERS[who]


def test_answers_somewhere_for_the_queue_link(world):
    people = world["people"]
    with_queue = {name for name, user in people.items() if policies.answers_somewhere(user)}
    assert with_queue == {
        "host",
        "other_host",
        "operator_admin",
        "other_operator_admin",
        "officer",
        "other_officer",
        "platform_admin",
    }


def test_a_closed_account_answers_nothing(world):
    host = world["people"]["host"]
    host.is_active = False
    host.save()
    assert not policies.can_answer(host, world["proposals"]["office"])
    assert not policies.answerable(host, Proposal.objects.all()).exists()


def test_hidden_proposals_are_seen_by_their_author_and_those_who_answer(world):
    proposal = world["proposals"]["office"]
    people = world["people"]
    everyone = {name for name, user in people.items() if policies.can_see(user, proposal)}
    assert everyone == set(people)
    hide(staff=people["host"], item=proposal, reason="Personuppgifter.")
    seeing = {name for name, user in people.items() if policies.can_see(user, proposal)}
    assert seeing == {"author", "host", "operator_admin", "platform_admin"}


def test_the_author_edits_while_open_and_unanswered(office, author, host, supporter):
    proposal = propose(author, office=office)
    assert policies.can_edit(author, proposal)
    assert not policies.can_edit(supporter, proposal)
    assert not policies.can_edit(host, proposal)
    assert not policies.can_edit(AnonymousUser(), proposal)
    assert policies.can_withdraw(author, proposal)
    answer(host, proposal, "planned")
    assert not policies.can_edit(author, proposal)  # answered: the text is fixed
    assert policies.can_withdraw(author, proposal)  # still open: it may be taken back
    answer(host, proposal, "declined")
    assert not policies.can_withdraw(author, proposal)


def test_a_hidden_proposal_is_neither_edited_nor_withdrawn(proposal, author, host):
    hide(staff=host, item=proposal, reason="Reklam.")
    proposal.refresh_from_db()
    assert not policies.can_edit(author, proposal)
    assert not policies.can_withdraw(author, proposal)


def test_members_propose_support_and_argue_visitors_do_not(proposal, supporter):
    closed = person("Closed", is_active=False)
    for check in (policies.can_support, policies.can_argue):
        assert check(supporter, proposal)
        assert not check(AnonymousUser(), proposal)
        assert not check(closed, proposal)
    assert policies.can_propose(supporter)
    assert not policies.can_propose(AnonymousUser())
    assert not policies.can_propose(closed)


def test_an_author_deleted_is_author_of_nothing(proposal, author, stranger):
    author.delete()
    proposal.refresh_from_db()
    assert proposal.author is None
    assert not policies.is_author(stranger, proposal)
    assert not policies.is_author(AnonymousUser(), proposal)
