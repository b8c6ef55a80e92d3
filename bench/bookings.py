"""How fast is booking? The service, the web form and the API against raw SQL, same database.

Creates 100 offices open around the clock with five bookable spaces each in a
throwaway database, then measures:

* bookings per second, each in its own transaction and on a slot of its own
  (one hour, a member of its own, so no quota is near), through
  ``bookings.services.booking_create``; through HTTP, the web form
  (``POST bookings:book`` as a logged-in member) and the API (``POST
  /api/v1/bookings`` with a personal API token), each when its URL exists;
  and through raw SQL, the floor: a transaction that locks the space row
  (``SELECT ... FOR UPDATE``, PostgreSQL only; SQLite's ``BEGIN IMMEDIATE``
  takes the write lock), looks for an overlapping booking and ``INSERT``s
  into ``bookings_booking``, the same table, so the same exclusion
  constraint guards it;
* the availability of one office for a week (``availability.space_weeks`` for
  all its bookable spaces, as ``GET /api/v1/offices/{slug}/availability``
  runs it, and that endpoint itself) against the raw ``SELECT`` of the same
  bookings, with milliseconds per call and queries per call;

first with only the office's own week in the table, then with 1,000,000
bookings loaded (``COPY`` on PostgreSQL, ``executemany`` on SQLite), spread
over every space and nearly three years, the bookings per second again.
``--quick`` uses tiny sizes so the test suite can run it on every change.

    .venv/bin/python bench/bookings.py                 # SQLite, 1,000,000 rows
    .venv/bin/python bench/bookings.py --bookings 500 --rows 200000
    DATABASE_URL=postgres://... .venv/bin/python bench/bookings.py
    .venv/bin/python bench/bookings.py --database-url postgres://publicoffice:publicoffice@127.0.0.1:5432/publicoffice_bench
"""

from __future__ import annotations

import itertools
import json
import random
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta
from datetime import time as clock
from typing import Any
from zoneinfo import ZoneInfo

from _common import (
    analyze,
    argument_parser,
    bench_django,
    check_columns,
    create_offices,
    per_item,
    print_plan,
    queries_of,
    table_size,
    throwaway_database,
    timed,
)
from _common import db_value as model_value

OFFICES = 100
SPACES_PER_OFFICE = 5
#: Offices 1..20 take the bookings being timed; office 0 is asked for its week.
WRITE_OFFICES = range(1, 21)
#: Starts of the timed one-hour bookings: 06:00 to 21:00, clear of midnight and DST.
HOURS = range(6, 22)
#: The loaded history: two bookings a day per space, 10-12 and 14-16.
HISTORY_HOURS = ((10, 12), (14, 16))
HOLDING = ("pending", "confirmed")
ZONE = ZoneInfo("Europe/Stockholm")

# Every column of bookings_booking but the id: the table has no defaults
# (Django keeps them in Python), so neither do we. main() stops with a
# message if the model gains a column this list lacks.
BOOKING_COLUMNS = (
    "created_at",
    "updated_at",
    "public_id",
    "space_id",
    "office_id",
    "member_id",
    "visitor_name",
    "booked_by_id",
    "starts_at",
    "ends_at",
    "blocked_until",
    "attendees",
    "purpose",
    "status",
    "checkin_deadline",
    "checked_in_at",
    "cancelled_at",
    "rules",
    "sequence",
)
INSERT_BOOKING = (
    f"INSERT INTO bookings_booking ({', '.join(BOOKING_COLUMNS)}) "
    f"VALUES ({', '.join(['%s'] * len(BOOKING_COLUMNS))})"
)
LOCK_SPACE = "SELECT id FROM places_space WHERE id = %s FOR UPDATE"
# The service's "holding" and "overlapping" conditions, written out.
HOLDING_AT = (
    "status IN (%s, %s) AND (checkin_deadline IS NULL OR checked_in_at IS NOT NULL "
    "OR checkin_deadline > %s)"
)
OVERLAP = (
    f"SELECT 1 FROM bookings_booking WHERE space_id = %s AND {HOLDING_AT} "
    "AND starts_at < %s AND blocked_until > %s"
)
#: A lower bound on ``starts_at`` lets the (space, starts_at) index stop at the
#: window instead of reading the space's whole history. It is only correct if
#: no booking holds its space longer than this, which the app does not (yet)
#: promise; the bench's bookings are at most two hours. For comparison only.
BOUND = timedelta(days=1)


def db_value(field: str, value: Any) -> Any:
    """``value`` as the database stores a Booking's ``field``."""
    from publicoffice.bookings.models import Booking

    return model_value(Booking, field, value)


