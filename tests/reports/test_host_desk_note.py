"""The host's "arrivals by hour today" are exact: the desk says they are not for publication."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests.dialogue.factories import host_of

NOTE = (
    "Exact figures for staff, not for publication: small counts can point at a person. "
    "Published figures hide counts of 1 to 4."
)


def test_the_desk_marks_its_hourly_counts_as_not_for_publication(client, network):
    client.force_login(host_of(network["ronna"]))
    response = client.get(reverse("visits:desk", kwargs={"slug": "ronna"}))
    assert response.status_code == 200
    with translation.override("sv"):
        assert gettext(NOTE) in response.content.decode()
