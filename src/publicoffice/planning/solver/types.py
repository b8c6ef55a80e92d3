"""The solver's contract: a problem in, an answer with its certified bound out.

Indices, not database ids: demand point ``i`` is row ``i`` of the matrices,
candidate site ``j`` is column ``j``. The services keep the mapping back to
cells and candidates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import numpy.typing as npt
from scipy import sparse

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: Called now and then with the share done (0–1) and a short stage name.
Progress = Callable[[float, str], None]
#: Called now and then; True asks the solver to stop and return what it has.
ShouldStop = Callable[[], bool]


class Model(StrEnum):
    """The three questions (the values match ``planning.models.PlanningModel``)."""

    MAX_COVER = "max_cover"  # choose p new sites, reach the most weighted residents
    P_MEDIAN = "p_median"  # choose p new sites, least total weighted distance
    SET_COVER = "set_cover"  # fewest new sites so that a share of the weight is reached


class StopReason(StrEnum):
    OPTIMAL = "optimal"  # bound meets objective: proven best
    GAP = "gap"  # the proven gap is at or below the target
    TIME = "time"  # the time limit came first
    CANCELLED = "cancelled"  # should_stop said so


@dataclass(frozen=True)
class Problem:
    """One instance.

    ``weights`` (n) are the residents of each demand point, already
    multiplied by group weights. ``reach`` (n × m, CSR, boolean) says which
    sites reach which points (max cover, set cover, and who counts as reached
    under p-median). ``cost`` (n × m, CSR) holds metres or minutes for the
    pairs a p-median may assign; a point with no pair is left out and counted
    as unreachable. ``fixed`` are sites open whatever happens; ``p`` is the
    number of new sites to choose among the rest. ``capacity`` (m; ``inf``
    for none) limits the weight a site may serve. ``share`` (0–1) is the
    share of the total weight set covering must reach.
    """

    weights: FloatArray
    reach: sparse.csr_matrix
    fixed: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    p: int = 1
    cost: sparse.csr_matrix | None = None
    capacity: FloatArray | None = None
    share: float | None = None

    @property
    def n(self) -> int:
        return int(self.weights.shape[0])

    @property
    def m(self) -> int:
        return int(self.reach.shape[1])


@dataclass(frozen=True)
class Limits:
    """When to stop: at a proven relative ``gap`` or after ``seconds``, whichever first."""

    gap: float = 0.01
    seconds: float = 60.0


@dataclass(frozen=True)
class Answer:
    """What a solver found and what it proved.

    ``sites`` are the new sites chosen (column indices, fixed ones not
    repeated). ``objective`` is the value of that choice; ``bound`` is a
    certified bound on the best possible value (an upper bound when
    maximising, a lower bound when minimising). ``gap`` is the proven
    relative gap, ``|bound − objective| / max(|bound|, |objective|)``, 0 when
    proven optimal. ``seconds`` is the wall time of the solve.
    """

    model: Model
    sites: tuple[int, ...]
    objective: float
    bound: float
    gap: float
    seconds: float
    method: str
    stopped: StopReason
    iterations: int = 0

    @property
    def optimal(self) -> bool:
        return self.stopped == StopReason.OPTIMAL


def relative_gap(objective: float, bound: float) -> float:
    """The proven gap between a value and its bound, as a share (0.01 is 1 %)."""
    scale = max(abs(objective), abs(bound))
    if scale == 0:
        return 0.0
    return max(0.0, abs(bound - objective) / scale)