# -- the network ------------------------------------------------------------------


def populate(today: date) -> tuple[list[Any], list[Any]]:
    """Offices open 00:00-23:59:59.999999 every day (the first one an office's
    hours: 8-20 on weekdays, 10-16 at weekends), five bookable spaces each."""
    from publicoffice.bookings.models import BookingRule
    from publicoffice.places.holidays_se import holidays_between
    from publicoffice.places.models import HoursException, Space, SpaceKind, WeeklyHours

    offices = create_offices(OFFICES)
    all_day = {"opens": clock(0), "closes": clock(23, 59, 59, 999999)}
    WeeklyHours.objects.bulk_create(
        WeeklyHours(office=o, weekday=d, **all_day) for o in offices[1:] for d in range(7)
    )
    # The office asked for its week keeps an office's hours: slots are what cost.
    WeeklyHours.objects.bulk_create(
        WeeklyHours(office=offices[0], weekday=d, opens=clock(8), closes=clock(20))
        for d in range(5)
    )
    WeeklyHours.objects.bulk_create(
        WeeklyHours(office=offices[0], weekday=d, opens=clock(10), closes=clock(16)) for d in (5, 6)
    )
    holidays = [day for day, _name in holidays_between(today, today + timedelta(days=120))]
    HoursException.objects.bulk_create(
        HoursException(office=o, date=day, reason="Bench", **all_day)
        for o in offices[1:]
        for day in holidays
    )
    kinds = [SpaceKind.MEETING_ROOM] * 3 + [SpaceKind.DESK, SpaceKind.QUIET_ROOM]
    Space.objects.bulk_create(
        Space(
            office=o,
            name=f"Rum {n}",
            name_sv=f"Rum {n}",
            kind=kind,
            capacity=1 if kind == SpaceKind.DESK else 8,
            is_bookable=True,
        )
        for o in offices
        for n, kind in enumerate(kinds)
    )
    # A network rule, as deployments have; it lets the timed bookings go a few weeks ahead.
    BookingRule.objects.create(max_days_ahead=120)
    spaces = list(Space.objects.select_related("office").order_by("office_id", "pk"))
    return offices, spaces


def make_members(count: int, tag: str) -> list[Any]:
    from publicoffice.accounts.models import User

    User.objects.bulk_create(
        User(email=f"bench-{tag}-{n}@example.org", password="!", display_name=f"Bench {n}")
        for n in range(count)
    )
    return list(User.objects.filter(email__startswith=f"bench-{tag}-").order_by("pk"))


class Slots:
    """One-hour slots in the write offices' spaces, each handed out once."""

    def __init__(self, spaces: Sequence[Any], first_day: date, zone: ZoneInfo) -> None:
        self._slots = self._generate(spaces, first_day, zone)

    @staticmethod
    def _generate(
        spaces: Sequence[Any], first_day: date, zone: ZoneInfo
    ) -> Iterator[tuple[Any, datetime, datetime]]:
        day = first_day
        while True:
            for hour in HOURS:
                for space in spaces:  # next to each other in time, spread over spaces
                    start = datetime.combine(day, clock(hour), tzinfo=zone)
                    yield space, start, start + timedelta(hours=1)
            day += timedelta(days=1)

    def take(self, count: int) -> list[tuple[Any, datetime, datetime]]:
        return [next(self._slots) for _ in range(count)]


# -- the ways to book ---------------------------------------------------------------


def raw_book(
    slot: tuple[Any, datetime, datetime], member_id: int, rules: str, *, bounded: bool = False
) -> None:
    """Lock the space, look for an overlap, insert: the floor, in one transaction."""
    from django.db import connection, transaction
    from django.utils import timezone

    space, starts_at, ends_at = slot
    now = timezone.now()
    start, end = db_value("starts_at", starts_at), db_value("ends_at", ends_at)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(LOCK_SPACE, [space.pk])
        params = [space.pk, *HOLDING, db_value("starts_at", now), end, start]
        if bounded:
            params.append(db_value("starts_at", starts_at - BOUND))
        cursor.execute(OVERLAP + (" AND starts_at > %s" if bounded else "") + " LIMIT 1", params)
        if cursor.fetchone() is not None:
            raise SystemExit("raw SQL: the slot was taken")
        stamp = db_value("created_at", now)
        cursor.execute(
            INSERT_BOOKING,
            [
                stamp,
                stamp,
                db_value("public_id", uuid.uuid4()),
                space.pk,
                space.office_id,
                member_id,
                "",
                member_id,
                start,
                end,
                end,
                1,
                "",
                "confirmed",
                db_value("checkin_deadline", starts_at + timedelta(minutes=15)),
                None,
                None,
                rules,
                0,
            ],
        )


