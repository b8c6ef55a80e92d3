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
import tempfile
from datetime import datetime
from zoneinfo import ZoneInfo

from _common import create_offices, drop_database, own_database, setup_django, timed


def populate(count: int) -> None:
    from datetime import time as clock

    from publicoffice.places.models import AccessibilityFacts, Amenity, Office, WeeklyHours

    wifi = Amenity.objects.create(code="wifi", name="Wifi")
    offices = create_offices(count)
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

        from publicoffice.places.selectors import OfficeFilters, office_search

        databases = own_database(data_dir, "bench_offices")
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
            drop_database(databases)

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
