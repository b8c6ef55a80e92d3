"""How fast are check-ins and "who is here now"? Our code against raw SQL, same database.

Creates 50 offices open around the clock in a throwaway database, then
measures:

* check-ins per second through ``visits.services.visit_check_in`` (QR code,
  a new device each time) and through a raw SQL ``INSERT`` of the same row,
  one client each; then ``POST visits:checkin`` served by gunicorn
  (``bench/_server.py``, 4 sync workers) to 4 clients, each request a new
  phone behind its own address, against raw ``INSERT`` from 4 threads
  (table row ``checkin.http_vs_raw``);
* ``visits.selectors.occupancy`` with a small history (5,000 visits), then
  after loading many visits spread over 90 days (5,000,000 on PostgreSQL,
  200,000 on SQLite) the check-ins again, and ``occupancy`` (one office) and
  ``people_here`` (20 offices) against the equivalent raw
  ``SELECT SUM(people)``; it prints the ORM query's plan so you can see which
  index answers it (table row ``occupancy.history_ratio``: large ÷ small).

``--quick`` uses few check-ins and rows so the test suite can run it on every
change.

    .venv/bin/python bench/visits.py                  # SQLite, 200,000 rows
    .venv/bin/python bench/visits.py --rows 1000000 --checkins 2000
    DATABASE_URL=postgres://... .venv/bin/python bench/visits.py   # 5,000,000 rows
    .venv/bin/python bench/visits.py --database-url postgres://publicoffice:publicoffice@127.0.0.1:5432/publicoffice_bench
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from datetime import date, datetime, timedelta
from datetime import time as clock
from typing import Any

from _common import (
    analyze,
    argument_parser,
    bench_django,
    check_columns,
    create_offices,
    per_item,
    print_plan,
    table_size,
    throwaway_database,
    timed,
)
from _common import db_value as model_value
from _server import Request, gunicorn_server, http_load
from _table import table_row

OFFICES = 50
GROUP = 20  # offices asked at once by people_here, as a list page would
CLIENTS = 4  # clients at once for the HTTP and raw-insert comparison
DAYS = 90  # how far back the loaded visits go
DEFAULT_ROWS = {"postgresql": 5_000_000, "sqlite": 200_000}

# Every NOT NULL column of visits_visit gets a value: the table has no
# defaults (Django keeps defaults in Python), so neither do we. main() stops
# with a message if the model gains a column this list lacks.
VISIT_COLUMNS = (
    "public_id",
    "office_id",
    "source",
    "people",
    "started_at",
    "auto_end_at",
    "checked_out_at",
    "member_id",
    "device_hash",
    "recorded_by_id",
    "would_otherwise",
    "travel_mode",
    "commute_band",
    "usual_mode",
    "survey_done",
    "removed_at",
    "suspect",
)
INSERT_VISIT = (
    f"INSERT INTO visits_visit ({', '.join(VISIT_COLUMNS)}) "
    f"VALUES ({', '.join(['%s'] * len(VISIT_COLUMNS))})"
)
ACTIVE = (
    "started_at <= %s AND auto_end_at > %s "
    "AND (checked_out_at IS NULL OR checked_out_at > %s) AND removed_at IS NULL"
)
OCCUPANCY_ONE = f"SELECT SUM(people) FROM visits_visit WHERE office_id = %s AND {ACTIVE}"

# Loads ``rows`` visits in one statement: starts spread evenly over the 90
# days before ``at`` and inserted in time order, as check-ins arrive (so the
# visits going on now sit together at the end of the table, as they would
# in production; the bench offices are open around the clock), ending by
# themselves after the maximum stay or at closing time (end of the local
# day), 40 % checked out earlier, 0.2 % removed by staff, 85 % QR, 10 % kiosk,
# 5 % staff headcounts of 1-4 people, the survey sent by about a third of
# the other visitors (each question answered by most of them).
GENERATE_PG = f"""
INSERT INTO visits_visit ({", ".join(VISIT_COLUMNS)})
SELECT
    gen_random_uuid(),
    office_id,
    source,
    CASE WHEN source = %(staff)s THEN 1 + floor(random() * 4)::int ELSE 1 END,
    started_at,
    auto_end_at,
    CASE WHEN random() < 0.4
        THEN started_at + (auto_end_at - started_at) * (0.1 + 0.9 * random()) END,
    NULL,
    CASE WHEN source = %(staff)s THEN '' ELSE encode(sha256(g::text::bytea), 'hex') END,
    NULL,
    CASE WHEN surveyed AND random() < 0.85
        THEN (%(would_otherwise)s::text[])[1 + floor(random() * %(n_would_otherwise)s)::int]
        ELSE '' END,
    CASE WHEN surveyed AND random() < 0.85
        THEN (%(travel_mode)s::text[])[1 + floor(random() * %(n_travel_mode)s)::int]
        ELSE '' END,
    CASE WHEN surveyed AND random() < 0.85
        THEN (%(commute_band)s::text[])[1 + floor(random() * %(n_commute_band)s)::int]
        ELSE '' END,
    CASE WHEN surveyed AND random() < 0.85
        THEN (%(usual_mode)s::text[])[1 + floor(random() * %(n_usual_mode)s)::int]
        ELSE '' END,
    surveyed,
    CASE WHEN random() < 0.002 THEN started_at + interval '10 minutes' END,
    FALSE
