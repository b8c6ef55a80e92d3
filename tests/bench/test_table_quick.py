"""The table runner (bench/table.py), without running the benches a second time.

``test_bench_quick.py`` already runs every bench in --quick mode (and skips
table.py because this file exists), so CI time stays flat: here the runner's
finding, gathering and printing are checked with canned rows and a stand-in
for the subprocess.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))
table = importlib.import_module("table")
_table = importlib.import_module("_table")


def row(key: str, value: float, comparison: str, goal: float) -> object:
    return _table.Row(key, f"measure {key}", value, comparison, goal, "a | b")


def test_benches_that_print_rows_are_found_by_themselves():
    found = table.table_benches()
    assert "compression" in found
    assert "table" not in found and not any(name.startswith("_") for name in found)


def test_sizes_pass_through_per_bench():
    assert table.bench_arguments(["bookings=--rows 100000 --clients 4", "visits.py=--quick"]) == {
        "bookings": ["--rows", "100000", "--clients", "4"],
        "visits": ["--quick"],
    }


def test_the_markdown_table_says_which_goals_are_met():
    outcomes = [
        table.Outcome("bookings", rows=[row("a", 0.6, ">=", 0.5), row("b", 7.3, "<=", 3)]),
        table.Outcome("visits"),
        table.Outcome("offices", error="Traceback"),
    ]
    text = table.markdown(outcomes)
    assert "| measure a | >= 0.5 | 0.6 | ✓ | a \\| b |" in text
    assert "| measure b | <= 3 | 7.3 | ✗ |" in text
    assert "| visits.py | | no rows yet | | |" in text
    assert "| offices.py | | failed | ✗ |" in text


@pytest.mark.parametrize(("error", "status"), [("", 0), ("boom", 1)])
def test_missed_goals_exit_0_a_failed_bench_exits_1(monkeypatch, capsys, error, status):
    calls = []

    def fake(name, *, quick, database_url, extra):
        calls.append((name, quick, database_url, extra))
        return table.Outcome(name, rows=[row("x", 0, "==", 1)], error=error)

    monkeypatch.setattr(table, "run_bench", fake)
    argv = ["--quick", "--only", "compression", "--bench-args", "compression=--offices 5"]
    assert table.main(argv) == status
    assert calls == [("compression", True, None, ["--offices", "5"])]
    assert "0 of" in capsys.readouterr().out or error
