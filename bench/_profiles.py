"""The directory benchmark's profiles: drawn like a real directory, written in bulk.

Kept apart from ``bench/directory.py`` (the measuring), and named with a
leading underscore so the test suite does not run it as a benchmark. The
profiles' folded search columns come from
``community.vocabulary.profile_search_columns``, the function the profile
service uses; :func:`check_sample` compares a sample with it after loading.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

BATCH = 5_000
#: (kind, share of profiles).
KINDS = (
    ("person", 0.60),
    ("business", 0.15),
    ("association", 0.08),
    ("cultural_worker", 0.07),
    ("ngo", 0.05),
    ("informal_group", 0.05),
)
#: (language code, chance a profile speaks it).
SPOKEN = (
    ("sv", 0.8),
    ("en", 0.4),
    ("ar", 0.25),
    ("so", 0.12),
    ("fa", 0.1),
    ("ti", 0.06),
    ("tr", 0.05),
    ("ku", 0.05),
    ("pl", 0.04),
    ("es", 0.04),
    ("fi", 0.04),
)
FREE_WORDS = 300
FREE_SHARE = 0.04
SAMPLE = 200


# -- the profiles ------------------------------------------------------------------------


class _Tags:
    """What ``profile.offers`` looks like to ``profile_search_columns``: ``.all()``."""

    def __init__(self, tags: list[Any]) -> None:
        self._tags = tags

    def all(self) -> list[Any]:
        return self._tags


@dataclass
class _Draft:
    """A profile before it is saved, as ``profile_search_columns`` reads one."""

    name: str
    presentation: str
    offer_tags: list[Any]
    need_tags: list[Any]
    offers_text: str = ""
    needs_text: str = ""

    @property
    def offers(self) -> _Tags:
        return _Tags(self.offer_tags)

    @property
    def needs(self) -> _Tags:
        return _Tags(self.need_tags)


def zipf(count: int, exponent: float = 1.0) -> list[float]:
    return [1 / (rank + 1) ** exponent for rank in range(count)]


def pick(rng: random.Random, items: list[Any], weights: list[float], count: int) -> list[Any]:
    chosen: list[Any] = []
    while len(chosen) < min(count, len(items)):
        item = rng.choices(items, weights=weights)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen


@dataclass
class World:
    """What profiles are drawn from."""

    offices: list[Any]
    languages: dict[str, Any]
    offer_order: list[Any]
    need_order: list[Any]
    free: list[Any]
    offer_weights: list[float] = field(default_factory=list)
    need_weights: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.offer_weights = zipf(len(self.offer_order))
        self.need_weights = zipf(len(self.need_order))


def make_world(rng: random.Random) -> World:
    from publicoffice.community.models import Tag
    from publicoffice.community.vocabulary import fold, join_terms
    from publicoffice.demo import community_people as people
    from publicoffice.places.models import Language, Office

    curated = list(Tag.objects.curated().order_by("slug"))
    by_slug = {tag.slug: tag for tag in curated}
    # Needs: what the demo says people ask for most, then the rest; offers shuffled.
    need_order = [by_slug[s] for s in people.NEEDS if s in by_slug]
    need_order += [t for t in curated if t not in need_order]
    offer_order = rng.sample(curated, len(curated))
    words = [f"{people.FREE_WORDS[n % len(people.FREE_WORDS)]} {n}" for n in range(FREE_WORDS)]
    free = Tag.objects.bulk_create(
        Tag(
            slug=f"bench-free-{n}",
            name=word,
            name_sv=word,
            is_curated=False,
            search_terms=join_terms([fold(word)]),
        )
        for n, word in enumerate(words)
    )
    return World(
        offices=list(Office.objects.public().order_by("slug")),
        languages={language.code: language for language in Language.objects.all()},
        offer_order=offer_order,
        need_order=need_order,
        free=free,
    )


def draw(rng: random.Random, world: World, n: int) -> dict[str, Any]:
    """One profile's values and relations."""
    from publicoffice.demo import community_people as people

    kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
    _label, firsts, surnames, _spoken, written_in = rng.choice(people.BACKGROUNDS)
    first, last = rng.choice(firsts), rng.choice(surnames)
    office = rng.choice(world.offices)
    offices = [office] if rng.random() < 0.8 else [office, rng.choice(world.offices)]
    offers = pick(rng, world.offer_order, world.offer_weights, rng.choice((1, 1, 2, 2, 3, 4)))
    needs = pick(rng, world.need_order, world.need_weights, rng.choice((0, 1, 1, 2, 2, 3)))
    needs = [tag for tag in needs if tag not in offers]
    for tags in (offers, needs):
        if rng.random() < FREE_SHARE * 2:
            tags.append(rng.choice(world.free))
    if kind in ("person", "cultural_worker"):
        name = f"{first} {last}"
    elif kind == "business":
        name = f"{last} {rng.choice(sorted(people.TRADES.values()))}"
    else:
        templates = people.ORGANISATIONS.get(kind, people.ORGANISATIONS["association"])
        name = rng.choice(templates).format(district=office.name) + f" {n % 97}"
    language = rng.choice(written_in)
    template = rng.choice(people.PERSON_TEMPLATES.get(language, people.PERSON_TEMPLATES["sv"]))
    text_language = language if language in ("sv", "en", "ar") else "sv"

    def names(tags: list[Any]) -> str:
        return ", ".join(str(getattr(t, f"name_{text_language}", "") or t.name) for t in tags)

    presentation = template.format(
        first=first, district=office.name, offers=names(offers), needs=names(needs)
    )
    roll = rng.random()
    visibility = "public" if roll < 0.45 else "members" if roll < 0.9 else "hidden"
    spoken = [code for code, share in SPOKEN if rng.random() < share] or ["sv"]
    return {
        "kind": kind,
        "name": name,
        "presentation": presentation,
        "presentation_language": language,
        "visibility": visibility,
        "is_new_in_town": kind == "person" and rng.random() < 0.2,
        "offers": offers,
        "needs": needs,
        "languages": [world.languages[c] for c in spoken if c in world.languages],
        "offices": list(dict.fromkeys(offices)),
    }


