"""Validators for Swedish identifiers used by places."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_ORG_NUMBER = re.compile(r"^([0-9]{6})-?([0-9]{4})$")


def luhn_ok(digits: str) -> bool:
    """Check the Luhn checksum used by Swedish organisation numbers."""
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def normalise_org_number(value: str) -> str:
    match = _ORG_NUMBER.match(value.strip())
    if not match:
        return value.strip()
    return f"{match.group(1)}-{match.group(2)}"


def validate_organisation_number(value: str) -> None:
    """Accept a legal entity's organisation number, never a personal one.

    A sole trader's "organisation number" is their personal identity number,
    which we must not store. Legal entities have a third digit of 2 or more
    (personal numbers have a month there, 0 or 1), so we can tell them apart.
    """
    match = _ORG_NUMBER.match(value.strip())
    if not match:
        raise ValidationError(
            _("Write the organisation number as ten digits, like 802012-3454."),
            code="org_number_format",
        )
    digits = match.group(1) + match.group(2)
    if int(digits[2]) < 2:
        raise ValidationError(
            _("This looks like a personal identity number. We store organisation numbers only."),
            code="org_number_personal",
        )
    if not luhn_ok(digits):
        raise ValidationError(
            _("The organisation number's check digit is wrong."), code="org_number_checksum"
        )


def validate_municipality_code(value: str) -> None:
    """Swedish municipality codes (kommunkod) are four digits, e.g. 0181."""
    if not re.fullmatch(r"[0-9]{4}", value or ""):
        raise ValidationError(
            _("A municipality code is four digits, like 0181."), code="municipality_code"
        )


def validate_office_slug(value: str) -> None:
    """An office's address name needs a letter: a number is read as an old API id.

    ``/api/v1/offices/{slug}`` is the office's address; the numbered
    addresses of API v1's first version still redirect there, so a slug of
    digits only would be taken for one of those.
    """
    if value.isdigit():
        raise ValidationError(
            _("The address name needs at least one letter, not only digits."),
            code="slug_digits_only",
        )
