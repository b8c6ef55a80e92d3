"""Marking translated content with the language it is really shown in."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from publicoffice.core.content_language import (
    ShownText,
    block_html,
    fallback_chain,
    fallback_languages,
    in_language_note,
    inline_html,
    not_translated_note,
    shown,
    shown_language,
)
from publicoffice.core.languages import LANGUAGE_CODES
from tests.factories import OfficeFactory


def render(source: str, **context: object) -> str:
    return Template("{% load publicoffice %}" + source).render(Context(context))


def test_fallback_chain_follows_the_settings():
    for code in ("ar", "fa", "so", "ti"):
        assert fallback_chain(code) == [code, "en", "sv"]
    assert fallback_chain("en") == ["en", "sv"]
    assert fallback_chain("sv") == ["sv", "en"]


def test_every_language_ends_in_swedish_or_english():
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    for code in LANGUAGE_CODES:
        assert code in fallbacks
        assert {"sv", "en"} <= set(fallback_chain(code))


def test_shown_language_picks_the_first_filled_field():
    office = SimpleNamespace(name_sv="Kontoret", name_en="", name_ar="المكتب", name_so=None)
    assert shown_language(office, "name", "ar") == "ar"
    assert shown_language(office, "name", "so") == "sv"  # no so, no en: Swedish
    with translation.override("en"):
        assert shown_language(office, "name") == "sv"


def test_a_members_text_in_the_default_column_keeps_the_language_it_was_written_in():
    """Events store a member's text in their language's column and in the
    Swedish one (``set_text``): on a Somali page it is Arabic, not Swedish."""
    event = SimpleNamespace(title_sv="أمسية", title_ar="أمسية", title_en="", title_so="")
    assert shown(event, "title", "so") == ShownText("أمسية", "ar", "so")
    # Swedish written on purpose, identical in English and Swedish: Swedish or
    # English is right either way; two twins say nothing, so Swedish stays.
    office = SimpleNamespace(name_sv="Café", name_en="", name_ar="Café", name_fa="Café")
    assert shown_language(office, "name", "so") == "sv"


def test_nothing_filled_means_the_page_language():
    assert shown_language(SimpleNamespace(), "name", "ti") == "ti"
    assert shown(SimpleNamespace(), "name", "ti") == ShownText("", "ti", "ti")


@pytest.mark.django_db
def test_agrees_with_modeltranslation_on_a_real_model():
    office = OfficeFactory(name="Kontoret", name_en="The office", name_ar="المكتب")
    office.description_sv, office.description_en = "Hej.", ""
    for code in LANGUAGE_CODES:
        with translation.override(code):
            for field in ("name", "description"):
                text = shown(office, field)
                assert text.value == getattr(office, field)
                assert text.page_language == code
    with translation.override("so"):
        assert shown(office, "name").language == "en"
        assert shown(office, "description").language == "sv"


def test_a_text_in_the_page_language_is_plain_and_escaped():
    text = ShownText("<b>Kök</b> & bad", "so", "so")
    assert inline_html(text) == "&lt;b&gt;Kök&lt;/b&gt; &amp; bad"
    assert (
        block_html(text, css="lead")
        == '<div class="lead"><p>&lt;b&gt;Kök&lt;/b&gt; &amp; bad</p></div>'
    )


def test_a_fallback_is_marked_with_its_language_and_a_note():
    with translation.override("so"):
        note = in_language_note("en")
        html = inline_html(shown(SimpleNamespace(title_en="<i>Yoga</i>"), "title"))
    assert html == (
        '<span lang="en">&lt;i&gt;Yoga&lt;/i&gt;</span> '
        f'<small class="content-fallback">{note}</small>'
    )


def test_a_fallback_into_a_right_to_left_page_is_left_to_right():
    with translation.override("ar"):
        text = shown(SimpleNamespace(name_en="Desk 1"), "name")
        assert inline_html(text, quiet=True) == '<span lang="en" dir="ltr">Desk 1</span>'
        assert block_html(text).endswith('<div lang="en" dir="ltr"><p>Desk 1</p></div>')
        assert block_html(text).startswith(
            f'<p class="meta content-fallback-note">{not_translated_note("en")}</p>'
        )


def test_member_text_lets_the_browser_find_its_direction():
    with translation.override("ar"):
        text = shown(SimpleNamespace(title_ar="مقهى"), "title")
        assert inline_html(text, auto_dir=True) == '<span dir="auto">مقهى</span>'
        text = shown(SimpleNamespace(title_sv="مقهى"), "title")
        assert (
            inline_html(text, auto_dir=True, quiet=True) == '<span lang="sv" dir="auto">مقهى</span>'
        )


def test_notes_are_in_the_page_language():
    for code in LANGUAGE_CODES:
        with translation.override(code):
            assert in_language_note("en") == translation.pgettext(
                "text shown in another language", "(in English)"
            )
            assert not_translated_note("sv") == translation.pgettext(
                "text shown in another language", "Not translated yet: shown in Swedish."
            )
    with translation.override("sv"):
        # A language content rarely falls back to: its name, in brackets.
        assert in_language_note("ar") == f"({translation.gettext('Arabic')})"


def test_one_note_for_a_list():
    items = [
        SimpleNamespace(name_so="Jikada"),
        SimpleNamespace(name_en="Wifi"),
        SimpleNamespace(name_en="Printer"),
        SimpleNamespace(name_sv="Dusch"),
        SimpleNamespace(),
    ]
    with translation.override("so"):
        assert fallback_languages(items, ["name"]) == ["en", "sv"]
        html = render('{% fallback_note items "name" %}', items=items[:3])
        assert html == (f'<p class="meta content-fallback-note">{not_translated_note("en")}</p>')
        assert render('{% fallback_note items "name" %}', items=items[:1]) == ""


def test_template_tags_escape_and_mark():
    office = SimpleNamespace(
        name_sv="Kontoret", name_en="<script>x</script>", description_en="One.\n\nTwo <b>."
    )
    with translation.override("so"):
        html = render(
            '<h1>{% translated office "name" quiet=True %}</h1>'
            '{% translated_text office "description" css="lead" %}'
            "{% translated nothing 'name' %}",
            office=office,
            nothing=None,
        )
    assert "<script>" not in html and "<b>" not in html
    assert '<h1><span lang="en">&lt;script&gt;x&lt;/script&gt;</span></h1>' in html
    assert '<div class="lead" lang="en"><p>One.</p>\n\n<p>Two &lt;b&gt;.</p></div>' in html


def test_in_language_for_texts_resolved_before():
    with translation.override("fa"):
        assert render("{% in_language 'Stängt' 'sv' quiet=True %}") == (
            '<span lang="sv" dir="ltr">Stängt</span>'
        )
        assert render("{% in_language 'بسته' '' %}") == "بسته"
        assert render("{% in_language '' 'sv' %}") == ""
