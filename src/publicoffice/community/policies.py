"""Who may see and change profiles. Every such check of the app is here.

Visibility itself is one rule, :meth:`ProfileQuerySet.visible_to`; this
module only asks it, so pages, search, suggestions and exports cannot
disagree about who sees what.
"""

from __future__ import annotations

from typing import Any

from publicoffice.community.models import Profile, ProfileAdmin


def is_profile_admin(user: Any, profile: Profile) -> bool:
    """``user`` runs ``profile`` (edits it, answers its contact requests)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return ProfileAdmin.objects.filter(profile=profile, user=user).exists()


def can_edit_profile(user: Any, profile: Profile) -> bool:
    """Edit, hide or delete the profile and manage its admins: its admins only.

    Platform admins moderate through the staff admin, not by editing here,
    so that a member's profile never changes under their name.
    """
    return is_profile_admin(user, profile)


def can_see_profile(user: Any, profile: Profile) -> bool:
    """The single visibility rule, asked for one profile."""
    return Profile.objects.visible_to(user).filter(pk=profile.pk).exists()


def can_add_admins(user: Any, profile: Profile) -> bool:
    """Organisations share a profile among several members; a person's stays theirs."""
    return profile.is_organisation and can_edit_profile(user, profile)
