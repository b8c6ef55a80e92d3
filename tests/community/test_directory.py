"""The directory: search across languages, filters, order, visibility, pages and
query counts, on the selector and through the HTTP client."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils.html import escape

from publicoffice.community.models import Profile
from publicoffice.community.selectors.directory import (
    MAX_QUERY_WORDS,
    directory_search,
    query_words,
)
from publicoffice.community.services.profiles import profile_update
from publicoffice.community.views.directory import PER_PAGE
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()


@pytest.fixture
def people(member, other_member, third_member, make_profile, tags, office, other_office, languages):
    """A small directory: a bookkeeper, a newcomer, a hidden and a members-only profile."""
    return {
        "bookkeeper": make_profile(
            member,
            "Räkna Rätt AB",
            kind="business",
            visibility="public",
            presentation="Vi sköter bokföringen åt små företag.",
            offers=[tags["bookkeeping"]],
            needs=[tags["web-design"]],
            languages=["sv"],
            home_offices=[office],
        ),
        "newcomer": make_profile(
            other_member,
            "Amal",
            visibility="members",
            presentation="وصلت إلى السويد قبل شهرين. أبحث عن محاسب.",
            presentation_language="ar",
            needs=[tags["bookkeeping"], tags["swedish-practice"]],
            offers=[tags["cooking"]],
            languages=["ar"],
            home_offices=[other_office],
            is_new_in_town=True,
        ),
        "hidden": make_profile(
            third_member,
            "Dold bokförare",
            visibility="hidden",
            offers=[tags["bookkeeping"]],
            home_offices=[office],
        ),
        "association": make_profile(
            third_member,
            "Föreningen Bokcirkeln",
            kind="association",
            visibility="public",
            presentation="Vi läser böcker tillsammans.",
            offers=[tags["swedish-practice"]],
            languages=["sv", "so"],
            home_offices=[office, other_office],
        ),
    }


def names(profiles) -> list[str]:
    return [profile.name for profile in profiles]


class TestSearch:
    @pytest.mark.parametrize(
        "query", ["محاسبة", "bokföring", "BOKFORING", "accounting", "xisaabaad"]
    )
    def test_any_language_finds_a_profile_through_its_tags(self, people, member, query):
        found = names(directory_search(user=member, query=query))
        assert "Räkna Rätt AB" in found
        assert "Amal" in found  # needs bookkeeping: matched by the same words
        assert "Dold bokförare" not in found

    def test_a_word_the_free_text_never_said(self, people, member):
        # The bookkeeper wrote Swedish only; "مسك الدفاتر" is a name of its tag.
        assert "Räkna Rätt AB" in names(directory_search(user=member, query="مسك الدفاتر"))

    def test_arabic_free_text_is_searched_folded(self, people, member):
        # Both through their tags, then by name.
        assert names(directory_search(user=member, query="محاسب")) == ["Amal", "Räkna Rätt AB"]
        assert names(directory_search(user=member, query="شهرين")) == ["Amal"]
        # "السويد" is also in the Arabic name of Swedish practice, which the association offers.
        assert names(directory_search(user=member, query="السويد")) == [
            "Amal",
            "Föreningen Bokcirkeln",
        ]

    def test_every_word_must_match(self, people, member):
        assert names(directory_search(user=member, query="bokföring arabiska")) == []
        assert names(directory_search(user=member, query="محاسب  عن")) == ["Amal"]

    def test_name_matches_come_before_tag_matches_before_text(self, people, member):
        found = names(directory_search(user=member, query="bok"))
        # "Föreningen Bokcirkeln" by name; then tag matches (bokföring), by name.
        assert found == ["Föreningen Bokcirkeln", "Amal", "Räkna Rätt AB"]

    def test_queries_are_bounded(self):
        words = query_words(" ".join(f"w{i}" for i in range(50)))
        assert len(words) == MAX_QUERY_WORDS
        assert query_words("x" * 500) == ["x" * 60]
        assert query_words("  \x00 ") == []

    def test_markup_is_just_text(self, people, member):
        assert names(directory_search(user=member, query="<script>")) == []

    def test_changes_are_found_at_once(self, people, member):
        profile_update(profile=people["bookkeeper"], actor=member, offers=["fotografering"])
        assert names(directory_search(user=member, query="photographer")) == ["Räkna Rätt AB"]
        assert "Räkna Rätt AB" not in names(directory_search(user=member, query="accounting"))


class TestFilters:
    def test_kind(self, people, member):
        assert names(directory_search(user=member, kind="association")) == ["Föreningen Bokcirkeln"]

    def test_offer_and_need(self, people, member):
        assert names(directory_search(user=member, offer="bookkeeping")) == ["Räkna Rätt AB"]
        assert names(directory_search(user=member, need="bookkeeping")) == ["Amal"]
        assert names(directory_search(user=member, offer="swedish-practice")) == [
            "Föreningen Bokcirkeln"
        ]

    def test_language(self, people, member):
        assert names(directory_search(user=member, language="so")) == ["Föreningen Bokcirkeln"]
        assert names(directory_search(user=member, language="sv")) == [
            "Föreningen Bokcirkeln",
            "Räkna Rätt AB",
        ]

    def test_office_by_slug_or_object(self, people, member, office, other_office):
        at_ronna = names(directory_search(user=member, office="ronna"))
        assert at_ronna == ["Föreningen Bokcirkeln", "Räkna Rätt AB"]
        assert names(directory_search(user=member, office=other_office)) == [
            "Amal",
            "Föreningen Bokcirkeln",
        ]

    def test_new_in_town(self, people, member):
        assert names(directory_search(user=member, new_in_town=True)) == ["Amal"]

    def test_filters_combine_without_repeats(self, people, member):
        found = directory_search(
            user=member, query="svenska", office="hovsjo", language="so", kind="association"
        )
        assert names(found) == ["Föreningen Bokcirkeln"]


class TestVisibility:
    def test_anonymous_visitors_see_public_profiles_only(self, people):
        assert names(directory_search(user=ANONYMOUS)) == [
            "Föreningen Bokcirkeln",
            "Räkna Rätt AB",
        ]

    def test_members_see_members_only_profiles_but_never_hidden_ones(self, people, member):
        assert names(directory_search(user=member)) == [
            "Amal",
            "Föreningen Bokcirkeln",
            "Räkna Rätt AB",
        ]

    def test_hidden_profiles_are_not_listed_even_for_their_admin(self, people, third_member):
        assert "Dold bokförare" not in names(directory_search(user=third_member))

    def test_order_ignores_case_and_accents(self, member, make_profile):
        for name in ("örjan", "Anna", "adam", "Östen", "Émile", "zara"):
            make_profile(member, name, visibility="public")
        assert names(directory_search(user=member)) == [
            "adam",
            "Anna",
            "Émile",
            "örjan",
            "Östen",
            "zara",
        ]


class TestPages:
    def test_the_network_directory_for_an_anonymous_visitor(self, client, people):
        response = client.get("/sv/directory/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Räkna Rätt AB" in html and "Föreningen Bokcirkeln" in html
        assert "Amal" not in html and "Dold bokförare" not in html
        assert 'name="robots"' not in html  # public directory may be indexed
        assert 'lang="sv" dir="auto"' in html  # presentations carry their language
        assert 'aria-current="page" href' not in html
        assert '<a href="/sv/directory/" aria-current="page">' in html

    def test_members_see_more_and_the_page_is_not_indexed(self, client, people, member):
        client.force_login(member)
        html = client.get("/sv/directory/").content.decode()
        assert "Amal" in html and "Dold bokförare" not in html
        assert '<meta name="robots" content="noindex">' in html
        assert 'lang="ar" dir="auto"' in html
        assert "Ny i stan" in html or "New in town" in html

    def test_search_through_the_form(self, client, people, member):
        client.force_login(member)
        html = client.get("/en/directory/", {"q": "محاسبة"}).content.decode()
        assert "Räkna Rätt AB" in html and "Amal" in html
        assert "Föreningen Bokcirkeln" not in html
        assert "2 profiles found" in html

    def test_filters_through_the_form(self, client, people):
        html = client.get(
            "/en/directory/", {"offer": "bookkeeping", "office": "ronna", "kind": ""}
        ).content.decode()
        assert "Räkna Rätt AB" in html and "Föreningen Bokcirkeln" not in html
        assert "Clear the search" in html

    def test_tags_show_in_the_page_language(self, client, people):
        html = client.get("/ar/directory/").content.decode()
        assert "مسك الدفاتر" in html
        html = client.get("/en/directory/").content.decode()
        assert "Bookkeeping" in html

    @pytest.mark.parametrize(
        "params",
        [
            {"offer": "no-such-tag"},
            {"kind": "<script>alert(1)</script>"},
            {"language": "🙂"},
            {"office": "elsewhere"},
            {"q": "x" * 201},
        ],
    )
    def test_bad_filter_values_say_why_and_drop_only_that_filter(self, client, people, params):
        response = client.get("/en/directory/", {**params, "need": "web-design"})
        assert response.status_code == 400
        html = response.content.decode()
        assert "Please correct the following" in html
        assert "<script>alert(1)</script>" not in html
        # The summary says which filter was wrong, and why.
        form = response.context["form"]
        (name,) = params
        assert list(form.errors) == [name]
        field, why = form[name], form.errors[name][0]
        assert f'<a href="#{field.id_for_label}">{field.label}: {escape(why)}</a>' in html
        # The valid filter still applies.
        assert "1 profile found" in html
        assert "Amal" not in html

    def test_pages_of_twenty(self, client, make_profile):
        for number in range(PER_PAGE + 5):
            make_profile(UserFactory(), f"Profil {number:02d}", visibility="public")
        first = client.get("/en/directory/").content.decode()
        assert "Page 1 of 2" in first and "Profil 19" in first and "Profil 20" not in first
        assert "?page=2" in first
        second = client.get("/en/directory/", {"page": 2}).content.decode()
        assert "Profil 20" in second and "Profil 24" in second and "Profil 19" not in second
        for odd in ("0", "-1", "999", "abc", "<script>"):
            assert client.get("/en/directory/", {"page": odd}).status_code == 200

    def test_page_links_keep_the_filters(self, client, make_profile, tags):
        for number in range(PER_PAGE + 1):
            make_profile(
                UserFactory(), f"Kock {number:02d}", visibility="public", offers=[tags["cooking"]]
            )
        html = client.get("/en/directory/", {"offer": "cooking", "page": 1}).content.decode()
        assert "?offer=cooking&amp;page=2" in html

    def test_the_office_directory(self, client, people, office):
        response = client.get("/en/offices/ronna/directory/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Räkna Rätt AB" in html and "Föreningen Bokcirkeln" in html
        assert "Amal" not in html
        assert 'name="office"' not in html  # the office is fixed here

    def test_unknown_or_closed_offices_are_not_found(self, client, people, office):
        assert client.get("/en/offices/nowhere/directory/").status_code == 404
        office.status = "closed"
        office.save()
        assert client.get("/en/offices/ronna/directory/").status_code == 404

    def test_only_reading(self, client, people):
        assert client.post("/en/directory/").status_code == 405


class TestQueryCounts:
    def _fill(self, make_profile, tags, offices, languages, start, count):
        for number in range(start, start + count):
            make_profile(
                UserFactory(),
                f"Profil {number:02d}",
                visibility="public",
                offers=[tags["bookkeeping"], tags["music"]],
                needs=[tags["web-design"], "egen sak"],
                languages=["sv", "ar"],
                home_offices=offices,
            )

    @pytest.mark.parametrize("signed_in", [False, True])
    def test_the_page_costs_the_same_for_two_or_twenty_profiles(
        self,
        client,
        member,
        other_member,
        make_profile,
        tags,
        office,
        other_office,
        languages,
        django_assert_num_queries,
        signed_in,
    ):
        if signed_in:
            client.force_login(other_member)
        offices = [office, other_office]
        self._fill(make_profile, tags, offices, languages, 0, 2)
        client.get("/sv/directory/")  # warm caches (content types, sessions)
        # tags, languages, offices; count, page; offers, needs, languages, home offices;
        # signed in: session, user and the user's roles (the menu's staff link).
        expected = 9 + (3 if signed_in else 0)
        with django_assert_num_queries(expected):
            response = client.get("/sv/directory/", {"q": "bokföring", "language": "ar"})
        assert response.status_code == 200
        self._fill(make_profile, tags, offices, languages, 2, 18)
        with django_assert_num_queries(expected):
            response = client.get("/en/directory/", {"q": "bokföring", "language": "ar"})
        assert "20 profiles found" in response.content.decode()

    def test_the_office_directory_is_constant_too(
        self, client, member, make_profile, tags, office, languages, django_assert_num_queries
    ):
        self._fill(make_profile, tags, [office], languages, 0, 3)
        client.get("/sv/offices/ronna/directory/")
        with django_assert_num_queries(10):  # the office itself, then as above
            client.get("/sv/offices/ronna/directory/")
        self._fill(make_profile, tags, [office], languages, 3, 7)
        with django_assert_num_queries(10):
            client.get("/sv/offices/ronna/directory/")


def test_profiles_without_search_columns_are_still_listed(member, make_profile):
    profile = make_profile(member, "Amina", visibility="public")
    Profile.objects.filter(pk=profile.pk).update(search_name="", search_text="")
    assert names(directory_search(user=ANONYMOUS)) == ["Amina"]
