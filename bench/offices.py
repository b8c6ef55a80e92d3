"""How fast is the network list and its home page? Selector, raw SQL and the page.

Creates offices spread over Sweden with weekly hours, amenities and
accessibility facts in a throwaway database, then times:

* ``office_search`` with no filter and with "open now" (ORM + opening hours
  in Python), as the API's full list uses it, against a raw SQL query that
  fetches the same office rows with their hours (the floor any
  implementation has to pay);
* the home page (list and map) through Django's test client at a
  municipality's 14 offices and at a country's 2,000 (the best of
  ``--rounds`` requests each, with fresh planner statistics), its size in KB
  and its number of queries: the page must cost about the same at both.

``--quick`` uses few offices and rounds so the test suite can run it on
every change.

    .venv/bin/python bench/offices.py
    .venv/bin/python bench/offices.py --database-url postgres://...publicoffice_bench
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from _common import (
    analyze,
    argument_parser,
    bench_django,
    queries_of,
    throwaway_database,
    timed,
)
from _table import table_row

#: A municipality's network and a country's.
SMALL, LARGE = 14, 2000
#: The map's compact GeoJSON, clustered by the server.
MAP = "/api/v1/offices.map.geojson"


def populate(start: int, count: int) -> list[Any]:
    """``count`` open offices numbered from ``start``, spread over Sweden."""
    from datetime import time as clock
    from decimal import Decimal

    from publicoffice.places.models import (
        AccessibilityFacts,
        Amenity,
        Municipality,
        Office,
        OfficeStatus,
        Operator,
        OperatorKind,
        WeeklyHours,
    )

    wifi, _ = Amenity.objects.get_or_create(code="wifi", defaults={"name": "Wifi"})
    operator, _ = Operator.objects.get_or_create(name="Bench", kind=OperatorKind.OTHER)
    municipalities = [
        Municipality.objects.get_or_create(code=f"9{n:03}", defaults={"name": f"Kommun {n}"})[0]
        for n in range(20)
    ]
    offices = Office.objects.bulk_create(
        Office(
            slug=f"bench-{n}",
            name=f"Kontor {n}",
            name_sv=f"Kontor {n}",
            status=OfficeStatus.OPEN,
            operator=operator,
            municipality=municipalities[n % len(municipalities)],
            street_address=f"Gatan {n}",
            city="Bench",
            latitude=Decimal("55.4") + Decimal(n * 7919 % 12000) / 1000,
            longitude=Decimal("11.2") + Decimal(n * 104729 % 12500) / 1000,
            capacity=20 + n % 30,
        )
        for n in range(start, start + count)
    )
    WeeklyHours.objects.bulk_create(
        WeeklyHours(office=o, weekday=d, opens=clock(8 + o.pk % 3), closes=clock(17 + o.pk % 4))
        for o in offices
        for d in range(5)
    )
    AccessibilityFacts.objects.bulk_create(
        AccessibilityFacts(office=o, step_free_entrance=o.pk % 2 == 0) for o in offices
    )
    Office.amenities.through.objects.bulk_create(
        Office.amenities.through(office_id=o.pk, amenity_id=wifi.pk) for o in offices[::2]
    )
    return offices


def raw_rows() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT o.id, o.name, o.latitude, o.longitude, h.weekday, h.opens, h.closes "
            "FROM places_office o LEFT JOIN places_weeklyhours h ON h.office_id = o.id "
            "WHERE o.status <> %s",
            ["closed"],
        )
        return len(cursor.fetchall())


def measure_home(rounds: int) -> dict[str, float]:
    """Best ms of ``rounds``, KB and queries of the home page as it is now."""
    from django.test import Client

    client = Client()

    def get() -> bytes:
        response = client.get("/sv/")
        assert response.status_code == 200, response.status_code
        return response.content

    def get_map() -> bytes:
        # What the map asks for first: all of Sweden at a country's zoom.
        response = client.get(MAP, {"bbox": "10.5,55,24.5,69.5", "zoom": "5", "lang": "sv"})
        assert response.status_code == 200, response.status_code
        return response.content

    return {
        "ms": best_ms(get, rounds),
        "kb": len(get()) / 1000,
        "queries": queries_of(get),
        "map_ms": best_ms(get_map, rounds),
        "map_kb": len(get_map()) / 1000,
    }


def best_ms(function: Any, rounds: int) -> float:
    """The fastest of ``rounds`` calls after a warm-up: the page's own cost, least
    disturbed by whatever else the machine runs between the two sizes' turns."""
    function()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return min(samples) * 1000


def measure_selector(offices: int, rounds: int) -> None:
    from publicoffice.places.selectors import OfficeFilters, office_search

    at = datetime(2026, 11, 25, 12, tzinfo=ZoneInfo("Europe/Stockholm"))
    every = timed(lambda: office_search(filters=OfficeFilters(), at=at), rounds)
    open_now = timed(lambda: office_search(filters=OfficeFilters(open_now=True), at=at), rounds)
    step_free = timed(lambda: office_search(filters=OfficeFilters(step_free=True), at=at), rounds)
    raw = timed(raw_rows, rounds)
    rows = [
        ("raw SQL, offices with their hours", raw),
        ("office_search, no filter", every),
        ("office_search, step-free (SQL)", step_free),
        ("office_search, open now (Python)", open_now),
    ]
    print(f"selector at {offices} offices:")
    for label, seconds in rows:
        print(f"  {label:36} {seconds * 1000:8.2f} ms  ({seconds / raw:5.1f}x raw)")
    print(f"  {'per office, open now':36} {open_now / offices * 1e6:8.1f} µs")


def main() -> None:
    parser = argument_parser(__doc__, quick_help="few offices, few rounds")
    parser.add_argument("--offices", type=int, default=LARGE, help="the large network's size")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    small, large = SMALL, args.offices
    if args.quick:
        small, large, args.rounds = 5, 40, 2

    with bench_django(args.database_url) as data_dir:
        from django.db import connection

        with throwaway_database(data_dir, "bench_offices"):
            populate(0, small)
            analyze("places_office")
            few = measure_home(args.rounds)
            populate(small, large - small)
            analyze("places_office")
            analyze("places_weeklyhours")
            many = measure_home(args.rounds)
            measure_selector(large, args.rounds)
        print(f"database: {connection.vendor}, offices: {small} and {large}, rounds: {args.rounds}")

    for size, figures in ((small, few), (large, many)):
        print(
            f"home page at {size:5} offices: {figures['ms']:8.1f} ms  "
            f"{figures['kb']:8.1f} KB  {figures['queries']:3.0f} queries; "
            f"map of Sweden {figures['map_ms']:6.1f} ms {figures['map_kb']:6.1f} KB"
        )
    table_row(
        "home.ratio",
        f"home page (map and list) with {large:,} offices ÷ {small} offices",
        many["ms"] / few["ms"],
        "<=",
        2,
        f"{many['ms']:.0f} ms ÷ {few['ms']:.0f} ms, {many['kb']:.1f} KB ÷ {few['kb']:.1f} KB",
    )
    table_row(
        "home.kb",
        f"home page HTML with {large:,} offices, KB",
        many["kb"],
        "<=",
        100,
        f"{many['queries']:.0f} queries at {large:,} offices, {few['queries']:.0f} at {small}",
    )


if __name__ == "__main__":
    main()
