"""How fast are the directory and "who to meet"? Our selectors against raw SQL, same database.

Loads the demo network (its offices and languages; no visits, bookings,
demo profiles or events) into a throwaway database, where a migration has
put the curated vocabulary, then writes N profiles (100,000 by default)
with ``bulk_create``: people, businesses, associations, cultural workers,
NGOs and informal groups spread over the offices, with names from the
suburbs' many backgrounds, presentations in five languages, offers and
needs drawn from the curated words with Zipf-like popularity (a few words
are very common, most are rare) plus some free words, spoken languages,
a visibility mix (45 % public, 45 % members only, 10 % hidden) and 12 %
new in town. Their folded search columns are computed by
``community.vocabulary.profile_search_columns``, the function the profile
service uses, and a sample is checked against it after loading. Then it
measures, as median and 95th percentile of ``--rounds`` calls, with the
queries each call sends:

* ``directory_search`` as the directory page runs it (the count and one
  page of 20 with its cards' tags, languages and offices): no query, for a
  member and for an anonymous visitor; a Swedish word; an Arabic word that
  the vocabulary knows as a synonym; a name; each filter (offer, need,
  language, office, new in town); a query with filters; a deep page; and
  the directory page over HTTP when its URL exists;
* the raw SQL floor: the same first page in plain SQL (count and page);
* ``matching.suggestions_for`` for typical members (a profile with a few
  needs and offers, at one office) and for a newcomer looking for
  bookkeeping, the most asked-for word, against a raw SQL query that only
  ranks the profiles sharing a tag;

and prints the plan of the slowest single query it saw (EXPLAIN ANALYZE on
PostgreSQL). ``--quick`` uses 2,000 profiles and few rounds so the test
suite can run it on every change.

    .venv/bin/python bench/directory.py --profiles 20000        # SQLite
    .venv/bin/python bench/directory.py --database-url postgres://publicoffice:publicoffice@127.0.0.1:5432/publicoffice_bench
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from _common import (
    analyze,
    argument_parser,
    bench_django,
    queries_of,
    spread,
    table_size,
    throwaway_database,
)
from _profiles import (
    FREE_WORDS,
    check_sample,
    create_indexes,
    drop_gin_indexes,
    load_profiles,
    make_world,
    newcomer,
    typical_members,
)
from _table import table_row

PER_PAGE = 20


# -- measuring ---------------------------------------------------------------------------


@dataclass
class Slowest:
    """The slowest single query seen while watching, and where it came from."""

    seconds: float = 0.0
    sql: str = ""
    params: Any = None
    label: str = ""

    @contextmanager
    def watching(self, label: str) -> Iterator[None]:
        from django.db import connection

        def wrapper(
            execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
        ) -> Any:
            start = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                took = time.perf_counter() - start
                if took > self.seconds and not many:
                    self.seconds, self.sql, self.params, self.label = took, sql, params, label

        with connection.execute_wrapper(wrapper):
            yield

    def explain(self) -> None:
        """The plan of the slowest query, measured on PostgreSQL."""
        from django.db import connection

        if not self.sql:
            return
        print(f'slowest single query: {self.seconds * 1000:.2f} ms, in "{self.label}":')
        print(f"  {self.sql[:600]}{' ...' if len(self.sql) > 600 else ''}")
        prefix = (
            "EXPLAIN (ANALYZE, BUFFERS) "
            if connection.vendor == "postgresql"
            else "EXPLAIN QUERY PLAN "
        )
        with connection.cursor() as cursor:
            cursor.execute(prefix + self.sql, self.params)
            lines = [" ".join(str(cell) for cell in row) for row in cursor.fetchall()]
        print(f"plan ({connection.vendor}):")
        for line in lines:
            print(f"  {line}")


def server_settings() -> str:
    """PostgreSQL settings that change these figures: JIT compiles costly plans."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        values = []
        for name in ("jit", "work_mem", "shared_buffers"):
            cursor.execute(f"SHOW {name}")  # names from the list above, never input
            values.append(f"{name}={cursor.fetchone()[0]}")
    return f", server: {' '.join(values)}"


def directory_page(filters: dict[str, Any], number: int = 1) -> list[Any]:
    """What the directory page asks for: a count, one page, the cards' relations."""
    from django.core.paginator import Paginator

    from publicoffice.community.selectors.directory import DirectoryResults

    page = Paginator(DirectoryResults(**filters), PER_PAGE).get_page(number)
    return list(page.object_list)


