"""Making a proposal: its scope, kind, text, language, the open-proposal limit, the clock."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from publicoffice.core.errors import DomainError
from publicoffice.dialogue.models import Kind, Proposal, ProposalStatistic, State
from publicoffice.dialogue.services.answers import proposal_withdraw
from publicoffice.dialogue.services.proposals import argument_add, follow
from tests.dialogue.factories import NOW, answer, days_after, host_of, person, propose, refused
from tests.factories import MunicipalityFactory, OperatorFactory

pytestmark = pytest.mark.django_db


def test_a_proposal_at_an_office_is_due_after_its_operators_promise(office, author):
    proposal = propose(author, office=office, kind=Kind.EQUIPMENT)
    proposal.refresh_from_db()
    assert (proposal.office, proposal.operator, proposal.municipality) == (office, None, None)
    assert (proposal.author, proposal.state, proposal.version) == (author, State.NEW, 1)
    assert proposal.kind == "equipment"
    assert proposal.support_count == 0
    assert proposal.created_at == NOW
    assert proposal.answer_due == date(2026, 12, 5)  # 25 November + 10 days
    assert proposal.first_answer_at is None


def test_the_statistics_row_is_made_with_the_proposal(office, author):
    proposal = propose(author, office=office, kind=Kind.OPENING_HOURS)
    statistic = ProposalStatistic.objects.get()
    assert statistic.proposal_public_id == proposal.public_id
    assert statistic.office == office
    assert (statistic.kind, statistic.state) == ("opening_hours", "new")
    assert (statistic.created_on, statistic.answer_due) == (date(2026, 11, 25), date(2026, 12, 5))
    assert (statistic.supports, statistic.excluded) == (0, False)
    assert statistic.answered_on_time is None


def test_a_proposal_for_an_operators_network_uses_its_promise(author):
    operator = OperatorFactory(answer_within_days=21)
    proposal = propose(author, operator=operator)
    assert (proposal.office, proposal.operator, proposal.municipality) == (None, operator, None)
    assert proposal.answer_due == date(2026, 12, 16)
    assert ProposalStatistic.objects.get().office is None


def test_a_proposal_for_a_municipality_uses_the_network_default(author, settings):
    settings.DIALOGUE_ANSWER_DAYS = 7
    municipality = MunicipalityFactory()
    proposal = propose(author, municipality=municipality)
    assert (proposal.office, proposal.operator, proposal.municipality) == (None, None, municipality)
    assert proposal.answer_due == date(2026, 12, 2)
    settings.DIALOGUE_ANSWER_DAYS = 30
    assert propose(author, municipality=municipality).answer_due == date(2026, 12, 25)


@pytest.mark.parametrize(
    "scopes",
    [
        (),
        ("office", "operator"),
        ("office", "municipality"),
        ("office", "operator", "municipality"),
        ("operator", "municipality"),
    ],
)
def test_exactly_one_scope(office, author, scopes):
    given: dict[str, Any] = {
        "office": office,
        "operator": office.operator,
        "municipality": office.municipality,
    }
    with refused("office_unknown", "office"):
        propose(author, **{name: given[name] for name in scopes})
    assert not Proposal.objects.exists()
    assert not ProposalStatistic.objects.exists()


@pytest.mark.parametrize("kind", Kind.values)
def test_every_kind_is_accepted(office, author, kind):
    assert propose(author, office=office, kind=kind).kind == kind


@pytest.mark.parametrize("kind", ["party", "", None, ["activity"], "ACTIVITY", 1])
def test_a_kind_outside_the_list_is_refused(office, author, kind):
    with refused("proposal_kind_invalid", "kind"):
        propose(author, office=office, kind=kind)
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("title", "", "text_missing"),
        ("title", "  \n\t  ", "text_missing"),
        ("title", "x" * 121, "text_too_long"),
        ("title", None, "text_invalid"),
        ("title", ["Läxhjälp"], "text_invalid"),
        ("title", 12, "text_invalid"),
        ("body", "", "text_missing"),
        ("body", "\n\n   \n", "text_missing"),
        ("body", "x" * 4001, "text_too_long"),
        ("body", None, "text_invalid"),
        ("body", ["Läxhjälp"], "text_invalid"),
        ("body", {"text": "Läxhjälp"}, "text_invalid"),
    ],
)
def test_bad_texts_are_refused_naming_the_field(office, author, field, value, code):
    with refused(code, field):
        propose(author, office=office, **{field: value})
    assert not Proposal.objects.exists()


def test_the_limits_are_the_cleaned_lengths(office, author):
    proposal = propose(author, office=office, title=f"  {'t' * 120}  ", body=f"\n{'b' * 4000}\n ")
    assert (len(proposal.title), len(proposal.body)) == (120, 4000)


@pytest.mark.parametrize(("field", "limit"), [("title", 120), ("body", 4000)])
def test_too_long_says_the_field_and_the_limit(office, author, field, limit):
    with pytest.raises(DomainError) as caught:
        propose(author, office=office, **{field: "y" * (limit + 1)})
    assert caught.value.details == {"field": field, "limit": limit}


def test_the_text_is_cleaned(office, author):
    proposal = propose(
        author,
        office=office,
        title="  Läxhjälp \t på\nlördagar  ",
        body="Första raden  med   mellanrum\n\n\n\nAndra stycket\u202e baklänges\n",
    )
    assert proposal.title == "Läxhjälp på lördagar"
    assert proposal.body == "Första raden med mellanrum\n\nAndra stycket baklänges"


def test_arabic_persian_and_emoji_are_kept(office, author):
    title = "مساعدة في الواجبات المدرسية 📚"
    body = "می‌خواهیم کلاس زبان داشته باشیم 🇸🇴 👩🏽‍🏫 ✊🏿"
    proposal = propose(author, office=office, title=title, body=body, language="ar")
    proposal.refresh_from_db()
    assert (proposal.title, proposal.body, proposal.language) == (title, body, "ar")
    assert "\u200c" in proposal.body  # the Persian non-joiner stays


def test_markup_is_kept_as_text_for_the_template_to_escape(office, author):
    title = "<script>alert('x')</script> & <b>fet</b>"
    body = '<img src=x onerror="alert(1)">\n<a href="javascript:alert(1)">länk</a>'
    proposal = propose(author, office=office, title=title, body=body)
    proposal.refresh_from_db()
    assert (proposal.title, proposal.body) == (title, body)


@pytest.mark.parametrize("language", ["sv", "en", "ar", "fa", "so", "ti"])
def test_the_six_languages_are_accepted(office, author, language):
    assert propose(author, office=office, language=language).language == language


@pytest.mark.parametrize("language", ["de", "", None, "SV", ["sv"], "sv-SE"])
def test_other_languages_are_refused(office, author, language):
    with refused("language_unknown", "language"):
        propose(author, office=office, language=language)


def test_a_member_has_a_limited_number_of_open_proposals(office, author, settings):
    settings.DIALOGUE_MAX_OPEN_PROPOSALS = 2
    first = propose(author, office=office)
    propose(author, office=office)
    with refused("too_many_proposals"):
        propose(author, office=office)
    assert Proposal.objects.filter(author=author).count() == 2
    propose(person("Other"), office=office)  # the limit is per member

    settings.DIALOGUE_MAX_OPEN_PROPOSALS = 3  # read at each call
    propose(author, office=office)
    settings.DIALOGUE_MAX_OPEN_PROPOSALS = 2
    answer(host_of(office), first, "declined", text="Det går inte.")
    with refused("too_many_proposals"):  # still two open ones
        propose(author, office=office)


def test_closed_withdrawn_and_archived_proposals_free_a_place(office, author, settings):
    settings.DIALOGUE_MAX_OPEN_PROPOSALS = 1
    done = propose(author, office=office)
    answer(host_of(office), done, "done", text="Klart!")
    withdrawn = propose(author, office=office)
    proposal_withdraw(author=author, proposal=withdrawn, reason="Fel kontor.")
    archived = propose(author, office=office)
    Proposal.objects.filter(pk=archived.pk).update(archived_at=NOW)
    assert propose(author, office=office).state == State.NEW


def test_answered_open_proposals_still_count(office, author, settings):
    settings.DIALOGUE_MAX_OPEN_PROPOSALS = 1
    planned = propose(author, office=office)
    answer(host_of(office), planned, "planned", text="Vi gör det i vår.")
    with refused("too_many_proposals"):
        propose(author, office=office)


def test_follow_and_stop_following(proposal, supporter):
    assert follow(member=supporter, proposal=proposal, on=True) is True
    assert follow(member=supporter, proposal=proposal, on=True) is False
    assert proposal.follows.count() == 1
    assert follow(member=supporter, proposal=proposal, on=False) is True
    assert follow(member=supporter, proposal=proposal, on=False) is False
    assert proposal.follows.count() == 0


def test_arguments_have_a_side_a_text_and_an_open_proposal(proposal, supporter, host):
    argument = argument_add(member=supporter, proposal=proposal, side="for", text=" Bra idé! ")
    assert (argument.side, argument.text, argument.member) == ("for", "Bra idé!", supporter)
    with refused("argument_side_invalid", "side"):
        argument_add(member=supporter, proposal=proposal, side="maybe", text="Hmm")
    with refused("text_too_long", "text"):
        argument_add(member=supporter, proposal=proposal, side="against", text="x" * 501)
    with refused("text_missing", "text"):
        argument_add(member=supporter, proposal=proposal, side="against", text="  ")
    answer(host, proposal, "declined", text="Nej.", now=days_after(NOW, 1))
    with refused("proposal_closed"):
        argument_add(member=supporter, proposal=proposal, side="for", text="Synd!")
    assert proposal.arguments.count() == 1