def measure_writes(slots: Slots, count: int, tag: str, serial: int) -> dict[str, Any]:
    """Seconds per booking through raw SQL, the service and (when they exist) HTTP."""
    from django.db import connection
    from django.test import Client
    from django.urls import NoReverseMatch, resolve, reverse
    from django.urls.exceptions import Resolver404

    from publicoffice.accounts.services import api_token_create
    from publicoffice.bookings import services
    from publicoffice.bookings.models import Booking, BookingStatus
    from publicoffice.bookings.rules import BUILT_IN

    n = count + 1
    members = make_members(4 * n, tag)
    rules = db_value("rules", BUILT_IN.as_dict())
    result: dict[str, Any] = {"queries": {}}

    raw_items = list(zip(slots.take(n), members[:n], strict=True))
    result["raw"] = per_item(lambda item: raw_book(item[0], item[1].pk, rules), raw_items)
    extra = slots.take(1)[0]
    result["queries"]["raw"] = queries_of(lambda: raw_book(extra, members[0].pk, rules))
    bounded_items = list(zip(slots.take(n), members[:n], strict=True))
    result["bounded"] = per_item(
        lambda item: raw_book(item[0], item[1].pk, rules, bounded=True), bounded_items
    )
    result["queries"]["bounded"] = result["queries"]["raw"]

    def service(item: tuple[tuple[Any, datetime, datetime], Any]) -> None:
        (space, starts_at, ends_at), member = item
        booking = services.booking_create(
            space=space, member=member, starts_at=starts_at, ends_at=ends_at
        )
        if booking.status != BookingStatus.CONFIRMED:
            raise SystemExit(f"booking_create: {booking.status}")

    items = list(zip(slots.take(n), members[n : 2 * n], strict=True))
    result["service"] = per_item(service, items)
    item = (slots.take(1)[0], members[n])
    result["queries"]["service"] = queries_of(lambda: service(item))

    # The web form: each member logged in on a phone of their own (and their
    # own address, so the per-address limit on POSTs does not turn them
    # away). The clients share one request handler: each new handler builds
    # the middleware again, and WhiteNoise's start-up scan of the static
    # files (some 200 ms) is no part of a booking.
    try:
        reverse("bookings:book", kwargs={"pk": 1})
        web = True
    except NoReverseMatch:
        web = False
    result["web"] = None
    if web:
        handler = Client().handler
        clients = []
        for member in members[2 * n : 3 * n]:
            client = Client()
            client.handler = handler
            client.force_login(member)
            clients.append(client)
        statuses: Counter[int] = Counter()

        def post_form(pair: tuple[int, tuple[Any, datetime, datetime]]) -> None:
            index, (space, starts_at, ends_at) = pair
            local_start, local_end = starts_at.astimezone(ZONE), ends_at.astimezone(ZONE)
            response = clients[index].post(
                reverse("bookings:book", kwargs={"pk": space.pk}),
                {
                    "day": local_start.date().isoformat(),
                    "start": local_start.strftime("%H:%M"),
                    "end": local_end.strftime("%H:%M"),
                    "attendees": "1",
                    "purpose": "",
                },
                REMOTE_ADDR=f"10.{serial}.{index // 250}.{index % 250 + 1}",
            )
            statuses[response.status_code] += 1

        before = Booking.objects.count()
        pairs = list(enumerate(slots.take(n)))
        result["web"] = per_item(post_form, pairs)
        result["web_booked"] = Booking.objects.count() - before
        result["web_statuses"] = dict(statuses)
        last = (0, slots.take(1)[0])
        result["queries"]["web"] = queries_of(lambda: post_form(last))

    try:
        resolve("/api/v1/bookings")
        api = True
    except Resolver404:
        api = False
    result["api"] = None
    if api:
        keys = [api_token_create(user=m, name="bench")[1] for m in members[3 * n : 4 * n]]
        client = Client()
        api_statuses: Counter[int] = Counter()

        def post_json(pair: tuple[int, tuple[Any, datetime, datetime]]) -> None:
            index, (space, starts_at, ends_at) = pair
            body = {
                "space": space.pk,
                "starts_at": starts_at.isoformat(),
                "ends_at": ends_at.isoformat(),
            }
            response = client.post(
                "/api/v1/bookings",
                json.dumps(body),
                content_type="application/json",
                HTTP_AUTHORIZATION=f"Bearer {keys[index]}",
            )
            api_statuses[response.status_code] += 1

        before = Booking.objects.count()
        result["api"] = per_item(post_json, list(enumerate(slots.take(n))))
        result["api_booked"] = Booking.objects.count() - before
        result["api_statuses"] = dict(api_statuses)
        last = (0, slots.take(1)[0])
        result["queries"]["api"] = queries_of(lambda: post_json(last))
    result["vendor"] = connection.vendor
    return result


