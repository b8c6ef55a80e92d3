"""Our optimum against spopt 0.7.0 (PySAL's location models, solved by PuLP's CBC).

Maximal covering at 2 000 points × 200 candidates, clustered like the
benchmark (``bench/planning.py``), 1 km radius, p = 10, two sites fixed:
spopt builds the full dense MIP (4–18 s here, depending on load, most of
it building), ours proves the same optimum in well under a second. The p-median is
checked on a smaller instance, every site listed for every point, so both
solve exactly the same problem. This is the one slow test in the planning
suite, on purpose: it is the independent check of the solver.
"""

from __future__ import annotations

import numpy as np
import pulp
import pytest
from scipy.spatial.distance import cdist
from spopt.locate import MCLP, PMedian

from publicoffice.planning.solver import coverage
from publicoffice.planning.solver.solve import solve
from publicoffice.planning.solver.types import Limits, Model, Problem

EXACT = Limits(gap=0.0, seconds=60)

# spopt and PuLP warn about their own deprecations on every model they build.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def clustered(n: int, m: int, seed: int, side: float = 40_000.0):
    """Demand in Gaussian suburbs plus background, candidates drawn from the points."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(0.1 * side, 0.9 * side, size=(12, 2))
    sigma = rng.uniform(700, 2_500, size=12)
    clustered_n = int(0.8 * n)
    which = rng.integers(0, 12, size=clustered_n)
    points = centres[which] + rng.normal(size=(clustered_n, 2)) * sigma[which, None]
    background = rng.uniform(0, side, size=(n - clustered_n, 2))
    xy = np.clip(np.vstack([points, background]), 0, side)
    weights = np.round(rng.lognormal(mean=2.5, sigma=1.0, size=n))
    sites = xy[rng.choice(n, size=m, replace=False)]
    return xy, weights, sites


def _cbc() -> pulp.LpSolver:
    return pulp.PULP_CBC_CMD(msg=False)


def test_maximal_covering_matches_spopt_at_2k_by_200():
    xy, weights, sites = clustered(2_000, 200, seed=1)
    fixed = np.array([3, 77], dtype=np.int64)
    spopt_model = MCLP.from_cost_matrix(
        cdist(xy, sites),
        weights,
        1_000.0,
        p_facilities=10 + fixed.size,
        predefined_facilities_arr=fixed,
    )
    spopt_model.solve(_cbc())
    theirs = pulp.value(spopt_model.problem.objective)
    problem = Problem(
        weights=weights, reach=coverage.within_radius(xy, sites, 1_000.0), fixed=fixed, p=10
    )
    ours = solve(problem, Model.MAX_COVER, EXACT)
    assert ours.optimal
    assert ours.objective == pytest.approx(theirs)
    assert ours.bound == pytest.approx(theirs)


def test_p_median_matches_spopt_on_a_small_instance():
    xy, weights, sites = clustered(100, 20, seed=5, side=10_000.0)
    cost = cdist(xy, sites)
    fixed = np.array([0], dtype=np.int64)
    spopt_model = PMedian.from_cost_matrix(
        cost, weights, p_facilities=4 + fixed.size, predefined_facilities_arr=fixed
    )
    spopt_model.solve(_cbc())
    theirs = pulp.value(spopt_model.problem.objective)
    problem = Problem(
        weights=weights,
        reach=coverage.within_radius(xy, sites, 1_000.0),
        fixed=fixed,
        p=4,
        cost=coverage.nearest_k(xy, sites, sites.shape[0]),
    )
    ours = solve(problem, Model.P_MEDIAN, EXACT)
    assert ours.optimal
    assert ours.objective == pytest.approx(theirs, rel=1e-6)
