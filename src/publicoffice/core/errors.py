"""One exception type for every domain error, each with a stable code.

Services raise :class:`DomainError`; the web views and the API map it to a
response in one place each. The ``code`` is machine-readable and never
translated, so clients and tests can rely on it; ``message`` is translated
for people.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the domain said no."""

    #: HTTP status to use when nothing more specific applies.
    status = 400

    def __init__(self, code: str, message: Any, *, status: int | None = None, **details: Any):
        super().__init__(str(message))
        self.code = code
        self.message = message
        self.details = details
        if status is not None:
            self.status = status

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "message": str(self.message)}
        if self.details:
            data["details"] = self.details
        return data