def listed(user: Any) -> list[str]:
    return ["public", "members"] if getattr(user, "is_authenticated", False) else ["public"]


def raw_page(user: Any, word: str | None = None, offset: int = 0) -> int:
    """The floor: count and one page of ids in plain SQL, ordered as the directory orders."""
    from django.db import connection

    visibility = listed(user)
    marks = ", ".join(["%s"] * len(visibility))  # placeholders only, never values
    where = f"visibility IN ({marks})"
    params: list[Any] = list(visibility)
    if word is not None:
        where += " AND search_text LIKE %s"
        params.append(f"%{word}%")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM community_profile WHERE {where}", params)
        total = cursor.fetchone()[0]
        cursor.execute(
            f"SELECT id, name FROM community_profile WHERE {where} "
            f"ORDER BY search_name, id LIMIT {PER_PAGE} OFFSET %s",
            [*params, offset],
        )
        cursor.fetchall()
    return int(total)


def raw_matches(member: Any) -> int:
    """The floor of "who to meet": profiles sharing a tag, ranked by how many, 20 ids."""
    from django.db import connection

    from publicoffice.community.models import Profile

    own = Profile.objects.filter(admin_links__user=member).prefetch_related("offers", "needs")
    needs = [t.pk for p in own for t in p.needs.all()] or [0]
    offers = [t.pk for p in own for t in p.offers.all()] or [0]
    offers_table = Profile.offers.through._meta.db_table
    needs_table = Profile.needs.through._meta.db_table
    marks_needs = ", ".join(["%s"] * len(needs))
    marks_offers = ", ".join(["%s"] * len(offers))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT m.profile_id, COUNT(*) AS n FROM ("
            f"SELECT profile_id FROM {offers_table} WHERE tag_id IN ({marks_needs}) "
            f"UNION ALL SELECT profile_id FROM {needs_table} WHERE tag_id IN ({marks_offers})"
            ") AS m JOIN community_profile p ON p.id = m.profile_id "
            "WHERE p.visibility IN (%s, %s) GROUP BY m.profile_id "
            f"ORDER BY n DESC, m.profile_id LIMIT {PER_PAGE}",
            [*needs, *offers, "public", "members"],
        )
        return len(cursor.fetchall())


@dataclass
class Figure:
    label: str
    median: float
    p95: float
    queries: int
    found: int | str
    raw: float


def measure(
    label: str, function: Callable[[], Any], rounds: int, raw: float, slowest: Slowest
) -> Figure:
    with slowest.watching(label):
        found = function()
    median, p95 = spread(function, rounds)
    count: int | str = len(found) if isinstance(found, list) else found
    return Figure(label, median, p95, queries_of(function), count, raw)


def print_figures(title: str, figures: list[Figure], found_label: str) -> None:
    print(title)
    print(f"  {'':44} {'median':>9} {'p95':>9}  {'x raw':>7}  queries  {found_label}")
    for f in figures:
        print(
            f"  {f.label:44} {f.median * 1000:6.2f} ms {f.p95 * 1000:6.2f} ms"
            f"  ({f.median / f.raw:5.1f}x raw)  {f.queries:3d}      {f.found}"
        )


