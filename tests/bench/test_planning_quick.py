"""The planning bench in its quick mode prints every solver's line and the ratio."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "planning.py"


def test_planning_bench_quick_prints_certified_figures():
    result = subprocess.run(
        [sys.executable, str(BENCH), "--quick"], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    assert "x raw" in result.stdout
    assert "ours" in result.stdout and "gap" in result.stdout
