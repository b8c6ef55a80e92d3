"""Writing profiles: create, change, delete, share with other admins.

Every change goes through here so that the rules (limits, clean text, who
may do what) and the folded search columns cannot be skipped. Input is
checked before anything is written; a refusal is a :class:`DomainError`
with a stable code and, where it concerns one field, ``field`` in its
details so a form can show the message next to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from publicoffice.accounts.models import User
from publicoffice.community.models import (
    MAX_LINKS,
    PRESENTATION_LANGUAGES,
    Profile,
    ProfileAdmin,
    ProfileKind,
    ProfileLink,
    Tag,
    Visibility,
)
from publicoffice.community.policies import can_edit_profile
from publicoffice.community.vocabulary import (
    clean_line,
    clean_text,
    profile_search_columns,
    resolve_words,
)
from publicoffice.core.errors import DomainError
from publicoffice.core.ratelimit import hit_for_user
from publicoffice.places.models import Language, Office

#: A member may create at most this many profiles (their own and their groups').
MAX_PROFILES_PER_MEMBER = 10
#: An organisation's profile may have at most this many admins.
MAX_ADMINS = 20
#: At most this many words on each side (offers, needs).
MAX_TAGS = 30
#: At most this many free words (not in the vocabulary) on each side.
MAX_FREE_WORDS = 10
#: Adding admins by e-mail, per member and hour: enough for a board, too few
#: to probe which addresses have accounts.
ADMIN_ADDS_PER_HOUR = 10

_TEXT_FIELDS = {
    "name": 100,
    "offers_text": 300,
    "needs_text": 300,
    "contact_phone": 40,
    "contact_other": 200,
    "contact_email": 254,
}
_SCALARS = frozenset(
    {
        "kind",
        "name",
        "visibility",
        "presentation",
        "presentation_language",
        "offers_text",
        "needs_text",
        "is_new_in_town",
        "contact_email",
        "contact_phone",
        "contact_other",
    }
)
_RELATIONS = frozenset({"offers", "needs", "languages", "home_offices", "links"})
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{3,39}$")
_LANGUAGE_CODES = frozenset(code for code, _name in PRESENTATION_LANGUAGES)
_url_validator = URLValidator(schemes=["http", "https"])


def _label(field: str) -> str:
    if field == "links":
        return str(capfirst(ProfileLink._meta.verbose_name_plural))
    return str(capfirst(Profile._meta.get_field(field).verbose_name))  # type: ignore[union-attr]


def _bad(field: str) -> DomainError:
    return DomainError(
        "bad_value",
        _("“%(field)s” has a value we cannot use.") % {"field": _label(field)},
        field=field,
    )


def _check_keys(fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - _SCALARS - _RELATIONS
    if unknown:
        raise TypeError(f"unknown profile fields: {', '.join(sorted(unknown))}")


def _clean_scalars(values: Mapping[str, Any]) -> dict[str, Any]:
    """Checked, cleaned values for the plain columns given in ``values``."""
    clean: dict[str, Any] = {}
    for field, value in values.items():
        if field == "is_new_in_town":
            if not isinstance(value, bool):
                raise _bad(field)
            clean[field] = value
            continue
        if not isinstance(value, str):
            raise _bad(field)
        text = clean_text(value) if field == "presentation" else clean_line(value)
        limit = 1000 if field == "presentation" else _TEXT_FIELDS.get(field)
        if limit is not None and len(text) > limit:
            raise DomainError(
                "too_long",
                _("“%(field)s” is too long: at most %(limit)d characters, you wrote %(count)d.")
                % {"field": _label(field), "limit": limit, "count": len(text)},
                field=field,
            )
        if field == "name" and not text:
            raise DomainError("name_missing", _("Give the profile a name."), field="name")
        if field == "kind" and text not in ProfileKind.values:
            raise _bad(field)
        if field == "visibility" and text not in Visibility.values:
            raise _bad(field)
        if field == "presentation_language" and text not in _LANGUAGE_CODES:
            raise _bad(field)
        if field == "contact_email" and text:
            try:
                validate_email(text)
            except ValidationError:
                raise DomainError(
                    "bad_email", _("Write the e-mail address like name@example.se."), field=field
                ) from None
        if field == "contact_phone" and text and not _PHONE.match(text):
            raise DomainError(
                "bad_phone",
                _("Write the phone number with digits only, like +46 70 123 45 67."),
                field=field,
            )
        clean[field] = text
    return clean


def _clean_tags(field: str, values: Iterable[Any]) -> list[Tag]:
    """Tags as given, plus typed words resolved through the vocabulary."""
    if isinstance(values, str):
        raise _bad(field)
    given = list(values)
    words = [value for value in given if isinstance(value, str)]
    if any(
        not isinstance(value, Tag | str) or (isinstance(value, Tag) and value.pk is None)
        for value in given
    ):
        raise _bad(field)
    if len(words) > MAX_FREE_WORDS:
        raise DomainError(
            "too_many_words",
            _("Give at most %(limit)d words of your own.") % {"limit": MAX_FREE_WORDS},
            field=field,
        )
    tags = [value for value in given if isinstance(value, Tag)]
    try:
        resolved = resolve_words(words)
    except DomainError as error:
        error.details["field"] = field
        raise
    unique = list({tag.pk: tag for tag in [*tags, *resolved]}.values())
    if len(unique) > MAX_TAGS:
        raise DomainError(
            "too_many_tags",
            _("Choose at most %(limit)d things.") % {"limit": MAX_TAGS},
            field=field,
        )
    return unique


def _clean_languages(values: Iterable[Any]) -> list[Language]:
    if isinstance(values, str):
        raise _bad("languages")
    given = list(values)
    codes = {value for value in given if isinstance(value, str)}
    found = {language.code: language for language in Language.objects.filter(code__in=codes)}
    if codes - set(found) or any(not isinstance(value, Language | str) for value in given):
        raise DomainError(
            "unknown_language", _("Choose languages from the list."), field="languages"
        )
    return [value if isinstance(value, Language) else found[value] for value in given]


def _clean_offices(values: Iterable[Any]) -> list[Office]:
    if isinstance(values, str):
        raise _bad("home_offices")
    given = list(values)
    ids = {value.pk if isinstance(value, Office) else value for value in given}
    offices = list(Office.objects.public().filter(slug__in=[i for i in ids if isinstance(i, str)]))
    offices += list(Office.objects.public().filter(pk__in=[i for i in ids if isinstance(i, int)]))
    if len({office.pk for office in offices}) != len(ids):
        raise DomainError(
            "unknown_office", _("Choose offices from the list."), field="home_offices"
        )
    return offices


def _clean_links(values: Iterable[Any]) -> list[tuple[str, str]]:
    """Links as ``(url, label)``: web addresses only, at most :data:`MAX_LINKS`."""
    if isinstance(values, str):
        raise _bad("links")
    links: list[tuple[str, str]] = []
    for value in values:
        if isinstance(value, str):
            url, label = value, ""
        elif isinstance(value, Mapping):
            url, label = value.get("url", ""), value.get("label", "")
        elif isinstance(value, tuple | list) and len(value) == 2:
            url, label = value
        else:
            raise _bad("links")
        if not isinstance(url, str) or not isinstance(label, str):
            raise _bad("links")
        url, label = clean_line(url).replace(" ", ""), clean_line(label)
        if not url:
            continue
        try:
            if len(url) > 300:
                raise ValidationError("too long")
            _url_validator(url)
        except ValidationError:
            raise DomainError(
                "bad_link",
                _(
                    "Links must be web addresses starting with https:// or http://, "
                    "at most 300 characters."
                ),
                field="links",
            ) from None
        if len(label) > 60:
            raise DomainError(
                "too_long", _("Keep each link's label under 60 characters."), field="links"
            )
        links.append((url, label))
    if len(links) > MAX_LINKS:
        raise DomainError(
            "too_many_links",
            _("Give at most %(limit)d links.") % {"limit": MAX_LINKS},
            field="links",
        )
    return links


def _clean_relations(fields: Mapping[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    if "offers" in fields:
        clean["offers"] = _clean_tags("offers", fields["offers"])
    if "needs" in fields:
        clean["needs"] = _clean_tags("needs", fields["needs"])
    if "languages" in fields:
        clean["languages"] = _clean_languages(fields["languages"])
    if "home_offices" in fields:
        clean["home_offices"] = _clean_offices(fields["home_offices"])
    if "links" in fields:
        clean["links"] = _clean_links(fields["links"])
    return clean


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


def _full_clean(profile: Profile) -> None:
    try:
        profile.full_clean(exclude=["search_text", "search_name", "search_tags"])
    except ValidationError as error:  # a safety net: the checks above say it better
        raise DomainError("invalid_profile", " ".join(error.messages)) from None


def profile_refresh_search_text(profile: Profile) -> None:
    """Recompute the folded columns the directory searches, from the profile as stored."""
    columns = profile_search_columns(profile)
    for column, value in columns.items():
        setattr(profile, column, value)
    Profile.objects.filter(pk=profile.pk).update(**columns)


@transaction.atomic
def profile_create(*, owner: Any, kind: str, name: str, visibility: str, **fields: Any) -> Profile:
    """Publish a new profile with ``owner`` as its (first) admin.

    ``fields`` are any of the profile's other fields. ``offers`` and
    ``needs`` take tags and typed words (resolved through the vocabulary);
    ``languages`` take languages or codes; ``home_offices`` offices or
    slugs; ``links`` addresses, ``(url, label)`` pairs or dicts.
    """
    _check_keys(fields)
    if not getattr(owner, "is_authenticated", False) or not owner.is_active:
        raise DomainError("not_member", _("Log in to create a profile."), status=403)
    # Lock the member's row so two tabs cannot both slip under the limit.
    User.objects.select_for_update().filter(pk=owner.pk).first()
    if ProfileAdmin.objects.filter(user=owner).count() >= MAX_PROFILES_PER_MEMBER:
        raise DomainError(
            "too_many_profiles",
            _("You can have at most %(limit)d profiles. Delete one you no longer need.")
            % {"limit": MAX_PROFILES_PER_MEMBER},
        )
    scalars = {key: value for key, value in fields.items() if key in _SCALARS}
    values = _clean_scalars({"kind": kind, "name": name, "visibility": visibility, **scalars})
    relations = _clean_relations(fields)
    profile = Profile(**values)
    _full_clean(profile)
    profile.save()
    ProfileAdmin.objects.create(profile=profile, user=owner)
    _apply_relations(profile, relations)
    profile_refresh_search_text(profile)
    return profile


@transaction.atomic
def profile_update(*, profile: Profile, actor: Any, **fields: Any) -> Profile:
    """Change the given fields of a profile; its admins only."""
    _check_keys(fields)
    if not can_edit_profile(actor, profile):
        raise DomainError("not_allowed", _("Only the profile's admins can change it."), status=403)
    Profile.objects.select_for_update().filter(pk=profile.pk).first()
    values = _clean_scalars({key: value for key, value in fields.items() if key in _SCALARS})
    if (
        values.get("kind") == ProfileKind.PERSON
        and ProfileAdmin.objects.filter(profile=profile).count() > 1
    ):
        raise DomainError(
            "person_has_one_admin",
            _("A person's profile has one admin. Remove the other admins first."),
            field="kind",
        )
    relations = _clean_relations(fields)
    for field, value in values.items():
        setattr(profile, field, value)
    _full_clean(profile)
    profile.save()
    _apply_relations(profile, relations)
    profile_refresh_search_text(profile)
    return profile


@transaction.atomic
def profile_delete(*, profile: Profile, actor: Any) -> None:
    """Delete a profile for good; any of its admins may.

    Contact requests to and from it go with it; the contact figures stay,
    they hold no people.
    """
    if not can_edit_profile(actor, profile):
        raise DomainError("not_allowed", _("Only the profile's admins can delete it."), status=403)
    profile.delete()


@transaction.atomic
def profile_admin_add(*, profile: Profile, actor: Any, email: str) -> ProfileAdmin:
    """Share an organisation's profile with another member, found by e-mail.

    The answer is the same whether no account has the address or the
    account cannot be added, so the form tells nobody who has an account.
    """
    if not can_edit_profile(actor, profile):
        raise DomainError("not_allowed", _("Only the profile's admins can add admins."), status=403)
    if not profile.is_organisation:
        raise DomainError(
            "person_has_one_admin",
            _("A person's profile has one admin. Choose an organisation kind to share it."),
            field="email",
        )
    if not hit_for_user(actor.pk, "profile_admin_add", limit=ADMIN_ADDS_PER_HOUR, window=3600):
        raise DomainError(
            "too_many_attempts",
            _("Too many attempts. Wait a while and try again."),
            status=429,
            field="email",
        )
    Profile.objects.select_for_update().filter(pk=profile.pk).first()
    address = clean_line(email if isinstance(email, str) else "")
    user = (
        User.objects.filter(email__iexact=address, is_active=True).first()
        if address and len(address) <= 254
        else None
    )
    if user is None:
        raise DomainError(
            "admin_not_addable", _("No member with that e-mail can be added."), field="email"
        )
    if ProfileAdmin.objects.filter(profile=profile, user=user).exists():
        raise DomainError(
            "already_admin", _("That member is already an admin of this profile."), field="email"
        )
    if ProfileAdmin.objects.filter(profile=profile).count() >= MAX_ADMINS:
        raise DomainError(
            "too_many_admins",
            _("A profile can have at most %(limit)d admins.") % {"limit": MAX_ADMINS},
            field="email",
        )
    return ProfileAdmin.objects.create(profile=profile, user=user)


@transaction.atomic
def profile_admin_remove(*, profile: Profile, actor: Any, user: Any) -> None:
    """Take an admin off a profile (also oneself); the last admin cannot leave."""
    if not can_edit_profile(actor, profile):
        raise DomainError(
            "not_allowed", _("Only the profile's admins can remove admins."), status=403
        )
    Profile.objects.select_for_update().filter(pk=profile.pk).first()
    link = ProfileAdmin.objects.filter(profile=profile, user=user).first()
    if link is None:
        raise DomainError("not_an_admin", _("That member is not an admin of this profile."))
    if ProfileAdmin.objects.filter(profile=profile).count() <= 1:
        raise DomainError(
            "last_admin",
            _("A profile needs at least one admin. Delete the profile instead."),
        )
    link.delete()


@transaction.atomic
def member_profiles_leave(*, user: Any) -> int:
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
    deleted, _per_model = Profile.objects.filter(pk__in=sole).delete()
    ProfileAdmin.objects.filter(user=user).delete()
    return len(sole) if deleted else 0
