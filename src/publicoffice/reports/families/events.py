"""The events family: events held or cancelled, registrations, attendance.

Every figure is counted on the local day the event starts, at its office.
*Held* is an event scheduled or moved (to this day), *cancelled* one
cancelled; a postponed event waits for its new time and is neither (moved
to a new time, it counts as held on the new day). An event counts as held
on its day whether or not that day has come: a day's figure becomes final
once its events are over, since an event that has ended can no longer be
cancelled or moved. Events hidden by the moderators still count: hiding
takes their words out of sight, it does not undo the event.

Registrations are counted in their final state (with a seat, still on the
waitlist, cancelled) at events of any status, from the statistics rows
that keep no person.

Attendance is what the hosts recorded on an event once it started:
``events.attendance`` sums the people counted and ``events.with_attendance``
counts the events with a count, so a reader can tell "few came" from "few
were counted" (an average per counted event is one divided by the other).
Events without a count, and cancelled or postponed ones, add nothing; a day
without any count has no row (a missing row is a zero).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date

from publicoffice.events import report_selectors
from publicoffice.events.models import EventStatus
from publicoffice.places.facts import Family
from publicoffice.reports.families import Row, register_family
from publicoffice.reports.metrics import EventHeld

#: What each status means for the count; a postponed event is not counted.
HELD: dict[str, str] = {
    EventStatus.SCHEDULED: EventHeld.HELD,
    EventStatus.MOVED: EventHeld.HELD,
    EventStatus.CANCELLED: EventHeld.CANCELLED,
}


def compute(office_ids: Sequence[int] | None, start: date, end: date) -> Iterator[Row]:
    sums: Counter[tuple[int, date, str, str]] = Counter()
    for office_id, day, status, count in report_selectors.event_counts_by_status(
        office_ids, start, end
    ):
        if status in HELD:
            sums[(office_id, day, "events.count", HELD[status])] += count
    for office_id, day, state, count in report_selectors.registration_counts(
        office_ids, start, end
    ):
        sums[(office_id, day, "events.registrations", state)] += count
    for office_id, day, events, people in report_selectors.attendance_by_day(
        office_ids, start, end
    ):
        sums[(office_id, day, "events.attendance", "")] += people
        sums[(office_id, day, "events.with_attendance", "")] += events
    for (office_id, day, metric, key), value in sorted(sums.items()):
        if value:  # an event where nobody came adds a counted event, not a row of 0 people
            yield Row(office_id, day, metric, key, value)


register_family(Family.EVENTS, compute)
