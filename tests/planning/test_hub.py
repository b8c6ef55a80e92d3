"""The planning hub: officers see the three steps with their counts; nobody else gets in."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from publicoffice.planning.models import CandidateKind
from publicoffice.planning.selectors.hub import hub_counts
from tests.factories import MunicipalityFactory
from tests.planning.conftest import make_candidate, make_source

pytestmark = pytest.mark.django_db


def test_an_officer_sees_the_steps_and_their_counts(client, world):
    make_source(world)
    make_candidate(world, "Ronna", 0, 0, kind=CandidateKind.EXISTING, office=world.office)
    make_candidate(world, "Hovsjö", 500, 0)
    client.force_login(world.officer)
    response = client.get(reverse("planning:hub"))
    assert response.status_code == 200
    counts = response.context["counts"]
    assert (counts.sources, counts.candidates, counts.scenarios) == (1, 2, 0)
    page = response.content.decode()
    for step in ("planning:demand_list", "planning:candidates", "planning:scenarios"):
        assert reverse(step) in page


def test_counts_stay_within_the_officers_municipality(world):
    make_source(world)
    make_candidate(world, "Hovsjö", 500, 0)
    other = hub_counts(world.other_officer)
    assert (other.sources, other.candidates) == (0, 0)
    everything = hub_counts(world.admin)
    assert (everything.sources, everything.candidates) == (1, 1)


def test_a_stranger_is_refused_and_a_visitor_asked_to_log_in(client, world):
    url = reverse("planning:hub")
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    client.force_login(world.stranger)
    assert client.get(url).status_code == 403


def test_the_hub_takes_few_queries(client, world):
    make_source(world)
    for index in range(5):
        make_candidate(world, f"Plats {index}", index * 100, 0)
    client.force_login(world.officer)
    client.get(reverse("planning:hub"))  # warm caches (session, roles)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("planning:hub"))
    assert len(queries) <= 10


def test_the_commissioning_hub_leads_officers_to_planning(client, world):
    MunicipalityFactory()  # a municipality without officers changes nothing
    client.force_login(world.officer)
    page = client.get(reverse("commissioning:hub")).content.decode()
    assert reverse("planning:hub") in page
    client.force_login(world.stranger)
    page = client.get(reverse("commissioning:hub")).content.decode()
    assert reverse("planning:hub") not in page
