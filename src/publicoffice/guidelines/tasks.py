"""Background task of the guidelines app (django-tasks, run by ``publicoffice db_worker``).

The argument is the report's id: the task loads it when it runs.
:func:`queue_accessibility_report` listens to
:data:`publicoffice.guidelines.happenings.accessibility_reported`
(subscribed in :class:`~publicoffice.guidelines.apps.GuidelinesConfig`).
"""

from __future__ import annotations

import logging

from django_tasks import task

from publicoffice.guidelines import notifications

logger = logging.getLogger(__name__)


@task()
def send_accessibility_report(*, report_id: int) -> str:
    """E-mail an accessibility report to the platform admins."""
    return notifications.send_accessibility_report(report_id=report_id)


def queue_accessibility_report(*, report_id: int) -> None:
    """Listens to ``accessibility_reported``.

    A failure to queue is logged and swallowed: the report is saved and the
    platform admins find it in the staff admin either way.
    """
    try:
        send_accessibility_report.enqueue(report_id=report_id)
    except Exception:
        logger.exception("Could not queue the e-mail for accessibility report %s", report_id)
