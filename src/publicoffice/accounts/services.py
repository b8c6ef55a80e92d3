"""Writes to accounts. Every change goes through here so rules can't be skipped."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from publicoffice.accounts.actors import Member
from publicoffice.accounts.models import ApiToken, User
from publicoffice.accounts.privacy import account_delete, account_export
from publicoffice.core.error_codes import ErrorCode
from publicoffice.core.errors import DomainError
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.core.text import one_line

__all__ = [
    "account_delete",
    "account_export",
    "api_token_create",
    "api_token_revoke",
    "api_token_user",
    "language_checked",
    "member_language_set",
    "user_create",
]


@transaction.atomic
def user_create(*, email: str, password: str, display_name: str = "", language: str = "sv") -> User:
    """A new member account."""
    return User.objects.create_user(
        email=email,
        password=password,
        display_name=one_line(display_name),
        preferred_language=language,
    )


def language_checked(language: str) -> str:
    """``language`` if it is one of the six interface languages, else a refusal."""
    if language not in LANGUAGE_CODES:
        raise DomainError(ErrorCode.LANGUAGE_UNKNOWN, field="language")
    return language


def member_language_set(*, member: Member, language: str) -> None:
    """The member's language for pages and e-mails, chosen in the language picker."""
    member.preferred_language = language_checked(language)
    User.objects.filter(pk=member.pk).update(preferred_language=member.preferred_language)


API_TOKEN_PREFIX = "po_"


def _token_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new personal API key; the key is returned once and never stored."""
    name = name.strip()[:80] or "API"
    key = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, key_hash=_token_hash(key))
    return token, key


def api_token_revoke(*, user: User, token_id: int) -> bool:
    deleted, _rows = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)


#: ``last_used_at`` is written at most this often per key: a script calling
#: many times a second should not pay for a write on every request.
API_TOKEN_USE_RESOLUTION = timedelta(seconds=60)


def api_token_user(key: str) -> User | None:
    """The active user a key belongs to, or ``None``; notes when it was used.

    The note is to the minute: written only when it is missing or older than
    :data:`API_TOKEN_USE_RESOLUTION` (then one conditional ``UPDATE``, so
    concurrent requests write it once), never on every request.
    """
    if not key.startswith(API_TOKEN_PREFIX) or len(key) > 100:
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=_token_hash(key)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    stale = now - API_TOKEN_USE_RESOLUTION
    if token.last_used_at is None or token.last_used_at <= stale:
        ApiToken.objects.filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lte=stale), pk=token.pk
        ).update(last_used_at=now)
    return token.user