def print_writes(title: str, measured: dict[str, Any], count: int) -> None:
    raw, service = measured["raw"], measured["service"]
    queries = measured["queries"]
    print(title)
    rows = [
        ("raw SQL lock, check, INSERT", raw, "raw"),
        ("raw SQL, check bounded to a day", measured["bounded"], "bounded"),
        ("booking_create (service)", service, "service"),
    ]
    if measured["web"] is not None:
        rows.append(("POST bookings:book (web form)", measured["web"], "web"))
    if measured["api"] is not None:
        rows.append(("POST /api/v1/bookings (API)", measured["api"], "api"))
    for label, seconds, key in rows:
        print(
            f"  {label:32} {1 / seconds:8.0f} /s {seconds * 1000:8.2f} ms"
            f"  ({seconds / raw:5.1f}x raw, {seconds / service:4.2f}x service)"
            f"  {queries[key]:3d} queries"
        )
    for key, label in (("web", "web form"), ("api", "API")):
        if measured[key] is None:
            print(f"  HTTP path ({label}): not available yet")
            continue
        statuses = ", ".join(f"{c}: {k}" for c, k in sorted(measured[f"{key}_statuses"].items()))
        booked = measured[f"{key}_booked"]
        print(f"  {label} responses {statuses}; booked {booked} of {count + 1}")
        if booked != count + 1:
            print(f"  WARNING: not every {label} booking was made; its figure is not comparable")


# -- the history -----------------------------------------------------------------------


def history_rows(
    spaces: Sequence[Any],
    *,
    per_space: int,
    last_day: date,
    now: datetime,
    members: Sequence[int],
    week: tuple[date, set[int]] | None,
    skip_week: bool,
) -> Iterator[list[Any]]:
    """Two bookings a day per space, going back from ``last_day``; as Python values.

    ``week`` is (its first day, the spaces of the office asked for its week):
    with ``skip_week`` false only those spaces' bookings in that week come
    out, with it true everything else.
    """
    from publicoffice.bookings.rules import BUILT_IN, KIND_DEFAULTS

    rng = random.Random(f"2026 {skip_week}")
    rules = {kind: json.dumps(r.as_dict()) for kind, r in KIND_DEFAULTS.items()}
    days = (per_space + len(HISTORY_HOURS) - 1) // len(HISTORY_HOURS)
    for space in spaces:
        in_week_office = week is not None and space.pk in week[1]
        made = 0
        for back in range(days):
            day = last_day - timedelta(days=back)
            for start_hour, end_hour in HISTORY_HOURS:
                if made == per_space:
                    break
                made += 1
                if week is not None:
                    this_week = in_week_office and day >= week[0]
                    if this_week == skip_week:
                        continue
                starts_at = datetime.combine(day, clock(start_hour), tzinfo=ZONE)
                ends_at = datetime.combine(day, clock(end_hour), tzinfo=ZONE)
                member = members[rng.randrange(len(members))]
                status, checked_in, cancelled = "confirmed", None, None
                if starts_at < now:
                    chance = rng.random()
                    if chance < 0.1:
                        status, cancelled = "cancelled", starts_at - timedelta(hours=5)
                    elif chance < 0.2:
                        status = "no_show"
                    else:
                        checked_in = starts_at + timedelta(minutes=rng.randrange(-10, 15))
                made_at = starts_at - timedelta(days=3)
                yield [
                    made_at,
                    made_at,
                    uuid.UUID(int=rng.getrandbits(128), version=4),
                    space.pk,
                    space.office_id,
                    member,
                    "",
                    member,
                    starts_at,
                    ends_at,
                    ends_at,
                    1,
                    "",
                    status,
                    starts_at + timedelta(minutes=15),
                    checked_in,
                    cancelled,
                    rules.get(space.kind, json.dumps(BUILT_IN.as_dict())),
                    0,
                ]


