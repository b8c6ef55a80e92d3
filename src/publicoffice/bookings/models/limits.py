"""Hard limits every booking keeps, whatever its rules say.

Kept in their own module because both the rule model (as validators) and the
booking queries (as index bounds) depend on them.
"""

from __future__ import annotations

from datetime import timedelta

#: No booking lasts longer, even with a staff override, and no buffer is longer
#: than a day. So a booking overlapping a time started at most
#: :data:`LONGEST_HOLD` before it, and overlap queries can use the
#: ``(space, starts_at)`` index instead of reading a space's whole history.
LONGEST_BOOKING = timedelta(days=14)
LONGEST_BUFFER = timedelta(days=1)
LONGEST_HOLD = LONGEST_BOOKING + LONGEST_BUFFER
