"""What happened, told to whoever listens, once the transaction has committed.

Services publish a :class:`DomainEvent` when something happened (a booking
was confirmed, a seat freed up); notifications and tasks subscribe in their
app's ``ready()``. The service then never imports its notifications or
tasks, so the import arrows inside an app point one way: tasks call
services, services publish, notifications listen.

Handlers run after the surrounding transaction commits (at once when there
is none), so nobody is told of a change that was rolled back.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.db import transaction

Handler = Callable[..., Any]


def after_commit(action: Callable[[], Any]) -> None:
    """Run ``action`` once the current transaction commits (now, outside one)."""
    transaction.on_commit(action)


class DomainEvent:
    """One kind of happening, with the handlers that listen to it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._handlers: list[Handler] = []

    def __repr__(self) -> str:
        return f"DomainEvent({self.name!r})"

    def subscribe(self, handler: Handler) -> Handler:
        """Listen from now on (idempotent; usable as a decorator)."""
        if handler not in self._handlers:
            self._handlers.append(handler)
        return handler

    def publish(self, **payload: Any) -> None:
        """Tell every listener, each after the commit, with keyword arguments."""
        for handler in self._handlers:
            after_commit(partial(handler, **payload))