def load_rows(rows: Iterator[list[Any]]) -> int:
    """COPY on PostgreSQL, executemany in batches on SQLite; returns the rows written."""
    from django.db import connection, transaction

    written = 0
    if connection.vendor == "postgresql":
        columns = ", ".join(BOOKING_COLUMNS)
        copy_sql = f"COPY bookings_booking ({columns}) FROM STDIN"
        with transaction.atomic(), connection.cursor() as cursor, cursor.copy(copy_sql) as copy:
            for row in rows:
                copy.write_row(row)
                written += 1
        return written
    from django.db import models

    from publicoffice.bookings.models import Booking

    # Datetimes and UUIDs as Django writes them on SQLite: UTC text, hex.
    converted = {
        f.column
        for f in Booking._meta.concrete_fields
        if isinstance(f, models.DateTimeField | models.UUIDField)
    }
    converters = [
        (lambda v, f=field: db_value(f, v)) if field in converted else None
        for field in BOOKING_COLUMNS
    ]
    batch: list[list[Any]] = []

    def flush() -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(INSERT_BOOKING, batch)
        batch.clear()

    for row in rows:
        batch.append(
            [c(v) if c and v is not None else v for c, v in zip(converters, row, strict=True)]
        )
        written += 1
        if len(batch) == 20_000:
            flush()
    if batch:
        flush()
    return written


# -- availability ----------------------------------------------------------------------


def office_week(office: Any, monday: date, now: datetime) -> dict[int, Any]:
    """What GET /api/v1/offices/{slug}/availability runs for a week."""
    from publicoffice.bookings.availability import space_weeks, with_hours
    from publicoffice.bookings.selectors import bookable_spaces

    spaces = list(with_hours(bookable_spaces(office)))
    return space_weeks(spaces, start=monday, days=7, now=now)


def raw_week(space_ids: list[int], start: Any, end: Any, now: Any, not_before: Any = None) -> int:
    """The same bookings in raw SQL: those holding their space in the week."""
    from django.db import connection

    marks = ", ".join(["%s"] * len(space_ids))  # placeholders only, never values
    bound = " AND starts_at > %s" if not_before is not None else ""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, space_id, member_id, starts_at, ends_at, blocked_until "
            f"FROM bookings_booking WHERE space_id IN ({marks}) AND {HOLDING_AT} "
            f"AND starts_at < %s AND blocked_until > %s{bound}",
            [*space_ids, *HOLDING, now, end, start, *([not_before] if bound else [])],
        )
        return len(cursor.fetchall())


def measure_week(office: Any, monday: date, rounds: int) -> dict[str, Any]:
    from django.test import Client
    from django.urls import Resolver404, resolve
    from django.utils import timezone

    from publicoffice.bookings.availability import FREE, TAKEN

    now = timezone.now()
    space_ids = list(office.spaces.filter(is_bookable=True).values_list("pk", flat=True))
    # As the selector asks: from 12 hours before the first day to the end of the last.
    start = datetime.combine(monday, clock(0), tzinfo=ZONE) - timedelta(hours=12)
    end = datetime.combine(monday + timedelta(days=7), clock(0), tzinfo=ZONE)
    args = (db_value("starts_at", start), db_value("starts_at", end), db_value("starts_at", now))
    from publicoffice.bookings.models import Booking

    holding = Booking.objects.filter(space_id__in=space_ids).holding(now).overlapping(start, end)
    if holding.count() != raw_week(space_ids, *args):
        raise SystemExit("the ORM and the raw SQL disagree about the week's bookings")
    weeks = office_week(office, monday, now)
    states = Counter(s.state for w in weeks.values() for d in w.days for s in d.slots)
    not_before = db_value("starts_at", start - BOUND)
    if raw_week(space_ids, *args, not_before) != raw_week(space_ids, *args):
        raise SystemExit("the bounded raw SQL misses bookings")
    result: dict[str, Any] = {
        "raw": timed(lambda: raw_week(space_ids, *args), rounds),
        "bounded": timed(lambda: raw_week(space_ids, *args, not_before), rounds),
        "raw_rows": raw_week(space_ids, *args),
        "selector": timed(lambda: office_week(office, monday, now), rounds),
        "selector_queries": queries_of(lambda: office_week(office, monday, now)),
        "free": states[FREE],
        "taken": states[TAKEN],
        "slots": sum(states.values()),
        "http": None,
    }
    url = f"/api/v1/offices/{office.slug}/availability"
    try:
        resolve(url)
    except Resolver404:
        return result
    client = Client()
    query = {"start": monday.isoformat(), "days": "7"}
    status = client.get(url, query).status_code
    if status != 200:
        raise SystemExit(f"GET {url}: {status}")
    result["http"] = timed(lambda: client.get(url, query), rounds)
    result["http_queries"] = queries_of(lambda: client.get(url, query))
    return result


