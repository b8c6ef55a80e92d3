"""One selector per screen, shared by the web pages and the API.

* :func:`public_report`: published figures of an office, a municipality or
  the network, for a whole month or year; anyone.
* :func:`staff_report`: exact figures for any period, for the staff of the
  scope (``report_not_allowed`` for anyone else). Before reading, the
  scope's stale days are recomputed, so staff see today's check-ins.
* :func:`side_by_side`: the offices of a scope compared on the headline
  figures, exact, one query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from publicoffice.accounts.actors import AnyUser
from publicoffice.core.disclosure import Figure
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.timeutils import acting_now
from publicoffice.places.report_selectors import OfficePlace, municipality_names, office_places
from publicoffice.places.report_selectors import operator_names as operator_names_of
from publicoffice.reports import figures, policies
from publicoffice.reports.exact import ExactSource
from publicoffice.reports.models import ScopeKind
from publicoffice.reports.periods import Grain, Period
from publicoffice.reports.published import PublishedSource, latest_published
from publicoffice.reports.report import Report, build
from publicoffice.reports.rollup import refresh_stale
from publicoffice.reports.scopes import (
    Scope,
    municipality_scope,
    network_scope,
    operator_scope,
    scope_from,
)

#: The scopes with a public statistics page (operators have none of their own).
PUBLIC_KINDS = (ScopeKind.OFFICE, ScopeKind.MUNICIPALITY, ScopeKind.NETWORK)
#: The headline figures of the side-by-side table, with the key of each.
HEADLINES = (
    ("visits.people", ""),
    ("visits.unique", ""),
    ("bookings.count", ""),
    ("events.count", ""),
    ("dialogue.proposals", ""),
    ("problems.reported", ""),
    ("conduct.incidents", ""),
)


def today() -> date:
    return timezone.localtime(acting_now()).date()


def period_or_default(text: object, *, public: bool) -> Period:
    """The period asked for, or the default: the last published month, or this month."""
    if text in (None, ""):
        if public:
            return latest_published() or Period.containing(Grain.MONTH, today())
        return Period.containing(Grain.MONTH, today())
    return Period.parse(text)


def public_report(*, kind: object, ref: object, period: object = None) -> Report:
    scope = scope_from(kind, ref)
    if scope.kind not in PUBLIC_KINDS:
        raise DomainError(ErrorCode.REPORT_SCOPE_NOT_FOUND)
    chosen = period_or_default(period, public=True)
    return build(scope, chosen, PublishedSource(scope), public_only=True)


def staff_report(*, user: AnyUser, kind: object, ref: object, period: object = None) -> Report:
    scope = scope_from(kind, ref)
    policies.ensure_exact_allowed(user, scope)
    refresh_stale(office_ids=scope.office_ids)
    return build(scope, period_or_default(period, public=False), ExactSource(scope))


@dataclass(frozen=True)
class OfficeRow:
    office: OfficePlace
    figures: dict[tuple[str, str], Figure]


def side_by_side(*, scope: Scope, period: Period, only: set[str] | None = None) -> list[OfficeRow]:
    """Each office of the scope (or those slugs in ``only``) on the headline figures, exact."""
    offices = [o for o in scope.offices if only is None or o.slug in only]
    found = figures.per_office(
        [o.id for o in offices], period, {metric for metric, _key in HEADLINES}
    )
    return [
        OfficeRow(
            office,
            {
                (metric, key): Figure(sum(found.get(office.id, {}).get(metric, {}).values()))
                for metric, key in HEADLINES
            },
        )
        for office in offices
    ]


@dataclass(frozen=True)
class ScopeLink:
    kind: str
    ref: str
    name: str


def own_scopes(*, user: AnyUser) -> list[ScopeLink]:
    """The scopes whose exact figures ``user`` may see: the dashboards page's list."""
    refs = policies.own_scope_refs(user)
    links: list[ScopeLink] = []
    if refs.get(ScopeKind.NETWORK):
        links.append(ScopeLink(ScopeKind.NETWORK, "network", str(network_scope().name)))
    municipality_ids = refs.get(ScopeKind.MUNICIPALITY, set())
    for code, name in sorted(municipality_names(ids=municipality_ids).values()):
        links.append(ScopeLink(ScopeKind.MUNICIPALITY, code, name))
    operator_ids = refs.get(ScopeKind.OPERATOR, set())
    for pk, name in sorted(operator_names_of(ids=operator_ids).items(), key=lambda i: i[1]):
        links.append(ScopeLink(ScopeKind.OPERATOR, str(pk), name))
    office_ids = refs.get(ScopeKind.OFFICE, set())
    for office in office_places():
        mine = office.id in office_ids or office.operator_id in operator_ids
        if mine or office.municipality_id in municipality_ids:
            links.append(ScopeLink(ScopeKind.OFFICE, office.slug, office.name))
    return links


def scope_for(kind: str, ref: str) -> Scope:
    """A scope by kind and reference (for tests and the API's path parameters)."""
    if kind == ScopeKind.MUNICIPALITY:
        return municipality_scope(ref)
    if kind == ScopeKind.OPERATOR and ref.isdigit():
        return operator_scope(int(ref))
    return scope_from(kind, ref)
