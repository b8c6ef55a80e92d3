"""What compression and conditional GET save: home page and feeds, bytes and round trips.

Creates N offices and a few events in a throwaway database, then fetches,
through Django's whole middleware stack (the test client, no network):

* the home page with and without ``Accept-Encoding: gzip``: bytes each way;
* the network's events feed, the open-data hours file and the commissions
  CSV, then each again with the ``If-None-Match`` they were given: the
  status (304) and the time of the round trip against the full answer.

Prints the figures, their ratios ("x raw": compressed ÷ plain bytes, 304 ÷
full time) and the two rows of the performance table (``http.compressed``,
``http.feed_304``). ``--quick`` uses few offices so the suite can run it.

    .venv/bin/python bench/compression.py
    .venv/bin/python bench/compression.py --offices 2000 --database-url postgres://...
"""

from __future__ import annotations

import gzip
from datetime import timedelta
from typing import Any

from _common import argument_parser, bench_django, create_offices, throwaway_database, timed
from _table import table_row

FEEDS = ["events_network_feed", "opendata:opening_hours_json", "commissioning_opendata:releases"]


def populate(offices: int) -> None:
    from django.utils import timezone

    from publicoffice.events.models import Event

    created = create_offices(offices)
    start = timezone.now() + timedelta(days=2)
    Event.objects.bulk_create(
        Event(office=o, title=f"Träff {o.pk}", starts_at=start, ends_at=start + timedelta(hours=1))
        for o in created[:50]
    )


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def measure_home(client: Any) -> tuple[int, int, bool]:
    from django.urls import reverse
    from django.utils import translation

    with translation.override("sv"):
        url = reverse("places:home")
    plain = client.get(url)
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    gzipped = packed.get("Content-Encoding") == "gzip"
    if gzipped:
        assert gzip.decompress(packed.content)[:15].lower().startswith(b"<!doctype html")
    return len(plain.content), len(packed.content), gzipped


def measure_feed(client: Any, name: str, rounds: int) -> tuple[int, float, float]:
    """(status of the conditional request, full seconds, conditional seconds)."""
    from django.urls import reverse

    url = reverse(name)
    etag = client.get(url, HTTP_ACCEPT_ENCODING="gzip").get("ETag", "")
    status = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag).status_code
    full = timed(lambda: client.get(url, HTTP_ACCEPT_ENCODING="gzip"), rounds)
    cheap = timed(
        lambda: client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag), rounds
    )
    return status, full, cheap


def main() -> None:
    parser = argument_parser(__doc__, quick_help="30 offices, 3 rounds")
    parser.add_argument("--offices", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    if args.quick:
        args.offices, args.rounds = 30, 3

    with bench_django(args.database_url) as data_dir:
        from django.db import connection
        from django.test import Client

        with throwaway_database(data_dir, "bench_compression"):
            populate(args.offices)
            client = Client()
            plain, packed, gzipped = measure_home(client)
            feeds = {name: measure_feed(client, name, args.rounds) for name in FEEDS}

    print(f"database: {connection.vendor}, offices: {args.offices}, rounds: {args.rounds}")
    print(f"home page plain {kb(plain):>10}, gzip {kb(packed):>10}  ({packed / plain:5.2f}x raw)")
    for name, (status, full, cheap) in feeds.items():
        print(
            f"{name:34} full {full * 1000:7.2f} ms, If-None-Match {cheap * 1000:7.2f} ms "
            f"-> {status}  ({cheap / full:5.2f}x raw)"
        )
    table_row(
        "http.compressed",
        "HTML responses compressed",
        1 if gzipped else 0,
        "==",
        1,
        f"home page, {args.offices} offices: {kb(plain)} → {kb(packed)}",
    )
    all_304 = all(status == 304 for status, _full, _cheap in feeds.values())
    table_row(
        "http.feed_304",
        "public feeds answer 304 to a conditional request",
        1 if all_304 else 0,
        "==",
        1,
        ", ".join(
            f"{name.split(':')[-1]} {status} ({cheap * 1000:.1f} vs {full * 1000:.1f} ms)"
            for name, (status, full, cheap) in feeds.items()
        ),
    )


if __name__ == "__main__":
    main()
