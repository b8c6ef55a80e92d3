"""What happens to invitations that others may want to hear of.

The e-mail is sent by the handler ``ready()`` subscribes, after the
transaction commits. It runs in the same process, never through the task
queue: the payload carries the link's token, which must not be stored.
"""

from __future__ import annotations

from publicoffice.core.domain_events import DomainEvent

#: An invitation was made: ``invitation_id`` and the ``token`` for its link.
invitation_created = DomainEvent("staff.invitation_created")