def print_week(title: str, measured: dict[str, Any]) -> None:
    raw, selector = measured["raw"], measured["selector"]
    print(title)
    print(
        f"  {'raw SQL SELECT of the bookings':44} {raw * 1000:8.2f} ms  (1.0x raw)  "
        f"  1 query, {measured['raw_rows']} rows"
    )
    bounded = measured["bounded"]
    label = "raw SQL, bounded to a day before"
    print(f"  {label:44} {bounded * 1000:8.2f} ms  ({bounded / raw:5.1f}x raw)")
    print(
        f"  {'space_weeks, 5 spaces x 7 days':44} {selector * 1000:8.2f} ms"
        f"  ({selector / raw:5.1f}x raw)  {measured['selector_queries']:3d} queries"
    )
    if measured["http"] is not None:
        http = measured["http"]
        print(
            f"  {'GET /api/v1/offices/{slug}/availability':44} {http * 1000:8.2f} ms"
            f"  ({http / raw:5.1f}x raw, {http / selector:4.2f}x space_weeks)"
            f"  {measured['http_queries']:3d} queries"
        )
    else:
        print("  HTTP path (availability API): not available yet")
    print(f"  slots: {measured['slots']}, free {measured['free']}, taken {measured['taken']}")


def print_plan_of_week(office: Any, monday: date) -> None:
    """The plan of the query that loads the week's bookings."""
    from django.utils import timezone

    from publicoffice.bookings.models import Booking

    now = timezone.now()
    ids = list(office.spaces.values_list("pk", flat=True))
    start = datetime.combine(monday, clock(0), tzinfo=ZONE) - timedelta(hours=12)
    end = datetime.combine(monday + timedelta(days=7), clock(0), tzinfo=ZONE)
    queryset = Booking.objects.filter(space_id__in=ids).holding(now).overlapping(start, end)
    print_plan("plan of the week's bookings query", queryset)


# -- several clients at once (4 clients; 50 on one slot) ------------------------------


def _worker(
    kind: str, items: list[Any], rules: str, start: Any, out: Any
) -> None:  # pragma: no cover - runs in a child process
    """One client process: book ``items`` one after another, report latencies."""
    from django.db import connection

    from publicoffice.bookings import services

    start.wait()
    latencies = []
    began = time.perf_counter()
    for slot, member in items:
        t0 = time.perf_counter()
        if kind == "raw":
            raw_book(slot, member.pk, rules)
        else:
            space, starts_at, ends_at = slot
            services.booking_create(
                space=space, member=member, starts_at=starts_at, ends_at=ends_at
            )
        latencies.append(time.perf_counter() - t0)
    out.put((began, time.perf_counter(), latencies))
    connection.close()