def load_profiles(
    count: int, world: World, rng: random.Random, *, first: int = 0
) -> dict[str, int]:
    """``count`` profiles, their admins and relations, in batches of :data:`BATCH`.

    ``first`` numbers them after those already loaded (a second call grows the
    directory: the bench measures a small one, then the full size).
    """
    from publicoffice.accounts.models import User
    from publicoffice.community import vocabulary
    from publicoffice.community.models import Profile, ProfileAdmin

    rows = {"users": 0, "tag links": 0, "other links": 0}
    through = {
        "offers": Profile.offers.through,
        "needs": Profile.needs.through,
        "languages": Profile.languages.through,
        "offices": Profile.home_offices.through,
    }
    keys = {"offers": "tag_id", "needs": "tag_id", "languages": "language_id"}
    keys["offices"] = "office_id"
    # The same folding as the service, remembered: presentations repeat a lot.
    cached = functools.lru_cache(maxsize=200_000)(vocabulary.fold)
    with mock.patch.object(vocabulary, "fold", cached):
        for start in range(first, first + count, BATCH):
            end = min(first + count, start + BATCH)
            drafts = [draw(rng, world, n) for n in range(start, end)]
            users = User.objects.bulk_create(
                User(email=f"bench-{start + i}@example.org", password="!", display_name=d["name"])
                for i, d in enumerate(drafts)
            )
            profiles = []
            for draft in drafts:
                columns = vocabulary.profile_search_columns(
                    _Draft(draft["name"], draft["presentation"], draft["offers"], draft["needs"])
                )
                fields = {k: v for k, v in draft.items() if k not in through}
                profiles.append(Profile(**fields, **columns))
            Profile.objects.bulk_create(profiles)
            ProfileAdmin.objects.bulk_create(
                ProfileAdmin(profile=p, user=u) for p, u in zip(profiles, users, strict=True)
            )
            for relation, model in through.items():
                links = [
                    model(profile_id=profile.pk, **{keys[relation]: item.pk})
                    for profile, draft in zip(profiles, drafts, strict=True)
                    for item in draft[relation]
                ]
                model.objects.bulk_create(links, batch_size=BATCH)
                rows["tag links" if relation in ("offers", "needs") else "other links"] += len(
                    links
                )
            rows["users"] += len(users)
    return rows


