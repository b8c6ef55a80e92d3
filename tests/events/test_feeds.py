"""The public calendar feeds: per office and for the network."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from publicoffice.events.models import Event, EventStatus
from publicoffice.events.services import event_create, event_set_status
from tests.events.conftest import at


def summaries(response) -> list[str]:
    return [str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]


@pytest.fixture
def office_feed_url(office):
    return reverse("events_office_feed", kwargs={"slug": office.slug})


def test_the_feeds_have_plain_addresses():
    assert reverse("events_network_feed") == "/events/network.ics"
    assert reverse("events_office_feed", kwargs={"slug": "ronna"}) == "/events/offices/ronna.ics"


def test_an_office_feed_is_a_public_cacheable_calendar(client, frozen, event, office_feed_url):
    response = client.get(office_feed_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "public" in response["Cache-Control"] and "max-age=900" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
    assert response["ETag"]
    calendar = Calendar.from_ical(response.content)
    assert "Ronna kontor" in str(calendar["x-wr-calname"])
    assert summaries(response) == ["Språkcafé"]


def test_an_unchanged_feed_costs_a_304(client, frozen, event, office_feed_url, host):
    first = client.get(office_feed_url)
    again = client.get(office_feed_url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    event_set_status(event=event, actor=host, status=EventStatus.CANCELLED)
    changed = client.get(office_feed_url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200


def test_only_the_offices_events_recent_and_coming(
    client,
    frozen,
    office,
    host,
    other_office,
    other_host,
    office_feed_url,
):
    def make(title, day, where=office, who=host):
        return event_create(
            office=where, actor=who, title=title, starts_at=at(day, 10), ends_at=at(day, 11)
        )

    make("Nästa vecka", 7)
    old = make("För länge sedan", 1)
    recent = make("Nyss", 2)
    make("Annat kontor", 3, other_office, other_host)
    # Move the clock: "För länge sedan" ended 31 days ago, "Nyss" 29 days ago.
    Event.objects.filter(pk=old.pk).update(starts_at=at(-31, 10), ends_at=at(-31, 11))
    Event.objects.filter(pk=recent.pk).update(starts_at=at(-29, 10), ends_at=at(-29, 11))

    assert summaries(client.get(office_feed_url)) == ["Nyss", "Nästa vecka"]
    network = summaries(client.get(reverse("events_network_feed")))
    assert network == ["Nyss", "Annat kontor", "Nästa vecka"]


def test_a_cancelled_event_stays_in_the_feed_marked_cancelled(
    client, frozen, event, host, office_feed_url
):
    event_set_status(event=event, actor=host, status=EventStatus.CANCELLED)
    vevent = Calendar.from_ical(client.get(office_feed_url).content).walk("VEVENT")[0]
    assert str(vevent["status"]) == "CANCELLED"
    assert vevent["sequence"] == 1


def test_the_language_is_chosen_in_the_address(client, frozen, event, office_feed_url):
    arabic = Calendar.from_ical(client.get(office_feed_url, {"lang": "ar"}).content)
    assert "/ar/events/" in str(arabic.walk("VEVENT")[0]["url"])
    default = Calendar.from_ical(client.get(office_feed_url, {"lang": "klingon"}).content)
    assert "/sv/events/" in str(default.walk("VEVENT")[0]["url"])
    # Accept-Language does not change the text behind one address.
    header = client.get(office_feed_url, HTTP_ACCEPT_LANGUAGE="ar")
    assert "/sv/events/" in header.content.decode()


def test_unknown_and_closed_offices_have_no_feed(client, frozen, office, office_feed_url):
    assert client.get("/events/offices/nowhere.ics").status_code == 404
    assert client.get("/events/offices/%3Cscript%3E.ics").status_code == 404
    office.status = "closed"
    office.save()
    assert client.get(office_feed_url).status_code == 404


def test_feeds_are_read_only(client, frozen, office_feed_url, office):
    assert client.post(office_feed_url).status_code == 405
    assert client.post(reverse("events_network_feed")).status_code == 405


def test_a_feed_costs_the_same_queries_for_one_event_or_twenty(
    client, frozen, office, host, arabic, swedish, office_feed_url, django_assert_num_queries
):
    def make(count):
        for index in range(count):
            start = at(7 + index % 5, 9) + timedelta(minutes=30 * (index // 5))
            event_create(
                office=office,
                actor=host,
                title=f"Träff {index}",
                starts_at=start,
                ends_at=start + timedelta(minutes=30),
                languages=[arabic, swedish],
            )

    make(1)
    # The office, the feed's version (its ETag), the events, their languages.
    with django_assert_num_queries(4):
        assert len(summaries(client.get(office_feed_url))) == 1
    make(19)
    with django_assert_num_queries(4):
        first = client.get(office_feed_url)
        assert len(summaries(first)) == 20
    with django_assert_num_queries(3):
        network = client.get(reverse("events_network_feed"))
    # Unchanged: the office and the version, nothing rendered.
    with django_assert_num_queries(2):
        again = client.get(office_feed_url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    with django_assert_num_queries(1):
        again = client.get(reverse("events_network_feed"), HTTP_IF_NONE_MATCH=network["ETag"])
    assert again.status_code == 304


def test_the_feed_etag_follows_what_the_calendar_shows(
    client, frozen, event, office, host, office_feed_url
):
    etag = client.get(office_feed_url)["ETag"]
    # Another language is another body.
    assert client.get(office_feed_url, {"lang": "ar"})["ETag"] != etag
    # The office's name is the calendar's name and part of each location
    # (its updated_at tells; the frozen clock moves a second, as a real one would).
    frozen.shift(1)
    office.name = "Ronna kontor, nya lokalen"
    office.save()
    renamed = client.get(office_feed_url, HTTP_IF_NONE_MATCH=etag)
    assert renamed.status_code == 200
    # An event leaving the window (it ended long ago) is a change too.
    Event.objects.filter(pk=event.pk).update(starts_at=at(-40, 10), ends_at=at(-40, 11))
    gone = client.get(office_feed_url, HTTP_IF_NONE_MATCH=renamed["ETag"])
    assert gone.status_code == 200
    assert summaries(gone) == []


def test_a_gzipped_feed_still_answers_304(client, frozen, event, office_feed_url):
    first = client.get(office_feed_url, HTTP_ACCEPT_ENCODING="gzip")
    if first.get("Content-Encoding") == "gzip":  # a tiny feed may not be worth compressing
        assert first["ETag"].startswith('W/"')
    again = client.get(
        office_feed_url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert again.status_code == 304
