"""Reads of contact requests: what a member sees on their contacts page.

The contact details of a profile are read here and nowhere else, and only
for an accepted request: a pending, declined or withdrawn request reveals
nothing but the names and the message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import AnyUser
from publicoffice.community.models import (
    ContactRequest,
    Profile,
    ProfileAdmin,
    RequestStatus,
)
from publicoffice.core.errors import DomainError, ErrorCode

#: The most sent requests the contacts page lists.
MAX_SENT_LISTED = 200


@dataclass(frozen=True)
class SharedDetails:
    """What one side chose to share once a request is accepted."""

    email: str
    phone: str
    other: str

    @classmethod
    def of(cls, profile: Profile) -> SharedDetails:
        return cls(
            email=profile.contact_email, phone=profile.contact_phone, other=profile.contact_other
        )

    @property
    def nothing_shared(self) -> bool:
        return not (self.email or self.phone or self.other)


@dataclass(frozen=True)
class Contact:
    """An accepted request seen from one side: the other profile and its details."""

    request: ContactRequest
    mine: Profile
    theirs: Profile
    details: SharedDetails
    i_sent: bool


@dataclass(frozen=True)
class ContactsPage:
    """What the member's contacts page shows."""

    received: list[ContactRequest]
    sent: list[ContactRequest]
    accepted: list[Contact]


def _administered(user: AnyUser) -> QuerySet[ProfileAdmin, Any]:
    if isinstance(user, AnonymousUser):
        return ProfileAdmin.objects.none().values("profile_id")
    return ProfileAdmin.objects.filter(user=user).values("profile_id")


def received_pending(*, user: AnyUser) -> QuerySet[ContactRequest]:
    """Requests waiting for an answer from a profile ``user`` runs, oldest first."""
    return (
        ContactRequest.objects.filter(
            recipient__in=_administered(user), status=RequestStatus.PENDING
        )
        .select_related("sender_profile", "recipient")
        .order_by("created_at", "id")
    )


def sent_requests(*, user: AnyUser) -> QuerySet[ContactRequest]:
    """Everything ``user`` has sent that is not an accepted contact, newest first."""
    if isinstance(user, AnonymousUser):
        return ContactRequest.objects.none()
    return (
        ContactRequest.objects.filter(sender=user)
        .exclude(status=RequestStatus.ACCEPTED)
        .select_related("sender_profile", "recipient")
        .order_by("-created_at", "-id")
    )


def accepted_contacts(*, user: AnyUser) -> list[Contact]:
    """Accepted requests on either side, with the other side's shared details."""
    rows = (
        ContactRequest.objects.filter(status=RequestStatus.ACCEPTED)
        .filter(Q(sender=user) | Q(recipient__in=_administered(user)))
        .select_related("sender_profile", "recipient")
        .order_by("-answered_at", "-id")
    )
    contacts = []
    for request in rows:
        i_sent = request.sender_id == user.pk
        mine, theirs = (
            (request.sender_profile, request.recipient)
            if i_sent
            else (request.recipient, request.sender_profile)
        )
        contacts.append(
            Contact(
                request=request,
                mine=mine,
                theirs=theirs,
                details=SharedDetails.of(theirs),
                i_sent=i_sent,
            )
        )
    return contacts


def pending_count(*, user: AnyUser) -> int:
    """How many requests wait for ``user``'s answer (for the hub's summary)."""
    return ContactRequest.objects.filter(
        recipient__in=_administered(user), status=RequestStatus.PENDING
    ).count()


def contacts_page(*, user: AnyUser) -> ContactsPage:
    """Received requests to answer, sent ones with their state, and accepted contacts."""
    return ContactsPage(
        received=list(received_pending(user=user)),
        sent=list(sent_requests(user=user)[:MAX_SENT_LISTED]),
        accepted=accepted_contacts(user=user),
    )


def _no_such_request() -> DomainError:
    return DomainError(ErrorCode.REQUEST_NOT_FOUND, _("There is no such contact request."))


def request_for_recipient(*, user: AnyUser, pk: int) -> ContactRequest:
    """A request to a profile ``user`` runs; not found also for everyone else's."""
    request = (
        ContactRequest.objects.filter(pk=pk, recipient__in=_administered(user))
        .select_related("sender_profile", "recipient")
        .first()
    )
    if request is None:
        raise _no_such_request()
    return request


def request_for_sender(*, user: AnyUser, pk: int) -> ContactRequest:
    """A request ``user`` sent; not found otherwise."""
    if isinstance(user, AnonymousUser):
        raise _no_such_request()
    request = (
        ContactRequest.objects.filter(pk=pk, sender=user)
        .select_related("sender_profile", "recipient")
        .first()
    )
    if request is None:
        raise _no_such_request()
    return request


def sender_profiles(*, user: AnyUser, exclude: Profile | None = None) -> QuerySet[Profile]:
    """The profiles ``user`` may write as (every profile they run)."""
    profiles = Profile.objects.filter(pk__in=_administered(user)).order_by("name", "id")
    if exclude is not None:
        profiles = profiles.exclude(pk=exclude.pk)
    return profiles


def has_profiles(*, user: AnyUser) -> bool:
    """``user`` runs at least one profile (so may write, be suggested, be shown)."""
    return sender_profiles(user=user).exists()


def contact_recipient(*, user: AnyUser, public_id: UUID) -> Profile:
    """The profile to write to, if ``user`` may see it; not found otherwise."""
    profile = Profile.objects.visible_to(user).filter(public_id=public_id).first()
    if profile is None:
        raise DomainError(ErrorCode.PROFILE_NOT_FOUND, _("There is no such profile."))
    return profile
