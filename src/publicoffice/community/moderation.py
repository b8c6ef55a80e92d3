"""Profiles and contact messages as content the conduct app moderates.

Registered in :mod:`publicoffice.places.moderation` from ``ready()``, so
conduct hides and restores them without importing community. A hidden
profile leaves the directory, "here today", who-to-meet and every page but
its admins' own (``ProfileQuerySet.visible_to``/``listed_for``); a hidden
contact request's message is no longer shown to its recipient.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import AnyUser
from publicoffice.community.models import ContactRequest, Profile, ProfileAdmin
from publicoffice.community.policies import is_profile_admin
from publicoffice.places.models import Office
from publicoffice.places.moderation import ContentKind


def _profile(key: str) -> Profile | None:
    try:
        public_id = UUID(key)
    except ValueError:
        return None
    return Profile.objects.filter(public_id=public_id).first()


def _first_admin(profile: Profile) -> int | None:
    links = ProfileAdmin.objects.filter(profile=profile).order_by("added_at", "id")
    return links.values_list("user_id", flat=True).first()


def _home_office(profile: Profile) -> Office | None:
    return profile.home_offices.order_by("pk").first()


def _hide(model: type[Profile] | type[ContactRequest]) -> Any:
    def hide(item: Any, reason: str, at: datetime) -> None:
        model.objects.filter(pk=item.pk).update(hidden_at=at, hidden_reason=reason[:300])
        item.hidden_at, item.hidden_reason = at, reason[:300]

    return hide


def _restore(model: type[Profile] | type[ContactRequest]) -> Any:
    def restore(item: Any, at: datetime) -> None:
        model.objects.filter(pk=item.pk).update(hidden_at=None, hidden_reason="")
        item.hidden_at, item.hidden_reason = None, ""

    return restore


def _may_report_profile(profile: Profile, user: AnyUser) -> bool:
    return Profile.objects.visible_to(user).filter(pk=profile.pk).exists() and not is_profile_admin(
        user, profile
    )


PROFILE = ContentKind(
    name="profile",
    label=_("profile"),
    find=_profile,
    key=lambda profile: str(profile.public_id),
    author_id=_first_admin,
    office=_home_office,
    operator_id=lambda profile: None,
    title=lambda profile: profile.name,
    url=lambda profile: reverse("community:profile", kwargs={"public_id": profile.public_id}),
    hide=_hide(Profile),
    restore=_restore(Profile),
    is_hidden=lambda profile: profile.hidden_at is not None,
    can_report=_may_report_profile,
)


def _contact(key: str) -> ContactRequest | None:
    if not key.isdigit():
        return None
    return (
        ContactRequest.objects.select_related("sender_profile", "recipient")
        .filter(pk=int(key))
        .first()
    )


def _contact_title(contact: ContactRequest) -> str:
    return f"{contact.sender_profile.name} → {contact.recipient.name}: {contact.message[:120]}"


CONTACT = ContentKind(
    name="contact",
    label=_("contact message"),
    find=_contact,
    key=lambda contact: str(contact.pk),
    author_id=lambda contact: contact.sender_id,
    office=lambda contact: _home_office(contact.recipient),
    operator_id=lambda contact: None,
    title=_contact_title,
    url=lambda contact: reverse("community:contacts"),
    hide=_hide(ContactRequest),
    restore=_restore(ContactRequest),
    is_hidden=lambda contact: contact.hidden_at is not None,
    can_report=lambda contact, user: is_profile_admin(user, contact.recipient),
)

KINDS = (PROFILE, CONTACT)
