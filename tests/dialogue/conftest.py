"""Fixtures for dialogue: an office whose operator promises an answer in 10 days, people.

Services take ``now``, so most tests need no frozen clock; :data:`NOW` is
Wednesday 25 November 2026, 08:00 in Stockholm.
"""

from __future__ import annotations

from typing import Any

import pytest
from django_tasks.signals import task_finished

from publicoffice.dialogue.models import Proposal
from publicoffice.places.models import Office
from tests.dialogue.factories import propose

# The shared people and offices (tests/dialogue/fixtures.py), for every dialogue test.
from tests.dialogue.fixtures import (  # noqa: F401
    author,
    host,
    office,
    other_office,
    stranger,
    supporter,
)

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def proposal(office: Office, author: Any) -> Proposal:  # noqa: F811 (the fixtures by name)
    return propose(author, office=office)


@pytest.fixture
def notices(settings: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any) -> Any:
    """Tasks run at once, after the commit; a failing task fails the test.

    Returns the context manager to wrap around a service call: its
    on-commit callbacks (the published happenings) run at its end.
    """
    settings.TASKS = IMMEDIATE_TASKS
    settings.PUBLIC_BASE_URL = "https://kontor.example"
    failed: list[str] = []

    def remember(sender: Any, task_result: Any, **kwargs: Any) -> None:
        if task_result.errors:
            failed.append(task_result.errors[-1].traceback)

    def committed() -> Any:
        return django_capture_on_commit_callbacks(execute=True)

    task_finished.connect(remember)
    yield committed
    task_finished.disconnect(remember)
    assert not failed, failed[0]