FROM (
    SELECT
        g,
        office_id,
        source,
        surveyed,
        started_at,
        GREATEST(
            LEAST(
                started_at + %(max_stay)s,
                ((started_at AT TIME ZONE %(zone)s)::date + 1)::timestamp AT TIME ZONE %(zone)s
                    - interval '1 microsecond'
            ),
            started_at + interval '1 microsecond'
        ) AS auto_end_at
    FROM (
        SELECT
            g,
            (%(offices)s::bigint[])[1 + g %% %(n_offices)s] AS office_id,
            %(at)s::timestamptz
                - interval '{DAYS} days' * ((%(rows)s - g + random()) / %(rows)s)
                AS started_at,
            CASE WHEN r < 0.85 THEN %(qr)s WHEN r < 0.95 THEN %(kiosk)s ELSE %(staff)s END
                AS source,
            r < 0.95 AND survey < 0.35 AS surveyed
        FROM (
            SELECT g, random() AS r, random() AS survey FROM generate_series(1, %(rows)s) AS g
        ) AS numbers
    ) AS base
) AS visit
"""


def populate_offices(count: int, today: date) -> list[Any]:
    """Offices open 00:00-23:59:59.999999 every day, today included."""
    from publicoffice.places.holidays_se import is_public_holiday
    from publicoffice.places.models import HoursException, Office, WeeklyHours

    offices = create_offices(count)
    all_day = {"opens": clock(0), "closes": clock(23, 59, 59, 999999)}
    WeeklyHours.objects.bulk_create(
        WeeklyHours(office=o, weekday=d, **all_day) for o in offices for d in range(7)
    )
    if is_public_holiday(today):  # holidays close offices unless an exception opens them
        HoursException.objects.bulk_create(
            HoursException(office=o, date=today, reason="Bench", **all_day) for o in offices
        )
    return list(Office.objects.filter(pk__in=[o.pk for o in offices]).order_by("pk"))


def db_value(field: str, value: Any) -> Any:
    """``value`` as the database stores a Visit's ``field``."""
    from publicoffice.visits.models import Visit

    return model_value(Visit, field, value)


def checkin_url(office: Any, today: date) -> str | None:
    """The QR check-in URL of ``office`` today, or None before the view exists."""
    from django.urls import NoReverseMatch, reverse

    from publicoffice.visits.tokens import day_token

    try:
        return reverse(
            "visits:checkin", kwargs={"slug": office.slug, "token": day_token(office.pk, today)}
        )
    except NoReverseMatch:
        return None


