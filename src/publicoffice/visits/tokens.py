"""Signed day tokens for check-in links, and daily device hashes.

A poster's QR code carries ``<date>-<signature>``. Only today's token
counts: a photo of last week's poster, or a link passed around after the
day is over, gets an explanation instead of a visit. The signature is an
HMAC under the project's secret key, so tokens cannot be forged.

Devices are recognised within one day only: the device cookie is a random
value that never reaches the database; what is stored is its HMAC under a
key derived from the date, so the same phone gives unrelated hashes on two
days and visits cannot be linked across days.
"""

from __future__ import annotations

import enum
from datetime import date

from django.utils.crypto import constant_time_compare, salted_hmac

# One device cookie for the whole site: rate limits read it too.
from publicoffice.core.client_address import DEVICE_COOKIE, new_device_id

__all__ = [
    "DEVICE_COOKIE",
    "TokenState",
    "check_day_token",
    "day_token",
    "device_hash",
    "new_device_id",
]


class TokenState(enum.Enum):
    VALID = "valid"
    OLD = "old"
    INVALID = "invalid"


def _signature(office_id: int, day: date) -> str:
    value = f"{office_id}:{day.isoformat()}"
    return salted_hmac("publicoffice.visits.checkin", value, algorithm="sha256").hexdigest()[:20]


def day_token(office_id: int, day: date) -> str:
    """The check-in token of an office for one day."""
    return f"{day:%Y%m%d}-{_signature(office_id, day)}"


def check_day_token(office_id: int, token: str, today: date) -> tuple[TokenState, date | None]:
    """Whether a token is today's, a genuine older one, or not ours at all."""
    day_text, _dash, signature = (token or "").partition("-")
    try:
        day = date(int(day_text[:4]), int(day_text[4:6]), int(day_text[6:8]))
    except ValueError:
        return TokenState.INVALID, None
    if len(day_text) != 8 or not constant_time_compare(signature, _signature(office_id, day)):
        return TokenState.INVALID, None
    if day != today:
        return TokenState.OLD, day
    return TokenState.VALID, day


def device_hash(device_id: str, day: date) -> str:
    """The stored form of a device cookie: unlinkable from one day to the next."""
    salt = f"publicoffice.visits.device.{day.isoformat()}"
    return salted_hmac(salt, device_id, algorithm="sha256").hexdigest()
