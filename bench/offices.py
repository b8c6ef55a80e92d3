"""How fast is the network list? Our selector against raw SQL, same database.

Creates N offices with weekly hours, exceptions, amenities and
accessibility facts in a throwaway database, then times:

* ``office_search`` with no filter and with "open now" (ORM + prefetch +
  opening hours in Python), as the home page and the API use it;
* a raw SQL query that fetches the same office rows with their hours
  (the floor any implementation has to pay);

and prints the figures and their ratios. ``--quick`` uses few offices and
rounds so the test suite can run it on every change.

    .venv/bin/python bench/offices.py            # 1,000 offices
    .venv/bin/python bench/offices.py --offices 5000
    DATABASE_URL=postgres://... .venv/bin/python bench/offices.py
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo


def setup_django(data_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "publicoffice.settings")
    os.environ.setdefault("PUBLICOFFICE_DATA_DIR", data_dir)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import django

    django.setup()


def timed(function, rounds: int) -> float:
    """Median seconds of ``rounds`` calls, after one untimed warm-up call
    (which fills caches such as the year's holiday calendar)."""
    function()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def populate(count: int) -> None:
    from datetime import time as clock

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

    municipality = Municipality.objects.create(name="Benchkommun", code="9999")
    operator = Operator.objects.create(name="Bench", kind=OperatorKind.OTHER)
    wifi = Amenity.objects.create(code="wifi", name="Wifi")
    offices = Office.objects.bulk_create(
        Office(
            slug=f"bench-{n}",
            name=f"Kontor {n}",
            name_sv=f"Kontor {n}",
            status=OfficeStatus.OPEN,
            operator=operator,
            municipality=municipality,
            street_address=f"Gatan {n}",
            city="Bench",
            latitude=Decimal("59.2") + Decimal(n % 100) / 1000,
            longitude=Decimal("17.6") + Decimal(n % 97) / 1000,
            capacity=20 + n % 30,
        )
        for n in range(count)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--offices", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="few offices, few rounds")
    args = parser.parse_args()
    if args.quick:
        args.offices, args.rounds = 30, 2

    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir)
        from django.db import connection
        from django.test.utils import setup_databases, teardown_databases

        from publicoffice.places.selectors import OfficeFilters, office_search

        # A database of its own, so a benchmark never meets a test run's.
        test_settings = connection.settings_dict.setdefault("TEST", {})
        if connection.vendor == "sqlite":
            test_settings["NAME"] = str(Path(data_dir) / "bench.sqlite3")
        else:
            test_settings["NAME"] = f"bench_{connection.settings_dict['NAME']}_{os.getpid()}"
        databases = setup_databases(verbosity=0, interactive=False)
        try:
            populate(args.offices)
            at = datetime(2026, 11, 25, 12, tzinfo=ZoneInfo("Europe/Stockholm"))
            every = timed(lambda: office_search(filters=OfficeFilters(), at=at), args.rounds)
            open_now = timed(
                lambda: office_search(filters=OfficeFilters(open_now=True), at=at), args.rounds
            )
            step_free = timed(
                lambda: office_search(filters=OfficeFilters(step_free=True), at=at), args.rounds
            )
            raw = timed(raw_rows, args.rounds)
            found = len(office_search(filters=OfficeFilters(open_now=True), at=at))
        finally:
            teardown_databases(databases, verbosity=0)

    print(f"database: {connection.vendor}, offices: {args.offices}, rounds: {args.rounds}")
    rows = [
        ("raw SQL, offices with their hours", raw),
        ("office_search, no filter", every),
        ("office_search, step-free (SQL)", step_free),
        ("office_search, open now (Python)", open_now),
    ]
    for label, seconds in rows:
        print(f"{label:36} {seconds * 1000:8.2f} ms  ({seconds / raw:5.1f}x raw)")
    print(f"{'per office, open now':36} {open_now / args.offices * 1e6:8.1f} µs")
    print(f"offices open now: {found}")


if __name__ == "__main__":
    main()
