"""Writes to events and registrations (one transaction each).

The public names live here; the package is split by subject:
:mod:`.events` (create, update, status), :mod:`.registrations`
(seats, the waitlist, reminders), :mod:`.attendance` (how many came) and
:mod:`.rooms` (the room, through the booking service).
"""

from publicoffice.events.services.attendance import event_record_attendance
from publicoffice.events.services.events import (
    event_create,
    event_set_status,
    event_update,
)
from publicoffice.events.services.registrations import (
    promote_waiting,
    registration_cancel,
    registration_create,
    send_event_reminders,
)

__all__ = [
    "event_create",
    "event_record_attendance",
    "event_set_status",
    "event_update",
    "promote_waiting",
    "registration_cancel",
    "registration_create",
    "send_event_reminders",
]
