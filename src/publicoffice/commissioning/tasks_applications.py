"""Background tasks of applying (django-tasks): the e-mails, queued after the commit.

The arguments are ids: each task loads what it needs when it runs. A failure
to queue is logged and swallowed; what was saved stays saved, and the
application's page shows the same facts.
"""

from __future__ import annotations

import logging

from django_tasks import task

from publicoffice.commissioning import notifications_applications as notifications

logger = logging.getLogger(__name__)


@task()
def send_co_applicant_invited(*, co_applicant_id: int) -> str:
    return notifications.send_co_applicant_invited(co_applicant_id=co_applicant_id)


@task()
def send_receipt(*, application_id: int) -> str:
    return notifications.send_receipt(application_id=application_id)


def queue_co_applicant_invited(*, co_applicant_id: int) -> None:
    try:
        send_co_applicant_invited.enqueue(co_applicant_id=co_applicant_id)
    except Exception:
        logger.exception("Could not queue the invitation of co-applicant %s", co_applicant_id)


def queue_receipt(*, application_id: int) -> None:
    try:
        send_receipt.enqueue(application_id=application_id)
    except Exception:
        logger.exception("Could not queue the receipt of application %s", application_id)
