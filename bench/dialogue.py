"""How fast are the dialogue pages? Our selectors and pages against raw SQL, same database.

Loads the demo network's offices (no visits, bookings, directory, events or
demo proposals) into a throwaway database, then writes a pool of members
(50,000 by default) and N proposals (100,000 by default) with
``bulk_create``: at the offices with a Zipf-like skew (the busiest office
gets about a quarter), a few for an operator's or a municipality's whole
network, every kind, created over the last two years (more of them lately),
``answer_due`` the local creation day plus the operator's promise, answered
(or not yet, or never) after a delay that keeps about four in five on time,
so that the states come out as they would: recent ones new, older ones
considered, planned, done, declined, forwarded, a few withdrawn; 1 % hidden
by moderation, and old unanswered ones nobody supported archived, as the
sweep does. Each proposal gets its ``ProposalStatistic`` row (the on-time
share reads them) and each answered one its published ``Answer``.

Then M supports (1,000,000 by default), Zipf-like over the proposals (a
few proposals with thousands, a third with none), each from distinct
members of the pool, never the author; ``support_count`` and the
statistic's ``supports`` are the number of rows, checked on a sample after
loading. It measures, as median and 95th percentile of ``--rounds`` calls,
with the queries each call sends:

* ``office_open_proposals`` as the office's dialogue page runs it (the
  count and one page of 20), by support and newest, at the busiest office,
  and ``office_answered_proposals`` (the page's ten answered ones);
* the office's dialogue page over HTTP, anonymous and as a member who
  supports some of the proposals on it;
* ``network_proposals`` for the whole network and for one municipality,
  first page and a deep page, and the network page over HTTP;
* ``queue_to_answer`` for the busiest office's host (its first page);
* ``clock.on_time_share`` for that office;
* the proposal page (its selectors, and over HTTP) of the most supported
  proposal;

each against a raw SQL floor (the same rows in plain SQL), and prints the
plan of the slowest single query it saw (EXPLAIN ANALYZE on PostgreSQL).
Unless ``--quick`` or ``--no-small``, the same figures are taken first with
the ``--quick`` sizes, and the ratio full ÷ small is printed;
``--drop-index NAME`` drops an index after loading, to see what it buys.
``--quick`` uses 2,000 proposals, 20,000 supports and few rounds so the
test suite can run it on every change.

    .venv/bin/python bench/dialogue.py --proposals 20000 --supports 200000     # SQLite
    .venv/bin/python bench/dialogue.py --database-url postgres://publicoffice:publicoffice@127.0.0.1:5432/publicoffice_bench
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from _common import analyze, argument_parser, bench_django, queries_of, spread, table_size
from _common import throwaway_database as throwaway
from _dialogue import Loaded, load, quick_sizes
from directory import Slowest, server_settings

PER_PAGE = 20

#: Raw SQL floors: the same rows as the selectors, without the joined
#: office, operator, municipality and author. ``{states}`` is a list of
#: placeholders for the open states.
VISIBLE = "hidden_at IS NULL AND NOT awaiting_confirmation"
LISTED = VISIBLE + " AND archived_at IS NULL AND state IN ({states})"
ORDER_SQL = {
    "support": "support_count DESC, created_at DESC, id DESC",
    "newest": "created_at DESC, id DESC",
}


def raw_list(where: str, params: list[Any], order: str, offset: int = 0) -> int:
    """Count and one page of ids, as a list page needs them."""
    from django.db import connection

    from publicoffice.dialogue.models import OPEN_STATES

    states = ", ".join(["%s"] * len(OPEN_STATES))  # placeholders only, never values
    condition = LISTED.format(states=states) + where
    values = [*OPEN_STATES, *params]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM dialogue_proposal WHERE {condition}", values)
        total = cursor.fetchone()[0]
        cursor.execute(
            f"SELECT id, title, support_count FROM dialogue_proposal WHERE {condition} "
            f"ORDER BY {ORDER_SQL[order]} LIMIT {PER_PAGE} OFFSET %s",
            [*values, offset],
        )
        cursor.fetchall()
    return int(total)


def raw_municipality(municipality_id: int, offset: int = 0) -> int:
    where = (
        " AND (municipality_id = %s OR office_id IN "
        "(SELECT id FROM places_office WHERE municipality_id = %s))"
    )
    return raw_list(where, [municipality_id, municipality_id], "support", offset)


def raw_queue(office_id: int) -> int:
    """The host's queue: open and listed, unanswered first, due first."""
    from django.db import connection

    from publicoffice.dialogue.models import OPEN_STATES

    states = ", ".join(["%s"] * len(OPEN_STATES))
    where = "office_id = %s AND " + LISTED.format(states=states)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM dialogue_proposal WHERE {where}", [office_id, *OPEN_STATES]
        )
        total = cursor.fetchone()[0]
        cursor.execute(
            f"SELECT id, title FROM dialogue_proposal WHERE {where} "
            "ORDER BY first_answer_at IS NOT NULL, first_answer_at, answer_due, "
            f"state_changed_at, id LIMIT {PER_PAGE}",
            [office_id, *OPEN_STATES],
        )
        cursor.fetchall()
    return int(total)


