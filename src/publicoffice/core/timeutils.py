"""Time helpers. Naive datetimes are a bug: everything here is aware."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone


def local_zone() -> tzinfo:
    """The zone the network lives in (``Europe/Stockholm`` by default)."""
    return ZoneInfo(settings.TIME_ZONE)


def ensure_aware(value: datetime) -> datetime:
    """Refuse naive datetimes loudly instead of guessing their zone."""
    if timezone.is_naive(value):
        raise ValueError("naive datetime given where an aware one is required")
    return value


def to_utc(moment: datetime) -> datetime:
    """``moment`` in UTC, so arithmetic and comparisons are in real time."""
    return ensure_aware(moment).astimezone(UTC)


def acting_now(at: datetime | None = None) -> datetime:
    """The moment a service acts at, in UTC: ``at`` when a caller fixes it, else now."""
    return to_utc(at) if at is not None else timezone.now()


def skipped_wall_clock(day: date, wall: time) -> tuple[time, time] | None:
    """The jump of the wall clock that skips ``wall`` on ``day``, or ``None``.

    On the spring night Stockholm's clocks go from 02:00 straight to 03:00:
    02:30 names no moment, and Python would quietly read it with the winter
    offset (03:30 summer time). Those who parse a wall-clock time ask here
    first and refuse it, rather than book an hour nobody chose. The answer is
    the wall times the clock jumps from and to, for the message.
    """
    zone = local_zone()
    if _exists(datetime.combine(day, wall), zone):
        return None
    naive = datetime.combine(day, wall)
    before = naive.replace(tzinfo=zone).utcoffset()
    after = naive.replace(tzinfo=zone, fold=1).utcoffset()
    assert before is not None and after is not None
    jump = abs(after - before)
    start = naive.replace(second=0, microsecond=0)
    # A jump is at most a day long (Samoa, 2011), and zones jump on the minute.
    for _ in range(24 * 60):
        earlier = start - timedelta(minutes=1)
        if _exists(earlier, zone):
            break
        start = earlier
    return start.time(), (start + jump).time()


def wall_clock_exists(moment: datetime) -> bool:
    """Whether an aware datetime's wall-clock reading happens in its own zone.

    A fixed offset (``+01:00``, from ISO 8601) always names a real moment;
    a zone (``ZoneInfo``) given a skipped reading does not.
    """
    if not isinstance(moment.tzinfo, ZoneInfo):
        return True
    return _exists(moment.replace(tzinfo=None), moment.tzinfo)


def _exists(naive: datetime, zone: tzinfo) -> bool:
    there_and_back = naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)
    return there_and_back.replace(tzinfo=None) == naive


def local_days_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The moments of the local days ``start`` to ``end``, as a half-open range [first, last)."""
    zone = local_zone()
    return (
        datetime.combine(start, time(0), tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time(0), tzinfo=zone),
    )
