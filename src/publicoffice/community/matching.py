"""Who to meet: profiles whose offers meet a member's needs and whose needs meet their offers.

How a suggestion is chosen, so a member or an officer can follow it:

1. The member's wishes are the needs and offers of **all** their own
   profiles, as tag ids. Curated tags are the same id in every language
   ("bokföring" = "bookkeeping" = "محاسبة"), so matching is language-blind;
   a free tag matches free tags of the same folded word.
2. Candidates are profiles listed for the member (public or members-only),
   not their own, not hidden by them, and with no block between their
   admins and the member either way; they must share at least one tag.
3. Each shared tag is worth :data:`TAG_POINTS` in either direction (their
   offers meet my needs, their needs meet my offers). Then, as tie-breakers
   that can never outweigh one more shared tag, the same home office
   (:data:`SAME_OFFICE_POINTS`), else a home office within
   :data:`NEARBY_KM` (:data:`NEARBY_POINTS`), and being new in town
   (:data:`NEW_IN_TOWN_POINTS`).
4. Order: score, then name, then id, so the list is the same every time.

Filtering and ranking happen in the database (subqueries on the tag tables,
which are indexed by tag), so only the ``limit`` best rows come back however
many profiles there are; the reasons are then written in Python for those.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import formats, timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.community.models import (
    Block,
    HiddenSuggestion,
    Presence,
    Profile,
    ProfileAdmin,
    Tag,
)
from publicoffice.community.policies import is_active_member
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import Office

#: Points per shared tag, in either direction.
TAG_POINTS = 10
#: Tie-breakers; together they stay below :data:`TAG_POINTS`.
SAME_OFFICE_POINTS = 4
NEARBY_POINTS = 2
NEW_IN_TOWN_POINTS = 1
#: Home offices closer than this count as nearby (walking or a short bus ride).
NEARBY_KM = 5.0
#: On PostgreSQL, the newest profiles per wished tag that are considered at all.
CANDIDATES_PER_TAG = 200
#: Most suggestions one call returns.
MAX_LIMIT = 100

EARTH_RADIUS_KM = 6371.0088

# The tables behind the many-to-many fields: (profile_id, tag_id / office_id).
OffersThrough: Any = Profile.offers.through
NeedsThrough: Any = Profile.needs.through
OfficesThrough: Any = Profile.home_offices.through


@dataclass(frozen=True)
class Suggestion:
    """One profile to meet, how well it fits, and why, in the active language."""

    profile: Profile
    score: int
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Wishes:
    """What the member looks for and offers, across all their profiles."""

    need_ids: frozenset[int]
    offer_ids: frozenset[int]
    office_ids: frozenset[int]
    offices: tuple[Office, ...]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine): plenty for "is it a bus ride away"."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _with_free_twins(tags: Iterable[Tag]) -> frozenset[int]:
    """Tag ids, plus free tags spelled the same as one of the free ones given.

    Free tags are made from what members type; two of them with the same
    folded word mean the same thing even if they got two rows.
    """
    ids = {tag.pk for tag in tags}
    terms = {tag.search_terms for tag in tags if not tag.is_curated and tag.search_terms.strip()}
    if terms:
        ids |= set(
            Tag.objects.filter(is_curated=False, search_terms__in=terms).values_list(
                "pk", flat=True
            )
        )
    return frozenset(ids)


def _wishes(member: Member) -> _Wishes:
    own = list(
        Profile.objects.filter(admin_links__user=member).prefetch_related(
            "offers", "needs", "home_offices"
        )
    )
    needs = [tag for profile in own for tag in profile.needs.all()]
    offers = [tag for profile in own for tag in profile.offers.all()]
    offices = {office.pk: office for profile in own for office in profile.home_offices.all()}
    return _Wishes(
        need_ids=_with_free_twins(needs),
        offer_ids=_with_free_twins(offers),
        office_ids=frozenset(offices),
        offices=tuple(offices.values()),
    )


def nearby_offices(offices: Iterable[Office], *, km: float = NEARBY_KM) -> dict[int, float]:
    """Other offices within ``km`` of any of ``offices``: {office id: closest distance}."""
    origins = [(float(o.latitude), float(o.longitude)) for o in offices]
    own = {o.pk for o in offices}
    if not origins:
        return {}
    found: dict[int, float] = {}
    for pk, lat, lon in Office.objects.exclude(pk__in=own).values_list(
        "pk", "latitude", "longitude"
    ):
        if lat is None or lon is None:
            continue
        closest = min(distance_km(a, b, float(lat), float(lon)) for a, b in origins)
        if closest <= km:
            found[pk] = closest
    return found


def _count(through: Any, tag_ids: frozenset[int]) -> Coalesce:
    """How many of the candidate's tags (in ``through``) are among ``tag_ids``."""
    counted = (
        through.objects.filter(profile_id=OuterRef("pk"), tag_id__in=tag_ids)
        .order_by()
        .values("profile_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _points_if(condition: Any, points: int) -> Case:
    return Case(When(condition, then=Value(points)), default=Value(0), output_field=IntegerField())


def _sharing(wishes: _Wishes) -> Q:
    """Profiles sharing a tag: all of them on SQLite, a bounded set on PostgreSQL.

    A popular tag ("bokföring" in one profile of five) would make every
    call rank tens of thousands of profiles. On PostgreSQL the candidates
    are, per wished tag, the :data:`CANDIDATES_PER_TAG` newest profiles
    offering (or needing) it, read from the tag tables' index in one more query;
    each candidate is then scored on all its tags, as before. The cost no
    longer grows with the directory; the price is that among very many
    equal fits the newest profiles are the ones suggested. SQLite, for a
    single municipality's directory, still considers everyone.
    """
    if connection.vendor != "postgresql":
        return Q(
            pk__in=OffersThrough.objects.filter(tag_id__in=wishes.need_ids).values("profile_id")
        ) | Q(pk__in=NeedsThrough.objects.filter(tag_id__in=wishes.offer_ids).values("profile_id"))
    lists = [
        through.objects.filter(tag_id=tag_id)
        .order_by("-profile_id")
        .values_list("profile_id", flat=True)[:CANDIDATES_PER_TAG]
        for through, tag_ids in ((OffersThrough, wishes.need_ids), (NeedsThrough, wishes.offer_ids))
        for tag_id in sorted(tag_ids)
    ]
    if not lists:
        return Q(pk__in=[])
    # Fetched first (one query, a few thousand ids at most): as a subquery the
    # planner may hash-join it against a scan of every profile.
    return Q(pk__in=set(lists[0].union(*lists[1:], all=True)))


def candidates(member: Member, wishes: _Wishes, nearby_ids: Iterable[int]) -> QuerySet[Profile]:
    """Profiles sharing a tag with the member, ranked in SQL, best first."""
    sharing = _sharing(wishes)
    blocked_people = Block.objects.filter(blocker=member).values("blocked_id")
    blocking_people = Block.objects.filter(blocked=member).values("blocker_id")
    unwanted = ProfileAdmin.objects.filter(
        Q(user=member) | Q(user__in=blocked_people) | Q(user__in=blocking_people)
    ).values("profile_id")
    same_office = Exists(
        OfficesThrough.objects.filter(profile_id=OuterRef("pk"), office_id__in=wishes.office_ids)
    )
    nearby = Exists(
        OfficesThrough.objects.filter(profile_id=OuterRef("pk"), office_id__in=list(nearby_ids))
    )
    return (
        Profile.objects.listed_for(member)
        .filter(sharing)
        .exclude(pk__in=unwanted)
        .exclude(pk__in=HiddenSuggestion.objects.filter(member=member).values("profile_id"))
        .annotate(
            offer_matches=_count(OffersThrough, wishes.need_ids),
            need_matches=_count(NeedsThrough, wishes.offer_ids),
            office_points=Case(
                When(same_office, then=Value(SAME_OFFICE_POINTS)),
                When(nearby, then=Value(NEARBY_POINTS)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            new_points=_points_if(Q(is_new_in_town=True), NEW_IN_TOWN_POINTS),
        )
        .annotate(
            score=(F("offer_matches") + F("need_matches")) * Value(TAG_POINTS)
            + F("office_points")
            + F("new_points")
        )
        .order_by("-score", "name", "pk")
    )


def _tag_names(tags: Iterable[Tag]) -> str:
    names = sorted({str(tag.name) for tag in tags}, key=str.casefold)
    return str(get_text_list(names, _("and")))


def _reasons(
    profile: Profile,
    wishes: _Wishes,
    nearby: dict[int, float],
    here: dict[int, Office],
) -> list[str]:
    """Why this profile, in words, in the active language."""
    reasons = []
    they_offer = [tag for tag in profile.offers.all() if tag.pk in wishes.need_ids]
    they_need = [tag for tag in profile.needs.all() if tag.pk in wishes.offer_ids]
    if they_offer:
        names = _tag_names(they_offer)
        reasons.append(
            _("You look for %(tags)s; %(name)s offers %(tags)s.")
            % {"tags": names, "name": profile.name}
        )
    if they_need:
        reasons.append(
            _("%(name)s looks for %(tags)s, which you offer.")
            % {"tags": _tag_names(they_need), "name": profile.name}
        )
    homes = list(profile.home_offices.all())
    shared = sorted(
        (office for office in homes if office.pk in wishes.office_ids),
        key=lambda office: (str(office.name).casefold(), office.pk),
    )
    close = sorted(
        (office for office in homes if office.pk in nearby),
        key=lambda office: (nearby[office.pk], office.pk),
    )
    if shared:
        reasons.append(_("Also at %(office)s.") % {"office": shared[0].name})
    elif close:
        reasons.append(
            _("Nearby: %(office)s, %(distance)s km from yours.")
            % {
                "office": close[0].name,
                "distance": formats.number_format(nearby[close[0].pk], 1),
            }
        )
    if profile.is_new_in_town:
        reasons.append(_("New in town."))
    if profile.pk in here:
        reasons.append(_("Here today at %(office)s.") % {"office": here[profile.pk].name})
    return reasons


def _here_today(member: Member, profile_ids: list[int], at: datetime) -> dict[int, Office]:
    """Which of these profiles are shown as here today right now (members may see all)."""
    presences = Presence.objects.current(at).filter(profile_id__in=profile_ids)
    return {p.profile_id: p.office for p in presences.select_related("office").order_by("pk")}


def suggestions_for(
    *, member: AnyUser, at: datetime | None = None, limit: int = 20
) -> list[Suggestion]:
    """The ``limit`` best profiles for ``member`` to meet, each with its reasons.

    ``at`` is the moment for "here today" (now by default). A bounded number
    of queries whatever the size of the directory.
    """
    if not is_active_member(member):
        return []
    at = at or timezone.now()
    limit = max(1, min(int(limit), MAX_LIMIT))
    wishes = _wishes(member)
    if not wishes.need_ids and not wishes.offer_ids:
        return []
    nearby = nearby_offices(wishes.offices)
    ranked = list(
        candidates(member, wishes, nearby).prefetch_related("offers", "needs", "home_offices")[
            :limit
        ]
    )
    here = _here_today(member, [profile.pk for profile in ranked], at) if ranked else {}
    return [
        Suggestion(
            profile=profile,
            score=int(profile.score),  # type: ignore[attr-defined]
            reasons=_reasons(profile, wishes, nearby, here),
        )
        for profile in ranked
    ]


def suggestion_hide(*, member: AnyUser, profile: Profile) -> HiddenSuggestion:
    """Never suggest ``profile`` to ``member`` again (hiding twice is harmless)."""
    if not is_active_member(member):
        raise DomainError(ErrorCode.NOT_AUTHENTICATED, _("Log in to do this."))
    if not Profile.objects.listed_for(member).filter(pk=profile.pk).exists():
        raise DomainError(ErrorCode.PROFILE_NOT_FOUND, _("There is no such profile."))
    hidden, _created = HiddenSuggestion.objects.get_or_create(member=member, profile=profile)
    return hidden
