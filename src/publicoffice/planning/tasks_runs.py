"""Background work of the scenarios: running a scenario too large to answer while the page waits.

``services.runs.run_start`` queues :func:`run_scenario` once the run is
committed; the task worker (``publicoffice db_worker``) picks it up. A run
cancelled before the worker reached it is left as it is.
"""

from __future__ import annotations

from django_tasks import task

from publicoffice.planning.services import runs


@task()
def run_scenario(run_id: int) -> None:
    """Solve the run's scenario and keep the answer (see ``services.runs.run_execute``)."""
    runs.run_execute(run_id)