def raw_inserts(office: Any, hashes: list[str], at: datetime, clients: int) -> float:
    """Seconds per raw ``INSERT`` (one transaction each) with ``clients`` threads at once.

    Each thread has its own connection, as each gunicorn worker has.
    """
    from django.db import connection

    from publicoffice.visits.models import Source
    from publicoffice.visits.services import auto_end

    started = db_value("started_at", at)
    ends = db_value("auto_end_at", auto_end(office, at))

    def insert(device: str) -> None:
        params = [db_value("public_id", uuid.uuid4()), office.pk, Source.QR.value, 1]
        params += [started, ends, None, None, device, None, "", "", "", "", False, None, False]
        with connection.cursor() as cursor:  # autocommit: one transaction each
            cursor.execute(INSERT_VISIT, params)

    def client(share: list[str]) -> None:
        try:
            for device in share:
                insert(device)
        finally:
            connection.close()

    insert(hashes[0])  # warm-up
    shares = [hashes[1 + n :: clients] for n in range(clients)]
    threads = [threading.Thread(target=client, args=(share,)) for share in shares]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return (time.perf_counter() - start) / (len(hashes) - 1)


def checkin_requests(url: str, count: int, serial: int) -> list[Any]:
    """``count`` check-in POSTs, each from a phone of its own behind its own address.

    A fresh ``po_device`` cookie makes each a new visitor; the CSRF cookie and
    field are what the check-in page hands out. The address goes in
    ``X-Forwarded-For``, which the server reads because the bench starts it
    with ``TRUSTED_PROXY_COUNT=1`` (as behind one reverse proxy, docs/deploy.md):
    so the per-address limits stay as they are and no visitor trips them.
    """
    from publicoffice.visits.tokens import DEVICE_COOKIE, new_device_id

    requests = []
    for n in range(count):
        csrf = uuid.uuid4().hex  # 32 characters: a valid unmasked CSRF secret
        requests.append(
            Request(
                "POST",
                url,
                body=f"csrfmiddlewaretoken={csrf}".encode(),
                headers={
                    "Cookie": f"{DEVICE_COOKIE}={new_device_id()}; csrftoken={csrf}",
                    "X-Forwarded-For": f"10.{serial}.{n // 250}.{n % 250 + 1}",
                },
            )
        )
    return requests


#: Settings of the bench's server: it stands behind "one proxy", the bench.
SERVER_ENV = {"TRUSTED_PROXY_COUNT": "1"}


def measure_checkins(office: Any, count: int, at: datetime, serial: int) -> dict[str, Any]:
    """Seconds per check-in: raw SQL and the service with one client, raw SQL and
    ``POST visits:checkin`` through gunicorn with :data:`CLIENTS` clients."""
    from django.utils import timezone

    from publicoffice.visits.models import Source, Visit
    from publicoffice.visits.services import visit_check_in
    from publicoffice.visits.tokens import device_hash, new_device_id

    today = timezone.localdate(at)
    hashes = [device_hash(new_device_id(), today) for _ in range(3 * (count + 1))]
    result: dict[str, Any] = {}

    def service(device: str) -> None:
        if not visit_check_in(office=office, source=Source.QR, at=at, device_hash=device).created:
            raise SystemExit("visit_check_in did not count a new device")

    third = count + 1
    result["raw"] = raw_inserts(office, hashes[:third], at, clients=1)
    result["service"] = per_item(service, hashes[third : 2 * third])
    result["raw_clients"] = raw_inserts(office, hashes[2 * third :], at, clients=CLIENTS)

    url = checkin_url(office, today)
    result["url"] = url
    if url is not None:
        before = Visit.objects.filter(office=office).count()
        requests = checkin_requests(url, count, serial)
        with gunicorn_server(workers=CLIENTS, env=SERVER_ENV) as base_url:
            http_load(base_url, requests[:CLIENTS], clients=CLIENTS)  # warm-up
            load = http_load(base_url, requests[CLIENTS:], clients=CLIENTS)
        result["http"] = 1 / load.per_second
        result["http_p50_ms"] = load.p50_ms
        result["http_counted"] = Visit.objects.filter(office=office).count() - before
        result["http_statuses"] = dict(load.statuses)
    return result


