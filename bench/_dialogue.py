"""The dialogue bench's world: members, proposals, statistics, answers and supports in bulk.

Rows are made the way the services would leave them (``answer_due`` from
the local creation day and the operator's promise, the statistic row of
each proposal, an answer for each change of state, ``support_count`` equal
to the Support rows, archiving as the sweep does it), but written with
``bulk_create`` and, for the supports, ``COPY`` on PostgreSQL. Not a
benchmark itself (the leading underscore keeps the test suite from running
it); ``bench/dialogue.py`` measures on what it loads.
"""

from __future__ import annotations

import random
import statistics
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from _common import check_columns, db_value

#: How far back proposals go.
DAYS = 730
#: Offices' share of proposals falls as 1 / rank ** OFFICE_SKEW.
OFFICE_SKEW = 0.9
#: Supports per proposal fall as 1 / rank ** SUPPORT_SKEW (a third get none at 100,000).
SUPPORT_SKEW = 1.1
#: No proposal gets more supports than this (a big suburb's whole active membership).
MOST_SUPPORTS = 8_000
KINDS = {
    "activity": 34,
    "improvement": 18,
    "opening_hours": 12,
    "equipment": 14,
    "accessibility": 8,
    "house_rules": 5,
    "other": 9,
}
#: The first answer's state; considered and planned ones often move on later.
ANSWERS = {
    "considering": 18,
    "planned": 12,
    "done": 25,
    "became_event": 5,
    "declined": 22,
    "duplicate": 8,
    "forwarded": 10,
}
LANGUAGES = {"sv": 55, "en": 10, "ar": 14, "so": 9, "fa": 8, "ti": 4}
SUPPORT_COLUMNS = ("proposal_id", "member_id", "created_at")


def quick_sizes() -> dict[str, int]:
    return {"proposals": 2_000, "supports": 20_000, "members": 2_000}


def next_prime(n: int) -> int:
    """The pool of members is a prime, so that any stride walks all of it."""

    def prime(k: int) -> bool:
        return k > 1 and all(k % d for d in range(2, int(k**0.5) + 1))

    while not prime(n):
        n += 1
    return n


def pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@contextmanager
def stamps_as_given(*models: type[Any]) -> Iterator[None]:
    """``created_at``/``updated_at`` as the bench sets them, not "now" (bulk loads only)."""
    fields = [
        m._meta.get_field(name)
        for m in models
        for name in ("created_at", "updated_at")
        if any(f.name == name for f in m._meta.concrete_fields)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, now, add in saved:
            f.auto_now, f.auto_now_add = now, add


@dataclass
class Loaded:
    """What the bench measures on, and what it tells about the load."""

    office: Any
    municipality: Any
    host: Any
    supporter: Any
    top: Any
    members: int
    offices: int
    office_open: int
    support_rows: int
    counts: list[int]
    states: Counter[str]
    scopes: Counter[str]
    hidden: int
    archived: int
    timings: str = ""
    sample_ids: list[int] = field(default_factory=list)

    @property
    def top_db_id(self) -> Any:
        from publicoffice.dialogue.models import Proposal

        return db_value(Proposal, "public_id", self.top.public_id)

    @staticmethod
    def db_date(day: date) -> Any:
        from publicoffice.dialogue.models import ProposalStatistic

        return db_value(ProposalStatistic, "answer_due", day)

    def describe(self) -> str:
        ordered = sorted(self.counts, reverse=True)
        n = len(ordered)
        none = sum(1 for c in ordered if not c) * 100 / n
        states = ", ".join(f"{s} {c * 100 / n:.0f} %" for s, c in self.states.most_common())
        scopes = ", ".join(f"{s} {c:,}" for s, c in self.scopes.most_common())
        return (
            f"scopes: {scopes}; states: {states}; hidden {self.hidden:,}, archived "
            f"{self.archived:,}\n  supports per proposal: most {ordered[0]:,}, 10th "
            f"{ordered[min(9, n - 1)]:,}, 100th {ordered[min(99, n - 1)]:,}, median "
            f"{statistics.median(ordered):.0f}, none {none:.0f} "
            f"%; {sum(1 for c in ordered if c >= 1000):,} proposals with 1,000 or more"
        )

    def check_sample(self) -> tuple[int, int]:
        """How many sampled proposals' kept counts equal their Support rows (and statistic)."""
        from django.db.models import Count

        from publicoffice.dialogue.models import Proposal, ProposalStatistic

        rows = Proposal.objects.filter(pk__in=self.sample_ids).annotate(rows=Count("supports"))
        kept = dict(
            ProposalStatistic.objects.filter(
                proposal_public_id__in=[p.public_id for p in rows]
            ).values_list("proposal_public_id", "supports")
        )
        agree = sum(1 for p in rows if p.support_count == p.rows == kept.get(p.public_id))
        return agree, len(self.sample_ids)


def create_members(count: int) -> list[int]:
    """``count`` members who support (no usable password: the bench logs them in)."""
    from publicoffice.accounts.models import User

    User.objects.bulk_create(
        (
            User(email=f"member{n}@bench.invalid", display_name=f"Medlem {n}", password="!")
            for n in range(count)
        ),
        batch_size=5_000,
    )
    return list(
        User.objects.filter(email__endswith="@bench.invalid")
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def support_counts(n: int, total: int, cap: int) -> list[int]:
    """Supports by rank, Zipf-like, summing to ``total`` (as near as ``cap`` allows)."""
    weights = [1 / (rank**SUPPORT_SKEW) for rank in range(1, n + 1)]

    def counts(scale: float) -> list[int]:
        return [min(cap, int(scale * w)) for w in weights]

    low, high = 0.0, float(total) * 4
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if sum(counts(middle)) < total else (low, middle)
    result = counts(low)
    short = total - sum(result)
    rank = 0
    while short > 0 and rank < n:  # the rounding's rest, to the most supported first
        if result[rank] < cap:
            result[rank] += 1
            short -= 1
        rank = rank + 1 if rank + 1 < n else 0
    return result


@dataclass
class Scopes:
    offices: list[Any]
    weights: list[float]
    operators: list[Any]
    municipalities: list[Any]


def scopes_of(rng: random.Random) -> Scopes:
    from publicoffice.places.models import Office

    offices = list(
        Office.objects.public().select_related("operator", "municipality").order_by("pk")
    )
    rng.shuffle(offices)
    weights = [1 / (rank**OFFICE_SKEW) for rank in range(1, len(offices) + 1)]
    operators = list({o.operator_id: o.operator for o in offices}.values())
    municipalities = list({o.municipality_id: o.municipality for o in offices}.values())
    return Scopes(offices, weights, operators, municipalities)


def new_proposal(n: int, rng: random.Random, scopes: Scopes, now: datetime) -> Any:
    """One proposal as the services would have left it today (without its supports)."""
    from django.conf import settings
    from django.utils import timezone

    from publicoffice.dialogue.models import Proposal

    r, office, operator, municipality = rng.random(), None, None, None
    if r < 0.02:
        operator = rng.choice(scopes.operators)
        days = operator.answer_within_days
    elif r < 0.03:
        municipality = rng.choice(scopes.municipalities)
        days = settings.DIALOGUE_ANSWER_DAYS
    else:
        office = rng.choices(scopes.offices, weights=scopes.weights)[0]
        days = office.operator.answer_within_days
    created = now - timedelta(days=DAYS * rng.random() ** 1.6, seconds=rng.randrange(60))
    kind = pick(rng, KINDS)
    changed = created
    p = Proposal(
        public_id=uuid.UUID(int=rng.getrandbits(128), version=4),
        office=office,
        operator=operator,
        municipality=municipality,
        kind=kind,
        title=f"Förslag {n}: {kind.replace('_', ' ')} för alla",
        body="Vi som använder kontoret föreslår detta, för att fler ska kunna vara med.\n\n"
        "Det skulle göra stor skillnad för oss.",
        language=pick(rng, LANGUAGES),
        answer_due=timezone.localdate(created) + timedelta(days=int(days)),
        state="new",
        created_at=created,
    )
    answered = created + timedelta(days=rng.expovariate(1 / (0.6 * int(days))))
    if rng.random() < 0.03 and created + timedelta(days=2) < now:
        p.state, changed = "withdrawn", created + timedelta(days=2)
    elif rng.random() > 0.08 and answered < now:
        p.state, p.first_answer_at, changed = pick(rng, ANSWERS), answered, answered
        later = answered + timedelta(days=rng.uniform(20, 200))
        if p.state in ("considering", "planned") and later < now and rng.random() < 0.7:
            p.state, changed = rng.choice(["done", "declined"]), later
    if p.state == "forwarded":
        p.forwarded_to = "Kommunens fritidsförvaltning"
    if rng.random() < 0.01:
        p.hidden_at, p.hidden_reason = min(now, created + timedelta(hours=20)), "Personangrepp"
    p.state_changed_at = p.updated_at = changed
    return p


def statistic_of(p: Any) -> Any:
    from django.utils import timezone

    from publicoffice.dialogue.models import ProposalStatistic

    first = p.first_answer_at
    return ProposalStatistic(
        proposal_public_id=p.public_id,
        office=p.office,
        kind=p.kind,
        state=p.state,
        created_on=timezone.localdate(p.created_at),
        answer_due=p.answer_due,
        days_to_first_answer=None
        if first is None
        else (timezone.localdate(first) - timezone.localdate(p.created_at)).days,
        answered_on_time=None if first is None else timezone.localdate(first) <= p.answer_due,
        supports=p.support_count,
        excluded=p.hidden_at is not None or (p.state == "withdrawn" and first is None),
    )


def answers_of(p: Any) -> list[Any]:
    """The published answers that moved ``p`` to its state: one, or two when it moved on."""
    from publicoffice.dialogue.models import Answer

    moves = []
    if p.first_answer_at is not None and p.state_changed_at != p.first_answer_at:
        moves.append(("planned", p.first_answer_at))
    if p.state != "new":
        moves.append((p.state, p.state_changed_at))
    return [
        Answer(
            proposal=p,
            state=state,
            text="Tack för förslaget! Så här gör vi.",
            written_by_id=p.author_id if state == "withdrawn" else None,
            published_at=at,
            created_at=at,
            updated_at=at,
        )
        for state, at in moves
    ]


def write_supports(rows: Iterator[tuple[int, int, datetime]]) -> int:
    """Support rows through COPY (PostgreSQL) or batched inserts (SQLite); how many."""
    from django.db import connection, transaction

    from publicoffice.dialogue.models import Support

    check_columns(Support, SUPPORT_COLUMNS, script="bench/_dialogue.py", name="SUPPORT_COLUMNS")
    columns = ", ".join(SUPPORT_COLUMNS)
    written = 0
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY dialogue_support ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    written += 1
            return written
        insert = f"INSERT INTO dialogue_support ({columns}) VALUES (%s, %s, %s)"
        batch: list[tuple[Any, ...]] = []
        for proposal_id, member_id, at in rows:
            batch.append((proposal_id, member_id, db_value(Support, "created_at", at)))
            if len(batch) == 20_000:
                cursor.executemany(insert, batch)
                written, batch = written + len(batch), []
        cursor.executemany(insert, batch)
        return written + len(batch)


def support_rows(
    proposals: list[Any],
    walks: list[tuple[int, int]],
    members: list[int],
    rng: random.Random,
    now: datetime,
) -> Iterator[tuple[int, int, datetime]]:
    """Each proposal's supporters: ``support_count`` distinct members on a stride of the pool.

    The pool's size is a prime, so the stride never comes back to a member
    before it has walked the whole pool (and counts stay below its size).
    """
    pool = len(members)
    for p, (start, step) in zip(proposals, walks, strict=True):
        span = (now - p.created_at).total_seconds()
        for j in range(p.support_count):
            at = p.created_at + timedelta(seconds=span * rng.random())
            yield p.pk, members[(start + j * step) % pool], at


def load(rng: random.Random, *, proposals: int, supports: int, members: int) -> Loaded:
    """The demo network's offices, then members, proposals, statistics, answers, supports."""
    from django.utils import timezone

    from publicoffice.demo.loader import load_demo
    from publicoffice.dialogue.models import Answer, Proposal, ProposalStatistic

    took: dict[str, float] = {}
    start = time.perf_counter()
    load_demo(visits=False, bookings=False, community=False, events=False, dialogue=False)
    scopes = scopes_of(rng)
    now = timezone.now()
    took["demo"], start = time.perf_counter() - start, time.perf_counter()
    member_ids = create_members(next_prime(members))
    pool = len(member_ids)
    took["members"], start = time.perf_counter() - start, time.perf_counter()

    rows = [new_proposal(n, rng, scopes, now) for n in range(proposals)]
    order = list(range(proposals))
    rng.shuffle(order)
    counts = support_counts(proposals, supports, min(MOST_SUPPORTS, pool - 1))
    for count, index in zip(counts, order, strict=True):
        rows[index].support_count = count
    walks = [(rng.randrange(pool), rng.randrange(1, pool)) for _ in rows]
    archive_before = now - timedelta(days=90)
    for p, (begin, step) in zip(rows, walks, strict=True):
        if rng.random() > 0.08:  # the rest deleted their account
            p.author_id = member_ids[(begin - step) % pool]  # never among its supporters
        if p.state == "new" and not p.support_count and p.created_at < archive_before:
            p.archived_at = p.created_at + timedelta(days=90, minutes=5)
    with stamps_as_given(Proposal, Answer):
        Proposal.objects.bulk_create(rows, batch_size=2_000)
        took["proposals"], start = time.perf_counter() - start, time.perf_counter()
        ProposalStatistic.objects.bulk_create((statistic_of(p) for p in rows), batch_size=5_000)
        Answer.objects.bulk_create((a for p in rows for a in answers_of(p)), batch_size=5_000)
    took["statistics and answers"], start = time.perf_counter() - start, time.perf_counter()
    written = write_supports(support_rows(rows, walks, member_ids, rng, now))
    took["supports"] = time.perf_counter() - start
    return finish(rng, rows, scopes, pool, written, took)


def finish(
    rng: random.Random,
    rows: list[Any],
    scopes: Scopes,
    pool: int,
    written: int,
    took: dict[str, float],
) -> Loaded:
    """Who and what the bench measures: the busiest office, its host, a supporter, the top."""
    from django.db.models import Count

    from publicoffice.accounts.models import Role, RoleAssignment, User
    from publicoffice.dialogue import selectors
    from publicoffice.dialogue.models import Argument, ProposalVersion, Support

    office = scopes.offices[0]
    host = User.objects.create(email="host@bench.invalid", display_name="Värd", password="!")
    RoleAssignment.objects.create(user=host, role=Role.HOST, office=office)
    first_page = list(selectors.office_open_proposals(office=office)[:20])
    top = first_page[0]
    best = (
        Support.objects.filter(proposal__in=first_page)
        .values("member_id")
        .annotate(n=Count("id"))
        .order_by("-n", "member_id")
        .first()
    )
    supporter = User.objects.get(pk=best["member_id"]) if best else host
    ProposalVersion.objects.bulk_create(
        ProposalVersion(
            proposal=top,
            number=n,
            title=f"{top.title} (v{n})",
            body=top.body,
            replaced_at=top.created_at + timedelta(days=n),
            supporters_then=10 * n,
        )
        for n in (1, 2)
    )
    Argument.objects.bulk_create(
        Argument(proposal=top, member=supporter, side="for" if n % 3 else "against", text="Ja!")
        for n in range(12)
    )
    ids = [p.pk for p in rng.sample(rows, min(200, len(rows)))]
    ids += [p.pk for p in sorted(rows, key=lambda p: -p.support_count)[:5]]
    return Loaded(
        office=office,
        municipality=office.municipality,
        host=host,
        supporter=supporter,
        top=top,
        members=pool,
        offices=len(scopes.offices),
        office_open=selectors.office_open_proposals(office=office).count(),
        support_rows=written,
        counts=[p.support_count for p in rows],
        states=Counter(p.state for p in rows),
        scopes=Counter(
            "office" if p.office_id else "operator" if p.operator_id else "municipality"
            for p in rows
        ),
        hidden=sum(1 for p in rows if p.hidden_at),
        archived=sum(1 for p in rows if p.archived_at),
        timings=", ".join(f"{what} {seconds:.1f} s" for what, seconds in took.items()),
        sample_ids=ids,
    )
