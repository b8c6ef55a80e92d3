"""The bookings family: bookings by outcome, time booked, unmet waitlist requests.

Bookings are counted on the local day they start (``BookingStatistic.starts_on``),
by kind of space and outcome as it stands now. Booked time counts the
bookings that held their space: booked, attended and no-shows (a no-show
kept the space from others until its check-in window closed); pending,
cancelled and rejected bookings are not booked time. Unmet waitlist
requests are on the local day of the wanted slot; which entries count is
said in :data:`publicoffice.bookings.report_selectors.UNMET_STATUSES`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date

from publicoffice.bookings.models import Outcome
from publicoffice.bookings.report_selectors import booking_cells, unmet_waitlist_cells
from publicoffice.places.facts import Family
from publicoffice.reports.families import Row, register_family

#: Outcomes whose time counts as booked.
HELD = frozenset({Outcome.BOOKED, Outcome.ATTENDED, Outcome.NO_SHOW})


def compute(office_ids: Sequence[int] | None, start: date, end: date) -> Iterator[Row]:
    totals: dict[tuple[int, date, str, str], int] = defaultdict(int)
    for cell in booking_cells(office_ids=office_ids, start=start, end=end):
        office_day = (cell.office_id, cell.day)
        totals[(*office_day, "bookings.count", f"{cell.space_kind}|{cell.outcome}")] += (
            cell.bookings
        )
        if cell.outcome in HELD:
            totals[(*office_day, "bookings.booked_minutes", cell.space_kind)] += cell.minutes
    for office_id, day, kind, n in unmet_waitlist_cells(
        office_ids=office_ids, start=start, end=end
    ):
        totals[(office_id, day, "bookings.waitlist_unmet", kind)] += n
    for (office_id, day, metric, key), value in sorted(totals.items()):
        if value:
            yield Row(office_id, day, metric, key, value)


register_family(Family.BOOKINGS, compute)
