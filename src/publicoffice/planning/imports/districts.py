"""Which district a cell lies in, so that results can be read per district.

A file may name each cell's district (a ``district`` column): the name is
matched, ignoring case, among the municipality's districts. Otherwise a
cell takes the district of the municipality's nearest office, when that
office is within :data:`NEAREST_OFFICE_M`; farther cells have none. This is
an approximation (districts have no boundaries in the platform), good
enough to read results per neighbourhood.
"""

from __future__ import annotations

import numpy as np

from publicoffice.places.models import District, Municipality, Office
from publicoffice.planning import geo

NEAREST_OFFICE_M = 3000


def assign(
    municipality: Municipality | None, xs: list[int], ys: list[int], names: list[str]
) -> list[int | None]:
    """Each cell's district id (or None), in the order of the cells."""
    if municipality is None or not xs:
        return [None] * len(xs)
    if any(names):
        by_name = {
            name.casefold(): pk
            for pk, name in District.objects.filter(municipality=municipality).values_list(
                "pk", "name"
            )
        }
        return [by_name.get(name.casefold()) if name else None for name in names]
    return nearest_office_districts(municipality, np.asarray(xs), np.asarray(ys))


def nearest_office_districts(
    municipality: Municipality, xs: np.ndarray, ys: np.ndarray
) -> list[int | None]:
    """The district of the nearest office with a district, within 3 km."""
    offices = list(
        Office.objects.filter(municipality=municipality, district__isnull=False).values_list(
            "latitude", "longitude", "district_id"
        )
    )
    if not offices:
        return [None] * len(xs)
    lats = np.array([float(lat) for lat, _lon, _d in offices])
    lons = np.array([float(lon) for _lat, lon, _d in offices])
    office_x, office_y = geo.to_sweref(lons, lats)
    districts = [district for _lat, _lon, district in offices]
    best = np.full(len(xs), np.inf)
    chosen: list[int | None] = [None] * len(xs)
    for index, (ox, oy) in enumerate(zip(office_x, office_y, strict=True)):
        distance = np.hypot(xs - ox, ys - oy)
        closer = np.flatnonzero((distance < best) & (distance <= NEAREST_OFFICE_M))
        best[closer] = distance[closer]
        for cell in closer.tolist():
            chosen[cell] = districts[index]
    return chosen
