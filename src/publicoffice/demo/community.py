"""The demo's meeting place: a lively directory, contact requests and "here today".

Everything is written through the community services, as members would
have done it: :func:`profile_create` (so names are cleaned, typed words are
resolved through the vocabulary and the folded search columns are filled),
:func:`profile_admin_add`, :func:`contact_request_send` and
:func:`contact_request_answer` with ``at=`` in the past, and
:func:`presence_show` for members checked in now.

About 150 profiles: the story (:data:`community_people.STORY`), written by
hand for the demo logins and the bookings crowd, and the rest drawn from
names, trades and presentation templates with one ``random.Random`` seeded
with a fixed text, so every load gives the same directory. Profiles whose
admins are all demo accounts are deleted and made again on every run, with
their contact requests and the requests' figures (which otherwise outlive
them on purpose).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from random import Random
from typing import Any

from django.db.models import Q
from django.utils.text import slugify

from publicoffice.accounts.models import User
from publicoffice.community.models import (
    Audience,
    ContactRequest,
    ContactStatistic,
    Profile,
    ProfileAdmin,
    RequestStatus,
    Tag,
    Visibility,
)
from publicoffice.community.services.contacts import contact_request_answer, contact_request_send
from publicoffice.community.services.presence import presence_show
from publicoffice.community.services.profiles import profile_admin_add, profile_create
from publicoffice.core.errors import DomainError
from publicoffice.demo import community_people as data
from publicoffice.demo import network
from publicoffice.demo.bookings import load_crowd
from publicoffice.demo.people import DEMO_DOMAIN
from publicoffice.demo.visit_shapes import seeded
from publicoffice.places.models import Office, OfficeStatus
from publicoffice.visits.models import Source
from publicoffice.visits.services import visit_check_in

#: Presentations in these languages name their tags; the others are general.
_TAG_LANGUAGES = ("sv", "en", "ar")
_CONJUNCTION = {"sv": " och ", "en": " and ", "ar": " و"}
#: Words kept capitalised in the middle of an English or Swedish sentence.
_PROPER = ("Arabic", "Swedish", "English", "Somali", "Persian", "Tigrinya", "CV", "IT")
_VISIBILITY = ((Visibility.PUBLIC, 0.55), (Visibility.MEMBERS, 0.35), (Visibility.HIDDEN, 0.10))


@dataclass
class CommunityResult:
    """What the demo's meeting place came to."""

    profiles: dict[str, Profile] = field(default_factory=dict)
    #: Refusal code -> how many demo writes a service refused (expected: none).
    refused: Counter[str] = field(default_factory=Counter)
    totals: dict[str, int] = field(default_factory=dict)
    #: Visits the demo's members checked in with just now (to show them as here today).
    checked_in: int = 0


# -- clearing -------------------------------------------------------------------------


def demo_profiles() -> Any:
    """The profiles run by demo accounts: made anew on every load."""
    return Profile.objects.filter(
        pk__in=ProfileAdmin.objects.filter(user__email__iendswith=f"@{DEMO_DOMAIN}").values(
            "profile_id"
        )
    )


def clear_community() -> None:
    """Delete the demo's profiles, and the figures of their contact requests.

    Deleting a profile deletes its requests, presences and hidden
    suggestions; the statistics rows outlive requests on purpose, so the
    demo's would pile up run after run.
    """
    ids = list(demo_profiles().values_list("pk", flat=True))
    request_ids = list(
        ContactRequest.objects.filter(
            Q(sender_profile_id__in=ids) | Q(recipient_id__in=ids)
        ).values_list("pk", flat=True)
    )
    ContactStatistic.objects.filter(request_id__in=request_ids).delete()
    Profile.objects.filter(pk__in=ids).delete()


# -- the drawn part of the directory ---------------------------------------------------


def _district_of() -> dict[str, str]:
    return {str(spec["slug"]): str(spec["district"]) for spec in network.OFFICES}


def _zipf_pick(rng: Any, words: list[str], count: int) -> list[str]:
    """``count`` different words, the first ones of ``words`` much more likely."""
    weights = [1 / (rank + 1) for rank in range(len(words))]
    chosen: list[str] = []
    while len(chosen) < min(count, len(words)):
        word = rng.choices(words, weights=weights)[0]
        if word not in chosen:
            chosen.append(word)
    return chosen


def _in_sentence(name: str, language: str) -> str:
    if language == "ar" or name.split(" ")[0] in _PROPER:
        return name
    return name[:1].lower() + name[1:]


def tag_list(tags: list[Tag], language: str) -> str:
    """Tag names in ``language`` as a sentence would list them."""
    names = [
        _in_sentence(str(getattr(tag, f"name_{language}", "") or tag.name), language)
        for tag in tags
    ]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + _CONJUNCTION[language] + names[-1]


