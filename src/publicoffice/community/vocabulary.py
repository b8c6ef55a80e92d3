"""Folding text and resolving words through the shared vocabulary.

Search and matching must not care whether someone typed "Bokföring",
"bokforing", "BOKFÖRING", "محاسبة" or "مُحاسَبة". Everything the directory
compares is first *folded* (:func:`fold`): Unicode-normalised, case-folded,
accents on Latin letters and Arabic vowel marks removed, the Arabic and
Persian spellings of the same letter made one. Both the stored columns and
the query go through the same function, so they always meet.

A curated :class:`~publicoffice.community.models.Tag` keeps every name and
synonym, folded, in ``search_terms`` (one per line, with a newline at both
ends so that a whole term can be found with one ``LIKE``). A profile keeps
the terms of all its tags in ``search_tags`` and ``search_text``: searching
"محاسبة" finds a profile that only said "bokföring", because the tag it
chose carries both words.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from publicoffice.community.models import Profile, Tag, TagGroup
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import one_line

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import ManyRelatedManager

#: Longest free word a member may type, in characters.
MAX_WORD = 60

# Arabic vowel marks (harakat), Quranic marks and the tatweel (kashida):
# written or not, the word is the same.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Letters written in several ways: hamza forms of alef, alef maqsura, taa
# marbuta, and the Persian yeh and keheh (so Persian and Arabic spellings meet).
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ة": "ه",
        "ۀ": "ه",
        "ک": "ك",
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
    }
)
#: Separators of a typed list of words: commas in Latin and Arabic script,
#: semicolons, new lines.
_WORD_SEPARATORS = re.compile("[,،;؛\n]+")


def _drop_latin_accents(text: str) -> str:
    """Remove accents from Latin letters only ("bokföring" → "bokforing").

    Marks on other scripts (Devanagari vowel signs, for example) carry
    meaning and stay.
    """
    decomposed = unicodedata.normalize("NFD", text)
    kept: list[str] = []
    base = ""
    for char in decomposed:
        if unicodedata.combining(char):
            if base and base < "\u0250":  # Latin, Latin-1 and Latin Extended
                continue
        else:
            base = char
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def fold(text: str) -> str:
    """The form of ``text`` that search compares: one spelling for each word.

    NFKC turns compatibility forms (full-width letters, Arabic presentation
    forms) into ordinary ones; case folding is Unicode-aware ("ß" → "ss");
    control and format characters (bidi marks, zero-width joiners) go;
    whitespace collapses to single spaces.
    """
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = "".join(
        " " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char
        for char in text
        if unicodedata.category(char) != "Cf"
    )
    text = _ARABIC_MARKS.sub("", text).translate(_LETTERS)
    return " ".join(_drop_latin_accents(text).split())


def split_words(value: str) -> list[str]:
    """A typed list ("bokföring, webbdesign، ترجمة") as separate words."""
    words = (one_line(word) for word in _WORD_SEPARATORS.split(value or ""))
    return [word for word in words if word]


# -- terms of a tag ---------------------------------------------------------------


def _name_fields() -> list[str]:
    return ["name", *(f"name_{code.replace('-', '_')}" for code, _name in settings.LANGUAGES)]


def terms_of(tag: Tag) -> list[str]:
    """Every name and synonym of ``tag``, folded, without repeats, in a stable order."""
    words: list[str] = [str(getattr(tag, field, "") or "") for field in _name_fields()]
    words += _WORD_SEPARATORS.split(tag.synonyms or "")
    return list(dict.fromkeys(term for term in (fold(word) for word in words) if term))


def join_terms(terms: Iterable[str]) -> str:
    """Terms as stored in ``Tag.search_terms``: one a line, a newline at both ends."""
    body = "\n".join(terms)
    return f"\n{body}\n" if body else ""


def profile_search_columns(profile: Profile) -> dict[str, str]:
    """The folded columns the directory reads, computed from the profile as it is.

    Reads ``offers`` and ``needs`` through ``.all()`` so a prefetch is used
    when there is one.
    """
    offers: ManyRelatedManager[Tag] = profile.offers  # type: ignore[assignment]
    needs: ManyRelatedManager[Tag] = profile.needs  # type: ignore[assignment]
    tags = {tag.pk: tag for tag in [*offers.all(), *needs.all()]}
    tag_terms: list[str] = []
    for tag in sorted(tags.values(), key=lambda tag: tag.slug):
        terms = [term for term in (tag.search_terms or "").split("\n") if term]
        tag_terms.extend(terms or terms_of(tag))
    search_name = fold(profile.name)
    search_tags = "\n".join(dict.fromkeys(tag_terms))
    texts = (profile.presentation, profile.offers_text, profile.needs_text)
    search_text = "\n".join(
        part for part in (search_name, search_tags, *(fold(text) for text in texts)) if part
    )
    return {"search_name": search_name, "search_tags": search_tags, "search_text": search_text}


# -- resolving typed words --------------------------------------------------------


def find_tag(word: str) -> Tag | None:
    """The tag one of whose names or synonyms is exactly ``word`` (folded).

    A curated tag wins over a free one with the same word.
    """
    key = fold(word)
    if not key:
        return None
    return (
        Tag.objects.filter(search_terms__contains=f"\n{key}\n")
        .order_by("-is_curated", "slug")
        .first()
    )


def _free_slug(key: str) -> str:
    """A stable, unique code for a free word: readable part plus a short hash."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:10]
    readable = slugify(key)[:60].strip("-")
    return f"{readable}-{digest}" if readable else f"word-{digest}"


