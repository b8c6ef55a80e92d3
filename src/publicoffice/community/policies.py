"""Who may see and change profiles. Every such check of the app is here.

Visibility itself is one rule, :meth:`ProfileQuerySet.visible_to`; the
selectors ask it, so pages, search, suggestions and exports cannot disagree
about who sees what.
"""

from __future__ import annotations

from typing import TypeGuard

from publicoffice.accounts import roles
from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.accounts.roles import is_platform_admin
from publicoffice.community.models import Profile, ProfileAdmin


def is_active_member(user: AnyUser | None) -> TypeGuard[Member]:
    """``user`` is logged in with an account that is still open."""
    return roles.is_member(user)


def is_profile_admin(user: AnyUser | None, profile: Profile) -> bool:
    """``user`` runs ``profile`` (edits it, answers its contact requests)."""
    if not is_active_member(user):
        return False
    return ProfileAdmin.objects.filter(profile=profile, user=user).exists()


def can_edit_profile(user: AnyUser, profile: Profile) -> bool:
    """Edit, hide or delete the profile and manage its admins: its admins only.

    Platform admins moderate through the staff admin, not by editing here,
    so that a member's profile never changes under their name.
    """
    return is_profile_admin(user, profile)


def can_add_admins(user: AnyUser, profile: Profile) -> bool:
    """Organisations share a profile among several members; a person's stays theirs."""
    return profile.is_organisation and can_edit_profile(user, profile)


def can_manage_meeting_place(user: AnyUser) -> bool:
    """The staff admin's vocabulary and profile screens: platform admins only."""
    return is_platform_admin(user)