def raw_answered(office_id: int) -> int:
    """The office page's "recently answered": ten rows, the latest change first."""
    from django.db import connection

    from publicoffice.dialogue.models import OPEN_STATES

    states = ", ".join(["%s"] * len(OPEN_STATES))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, title FROM dialogue_proposal WHERE office_id = %s AND {VISIBLE} "
            f"AND state NOT IN ({states}) ORDER BY state_changed_at DESC, id DESC LIMIT 10",
            [office_id, *OPEN_STATES],
        )
        return len(cursor.fetchall())


def raw_on_time(office_id: int, start: Any, end: Any) -> tuple[int, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE answered_on_time) "
            "FROM dialogue_proposalstatistic WHERE office_id = %s AND answer_due > %s "
            "AND answer_due < %s AND NOT excluded"
            if connection.vendor == "postgresql"
            else "SELECT COUNT(*), SUM(CASE WHEN answered_on_time THEN 1 ELSE 0 END) "
            "FROM dialogue_proposalstatistic WHERE office_id = %s AND answer_due > %s "
            "AND answer_due < %s AND NOT excluded",
            [office_id, start, end],
        )
        due, on_time = cursor.fetchone()
    return int(due), int(on_time or 0)


def raw_proposal(public_id: Any) -> int:
    """The proposal row, its answers, versions and arguments: four plain queries."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM dialogue_proposal WHERE public_id = %s", [public_id])
        proposal_id = cursor.fetchone()[0]
        for table, order in (
            ("dialogue_answer", "published_at, id"),
            ("dialogue_proposalversion", "number DESC"),
            ("dialogue_argument", "created_at, id"),
        ):
            cursor.execute(
                f"SELECT * FROM {table} WHERE proposal_id = %s ORDER BY {order}", [proposal_id]
            )
            cursor.fetchall()
    return 1


# -- our paths ---------------------------------------------------------------------------


def list_page(rows: Any, number: int = 1) -> int:
    """What a list page asks for: the paginator's count and one page."""
    from django.core.paginator import Paginator

    page = Paginator(rows, PER_PAGE).get_page(number)
    return len(list(page.object_list))


def get(client: Any, url: str, query: dict[str, str] | None = None) -> int:
    status = int(client.get(url, query or {}).status_code)
    if status != 200:
        raise SystemExit(f"GET {url} {query or ''}: {status}")
    return status


@dataclass
class Figure:
    label: str
    median: float
    p95: float
    queries: int
    found: int | str
    raw: float | None


def measure(
    label: str,
    function: Callable[[], Any],
    rounds: int,
    raw: float | None,
    slowest: Slowest,
) -> Figure:
    with slowest.watching(label):
        found = function()
    median, p95 = spread(function, rounds)
    return Figure(label, median, p95, queries_of(function), found, raw)


def floor(label: str, function: Callable[[], Any], rounds: int, queries: int) -> Figure:
    median, p95 = spread(function, rounds)
    found = function()
    return Figure(label, median, p95, queries, found, median)


def print_figures(title: str, figures: list[Figure], small: dict[str, float] | None = None) -> None:
    print(title)
    print(f"  {'':46} {'median':>9} {'p95':>9}  {'x raw':>9}  queries  found  x small")
    for f in figures:
        ratio = f"({f.median / f.raw:5.1f}x raw)" if f.raw else " " * 13
        versus = ""
        if small and small.get(f.label):
            versus = f"{f.median / small[f.label]:6.1f}"
        print(
            f"  {f.label:46} {f.median * 1000:6.2f} ms {f.p95 * 1000:6.2f} ms"
            f"  {ratio}  {f.queries:3d}   {f.found!s:>7}  {versus}"
        )