def parallel_rate(kind: str, slots: Slots, members: list[Any], clients: int) -> tuple[float, float]:
    """Bookings per second and p50 ms with ``clients`` processes (forked, each
    with its own connection), each booking its share one after another."""
    import multiprocessing

    from django.db import connections

    from publicoffice.bookings.rules import BUILT_IN

    rules = db_value("rules", BUILT_IN.as_dict())
    items = list(zip(slots.take(len(members)), members, strict=True))
    context = multiprocessing.get_context("fork")
    start, out = context.Barrier(clients), context.Queue()
    connections.close_all()
    workers = [
        context.Process(target=_worker, args=(kind, items[i::clients], rules, start, out))
        for i in range(clients)
    ]
    for worker in workers:
        worker.start()
    results = [out.get(timeout=600) for _ in workers]
    for worker in workers:
        worker.join()
        if worker.exitcode != 0:
            raise SystemExit(f"a {kind} client failed (exit code {worker.exitcode})")
    seconds = max(r[1] for r in results) - min(r[0] for r in results)
    latencies = sorted(x for r in results for x in r[2])
    return len(items) / seconds, 1000 * latencies[len(latencies) // 2]


def http_rate(
    slots: Slots, members: list[Any], clients: int, workers: int = 4
) -> tuple[float, float, Counter[int]]:
    """POST /api/v1/bookings through gunicorn (``workers`` sync workers), ``clients`` clients."""
    from _server import Request, gunicorn_server, http_load

    from publicoffice.accounts.services import api_token_create

    requests = []
    for (space, starts_at, ends_at), member in zip(slots.take(len(members)), members, strict=True):
        key = api_token_create(user=member, name="bench")[1]
        body = {
            "space": space.pk,
            "starts_at": starts_at.isoformat(),
            "ends_at": ends_at.isoformat(),
        }
        requests.append(
            Request(
                "POST",
                "/api/v1/bookings",
                json.dumps(body).encode(),
                {"Content-Type": "application/json", "Authorization": f"Bearer {key}"},
            )
        )
    with gunicorn_server(workers=workers, env={"API_WRITE_LIMIT": str(10**9)}) as base_url:
        http_load(base_url, requests[:clients], clients=clients)  # warm the workers
        result = http_load(base_url, requests[clients:], clients=clients)
    return result.per_second, result.p50_ms, result.statuses


def measure_parallel(slots: Slots, count: int, clients: int = 4, workers: int = 4) -> None:
    """The table's rows: service and HTTP against raw SQL, ``clients`` at once
    (the HTTP row through gunicorn with ``workers`` sync workers)."""
    from _table import table_row

    raw, raw_p50 = parallel_rate("raw", slots, make_members(count, "pr"), clients)
    service, p50 = parallel_rate("service", slots, make_members(count, "ps"), clients)
    queries = _service_queries(slots)
    table_row(
        "booking.service_vs_raw",
        f"booking create, service ÷ raw, {clients} client processes",
        service / raw,
        ">=",
        0.5,
        f"{service:,.0f}/s ÷ {raw:,.0f}/s, {queries} queries, p50 {p50:.1f} ms "
        f"(raw p50 {raw_p50:.1f} ms)",
    )
    per_second, http_p50, statuses = http_rate(
        slots, make_members(count + clients, "ph"), clients, workers
    )
    table_row(
        "booking.http_vs_raw",
        f"booking create, API through gunicorn ({workers} workers) ÷ raw, {clients} clients",
        per_second / raw,
        ">=",
        0.25,
        f"{per_second:,.0f}/s ÷ {raw:,.0f}/s, p50 {http_p50:.1f} ms, statuses {dict(statuses)}",
    )
    if set(statuses) != {201}:
        raise SystemExit(f"POST /api/v1/bookings answered {dict(statuses)}, not only 201")


def _service_queries(slots: Slots) -> int:
    from publicoffice.bookings import services

    (space, starts_at, ends_at), member = slots.take(1)[0], make_members(1, "pq")[0]
    return queries_of(
        lambda: services.booking_create(
            space=space, member=member, starts_at=starts_at, ends_at=ends_at
        )
    )


def pileup(space: Any, rounds: int, clients: int, first_day: date) -> None:
    """``clients`` threads (each its own connection) book one slot at once, ``rounds``
    times; exactly one must win each round and no two holding bookings overlap."""
    import threading

    from _table import table_row
    from django.db import connection

    from publicoffice.bookings.models import Booking
    from publicoffice.bookings.services import booking_create
    from publicoffice.core.errors import DomainError

    members = make_members(clients * rounds, "pile")
    starts = [
        datetime.combine(
            first_day + timedelta(days=r // len(HOURS)), clock(HOURS[r % len(HOURS)]), tzinfo=ZONE
        )
        for r in range(rounds)
    ]
    gate = threading.Barrier(clients + 1)
    outcomes: list[list[Any]] = [[None] * clients for _ in range(rounds)]

    def client(index: int) -> None:
        for r in range(rounds):
            gate.wait()
            try:
                outcomes[r][index] = booking_create(
                    space=space,
                    member=members[r * clients + index],
                    starts_at=starts[r],
                    ends_at=starts[r] + timedelta(hours=1),
                )
            except DomainError as error:
                outcomes[r][index] = error.code
            except Exception as error:  # "database is locked", a deadlock: a failure
                outcomes[r][index] = repr(error)
            gate.wait()
        connection.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    durations = []
    for _round in range(rounds):
        began = time.perf_counter()
        gate.wait()  # go
        gate.wait()  # all done
        durations.append(time.perf_counter() - began)
    for thread in threads:
        thread.join()
    bad = []
    for r, results in enumerate(outcomes):
        winners = [x for x in results if isinstance(x, Booking)]
        others = Counter(x for x in results if not isinstance(x, Booking))
        if len(winners) != 1 or set(others) - {"slot_taken"}:
            bad.append(f"round {r}: {len(winners)} winners, {dict(others)}")
    rows = list(Booking.objects.filter(space=space).holding(timezone_now()).order_by("starts_at"))
    overlaps = sum(1 for a, b in itertools.pairwise(rows) if b.starts_at < a.blocked_until)
    durations.sort()
    p50, slowest = durations[len(durations) // 2], durations[-1]
    table_row(
        "booking.pileup",
        f"{clients} clients on one slot, {rounds} rounds: slowest round (s)",
        slowest,
        "<=",
        1.0,
        f"p50 {p50 * 1000:.0f} ms, max {slowest * 1000:.0f} ms; {len(bad)} bad rounds, "
        f"{overlaps} overlaps",
    )
    if bad or overlaps:
        raise SystemExit("pile-up: " + "; ".join(bad[:5]) + f"; {overlaps} overlaps")


def timezone_now() -> datetime:
    from django.utils import timezone

    return timezone.now()


def main() -> None:
    parser = argument_parser(__doc__, quick_help="few bookings, few rows")
    parser.add_argument("--bookings", type=int, default=1000, help="bookings per path")
    parser.add_argument("--rows", type=int, default=1_000_000, help="bookings to load")
    parser.add_argument("--rounds", type=int, default=15, help="rounds per availability query")
    parser.add_argument(
        "--parallel", type=int, default=800, help="bookings per path with 4 clients at once"
    )
    parser.add_argument("--pileup-rounds", type=int, default=100, help="rounds of the pile-up")
    parser.add_argument("--pileup-clients", type=int, default=50, help="clients per pile-up round")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers for the API row")
    args = parser.parse_args()
    if args.quick:  # a few seconds beyond set-up: it runs with the test suite
        args.bookings, args.rows, args.rounds = 10, 5_000, 2
        args.parallel, args.pileup_rounds, args.pileup_clients, args.workers = 8, 3, 10, 2

    with bench_django(args.database_url) as data_dir:
        from django.conf import settings
        from django.db import connection
        from django.utils import timezone

        from publicoffice.bookings.models import Booking

        # One member may book 60 times in 10 minutes through the API; the
        # bench books thousands, each as a new member, but to be sure:
        settings.API_WRITE_LIMIT = 10**9
        if ZONE.key != settings.TIME_ZONE:
            raise SystemExit(f"bench/bookings.py assumes {ZONE.key}, not {settings.TIME_ZONE}")
        check_columns(Booking, BOOKING_COLUMNS, script="bench/bookings.py", name="BOOKING_COLUMNS")

        with throwaway_database(data_dir, "bench_bookings"):
            now = timezone.now()
            today = timezone.localdate(now)
            offices, spaces = populate(today)
            asked = offices[0]
            monday = today + timedelta(days=7 - today.weekday())  # next week
            sunday = monday + timedelta(days=6)
            writers = [s for s in spaces if s.office_id in {offices[i].pk for i in WRITE_OFFICES}]
            slots = Slots(writers, sunday + timedelta(days=1), ZONE)
            print(
                f"database: {connection.vendor}, offices: {OFFICES} x {SPACES_PER_OFFICE} "
                f"spaces, bookings per path: {args.bookings}, rows: {args.rows:,}, "
                f"rounds: {args.rounds}, at: {timezone.localtime(now):%Y-%m-%d %H:%M %Z}"
            )

            history_members = [m.pk for m in make_members(1000, "history")]
            per_space = max(1, args.rows // len(spaces))
            asked_ids = {s.pk for s in spaces if s.office_id == asked.pk}
            common = {
                "per_space": per_space,
                "last_day": sunday,
                "now": now,
                "members": history_members,
                "week": (monday, asked_ids),
            }
            load_rows(history_rows(spaces, skip_week=False, **common))
            analyze("bookings_booking")
            week = measure_week(asked, monday, args.rounds)
            print_week("availability of one office, next week, its own bookings only", week)

            empty = measure_writes(slots, args.bookings, "a", serial=1)
            print_writes("bookings, small table", empty, args.bookings)

            start = time.perf_counter()
            loaded = load_rows(history_rows(spaces, skip_week=True, **common))
            took = time.perf_counter() - start
            start = time.perf_counter()
            analyze("bookings_booking")
            analyzed = time.perf_counter() - start
            total = Booking.objects.count()
            size = table_size("bookings_booking")
            first = Booking.objects.order_by("starts_at").values_list("starts_at", flat=True)[0]
            print(
                f"loaded {loaded:,} bookings ({per_space:,} per space, from "
                f"{timezone.localdate(first)}) in {took:.1f} s, analysed in {analyzed:.1f} s; "
                f"{total:,} in the table{size}"
            )
            week = measure_week(asked, monday, args.rounds)
            print_week(f"availability of one office, next week, {total:,} rows", week)
            full = measure_writes(slots, args.bookings, "b", serial=2)
            print_writes(f"bookings, {total:,} rows", full, args.bookings)
            print_plan_of_week(asked, monday)
            measure_parallel(slots, args.parallel, workers=args.workers)
            piled = next(s for s in spaces if s.office_id == offices[WRITE_OFFICES[-1] + 1].pk)
            pileup(piled, args.pileup_rounds, args.pileup_clients, sunday + timedelta(days=1))


if __name__ == "__main__":
    main()
