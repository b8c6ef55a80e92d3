"""``publicoffice worker``: run queued tasks, and keep running through database errors.

The same options as django-tasks-db's ``db_worker`` (which still works), with
the worker of :mod:`publicoffice.core.worker`: a database error ("database
is locked" under a burst of writes on SQLite, a PostgreSQL restart) is
logged, waited out and retried instead of ending the process.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from publicoffice.core.worker import SurvivingWorker

logger = logging.getLogger("publicoffice.worker")


class Command(db_worker.Command):
    help = "Run queued tasks (e-mails, sweeps); database errors are waited out, not fatal."

    def configure_logging(self, verbosity: int) -> None:
        super().configure_logging(verbosity)
        logger.setLevel(db_worker.logger.level)  # the same as the library's
        if not logger.hasHandlers():
            logger.addHandler(logging.StreamHandler(self.stdout))

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        reload = options["reload"]
        if reload and options["batch"]:
            logger.warning("--reload and --batch cannot be specified together; not reloading.")
            reload = False
        queue_names = options["queue_name"].split(",")
        exclude = options["exclude_queues"]
        excluded = exclude.split(",") if exclude else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = SurvivingWorker(
            queue_names=queue_names,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        if not reload:
            worker.configure_signals()
            worker.run()
            return
        if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            worker.configure_signals()  # only the child process that runs tasks
        run_with_reloader(worker.run)
