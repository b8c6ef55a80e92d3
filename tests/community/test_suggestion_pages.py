"""The "who to meet" page and "Don't suggest again" over HTTP."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from publicoffice.community.models import HiddenSuggestion
from tests.factories import UserFactory

PAGE = "community:suggestions"


def hide_url(profile: Any) -> str:
    return reverse("community:suggestion_hide", kwargs={"public_id": profile.public_id})


def logged_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def bookkeeper(make_profile, other_member):
    return make_profile(
        other_member,
        "Johans <Bokföring>",
        kind="business",
        offers=["bokföring"],
        contact_email="johan.kontakt@example.org",
    )


@pytest.fixture
def amina_looks(make_profile, member):
    return make_profile(member, "Amina", needs=["محاسبة"])


def test_anonymous_visitors_are_sent_to_log_in(client, bookkeeper):
    for response in (client.get(reverse(PAGE)), client.post(hide_url(bookkeeper))):
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    assert HiddenSuggestion.objects.count() == 0


def test_suggestions_with_reasons_and_buttons(member, amina_looks, bookkeeper):
    response = logged_in(member).get(reverse(PAGE))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Johans &lt;Bokföring&gt;" in html
    assert "<Bokföring>" not in html
    assert 'class="reasons"' in html
    assert f'action="{hide_url(bookkeeper)}"' in html
    contact = reverse("community:contact_new", kwargs={"public_id": bookkeeper.public_id})
    assert f'href="{contact}"' in html
    assert 'aria-current="page"' in html
    assert "johan.kontakt@example.org" not in html
    assert "johan@example.org" not in html


def test_reasons_in_arabic(member, amina_looks, bookkeeper):
    html = logged_in(member).get(reverse(PAGE).replace("/sv/", "/ar/", 1)).content.decode()
    assert 'dir="rtl"' in html
    assert "مسك الدفاتر" in html  # the vocabulary's Arabic name for bookkeeping


def test_without_a_profile_the_page_says_how_to_get_suggestions(member, bookkeeper):
    html = logged_in(member).get(reverse(PAGE)).content.decode()
    assert f'href="{reverse("community:profile_create")}"' in html
    assert 'class="reasons"' not in html


def test_with_a_profile_but_nothing_in_common(make_profile, member, bookkeeper):
    make_profile(member, "Amina", needs=["webbdesign"])
    html = logged_in(member).get(reverse(PAGE)).content.decode()
    assert 'class="reasons"' not in html
    assert f'href="{reverse("community:profile_create")}"' not in html


def test_dont_suggest_again(member, amina_looks, bookkeeper):
    client = logged_in(member)
    response = client.post(hide_url(bookkeeper))

    assert response.status_code == 302
    assert response["Location"] == reverse(PAGE)
    html = client.get(reverse(PAGE)).content.decode()
    assert "Johans &lt;Bokföring&gt;" in html  # in the success message only
    assert f'action="{hide_url(bookkeeper)}"' not in html
    assert HiddenSuggestion.objects.filter(member=member, profile=bookkeeper).exists()


def test_hiding_is_per_member(make_profile, member, third_member, amina_looks, bookkeeper):
    make_profile(third_member, "Samira", needs=["accounting"])
    logged_in(member).post(hide_url(bookkeeper))

    html = logged_in(third_member).get(reverse(PAGE)).content.decode()
    assert f'action="{hide_url(bookkeeper)}"' in html


def test_a_profile_you_cannot_see_is_404(make_profile, member, other_member):
    hidden = make_profile(other_member, "Dold", visibility="hidden")
    client = logged_in(member)
    assert client.post(hide_url(hidden)).status_code == 404
    unknown = reverse(
        "community:suggestion_hide", kwargs={"public_id": "00000000-0000-0000-0000-000000000000"}
    )
    assert client.post(unknown).status_code == 404
    assert HiddenSuggestion.objects.count() == 0


def test_get_and_missing_csrf_change_nothing(member, bookkeeper):
    assert logged_in(member).get(hide_url(bookkeeper)).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    assert strict.post(hide_url(bookkeeper)).status_code == 403
    assert HiddenSuggestion.objects.count() == 0


def test_queries_do_not_grow(make_profile, member, amina_looks, django_assert_max_num_queries):
    def add(count: int) -> None:
        for index in range(count):
            make_profile(UserFactory(), f"Bokförare {index}", offers=["bookkeeping"])

    client = logged_in(member)
    add(2)
    with django_assert_max_num_queries(16) as few:
        assert client.get(reverse(PAGE)).status_code == 200
    add(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(reverse(PAGE)).content.decode()
    assert html.count('class="reasons"') == 12
