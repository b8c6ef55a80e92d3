"""How fast are the report dashboards at national scale? Our code against raw SQL, same database.

Three parts, each in a throwaway database of its own:

1. **Facts to roll-ups, measured for real on a slice.** One municipality's
   offices (20) with real ``Visit`` and ``BookingStatistic`` rows for a
   year, then ``reports.rollup.rebuild()`` over the year, timed: seconds per
   million facts, and what a rebuild of the whole network would cost at
   that rate.
2. **The national network, roll-ups GENERATED.** 2,000 offices in 290
   municipalities run by 500 operators, and a year of ``DayFigure`` rows
   written in bulk (``COPY`` on PostgreSQL, multi-row inserts on SQLite):
   the rows that 50,000,000 visits and 5,000,000 bookings would produce
   (their office rows add up to exactly those totals), without the facts
   themselves, since the dashboards read only roll-ups. The operator,
   municipality and network rows are the sums of the office rows, as the
   roll-up keeps them. Then, several rounds each (median and 90th
   percentile, and the queries of one call), the year's exact report
   (``build(scope, year, ExactSource(scope))``) of one office, the largest
   municipality, the largest operator and the network, each against one raw
   SQL ``GROUP BY`` of the scope's year (the floor), with the ratios
   municipality / office and network / office.
3. **Publication.** ``publish(year)`` (the nightly task) timed, then the
   same reports from ``PublishedSource``. Publishing grows faster than the
   network (about 4x the time for 2x the offices), so above
   ``--publish-max`` offices (500) it is measured only on smaller generated
   networks (``--publish-at``, by default 100, 200 and 500 offices), and
   their growth is printed.

``--quick`` uses tiny sizes (20 offices, 30 days) so the test suite can run it
on every change.

    .venv/bin/python bench/reports.py --quick
    DATABASE_URL=postgres://... .venv/bin/python bench/reports.py     # 2,000 offices
    .venv/bin/python bench/reports.py --offices 500 --visits 12500000 --bookings 1250000
"""

from __future__ import annotations

import itertools
import math
import random
import statistics
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from _common import analyze, argument_parser, bench_django, check_columns, table_size
from _common import throwaway_database as database

FULL = {
    "offices": 2000,
    "municipalities": 0,  # 0: 290 per 2,000 offices
    "operators": 0,  # 0: one per 4 offices
    "days": 365,
    "visits": 50_000_000,
    "bookings": 5_000_000,
    "facts_offices": 20,
    "facts_visits": 500_000,
    "rounds": 7,
    "publish_max": 500,
    "publish_at": "100,200,500",
}
QUICK = {
    **FULL,
    "offices": 20,
    "municipalities": 3,
    "operators": 4,
    "days": 30,
    "visits": 50_000,
    "bookings": 5_000,
    "facts_offices": 4,
    "facts_visits": 3_000,
    "rounds": 3,
    "publish_at": "",
}
BATCH = 5_000
HOURS = tuple(range(9, 19))  # offices open 09-19, Monday to Saturday
HOUR_SHARES = (3, 6, 9, 10, 12, 11, 9, 8, 6, 4)
SOURCES = (("qr", 0.80), ("kiosk", 0.10), ("member", 0.05), ("staff", 0.05))
SURVEY = (
    ("home|public_transport|10-20|public_transport", 0.30),
    ("home|bike|2-5|car", 0.20),
    ("workplace|walk|0-2|walk", 0.15),
    ("cafe_library|public_transport|5-10|public_transport", 0.15),
    ("home|car|20-50|car", 0.10),
    ("other|||", 0.10),
)
BOOKINGS = (
    ("desk|attended", 0.50, 240),
    ("desk|no_show", 0.05, 240),
    ("desk|cancelled", 0.10, 240),
    ("meeting_room|attended", 0.25, 90),
    ("meeting_room|cancelled", 0.05, 90),
    ("quiet_room|attended", 0.05, 60),
)
#: (chance per office and open day, metric, key, value): the rarer families.
SPARSE = (
    (1 / 7, "events.count", "held", 1),
    (1 / 7, "events.registrations", "registered", 9),
    (1 / 7, "events.attendance", "", 7),
    (1 / 7, "events.with_attendance", "", 1),
    (1 / 10, "community.profiles", "person", 1),
    (1 / 20, "dialogue.proposals", "activity", 1),
    (1 / 25, "dialogue.answers", "on_time", 1),
    (1 / 25, "dialogue.answer_days", "12", 1),
    (1 / 30, "problems.reported", "equipment|fixed", 1),
    (1 / 30, "problems.fix_days", "3", 1),
)
FIGURE_COLUMNS = ("scope", "scope_id", "day", "metric", "key", "value")


