"""Writing profiles: create, change, delete, share with other admins.

Every change goes through here so that the rules (limits, clean text, who
may do what) and the folded search columns cannot be skipped. Input is
checked before anything is written; a refusal is a :class:`DomainError`
with a stable code and, where it concerns one field, ``field`` in its
details so a form can show the message next to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.accounts.models import User
from publicoffice.community import happenings
from publicoffice.community.models import Profile, ProfileAdmin, ProfileKind, ProfileLink
from publicoffice.community.policies import can_edit_profile, is_active_member
from publicoffice.community.selectors import report as figures
from publicoffice.community.services.profile_input import (
    MAX_FREE_WORDS,
    MAX_TAGS,
    SCALARS,
    check_keys,
    clean_relations,
    clean_scalars,
)
from publicoffice.community.vocabulary import profile_search_columns
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.ratelimit import hit_for_user
from publicoffice.core.text import one_line
from publicoffice.places.facts import Family, facts_changed

__all__ = [
    "ADMIN_ADDS_PER_HOUR",
    "MAX_ADMINS",
    "MAX_FREE_WORDS",
    "MAX_PROFILES_PER_MEMBER",
    "MAX_TAGS",
    "member_profiles_leave",
    "profile_admin_add",
    "profile_admin_remove",
    "profile_create",
    "profile_delete",
    "profile_refresh_search_text",
    "profile_update",
]

#: A member may create at most this many profiles (their own and their groups').
MAX_PROFILES_PER_MEMBER = 10
#: An organisation's profile may have at most this many admins.
MAX_ADMINS = 20
#: Adding admins by e-mail, per member and hour: enough for a board, too few
#: to probe which addresses have accounts.
ADMIN_ADDS_PER_HOUR = 10


def _apply_relations(profile: Profile, relations: Mapping[str, Any]) -> None:
    for name in ("offers", "needs", "languages", "home_offices"):
        if name in relations:
            getattr(profile, name).set(relations[name])
    if "links" in relations:
        profile.links.all().delete()
        ProfileLink.objects.bulk_create(
            [
                ProfileLink(profile=profile, url=url, label=label)
                for url, label in relations["links"]
            ]
        )


def _tell_figures(profile: Profile, office_id: int | None) -> None:
    """The profile's report office's figures changed: its creation day, and its requests' days.

    A profile and the contact requests sent to it count at its report office
    (:mod:`publicoffice.community.selectors.report`), so a profile deleted or
    moved to another home office changes those days there.
    """
    if office_id is None:
        return
    days = [profile.created_at, *figures.received_request_days(profile.pk)]
    facts_changed(office_id=office_id, when=days, family=Family.COMMUNITY)


def _tell_deleted(profile: Profile) -> None:
    """A profile goes with the requests to and from it: their offices' days change."""
    office_id = figures.profile_report_office_id(profile.pk)
    if office_id is not None:
        facts_changed(office_id=office_id, when=[profile.created_at], family=Family.COMMUNITY)
    for request_office, days in figures.request_days_by_office(profile.pk).items():
        facts_changed(office_id=request_office, when=days, family=Family.COMMUNITY)


def _full_clean(profile: Profile) -> None:
    try:
        profile.full_clean(exclude=["search_text", "search_name", "search_tags"])
    except ValidationError as error:  # a safety net: the checks above say it better
        raise DomainError(ErrorCode.INVALID_PROFILE, " ".join(error.messages)) from None


def profile_refresh_search_text(profile: Profile) -> None:
    """Recompute the folded columns the directory searches, from the profile as stored."""
    columns = profile_search_columns(profile)
    for column, value in columns.items():
        setattr(profile, column, value)
    Profile.objects.filter(pk=profile.pk).update(**columns)


@transaction.atomic
def profile_create(
    *, owner: AnyUser, kind: str, name: str, visibility: str, **fields: Any
) -> Profile:
    """Publish a new profile with ``owner`` as its (first) admin.

    ``fields`` are any of the profile's other fields. ``offers`` and
    ``needs`` take tags and typed words (resolved through the vocabulary);
    ``languages`` take languages or codes; ``home_offices`` offices or
    slugs; ``links`` addresses, ``(url, label)`` pairs or dicts.
    """
    check_keys(fields)
    if not is_active_member(owner):
        raise DomainError(ErrorCode.NOT_A_MEMBER, _("Log in to create a profile."))
    # Lock the member's row so two tabs cannot both slip under the limit.
    User.objects.select_for_update().filter(pk=owner.pk).first()
    if ProfileAdmin.objects.filter(user=owner).count() >= MAX_PROFILES_PER_MEMBER:
        raise DomainError(
            ErrorCode.TOO_MANY_PROFILES,
            _("You can have at most %(limit)d profiles. Delete one you no longer need.")
            % {"limit": MAX_PROFILES_PER_MEMBER},
        )
    scalars = {key: value for key, value in fields.items() if key in SCALARS}
    values = clean_scalars({"kind": kind, "name": name, "visibility": visibility, **scalars})
    relations = clean_relations(fields)
    profile = Profile(**values)
    _full_clean(profile)
    profile.save()
    ProfileAdmin.objects.create(profile=profile, user=owner)
    _apply_relations(profile, relations)
    profile_refresh_search_text(profile)
    office_id = figures.report_office_id(o.pk for o in relations.get("home_offices", ()))
    if office_id is not None:
        facts_changed(office_id=office_id, when=[profile.created_at], family=Family.COMMUNITY)
    return profile


