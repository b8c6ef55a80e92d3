"""The vocabulary: folding, resolving typed words across languages, free words,
curating (refresh and merge) and the curated list itself."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils import translation

from publicoffice.community.curated_vocabulary import CURATED_WORDS
from publicoffice.community.models import Profile, ProfileAdmin, Tag
from publicoffice.community.selectors.directory import directory_search
from publicoffice.community.vocabulary import (
    MAX_WORD,
    find_tag,
    fold,
    resolve_words,
    split_words,
    tag_merge,
    tag_refresh_terms,
    terms_of,
)
from publicoffice.core.errors import DomainError
from publicoffice.core.text import one_line, paragraphs

pytestmark = pytest.mark.django_db


class TestFold:
    @pytest.mark.parametrize(
        ("typed", "folded"),
        [
            ("  Bokföring  ", "bokforing"),
            ("BOKFÖRING", "bokforing"),
            ("bokforing", "bokforing"),
            ("Straße", "strasse"),
            ("Ｗｅｂｂ", "webb"),  # full-width letters
            ("web \t\n  design", "web design"),
            ("مُحَاسَبَة", "محاسبه"),  # vowel marks and taa marbuta
            ("ﻣﺤﺎﺳﺒﺔ", "محاسبه"),  # Arabic presentation forms
            ("أحمد", "احمد"),
            ("إسلام", "اسلام"),
            ("مستشفى", "مستشفي"),  # alef maqsura
            ("كتـــاب", "كتاب"),  # tatweel
            ("کتاب یک", "كتاب يك"),  # Persian keheh and yeh meet the Arabic ones
            ("٢٠٢٦ و ۱۴۰۵", "2026 و 1405"),
            ("\u200fمرحبا\u200e", "مرحبا"),  # bidi marks go
            ("a\x00b", "a b"),
            ("", ""),
        ],
    )
    def test_one_spelling_for_each_word(self, typed, folded):
        assert fold(typed) == folded

    def test_marks_of_other_scripts_stay(self):
        # Devanagari vowel signs are letters, not accents.
        assert fold("हिंदी") == "हिंदी"

    def test_cleaning_keeps_text_but_drops_control_characters(self):
        assert one_line("  Amina\x00 \x1b[31m  Hassan\u202e ") == "Amina [31m Hassan"
        assert one_line("می\u200cخواهم") == "می\u200cخواهم"  # Persian needs its ZWNJ
        assert paragraphs("rad 1\r\n\r\n\r\n\r\nrad 2\x07") == "rad 1\n\nrad 2"

    def test_split_words_on_latin_and_arabic_commas(self):
        assert split_words("bokföring, webbdesign، ترجمة; \n , ") == [
            "bokföring",
            "webbdesign",
            "ترجمة",
        ]


class TestResolveWords:
    @pytest.mark.parametrize(
        "word",
        [
            "Bokföring",
            "bokforing",
            "redovisning",
            "Bookkeeping",
            "accounting",
            "محاسبة",
            "مُحاسَبة",
            "مسك الدفاتر",
            "xisaabaad",
            "حسابداری",
        ],
    )
    def test_every_language_and_synonym_finds_the_curated_word(self, word, tags):
        assert resolve_words([word]) == [tags["bookkeeping"]]

    def test_order_is_kept_and_repeats_go(self, tags):
        resolved = resolve_words(["webbdesign", "Bokföring", "accounting", "website", "  "])
        assert resolved == [tags["web-design"], tags["bookkeeping"]]

    def test_unknown_words_become_free_tags_once(self):
        before = Tag.objects.count()
        first = resolve_words(["Ölbryggning", "ölbryggning", "OLBRYGGNING"])
        assert len(first) == 1
        free = first[0]
        assert free.is_curated is False
        assert free.name_sv == "Ölbryggning"
        assert Tag.objects.count() == before + 1
        assert resolve_words(["ölbryggning"]) == [free]  # found again, not created again
        assert Tag.objects.count() == before + 1

    def test_free_words_in_arabic_script_get_a_usable_code(self):
        (free,) = resolve_words(["تصليح الهواتف"])
        assert free.slug.startswith("word-")
        assert free.is_curated is False
        assert find_tag("تصليح الهواتف") == free

    def test_free_word_names_show_in_every_language(self):
        (free,) = resolve_words(["Ölbryggning"])
        free = Tag.objects.get(pk=free.pk)
        for language, _name in settings.LANGUAGES:  # sv, en, ar, fa, so and ti
            with translation.override(language):
                assert free.name == "Ölbryggning"

    def test_a_curated_word_wins_over_a_free_one(self, tags):
        Tag.objects.create(
            slug="free-accounting",
            name="accounting",
            name_sv="accounting",
            is_curated=False,
            search_terms="\naccounting\n",
        )
        assert resolve_words(["Accounting"]) == [tags["bookkeeping"]]

    def test_script_and_markup_are_kept_as_text(self):
        (free,) = resolve_words(["<script>alert(1)</script>"])
        assert free.name_sv == "<script>alert(1)</script>"
        assert free.slug == free.slug.lower() and "<" not in free.slug

    def test_emoji_words_are_words(self):
        (free,) = resolve_words(["🚲 fix"])
        assert resolve_words(["🚲 FIX"]) == [free]

    def test_overlong_words_are_refused(self):
        before = Tag.objects.count()
        with pytest.raises(DomainError) as refused:
            resolve_words(["ok", "x" * (MAX_WORD + 1)])
        assert refused.value.code == "text_too_long"
        assert refused.value.details == {"field": "words", "limit": MAX_WORD}
        assert Tag.objects.count() == before + 1  # "ok" only; nothing for the long one

    def test_substrings_do_not_resolve(self, tags):
        # "bok" is part of "bokföring" but is not one of its words.
        (free,) = resolve_words(["bok"])
        assert free.is_curated is False


class TestCurating:
    def test_new_synonyms_find_existing_profiles_at_once(self, member, make_profile, tags):
        profile = make_profile(
            member, "Räkna Rätt AB", kind="business", offers=[tags["bookkeeping"]]
        )
        assert not directory_search(user=member, query="kirjanpito").exists()
        tag = tags["bookkeeping"]
        tag.synonyms += "\nkirjanpito"
        tag.save()
        assert tag_refresh_terms(tag) == 1
        assert list(directory_search(user=member, query="Kirjanpito")) == [profile]
        assert resolve_words(["kirjanpito"]) == [tag]

    def test_renaming_in_a_language_refreshes_profiles(self, member, make_profile, tags):
        profile = make_profile(member, "Aisha", needs=[tags["sewing"]])
        tag = tags["sewing"]
        tag.name_so = "Tolliin"
        tag.save()
        tag_refresh_terms(tag)
        assert "tolliin" in Profile.objects.get(pk=profile.pk).search_text

    def test_merging_free_words_into_a_curated_word(self, member, other_member, make_profile, tags):
        first = make_profile(member, "Amina", offers=["kontoplan"])
        second = make_profile(other_member, "Johan", needs=["Kontoplan", "Bokföring"])
        free = Tag.objects.get(slug__startswith="kontoplan-")
        assert tag_merge(into=tags["bookkeeping"], tags=[free, tags["bookkeeping"]]) == 1
        assert not Tag.objects.filter(pk=free.pk).exists()
        assert list(first.offers.all()) == [tags["bookkeeping"]]
        assert list(second.needs.all()) == [tags["bookkeeping"]]
        assert resolve_words(["kontoplan"]) == [tags["bookkeeping"]]
        assert "kontoplan" in Tag.objects.get(pk=tags["bookkeeping"].pk).synonyms
        assert list(directory_search(user=member, query="محاسبة")) == [first, second]

    def test_merging_nothing_changes_nothing(self, tags):
        assert tag_merge(into=tags["music"], tags=[tags["music"]]) == 0


class TestTheCuratedList:
    def test_forty_odd_words_with_swedish_english_and_arabic_names(self, tags):
        assert len(CURATED_WORDS) >= 40
        assert set(tags) >= {word["slug"] for word in CURATED_WORDS}
        for word in CURATED_WORDS:
            assert word["sv"] and word["en"] and word["ar"], word["slug"]
            assert word["group"] in {
                "business",
                "language",
                "digital",
                "practical",
                "learning",
                "culture",
                "care",
                "meeting",
            }

    def test_no_word_belongs_to_two_curated_tags(self, tags):
        owners: dict[str, str] = {}
        for tag in tags.values():
            for term in terms_of(tag):
                assert owners.setdefault(term, tag.slug) == tag.slug, term

    def test_the_migration_stored_the_terms(self, tags):
        for tag in tags.values():
            assert tag.search_terms.startswith("\n") and tag.search_terms.endswith("\n")
            assert set(terms_of(tag)) == {t for t in tag.search_terms.split("\n") if t}


class TestAdmin:
    """Curating in the staff admin: platform admins only; saving refreshes the search."""

    @pytest.fixture
    def platform_admin(self, db):
        from publicoffice.accounts.models import Role
        from publicoffice.staff.services import role_assign
        from tests.factories import UserFactory

        user = UserFactory(email="admin@example.org")
        role_assign(user=user, role=Role.PLATFORM_ADMIN)
        return user

    def test_saving_synonyms_refreshes_profiles(
        self, client, platform_admin, member, make_profile, tags
    ):
        profile = make_profile(
            member, "Cykel-Ali", visibility="public", offers=[tags["bike-repair"]]
        )
        tag = tags["bike-repair"]
        client.force_login(platform_admin)
        page = client.get(f"/en/admin/community/tag/{tag.pk}/change/")
        assert page.status_code == 200
        data = {
            "slug": tag.slug,
            "name_sv": tag.name_sv,
            "name_en": tag.name_en,
            "name_ar": tag.name_ar,
            "name_fa": "",
            "name_so": "Dayactirka baaskiilka",
            "name_ti": "",
            "group": tag.group,
            "synonyms": tag.synonyms + "\nvelo",
            "is_curated": "on",
        }
        response = client.post(f"/en/admin/community/tag/{tag.pk}/change/", data)
        assert response.status_code == 302, response.content.decode()[:2000]
        assert list(directory_search(user=member, query="Velo")) == [profile]
        assert list(directory_search(user=member, query="dayactirka")) == [profile]

    def test_merging_through_the_action(self, client, platform_admin, member, make_profile, tags):
        profile = make_profile(member, "Amina", offers=["cykellagning"])
        free = Tag.objects.get(is_curated=False)
        client.force_login(platform_admin)
        response = client.post(
            "/en/admin/community/tag/",
            {
                "action": "merge_into_curated",
                "_selected_action": [free.pk, tags["bike-repair"].pk],
            },
        )
        assert response.status_code == 302
        assert list(profile.offers.all()) == [tags["bike-repair"]]
        assert resolve_words(["cykellagning"]) == [tags["bike-repair"]]

    def test_merging_needs_exactly_one_curated_word(self, client, platform_admin, tags):
        client.force_login(platform_admin)
        client.post(
            "/en/admin/community/tag/",
            {
                "action": "merge_into_curated",
                "_selected_action": [tags["music"].pk, tags["dance"].pk],
            },
        )
        assert Tag.objects.filter(pk__in=[tags["music"].pk, tags["dance"].pk]).count() == 2

    def test_profiles_are_read_mostly_and_searchable(
        self, client, platform_admin, member, make_profile
    ):
        profile = make_profile(member, "Räkna Rätt", visibility="public", offers=["bokföring"])
        client.force_login(platform_admin)
        listing = client.get("/en/admin/community/profile/", {"q": "bokforing"})
        assert "Räkna Rätt" in listing.content.decode()
        assert client.get("/en/admin/community/profile/add/").status_code == 403
        response = client.post(
            f"/en/admin/community/profile/{profile.pk}/change/",
            {
                "visibility": "hidden",
                "admin_links-TOTAL_FORMS": "1",
                "admin_links-INITIAL_FORMS": "1",
                "links-TOTAL_FORMS": "0",
                "links-INITIAL_FORMS": "0",
                "admin_links-0-id": ProfileAdmin.objects.get(profile=profile).pk,
                "admin_links-0-profile": profile.pk,
            },
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        profile.refresh_from_db()
        assert profile.visibility == "hidden" and profile.name == "Räkna Rätt"

    def test_other_staff_see_nothing(self, client, office, tags):
        from publicoffice.accounts.models import Role
        from publicoffice.staff.services import role_assign
        from tests.factories import UserFactory

        host = UserFactory(email="host@example.org")
        role_assign(user=host, role=Role.HOST, office=office)
        client.force_login(host)
        assert client.get(f"/en/admin/community/tag/{tags['music'].pk}/change/").status_code in (
            302,
            403,
        )
        listing = client.get("/en/admin/community/tag/")
        assert "Bokföring" not in listing.content.decode()