def drop_gin_indexes() -> list[str]:
    """Drop the profile table's GIN indexes (the search trigrams); return how to make them.

    Building a GIN index once after a bulk load is several times faster than
    keeping it up to date row by row; deployments grow one profile at a time.
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE tablename = 'community_profile' AND indexdef LIKE '%%USING gin%%'"
        )
        found = cursor.fetchall()
        for name, _definition in found:
            cursor.execute(f'DROP INDEX "{name}"')  # a name the database just gave
    return [definition for _name, definition in found]


def create_indexes(definitions: list[str]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for definition in definitions:
            cursor.execute(definition)  # as the database itself wrote it


def check_sample(rng: random.Random) -> tuple[int, int]:
    """Stored search columns against the service's function, for a sample of profiles."""
    from publicoffice.community.models import Profile
    from publicoffice.community.vocabulary import profile_search_columns

    ids = list(Profile.objects.values_list("pk", flat=True))
    sample = rng.sample(ids, min(SAMPLE, len(ids)))
    agree = 0
    for profile in Profile.objects.filter(pk__in=sample).prefetch_related("offers", "needs"):
        columns = profile_search_columns(profile)
        agree += all(getattr(profile, name) == value for name, value in columns.items())
    if agree != len(sample):
        raise SystemExit(f"search columns differ from the service's in {len(sample) - agree}")
    return agree, len(sample)


def typical_members(rng: random.Random, count: int) -> list[Any]:
    """Members of listed person profiles with a couple of needs and offers."""
    from django.db.models import Count

    from publicoffice.accounts.models import User
    from publicoffice.community.models import Profile

    candidates = list(
        Profile.objects.filter(kind="person", visibility__in=["public", "members"])
        .annotate(n_needs=Count("needs", distinct=True), n_offers=Count("offers", distinct=True))
        .filter(n_needs__gte=1, n_needs__lte=3, n_offers__gte=1, n_offers__lte=3)
        .order_by("pk")
        .values_list("pk", flat=True)[:5000]
    )
    chosen = rng.sample(candidates, min(count, len(candidates)))
    return list(User.objects.filter(profiles__in=chosen).order_by("pk"))


def newcomer(rng: random.Random, world: World) -> Any:
    """A new member at Rinkeby looking for bookkeeping and offering cooking, Arabic."""
    from publicoffice.accounts.models import User
    from publicoffice.community.models import Profile, ProfileAdmin, Tag
    from publicoffice.community.vocabulary import profile_search_columns

    member = User.objects.create(email="bench-newcomer@example.org", password="!")
    office = next((o for o in world.offices if o.slug == "rinkeby"), world.offices[0])
    profile = Profile.objects.create(
        kind="person", name="Nour Bench", visibility="members", is_new_in_town=True
    )
    profile.needs.set(Tag.objects.filter(slug__in=["bookkeeping", "swedish-practice"]))
    profile.offers.set(Tag.objects.filter(slug__in=["cooking", "arabic-lessons"]))
    profile.home_offices.set([office])
    ProfileAdmin.objects.create(profile=profile, user=member)
    Profile.objects.filter(pk=profile.pk).update(**profile_search_columns(profile))
    return member