# -- helpers ---------------------------------------------------------------------------


def split(total: int, shares: Sequence[float]) -> list[int]:
    """``total`` in whole parts in proportion to ``shares``, adding up to exactly ``total``."""
    whole = sum(shares)
    parts, before, running = [], 0, 0.0
    for share in shares:
        running += share
        now = total if running >= whole else round(total * running / whole)
        parts.append(now - before)
        before = now
    return parts


def insert_rows(model: type[Any], columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Rows in bulk: ``COPY`` on PostgreSQL, multi-row ``INSERT``s elsewhere; rows written."""
    from django.db import connection

    table = model._meta.db_table
    written = 0
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
            with cursor.cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
                    written += 1
        return written
    by_column = {f.column: f for f in model._meta.concrete_fields}
    fields = [by_column[column] for column in columns]
    batch: list[list[Any]] = []

    def flush() -> None:
        if not batch:
            return
        values = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(batch))
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values}",
                [value for row in batch for value in row],
            )
        batch.clear()

    per_statement = max(1, 900 // len(columns))  # SQLite's limit on parameters
    for row in rows:
        batch.append(
            [
                f.get_db_prep_value(v, connection, prepared=False)
                for f, v in zip(fields, row, strict=True)
            ]
        )
        written += 1
        if len(batch) >= per_statement:
            flush()
    flush()
    return written


def spread90(function: Callable[[], Any], rounds: int) -> tuple[float, float]:
    """(median, 90th percentile nearest-rank) seconds of ``rounds`` calls after a warm-up."""
    function()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    samples.sort()
    return statistics.median(samples), samples[max(0, math.ceil(0.9 * len(samples)) - 1)]


def open_days(year: int, days: int) -> list[date]:
    """The first ``days`` days of ``year`` that the offices are open (Monday to Saturday)."""
    first = date(year, 1, 1)
    every = (first + timedelta(days=n) for n in range(days))
    return [day for day in every if day.year == year and day.weekday() < 6]


def day_weight(day: date) -> float:
    """Saturdays half, July and the Christmas weeks quieter."""
    weight = 0.5 if day.weekday() == 5 else 1.0
    if day.month == 7:
        weight *= 0.5
    elif day.month == 12 and day.day > 20:
        weight *= 0.6
    return weight


# -- the network -----------------------------------------------------------------------


@dataclass
class Network:
    office_ids: list[int]
    weights: list[float]  # how busy each office is
    capacity: dict[int, int]
    largest_municipality: tuple[str, int]  # code, offices
    largest_operator: tuple[int, int]  # id, offices


def municipality_sizes(offices: int, count: int) -> list[int]:
    """The largest municipality has ~1.5 % of the offices (30 of 2,000), the rest share evenly."""
    count = max(1, min(count, offices))
    if count == 1:
        return [offices]
    largest = min(offices - (count - 1), max(5, round(offices * 0.015)))
    rest = offices - largest
    return [largest] + [rest // (count - 1) + (n < rest % (count - 1)) for n in range(count - 1)]


def create_network(offices: int, municipalities: int, operators: int, prefix: str) -> Network:
    """Municipalities, operators and open offices; one national chain runs every tenth office."""
    from publicoffice.places.models import Municipality, Office, OfficeStatus, Operator

    rng = random.Random(15)
    sizes = municipality_sizes(offices, municipalities)
    taken = set(Municipality.objects.values_list("code", flat=True))
    codes = [c for c in (f"{9999 - n:04d}" for n in range(9000)) if c not in taken][: len(sizes)]
    munis = Municipality.objects.bulk_create(
        Municipality(name=f"{prefix}kommun {n}", code=code) for n, code in enumerate(codes)
    )
    ops = Operator.objects.bulk_create(
        Operator(name=f"{prefix} operator {n}", kind="other") for n in range(max(1, operators))
    )
    muni_of = [m for m, size in zip(munis, sizes, strict=True) for _ in range(size)]
    small = max(1, len(ops) - 1)
    op_of = [
        ops[0] if n % 10 == 0 or len(ops) == 1 else ops[1 + (n * small) // offices]
        for n in range(offices)
    ]
    created = Office.objects.bulk_create(
        (
            Office(
                slug=f"{prefix.lower()}-{n}",
                name=f"{prefix} kontor {n}",
                name_sv=f"{prefix} kontor {n}",
                status=OfficeStatus.OPEN,
                operator=op_of[n],
                municipality=muni_of[n],
                street_address=f"Gatan {n}",
                city=muni_of[n].name,
                latitude=Decimal("59.2") + Decimal(n % 100) / 1000,
                longitude=Decimal("17.6") + Decimal(n % 97) / 1000,
                capacity=15 + n % 40,
            )
            for n in range(offices)
        ),
        batch_size=BATCH,
    )
    chain = sum(1 for op in op_of if op.pk == ops[0].pk)
    return Network(
        office_ids=[o.pk for o in created],
        weights=[rng.lognormvariate(0, 0.5) for _ in created],
        capacity={o.pk: o.capacity for o in created},
        largest_municipality=(codes[0], sizes[0]),
        largest_operator=(ops[0].pk, chain),
    )


# -- the roll-ups that a year of facts would produce, generated ------------------------


class Allocator:
    """Hands out ``total`` over a stream of weights so the parts add up to exactly ``total``."""

    def __init__(self, total: int, whole: float) -> None:
        self.total, self.whole, self.running, self.given = total, whole, 0.0, 0

    def take(self, weight: float) -> int:
        self.running += weight
        now = min(self.total, round(self.total * self.running / self.whole))
        part, self.given = now - self.given, now
        return part

    def rest(self) -> int:
        return self.total - self.given


def office_day_rows(
    office_id: int, day: date, visits: int, bookings: int, capacity: int, rng: random.Random
) -> Iterator[tuple[Any, ...]]:
    """The office rows of one open day: what ``visits`` visits and ``bookings`` bookings give."""
    cell = ("office", office_id, day)
    checkins = split(visits, [share for _source, share in SOURCES])
    people = [
        n if source != "staff" else round(n * 2.5)
        for (source, _), n in zip(SOURCES, checkins, strict=True)
    ]
    for (source, _share), n, p in zip(SOURCES, checkins, people, strict=True):
        if n:
            yield (*cell, "visits.checkins", source, n)
            yield (*cell, "visits.people", source, p)
    everybody = sum(people)
    for hour, n in zip(HOURS, split(everybody, HOUR_SHARES), strict=True):
        if n:
            yield (*cell, "visits.hourly", f"{hour:02d}", n)
    if everybody:
        yield (*cell, "visits.unique", "", max(1, round(everybody * 0.85)))
        yield (*cell, "visits.person_minutes", "", everybody * 150)
    answered = split(round(visits * 0.3), [share for _key, share in SURVEY])
    for (key, _share), n in zip(SURVEY, answered, strict=True):
        if n:
            yield (*cell, "survey.answers", key, n)
    yield (*cell, "hours.open_minutes", "", 600)
    yield (*cell, "hours.capacity_minutes", "", 600 * capacity)
    for kind, spaces in (("desk", 8), ("meeting_room", 2), ("quiet_room", 1)):
        yield (*cell, "hours.bookable_minutes", kind, 600 * spaces)
    minutes: dict[str, int] = {}
    for (key, _share, length), n in zip(
        BOOKINGS, split(bookings, [b[1] for b in BOOKINGS]), strict=True
    ):
        if n:
            yield (*cell, "bookings.count", key, n)
            kind, outcome = key.split("|")
            if outcome != "cancelled":
                minutes[kind] = minutes.get(kind, 0) + n * length
    for kind, total in minutes.items():
        yield (*cell, "bookings.booked_minutes", kind, total)
    for chance, metric, key, value in SPARSE:
        if rng.random() < chance:
            yield (*cell, metric, key, value)


def generated_rows(
    network: Network, days: list[date], visits: int, bookings: int, sums: dict[str, int]
) -> Iterator[tuple[Any, ...]]:
    """Every office row, office by office and day by day (the order of the unique index)."""
    rng = random.Random(1515)
    day_weights = [day_weight(day) for day in days]
    whole = sum(network.weights) * sum(day_weights)
    visit_share, booking_share = Allocator(visits, whole), Allocator(bookings, whole)
    last = (network.office_ids[-1], days[-1])
    for office_id, office_weight in zip(network.office_ids, network.weights, strict=True):
        for day, weight in zip(days, day_weights, strict=True):
            v, b = (
                visit_share.take(office_weight * weight),
                booking_share.take(office_weight * weight),
            )
            if (office_id, day) == last:  # rounding: the last office day takes what is left
                v, b = v + visit_share.rest(), b + booking_share.rest()
            for row in office_day_rows(office_id, day, v, b, network.capacity[office_id], rng):
                if row[3] in ("visits.checkins", "bookings.count"):
                    sums[row[3]] += row[5]
                sums["rows"] += 1
                yield row


def wider_sums(days: list[date]) -> int:
    """Operator, municipality and network rows: sums of the office rows, in SQL.

    A month at a time, so that each grouping fits in memory (one statement
    over the whole year sorts tens of millions of rows on disk).
    """
    from django.db import connection

    from publicoffice.places.models import Office
    from publicoffice.reports.models import DayFigure

    figures, offices = DayFigure._meta.db_table, Office._meta.db_table
    columns = ", ".join(FIGURE_COLUMNS)
    months = sorted({(day.year, day.month) for day in days})
    written = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET work_mem = '512MB'")
        cursor.execute(f"ANALYZE {figures}")
        for year, month in months:
            first = date(year, month, 1)
            last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
            for scope, column in (
                ("operator", "o.operator_id"),
                ("municipality", "o.municipality_id"),
                ("network", "MIN(0)"),  # an aggregate: a bare 0 in GROUP BY is a position
            ):
                grouped = "" if column.startswith("MIN") else f"{column}, "
                cursor.execute(
                    f"INSERT INTO {figures} ({columns}) "
                    f"SELECT %s, {column}, f.day, f.metric, f.key, SUM(f.value) "
                    f"FROM {figures} f JOIN {offices} o ON o.id = f.scope_id "
                    "WHERE f.scope = 'office' AND f.day BETWEEN %s AND %s "
                    f"GROUP BY {grouped}f.day, f.metric, f.key",
                    [scope, first, last],
                )
                written += cursor.rowcount
    return written


def unique_index(*, drop: bool) -> None:
    """PostgreSQL: load without the roll-ups' unique index, then build it once (much faster)."""
    from django.db import connection

    from publicoffice.reports.models import DayFigure

    if connection.vendor != "postgresql":
        return
    table = DayFigure._meta.db_table
    with connection.cursor() as cursor:
        if drop:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT day_figure_cell")
        else:
            cursor.execute("SET maintenance_work_mem = '1GB'")
            cursor.execute(
                f"ALTER TABLE {table} ADD CONSTRAINT day_figure_cell "
                "UNIQUE (scope, scope_id, day, metric, key)"
            )


def national(args: Any, year: int, offices: int, visits: int, bookings: int) -> Network:
    """A generated network and its year of roll-ups; prints what was generated and how fast."""
    from publicoffice.reports.models import DayFigure

    check_columns(DayFigure, FIGURE_COLUMNS, script="bench/reports.py", name="FIGURE_COLUMNS")
    municipalities = max(1, round(args.municipalities * offices / args.offices))
    operators = max(1, round(args.operators * offices / args.offices))
    network = create_network(offices, municipalities, operators, prefix="Bench")
    days = open_days(year, args.days)
    sums: dict[str, int] = {"rows": 0, "visits.checkins": 0, "bookings.count": 0}
    unique_index(drop=True)
    started = time.perf_counter()
    insert_rows(DayFigure, FIGURE_COLUMNS, generated_rows(network, days, visits, bookings, sums))
    office_seconds = time.perf_counter() - started
    started = time.perf_counter()
    wider = wider_sums(days)
    wider_seconds = time.perf_counter() - started
    started = time.perf_counter()
    unique_index(drop=False)
    analyze(DayFigure._meta.db_table)
    print(
        f"network: {offices:,} offices in {municipalities:,} municipalities, {operators:,} "
        f"operators; {len(days)} open days of {year} (Monday to Saturday)"
    )
    print(
        f"  GENERATED roll-ups (no Visit or BookingStatistic rows behind them): "
        f"{sums['rows']:,} office rows for {sums['visits.checkins']:,} visits and "
        f"{sums['bookings.count']:,} bookings in {office_seconds:.1f} s; {wider:,} operator, "
        f"municipality and network rows summed in SQL in {wider_seconds:.1f} s; "
        f"unique index built and analyzed in {time.perf_counter() - started:.1f} s"
        f"{table_size(DayFigure._meta.db_table)}"
    )
    return network


# -- facts to roll-ups, for real, on one municipality ----------------------------------

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
STATISTIC_COLUMNS = (
    "booking_id",
    "office_id",
    "space_kind",
    "starts_on",
    "length_minutes",
    "lead_minutes",
    "attendees",
    "on_behalf",
    "outcome",
)


def fact_visits(
    network: Network, days: list[date], count: int, rng: random.Random
) -> Iterator[tuple[Any, ...]]:
    """``count`` visits: offices by how busy they are, the busier days and hours more."""
    from publicoffice.core.timeutils import local_zone

    zone = local_zone()
    devices = [uuid.UUID(int=rng.getrandbits(128)).hex * 2 for _ in range(max(50, count // 8))]
    picked_days = rng.choices(days, weights=[day_weight(d) for d in days], k=count)
    picked_offices = rng.choices(network.office_ids, weights=network.weights, k=count)
    sources = rng.choices([s for s, _ in SOURCES], weights=[w for _, w in SOURCES], k=count)
    for day, office_id, source in sorted(zip(picked_days, picked_offices, sources, strict=True)):
        hour = rng.choices(HOURS, weights=HOUR_SHARES)[0]
        started = datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=zone)
        ends = min(started + timedelta(hours=8), started.replace(hour=19, minute=0))
        out = started + timedelta(minutes=rng.randrange(20, 240)) if rng.random() < 0.4 else None
        answers = rng.choices(SURVEY, weights=[w for _, w in SURVEY])[0][0].split("|")
        surveyed = source != "staff" and rng.random() < 0.3
        if not surveyed:
            answers = ["", "", "", ""]
        yield (
            uuid.UUID(int=rng.getrandbits(128)),
            office_id,
            source,
            rng.randint(1, 4) if source == "staff" else 1,
            started,
            ends,
            out if out and out < ends else None,
            None,
            "" if source == "staff" else rng.choice(devices),
            None,
            *answers,
            surveyed,
            None,
            False,
        )


def fact_bookings(
    network: Network, days: list[date], count: int, rng: random.Random
) -> Iterator[tuple[Any, ...]]:
    shares = [share for _key, share, _length in BOOKINGS]
    for _ in range(count):
        key, _share, length = rng.choices(BOOKINGS, weights=shares)[0]
        kind, outcome = key.split("|")
        office_id = rng.choices(network.office_ids, weights=network.weights)[0]
        day = rng.choice(days)
        yield (None, office_id, kind, day, length, rng.randrange(60, 20_000), 1, False, outcome)


def facts_part(args: Any, year: int) -> None:
    """Real facts of one municipality's offices, then ``rebuild()`` of the year, timed."""
    from datetime import time as clock

    from django.db.models import Sum

    from publicoffice.bookings.models import BookingStatistic
    from publicoffice.places.models import WeeklyHours
    from publicoffice.reports.models import DayFigure
    from publicoffice.reports.rollup import rebuild
    from publicoffice.visits.models import Visit

    check_columns(Visit, VISIT_COLUMNS, script="bench/reports.py", name="VISIT_COLUMNS")
    check_columns(
        BookingStatistic, STATISTIC_COLUMNS, script="bench/reports.py", name="STATISTIC_COLUMNS"
    )
    rng = random.Random(7)
    network = create_network(args.facts_offices, 1, 1, prefix="Fakta")
    WeeklyHours.objects.bulk_create(
        WeeklyHours(office_id=pk, weekday=d, opens=clock(9), closes=clock(19))
        for pk in network.office_ids
        for d in range(6)
    )
    days = open_days(year, args.days)
    steps = []  # (facts so far, rebuild seconds, rows written)
    visits = bookings = 0
    for share in (0.1, 0.9):  # a tenth first, then the rest: fixed and marginal cost apart
        wanted = round(args.facts_visits * share)
        visits += insert_rows(Visit, VISIT_COLUMNS, fact_visits(network, days, wanted, rng))
        bookings += insert_rows(
            BookingStatistic, STATISTIC_COLUMNS, fact_bookings(network, days, wanted // 10, rng)
        )
        analyze(Visit._meta.db_table)
        analyze(BookingStatistic._meta.db_table)
        started = time.perf_counter()
        written = rebuild(start=days[0], end=days[-1])
        steps.append((visits + bookings, time.perf_counter() - started, written))
    counted = DayFigure.objects.filter(scope="office", metric="visits.checkins").aggregate(
        n=Sum("value")
    )["n"]
    (few, few_seconds, _), (facts, seconds, written) = steps
    marginal = max(0.0, (seconds - few_seconds) * 1_000_000 / max(1, facts - few))
    fixed = max(0.0, few_seconds - marginal * few / 1_000_000)
    national = (
        fixed * args.offices / args.facts_offices
        + marginal * (args.visits + args.bookings) / 1_000_000
    )
    print(
        f"facts to roll-ups (REAL facts, one municipality): {args.facts_offices} offices, "
        f"{visits:,} Visit and {bookings:,} BookingStatistic rows over {len(days)} days"
    )
    print(
        f"  rebuild() of the year: {few_seconds:.1f} s with {few:,} facts, {seconds:.1f} s with "
        f"{facts:,} facts ({written:,} roll-up rows; visits counted in them: {counted:,})"
    )
    print(
        f"  that is about {fixed:.1f} s for {args.facts_offices} offices' year whatever the facts, "
        f"plus {marginal:.1f} s per million facts; the network's {args.offices:,} offices and "
        f"{args.visits + args.bookings:,} facts: about {national / 60:.0f} min (extrapolated)"
    )


# -- the dashboards --------------------------------------------------------------------


def scopes_of(network: Network, *, operator: bool = True) -> list[tuple[str, Any]]:
    """One office (of the largest municipality), that municipality, the chain, the network."""
    from publicoffice.reports.scopes import (
        municipality_scope,
        network_scope,
        office_scope,
        operator_scope,
    )

    municipality = municipality_scope(network.largest_municipality[0])
    scopes = [
        ("one office", office_scope(municipality.offices[0])),
        (f"municipality ({len(municipality.offices)} offices)", municipality),
    ]
    if operator:
        chain = operator_scope(network.largest_operator[0])
        scopes.append((f"operator ({len(chain.offices)} offices)", chain))
    network_all = network_scope()
    scopes.append((f"network ({len(network_all.offices):,} offices)", network_all))
    return scopes


def raw_exact(scope: Any, period: Any) -> Callable[[], Any]:
    """The floor: one scope's year summed per metric and key, in one raw query."""
    from django.db import connection

    sql = (
        "SELECT metric, key, SUM(value) FROM reports_dayfigure "
        "WHERE scope = %s AND scope_id = %s AND day BETWEEN %s AND %s GROUP BY metric, key"
    )

    def run() -> Any:
        with connection.cursor() as cursor:
            cursor.execute(sql, [scope.kind, scope.id, period.start, period.end])
            return cursor.fetchall()

    return run


def raw_published(scope: Any, period: Any) -> Callable[[], Any]:
    from django.db import connection

    sql = (
        "SELECT month, metric, key, value, flag FROM reports_publishedfigure "
        "WHERE year = %s AND scope = %s AND scope_id = %s"
    )

    def run() -> Any:
        with connection.cursor() as cursor:
            cursor.execute(sql, [period.start.year, scope.kind, scope.id])
            return cursor.fetchall()

    return run


def measure(title: str, scopes: list[tuple[str, Any]], year: int, rounds: int, *, exact: bool):
    """Each scope's year report: median, p90, queries and × raw; then the ratios to one office."""
    from publicoffice.reports.exact import ExactSource
    from publicoffice.reports.periods import Grain, Period
    from publicoffice.reports.published import PublishedSource
    from publicoffice.reports.report import build

    period = Period.containing(Grain.YEAR, date(year, 1, 1))
    print(f"{title}, the year {year} ({rounds} rounds after a warm-up):")
    medians: dict[str, float] = {}
    for label, scope in scopes:
        if exact:
            raw = raw_exact(scope, period)

            def call(scope: Any = scope) -> Any:
                return build(scope, period, ExactSource(scope))
        else:
            raw = raw_published(scope, period)

            def call(scope: Any = scope) -> Any:
                return build(scope, period, PublishedSource(scope), public_only=True)

        raw_median, _raw_p90 = spread90(raw, rounds)
        median, p90 = spread90(call, rounds)
        queries = queries_of(call)
        medians[label.split(" (")[0]] = median
        print(
            f"  {label:30} median {median * 1000:8.1f} ms  p90 {p90 * 1000:8.1f} ms  "
            f"{queries:2d} queries  (raw {raw_median * 1000:.1f} ms, "
            f"{median / raw_median:5.1f}x raw)"
        )
    office = medians["one office"]
    municipality = medians["municipality"]
    print(
        f"  ratio municipality / office: {municipality / office:.2f}  "
        f"(goal: within 2x; municipality {'under' if municipality < 1 else 'OVER'} one second)"
    )
    if "operator" in medians:
        print(f"  ratio operator / office: {medians['operator'] / office:.2f}")
    print(f"  ratio network / office: {medians['network'] / office:.2f}")


def publish_part(network: Network, year: int, rounds: int) -> float:
    """``publish(year)`` timed once, then the published reports; returns publish's seconds."""
    from django.utils import timezone

    from publicoffice.reports.models import PublishedFigure
    from publicoffice.reports.publication import publish

    started = time.perf_counter()
    rows = publish(year, now=timezone.make_aware(datetime(year + 1, 1, 15, 3)))
    seconds = time.perf_counter() - started
    analyze(PublishedFigure._meta.db_table)
    print(
        f"publish({year}) at {len(network.office_ids):,} offices: {seconds:.1f} s, "
        f"{rows:,} published figures"
    )
    measure(
        "published reports (PublishedSource)",
        scopes_of(network, operator=False),
        year,
        rounds,
        exact=False,
    )
    return seconds


def queries_of(function: Callable[[], Any]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


# -- the command -----------------------------------------------------------------------


def arguments() -> Any:
    parser = argument_parser(__doc__, quick_help="20 offices, 30 days: a few seconds on SQLite")
    for name, value in FULL.items():
        kind = str if isinstance(value, str) else int
        parser.add_argument(f"--{name.replace('_', '-')}", type=kind, default=None)
    args = parser.parse_args()
    for name, value in (QUICK if args.quick else FULL).items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    args.municipalities = args.municipalities or max(1, round(args.offices * 290 / 2000))
    args.operators = args.operators or max(1, args.offices // 4)
    return args


def clear() -> None:
    """Empty the database for the next part: one migrated database serves all three."""
    from django.db import connection

    from publicoffice.bookings.models import BookingStatistic
    from publicoffice.places.models import Municipality, Office, Operator
    from publicoffice.reports.models import DayFigure, Publication, PublishedFigure, StaleDay
    from publicoffice.visits.models import Visit

    models = (DayFigure, PublishedFigure, Publication, StaleDay, Visit, BookingStatistic)
    with connection.cursor() as cursor:
        for model in models:
            table = model._meta.db_table
            if connection.vendor == "postgresql":
                cursor.execute(f"TRUNCATE {table} CASCADE")
            else:
                cursor.execute(f"DELETE FROM {table}")
    Office.objects.all().delete()
    Operator.objects.all().delete()
    Municipality.objects.all().delete()


def main() -> None:
    args = arguments()
    with bench_django(args.database_url) as data_dir, database(data_dir, "bench_reports"):
        from django.db import connection
        from django.utils import timezone

        year = timezone.localdate().year - 1
        print(f"database: {connection.vendor}; sizes: {args.offices:,} offices, {args.days} days")
        if args.facts_visits:
            facts_part(args, year)
            clear()
        network = national(args, year, args.offices, args.visits, args.bookings)
        measure("exact reports (ExactSource)", scopes_of(network), year, args.rounds, exact=True)
        publishing = {}
        if args.offices <= args.publish_max:
            publishing[args.offices] = publish_part(network, year, args.rounds)
        else:
            print(
                f"publish: not run at {args.offices:,} offices (it grows faster than the "
                f"network; above --publish-max {args.publish_max}); see the smaller networks"
            )
        for size in sorted({int(s) for s in args.publish_at.split(",") if s.strip()}):
            if size >= args.offices:
                continue
            clear()
            share = size / args.offices
            smaller = national(
                args, year, size, round(args.visits * share), round(args.bookings * share)
            )
            publishing[size] = publish_part(smaller, year, args.rounds)
        sizes = sorted(publishing)
        for small, large in itertools.pairwise(sizes):
            print(
                f"publish growth {small:,} -> {large:,} offices ({large / small:.1f}x): "
                f"{publishing[large] / publishing[small]:.1f}x the time"
            )


if __name__ == "__main__":
    main()
