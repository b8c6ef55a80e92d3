"""Which column is what: names Statistics Sweden uses, and the usual aliases.

Statistics Sweden's open grid ("befolkning_1km_<year>", in SWEREF 99 TM)
names its columns ``rutid_scb`` (the cell id: six digits of easting and
seven of northing of the cell's lower-left corner), ``rutid_inspire``,
``rutstorl`` (the cell's side in metres), ``beftotalt`` (the population),
``man``/``kvinna`` and, in the age file, five-year bands such as
``ald20_24`` and ``ald100w``. Other files are matched by the aliases below,
in any case, with spaces or hyphens for underscores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from publicoffice.core.errors import DomainError, ErrorCode

ID_NAMES = ("rutid_scb", "rutid", "ruta", "cell_id", "cellid", "cell", "id", "ref")
X_NAMES = ("x", "easting", "east", "e", "x_sweref", "ostlig")
Y_NAMES = ("y", "northing", "north", "n", "y_sweref", "nordlig")
LAT_NAMES = ("lat", "latitude", "breddgrad")
LON_NAMES = ("lon", "lng", "long", "longitude", "langdgrad", "längdgrad")
POPULATION_NAMES = (
    "beftotalt",
    "population",
    "pop",
    "befolkning",
    "folkmangd",
    "folkmängd",
    "invanare",
    "invånare",
    "total",
    "antal",
)
SIZE_NAMES = ("rutstorl", "cell_size", "cell_size_m", "size")
DISTRICT_NAMES = ("district", "distrikt", "stadsdel", "district_name")
#: SCB's age bands ("ald20_24", "ald100w"), ours ("age_20_24", "age_65_plus"), any "group_…".
AGE_BAND = re.compile(r"^(?:ald|age_?)(\d+)(?:_(\d+)|_?(w|plus|\+))$")
GROUP = re.compile(r"^group_(.+)$")


@dataclass
class GroupColumn:
    key: str
    label: str


@dataclass
class Layout:
    """Column positions; ``coords`` is (x, y) or (lon, lat), ``geographic`` says which."""

    ref: int | None
    coords: tuple[int, int] | None
    geographic: bool
    population: int
    size: int | None
    district: int | None
    groups: list[tuple[int, GroupColumn]]


def normalised(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lstrip("\ufeff").lower())


def _find(names: list[str], aliases: tuple[str, ...]) -> int | None:
    for alias in aliases:
        if alias in names:
            return names.index(alias)
    return None


def _group(name: str) -> GroupColumn | None:
    band = AGE_BAND.match(name)
    if band:
        low, high, open_end = band.groups()
        label = f"{low}+" if open_end else f"{low}–{high}"
        return GroupColumn(key=name, label=label)
    other = GROUP.match(name)
    if other:
        return GroupColumn(key=name, label=other.group(1).replace("_", " "))
    return None


def detect(header: list[str], *, has_points: bool) -> Layout:
    """Where each needed column is; refused with the list of what is missing."""
    names = [normalised(name) for name in header]
    population = _find(names, POPULATION_NAMES)
    ref = _find(names, ID_NAMES)
    x, y = _find(names, X_NAMES), _find(names, Y_NAMES)
    lat, lon = _find(names, LAT_NAMES), _find(names, LON_NAMES)
    coords: tuple[int, int] | None = None
    geographic = False
    if x is not None and y is not None:
        coords = (x, y)
    elif lat is not None and lon is not None:
        coords, geographic = (lon, lat), True
    missing = []
    if population is None:
        missing.append("beftotalt / population")
    if coords is None and not has_points and ref is None:
        missing.append("rutid_scb / x, y / easting, northing / lat, lon")
    if missing:
        raise DomainError(
            ErrorCode.PLANNING_MISSING_COLUMNS,
            _("The file lacks these columns: %(columns)s.") % {"columns": "; ".join(missing)},
            columns=missing,
        )
    assert population is not None
    groups = [(i, group) for i, name in enumerate(names) if (group := _group(name))]
    return Layout(
        ref=ref,
        coords=coords,
        geographic=geographic,
        population=population,
        size=_find(names, SIZE_NAMES),
        district=_find(names, DISTRICT_NAMES),
        groups=groups,
    )