def resolve_words(words: Iterable[str], *, field: str = "words") -> list[Tag]:
    """Map typed words to tags: a curated tag when any of its names or
    synonyms in any language is the word, otherwise a free tag of its own.

    The order of ``words`` is kept; repeats (also "Bokföring" and
    "redovisning", which resolve to the same tag) appear once. Free tags are
    created as needed and are not curated, so they are not offered to
    others until a platform admin curates them. A word too long is refused
    as ``text_too_long`` about ``field``.
    """
    tags: list[Tag] = []
    seen: set[int] = set()
    for word in words:
        label = one_line(word)
        if not label:
            continue
        if len(label) > MAX_WORD:
            raise DomainError(
                ErrorCode.TEXT_TOO_LONG,
                _("Keep each word under %(limit)d characters.") % {"limit": MAX_WORD},
                field=field,
                limit=MAX_WORD,
            )
        tag = find_tag(label)
        if tag is None:
            key = fold(label)
            tag, _created = Tag.objects.get_or_create(
                slug=_free_slug(key),
                defaults={
                    "name": label,
                    "name_sv": label,
                    "is_curated": False,
                    "group": TagGroup.OTHER,
                    "search_terms": join_terms([key]),
                },
            )
        if tag.pk not in seen:
            seen.add(tag.pk)
            tags.append(tag)
    return tags


# -- curating ----------------------------------------------------------------------


def _refresh_profiles_of(tag_ids: Iterable[int]) -> int:
    """Recompute the search columns of every profile that offers or needs these tags."""
    ids = list(tag_ids)
    profiles = (
        Profile.objects.filter(Q(offers__in=ids) | Q(needs__in=ids))
        .distinct()
        .order_by("pk")
        .prefetch_related("offers", "needs")
    )
    batch: list[Profile] = []
    count = 0
    for profile in profiles.iterator(chunk_size=500):
        for column, value in profile_search_columns(profile).items():
            setattr(profile, column, value)
        batch.append(profile)
        if len(batch) >= 500:
            Profile.objects.bulk_update(batch, ["search_name", "search_tags", "search_text"])
            count += len(batch)
            batch = []
    if batch:
        Profile.objects.bulk_update(batch, ["search_name", "search_tags", "search_text"])
        count += len(batch)
    return count


@transaction.atomic
def tag_refresh_terms(tag: Tag) -> int:
    """Recompute a tag's terms after its names or synonyms changed, and the
    search columns of every profile using it, so the directory finds them by
    the new words at once. Returns how many profiles were refreshed.
    """
    tag.search_terms = join_terms(terms_of(tag))
    tag.save(update_fields=["search_terms", "updated_at"])
    return _refresh_profiles_of([tag.pk])


@transaction.atomic
def tag_merge(*, into: Tag, tags: Iterable[Tag]) -> int:
    """Fold other tags (usually free words) into ``into``.

    Their profiles offer and need ``into`` instead, their names become
    synonyms of ``into`` (so the same word typed later resolves to it), and
    they are deleted. Returns how many tags were merged.
    """
    others = [tag for tag in tags if tag.pk != into.pk]
    if not others:
        return 0
    known = set(terms_of(into))
    synonyms = [line for line in (into.synonyms or "").split("\n") if line.strip()]
    for other in others:
        for field in _name_fields():
            word = one_line(getattr(other, field, "") or "")
            if word and fold(word) not in known:
                known.add(fold(word))
                synonyms.append(word)
        for relation in (Profile.offers.through, Profile.needs.through):
            users = list(
                relation.objects.filter(tag_id=other.pk).values_list("profile_id", flat=True)
            )
            relation.objects.bulk_create(
                [relation(profile_id=pid, tag_id=into.pk) for pid in users],
                ignore_conflicts=True,
            )
    affected = [into.pk, *(other.pk for other in others)]
    profile_ids = set(
        Profile.objects.filter(Q(offers__in=affected) | Q(needs__in=affected)).values_list(
            "pk", flat=True
        )
    )
    Tag.objects.filter(pk__in=[other.pk for other in others]).delete()
    into.synonyms = "\n".join(synonyms)
    into.search_terms = join_terms(terms_of(into))
    into.save(update_fields=["synonyms", "search_terms", "updated_at"])
    profiles = Profile.objects.filter(pk__in=profile_ids).prefetch_related("offers", "needs")
    for profile in profiles:
        for column, value in profile_search_columns(profile).items():
            setattr(profile, column, value)
    Profile.objects.bulk_update(list(profiles), ["search_name", "search_tags", "search_text"])
    return len(others)
