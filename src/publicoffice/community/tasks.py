"""Background tasks of the meeting place (django-tasks, run by ``publicoffice db_worker``).

Arguments are plain ids: the task loads the row when it runs, so a request
withdrawn or declined (or an admin removed) in the meantime sends nothing.

The ``queue_*`` functions listen to :mod:`publicoffice.community.happenings`
(subscribed in :class:`~publicoffice.community.apps.CommunityConfig`); they
run after the commit and only put a task in the queue.
"""

from __future__ import annotations

import logging

from django_tasks import task

from publicoffice.community import notifications

logger = logging.getLogger(__name__)


@task()
def send_contact_request_notice(*, request_id: int) -> str:
    """E-mail the recipient profile's admins that a contact request waits for them."""
    return notifications.send_new_request(request_id=request_id)


@task()
def send_contact_accepted_notice(*, request_id: int) -> str:
    """E-mail the sender that their contact request was accepted."""
    return notifications.send_accepted(request_id=request_id)


@task()
def send_profile_admin_notice(*, admin_id: int) -> str:
    """E-mail a member that they were added as an admin of a profile."""
    return notifications.send_admin_added(admin_id=admin_id)


# A failure to queue is logged and swallowed: the change has been saved and
# the member sees it on their page either way.


def queue_contact_request_notice(*, request_id: int) -> None:
    """Listens to ``contact_request_sent``."""
    try:
        send_contact_request_notice.enqueue(request_id=request_id)
    except Exception:
        logger.exception("Could not queue the new notice for contact request %s", request_id)


def queue_contact_accepted_notice(*, request_id: int) -> None:
    """Listens to ``contact_request_accepted``."""
    try:
        send_contact_accepted_notice.enqueue(request_id=request_id)
    except Exception:
        logger.exception("Could not queue the accepted notice for contact request %s", request_id)


def queue_profile_admin_notice(*, admin_id: int) -> None:
    """Listens to ``profile_admin_added``."""
    try:
        send_profile_admin_notice.enqueue(admin_id=admin_id)
    except Exception:
        logger.exception("Could not queue the notice for profile admin %s", admin_id)
