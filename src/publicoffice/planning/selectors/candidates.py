"""What the candidate and matrix pages read, within the municipalities the user plans for.

A site or matrix of another municipality is "not found", never "forbidden",
so an officer cannot learn what a neighbour is weighing. Whether the user
plans at all is the view's question (a stranger is refused outright).
"""

from __future__ import annotations

from django.db.models import QuerySet

from publicoffice.accounts.actors import AnyUser
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import Municipality
from publicoffice.planning import policies
from publicoffice.planning.models import Candidate, DemandSource, ImportStatus, TravelMatrix


def _not_found() -> DomainError:
    return DomainError(ErrorCode.PLANNING_NOT_FOUND)


def municipalities_for(user: AnyUser) -> list[Municipality]:
    """The municipalities the user plans for, by name (every one, for a platform admin)."""
    allowed = policies.planning_municipalities(user)
    found = Municipality.objects.order_by("name")
    return list(found if allowed is None else found.filter(pk__in=allowed))


def municipality_for(user: AnyUser, pk: int) -> Municipality:
    """One municipality the user plans for, else PLANNING_NOT_FOUND."""
    found = Municipality.objects.filter(pk=pk).first()
    if found is None or not policies.can_plan_in(user, found.pk):
        raise _not_found()
    return found


def candidates_for(user: AnyUser, municipality_id: int | None = None) -> QuerySet[Candidate]:
    """The sites of the user's municipalities (or of one of them), in one query.

    Asking for a municipality the user does not plan for is PLANNING_NOT_FOUND.
    """
    sites = Candidate.objects.select_related("municipality", "office")
    if municipality_id is not None:
        if not policies.can_plan_in(user, municipality_id):
            raise _not_found()
        return sites.filter(municipality_id=municipality_id)
    allowed = policies.planning_municipalities(user)
    return sites if allowed is None else sites.filter(municipality_id__in=allowed)


def candidate_for(user: AnyUser, pk: int) -> Candidate:
    """One site the user may plan with, else PLANNING_NOT_FOUND."""
    found = Candidate.objects.select_related("municipality", "office").filter(pk=pk).first()
    if found is None or not policies.can_plan_in(user, found.municipality_id):
        raise _not_found()
    return found


def matrices_for(user: AnyUser) -> QuerySet[TravelMatrix]:
    """The matrices over the user's population sources, newest first, in one query."""
    matrices = TravelMatrix.objects.select_related("source", "source__municipality")
    allowed = policies.planning_municipalities(user)
    return matrices if allowed is None else matrices.filter(source__municipality_id__in=allowed)


def matrix_for(user: AnyUser, pk: int) -> TravelMatrix:
    """One matrix the user may plan with, else PLANNING_NOT_FOUND."""
    found = matrices_for(user).filter(pk=pk).first()
    if found is None:
        raise _not_found()
    return found


def ready_sources_for(user: AnyUser) -> list[DemandSource]:
    """Population sources a matrix may be imported over: ready, and the user's to plan with.

    National sources (no municipality) are a platform admin's only.
    """
    sources = DemandSource.objects.filter(status=ImportStatus.READY).select_related("municipality")
    allowed = policies.planning_municipalities(user)
    if allowed is not None:
        sources = sources.filter(municipality_id__in=allowed)
    return list(sources.order_by("name", "pk"))


def source_for_matrix(user: AnyUser, pk: int) -> DemandSource:
    """One ready source the user may import a matrix over, else PLANNING_NOT_FOUND."""
    found = DemandSource.objects.filter(pk=pk).first()
    if found is None or not policies.can_plan_in(user, found.municipality_id):
        raise _not_found()
    return found
