"""Signals other apps listen to, so visits never imports them.

``member_arrived`` is sent after a member's check-in has been saved (also
when they were already checked in): bookings checks in their due bookings.
"""

from django.dispatch import Signal

#: ``sender=Visit``, with ``office``, ``member`` and ``at``.
member_arrived = Signal()
