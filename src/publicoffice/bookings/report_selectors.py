"""What the reports read from bookings: booking figures and unmet waitlist requests.

Read from :class:`BookingStatistic` (the figures without the person, kept
when the booking itself is deleted) and from the waitlist, grouped by
office, local day and kind of space in the database: one query each for
any number of offices and days.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate

from publicoffice.bookings.models import BookingStatistic, WaitlistEntry, WaitlistStatus
from publicoffice.core.timeutils import local_zone

#: Waitlist entries never offered a place: still waiting (also once the slot
#: has passed), or withdrawn by the member while still waiting. An entry
#: that was offered the slot (``offered_until`` set) was met, whether the
#: member then booked it, let the offer lapse or declined it.
UNMET_STATUSES = (WaitlistStatus.WAITING, WaitlistStatus.WITHDRAWN)


class BookingCell(NamedTuple):
    office_id: int
    day: date
    space_kind: str
    outcome: str
    bookings: int
    minutes: int


def booking_cells(
    *, office_ids: Sequence[int] | None, start: date, end: date
) -> Iterator[BookingCell]:
    """Bookings per office, day they start on, kind of space and outcome; one query."""
    rows = BookingStatistic.objects.filter(starts_on__range=(start, end))
    if office_ids is not None:
        rows = rows.filter(office_id__in=list(office_ids))
    grouped = (
        rows.order_by()
        .values_list("office_id", "starts_on", "space_kind", "outcome")
        .annotate(n=Count("id"), minutes=Sum("length_minutes"))
    )
    for office_id, day, kind, outcome, n, minutes in grouped.iterator():
        yield BookingCell(office_id, day, kind, outcome, n, minutes or 0)


def unmet_waitlist_cells(
    *, office_ids: Sequence[int] | None, start: date, end: date
) -> Iterator[tuple[int, date, str, int]]:
    """Waitlist entries never offered a place, per office, local day of the slot and kind."""
    zone = local_zone()
    first = datetime.combine(start, time(0), tzinfo=zone)
    last = datetime.combine(end + timedelta(days=1), time(0), tzinfo=zone)
    entries = WaitlistEntry.objects.filter(
        Q(status__in=UNMET_STATUSES),
        offered_until__isnull=True,
        starts_at__gte=first,
        starts_at__lt=last,
    )
    if office_ids is not None:
        entries = entries.filter(space__office_id__in=list(office_ids))
    grouped = (
        entries.order_by()
        .annotate(local_day=TruncDate("starts_at", tzinfo=zone))
        .values_list("space__office_id", "local_day", "space__kind")
        .annotate(n=Count("id"))
    )
    yield from grouped.iterator()
