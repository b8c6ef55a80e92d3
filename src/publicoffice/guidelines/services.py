"""Writes of the guidelines app: keeping an accessibility report.

Anyone may report a problem, logged in or not, so the service trusts
nothing it is given: it cleans the text as every app does
(:mod:`publicoffice.core.text`), refuses what is empty or too long with an
error the person can fix, and checks the optional e-mail address. It keeps
no account and no IP address. Once the report is saved, the platform admins
are told (:mod:`publicoffice.guidelines.happenings`).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.core.text import one_line, paragraphs, within_limit
from publicoffice.guidelines import happenings
from publicoffice.guidelines.models import MAX_REPORT_PAGE, MAX_REPORT_TEXT, AccessibilityReport

#: Longest e-mail address (RFC 5321, and the model's field).
MAX_EMAIL = 254


def _text(value: Any, *, field: str, limit: int, multiline: bool) -> str:
    """``value`` cleaned; too long is an error naming the field, never a cut."""
    if not isinstance(value, str):
        raise DomainError(ErrorCode.TEXT_INVALID, field=field)
    cleaned = paragraphs(value) if multiline else one_line(value)
    return within_limit(cleaned, field=field, limit=limit)


def _email(value: Any) -> str:
    address = _text(value, field="email", limit=MAX_EMAIL, multiline=False)
    if address:
        try:
            validate_email(address)
        except ValidationError:
            raise DomainError(ErrorCode.BAD_EMAIL, field="email") from None
    return address


def accessibility_report_submit(
    *, description: Any, page_address: Any = "", email: Any = "", language: str
) -> AccessibilityReport:
    """Keep a report from the accessibility statement and tell the platform admins.

    ``language`` is the interface language the person wrote from, so the
    answer can be written in it.
    """
    text = _text(description, field="description", limit=MAX_REPORT_TEXT, multiline=True)
    if not text:
        raise DomainError(ErrorCode.TEXT_MISSING, field="description")
    report = AccessibilityReport(
        description=text,
        page_address=_text(
            page_address, field="page_address", limit=MAX_REPORT_PAGE, multiline=False
        ),
        email=_email(email),
        language=language if language in LANGUAGE_CODES else LANGUAGE_CODES[0],
    )
    with transaction.atomic():
        report.full_clean()
        report.save()
        happenings.accessibility_reported.publish(report_id=report.pk)
    return report