def _presentation(
    rng: Any, spec: dict[str, Any], tags: dict[str, Tag], first: str, district: str
) -> str:
    language = spec["presentation_language"]
    templates = data.PERSON_TEMPLATES
    if spec["kind"] in ("business", "association", "ngo", "informal_group"):
        templates = data.ORGANISATION_TEMPLATES
    template = rng.choice(templates.get(language, templates["sv"]))
    text_language = language if language in _TAG_LANGUAGES else "sv"
    curated = [tags[code] for code in spec["offers"] if code in tags]
    wanted = [tags[code] for code in spec["needs"] if code in tags]
    return template.format(
        first=first,
        name=spec["name"],
        district=district,
        offers=tag_list(curated, text_language),
        needs=tag_list(wanted, text_language) or tag_list(curated[:1], text_language),
    )


def drawn_profiles(tags: dict[str, Tag], office_slugs: list[str]) -> list[dict[str, Any]]:
    """The rest of the directory as profile specs, the same on every load."""
    rng = seeded("community", "directory")
    districts = _district_of()
    names = {kind: rng.sample(pool, len(pool)) for kind, pool in data.ORGANISATIONS.items()}
    specs: list[dict[str, Any]] = []
    people: set[str] = set()
    for kind, count in data.DRAWN_KINDS.items():
        for index in range(count):
            _label, firsts, surnames, languages, written_in = rng.choice(data.BACKGROUNDS)
            first, last = rng.choice(firsts), rng.choice(surnames)
            while f"{first} {last}" in people:  # one name, one person
                first, last = rng.choice(firsts), rng.choice(surnames)
            people.add(f"{first} {last}")
            office = rng.choice(office_slugs)
            offices = [office]
            if rng.random() < 0.25:
                offices.append(rng.choice([slug for slug in office_slugs if slug != office]))
            offers, needs = _offers_and_needs(rng, kind, index)
            name, language = _name_and_language(
                rng,
                kind,
                offers,
                person=(first, last),
                written_in=written_in,
                organisation=names[kind][index % len(names[kind])] if kind in names else "",
                district=districts[office],
            )
            email = f"{slugify(first)}.{slugify(last)}@{DEMO_DOMAIN}"
            roll = rng.random()
            visibility = Visibility.PUBLIC if roll < 0.55 else Visibility.MEMBERS
            if roll >= 0.90:
                visibility = Visibility.HIDDEN
            spec = {
                "key": f"drawn-{len(specs)}",
                "owner": email,
                "owner_name": f"{first} {last}",
                "owner_language": written_in[0],
                "kind": kind,
                "name": name,
                "presentation_language": language,
                "offers": offers,
                "needs": needs,
                "languages": list(dict.fromkeys(languages[: rng.choice((1, 2, 2, 3))])),
                "offices": offices,
                "new_in_town": kind == "person" and rng.random() < 0.15,
                "visibility": str(visibility),
            }
            spec["presentation"] = _presentation(rng, spec, tags, first, districts[office])
            specs.append(spec)
    return specs


def _offers_and_needs(rng: Random, kind: str, index: int) -> tuple[list[str], list[str]]:
    """What a drawn profile offers and looks for (the random draws in a fixed order)."""
    offers = _zipf_pick(rng, data.KIND_OFFERS[kind], rng.choice((1, 1, 2, 2, 3)))
    needs = _zipf_pick(rng, data.NEEDS, rng.choice((0, 1, 1, 2, 2, 3)))
    needs = [code for code in needs if code not in offers]
    if kind == "person" and not needs:
        needs = [data.NEEDS[index % 5]] if data.NEEDS[index % 5] not in offers else []
    free = data.FREE_WORDS[index % len(data.FREE_WORDS)]
    if rng.random() < 0.12:
        (offers if rng.random() < 0.5 else needs).append(free)
    return offers, needs


def _name_and_language(
    rng: Random,
    kind: str,
    offers: list[str],
    *,
    person: tuple[str, str],
    written_in: Sequence[str],
    organisation: str,
    district: str,
) -> tuple[str, str]:
    """A drawn profile's name and the language its presentation is written in."""
    first, last = person
    if kind in ("person", "cultural_worker"):
        return f"{first} {last}", rng.choice(written_in)
    if kind == "business":
        trade = next((code for code in offers if code in data.TRADES), None)
        if trade is None:
            trade = rng.choice(sorted(data.TRADES))
            offers.insert(0, trade)
        return f"{last} {data.TRADES[trade]}", rng.choice(("sv", "sv", "en", "ar"))
    return organisation.format(district=district), rng.choice(("sv", "sv", "sv", "en", "ar"))


