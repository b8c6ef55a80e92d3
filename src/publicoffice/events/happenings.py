"""What happens to events and registrations, for whoever listens.

The services publish these once their write is done; the e-mails listen
(:mod:`publicoffice.events.tasks` subscribes in :class:`EventsConfig.ready`),
so the services never import their notifications or tasks. Payloads are
plain ids and words: listeners load what they need when they run.
"""

from __future__ import annotations

from publicoffice.core.domain_events import DomainEvent

#: An event everyone registered should hear about: ``event_id``, ``kind``
#: (cancelled, postponed, moved, scheduled) and the event's ``sequence``.
event_changed = DomainEvent("events.event_changed")

#: One member's registration changed: ``registration_id``, ``kind``
#: (registered, waiting, promoted, cancelled_by_host, reminder).
registration_changed = DomainEvent("events.registration_changed")
