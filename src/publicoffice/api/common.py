"""What every API router shares: the caller, the language, the write limit, times.

The bookings and events routers answer in the same way: a ``lang`` parameter
chooses the language of texts, writes count against one ``API_WRITE_LIMIT``
per member, times must carry their UTC offset, and refusals are
:class:`~publicoffice.core.errors.DomainError` with the same error responses
in the OpenAPI document. Keeping that here means a third router cannot drift.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation

from publicoffice.accounts.actors import Member
from publicoffice.api.schemas import ErrorOut
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.core.ratelimit import hit_for_user

#: How long ``API_WRITE_LIMIT`` writes are counted for, in seconds.
WRITE_WINDOW_SECONDS = 600
#: Ids beyond this cannot exist; refusing them early keeps the database driver calm.
MAX_ID = 2**31 - 1
#: Times outside these cannot be booked; refusing them early avoids overflows.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2999, 12, 31, tzinfo=UTC)

#: What any operation may answer besides its success: a wrong key is 401 on
#: every operation (api.auth.key_checked), a value the schema refuses is 422.
ANY_ERRORS: dict[int, type] = {401: ErrorOut, 422: ErrorOut}
READ_ERRORS: dict[int, type] = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE_ERRORS: dict[int, type] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    # A body over the size the server takes (and a photo over its limit).
    413: ErrorOut,
    422: ErrorOut,
    429: ErrorOut,
}


def write_limit_doc() -> dict[str, Any]:
    """The ``x-rate-limit`` extension of a write operation: the limit :func:`count_write` enforces.

    Read from the settings when the API module is imported, like the rest of
    the OpenAPI document.
    """
    return {
        "x-rate-limit": {
            "limit": int(settings.API_WRITE_LIMIT),
            "window_seconds": WRITE_WINDOW_SECONDS,
            "per": "member",
            "counts": "every write operation of the API together",
            "status": 429,
            "code": ErrorCode.TOO_MANY_REQUESTS.value,
        }
    }


def page_link(request: HttpRequest, page: int) -> str:
    """The full address of another page of the same list, with the same filters."""
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def activate_language(request: HttpRequest, lang: str = "") -> None:
    """Answer in ``lang`` (or ``?lang=``) when it is one of ours; else keep the default."""
    lang = lang or request.GET.get("lang", "")
    if lang in LANGUAGE_CODES:
        translation.activate(lang)


def caller(request: HttpRequest) -> Member:
    """The member :mod:`publicoffice.api.auth` found for this operation.

    Only for operations with ``auth=member_auth``, where ninja has already
    answered 401 to anyone else; without a caller it refuses with
    ``not_authenticated`` rather than pass ``None`` on as a member.
    """
    user = getattr(request, "auth", None)
    if not isinstance(user, Member):
        raise DomainError(ErrorCode.NOT_AUTHENTICATED)
    return user


def not_found() -> DomainError:
    """The refusal for an address that names nothing (raise it)."""
    return DomainError(ErrorCode.NOT_FOUND)


def count_write(user: Member) -> None:
    """Count one write of the member's; past the limit, refuse with 429.

    Keyed by the user's id only (no address), for the length of the window.
    """
    limit = int(settings.API_WRITE_LIMIT)
    if not hit_for_user(user.pk, "api-write", limit=limit, window=WRITE_WINDOW_SECONDS):
        raise DomainError(ErrorCode.TOO_MANY_REQUESTS)


def require_aware(**moments: datetime | None) -> None:
    """Naive times are a bug: refuse them, and times no booking can have."""
    naive = [
        name for name, value in moments.items() if value is not None and value.utcoffset() is None
    ]
    if naive:
        raise DomainError(ErrorCode.NAIVE_DATETIME, fields=naive)
    odd = [
        name
        for name, value in moments.items()
        if value is not None and not EARLIEST <= value <= LATEST
    ]
    if odd:
        raise DomainError(ErrorCode.INVALID_DATETIME, fields=odd)
