"""Background tasks of dialogue: the e-mails, and the sweep that publishes and archives.

The ``queue_*`` functions listen to :mod:`publicoffice.dialogue.happenings`
(subscribed in :class:`DialogueConfig.ready`) and run once the services'
transaction has committed. The sweep publishes drafts whose time has come
and archives proposals nobody supported or answered; ``publicoffice
dialogue_sweep --schedule`` queues it once and it then queues its own next run.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django_tasks import task

from publicoffice.core.sweeps import queue_next
from publicoffice.dialogue import happenings, notifications, problem_notifications
from publicoffice.dialogue.services import answers, problems, proposals, to_event, visitors

logger = logging.getLogger(__name__)

#: How often the sweep looks for drafts to publish (answers "published at 09:00").
SWEEP_EVERY = timedelta(minutes=5)


@task()
def send_answer_notices(*, answer_id: int) -> str:
    """E-mail the author, supporters and followers about a published answer."""
    return notifications.send_answer_notices(answer_id=answer_id)


@task()
def send_reworded_notices(*, proposal_id: int, version: int) -> str:
    """E-mail the supporters that the proposal they support was reworded."""
    return notifications.send_reworded_notices(proposal_id=proposal_id, version=version)


@task()
def send_confirmation(*, proposal_id: int) -> str:
    """E-mail a visitor the link that publishes their proposal."""
    return notifications.send_confirmation(proposal_id=proposal_id)


def queue_confirmation(*, proposal_id: int) -> None:
    try:
        send_confirmation.enqueue(proposal_id=proposal_id)
    except Exception:
        logger.exception("Could not queue the confirmation of proposal %s", proposal_id)


@task()
def send_co_host_invitation(*, proposal_id: int) -> str:
    """E-mail the author the invitation to host the event made from their proposal."""
    return notifications.send_co_host_invitation(proposal_id=proposal_id)


def queue_co_host_invitation(*, proposal_id: int) -> None:
    try:
        send_co_host_invitation.enqueue(proposal_id=proposal_id)
    except Exception:
        logger.exception("Could not queue the co-host invitation of proposal %s", proposal_id)


def queue_answer_notices(*, answer_id: int) -> None:
    try:
        send_answer_notices.enqueue(answer_id=answer_id)
    except Exception:
        logger.exception("Could not queue the notices of answer %s", answer_id)


def queue_reworded_notices(*, proposal_id: int, version: int) -> None:
    try:
        send_reworded_notices.enqueue(proposal_id=proposal_id, version=version)
    except Exception:
        logger.exception("Could not queue the rewording notices of proposal %s", proposal_id)


def listen() -> None:
    """Subscribe the e-mails to what the services publish (from ``ready()``)."""
    happenings.answer_published.subscribe(queue_answer_notices)
    happenings.proposal_reworded.subscribe(queue_reworded_notices)
    happenings.visitor_proposal_made.subscribe(queue_confirmation)
    happenings.co_host_invited.subscribe(queue_co_host_invitation)
    problem_notifications.listen()


def schedule_sweep(run_after: datetime | None = None) -> datetime | None:
    """Queue the next sweep (see :func:`publicoffice.core.sweeps.queue_next`)."""
    return queue_next(sweep_dialogue, every=SWEEP_EVERY, run_after=run_after)


@task()
def sweep_dialogue(*, reschedule: bool = True) -> dict[str, int]:
    """Publish due drafts, archive forgotten proposals, close held events, keep privacy.

    Privacy: visitors' proposals never confirmed are deleted, and the
    addresses of visitors and problem reporters are erased once no longer needed.
    """
    try:
        published = answers.publish_due_answers()
        archived = answers.archive_stale()
        held = to_event.close_held_events()
        dropped = visitors.drop_unconfirmed()
        forgotten = visitors.forget_visitor_addresses()
        erased = problems.erase_contact_emails()
        photos_erased = problems.erase_old_photos() + proposals.erase_hidden_photos()
    finally:
        if reschedule:
            schedule_sweep()
    return {
        "answers_published": published,
        "proposals_archived": archived,
        "events_held": held,
        "problem_emails_erased": erased,
        "problem_photos_erased": photos_erased,
        "unconfirmed_dropped": dropped,
        "addresses_forgotten": forgotten,
    }
