"""What happens in the meeting place that others may want to hear of.

Services publish these once the change is made; the handlers run after the
transaction commits (see :mod:`publicoffice.core.domain_events`). The app's
``ready()`` subscribes the e-mail notices, so services never import the
notifications or the task queue.
"""

from __future__ import annotations

from publicoffice.core.domain_events import DomainEvent

#: A contact request was sent: ``request_id``.
contact_request_sent = DomainEvent("community.contact_request_sent")
#: A contact request was accepted: ``request_id``.
contact_request_accepted = DomainEvent("community.contact_request_accepted")
#: A member was made an admin of a profile: ``admin_id`` (the ProfileAdmin row).
profile_admin_added = DomainEvent("community.profile_admin_added")
