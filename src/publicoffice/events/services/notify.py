"""Queue e-mails once the transaction has committed: a refused write sends nothing."""

from __future__ import annotations

from functools import partial

from publicoffice.events.models import Event, Registration
from publicoffice.events.services._common import after_commit


def notify_event_later(event: Event, kind: str, *, proposer: bool = False) -> None:
    """Tell everyone registered (or the proposer) what happened to the event."""
    from publicoffice.events import notifications

    if proposer:
        after_commit(partial(notifications.queue_proposer_notice, int(event.pk), kind))
    else:
        after_commit(
            partial(notifications.queue_event_notices, int(event.pk), kind, int(event.sequence))
        )


def notify_registration_later(registration: Registration, kind: str) -> None:
    """Tell one member about their registration (seat, waitlist, promotion...)."""
    from publicoffice.events import notifications

    after_commit(partial(notifications.queue_registration_notice, int(registration.pk), kind))
