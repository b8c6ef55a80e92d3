"""Checking the input of the profile services, field by field.

Every check says what is wrong in words and names the field in the error's
details, so a form can show the message next to it. Nothing here writes,
except that typed words may create free tags (inside the caller's
transaction, so a refusal later rolls them back).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from publicoffice.community.models import (
    MAX_LINKS,
    PRESENTATION_LANGUAGES,
    Profile,
    ProfileKind,
    ProfileLink,
    Tag,
    Visibility,
)
from publicoffice.community.vocabulary import resolve_words
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import one_line, paragraphs
from publicoffice.places.models import Language, Office

#: At most this many words on each side (offers, needs).
MAX_TAGS = 30
#: At most this many free words (not in the vocabulary) on each side.
MAX_FREE_WORDS = 10

_TEXT_FIELDS = {
    "name": 100,
    "offers_text": 300,
    "needs_text": 300,
    "contact_phone": 40,
    "contact_other": 200,
    "contact_email": 254,
}
SCALARS = frozenset(
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
RELATIONS = frozenset({"offers", "needs", "languages", "home_offices", "links"})
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{3,39}$")
_LANGUAGE_CODES = frozenset(code for code, _name in PRESENTATION_LANGUAGES)
_url_validator = URLValidator(schemes=["http", "https"])


def _label(field: str) -> str:
    if field == "links":
        return str(capfirst(ProfileLink._meta.verbose_name_plural))
    return str(capfirst(Profile._meta.get_field(field).verbose_name))  # type: ignore[union-attr]


def _bad(field: str) -> DomainError:
    return DomainError(
        ErrorCode.BAD_VALUE,
        _("“%(field)s” has a value we cannot use.") % {"field": _label(field)},
        field=field,
    )


def check_keys(fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - SCALARS - RELATIONS
    if unknown:
        raise TypeError(f"unknown profile fields: {', '.join(sorted(unknown))}")


def clean_scalars(values: Mapping[str, Any]) -> dict[str, Any]:
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
        text = paragraphs(value) if field == "presentation" else one_line(value)
        limit = 1000 if field == "presentation" else _TEXT_FIELDS.get(field)
        if limit is not None and len(text) > limit:
            raise DomainError(
                ErrorCode.TEXT_TOO_LONG,
                _("“%(field)s” is too long: at most %(limit)d characters, you wrote %(count)d.")
                % {"field": _label(field), "limit": limit, "count": len(text)},
                field=field,
                limit=limit,
            )
        if field == "name" and not text:
            raise DomainError(ErrorCode.TEXT_MISSING, _("Give the profile a name."), field="name")
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
                    ErrorCode.BAD_EMAIL,
                    _("Write the e-mail address like name@example.se."),
                    field=field,
                ) from None
        if field == "contact_phone" and text and not _PHONE.match(text):
            raise DomainError(
                ErrorCode.BAD_PHONE,
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
            ErrorCode.TOO_MANY_WORDS,
            _("Give at most %(limit)d words of your own.") % {"limit": MAX_FREE_WORDS},
            field=field,
        )
    tags = [value for value in given if isinstance(value, Tag)]
    resolved = resolve_words(words, field=field)
    unique = list({tag.pk: tag for tag in [*tags, *resolved]}.values())
    if len(unique) > MAX_TAGS:
        raise DomainError(
            ErrorCode.TOO_MANY_TAGS,
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
            ErrorCode.LANGUAGE_UNKNOWN, _("Choose languages from the list."), field="languages"
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
            ErrorCode.OFFICE_UNKNOWN, _("Choose offices from the list."), field="home_offices"
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
        url, label = one_line(url).replace(" ", ""), one_line(label)
        if not url:
            continue
        try:
            if len(url) > 300:
                raise ValidationError("too long")
            _url_validator(url)
        except ValidationError:
            raise DomainError(
                ErrorCode.BAD_LINK,
                _(
                    "Links must be web addresses starting with https:// or http://, "
                    "at most 300 characters."
                ),
                field="links",
            ) from None
        if len(label) > 60:
            raise DomainError(
                ErrorCode.TEXT_TOO_LONG,
                _("Keep each link's label under 60 characters."),
                field="links",
                limit=60,
            )
        links.append((url, label))
    if len(links) > MAX_LINKS:
        raise DomainError(
            ErrorCode.TOO_MANY_LINKS,
            _("Give at most %(limit)d links.") % {"limit": MAX_LINKS},
            field="links",
        )
    return links


def clean_relations(fields: Mapping[str, Any]) -> dict[str, Any]:
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
