"""The host's desk says so when e-mails wait: the worker is stuck and nobody else sees it."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import ngettext
from django_tasks_db.models import DBTaskResult, get_date_max

SINGULAR = (
    "E-mails are waiting to be sent: the oldest for %(minutes)s minute. "
    "Tell the service's administrator."
)
PLURAL = (
    "E-mails are waiting to be sent: the oldest for %(minutes)s minutes. "
    "Tell the service's administrator."
)


def waiting_since(minutes: int) -> None:
    """An e-mail task queued ``minutes`` ago that no worker has taken."""
    row = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="publicoffice.bookings.tasks.send_waitlist_offer",
        backend_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=row.pk).update(
        enqueued_at=timezone.now() - timedelta(minutes=minutes)
    )


def warning(language: str, minutes: int) -> str:
    with translation.override(language):
        return ngettext(SINGULAR, PLURAL, minutes) % {"minutes": minutes}


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_the_desk_warns_when_the_queue_is_late(client, office, host, morning, language):
    waiting_since(25)
    client.force_login(host)
    response = client.get(f"/{language}/host/{office.slug}/")
    assert response.status_code == 200
    assert response.context["queue_late_minutes"] == 25
    assert warning(language, 25) in html.unescape(response.content.decode())


def test_no_warning_while_the_queue_keeps_up(client, office, host, morning):
    waiting_since(4)
    client.force_login(host)
    response = client.get(f"/sv/host/{office.slug}/")
    assert response.context["queue_late_minutes"] is None
    assert 'id="queue-late"' not in response.content.decode()