def print_checkins(title: str, measured: dict[str, Any], count: int) -> None:
    raw = measured["raw"]
    print(title)
    rows = [
        ("raw SQL INSERT, 1 client", raw),
        ("visit_check_in (service), 1 client", measured["service"]),
        (f"raw SQL INSERT, {CLIENTS} clients", measured["raw_clients"]),
    ]
    if measured["url"] is not None:
        rows.append((f"POST visits:checkin, {CLIENTS} clients", measured["http"]))
    for label, seconds in rows:
        print(
            f"  {label:38} {1 / seconds:8.0f} /s {seconds * 1000:8.2f} ms"
            f"  ({seconds / raw:5.1f}x raw)"
        )
    if measured["url"] is None:
        print("  HTTP path: not available yet")
        return
    statuses = ", ".join(f"{code}: {n}" for code, n in sorted(measured["http_statuses"].items()))
    print(
        f"  HTTP (gunicorn, {CLIENTS} sync workers) p50 {measured['http_p50_ms']:.1f} ms; "
        f"responses {statuses}; visits counted {measured['http_counted']} of {count}"
    )
    if measured["http_counted"] != count:
        print("  WARNING: not every HTTP check-in was counted; the HTTP figure is not comparable")


def checkin_row(measured: dict[str, Any]) -> None:
    """The table's row: HTTP check-ins per second ÷ raw inserts per second, 4 clients each."""
    if measured["url"] is None:
        return
    http, raw = 1 / measured["http"], 1 / measured["raw_clients"]
    table_row(
        "checkin.http_vs_raw",
        f"check-in through HTTP ÷ raw insert, {CLIENTS} clients",
        http / raw,
        ">=",
        0.25,
        f"{http:,.0f}/s ÷ {raw:,.0f}/s (p50 {measured['http_p50_ms']:.1f} ms)",
    )


def load_visits(rows: int, offices: list[Any], at: datetime, seed: int = 2026) -> None:
    """``rows`` visits over the last 90 days, in one statement on PostgreSQL."""
    from django.conf import settings
    from django.db import connection, transaction

    from publicoffice.visits.models import CommuteBand, Source, TravelMode, WouldOtherwise

    max_stay = timedelta(hours=settings.VISITS_MAX_STAY_HOURS)
    if connection.vendor == "postgresql":
        params = {
            "rows": rows,
            "at": at,
            "zone": settings.TIME_ZONE,
            "max_stay": max_stay,
            "offices": [o.pk for o in offices],
            "n_offices": len(offices),
            "qr": Source.QR.value,
            "kiosk": Source.KIOSK.value,
            "staff": Source.STAFF.value,
        }
        for name, choices in (
            ("would_otherwise", WouldOtherwise),
            ("travel_mode", TravelMode),
            ("commute_band", CommuteBand),
            ("usual_mode", TravelMode),
        ):
            params[name] = list(choices.values)
            params[f"n_{name}"] = len(choices.values)
        with connection.cursor() as cursor:
            cursor.execute(GENERATE_PG, params)
        return

    from django.utils import timezone

    zone = timezone.get_current_timezone()
    rng = random.Random(seed)  # a second load needs another seed: new public ids
    answers = [
        list(WouldOtherwise.values),
        list(TravelMode.values),
        list(CommuteBand.values),
        list(TravelMode.values),
    ]
    batch: list[list[Any]] = []
    for n in range(rows):
        start = at - timedelta(days=DAYS) * ((rows - n - rng.random()) / rows)
        local_day = timezone.localtime(start, zone).date()
        closes = datetime.combine(local_day, clock(23, 59, 59, 999999), tzinfo=zone)
        ends = max(min(start + max_stay, closes), start + timedelta(microseconds=1))
        r = rng.random()
        source = Source.QR if r < 0.85 else Source.KIOSK if r < 0.95 else Source.STAFF
        out = start + (ends - start) * (0.1 + 0.9 * rng.random()) if rng.random() < 0.4 else None
        surveyed = source != Source.STAFF and rng.random() < 0.35
        survey = [
            rng.choice(values) if surveyed and rng.random() < 0.85 else "" for values in answers
        ]
        batch.append(
            [
                db_value("public_id", uuid.UUID(int=rng.getrandbits(128), version=4)),
                offices[n % len(offices)].pk,
                source.value,
                1 + rng.randrange(4) if source == Source.STAFF else 1,
                db_value("started_at", start),
                db_value("auto_end_at", ends),
                db_value("checked_out_at", out),
                None,
                "" if source == Source.STAFF else f"{rng.getrandbits(256):064x}",
                None,
                *survey,
                surveyed,
                db_value("removed_at", start + timedelta(minutes=10))
                if rng.random() < 0.002
                else None,
                False,
            ]
        )
        if len(batch) == 20_000 or n == rows - 1:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.executemany(INSERT_VISIT, batch)
            batch = []