def _drawn_owners(specs: list[dict[str, Any]]) -> dict[str, User]:
    """The owners of drawn profiles: accounts without a usable password, made in bulk."""
    wanted = {spec["owner"]: spec for spec in specs}
    existing = {u.email: u for u in User.objects.filter(email__in=list(wanted))}
    User.objects.bulk_create(
        [
            User(
                email=email,
                password="!",  # unusable: nobody logs in as them
                display_name=spec["owner_name"],
                preferred_language=spec["owner_language"],
            )
            for email, spec in wanted.items()
            if email not in existing
        ]
    )
    return {u.email: u for u in User.objects.filter(email__in=list(wanted))}


# -- writing ---------------------------------------------------------------------------


def _create(spec: dict[str, Any], owner: User, tags: dict[str, Tag]) -> Profile:
    def words(codes: list[str]) -> list[Tag | str]:
        return [tags.get(code, code) for code in codes]

    extra = {
        name: spec[name] for name in ("contact_email", "contact_phone", "links") if spec.get(name)
    }
    return profile_create(
        owner=owner,
        kind=spec["kind"],
        name=spec["name"],
        visibility=spec["visibility"],
        presentation=spec["presentation"],
        presentation_language=spec["presentation_language"],
        offers=words(spec["offers"]),
        needs=words(spec["needs"]),
        languages=spec["languages"],
        home_offices=spec["offices"],
        is_new_in_town=bool(spec.get("new_in_town")),
        **extra,
    )


def _send_contacts(profiles: dict[str, Profile], users: dict[str, User], now: datetime) -> int:
    sent = 0
    for email, sender_key, recipient_key, message, hours_ago, outcome, later in data.CONTACTS:
        sender = users[email]
        at = now - timedelta(hours=hours_ago)
        request = contact_request_send(
            sender=sender,
            sender_profile=profiles[sender_key],
            recipient=profiles[recipient_key],
            message=message,
            at=at,
        )
        sent += 1
        if outcome in (RequestStatus.ACCEPTED, RequestStatus.DECLINED):
            answerer = next(
                link.user for link in profiles[recipient_key].admin_links.select_related("user")
            )
            contact_request_answer(
                request=request,
                actor=answerer,
                accept=outcome == RequestStatus.ACCEPTED,
                at=at + timedelta(hours=later),
            )
    return sent


def _show_here_today(
    profiles: dict[str, Profile], users: dict[str, User], now: datetime, result: CommunityResult
) -> int:
    """Check in the story's members whose office is open now and show their profile."""
    offices = {
        o.slug: o
        for o in Office.objects.filter(status=OfficeStatus.OPEN).prefetch_related(
            "weekly_hours", "hours_exceptions"
        )
    }
    shown = 0
    for email, key, slug in data.HERE_TODAY:
        office, profile = offices.get(slug), profiles[key]
        if office is None or not office.is_open(now):
            continue
        arrived = now - timedelta(minutes=25)
        if not office.is_open(arrived):
            arrived = now
        try:
            check_in = visit_check_in(
                office=office, source=Source.MEMBER, member=users[email], at=arrived
            )
            result.checked_in += check_in.created
            audience = Audience.PUBLIC if profile.visibility == Visibility.PUBLIC else "members"
            presence_show(visit=check_in.visit, profile=profile, audience=audience, at=now)
            shown += 1
        except DomainError as error:
            result.refused[error.code] += 1
    return shown


def load_community(*, now: datetime) -> CommunityResult:
    """Replace the demo's directory, contact requests and presences; see the module docstring."""
    result = CommunityResult()
    clear_community()
    load_crowd()  # the story's organisations are run by the bookings crowd too
    tags = {tag.slug: tag for tag in Tag.objects.curated()}
    open_slugs = sorted(
        Office.objects.filter(
            status=OfficeStatus.OPEN, slug__in=[str(s["slug"]) for s in network.OFFICES]
        ).values_list("slug", flat=True)
    )
    drawn = drawn_profiles(tags, open_slugs)
    owners = _drawn_owners(drawn)
    story_emails = {spec["owner"] for spec in data.STORY}
    story_emails |= {email for spec in data.STORY for email in spec.get("admins", [])}
    users = {u.email: u for u in User.objects.filter(email__in=list(story_emails))}
    users.update(owners)
    for spec in [*data.STORY, *drawn]:
        profile = _create(spec, users[spec["owner"]], tags)
        for email in spec.get("admins", []):
            profile_admin_add(profile=profile, actor=users[spec["owner"]], email=email)
        result.profiles[spec["key"]] = profile
    contacts = _send_contacts(result.profiles, users, now)
    here = _show_here_today(result.profiles, users, now, result)
    ids = [profile.pk for profile in result.profiles.values()]
    kinds = Counter(Profile.objects.filter(pk__in=ids).values_list("kind", flat=True))
    result.totals = {
        "profiles in the directory": len(ids),
        "organisation profiles": sum(
            count for kind, count in kinds.items() if kind not in ("person", "cultural_worker")
        ),
        "profiles new in town": Profile.objects.filter(pk__in=ids, is_new_in_town=True).count(),
        "contact requests": contacts,
        "members shown as here today": here,
    }
    return result
