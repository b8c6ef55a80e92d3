"""One entry for the three models: :func:`solve` picks the method and keeps the time limit."""

from __future__ import annotations

import numpy as np

from publicoffice.planning.solver import capacity, maxcover, pmedian, setcover
from publicoffice.planning.solver.types import Answer, Limits, Model, Problem, Progress, ShouldStop


def capacitated(problem: Problem) -> bool:
    """True when some site can serve only a limited weight."""
    return problem.capacity is not None and bool(np.isfinite(problem.capacity).any())


def solve(
    problem: Problem,
    model: Model,
    limits: Limits | None = None,
    *,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> Answer:
    """The best answer found within ``limits``, with its certified bound and gap."""
    limits = limits or Limits()
    if capacitated(problem):
        return capacity.solve_capacitated(
            problem, model, limits, progress=progress, should_stop=should_stop
        )
    if model == Model.P_MEDIAN:
        return pmedian.solve_pmedian(problem, limits, progress=progress, should_stop=should_stop)
    if model == Model.SET_COVER:
        return setcover.solve_setcover(problem, limits, progress=progress, should_stop=should_stop)
    return maxcover.solve_maxcover(problem, limits, progress=progress, should_stop=should_stop)
