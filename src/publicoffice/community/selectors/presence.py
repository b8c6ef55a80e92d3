"""Reads of "here today": who is at an office now, as far as the viewer may see.

Three rules decide, all in the query: the visit is still open
(:meth:`PresenceQuerySet.current`); the profile is listed for the viewer
(``Profile.objects.listed_for``: never hidden, members-only only to
members); and a presence shown to members only is never shown to an
anonymous visitor. People who blocked each other do not see each other.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from publicoffice.accounts.actors import AnyUser
from publicoffice.community.models import Audience, Block, Presence, Profile, Visibility
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import Office
from publicoffice.visits.models import Visit


def _visible_presences(*, office: Office, user: AnyUser, at: datetime) -> QuerySet[Presence]:
    presences = Presence.objects.current(at).filter(
        office=office, profile__in=Profile.objects.listed_for(user).values("pk")
    )
    if isinstance(user, AnonymousUser):
        return presences.filter(audience=Audience.PUBLIC)
    blocked = Block.objects.filter(blocker=user).values("blocked_id")
    blockers = Block.objects.filter(blocked=user).values("blocker_id")
    return presences.exclude(Q(visit__member__in=blocked) | Q(visit__member__in=blockers))


def here_today(*, office: Office, user: AnyUser, at: datetime) -> list[Presence]:
    """The presences at ``office`` that ``user`` may see, by name (two queries)."""
    return list(
        _visible_presences(office=office, user=user, at=at)
        .select_related("profile")
        .prefetch_related("profile__offers")
        .order_by("profile__name", "profile_id", "pk")
    )


def here_today_count(*, office: Office, user: AnyUser, at: datetime) -> int:
    """How many people ``user`` could meet at ``office`` now (one query)."""
    return _visible_presences(office=office, user=user, at=at).count()


def presence_for_visit(*, visit: Visit) -> Presence | None:
    return Presence.objects.select_related("profile").filter(visit=visit).first()


def showable_profiles(*, member: AnyUser) -> QuerySet[Profile]:
    """The member's profiles that can be shown here today (not hidden ones)."""
    if isinstance(member, AnonymousUser):
        return Profile.objects.none()
    return (
        Profile.objects.filter(admin_links__user=member)
        .exclude(visibility=Visibility.HIDDEN)
        .order_by("name", "id")
    )


def member_visit(*, user: AnyUser, public_id: UUID) -> Visit:
    """One of ``user``'s own visits, with its office; not found for anyone else's."""
    visit = (
        Visit.objects.select_related("office")
        .filter(public_id=public_id, member_id=user.pk)
        .first()
    )
    if visit is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    return visit