def raw_occupancy(office_id: int, at: Any) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(OCCUPANCY_ONE, [office_id, at, at, at])
        return int(cursor.fetchone()[0] or 0)


def raw_people_here(office_ids: list[int], at: Any) -> dict[int, int]:
    from django.db import connection

    placeholders = ", ".join(["%s"] * len(office_ids))  # placeholders only, never values
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT office_id, SUM(people) FROM visits_visit "
            f"WHERE office_id IN ({placeholders}) AND {ACTIVE} GROUP BY office_id",
            [*office_ids, at, at, at],
        )
        return {office_id: int(people) for office_id, people in cursor.fetchall()}


def print_plans(office_ids: list[int], group_ids: list[int], at: datetime) -> None:
    """The plan of the query ``occupancy`` and ``people_here`` send."""
    from django.db.models import Sum

    from publicoffice.visits.selectors import active_visits

    for label, ids in (("1 office", office_ids), (f"{len(group_ids)} offices", group_ids)):
        # The queryset people_here builds (occupancy calls it with one office).
        queryset = (
            active_visits(office_ids=ids, at=at)
            .order_by()
            .values("office_id")
            .annotate(people=Sum("people"))
        )
        print_plan(f"plan of people_here, {label}", queryset)


def load_and_analyze(rows: int, offices: list[Any], at: datetime, total: int) -> None:
    """Load ``rows`` more visits, refresh the statistics, and say how long it took."""
    start = time.perf_counter()
    load_visits(rows, offices, at, seed=2026 + total)
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    analyze("visits_visit")
    analyzed = time.perf_counter() - start
    size = table_size("visits_visit")
    print(
        f"loaded {rows:,} visits over {DAYS} days in {loaded:.1f} s (history now {total:,}), "
        f"analysed in {analyzed:.1f} s{size}"
    )


def occupancy_seconds(office: Any, at: datetime, rounds: int) -> float:
    """Median seconds of ``occupancy`` at one office now."""
    from publicoffice.visits.selectors import occupancy

    return timed(lambda: occupancy(office=office, at=at), rounds)


