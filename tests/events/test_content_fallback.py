"""Event texts not written in the page's language are marked with their own."""

from __future__ import annotations

from django.test import Client
from django.utils import translation

from publicoffice.core.content_language import in_language_note, not_translated_note
from tests.events.test_pages_public import make_event


def test_a_swedish_event_on_a_somali_page_says_it_is_in_swedish(
    client: Client, office, host, frozen
):
    with translation.override("sv"):
        event = make_event(
            office, host, day=1, hour=12, title="Läxhjälp <b>", description="Vi hjälper till."
        )
    with translation.override("so"):
        after, before = in_language_note("sv"), not_translated_note("sv")
    title = '<span lang="sv" dir="auto">Läxhjälp &lt;b&gt;</span>'
    listed = client.get("/so/events/").content.decode()
    assert f'{title} <small class="content-fallback">{after}</small></a>' in listed
    html = client.get(f"/so/events/{event.public_id}/").content.decode()
    assert (
        f'<h1 id="event-title">{title} <small class="content-fallback">{after}</small></h1>' in html
    )
    assert (
        f'<p class="meta content-fallback-note">{before}</p>'
        '<div lang="sv" dir="auto"><p>Vi hjälper till.</p></div>'
    ) in html
    assert "<b>" not in html.split("<main", 1)[1]


def test_the_same_event_on_a_swedish_page_is_not_marked(client: Client, office, host, frozen):
    with translation.override("sv"):
        event = make_event(office, host, day=1, hour=12, title="Läxhjälp")
    html = client.get(f"/sv/events/{event.public_id}/").content.decode()
    assert '<h1 id="event-title"><span dir="auto">Läxhjälp</span></h1>' in html
    assert "content-fallback" not in html
