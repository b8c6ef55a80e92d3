"""How many anonymous check-ins one network address may make at one door.

Anyone who drops the device cookie looks like a new phone, so the per-phone
limits in the service do not stop a script. What does is the network
address: each poster token (one office, one day) counts check-ins per
client in the cache, through :func:`publicoffice.core.ratelimit.count_one`, which
keeps only a hash of the address mixed with the secret key, for the length
of the window. No address reaches the database or the logs.

A real door is generous: everyone on the office's Wi-Fi shares one address,
so twenty people arriving for an event within five minutes through it are
a queue, not a flood. Beyond that the check-ins are still counted but marked
``suspect`` for the host, who can void them; beyond twice that they are
refused with a message that sends the visitor to the staff.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.ratelimit import client_key, count_one
from publicoffice.places.models import Office

#: Check-ins from one address within :data:`BURST_WINDOW` that a real queue
#: at the door sends (an event's guests on the office Wi-Fi).
QUEUE = 20
#: Seconds of the short window: five minutes.
BURST_WINDOW = 5 * 60
#: Seconds of the long window: the token's day.
DAY_WINDOW = 24 * 60 * 60
#: How many times the normal number is refused beyond.
HARD_FACTOR = 2


@dataclass(frozen=True)
class DoorBounds:
    """Per address: normal up to ``*_normal``, suspect above, refused above ``*_limit``."""

    burst_normal: int
    burst_limit: int
    day_normal: int
    day_limit: int


def bounds_for(office: Office) -> DoorBounds:
    """The bounds at an office's door; a day's normal is the office's capacity.

    An address that checks in more people in a day than the office has places
    (and at least a queue's worth) is suspect; twice that is refused.
    """
    day_normal = max(QUEUE, office.capacity)
    return DoorBounds(
        burst_normal=QUEUE,
        burst_limit=HARD_FACTOR * QUEUE,
        day_normal=day_normal,
        day_limit=HARD_FACTOR * day_normal,
    )


def count_at_door(request: HttpRequest, office: Office, day: date) -> bool:
    """Count one anonymous check-in of this client; True if it looks like a flood.

    Refuses with ``too_many_check_ins`` beyond the hard bounds, before
    anything is stored. Refused attempts keep counting, so a script stays
    refused until its window is over.
    """
    bounds = bounds_for(office)
    scope = f"checkin-door:{office.pk}:{day.isoformat()}"
    # One counter per window, held to both of its bounds: refused attempts
    # count too, so an address that was refused turns suspect no later than
    # it would with counters of its own for the normal bounds.
    burst = count_one(client_key(request, f"{scope}:burst", BURST_WINDOW), window=BURST_WINDOW)
    daily = count_one(client_key(request, f"{scope}:day", DAY_WINDOW), window=DAY_WINDOW)
    if burst > bounds.burst_limit or daily > bounds.day_limit:
        raise DomainError(
            ErrorCode.TOO_MANY_CHECK_INS,
            _(
                "Very many check-ins came from this network just now, so this one was "
                "not counted. Please ask the staff to count you."
            ),
        )
    return burst > bounds.burst_normal or daily > bounds.day_normal
