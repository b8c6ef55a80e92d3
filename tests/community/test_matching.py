"""Who to meet: matching across languages, both directions, the reasons in
words, the preferences, what is never suggested, and a stable order.

Profiles are made through the profile service (``make_profile`` of the
conftest), so the words members type are resolved through the curated
vocabulary exactly as on the site.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.utils import translation

from publicoffice.community import matching
from publicoffice.community.matching import (
    NEARBY_POINTS,
    NEW_IN_TOWN_POINTS,
    SAME_OFFICE_POINTS,
    TAG_POINTS,
    distance_km,
    suggestion_hide,
    suggestions_for,
)
from publicoffice.community.models import Block, HiddenSuggestion, Presence
from publicoffice.core.errors import DomainError
from publicoffice.visits import services as visits
from publicoffice.visits.models import Source
from tests.factories import OfficeFactory, UserFactory, WeeklyHoursFactory

# Office coordinates: Ronna (Södertälje), one 2.2 km north, one 22 km north.
RONNA = (Decimal("59.200300"), Decimal("17.604500"))
NEAR = (Decimal("59.220300"), Decimal("17.604500"))
FAR = (Decimal("59.400300"), Decimal("17.604500"))


def in_language(code: str, message: str) -> str:
    with translation.override(code):
        return translation.gettext(message)


def names(found: list[Any]) -> list[str]:
    return [suggestion.profile.name for suggestion in found]


@pytest.fixture
def amina(member):
    return member


@pytest.fixture
def johan(other_member):
    return other_member


@pytest.fixture
def sara(third_member):
    return third_member


def placed(slug: str, where: tuple[Decimal, Decimal], name: str) -> Any:
    office = OfficeFactory(
        slug=slug, name=name, name_en=f"{name} (en)", latitude=where[0], longitude=where[1]
    )
    for weekday in range(5):
        WeeklyHoursFactory(office=office, weekday=weekday)
    return office


@pytest.fixture
def ronna(db):
    return placed("ronna-office", RONNA, "Ronna kontor")


@pytest.fixture
def near(db):
    return placed("near-office", NEAR, "Hovsjö kontor")


@pytest.fixture
def far(db):
    return placed("far-office", FAR, "Långt bort kontor")


# -- matching across languages ----------------------------------------------------------------


class TestAcrossLanguages:
    def test_an_arabic_need_meets_a_swedish_offer(self, make_profile, amina, johan, tags):
        make_profile(amina, "Amina", needs=["محاسبة"])
        make_profile(johan, "Johans Bokföring", kind="business", offers=["bokföring"])

        (found,) = suggestions_for(member=amina)

        assert found.profile.name == "Johans Bokföring"
        assert found.score == TAG_POINTS

    def test_the_reason_is_written_in_the_active_language(self, make_profile, amina, johan, tags):
        make_profile(amina, "Amina", needs=["accounting"])
        make_profile(johan, "Johan", offers=["redovisning"])
        bookkeeping = tags["bookkeeping"]
        sentence = "You look for %(tags)s; %(name)s offers %(tags)s."

        for code in ("sv", "en", "ar"):
            with translation.override(code):
                (found,) = suggestions_for(member=amina)
            with translation.override(code):
                tag_name = str(bookkeeping.name)
            assert found.reasons == [
                in_language(code, sentence) % {"tags": tag_name, "name": "Johan"}
            ]
        with translation.override("en"):
            (english,) = suggestions_for(member=amina)
        assert english.reasons == ["You look for Bookkeeping; Johan offers Bookkeeping."]
        with translation.override("ar"):
            (arabic,) = suggestions_for(member=amina)
        assert "مسك الدفاتر" in arabic.reasons[0]

    def test_their_needs_meet_my_offers(self, make_profile, amina, sara):
        make_profile(amina, "Amina Design", offers=["web design"])
        make_profile(sara, "Saras förening", kind="association", needs=["hemsida"])

        with translation.override("en"):
            (found,) = suggestions_for(member=amina)

        assert found.reasons == ["Saras förening looks for Web design, which you offer."]
        with translation.override("sv"):
            (swedish,) = suggestions_for(member=amina)
        assert swedish.reasons == [
            in_language("sv", "%(name)s looks for %(tags)s, which you offer.")
            % {"name": "Saras förening", "tags": "Webbdesign"}
        ]

    def test_both_directions_add_up_and_come_first(self, make_profile, amina, johan, sara):
        make_profile(amina, "Amina", needs=["bokföring"], offers=["webbdesign"])
        make_profile(johan, "Both ways", offers=["accounting"], needs=["web design"])
        make_profile(sara, "One way", offers=["bookkeeping"])

        found = suggestions_for(member=amina)

        assert names(found) == ["Both ways", "One way"]
        assert [s.score for s in found] == [2 * TAG_POINTS, TAG_POINTS]
        assert len(found[0].reasons) == 2

    def test_several_shared_words_are_listed_together(self, make_profile, amina, johan):
        make_profile(amina, "Amina", needs=["bookkeeping", "web design"])
        make_profile(johan, "Johan", offers=["webbdesign", "bokföring"])

        with translation.override("en"):
            (found,) = suggestions_for(member=amina)

        assert found.reasons == [
            "You look for Bookkeeping and Web design; Johan offers Bookkeeping and Web design."
        ]
        assert found.score == 2 * TAG_POINTS

    def test_all_my_profiles_count(self, make_profile, amina, johan, sara):
        make_profile(amina, "Amina", needs=["bokföring"])
        make_profile(amina, "Aminas förening", kind="association", offers=["webbdesign"])
        make_profile(johan, "Bokförare", offers=["bookkeeping"])
        make_profile(sara, "Behöver hemsida", needs=["hemsida"])

        assert names(suggestions_for(member=amina)) == ["Behöver hemsida", "Bokförare"]

    def test_free_words_match_only_the_same_word(self, make_profile, amina, johan, sara):
        make_profile(amina, "Amina", needs=["Biodling i stan"])
        make_profile(johan, "Biodlaren", offers=["biodling i stan"])
        make_profile(sara, "Annat", offers=["Biodling på landet"])

        assert names(suggestions_for(member=amina)) == ["Biodlaren"]

    def test_no_shared_word_no_suggestion(self, make_profile, amina, johan):
        make_profile(amina, "Amina", needs=["bokföring"])
        make_profile(johan, "Johan", offers=["webbdesign"], needs=["bokföring"])

        assert suggestions_for(member=amina) == []


# -- preferences and order ---------------------------------------------------------------------


class TestPreferences:
    def test_same_office_then_nearby_then_far_then_newcomers(
        self, make_profile, amina, ronna, near, far
    ):
        make_profile(amina, "Amina", needs=["bokföring"], home_offices=[ronna])
        people = {
            "A far": {"home_offices": [far]},
            "B far newcomer": {"home_offices": [far], "is_new_in_town": True},
            "C near": {"home_offices": [near]},
            "D same": {"home_offices": [ronna]},
            "E nowhere": {},
        }
        for name, fields in people.items():
            make_profile(UserFactory(), name, offers=["bookkeeping"], **fields)

        found = suggestions_for(member=amina)

        assert names(found) == ["D same", "C near", "B far newcomer", "A far", "E nowhere"]
        assert [s.score for s in found] == [
            TAG_POINTS + SAME_OFFICE_POINTS,
            TAG_POINTS + NEARBY_POINTS,
            TAG_POINTS + NEW_IN_TOWN_POINTS,
            TAG_POINTS,
            TAG_POINTS,
        ]

    def test_the_reasons_name_the_office_and_the_distance(self, make_profile, amina, ronna, near):
        make_profile(amina, "Amina", needs=["bokföring"], home_offices=[ronna])
        make_profile(
            UserFactory(),
            "Granne",
            offers=["bookkeeping"],
            home_offices=[near],
            is_new_in_town=True,
        )
        make_profile(UserFactory(), "Kollega", offers=["bookkeeping"], home_offices=[ronna, near])

        with translation.override("en"):
            colleague, neighbour = suggestions_for(member=amina)

        assert colleague.reasons[-1] == "Also at Ronna kontor (en)."
        assert neighbour.reasons[1:] == [
            "Nearby: Hovsjö kontor (en), 2.2 km from yours.",
            "New in town.",
        ]
        with translation.override("sv"):
            _colleague, swedish = suggestions_for(member=amina)
        assert swedish.reasons[1] == in_language(
            "sv", "Nearby: %(office)s, %(distance)s km from yours."
        ) % {"office": "Hovsjö kontor", "distance": "2,2"}

    def test_one_more_shared_word_outweighs_every_preference(self, make_profile, amina, ronna, far):
        make_profile(amina, "Amina", needs=["bokföring", "webbdesign"], home_offices=[ronna])
        make_profile(
            UserFactory(),
            "Close newcomer",
            offers=["bookkeeping"],
            home_offices=[ronna],
            is_new_in_town=True,
        )
        make_profile(UserFactory(), "Far but two", offers=["bookkeeping", "web design"])

        assert names(suggestions_for(member=amina)) == ["Far but two", "Close newcomer"]
        assert SAME_OFFICE_POINTS + NEW_IN_TOWN_POINTS < TAG_POINTS

    def test_equal_scores_go_by_name_then_id_every_time(self, make_profile, amina):
        make_profile(amina, "Amina", needs=["bokföring"])
        for name in ["Cecilia", "Adam", "Bertil", "Adam"]:
            make_profile(UserFactory(), name, offers=["bookkeeping"])

        first = suggestions_for(member=amina)
        again = suggestions_for(member=amina)

        assert names(first) == ["Adam", "Adam", "Bertil", "Cecilia"]
        assert first[0].profile.pk < first[1].profile.pk
        assert [s.profile.pk for s in first] == [s.profile.pk for s in again]
        assert [s.reasons for s in first] == [s.reasons for s in again]

    def test_limit(self, make_profile, amina):
        make_profile(amina, "Amina", needs=["bokföring"])
        for index in range(5):
            make_profile(UserFactory(), f"Person {index}", offers=["bookkeeping"])
        assert names(suggestions_for(member=amina, limit=2)) == ["Person 0", "Person 1"]
        assert len(suggestions_for(member=amina, limit=0)) == 1

    def test_here_today_is_said(self, make_profile, amina, johan, office, frozen):
        make_profile(amina, "Amina", needs=["bokföring"])
        johans = make_profile(johan, "Johan", offers=["bookkeeping"])
        visit = visits.visit_check_in(office=office, source=Source.MEMBER, member=johan).visit
        Presence.objects.create(visit=visit, office=office, profile=johans, audience="members")

        with translation.override("en"):
            (found,) = suggestions_for(member=amina)

        assert found.reasons[-1] == "Here today at Ronna office."
        assert found.score == TAG_POINTS  # said, not scored


def test_distance_is_haversine():
    assert distance_km(59.0, 18.0, 59.0, 18.0) == 0
    assert distance_km(59.2003, 17.6045, 59.2203, 17.6045) == pytest.approx(2.22, abs=0.01)
    assert distance_km(0, 0, 0, 180) == pytest.approx(20015, rel=0.001)


# -- what is never suggested --------------------------------------------------------------------


class TestNeverSuggested:
    def test_own_hidden_and_for_anonymous(self, make_profile, amina, johan):
        make_profile(amina, "Amina", needs=["bokföring"])
        make_profile(amina, "Aminas egen byrå", offers=["bookkeeping"])
        make_profile(johan, "Dold bokförare", offers=["bookkeeping"], visibility="hidden")
        members_only = make_profile(johan, "Medlemsbokförare", offers=["bookkeeping"])

        assert names(suggestions_for(member=amina)) == [members_only.name]
        assert suggestions_for(member=AnonymousUser()) == []

    def test_a_member_without_profiles_or_words_gets_none(self, make_profile, amina, johan):
        make_profile(johan, "Johan", offers=["bookkeeping"])
        assert suggestions_for(member=amina) == []
        make_profile(amina, "Amina utan ord")
        assert suggestions_for(member=amina) == []

    def test_hidden_suggestions_stay_hidden(self, make_profile, amina, johan, sara):
        make_profile(amina, "Amina", needs=["bokföring"])
        johans = make_profile(johan, "Johan", offers=["bookkeeping"])
        make_profile(sara, "Sara", offers=["bookkeeping"])

        suggestion_hide(member=amina, profile=johans)
        suggestion_hide(member=amina, profile=johans)

        assert names(suggestions_for(member=amina)) == ["Sara"]
        assert HiddenSuggestion.objects.count() == 1
        # Only for Amina: Sara still gets Johan suggested.
        make_profile(sara, "Saras behov", needs=["accounting"])
        assert "Johan" in names(suggestions_for(member=sara))

    def test_hiding_a_profile_you_cannot_see_is_refused(self, make_profile, amina, johan):
        hidden = make_profile(johan, "Dold", visibility="hidden")
        with pytest.raises(DomainError) as caught:
            suggestion_hide(member=amina, profile=hidden)
        assert caught.value.status == 404
        with pytest.raises(DomainError):
            suggestion_hide(member=AnonymousUser(), profile=hidden)
        assert HiddenSuggestion.objects.count() == 0

    @pytest.mark.parametrize("direction", ["they_blocked_me", "i_blocked_them"])
    def test_blocks_either_way(self, make_profile, amina, johan, direction):
        make_profile(amina, "Amina", needs=["bokföring"])
        make_profile(johan, "Johan", offers=["bookkeeping"])
        if direction == "they_blocked_me":
            Block.objects.create(blocker=johan, blocked=amina)
        else:
            Block.objects.create(blocker=amina, blocked=johan)

        assert suggestions_for(member=amina) == []


def test_queries_stay_bounded(make_profile, amina, ronna, near, django_assert_max_num_queries):
    make_profile(amina, "Amina", needs=["bokföring"], offers=["webbdesign"], home_offices=[ronna])

    def add(count: int) -> None:
        for index in range(count):
            make_profile(
                UserFactory(),
                f"P{index}",
                offers=["bookkeeping"],
                needs=["hemsida"],
                home_offices=[near],
            )

    add(3)
    # On PostgreSQL one more: the bounded candidate set of popular tags.
    with django_assert_max_num_queries(10 + (connection.vendor == "postgresql")) as few:
        assert len(suggestions_for(member=amina)) == 3
    add(30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(suggestions_for(member=amina)) == 20


def test_popular_tags_give_a_bounded_candidate_set(make_profile, amina, monkeypatch):
    """Per wished tag only the newest sharers are ranked on PostgreSQL; each is still
    scored on all tags. SQLite (one municipality's directory) ranks every sharer."""
    monkeypatch.setattr(matching, "CANDIDATES_PER_TAG", 2)
    make_profile(amina, "Amina", needs=["bokföring"], offers=["webbdesign"])
    make_profile(UserFactory(), "Both", offers=["bookkeeping"], needs=["hemsida"])
    for name in ("Old", "Middle", "New"):
        make_profile(UserFactory(), name, offers=["bookkeeping"])
    found = suggestions_for(member=amina)
    # Offering bookkeeping: New, Middle (the newest two); needing web design: Both.
    bounded = connection.vendor == "postgresql"
    assert names(found) == ["Both", "Middle", "New"] + ([] if bounded else ["Old"])
    assert found[0].score == 2 * matching.TAG_POINTS
