"""The hub: each person sees the way to what is theirs, with its count."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.commissioning.conftest import assign, make_application, make_call


@pytest.mark.django_db
def test_each_role_sees_its_links_and_counts(client, world):
    call = make_call(world)
    application = make_application(world, call, status="submitted")
    assign(application, world.reviewer, conflict=None)
    url = reverse("commissioning:hub")

    client.force_login(world.officer)
    page = client.get(url).content.decode()
    assert reverse("commissioning:officer_calls") in page
    assert reverse("commissioning:reports_due") in page

    client.force_login(world.reviewer)
    page = client.get(url).content.decode()
    assert reverse("commissioning:my_reviews") in page
    assert reverse("commissioning:officer_calls") not in page

    client.force_login(world.operator_admin)
    page = client.get(url).content.decode()
    assert reverse("commissioning:my_applications") in page
    assert reverse("commissioning:officer_calls") not in page
    assert reverse("commissioning:my_reviews") not in page


@pytest.mark.django_db
def test_the_hub_asks_visitors_to_log_in(client):
    response = client.get(reverse("commissioning:hub"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
