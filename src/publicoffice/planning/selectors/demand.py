"""What the population pages and the import task read.

A source of another municipality is "not found", never "forbidden", so an
officer cannot learn what a neighbour imported. National sources (no
municipality) are a platform admin's alone. Whether the user plans at all
is the view's question (a stranger is refused outright).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.accounts.models import User
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import Municipality
from publicoffice.planning import policies
from publicoffice.planning.models import DemandSource, ImportStatus


def sources_for(user: AnyUser) -> QuerySet[DemandSource]:
    """The sources of the user's municipalities, newest first, in one query."""
    sources = DemandSource.objects.select_related("municipality")
    allowed = policies.planning_municipalities(user)
    if allowed is None:
        return sources
    return sources.filter(Q(municipality_id__in=allowed))


def source_for(user: AnyUser, pk: int) -> DemandSource:
    """One source the user plans with, else PLANNING_NOT_FOUND."""
    found = DemandSource.objects.select_related("municipality").filter(pk=pk).first()
    if found is None or not policies.can_plan_in(user, found.municipality_id):
        raise DomainError(ErrorCode.PLANNING_NOT_FOUND)
    return found


def used_by_scenarios(source: DemandSource) -> int:
    """How many scenarios use the source (it cannot be deleted while any does)."""
    return source.scenarios.count()


def upload_municipalities(user: AnyUser) -> list[Municipality]:
    """Where the user may import a grid, by name (every municipality, for a platform admin)."""
    allowed = policies.planning_municipalities(user)
    found = Municipality.objects.order_by("name")
    return list(found if allowed is None else found.filter(pk__in=allowed))


def municipality_by_code(code: str) -> Municipality | None:
    """A municipality by its four-digit code (the commands' argument)."""
    return Municipality.objects.filter(code=code).first()


def importing_source(pk: int) -> DemandSource | None:
    """The source a queued import writes into; None once deleted or no longer importing."""
    return (
        DemandSource.objects.select_related("municipality")
        .filter(pk=pk, status=ImportStatus.IMPORTING)
        .first()
    )


def user_by_id(pk: int) -> Member | None:
    """Who started a queued import (None once the account is gone)."""
    return User.objects.filter(pk=pk).first()


def municipalities_with_offices() -> list[Municipality]:
    """Where a demo grid can be laid: municipalities with an office, by name."""
    return list(Municipality.objects.filter(offices__isnull=False).distinct().order_by("name"))