def measure_all(world: Loaded, rounds: int, slowest: Slowest) -> list[tuple[str, list[Figure]]]:
    """Every figure, grouped as printed: lists, pages over HTTP, the other screens."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone, translation

    from publicoffice.dialogue import clock, selectors
    from publicoffice.dialogue.clock import ON_TIME_WINDOW_DAYS

    office, municipality, host = world.office, world.municipality, world.host
    total_open = selectors.network_proposals().count()
    deep = max(1, total_open // PER_PAGE // 2)
    deep_offset = (deep - 1) * PER_PAGE
    in_municipality = selectors.network_proposals(municipality=municipality).count()
    deep_m = max(1, in_municipality // PER_PAGE // 2)
    lists = [
        floor("raw SQL, office, by support", lambda: raw_office(office.pk, "support"), rounds, 2),
        floor("raw SQL, office, newest", lambda: raw_office(office.pk, "newest"), rounds, 2),
    ]
    raw_support, raw_newest = lists[0].median, lists[1].median
    net_floor = floor("raw SQL, network, page 1", lambda: raw_list("", [], "support"), rounds, 2)
    net_deep_floor = floor(
        f"raw SQL, network, page {deep:,}",
        lambda: raw_list("", [], "support", deep_offset),
        rounds,
        2,
    )
    m_floor = floor(
        f"raw SQL, {municipality.code}, page 1",
        lambda: raw_municipality(municipality.pk),
        rounds,
        2,
    )
    lists += [net_floor, net_deep_floor, m_floor]
    cases: list[tuple[str, Callable[[], Any], float | None]] = [
        (
            "office_open_proposals, by support",
            lambda: list_page(selectors.office_open_proposals(office=office, order="support")),
            raw_support,
        ),
        (
            "office_open_proposals, newest",
            lambda: list_page(selectors.office_open_proposals(office=office, order="newest")),
            raw_newest,
        ),
        (
            "network_proposals, page 1",
            lambda: list_page(selectors.network_proposals()),
            net_floor.median,
        ),
        (
            f"network_proposals, page {deep:,} (deep)",
            lambda: list_page(selectors.network_proposals(), deep),
            net_deep_floor.median,
        ),
        (
            f"network_proposals, {municipality.code}, page 1",
            lambda: list_page(selectors.network_proposals(municipality=municipality)),
            m_floor.median,
        ),
        (
            f"network_proposals, {municipality.code}, page {deep_m:,}",
            lambda: list_page(selectors.network_proposals(municipality=municipality), deep_m),
            None,
        ),
    ]
    lists += [measure(label, f, rounds, raw, slowest) for label, f, raw in cases]

    today = clock.local_day(timezone.now())
    since = world.db_date(today - timedelta(days=ON_TIME_WINDOW_DAYS))
    on_time_floor = floor(
        "raw SQL, on-time counts",
        lambda: raw_on_time(office.pk, since, world.db_date(today)),
        rounds,
        1,
    )
    queue_floor = floor("raw SQL, the host's queue", lambda: raw_queue(office.pk), rounds, 2)
    page_floor = floor(
        "raw SQL, proposal and its answers", lambda: raw_proposal(world.top_db_id), rounds, 4
    )
    anonymous = AnonymousUser()

    def proposal_screen() -> int:
        shown = selectors.proposal_get_visible(user=anonymous, public_id=world.top.public_id)
        page = selectors.proposal_page(user=anonymous, proposal=shown, now=timezone.now())
        return len(page.answers) + len(page.arguments)

    answered_floor = floor(
        "raw SQL, office, 10 answered", lambda: raw_answered(office.pk), rounds, 1
    )
    others = [
        answered_floor,
        measure(
            "office_answered_proposals, latest 10",
            lambda: len(list(selectors.office_answered_proposals(office=office)[:10])),
            rounds,
            answered_floor.median,
            slowest,
        ),
        queue_floor,
        measure(
            "queue_to_answer, host, page 1",
            lambda: list_page(selectors.queue_to_answer(user=host)),
            rounds,
            queue_floor.median,
            slowest,
        ),
        on_time_floor,
        measure(
            "clock.on_time_share, one office",
            lambda: clock.on_time_share(office=office, today=today).due,
            rounds,
            on_time_floor.median,
            slowest,
        ),
        page_floor,
        measure(
            "proposal_get_visible + proposal_page",
            proposal_screen,
            rounds,
            page_floor.median,
            slowest,
        ),
    ]

    with translation.override("sv"):
        office_url = reverse("dialogue:office", kwargs={"slug": office.slug})
        network_url = reverse("dialogue:network")
        proposal_url = reverse("dialogue:proposal", kwargs={"public_id": world.top.public_id})
    visitor, member = Client(), Client()
    member.force_login(world.supporter)
    http_cases: list[tuple[str, Callable[[], Any], float | None]] = [
        (f"GET {office_url} (anonymous)", lambda: get(visitor, office_url), raw_support),
        (f"GET {office_url} (member)", lambda: get(member, office_url), raw_support),
        (
            "  the same, ?order=newest (member)",
            lambda: get(member, office_url, {"order": "newest"}),
            raw_newest,
        ),
        (f"GET {network_url} (anonymous)", lambda: get(visitor, network_url), net_floor.median),
        (
            f"  the same, ?municipality={municipality.code}",
            lambda: get(visitor, network_url, {"municipality": municipality.code}),
            m_floor.median,
        ),
        ("GET the proposal page (member)", lambda: get(member, proposal_url), page_floor.median),
    ]
    http = [measure(label, f, rounds, raw, slowest) for label, f, raw in http_cases]
    return [
        (
            f"lists, one page of {PER_PAGE} with the count ({office.slug}: "
            f"{world.office_open:,} open listed; network: {total_open:,}; "
            f"municipality {municipality.code}: {in_municipality:,}):",
            lists,
        ),
        ("the other screens:", others),
        ("the pages over HTTP (Django's test client, DEBUG off):", http),
    ]


def raw_office(office_id: int, order: str) -> int:
    return raw_list(" AND office_id = %s", [office_id], order)


def drop_indexes(names: list[str]) -> None:
    """Drop the named indexes (``--drop-index``), then fresh statistics."""
    from django.db import connection

    with connection.cursor() as cursor:
        for name in names:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    if names:
        analyze("dialogue_proposal")
        print(f"dropped indexes: {', '.join(names)}")


def run(
    sizes: dict[str, int],
    rounds: int,
    data_dir: str,
    *,
    small: dict[str, float] | None,
    dropped: list[str],
) -> dict[str, float]:
    """Load, check, measure in a database of its own; the medians by label.

    ``small`` is None for the small run itself (which prints one line), else
    its medians, for the ratios.
    """
    from django.db import connection
    from django.utils import timezone

    with throwaway(data_dir, "bench_dialogue"):
        start = time.perf_counter()
        world = load(random.Random(2026), **sizes)
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        for table in (
            "dialogue_proposal",
            "dialogue_support",
            "dialogue_proposalstatistic",
            "dialogue_answer",
            "accounts_user",
        ):
            analyze(table)
        analyzed = time.perf_counter() - start
        drop_indexes(dropped)
        agree, sampled = world.check_sample()
        slowest = Slowest()
        groups = measure_all(world, rounds, slowest)
        if small is None:
            print(
                f"small run for the ratios: {sizes['proposals']:,} proposals, "
                f"{sizes['supports']:,} supports, loaded in {loaded:.1f} s"
            )
            return {f.label: f.median for _, figures in groups for f in figures}
        print(
            f"database: {connection.vendor}, proposals: {sizes['proposals']:,}, supports: "
            f"{sizes['supports']:,}, members: {world.members:,}, offices: {world.offices}, "
            f"rounds: {rounds}, at: {timezone.localtime():%Y-%m-%d %H:%M %Z}{server_settings()}"
        )
        sizes_of = "".join(
            f"{table_size(table)} ({what})" if connection.vendor == "postgresql" else ""
            for table, what in (
                ("dialogue_proposal", "proposals"),
                ("dialogue_support", "supports"),
            )
        )
        print(f"loaded in {loaded:.1f} s ({world.timings}), analysed in {analyzed:.1f} s{sizes_of}")
        print(f"  {world.describe()}")
        print(
            f"  support_count equals the Support rows in {agree} of {sampled} sampled "
            f"proposals; total {world.support_rows:,} rows"
        )
        if agree != sampled:
            raise SystemExit("support_count disagrees with the Support rows")
        for title, figures in groups:
            print_figures(title, figures, small)
        slowest.explain()
        return {}


def main() -> None:
    parser = argument_parser(__doc__, quick_help="2,000 proposals, 20,000 supports, few rounds")
    parser.add_argument("--proposals", type=int, default=100_000, help="proposals to load")
    parser.add_argument("--supports", type=int, default=1_000_000, help="supports to load")
    parser.add_argument("--members", type=int, default=50_000, help="members who support")
    parser.add_argument("--rounds", type=int, default=15, help="rounds per figure")
    parser.add_argument(
        "--no-small", action="store_true", help="skip the small run (the x small ratios)"
    )
    parser.add_argument(
        "--drop-index",
        action="append",
        default=[],
        metavar="NAME",
        help="drop this index after loading, to see what it buys (repeatable)",
    )
    args = parser.parse_args()
    small_sizes = quick_sizes()
    if args.quick:
        args.rounds = 3
        sizes = small_sizes
    else:
        sizes = {"proposals": args.proposals, "supports": args.supports, "members": args.members}
    with bench_django(args.database_url) as data_dir:
        small: dict[str, float] = {}
        if not args.quick and not args.no_small:
            small = run(small_sizes, args.rounds, data_dir, small=None, dropped=args.drop_index)
        run(sizes, args.rounds, data_dir, small=small, dropped=args.drop_index)


if __name__ == "__main__":
    main()
