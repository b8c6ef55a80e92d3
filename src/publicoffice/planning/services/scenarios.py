"""Saving scenarios: every field checked against the model and the municipality it belongs to.

A scenario is a question an officer may ask again and again, so it is
checked whole on every save: the fields its model needs (new sites for
maximal covering and p-median, a share for set covering), a reach that can
be measured (a radius or a walk/cycle preset, or a matrix of the same
population source with a number of minutes), candidate sites of the
scenario's own municipality, group weights for the source's own groups.
Refusals are PLANNING_SCENARIO_INVALID with the field named.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from publicoffice.accounts.actors import AnyUser
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.planning import policies
from publicoffice.planning import reach as presets
from publicoffice.planning.instance import is_p_model
from publicoffice.planning.models import (
    Candidate,
    DemandSource,
    PlanningModel,
    ReachKind,
    Scenario,
    TravelMatrix,
)

FIELDS = (
    "name",
    "description",
    "model",
    "demand",
    "sites",
    "share",
    "reach",
    "preset",
    "radius_m",
    "matrix",
    "minutes",
    "group_weights",
    "use_capacities",
    "gap_target",
    "time_limit_s",
)
MAX_SITES = 500
MAX_MINUTES = 240
MAX_GROUP_WEIGHT = 10
MAX_GAP = Decimal(50)
TIME_LIMIT = (1, 600)


def _invalid(field: str, message: str) -> DomainError:
    return DomainError(ErrorCode.PLANNING_SCENARIO_INVALID, message, field=field)


def _decimal(value: Any, field: str, message: str) -> Decimal:
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise _invalid(field, message) from None
    if not number.is_finite():
        raise _invalid(field, message)
    return number


def _whole(value: Any, field: str, low: int, high: int, message: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _invalid(field, message)
    return value


def _check_model(data: dict[str, Any]) -> None:
    if data["model"] not in PlanningModel.values:
        raise _invalid("model", _("Choose one of the three models."))
    if is_p_model(data["model"]):
        data["sites"] = _whole(
            data.get("sites"), "sites", 1, MAX_SITES, _("Give a number of new sites from 1 to 500.")
        )
        data["share"] = None
        return
    share = _decimal(data.get("share"), "share", _("Give the share as a number from 0 to 1."))
    if not 0 < share <= 1:
        raise _invalid("share", _("Give the share as a number from 0 to 1."))
    data["share"], data["sites"] = share.quantize(Decimal("0.001")), None


def _check_reach(data: dict[str, Any], source: DemandSource) -> None:
    if data.get("reach") == ReachKind.MATRIX:
        matrix = data.get("matrix")
        if not isinstance(matrix, TravelMatrix) or matrix.source_id != source.pk:
            raise _invalid("matrix", _("Choose a travel-time matrix of the same population."))
        data["minutes"] = _whole(
            data.get("minutes"), "minutes", 1, MAX_MINUTES, _("Give minutes from 1 to 240.")
        )
        data["preset"], data["radius_m"] = "", None
        return
    if data.get("reach") != ReachKind.STRAIGHT:
        raise _invalid("reach", _("Choose straight-line distance or imported travel times."))
    preset = data.get("preset") or ""
    if preset in ("", presets.CUSTOM):
        preset = ""
        low, high = presets.MIN_RADIUS_M, presets.MAX_RADIUS_M
        message = _("Give a radius from %(low)s to %(high)s metres.") % {"low": low, "high": high}
        data["radius_m"] = _whole(data.get("radius_m"), "radius_m", low, high, message)
    elif preset in presets.PRESETS:
        data["radius_m"] = presets.PRESETS[preset].radius_m
    else:
        raise _invalid("preset", _("Choose walking, cycling or your own radius."))
    data["preset"], data["matrix"], data["minutes"] = preset, None, None


def _check_weights(weights: Any, source: DemandSource) -> dict[str, float]:
    keys = {group.get("key") for group in source.groups or [] if isinstance(group, Mapping)}
    message = _("Give each group a weight from 0 to 10.")
    if not isinstance(weights, Mapping):
        raise _invalid("group_weights", message)
    cleaned: dict[str, float] = {}
    for key, value in weights.items():
        if key not in keys:
            raise _invalid("group_weights", _("The population source has no such group."))
        number = _decimal(value, "group_weights", message)
        if not 0 <= number <= MAX_GROUP_WEIGHT:
            raise _invalid("group_weights", message)
        if number != 1:
            cleaned[str(key)] = float(number)
    return cleaned


def _check_limits(data: dict[str, Any]) -> None:
    message = _("Give a gap from 0 to 50 percent.")
    gap = _decimal(data.get("gap_target", 1), "gap_target", message)
    if not 0 <= gap <= MAX_GAP:
        raise _invalid("gap_target", message)
    data["gap_target"] = gap.quantize(Decimal("0.01"))
    low, high = TIME_LIMIT
    data["time_limit_s"] = _whole(
        data.get("time_limit_s", 60),
        "time_limit_s",
        low,
        high,
        _("Give a time limit from 1 to 600 seconds."),
    )


def _sites(municipality_id: int | None, chosen: Iterable[Any], field: str) -> list[Candidate]:
    ids = {item.pk if isinstance(item, Candidate) else item for item in chosen}
    if not all(isinstance(pk, int) for pk in ids):
        raise _invalid(field, _("Choose candidate sites of this municipality."))
    found = list(Candidate.objects.filter(pk__in=ids, municipality_id=municipality_id or 0))
    if len(found) != len(ids):
        raise _invalid(field, _("Choose candidate sites of this municipality."))
    return found


def _clean(fields: dict[str, Any], municipality_id: int | None) -> dict[str, Any]:
    unknown = set(fields) - {*FIELDS, "candidates", "fixed", "municipality"}
    if unknown:
        raise _invalid(sorted(unknown)[0], _("This field is not part of a scenario."))
    data = dict(fields)
    name = str(data.get("name") or "").strip()
    if not name or len(name) > 200:
        raise _invalid("name", _("Give the scenario a name (at most 200 characters)."))
    data["name"], data["description"] = name, str(data.get("description") or "").strip()
    source = data.get("demand")
    if not isinstance(source, DemandSource) or source.municipality_id not in (
        municipality_id,
        None,
    ):
        raise _invalid("demand", _("Choose a population source of this municipality."))
    _check_model(data)
    _check_reach(data, source)
    data["group_weights"] = _check_weights(data.get("group_weights") or {}, source)
    data["use_capacities"] = bool(data.get("use_capacities"))
    _check_limits(data)
    data["candidates"] = _sites(municipality_id, data.get("candidates") or [], "candidates")
    data["fixed"] = _sites(municipality_id, data.get("fixed") or [], "fixed")
    if not data["candidates"] and not data["fixed"]:
        raise _invalid("candidates", _("Choose at least one candidate site."))
    free = {c.pk for c in data["candidates"]} - {c.pk for c in data["fixed"]}
    if data["sites"] is not None and data["sites"] > len(free):
        raise DomainError(ErrorCode.PLANNING_TOO_MANY_SITES, field="sites")
    return data


def scenario_save(*, scenario: Scenario | None = None, by: AnyUser, **fields: Any) -> Scenario:
    """Create (with ``municipality``) or replace a scenario's settings, all checked first."""
    if scenario is None:
        municipality = fields.get("municipality")
        municipality_id = getattr(municipality, "pk", None)
    else:
        municipality_id = scenario.municipality_id
        fields.pop("municipality", None)
    if not policies.can_plan_in(by, municipality_id):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    data = _clean(fields, municipality_id)
    with transaction.atomic():
        if scenario is None:
            scenario = Scenario(municipality_id=municipality_id, created_by=_user_or_none(by))
        for name in FIELDS:
            setattr(scenario, name, data.get(name))
        scenario.save()
        scenario.candidates.set(data["candidates"])
        scenario.fixed.set(data["fixed"])
    return scenario


def scenario_copy(*, scenario: Scenario, by: AnyUser, name: str | None = None) -> Scenario:
    """The same question under a new name, to change one thing ("the same with three sites")."""
    if not policies.can_plan_in(by, scenario.municipality_id):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    title = name or _("Copy of %(name)s") % {"name": scenario.name}
    with transaction.atomic():
        copy = Scenario(municipality_id=scenario.municipality_id, created_by=_user_or_none(by))
        for field in FIELDS:
            setattr(copy, field, getattr(scenario, field))
        copy.name = title[:200]
        copy.save()
        copy.candidates.set(scenario.candidates.all())
        copy.fixed.set(scenario.fixed.all())
    return copy


def scenario_delete(*, scenario: Scenario, by: AnyUser) -> None:
    """Remove a scenario with its runs and their results."""
    if not policies.can_plan_in(by, scenario.municipality_id):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    scenario.delete()


def _user_or_none(user: AnyUser) -> Any:
    return user if getattr(user, "is_authenticated", False) else None
