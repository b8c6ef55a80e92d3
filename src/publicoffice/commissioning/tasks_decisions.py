"""Background tasks of deciding (django-tasks): the applicants' e-mails, after the commit.

:func:`queue_decision` listens to
:data:`publicoffice.commissioning.services.decisions.decided` (subscribed in
:class:`~publicoffice.commissioning.apps.CommissioningConfig`). A failure to
queue is logged and swallowed: the decision stands and is published either way.
"""

from __future__ import annotations

import logging

from django_tasks import task

from publicoffice.commissioning import notifications_decisions as notifications
from publicoffice.commissioning import tasks_calls
from publicoffice.commissioning.services import decisions

logger = logging.getLogger(__name__)


@task()
def send_decision(*, decision_id: int) -> str:
    return notifications.send_decision(decision_id=decision_id)


def queue_decision(*, decision_id: int, call_id: int, call_decided: bool) -> None:
    """Tell the applicants; when the call's last application is decided, its followers too."""
    try:
        send_decision.enqueue(decision_id=decision_id)
    except Exception:
        logger.exception("Could not queue the e-mails of decision %s", decision_id)
    if call_decided:
        tasks_calls.queue_call_news(call_id, "decided")


def subscribe() -> None:
    """Listen to the decisions (called once from the app's ``ready()``)."""
    decisions.decided.subscribe(queue_decision)