def main() -> None:
    parser = argument_parser(__doc__, quick_help="2,000 profiles, few rounds")
    parser.add_argument("--profiles", type=int, default=100_000, help="profiles to load")
    parser.add_argument("--rounds", type=int, default=15, help="rounds per figure")
    parser.add_argument("--members", type=int, default=20, help="members asking who to meet")
    parser.add_argument(
        "--small", type=int, default=1_000, help="profiles of the small directory (the ratios)"
    )
    args = parser.parse_args()
    if args.quick:
        args.profiles, args.rounds, args.members, args.small = 2_000, 3, 3, 200

    with bench_django(args.database_url) as data_dir:
        from django.contrib.auth.models import AnonymousUser
        from django.db import connection
        from django.utils import timezone

        from publicoffice.community.matching import suggestions_for
        from publicoffice.community.models import Profile, Tag
        from publicoffice.community.selectors.directory import COUNT_CAP
        from publicoffice.demo.loader import load_demo

        with throwaway_database(data_dir, "bench_directory"):
            rng = random.Random(2026)
            load_demo(visits=False, bookings=False, community=False, events=False)
            world = make_world(rng)
            small = min(args.small, args.profiles)
            load_profiles(small, world, rng)
            analyze_tables()
            at_small = size_figures(rng, args.members, args.rounds)
            print(
                f"at {small:,} profiles: 'bokföring' {at_small[0] * 1000:.2f} ms, "
                f"who to meet {at_small[1] * 1000:.2f} ms (medians)"
            )
            gin = drop_gin_indexes()
            start = time.perf_counter()
            rows = load_profiles(args.profiles - small, world, rng, first=small)
            loaded = time.perf_counter() - start
            start = time.perf_counter()
            create_indexes(gin)
            indexed = time.perf_counter() - start
            start = time.perf_counter()
            analyze_tables()
            analyzed = time.perf_counter() - start
            agree, sampled = check_sample(rng)
            members = typical_members(rng, args.members)
            nour = newcomer(rng, world)
            member, anonymous = members[0], AnonymousUser()
            public = Profile.objects.filter(visibility="public").count()
            print(
                f"database: {connection.vendor}, profiles: {args.profiles:,} ({public:,} public), "
                f"offices: {len(world.offices)}, curated words: {Tag.objects.curated().count()}, "
                f"free words: {FREE_WORDS}, rounds: {args.rounds}, "
                f"at: {timezone.localtime():%Y-%m-%d %H:%M %Z}{server_settings()}"
            )
            print(
                f"loaded {args.profiles - small:,} more profiles ({rows['users']:,} members, "
                f"{rows['tag links']:,} offers and needs, {rows['other links']:,} languages "
                f"and offices) in {loaded:.1f} s, {len(gin)} GIN index(es) built in "
                f"{indexed:.1f} s, analysed in {analyzed:.1f} s"
                f"{table_size('community_profile')}; search columns agree with the service's "
                f"in {agree} of {sampled} sampled profiles"
            )
            slowest = Slowest()
            listed_count = Profile.objects.listed_for(member).count()
            # The paginator counts up to COUNT_CAP: the deepest page it offers.
            deep = max(1, min(listed_count // PER_PAGE // 2, COUNT_CAP // PER_PAGE))
            empty = spread(lambda: raw_page(member), args.rounds)
            word = spread(lambda: raw_page(member, "bokforing"), args.rounds)
            floor_empty, floor_word = empty[0], word[0]
            floor_deep = spread(
                lambda: raw_page(member, offset=(deep - 1) * PER_PAGE), args.rounds
            )[0]
            surname = "farah"
            cases: list[tuple[str, dict[str, Any], int, float]] = [
                ("no query, page 1 (member)", {"user": member}, 1, floor_empty),
                ("no query, page 1 (anonymous)", {"user": anonymous}, 1, floor_empty),
                (
                    "'bokföring' (Swedish word)",
                    {"user": member, "query": "bokföring"},
                    1,
                    floor_word,
                ),
                ("'محاسبة' (Arabic synonym)", {"user": member, "query": "محاسبة"}, 1, floor_word),
                (f"'{surname}' (a name)", {"user": member, "query": surname}, 1, floor_word),
                ("offer: bookkeeping", {"user": member, "offer": "bookkeeping"}, 1, floor_empty),
                (
                    "need: swedish-practice",
                    {"user": member, "need": "swedish-practice"},
                    1,
                    floor_empty,
                ),
                ("language: so", {"user": member, "language": "so"}, 1, floor_empty),
                ("office: rinkeby", {"user": member, "office": "rinkeby"}, 1, floor_empty),
                ("new in town", {"user": member, "new_in_town": True}, 1, floor_empty),
                (
                    "'översättning' + language ar + office",
                    {
                        "user": member,
                        "query": "översättning",
                        "language": "ar",
                        "office": "rinkeby",
                    },
                    1,
                    floor_word,
                ),
                (f"no query, page {deep:,} (deep)", {"user": member}, deep, floor_deep),
            ]
            figures = [
                Figure("raw SQL, no query (count + page)", *empty, 2, "", floor_empty),
                Figure("raw SQL, one word (count + page)", *word, 2, "", floor_word),
            ]
            for label, filters, number, floor in cases:
                figures.append(
                    measure(
                        label,
                        lambda f=filters, n=number: directory_page(f, n),
                        args.rounds,
                        floor,
                        slowest,
                    )
                )
            print_figures(
                f"directory_search, one page of {PER_PAGE} with its cards "
                f"({listed_count:,} profiles listed for members):",
                figures,
                "on page",
            )
            http = http_figures(member, args.rounds, floor_word, slowest)
            if http:
                print_figures("the directory page over HTTP (a signed-in member):", http, "status")
            else:
                print("  HTTP path (directory page): not available yet")

            cycle = itertools.cycle(members)
            # Every member asked twice (at least ``rounds`` calls in all).
            samples = max(args.rounds, 2 * len(members))
            matches = spread(lambda: raw_matches(next(cycle)), samples)
            floor = matches[0]
            at = timezone.now()
            found = [len(suggestions_for(member=m, at=at)) for m in members]
            with slowest.watching("suggestions_for"):
                suggestions_for(member=members[0], at=at)
            typical = spread(lambda: suggestions_for(member=next(cycle), at=at), samples)
            with slowest.watching("suggestions_for (newcomer)"):
                suggested = suggestions_for(member=nour, at=at)
            newcomers = spread(lambda: suggestions_for(member=nour, at=at), args.rounds)
            print_figures(
                f"who to meet, suggestions_for (limit 20), {len(members)} typical members "
                "and a newcomer:",
                [
                    Figure("raw SQL, profiles sharing a tag, ranked", *matches, 1, "", floor),
                    Figure(
                        "suggestions_for, typical members",
                        *typical,
                        queries_of(lambda: suggestions_for(member=members[0], at=at)),
                        f"{sum(found) / len(found):.1f} on average",
                        floor,
                    ),
                    Figure(
                        "suggestions_for, newcomer needing bookkeeping",
                        *newcomers,
                        queries_of(lambda: suggestions_for(member=nour, at=at)),
                        len(suggested),
                        floor,
                    ),
                ],
                "suggestions",
            )
            if suggested:
                print(
                    f"  first for the newcomer: {suggested[0].profile.name}: "
                    f"{' '.join(suggested[0].reasons)}"
                )
            slowest.explain()
            word_full = next(f.median for f in figures if f.label.startswith("'bokföring'"))
            print_rows(args.profiles, small, (word_full, typical[0]), at_small)


def analyze_tables() -> None:
    for table in ("community_profile", "community_profile_offers", "community_profile_needs"):
        analyze(table)


def size_figures(rng: random.Random, count: int, rounds: int) -> tuple[float, float]:
    """Medians of a common-word page and of "who to meet" at the directory's current size."""
    from django.utils import timezone

    from publicoffice.community.matching import suggestions_for

    members = typical_members(rng, count)
    cycle = itertools.cycle(members)
    at = timezone.now()
    word = spread(lambda: directory_page({"user": members[0], "query": "bokföring"}), rounds)
    who = spread(lambda: suggestions_for(member=next(cycle), at=at), max(rounds, 2 * len(members)))
    return word[0], who[0]


def print_rows(
    profiles: int, small: int, full: tuple[float, float], at_small: tuple[float, float]
) -> None:
    """The rows of the performance table: ratios of the sizes, and milliseconds at full size."""
    sizes = f"{profiles:,} ÷ {small:,} profiles"
    for key, what, at_full, at_few in (
        ("search", "directory search, common word ('bokföring')", full[0], at_small[0]),
        ("who", 'directory "who to meet"', full[1], at_small[1]),
    ):
        detail = f"{at_full * 1000:.1f} ms ÷ {at_few * 1000:.1f} ms"
        table_row(f"directory.{key}_ratio", f"{what}, {sizes}", at_full / at_few, "<=", 3, detail)
        table_row(
            f"directory.{key}_ms",
            f"{what}, ms at {profiles:,} profiles",
            at_full * 1000,
            "<=",
            100,
            f"median, {at_full * 1000:.1f} ms",
        )


def http_figures(member: Any, rounds: int, floor: float, slowest: Slowest) -> list[Figure]:
    """GET the directory page as a signed-in member, when the URL exists."""
    from django.test import Client
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    try:
        with translation.override("sv"):
            url = reverse("community:directory")
    except (NoReverseMatch, ImportError):  # no page yet, or the URLconf cannot load
        return []
    client = Client()
    client.force_login(member)
    figures = []
    for label, query in (
        ("GET directory, no query", {}),
        ("GET directory, 'bokföring'", {"q": "bokföring"}),
    ):
        status = client.get(url, query).status_code
        if status != 200:
            raise SystemExit(f"GET {url} {query}: {status}")
        figures.append(
            measure(label, lambda q=query: client.get(url, q).status_code, rounds, floor, slowest)
        )
    return figures


if __name__ == "__main__":
    main()
