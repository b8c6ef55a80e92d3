"""Background tasks of the review stage (django-tasks, run by ``publicoffice db_worker``).

:func:`subscribe` (called from the app's ``ready()``) makes the services'
happenings queue these e-mails after commit. A failure to queue is logged
and swallowed: what was saved stays saved, and the pages show it.
"""

from __future__ import annotations

import logging
from typing import Any

from django_tasks import task

from publicoffice.commissioning import notifications_reviews as notify
from publicoffice.commissioning.services import info_requests, reviews

logger = logging.getLogger(__name__)


@task()
def send_reviewer_assigned(*, reviewer_id: int) -> str:
    return notify.send_reviewer_assigned(reviewer_id=reviewer_id)


@task()
def send_info_requested(*, info_request_id: int) -> str:
    return notify.send_info_requested(info_request_id=info_request_id)


@task()
def send_info_answered(*, info_request_id: int) -> str:
    return notify.send_info_answered(info_request_id=info_request_id)


def _queue(job: Any, **payload: Any) -> None:
    try:
        job.enqueue(**payload)
    except Exception:
        logger.exception("Could not queue %s with %s", job, payload)


def queue_reviewer_assigned(*, reviewer_id: int) -> None:
    _queue(send_reviewer_assigned, reviewer_id=reviewer_id)


def queue_info_requested(*, info_request_id: int) -> None:
    _queue(send_info_requested, info_request_id=info_request_id)


def queue_info_answered(*, info_request_id: int) -> None:
    _queue(send_info_answered, info_request_id=info_request_id)


def subscribe() -> None:
    """Listen to the review stage's happenings (idempotent)."""
    reviews.reviewer_assigned.subscribe(queue_reviewer_assigned)
    info_requests.info_requested.subscribe(queue_info_requested)
    info_requests.info_answered.subscribe(queue_info_answered)
