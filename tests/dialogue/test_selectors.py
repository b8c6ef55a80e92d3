"""The lists, the proposal page, the queue: what they show, in which order, in how many queries."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from publicoffice.dialogue import selectors
from publicoffice.dialogue.models import Proposal
from publicoffice.dialogue.moderation import hide
from publicoffice.dialogue.services.answers import proposal_withdraw
from publicoffice.dialogue.services.proposals import argument_add, follow, proposal_reword
from tests.dialogue.factories import (
    NOW,
    answer,
    days_after,
    host_of,
    local,
    officer_of,
    person,
    platform_admin,
    propose,
    refused,
    supported_by,
)
from tests.factories import MunicipalityFactory, OfficeFactory

pytestmark = pytest.mark.django_db


def titles(proposals: Any) -> list[str]:
    return [p.title for p in proposals]


def supporters(count: int, prefix: str) -> list[Any]:
    return [person(f"{prefix}{i}") for i in range(count)]


@pytest.fixture
def board(office, other_office, host) -> dict[str, Proposal]:
    """Open, answered, closed, archived and hidden proposals at the office (and one elsewhere)."""
    made = {
        name: propose(person(name), office=office, title=name, now=days_after(NOW, day))
        for day, name in enumerate(["Old", "Popular", "Planned", "Archived", "Hidden"])
    }
    made["Newest"] = propose(
        person("Newest2"), office=office, title="Newest", now=days_after(NOW, 9)
    )
    supported_by(made["Popular"], *supporters(3, "p"))
    supported_by(made["Old"], *supporters(1, "o"))
    answer(host, made["Planned"], "planned", now=days_after(NOW, 10))
    Proposal.objects.filter(pk=made["Archived"].pk).update(archived_at=days_after(NOW, 10))
    hide(staff=host, item=made["Hidden"], reason="Reklam.")
    for state, day in (("done", 11), ("declined", 12)):
        made[state] = propose(person(state), office=office, title=state)
        answer(host, made[state], state, now=days_after(NOW, day))
    made["Withdrawn"] = propose(person("W"), office=office, title="Withdrawn")
    proposal_withdraw(
        author=made["Withdrawn"].author,
        proposal=made["Withdrawn"],
        reason="Fel.",
        now=days_after(NOW, 13),
    )
    made["Elsewhere"] = propose(person("Elsewhere"), office=other_office, title="Elsewhere")
    return made


def test_open_proposals_by_support_then_newest(office, board):
    assert titles(selectors.office_open_proposals(office=office)) == [
        "Popular",
        "Old",
        "Newest",
        "Planned",
    ]
    assert titles(selectors.office_open_proposals(office=office, order="nonsense")) == [
        "Popular",
        "Old",
        "Newest",
        "Planned",
    ]


def test_open_proposals_newest_first(office, board):
    assert titles(selectors.office_open_proposals(office=office, order="newest")) == [
        "Newest",
        "Planned",
        "Popular",
        "Old",
    ]
    assert selectors.open_proposals_count(office=office) == 4


def test_answered_proposals_latest_change_first_without_hidden_ones(office, board, host):
    assert titles(selectors.office_answered_proposals(office=office)) == [
        "Withdrawn",
        "declined",
        "done",
    ]
    hide(staff=host, item=board["done"], reason="Personuppgifter.")
    assert titles(selectors.office_answered_proposals(office=office)) == ["Withdrawn", "declined"]


def test_network_proposals_of_a_municipality(office, other_office, author):
    municipality = office.municipality
    neighbour = OfficeFactory(municipality=municipality)
    propose(author, office=office, title="At the office")
    propose(person("N"), office=neighbour, title="At the neighbour")
    propose(person("M"), municipality=municipality, title="For the municipality")
    propose(person("X"), office=other_office, title="Elsewhere")
    propose(person("Y"), municipality=MunicipalityFactory(), title="Other municipality")
    propose(person("Z"), operator=office.operator, title="For the operator")
    mine = selectors.network_proposals(municipality=municipality, order="newest")
    assert titles(mine) == ["For the municipality", "At the neighbour", "At the office"]
    assert len(selectors.network_proposals()) == 6


def test_network_proposals_open_or_answered(office, board):
    everywhere_open = titles(selectors.network_proposals(municipality=office.municipality))
    assert everywhere_open == ["Popular", "Old", "Newest", "Planned"]
    answered = selectors.network_proposals(municipality=office.municipality, family="done")
    assert sorted(titles(answered)) == ["Withdrawn", "declined", "done"]


@pytest.mark.parametrize(
    "public_id",
    [
        "not-a-uuid",
        "",
        None,
        5,
        12.5,
        ["x"],
        {"id": 1},
        uuid.UUID(int=7),
        "00000000-0000-4000-8000-000000000007",
    ],
)
def test_unknown_and_unreadable_ids_are_not_found(proposal, public_id):
    with refused("proposal_not_found"):
        selectors.proposal_get_visible(user=AnonymousUser(), public_id=public_id)


def test_a_proposal_is_found_by_its_id_as_text_or_uuid(proposal):
    for public_id in (proposal.public_id, str(proposal.public_id)):
        assert selectors.proposal_get_visible(user=AnonymousUser(), public_id=public_id) == proposal


def test_hidden_proposals_are_not_found_by_strangers(proposal, author, host, stranger):
    hide(staff=host, item=proposal, reason="Kränkande.")
    for user in (AnonymousUser(), stranger, host_of(OfficeFactory(), "OtherHost")):
        with refused("proposal_not_found"):
            selectors.proposal_get_visible(user=user, public_id=proposal.public_id)
    for user in (author, host, platform_admin()):
        found = selectors.proposal_get_visible(user=user, public_id=proposal.public_id)
        assert (found, found.hidden_reason) == (proposal, "Kränkande.")


def test_the_queue_puts_unanswered_overdue_first(office, host):
    today = NOW + timedelta(days=40)
    made = {}
    for name, day in (("recent", 35), ("overdue_late", 10), ("overdue_early", 1), ("planned", 0)):
        made[name] = propose(person(name), office=office, title=name, now=days_after(NOW, day))
    answer(host, made["planned"], "planned", now=days_after(NOW, 2))
    closed = propose(person("closed"), office=office, title="closed")
    answer(host, closed, "declined")
    hidden = propose(person("hidden"), office=office, title="hidden")
    hide(staff=host, item=hidden, reason="Reklam.")
    propose(person("elsewhere"), office=OfficeFactory(), title="elsewhere")
    answer(host, made["recent"], "done", draft=True)

    queue = list(selectors.queue_to_answer(user=host))
    assert titles(queue) == ["overdue_early", "overdue_late", "recent", "planned"]
    assert [p.has_draft for p in queue] == [False, False, True, False]
    assert [selectors.clock.is_overdue(p, today=today.date()) for p in queue] == [
        True,
        True,
        False,
        False,
    ]
    assert titles(selectors.queue_to_answer(user=person("Nobody"))) == []


def test_the_queue_of_an_officer_holds_the_municipality_proposals(office, author):
    officer = officer_of(office.municipality)
    propose(author, office=office, title="At the office")
    propose(person("M"), municipality=office.municipality, title="For the municipality")
    assert titles(selectors.queue_to_answer(user=officer)) == ["For the municipality"]


@pytest.fixture
def argued(proposal, supporter, stranger, host):
    argument_add(member=supporter, proposal=proposal, side="for", text="Bra idé.")
    rude = argument_add(member=stranger, proposal=proposal, side="against", text="Dumt.")
    hide(staff=host, item=rude, reason="Otrevligt.")
    return proposal


def _page(user, proposal, now=NOW):
    return selectors.proposal_page(user=user, proposal=proposal, now=now)


def test_hidden_arguments_are_shown_to_their_author_and_to_staff(argued, supporter, stranger, host):
    assert [a.text for a in _page(AnonymousUser(), argued).arguments] == ["Bra idé."]
    assert [a.text for a in _page(supporter, argued).arguments] == ["Bra idé."]
    assert [a.text for a in _page(stranger, argued).arguments] == ["Bra idé.", "Dumt."]
    assert [a.text for a in _page(host, argued).arguments] == ["Bra idé.", "Dumt."]


def test_the_page_shows_drafts_to_staff_only(proposal, host, supporter):
    answer(host, proposal, "considering", text="Vi funderar.", now=days_after(NOW, 1))
    answer(host, proposal, "planned", text="Utkast.", draft=True, now=days_after(NOW, 2))
    for user, drafts in ((host, ["Utkast."]), (supporter, []), (AnonymousUser(), [])):
        page = _page(user, proposal)
        assert [a.text for a in page.answers] == ["Vi funderar."]
        assert [a.text for a in page.drafts] == drafts


def test_the_page_says_what_the_reader_did_and_how_old_it_is(proposal, author, supporter, stranger):
    supported_by(proposal, supporter)
    follow(member=stranger, proposal=proposal, on=True)
    proposal_reword(author=author, proposal=proposal, title="Ny rubrik", body="Ny text.")
    proposal.refresh_from_db()
    later = local(date(2026, 12, 6), 9)  # the day after the due day
    page = _page(supporter, proposal, now=later)
    assert (page.supported, page.following, page.overdue, page.age_days) == (True, False, True, 11)
    assert [v.number for v in page.versions] == [1]
    page = _page(stranger, proposal)
    assert (page.supported, page.following, page.overdue, page.age_days) == (False, True, False, 0)
    page = _page(AnonymousUser(), proposal)
    assert (page.supported, page.following) == (False, False)


def test_supported_ids_for_the_buttons(office, supporter, django_assert_num_queries):
    made = [propose(person(f"A{i}"), office=office) for i in range(3)]
    supported_by(made[0], supporter)
    supported_by(made[2], supporter)
    with django_assert_num_queries(1):
        assert selectors.supported_ids(user=supporter, proposals=made) == {made[0].pk, made[2].pk}
    assert selectors.supported_ids(user=AnonymousUser(), proposals=made) == set()


def _read_list(office: Any) -> int:
    rows = 0
    for p in selectors.office_open_proposals(office=office):
        _ = (p.title, p.office.name, p.author and p.author.display_name, p.support_count)
        rows += 1
    return rows


def test_the_open_list_takes_one_query_for_3_or_30_proposals(
    office, other_office, django_assert_num_queries
):
    for i in range(3):
        propose(person(f"Few{i}"), office=office)
    for i in range(30):
        propose(person(f"Many{i}"), office=other_office, now=days_after(NOW, i % 5))
    with django_assert_num_queries(1):
        assert _read_list(office) == 3
    with django_assert_num_queries(1):
        assert _read_list(other_office) == 30
