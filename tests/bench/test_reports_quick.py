"""The reports benchmark in --quick mode: it runs and prints what docs/performance.md quotes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "reports.py"


def test_reports_benchmark_prints_its_ratios(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PUBLICOFFICE_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # What is generated and what is real is said in the output itself.
    assert "GENERATED roll-ups" in out
    assert "REAL facts" in out
    assert re.search(r"for 50,000 visits and 5,000 bookings", out)  # the totals add up exactly
    # Exact and published reports, each with its ratios to one office.
    assert "exact reports (ExactSource)" in out
    assert "published reports (PublishedSource)" in out
    assert len(re.findall(r"ratio municipality / office: \d+\.\d\d", out)) == 2
    assert len(re.findall(r"ratio network / office: \d+\.\d\d", out)) == 2
    assert re.search(r"publish\(\d{4}\) at 20 offices: [\d.]+ s", out)
    for scope in ("one office", "municipality", "operator", "network"):
        assert re.search(rf"  {scope}.* median +[\d.]+ ms +p90 +[\d.]+ ms +\d+ queries", out)
    assert "x raw" in out
