"""Services publish what happened; listeners hear of it only after the commit."""

from __future__ import annotations

import pytest
from django.db import transaction

from publicoffice.core.domain_events import DomainEvent


@pytest.mark.django_db(transaction=True)
def test_listeners_hear_after_commit_and_never_of_a_rollback():
    happened = DomainEvent("test.happened")
    heard: list[int] = []
    happened.subscribe(lambda *, number: heard.append(number))

    with transaction.atomic():
        happened.publish(number=1)
        assert heard == []  # not yet: the change could still be rolled back
    assert heard == [1]

    with pytest.raises(RuntimeError), transaction.atomic():
        happened.publish(number=2)
        raise RuntimeError("rolled back")
    assert heard == [1]


@pytest.mark.django_db(transaction=True)
def test_subscribing_twice_is_once_and_every_listener_hears():
    happened = DomainEvent("test.twice")
    first: list[str] = []
    second: list[str] = []

    def listen(*, what: str) -> None:
        first.append(what)

    happened.subscribe(listen)
    happened.subscribe(listen)
    happened.subscribe(lambda *, what: second.append(what))
    happened.publish(what="booked")
    assert first == ["booked"]
    assert second == ["booked"]
    assert repr(happened) == "DomainEvent('test.twice')"
