"""Run every benchmark in its --quick mode so none of them rots."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
HERE = Path(__file__).resolve().parent


def _scripts() -> list[str]:
    """Every benchmark, but those with a quick test of their own (test_<name>_quick.py)."""
    return sorted(
        p.name
        for p in BENCH.glob("*.py")
        if not p.name.startswith("_") and not (HERE / f"test_{p.stem}_quick.py").exists()
    )


@pytest.mark.parametrize("script", _scripts())
def test_benchmark_runs_in_quick_mode(script: str, tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PUBLICOFFICE_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, str(BENCH / script), "--quick"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "x raw" in result.stdout  # it printed its ratios