@transaction.atomic
def profile_update(*, profile: Profile, actor: AnyUser, **fields: Any) -> Profile:
    """Change the given fields of a profile; its admins only."""
    check_keys(fields)
    if not can_edit_profile(actor, profile):
        raise DomainError(ErrorCode.NOT_ALLOWED, _("Only the profile's admins can change it."))
    Profile.objects.select_for_update().filter(pk=profile.pk).first()
    values = clean_scalars({key: value for key, value in fields.items() if key in SCALARS})
    if (
        values.get("kind") == ProfileKind.PERSON
        and ProfileAdmin.objects.filter(profile=profile).count() > 1
    ):
        raise DomainError(
            ErrorCode.PERSON_HAS_ONE_ADMIN,
            _("A person's profile has one admin. Remove the other admins first."),
            field="kind",
        )
    relations = clean_relations(fields)
    for field, value in values.items():
        setattr(profile, field, value)
    _full_clean(profile)
    counted = "home_offices" in relations or "kind" in values
    old_office = figures.profile_report_office_id(profile.pk) if counted else None
    new_office = figures.report_office_id(o.pk for o in relations.get("home_offices", ()))
    profile.save()
    _apply_relations(profile, relations)
    if "home_offices" in relations and old_office != new_office:
        _tell_figures(profile, old_office)
        _tell_figures(profile, new_office)
    elif "kind" in values and old_office is not None:
        _tell_figures(profile, old_office)
    profile_refresh_search_text(profile)
    return profile


@transaction.atomic
def profile_delete(*, profile: Profile, actor: AnyUser) -> None:
    """Delete a profile for good; any of its admins may.

    Contact requests to and from it go with it; the contact figures stay,
    they hold no people.
    """
    if not can_edit_profile(actor, profile):
        raise DomainError(ErrorCode.NOT_ALLOWED, _("Only the profile's admins can delete it."))
    _tell_deleted(profile)
    profile.delete()


@transaction.atomic
def profile_admin_add(*, profile: Profile, actor: AnyUser, email: str) -> ProfileAdmin:
    """Share an organisation's profile with another member, found by e-mail.

    The answer is the same whether no account has the address or the
    account cannot be added, so the form tells nobody who has an account.
    """
    if not is_active_member(actor) or not can_edit_profile(actor, profile):
        raise DomainError(ErrorCode.NOT_ALLOWED, _("Only the profile's admins can add admins."))
    if not profile.is_organisation:
        raise DomainError(
            ErrorCode.PERSON_HAS_ONE_ADMIN,
            _("A person's profile has one admin. Choose an organisation kind to share it."),
            field="email",
        )
    if not hit_for_user(actor.pk, "profile_admin_add", limit=ADMIN_ADDS_PER_HOUR, window=3600):
        raise DomainError(
            ErrorCode.TOO_MANY_ATTEMPTS,
            _("Too many attempts. Wait a while and try again."),
            field="email",
        )
    Profile.objects.select_for_update().filter(pk=profile.pk).first()
    address = one_line(email if isinstance(email, str) else "")
    user = (
        User.objects.filter(email__iexact=address, is_active=True).first()
        if address and len(address) <= 254
        else None
    )
    if user is None:
        raise DomainError(
            ErrorCode.ADMIN_NOT_ADDABLE,
            _("No member with that e-mail can be added."),
            field="email",
        )
    if ProfileAdmin.objects.filter(profile=profile, user=user).exists():
        raise DomainError(
            ErrorCode.ALREADY_ADMIN,
            _("That member is already an admin of this profile."),
            field="email",
        )
    if ProfileAdmin.objects.filter(profile=profile).count() >= MAX_ADMINS:
        raise DomainError(
            ErrorCode.TOO_MANY_ADMINS,
            _("A profile can have at most %(limit)d admins.") % {"limit": MAX_ADMINS},
            field="email",
        )
    link = ProfileAdmin.objects.create(profile=profile, user=user)
    happenings.profile_admin_added.publish(admin_id=link.pk)
    return link


@transaction.atomic
def profile_admin_remove(*, profile: Profile, actor: AnyUser, user: Member) -> None:
    """Take an admin off a profile (also oneself); the last admin cannot leave."""
    if not can_edit_profile(actor, profile):
        raise DomainError(ErrorCode.NOT_ALLOWED, _("Only the profile's admins can remove admins."))
    Profile.objects.select_for_update().filter(pk=profile.pk).first()
    link = ProfileAdmin.objects.filter(profile=profile, user=user).first()
    if link is None:
        raise DomainError(ErrorCode.NOT_AN_ADMIN, _("That member is not an admin of this profile."))
    if ProfileAdmin.objects.filter(profile=profile).count() <= 1:
        raise DomainError(
            ErrorCode.LAST_ADMIN,
            _("A profile needs at least one admin. Delete the profile instead."),
        )
    link.delete()


@transaction.atomic
def member_profiles_leave(*, user: Member) -> int:
    """A member is leaving: delete the profiles only they run, leave the rest.

    Organisation profiles with other admins stay and lose only this admin
    (the link goes by cascade with the account). Returns how many profiles
    were deleted.
    """
    sole = [
        profile.pk
        for profile in Profile.objects.filter(admins=user).prefetch_related("admin_links")
        if len(profile.admin_links.all()) <= 1
    ]
    for profile in Profile.objects.filter(pk__in=sole):
        _tell_deleted(profile)
    deleted, _per_model = Profile.objects.filter(pk__in=sole).delete()
    ProfileAdmin.objects.filter(user=user).delete()
    return len(sole) if deleted else 0
