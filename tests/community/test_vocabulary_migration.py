"""Migration ``community.0004`` completes the curated words in an older database.

A database migrated before the list had Persian, Somali and Tigrinya names
lacks them; the migration fills in what is empty, adds the new synonyms,
keeps what a platform admin wrote, and refreshes the directory's search.
The migration's function is run on today's models, as it would run on an
older database with the same columns.
"""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps

from publicoffice.community.curated_vocabulary import CURATED_WORDS
from publicoffice.community.models import Profile, Tag
from publicoffice.community.selectors.directory import directory_search
from publicoffice.community.vocabulary import join_terms, terms_of

migration = import_module("publicoffice.community.migrations.0004_curated_vocabulary_six_languages")

pytestmark = pytest.mark.django_db

WORDS = {word["slug"]: word for word in CURATED_WORDS}


def as_before(tag: Tag) -> Tag:
    """The tag as the first list left it: no Tigrinya or Somali name, fewer synonyms."""
    tag.name_so = None
    tag.name_ti = ""
    tag.synonyms = "\n".join(s for s in tag.synonyms.split("\n") if s.isascii())
    tag.search_terms = join_terms(terms_of(tag))
    tag.save()
    return tag


def test_a_fresh_database_already_has_every_name(tags):
    for slug, word in WORDS.items():
        for code in ("sv", "en", "ar", "fa", "so", "ti"):
            assert getattr(tags[slug], f"name_{code}") == word[code], (slug, code)


def test_empty_names_and_missing_synonyms_are_filled_in(tags, member, make_profile):
    sewing = as_before(tags["sewing"])
    profile = make_profile(member, "Hodan", offers=[sewing])
    assert not directory_search(user=member, query="ስፌት").exists()

    migration.complete_names(apps, None)

    sewing.refresh_from_db()
    assert sewing.name_so == WORDS["sewing"]["so"] and sewing.name_ti == WORDS["sewing"]["ti"]
    assert set(WORDS["sewing"]["synonyms"]) <= set(sewing.synonyms.split("\n"))
    assert list(directory_search(user=member, query="ስፌት")) == [profile]
    assert list(directory_search(user=member, query="ሰፋዪ")) == [profile]


def test_an_admins_names_and_synonyms_are_kept(tags):
    music = tags["music"]
    music.name_so = "Muusiko"
    music.name_fa = ""
    music.synonyms += "\nqaraami"
    music.save()

    migration.complete_names(apps, None)

    music.refresh_from_db()
    assert music.name_so == "Muusiko" and music.name_fa == WORDS["music"]["fa"]
    assert "qaraami" in music.synonyms.split("\n")
    assert music.synonyms.count("hees") == 1


def test_nothing_to_do_touches_no_profile(tags, member, make_profile):
    profile = make_profile(member, "Amina", offers=[tags["bookkeeping"]])
    Profile.objects.filter(pk=profile.pk).update(search_text="stale")

    migration.complete_names(apps, None)

    assert Profile.objects.get(pk=profile.pk).search_text == "stale"
