"""Reads about accounts for the member's own pages."""

from __future__ import annotations

from django.db.models import QuerySet

from publicoffice.accounts.actors import Member
from publicoffice.accounts.models import ApiToken, RoleAssignment


def api_tokens_of(*, member: Member) -> list[ApiToken]:
    """The member's personal API keys, newest first (only hashes are stored)."""
    return list(ApiToken.objects.filter(user=member))


def role_assignments_of(*, member: Member) -> QuerySet[RoleAssignment]:
    """The member's staff roles with their scopes, to say what deleting the account ends."""
    return RoleAssignment.objects.filter(user=member).select_related(
        "office", "operator", "municipality"
    )
