"""What happens to bookings and waitlists, told to whoever listens after the commit.

The services publish these (:mod:`publicoffice.core.domain_events`);
:mod:`publicoffice.bookings.notifications` subscribes in
``BookingsConfig.ready()`` and queues the e-mails. The services never import
notifications or tasks, so the arrows point one way: tasks call services,
services publish, notifications listen.

Payloads are plain ids and words, as the handlers run after the commit and
load what they need afresh.
"""

from __future__ import annotations

from publicoffice.core.domain_events import DomainEvent

#: A booking was made: ``booking_id``, ``pending`` (True when it waits for approval),
#: ``member`` (False for a visitor without an account), and its ``sequence`` and
#: ``starts_at`` as committed, so the e-mail is queued without reading it back.
booking_created = DomainEvent("bookings.booking_created")
#: A booking's time, size or purpose changed: ``booking_id``.
booking_changed = DomainEvent("bookings.booking_changed")
#: A booking was cancelled: ``booking_id``.
booking_cancelled = DomainEvent("bookings.booking_cancelled")
#: Staff decided a pending booking: ``booking_id``, ``approved``.
booking_decided = DomainEvent("bookings.booking_decided")
#: Freed time was offered to a waiting member: ``entry_id``.
waitlist_offer_made = DomainEvent("bookings.waitlist_offer_made")
