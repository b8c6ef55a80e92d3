"""Makers and clients for the proposals API tests.

Proposals are made through :func:`proposal_create`, so each has its
statistics row and its ``answer_due`` as in real life. Times are the wall
clock: the services take ``now`` only to place a proposal in the past.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from django.utils import timezone

from publicoffice.accounts.models import ApiToken, User
from publicoffice.accounts.services import api_token_create
from publicoffice.dialogue.models import Kind, Proposal
from publicoffice.dialogue.services.proposals import proposal_create
from publicoffice.places.models import Municipality, Office, Operator
from tests.dialogue.factories import host_of, operator_admin_of, person

__all__ = ["host_of", "operator_admin_of", "person"]


def propose(
    author: User,
    *,
    office: Office | None = None,
    operator: Operator | None = None,
    municipality: Municipality | None = None,
    title: str = "Läxhjälp på lördagar",
    body: str = "Många barn behöver hjälp med läxorna.",
    kind: str = Kind.ACTIVITY,
    now: datetime | None = None,
) -> Proposal:
    return proposal_create(
        author=author,
        kind=kind,
        title=title,
        body=body,
        language="sv",
        office=office,
        operator=operator,
        municipality=municipality,
        now=now,
    )


def token_client(user: User) -> Client:
    """A script's client whose key is in steady use.

    A key's last use is written at most once a minute, so a brand-new key's
    first request costs one UPDATE more than the next ones; marking it used
    now lets the tests compare the query counts of any two requests.
    """
    token, key = api_token_create(user=user, name="test script")
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return Client(headers={"authorization": f"Bearer {key}"})


def session_client(user: User, *, csrf: bool = True) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    if csrf:
        secret = _get_new_csrf_string()
        client.cookies["csrftoken"] = secret
        client.defaults["HTTP_X_CSRFTOKEN"] = secret
    return client


def send(client: Client, method: str, url: str, data: Any = None) -> Any:
    body = "" if data is None else json.dumps(data)
    return getattr(client, method)(url, data=body, content_type="application/json")


def refusal(response: Any) -> tuple[int, str]:
    return response.status_code, response.json()["code"]
