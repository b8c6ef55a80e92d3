"""Reading the directory: search, filters, one profile, a member's own.

Visibility comes only from ``Profile.objects.listed_for`` (lists) and
``visible_to`` (one profile). Search compares the folded query with the
folded ``search_text`` column, which holds every name and synonym of the
profile's tags in every language, so a query in Arabic finds a profile
written in Swedish. ``contains`` is a ``LIKE`` on both SQLite and
PostgreSQL; a trigram index can make it fast on PostgreSQL without any
change here.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib.auth.models import AnonymousUser
from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import AnyUser
from publicoffice.community.models import Profile, ProfileAdmin, ProfileLink, Tag
from publicoffice.community.policies import can_edit_profile
from publicoffice.community.vocabulary import fold
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import Language, Office

#: A query is cut to this many words, each to this many characters.
MAX_QUERY_WORDS = 8
MAX_QUERY_WORD = 60


def query_words(query: str) -> list[str]:
    """The folded words of a search, without repeats, bounded in number and length."""
    words = [word[:MAX_QUERY_WORD] for word in fold(query or "").split()]
    return list(dict.fromkeys(words))[:MAX_QUERY_WORDS]


def with_card_data(profiles: QuerySet[Profile]) -> QuerySet[Profile]:
    """Load what a result card shows in a fixed number of queries, however many cards."""
    tags = Tag.objects.order_by("slug")
    return profiles.prefetch_related(
        Prefetch("offers", queryset=tags),
        Prefetch("needs", queryset=tags),
        Prefetch("languages", queryset=Language.objects.order_by("code")),
        Prefetch("home_offices", queryset=Office.objects.public().order_by("name")),
    )


def _all_words(column: str, words: list[str]) -> Q:
    condition = Q()
    for word in words:
        condition &= Q(**{f"{column}__contains": word})
    return condition


def directory_search(
    *,
    user: AnyUser,
    query: str = "",
    kind: str | None = None,
    offer: str | None = None,
    need: str | None = None,
    language: str | None = None,
    office: Office | str | None = None,
    new_in_town: bool | None = None,
) -> QuerySet[Profile]:
    """Profiles listed for ``user`` that match the query and every given filter.

    Every word of the query must occur (in any language the vocabulary
    knows). With a query, profiles whose name matches come first, then
    those whose tags match, then those whose text matches; within each
    group, and without a query, profiles are in order of their folded name
    (case and accents do not scatter them), then by id, so pages are stable.
    ``offer`` and ``need`` are tag codes, ``language`` a language code,
    ``office`` an office or its slug.
    """
    profiles = Profile.objects.listed_for(user)
    if kind:
        profiles = profiles.filter(kind=kind)
    if offer:
        profiles = profiles.filter(offers__slug=offer)
    if need:
        profiles = profiles.filter(needs__slug=need)
    if language:
        profiles = profiles.filter(languages__code=language)
    if office is not None and office != "":
        if isinstance(office, Office):
            profiles = profiles.filter(home_offices=office)
        else:
            profiles = profiles.filter(home_offices__slug=office)
    if new_in_town:
        profiles = profiles.filter(is_new_in_town=True)
    words = query_words(query)
    if words:
        profiles = profiles.filter(_all_words("search_text", words)).annotate(
            rank=Case(
                When(_all_words("search_name", words), then=Value(0)),
                When(_all_words("search_tags", words), then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        return with_card_data(profiles.order_by("rank", "search_name", "id"))
    return with_card_data(profiles.order_by("search_name", "id"))


def _no_such_profile() -> DomainError:
    return DomainError(ErrorCode.PROFILE_NOT_FOUND, _("There is no such profile."))


def _with_page_data(profiles: QuerySet[Profile]) -> Profile | None:
    return with_card_data(profiles).prefetch_related("links").first()


def profile_get_visible(*, user: AnyUser, public_id: UUID) -> Profile:
    """One profile, with what its page shows, if ``user`` may see it; not found otherwise.

    A hidden or members-only profile is "not found" for those who may not
    see it: the answer does not say that it exists.
    """
    profile = _with_page_data(Profile.objects.visible_to(user).filter(public_id=public_id))
    if profile is None:
        raise _no_such_profile()
    return profile


def profile_links(*, profile: Profile) -> list[ProfileLink]:
    """The profile's links, in their order (prefetched by the page selectors)."""
    return list(profile.links.all())


def profile_for_editing(*, user: AnyUser, public_id: UUID) -> Profile:
    """A profile ``user`` runs, with what its form shows; not found (no hint that
    it exists) for anyone else."""
    profile = _with_page_data(Profile.objects.filter(public_id=public_id))
    if profile is None or not can_edit_profile(user, profile):
        raise _no_such_profile()
    return profile


def profile_admin_link(*, profile: Profile, link_id: int) -> ProfileAdmin:
    """One admin of ``profile``, by the id of its link."""
    link = ProfileAdmin.objects.filter(pk=link_id, profile=profile).select_related("user").first()
    if link is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    return link


def profile_by_public_id(*, public_id: UUID) -> Profile:
    """A profile by its public id, whoever may see it (the service asks that)."""
    profile = Profile.objects.filter(public_id=public_id).first()
    if profile is None:
        raise _no_such_profile()
    return profile


def member_profiles(*, user: AnyUser) -> QuerySet[Profile]:
    """The profiles ``user`` runs, hidden ones included, for their own hub."""
    if isinstance(user, AnonymousUser):
        return Profile.objects.none()
    return with_card_data(
        Profile.objects.filter(
            pk__in=ProfileAdmin.objects.filter(user=user).values("profile_id")
        ).order_by("search_name", "id")
    )


def profile_admins(*, profile: Profile) -> list[ProfileAdmin]:
    """The admins of a profile, oldest first, for its admins' page."""
    return list(profile.admin_links.select_related("user").order_by("added_at", "id"))


def office_directory_count(*, user: AnyUser, office: Office) -> int:
    """How many profiles listed for ``user`` call ``office`` home."""
    return Profile.objects.listed_for(user).filter(home_offices=office).count()


def filter_choices() -> dict[str, list[Any]]:
    """What the filter form offers: curated tags, every language, public offices."""
    return {
        "tags": list(Tag.objects.curated().order_by("group", "slug")),
        "languages": list(Language.objects.order_by("code")),
        "offices": list(Office.objects.public().order_by("name")),
    }
