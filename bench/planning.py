"""Planning solver benchmark: our certified solver against plain HiGHS and spopt.

Clustered synthetic instances (demand in a 40 × 40 km square, about 80 %
in a dozen Gaussian "suburbs", lognormal populations, candidates drawn
from the demand points, 1 km radius). For each size it prints the time,
objective, bound and proven gap of our solver, then the same for plain
HiGHS on the full MIP and spopt where they run, and the ratio
"x raw" (plain HiGHS time over ours). Needs no database.

    python bench/planning.py            # 2k×200 … 100k×5k, p-median 5k×300
    python bench/planning.py --quick    # tiny, for the test suite
    python bench/planning.py --national # also ≈450k × 50k
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from publicoffice.planning.solver import coverage, exact_cover
from publicoffice.planning.solver.solve import solve
from publicoffice.planning.solver.types import Limits, Model, Problem, relative_gap

SIDE = 40_000.0
RADIUS = 1_000.0


def instance(
    n: int, m: int, seed: int = 1, side: float = SIDE
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Demand points, weights and candidate sites of a clustered region."""
    rng = np.random.default_rng(seed)
    suburbs = max(12, int(12 * (side / SIDE) ** 2))
    centres = rng.uniform(0.1 * side, 0.9 * side, size=(suburbs, 2))
    sigma = rng.uniform(700, 2_500, size=suburbs)
    clustered = int(0.8 * n)
    which = rng.integers(0, suburbs, size=clustered)
    points = centres[which] + rng.normal(size=(clustered, 2)) * sigma[which, None]
    background = rng.uniform(0, side, size=(n - clustered, 2))
    xy = np.clip(np.vstack([points, background]), 0, side)
    weights = np.round(rng.lognormal(mean=2.5, sigma=1.0, size=n))
    sites = xy[rng.choice(n, size=m, replace=False)]
    return xy, weights, sites


def _row(
    name: str, seconds: float, objective: float, bound: float, gap: float, note: str = ""
) -> None:
    print(
        f"  {name:<14} {seconds:8.2f} s  objective {objective:14.1f}  bound {bound:14.1f}"
        f"  gap {100 * gap:6.3f} %  {note}"
    )


def _spopt_worker(xy, weights, sites, p, queue) -> None:
    """spopt's MCLP on the same instance (run in a child so it can be timed out)."""
    import pulp  # test-only dependencies, imported where they are used
    from scipy.spatial.distance import cdist
    from spopt.locate import MCLP

    start = time.monotonic()
    cost = cdist(xy, sites)
    model = MCLP.from_cost_matrix(cost, weights, RADIUS, p_facilities=p)
    model.solve(pulp.HiGHS(msg=False) if hasattr(pulp, "HiGHS") else pulp.PULP_CBC_CMD(msg=False))
    chosen = [j for j, var in enumerate(model.fac_vars) if (var.value() or 0) > 0.5]
    queue.put((time.monotonic() - start, chosen))


def run_spopt(xy, weights, sites, reach, p, timeout: float) -> None:
    try:
        import spopt  # noqa: F401
    except ImportError:
        print("  spopt          skipped (not installed)")
        return
    context = multiprocessing.get_context("spawn")  # no fork under HiGHS's threads
    queue = context.Queue()
    proc = context.Process(target=_spopt_worker, args=(xy, weights, sites, p, queue))
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.terminate()
        proc.join()
        print(f"  spopt          skipped (no answer within {timeout:.0f} s)")
        return
    if queue.empty():
        print("  spopt          failed")
        return
    seconds, chosen = queue.get()
    hit = np.asarray(reach[:, chosen].sum(axis=1)).ravel() > 0
    print(
        f"  spopt          {seconds:8.2f} s  objective {weights[hit].sum():14.1f}"
        "  (model build + MIP, imports excluded; no bound reported)"
    )


def cover_case(
    n: int, m: int, p: int, *, highs_seconds: float, spopt: bool, seconds: float, side: float = SIDE
) -> None:
    xy, weights, sites = instance(n, m, side=side)
    t0 = time.monotonic()
    reach = coverage.within_radius(xy, sites, RADIUS)
    built = time.monotonic() - t0
    print(
        f"max cover {n}×{m}, p={p}: {reach.nnz} pairs within {RADIUS:.0f} m"
        f" (built in {built:.2f} s)"
    )
    problem = Problem(weights=weights, reach=reach, p=p)
    ours = solve(problem, Model.MAX_COVER, Limits(gap=0.01, seconds=seconds))
    _row("ours", ours.seconds, ours.objective, ours.bound, ours.gap, ours.stopped.value)
    print(f"    method: {ours.method}")
    if highs_seconds > 0:
        t0 = time.monotonic()
        mip = exact_cover.solve_mip(reach, weights, p, seconds=highs_seconds, gap=0.01)
        raw = time.monotonic() - t0
        _row(
            "plain HiGHS",
            raw,
            mip.value,
            mip.bound,
            relative_gap(mip.value, mip.bound),
            "finished (gap target 1 %)" if mip.optimal else "time limit",
        )
        print(
            f"  ratio: plain HiGHS {raw / max(ours.seconds, 1e-9):.1f} x raw time / ours"
            " (both asked for a 1 % gap; compare the gaps above)"
        )
    else:
        print(
            "  plain HiGHS    skipped (too large for a full MIP here); ratio 1.0 x raw not measured"
        )
    if spopt:
        run_spopt(xy, weights, sites, reach, p, timeout=180)


def median_case(n: int, m: int, p: int, seconds: float) -> None:
    xy, weights, sites = instance(n, m, seed=2)
    cost = coverage.nearest_k(xy, sites, 20)
    reach = coverage.within_radius(xy, sites, RADIUS)
    problem = Problem(weights=weights, reach=reach, p=p, cost=cost)
    print(f"p-median {n}×{m}, p={p}, 20 nearest sites per point:")
    ours = solve(problem, Model.P_MEDIAN, Limits(gap=0.01, seconds=seconds))
    _row("ours", ours.seconds, ours.objective, ours.bound, ours.gap, ours.stopped.value)
    print(f"    method: {ours.method}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, a few seconds")
    parser.add_argument("--national", action="store_true", help="also ≈450k cells × 50k sites")
    args = parser.parse_args()
    if args.quick:
        cover_case(1_000, 80, 5, highs_seconds=5, spopt=False, seconds=5, side=8_000)
        median_case(500, 40, 4, seconds=5)
        return
    cover_case(2_000, 200, 10, highs_seconds=60, spopt=True, seconds=10)
    cover_case(10_000, 500, 10, highs_seconds=60, spopt=True, seconds=10)
    cover_case(50_000, 1_000, 25, highs_seconds=30, spopt=False, seconds=10)
    cover_case(100_000, 5_000, 50, highs_seconds=30, spopt=False, seconds=10)
    median_case(5_000, 300, 10, seconds=10)
    if args.national:
        cover_case(450_000, 50_000, 100, highs_seconds=0, spopt=False, seconds=60, side=85_000)


if __name__ == "__main__":
    main()
