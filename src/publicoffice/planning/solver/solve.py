"""One entry for the three models: :func:`solve` picks the method and keeps the time limit."""

from __future__ import annotations

from publicoffice.planning.solver.types import Answer, Limits, Model, Problem, Progress, ShouldStop


def solve(
    problem: Problem,
    model: Model,
    limits: Limits | None = None,
    *,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> Answer:
    """The best answer found within ``limits``, with its certified bound and gap."""
    raise NotImplementedError  # written by the solver modules (maxcover, pmedian, setcover)
