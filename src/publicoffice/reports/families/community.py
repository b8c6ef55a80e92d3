"""The meeting-place family: new profiles and contact requests, per office.

A profile counts once, at its report office (its home office with the
lowest id, so an operator's or the network's sum counts it once), on the
local day it was created, by kind; only profiles that still exist count,
and a profile with no home office is in no office's figures. A contact
request counts at the report office of the profile it was sent to, on the
local day it was sent, by its outcome now. See
:mod:`publicoffice.community.selectors.report`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from publicoffice.community.selectors import report as community_report
from publicoffice.places.facts import Family
from publicoffice.reports.families import Row, register_family


def compute(office_ids: Sequence[int] | None, start: date, end: date) -> Iterator[Row]:
    for office_id, day, kind, count in community_report.profile_counts(office_ids, start, end):
        yield Row(office_id, day, "community.profiles", kind, count)
    for office_id, day, outcome, count in community_report.contact_request_counts(
        office_ids, start, end
    ):
        yield Row(office_id, day, "community.contact_requests", outcome, count)


register_family(Family.COMMUNITY, compute)
