"""The whole performance table in one run: every bench that prints rows, each goal beside it.

Finds the benches by looking for ``table_row`` in ``bench/*.py`` (a new bench
joins by itself), runs each as a subprocess with the same ``--quick`` and
``--database-url``, gathers the ``TABLE {json}`` lines they print
(``bench/_table.py``) and prints one Markdown table: measure, goal, measured,
met (✓/✗), detail. A bench that prints no rows yet is listed as such.

Exit status: 0 when every bench ran, even if goals are missed (the table
says which); 1 when a bench failed (its error output is printed).

    .venv/bin/python bench/table.py --database-url postgres://.../publicoffice_bench
    .venv/bin/python bench/table.py --quick --only compression
    .venv/bin/python bench/table.py --bench-args bookings="--rows 100000"
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from _table import Row, parse_rows

BENCH = Path(__file__).resolve().parent
MARK = "table_row("


@dataclass
class Outcome:
    """What one bench gave: its rows, or the error that stopped it."""

    name: str
    rows: list[Row] = field(default_factory=list)
    error: str = ""


def table_benches(directory: Path = BENCH) -> list[str]:
    """The benches that print rows of the table (their names without ``.py``)."""
    return sorted(
        path.stem
        for path in directory.glob("*.py")
        if not path.name.startswith("_") and path.name != "table.py"
        if MARK in path.read_text(encoding="utf-8")
    )


def bench_arguments(pairs: Sequence[str]) -> dict[str, list[str]]:
    """``bookings="--rows 100000"`` pairs as {bench: [arguments]}."""
    found: dict[str, list[str]] = {}
    for pair in pairs:
        name, _sep, rest = pair.partition("=")
        found.setdefault(name.strip().removesuffix(".py"), []).extend(shlex.split(rest))
    return found


def run_bench(name: str, *, quick: bool, database_url: str | None, extra: list[str]) -> Outcome:
    """Run ``bench/<name>.py``; the database goes by $DATABASE_URL, which every bench reads."""
    env = dict(os.environ)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    command = [sys.executable, str(BENCH / f"{name}.py"), *(["--quick"] if quick else []), *extra]
    print(f"running {' '.join(command[1:])}", file=sys.stderr, flush=True)
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=BENCH)
    if result.returncode != 0:
        return Outcome(name, error=result.stderr.strip()[-2000:] or f"exit {result.returncode}")
    return Outcome(name, rows=parse_rows(result.stdout))


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:.3g}"


def markdown(outcomes: Sequence[Outcome]) -> str:
    """One Markdown table of every row, in the order the benches gave them."""
    lines = [
        "| measure | goal | measured | met | detail |",
        "|---|---|---|---|---|",
    ]
    for outcome in outcomes:
        if outcome.error:
            lines.append(f"| {outcome.name}.py | | failed | ✗ | see the error below |")
        elif not outcome.rows:
            lines.append(f"| {outcome.name}.py | | no rows yet | | |")
        for row in outcome.rows:
            met = "✓" if row.met else "✗"
            goal = f"{row.comparison} {_number(row.goal)}"
            detail = row.detail.replace("|", "\\|")
            lines.append(f"| {row.measure} | {goal} | {_number(row.value)} | {met} | {detail} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="each bench in its --quick mode")
    parser.add_argument("--database-url", default=None, help="passed to every bench")
    parser.add_argument("--only", action="append", default=[], help="this bench only (repeat)")
    parser.add_argument(
        "--bench-args",
        action="append",
        default=[],
        metavar='NAME="ARGS"',
        help='extra arguments for one bench, e.g. bookings="--rows 100000"',
    )
    args = parser.parse_args(argv)
    names = table_benches()
    if args.only:
        names = [name for name in names if name in {n.removesuffix(".py") for n in args.only}]
    extra = bench_arguments(args.bench_args)
    outcomes = [
        run_bench(name, quick=args.quick, database_url=args.database_url, extra=extra.get(name, []))
        for name in names
    ]
    print(markdown(outcomes))
    rows = [row for outcome in outcomes for row in outcome.rows]
    print(f"\n{sum(row.met for row in rows)} of {len(rows)} goals met (x raw: see each bench)")
    failed = [outcome for outcome in outcomes if outcome.error]
    for outcome in failed:
        print(f"\n{outcome.name}.py failed:\n{outcome.error}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
