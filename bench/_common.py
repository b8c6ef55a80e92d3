"""What every benchmark needs: Django in a throwaway database, timing, offices.

Not a benchmark itself (the leading underscore keeps the test suite from
running it).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any


def setup_django(data_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "publicoffice.settings")
    os.environ.setdefault("PUBLICOFFICE_DATA_DIR", data_dir)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import django

    django.setup()


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


def timed(function: Callable[[], Any], rounds: int) -> float:
    """Median seconds of ``rounds`` calls, after one untimed warm-up call
    (which fills caches such as the year's holiday calendar)."""
    function()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


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
