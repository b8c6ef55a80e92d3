"""What every benchmark needs: Django in a throwaway database, timing, offices.

The benches share their command line (``--quick``, ``--database-url``), the
way they get a database of their own, how they time and count queries, and
how they print a query plan, so that their figures are taken the same way
and can be compared in ``docs/performance.md``.

Not a benchmark itself (the leading underscore keeps the test suite from
running it).
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

#: The database the figures in docs/performance.md were taken on (the bench
#: creates and drops a throwaway database next to it).
BENCH_DATABASE_URL = "postgres://publicoffice:publicoffice@127.0.0.1:5432/publicoffice_bench"


# -- command line and database ---------------------------------------------------------


def argument_parser(doc: str, *, quick_help: str) -> argparse.ArgumentParser:
    """The options every bench has; the bench adds its own sizes to it."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=quick_help)
    parser.add_argument(
        "--database-url",
        default=None,
        help="database to measure on (default: $DATABASE_URL, else a throwaway SQLite file); "
        f"for PostgreSQL e.g. {BENCH_DATABASE_URL}",
    )
    return parser


def setup_django(data_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "publicoffice.settings")
    os.environ.setdefault("PUBLICOFFICE_DATA_DIR", data_dir)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import django

    django.setup()


@contextmanager
def bench_django(database_url: str | None = None) -> Iterator[str]:
    """Django set up as in production, with a scratch directory; yields that directory.

    ``database_url`` wins over ``$DATABASE_URL`` (the settings read it at
    import, so it is set before Django starts). DEBUG is off, because with it
    on Django keeps every query in memory and the figures would include that.
    """
    with tempfile.TemporaryDirectory() as data_dir:
        if database_url:
            os.environ["DATABASE_URL"] = database_url
        setup_django(data_dir)
        from django.conf import settings

        settings.DEBUG = False
        yield data_dir


def own_database(data_dir: str, name: str) -> Any:
    """Create a test database of the benchmark's own; return what teardown needs.

    Its own name, so a benchmark never meets a concurrent test run's database.
    """
    from django.db import connection
    from django.test.utils import setup_databases

    test_settings = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        test_settings["NAME"] = str(Path(data_dir) / f"{name}.sqlite3")
    else:
        test_settings["NAME"] = f"{name}_{connection.settings_dict['NAME']}_{os.getpid()}"
    return setup_databases(verbosity=0, interactive=False)


def drop_database(databases: Any) -> None:
    from django.test.utils import teardown_databases

    teardown_databases(databases, verbosity=0)


@contextmanager
def throwaway_database(data_dir: str, name: str) -> Iterator[None]:
    """A migrated database of the bench's own for the length of the block, then dropped."""
    databases = own_database(data_dir, name)
    try:
        yield
    finally:
        drop_database(databases)


# -- rows written in bulk ------------------------------------------------------------------


def db_value(model: type[Any], field: str, value: Any) -> Any:
    """``value`` as the database stores ``model``'s ``field`` (UUIDs and
    datetimes differ between SQLite and PostgreSQL)."""
    from django.db import connection

    return model._meta.get_field(field).get_db_prep_value(value, connection, prepared=False)


def check_columns(model: type[Any], columns: Iterable[str], *, script: str, name: str) -> None:
    """Stop early, and say why, if ``model`` and a bench's list of its columns drift apart.

    The benches write rows with raw SQL for speed; the tables have no
    defaults (Django keeps defaults in Python), so every column needs a value.
    """
    listed = set(columns)
    actual = {f.column for f in model._meta.concrete_fields if not f.primary_key}
    if actual != listed:
        missing = ", ".join(sorted(actual - listed)) or "none"
        extra = ", ".join(sorted(listed - actual)) or "none"
        raise SystemExit(
            f"{script}: {name} is out of date (missing: {missing}; "
            f"no longer in the model: {extra}); update it and the generated values"
        )


def analyze(table: str) -> None:
    """Fresh planner statistics after a load."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # VACUUM ANALYZE rather than only ANALYZE: statistics, and nothing
            # left for autovacuum to do while the queries are timed.
            cursor.execute(f"VACUUM ANALYZE {table}")
        else:
            cursor.execute("ANALYZE")


def table_size(table: str) -> str:
    """The size of ``table`` and its indexes as a clause to print (PostgreSQL only)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size(%s))", [table])
        return f", table with indexes {cursor.fetchone()[0]}"


# -- timing --------------------------------------------------------------------------------


def timed(function: Callable[[], Any], rounds: int) -> float:
    """Median seconds of ``rounds`` calls, after one untimed warm-up call
    (which fills caches such as the year's holiday calendar)."""
    return spread(function, rounds)[0]


def spread(function: Callable[[], Any], rounds: int) -> tuple[float, float]:
    """(median, 95th percentile) seconds of ``rounds`` calls after one warm-up call.

    The 95th percentile is the nearest-rank one: with few rounds it is the
    slowest call, which is what a visitor on a bad moment waits.
    """
    function()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    samples.sort()
    p95 = samples[max(0, math.ceil(0.95 * len(samples)) - 1)]
    return statistics.median(samples), p95


def per_item(function: Callable[[Any], Any], items: Sequence[Any]) -> float:
    """Seconds per item over all of ``items[1:]``; ``items[0]`` is the warm-up."""
    function(items[0])
    start = time.perf_counter()
    for item in items[1:]:
        function(item)
    return (time.perf_counter() - start) / (len(items) - 1)


def queries_of(function: Callable[[], Any]) -> int:
    """How many queries one call of ``function`` sends."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def print_plan(title: str, queryset: Any) -> None:
    """The plan of ``queryset``, measured (ANALYZE, BUFFERS) on PostgreSQL."""
    from django.db import connection

    options = {"analyze": True, "buffers": True} if connection.vendor == "postgresql" else {}
    print(f"{title} ({connection.vendor}):")
    for line in queryset.explain(**options).splitlines():
        print(f"  {line}")


# -- the network -------------------------------------------------------------------------


def create_offices(count: int) -> list[Any]:
    """``count`` open offices of one benchmark operator, without hours."""
    from publicoffice.places.models import (
        Municipality,
        Office,
        OfficeStatus,
        Operator,
        OperatorKind,
    )

    municipality = Municipality.objects.create(name="Benchkommun", code="9999")
    operator = Operator.objects.create(name="Bench", kind=OperatorKind.OTHER)
    return Office.objects.bulk_create(
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
