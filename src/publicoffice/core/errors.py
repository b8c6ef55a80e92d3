"""One exception type for every domain error, and one registry of their codes.

Services raise :class:`DomainError` with a member of :class:`ErrorCode`; the
web views (:mod:`publicoffice.core.web_errors`) and the API
(:mod:`publicoffice.api.api`) map it to a response in one place each. The
registry (:data:`ERRORS`) gives every code its HTTP status and a default
translated message, so the same code can never mean 400 in one place and 422
in another. The ``code`` is machine-readable and never translated, so clients
and tests can rely on it; ``message`` is translated for people and may be
more specific than the default.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise

from publicoffice.core.error_codes import ErrorCode
from publicoffice.core.error_specs import ERRORS, ErrorSpec

__all__ = ["ERRORS", "DomainError", "ErrorCode", "ErrorSpec"]


class DomainError(Exception):
    """A rule of the domain said no.

    ``message`` overrides the registry's default when the raise site knows
    more (a limit, a name); ``details`` are machine-readable extras such as
    the ``field`` a text error is about.
    """

    def __init__(self, code: ErrorCode, message: str | Promise | None = None, **details: Any):
        if not isinstance(code, ErrorCode):
            raise TypeError(f"DomainError takes a member of ErrorCode, not {code!r}")
        status, default = ERRORS[code]
        self.code: ErrorCode = code
        self.status: int = status
        self.message: str | Promise = default if message is None else message
        self.details = details
        super().__init__(str(self.message))

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": str(self.code), "message": str(self.message)}
        if self.details:
            data["details"] = self.details
        return data
