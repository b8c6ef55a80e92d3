"""The directory past its count cap: "more than", pages that stay cheap, rules unchanged.

The cap is lowered to a handful so a small directory goes past it; on
PostgreSQL the page then comes from the two-part query (name matches, then
the rest by name), on SQLite from the exact order.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.utils import translation

from publicoffice.community.selectors import directory as selectors
from publicoffice.community.selectors.directory import DirectoryResults, directory_search
from publicoffice.community.views import directory as views
from tests.factories import UserFactory

CAP = 4


@pytest.fixture
def capped(monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", CAP)
    monkeypatch.setattr(views, "COUNT_CAP", CAP)


@pytest.fixture
def many(make_profile, tags, third_member):
    """Seven listed profiles sharing "bokföring", one named after it, two never listed."""
    made = [
        make_profile(
            UserFactory(), f"Profil {n}", visibility="public", offers=[tags["bookkeeping"]]
        )
        for n in (5, 3, 6, 1)
    ]
    made += [
        make_profile(UserFactory(), f"Medlem {n}", offers=[tags["bookkeeping"]]) for n in (2, 1)
    ]
    made.append(make_profile(UserFactory(), "Zeta Bokföring", visibility="public"))
    make_profile(third_member, "Dold bokförare", visibility="hidden", offers=[tags["bookkeeping"]])
    hidden = make_profile(
        UserFactory(), "Modererad", visibility="public", offers=[tags["bookkeeping"]]
    )
    type(hidden).objects.filter(pk=hidden.pk).update(hidden_at="2026-01-01T00:00:00Z")
    return made


def page_names(results: DirectoryResults, start: int, stop: int) -> list[str]:
    return [profile.name for profile in results[start:stop]]


def test_the_count_stops_at_the_cap_and_says_more(capped, many, member):
    results = DirectoryResults(user=member, query="bokföring")
    assert results.count() == CAP and results.more_than_cap
    few = DirectoryResults(user=member, query="zeta")
    assert few.count() == 1 and not few.more_than_cap


def test_past_the_cap_name_matches_come_first_then_by_name(capped, many, member):
    results = DirectoryResults(user=member, query="bokföring")
    first = page_names(results, 0, CAP)
    assert first[0] == "Zeta Bokföring"
    assert first[1:] == ["Medlem 1", "Medlem 2", "Profil 1"]
    assert page_names(results, 2, 3) == ["Medlem 2"]
    assert page_names(results, 0, 1) == ["Zeta Bokföring"]  # the name matches fill it
    assert page_names(results, 1, 3) == ["Medlem 1", "Medlem 2"]
    assert page_names(results, CAP, CAP + 5) == []  # no page past the cap


def test_past_the_cap_the_rules_stay(capped, many, member):
    anonymous = DirectoryResults(user=AnonymousUser(), query="bokföring")
    seen = page_names(anonymous, 0, CAP)
    assert not any(name.startswith(("Medlem", "Dold", "Modererad")) for name in seen)
    listed = set(p.name for p in directory_search(user=member, query="bokföring"))
    assert set(page_names(DirectoryResults(user=member, query="bokföring"), 0, CAP)) <= listed
    assert "Dold bokförare" not in listed and "Modererad" not in listed


def test_the_page_says_more_than(capped, many, client, member):
    client.force_login(member)
    with translation.override("en"):
        page = client.get("/en/directory/", {"q": "bokföring"}).content.decode()
    assert f"More than {CAP} profiles found" in page
    exact = client.get("/en/directory/", {"q": "zeta"}).content.decode()
    assert "1 profile found" in exact


def test_markup_past_the_cap_is_just_text(capped, many, member):
    results = DirectoryResults(user=member, query="<script> bokföring")
    assert results.count() == 0 and page_names(results, 0, CAP) == []


def test_a_page_past_the_cap_is_a_fixed_number_of_queries(
    capped, many, member, django_assert_num_queries
):
    results = DirectoryResults(user=member, query="bokföring")
    results.count()
    # PostgreSQL: the ids of name matches, then of the others (one name match
    # does not fill the page), then those profiles; SQLite: the page's profiles
    # in their three groups, in one query. Then offers, needs, languages, offices.
    with django_assert_num_queries(7 if connection.vendor == "postgresql" else 5):
        results[0:CAP]
