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

from collections.abc import Iterator
from typing import Any, overload
from uuid import UUID

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import AnyUser
from publicoffice.community.models import Profile, ProfileAdmin, ProfileLink, Tag
from publicoffice.community.policies import can_edit_profile
from publicoffice.community.vocabulary import fold
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import Language, Office

#: The directory counts this many matches at most, then says "more than".
COUNT_CAP = 1000
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


class DirectoryResults:
    """The directory's results as its paginator reads them: a capped count, cheap pages.

    Counting every match of a common word ("bokföring" is in one profile of
    five) and ranking them all costs as much as the directory is large. So
    the count stops at :data:`COUNT_CAP` + 1 (the page says "more than
    1,000") and the paginator never offers pages past it. With at most
    :data:`COUNT_CAP` matches the order is :func:`directory_search`'s own
    (name, then tag, then text matches). With more, ranking every match is
    what costs, so on PostgreSQL the page is name matches first, then the
    rest by name: each part read in the order of an index, stopping at the
    page's end (``0006_perf_directory``); the rest only when the name
    matches do not fill the page. SQLite keeps the exact order.
    """

    def __init__(self, *, user: AnyUser, query: str = "", **filters: Any) -> None:
        self.words = query_words(query)
        self.profiles = directory_search(user=user, query=query, **filters)
        self._user, self._filters = user, filters
        self._count: int | None = None

    def _counted(self) -> int:
        if self._count is None:
            self._count = self.profiles.order_by()[: COUNT_CAP + 1].count()
        return self._count

    def count(self) -> int:
        """How many profiles match, :data:`COUNT_CAP` at most (one query, stops there)."""
        return min(self._counted(), COUNT_CAP)

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> Iterator[Profile]:
        """Every counted profile, in order (the paginator reads slices instead)."""
        return iter(self[0:COUNT_CAP])

    @property
    def more_than_cap(self) -> bool:
        """More matches than counted: the page says "more than", not a number."""
        return self._counted() > COUNT_CAP

    @overload
    def __getitem__(self, page: int) -> Profile: ...

    @overload
    def __getitem__(self, page: slice) -> list[Profile]: ...

    def __getitem__(self, page: int | slice) -> Profile | list[Profile]:
        """One page (a slice, as the paginator asks) or one profile by position."""
        if isinstance(page, int):
            return self[page : page + 1][0]
        stop = min(page.stop or COUNT_CAP, COUNT_CAP)
        start = min(page.start or 0, stop)
        if not (self.words and self.more_than_cap and connection.vendor == "postgresql"):
            return list(self.profiles[start:stop])
        matching = (
            directory_search(user=self._user, **self._filters)
            .prefetch_related(None)
            .filter(_all_words("search_text", self.words))
            .order_by("search_name", "id")
        )
        by_name = _all_words("search_name", self.words)
        ids = list(matching.filter(by_name).values_list("id", flat=True)[:stop])
        if len(ids) < stop:
            # Name matches do not fill the page, so the others are more than
            # COUNT_CAP less a page: common enough to read in name order.
            rest = matching.exclude(by_name).values_list("id", flat=True)
            ids = ids[start:] + list(rest[max(0, start - len(ids)) : stop - len(ids)])
        else:
            ids = ids[start:stop]
        found = {p.pk: p for p in with_card_data(Profile.objects.filter(pk__in=ids))}
        return [found[pk] for pk in ids if pk in found]


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
