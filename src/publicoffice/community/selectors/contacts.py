"""Reads of contact requests: what a member sees on their contacts page.

The contact details of a profile are read here and nowhere else, and only
for an accepted request: a pending, declined or withdrawn request reveals
nothing but the names and the message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from publicoffice.community.models import (
    ContactRequest,
    Profile,
    ProfileAdmin,
    RequestStatus,
)


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


def _administered(user: Any) -> QuerySet[ProfileAdmin, Any]:
    return ProfileAdmin.objects.filter(user=user).values("profile_id")


def received_pending(*, user: Any) -> QuerySet[ContactRequest]:
    """Requests waiting for an answer from a profile ``user`` runs, oldest first."""
    return (
        ContactRequest.objects.filter(
            recipient__in=_administered(user), status=RequestStatus.PENDING
        )
        .select_related("sender_profile", "recipient")
        .order_by("created_at", "id")
    )


def sent_requests(*, user: Any) -> QuerySet[ContactRequest]:
    """Everything ``user`` has sent that is not an accepted contact, newest first."""
    return (
        ContactRequest.objects.filter(sender=user)
        .exclude(status=RequestStatus.ACCEPTED)
        .select_related("sender_profile", "recipient")
        .order_by("-created_at", "-id")
    )


def accepted_contacts(*, user: Any) -> list[Contact]:
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


def pending_count(*, user: Any) -> int:
    """How many requests wait for ``user``'s answer (for the hub's summary)."""
    return ContactRequest.objects.filter(
        recipient__in=_administered(user), status=RequestStatus.PENDING
    ).count()


def request_for_recipient(*, user: Any, pk: int) -> ContactRequest:
    """A request to a profile ``user`` runs, or 404 (also for everyone else's)."""
    request = (
        ContactRequest.objects.filter(pk=pk, recipient__in=_administered(user))
        .select_related("sender_profile", "recipient")
        .first()
    )
    if request is None:
        raise Http404
    return request


def request_for_sender(*, user: Any, pk: int) -> ContactRequest:
    """A request ``user`` sent, or 404."""
    request = (
        ContactRequest.objects.filter(pk=pk, sender=user)
        .select_related("sender_profile", "recipient")
        .first()
    )
    if request is None:
        raise Http404
    return request


def sender_profiles(*, user: Any, exclude: Profile | None = None) -> QuerySet[Profile]:
    """The profiles ``user`` may write as (every profile they run)."""
    profiles = Profile.objects.filter(pk__in=_administered(user)).order_by("name", "id")
    if exclude is not None:
        profiles = profiles.exclude(pk=exclude.pk)
    return profiles
