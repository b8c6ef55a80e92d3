"""What a report is about: one office, one operator's offices, a municipality's, or all.

A scope is read from its name in a URL or an API call: an office by its
address name (``ronna``), an operator by its number, a municipality by its
four-digit code (``0181``), the network as ``network``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.report_selectors import (
    OfficePlace,
    municipality_by_code,
    municipality_names,
    office_by_slug,
    office_places,
    operator_name,
)
from publicoffice.reports.models import ScopeKind

NETWORK_ID = 0


@dataclass(frozen=True)
class Scope:
    kind: ScopeKind
    id: int
    name: str
    #: How the scope is written in URLs: slug, operator number, municipality code.
    ref: str
    offices: tuple[OfficePlace, ...]

    @property
    def office_ids(self) -> set[int]:
        return {office.id for office in self.offices}

    @property
    def is_office(self) -> bool:
        return self.kind == ScopeKind.OFFICE

    def kind_label(self) -> str:
        return str(ScopeKind(self.kind).label)

    def __str__(self) -> str:
        return self.name


def office_scope(office: OfficePlace) -> Scope:
    return Scope(ScopeKind.OFFICE, office.id, office.name, office.slug, (office,))


def network_scope() -> Scope:
    return Scope(
        ScopeKind.NETWORK, NETWORK_ID, _("The whole network"), "network", tuple(office_places())
    )


def municipality_scope(code: str) -> Scope:
    found = municipality_by_code(code=code)
    if found is None:
        raise DomainError(ErrorCode.REPORT_SCOPE_NOT_FOUND)
    pk, name = found
    offices = tuple(o for o in office_places() if o.municipality_id == pk)
    return Scope(ScopeKind.MUNICIPALITY, pk, name, code, offices)


def operator_scope(operator_id: int) -> Scope:
    name = operator_name(operator_id=operator_id)
    if name is None:
        raise DomainError(ErrorCode.REPORT_SCOPE_NOT_FOUND)
    offices = tuple(o for o in office_places() if o.operator_id == operator_id)
    return Scope(ScopeKind.OPERATOR, operator_id, name, str(operator_id), offices)


def scope_from(kind: object, ref: object) -> Scope:
    """The scope named in a request; ``report_scope_not_found`` for anything unknown."""
    if not isinstance(kind, str) or not isinstance(ref, str) or len(ref) > 80:
        raise DomainError(ErrorCode.REPORT_SCOPE_NOT_FOUND)
    if kind == ScopeKind.NETWORK:
        return network_scope()
    if kind == ScopeKind.OFFICE:
        office = office_by_slug(slug=ref)
        if office is None:
            raise DomainError(ErrorCode.REPORT_SCOPE_NOT_FOUND)
        return office_scope(office)
    if kind == ScopeKind.MUNICIPALITY:
        return municipality_scope(ref)
    if kind == ScopeKind.OPERATOR and ref.isdigit() and len(ref) < 10:
        return operator_scope(int(ref))
    raise DomainError(ErrorCode.REPORT_SCOPE_NOT_FOUND)


def municipality_code(municipality_id: int) -> str:
    return municipality_names(ids={municipality_id}).get(municipality_id, ("", ""))[0]
