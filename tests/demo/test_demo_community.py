"""``publicoffice demo`` fills the meeting place: a lively directory, requests, here today.

The demo's profiles are made by the community services, so these tests check
what a visitor of the demo should find: every kind of profile, presentations
in several languages marked with their language, organisations run by
several demo members, the curated words in three languages, contact
requests in every state, people here today, and suggestions for the
newcomer that say why.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from publicoffice.accounts.models import User
from publicoffice.community.curated_vocabulary import CURATED_WORDS
from publicoffice.community.matching import suggestions_for
from publicoffice.community.models import (
    ORGANISATION_KINDS,
    ContactRequest,
    ContactStatistic,
    Presence,
    Profile,
    ProfileKind,
    RequestStatus,
    Tag,
    Visibility,
)
from publicoffice.community.selectors.directory import directory_search
from publicoffice.community.vocabulary import profile_search_columns
from publicoffice.demo.community import clear_community, demo_profiles, load_community, tag_list
from publicoffice.demo.loader import load_demo
from publicoffice.places.models import OfficeStatus

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# A Wednesday late in November 2026 that is no holiday, at 11 in the morning.
WEDNESDAY_11 = datetime(2026, 11, 25, 11, 0, tzinfo=STOCKHOLM)
DOMAIN = "demo.publicoffice.example"
NOUR = f"nour@{DOMAIN}"
KARIM = f"karim@{DOMAIN}"

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The network and its meeting place (no visit history or bookings), loaded once."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        time_machine.travel(WEDNESDAY_11, tick=False),
        transaction.atomic(),
    ):
        yield load_demo(visits=False, bookings=False, history=False)
        transaction.set_rollback(True)


@pytest.fixture
def at_wednesday():
    with time_machine.travel(WEDNESDAY_11, tick=False):
        yield


def test_the_services_refused_nothing(demo):
    assert demo.community_refusals == Counter()


def test_about_150_profiles_of_every_kind(demo):
    profiles = demo_profiles()
    assert 140 <= profiles.count() <= 170
    assert demo.totals["profiles in the directory"] == profiles.count()
    kinds = Counter(profiles.values_list("kind", flat=True))
    assert set(kinds) == set(ProfileKind.values)
    assert all(count >= 5 for count in kinds.values()), kinds
    visibility = Counter(profiles.values_list("visibility", flat=True))
    assert set(visibility) == set(Visibility.values)
    assert visibility[Visibility.PUBLIC] > visibility[Visibility.HIDDEN] >= 5
    assert profiles.filter(is_new_in_town=True).count() >= 8


def test_presentations_are_written_in_five_languages_and_marked(demo):
    written = Counter(demo_profiles().values_list("presentation_language", flat=True))
    assert {"sv", "ar", "en", "so", "fa"} <= set(written)
    for profile in demo_profiles().filter(presentation_language__in=["ar", "fa"]):
        assert any("\u0600" <= char <= "\u06ff" for char in profile.presentation), profile
    for profile in demo_profiles().filter(presentation_language__in=["sv", "en", "so"]):
        assert not any("\u0600" <= char <= "\u06ff" for char in profile.presentation), profile
    assert all(p.presentation for p in demo_profiles())


def test_profiles_are_spread_over_the_open_offices(demo):
    homes = Counter(
        office.status
        for profile in demo_profiles().prefetch_related("home_offices")
        for office in profile.home_offices.all()
    )
    assert set(homes) == {OfficeStatus.OPEN}
    offices = {o.slug for p in demo_profiles() for o in p.home_offices.all()}
    assert {"ronna", "fittja", "rinkeby", "tensta-bibliotek", "flemingsberg"} <= offices
    assert len(offices) >= 10


def test_organisations_are_run_by_two_or_three_demo_members(demo):
    organisations = demo_profiles().filter(kind__in=ORGANISATION_KINDS)
    shared = [p for p in organisations if 2 <= p.admin_links.count() <= 3]
    assert len(shared) >= 5
    assert all(link.user.email.endswith(DOMAIN) for p in shared for link in p.admin_links.all())
    mansour = Profile.objects.get(name="Mansour Redovisning")
    assert {link.user.email for link in mansour.admin_links.all()} == {
        KARIM,
        f"omar@{DOMAIN}",
    }


def test_offers_and_needs_come_from_the_vocabulary_plus_a_few_free_words(demo):
    offered = Tag.objects.filter(offered_by__in=demo_profiles()).distinct()
    needed = Tag.objects.filter(needed_by__in=demo_profiles()).distinct()
    assert offered.filter(is_curated=True).count() >= 30
    assert needed.filter(is_curated=True).count() >= 15
    free = (offered | needed).filter(is_curated=False).distinct()
    assert 3 <= free.count() <= 15
    # "Arabic lessons" typed in English resolved to the curated word.
    johan = Profile.objects.get(name="Johan Karlsson")
    assert johan.needs.filter(slug="arabic-lessons").exists()


def test_every_curated_word_has_swedish_english_and_arabic_names(demo):
    tags = Tag.objects.curated()
    assert tags.count() == len(CURATED_WORDS) >= 40
    for tag in tags:
        assert tag.name_sv and tag.name_en and tag.name_ar, tag.slug
        assert any("\u0600" <= char <= "\u06ff" for char in tag.name_ar), tag.slug
        assert tag.search_terms.startswith("\n"), tag.slug


def test_search_columns_are_those_the_service_computes(demo):
    for profile in demo_profiles().prefetch_related("offers", "needs")[:40]:
        columns = profile_search_columns(profile)
        assert profile.search_text == columns["search_text"], profile
        assert profile.search_name == columns["search_name"]


def test_an_arabic_search_finds_the_swedish_bookkeeper(demo):
    nour = User.objects.get(email=NOUR)
    found = list(directory_search(user=nour, query="محاسبة"))
    assert any(p.name == "Mansour Redovisning" for p in found)
    assert all(
        p.offers.filter(slug="bookkeeping").exists()
        or p.needs.filter(slug="bookkeeping").exists()
        or "محاسب" in p.search_text
        for p in found
    )


def test_the_newcomer_is_suggested_a_bookkeeper_and_told_why(demo, at_wednesday):
    nour = User.objects.get(email=NOUR)
    with translation.override("sv"):
        found = suggestions_for(member=nour)
    names = [s.profile.name for s in found]
    assert "Mansour Redovisning" in names[:3], names
    mansour = found[names.index("Mansour Redovisning")]
    assert any("Bokföring" in r or "bokföring" in r for r in mansour.reasons), mansour.reasons
    assert any("Mansour Redovisning" in r for r in mansour.reasons)
    # Same office (Rinkeby) as a reason, and some profile that needs what she offers.
    assert any("Rinkeby" in r for r in mansour.reasons), mansour.reasons
    with translation.override("ar"):
        arabic = suggestions_for(member=nour)
    assert [s.profile.pk for s in arabic] == [s.profile.pk for s in found]
    assert any("\u0600" <= c <= "\u06ff" for r in arabic[0].reasons for c in r)


def test_every_story_member_gets_suggestions(demo, at_wednesday):
    for name in ("nour", "karim", "amina", "johan"):
        member = User.objects.get(email=f"{name}@{DOMAIN}")
        assert len(suggestions_for(member=member)) >= 3, name


def test_contact_requests_in_every_state_between_demo_members(demo):
    requests = ContactRequest.objects.filter(recipient__in=demo_profiles())
    statuses = Counter(requests.values_list("status", flat=True))
    assert statuses[RequestStatus.ACCEPTED] >= 3
    assert statuses[RequestStatus.PENDING] >= 3
    assert statuses[RequestStatus.DECLINED] >= 1
    # A demo login has a request waiting for an answer.
    karim = User.objects.get(email=KARIM)
    assert requests.filter(
        status=RequestStatus.PENDING, recipient__admin_links__user=karim
    ).exists()
    assert (
        ContactStatistic.objects.filter(request_id__in=requests.values("pk")).count()
        == requests.count()
    )
    answered = requests.exclude(status=RequestStatus.PENDING)
    assert all(r.answered_at and r.answered_at > r.created_at for r in answered)


def test_members_checked_in_now_are_here_today(demo, at_wednesday):
    from django.utils import timezone

    current = Presence.objects.current(timezone.now())
    assert current.count() == demo.totals["members shown as here today"] >= 3
    for presence in current.select_related("visit", "profile"):
        assert presence.visit.member_id is not None
        assert presence.profile.visibility != Visibility.HIDDEN
        assert presence.visit.office_id == presence.office_id


def test_tag_list_reads_like_a_sentence(demo):
    tags = [Tag.objects.get(slug=s) for s in ("bookkeeping", "cv-help", "web-design")]
    assert tag_list(tags, "sv") == "bokföring, hjälp med CV och webbdesign"
    assert tag_list(tags, "en") == "bookkeeping, CV help and web design"
    assert tag_list(tags[:1], "ar") == "مسك الدفاتر"


def test_loading_again_gives_the_same_directory(demo, at_wednesday):
    from django.utils import timezone

    before = sorted(demo_profiles().values_list("name", "kind", "visibility"))
    statistics = ContactStatistic.objects.count()
    requests = ContactRequest.objects.filter(recipient__in=demo_profiles()).count()
    with transaction.atomic():
        load_community(now=timezone.now())
        assert sorted(demo_profiles().values_list("name", "kind", "visibility")) == before
        assert ContactStatistic.objects.count() == statistics
        clear_community()
        assert not demo_profiles().exists()
        assert ContactStatistic.objects.count() == statistics - requests
        transaction.set_rollback(True)