def compare_occupancy(office: Any, group: list[Any], at: datetime, rows: int, rounds: int) -> float:
    """The occupancy selectors against raw SQL on the full history; seconds of ``occupancy``."""
    from publicoffice.visits.selectors import occupancy, people_here

    at_db = db_value("started_at", at)
    ids = [o.pk for o in group]
    here = occupancy(office=office, at=at).current
    group_here = people_here(office_ids=ids, at=at)
    if here != raw_occupancy(office.pk, at_db) or group_here != raw_people_here(ids, at_db):
        raise SystemExit("the selectors and the raw SQL disagree")
    pairs = [
        (
            ("raw SQL SUM, 1 office", lambda: raw_occupancy(office.pk, at_db)),
            ("occupancy(), 1 office", lambda: occupancy(office=office, at=at)),
        ),
        (
            (f"raw SQL SUM, {GROUP} offices", lambda: raw_people_here(ids, at_db)),
            (f"people_here(), {GROUP} offices", lambda: people_here(office_ids=ids, at=at)),
        ),
    ]
    print(f"occupancy now, {rows:,} rows ({rows // OFFICES:,} per office):")
    measured = []
    for (raw_label, raw_query), (label, query) in pairs:
        raw = timed(raw_query, rounds)
        seconds = timed(query, rounds)
        measured.append(seconds)
        for name, value in ((raw_label, raw), (label, seconds)):
            print(f"  {name:34} {value * 1000:8.2f} ms  ({value / raw:5.1f}x raw)")
    print(
        f"  people here now: {here} at one office, "
        f"{sum(group_here.values())} at {GROUP} (raw SQL agrees)"
    )
    print_plans([office.pk], ids, at)
    return measured[0]


def main() -> None:
    parser = argument_parser(__doc__, quick_help="few check-ins, few rows")
    parser.add_argument("--checkins", type=int, default=1000, help="check-ins per path")
    parser.add_argument(
        "--rows",
        type=int,
        default=None,
        help="visits to load (5,000,000 PostgreSQL, 200,000 SQLite)",
    )
    parser.add_argument(
        "--small", type=int, default=5_000, help="the small history occupancy is compared with"
    )
    parser.add_argument("--rounds", type=int, default=25, help="rounds per occupancy query")
    args = parser.parse_args()
    if args.quick:
        args.checkins, args.rows, args.small, args.rounds = 50, 20_000, 500, 3

    with bench_django(args.database_url) as data_dir:
        from django.db import connection
        from django.utils import timezone

        from publicoffice.visits.models import Visit

        check_columns(Visit, VISIT_COLUMNS, script="bench/visits.py", name="VISIT_COLUMNS")
        if args.rows is None:
            args.rows = DEFAULT_ROWS.get(connection.vendor, DEFAULT_ROWS["sqlite"])
        args.small = min(args.small, args.rows)

        with throwaway_database(data_dir, "bench_visits"):
            at = timezone.now()
            offices = populate_offices(OFFICES, timezone.localdate(at))
            # Check-ins go to the last office; occupancy is asked of the first
            # ones, so the benchmark's own check-ins do not inflate it.
            door, office, group = offices[-1], offices[0], offices[:GROUP]
            print(
                f"database: {connection.vendor}, offices: {OFFICES}, "
                f"check-ins per path: {args.checkins}, rows: {args.small:,} then "
                f"{args.rows:,}, rounds: {args.rounds}, "
                f"at: {timezone.localtime(at):%Y-%m-%d %H:%M %Z}"
            )
            empty = measure_checkins(door, args.checkins, at, serial=1)
            print_checkins("check-ins, empty table", empty, args.checkins)

            load_and_analyze(args.small, offices, at, args.small)
            small = occupancy_seconds(office, at, args.rounds)
            print(f"occupancy now, {args.small:,} rows: {small * 1000:.2f} ms")
            load_and_analyze(args.rows - args.small, offices, at, args.rows)

            full = measure_checkins(door, args.checkins, at, serial=2)
            print_checkins(f"check-ins, {args.rows:,} rows", full, args.checkins)
            checkin_row(full)

            large = compare_occupancy(office, group, at, args.rows, args.rounds)
            table_row(
                "occupancy.history_ratio",
                f"occupancy now, {args.rows:,} visits ÷ {args.small:,}",
                large / small,
                "<=",
                1.5,
                f"{large * 1000:.2f} ms ÷ {small * 1000:.2f} ms",
            )


if __name__ == "__main__":
    main()
