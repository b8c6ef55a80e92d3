"""Coordinates: everything planning computes is in SWEREF 99 TM metres (EPSG:3006).

Offices and typed addresses come in WGS 84 latitude and longitude (what a
map or a phone gives); grids come in SWEREF 99 TM or another system the file
names. One transformer each way, made once: pyproj's are thread-safe and
costly to build.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import numpy as np
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError

from publicoffice.core.errors import DomainError, ErrorCode

SWEREF99TM = 3006
WGS84 = 4326
#: Sweden's extent in SWEREF 99 TM with a margin: (min x, min y, max x, max y).
SWEDEN_BOUNDS = (200_000, 6_100_000, 1_000_000, 7_700_000)
#: Sweden's extent in WGS 84 with a margin: (min lat, min lon, max lat, max lon).
SWEDEN_LATLON = (55.0, 10.5, 69.5, 24.5)


@cache
def transformer(source_epsg: int, target_epsg: int) -> Transformer:
    return Transformer.from_crs(source_epsg, target_epsg, always_xy=True)


def epsg_of(definition: str | int) -> int:
    """The EPSG code of a CRS given as a code, "EPSG:3006", a URN or WKT; refused if unknown."""
    try:
        code = CRS.from_user_input(definition).to_epsg()
    except CRSError as error:
        raise DomainError(ErrorCode.PLANNING_WRONG_CRS) from error
    if code is None:
        raise DomainError(ErrorCode.PLANNING_WRONG_CRS)
    return int(code)


def to_sweref(xs: np.ndarray, ys: np.ndarray, epsg: int = WGS84) -> tuple[np.ndarray, np.ndarray]:
    """Arrays of eastings and northings in whole metres from another system (x is longitude)."""
    if epsg == SWEREF99TM:
        return np.rint(xs).astype(np.int64), np.rint(ys).astype(np.int64)
    east, north = transformer(epsg, SWEREF99TM).transform(xs, ys)
    return np.rint(east).astype(np.int64), np.rint(north).astype(np.int64)


def latlon_to_sweref(latitude: Decimal | float, longitude: Decimal | float) -> tuple[int, int]:
    """One WGS 84 point as SWEREF 99 TM metres; refused when it is not in Sweden."""
    lat, lon = float(latitude), float(longitude)
    south, west, north, east = SWEDEN_LATLON
    if not (south <= lat <= north and west <= lon <= east):
        raise DomainError(ErrorCode.PLANNING_OUTSIDE_SWEDEN, field="latitude")
    x, y = transformer(WGS84, SWEREF99TM).transform(lon, lat)
    return round(x), round(y)


def sweref_to_latlon(xs: np.ndarray, ys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Arrays of latitudes and longitudes (WGS 84) from SWEREF 99 TM metres."""
    lon, lat = transformer(SWEREF99TM, WGS84).transform(xs, ys)
    return np.asarray(lat), np.asarray(lon)


def in_sweden(xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Which SWEREF 99 TM points fall inside Sweden's extent (a mask)."""
    min_x, min_y, max_x, max_y = SWEDEN_BOUNDS
    return (xs >= min_x) & (xs <= max_x) & (ys >= min_y) & (ys <= max_y)
