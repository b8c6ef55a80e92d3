"""Reading pages and e-mails as a person would: their text, its script, English in it.

Shared by the language tests (``tests/core/test_language_crawl.py``, the
Somali e-mail tests). Text inside an element whose ``lang`` differs from the
page's is left out: that is content shown in another language on purpose (a
fallback, a language's own name in the switcher), marked so that screen
readers read it right.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from tests.core.test_translations import parse_po

LOCALE = Path(__file__).resolve().parents[1] / "src" / "publicoffice" / "locale"

#: Unicode blocks of the Arabic script (Arabic, its supplements and presentation forms).
ARABIC_BLOCKS = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)
#: Unicode blocks of the Ethiopic script (Ge'ez), in which Tigrinya is written.
ETHIOPIC_BLOCKS = ((0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F))


class _VisibleText(HTMLParser):
    """Collects the text a person sees or hears, in the page's own language only."""

    HIDDEN = frozenset({"script", "style", "template"})
    VOID = frozenset(
        {
            "area",
            "base",
            "br",
            "col",
            "embed",
            "hr",
            "img",
            "input",
            "link",
            "meta",
            "source",
            "wbr",
        }
    )
    #: Elements a sibling of the same kind closes when the end tag is left out.
    SELF_CLOSING_SIBLINGS = frozenset({"li", "dt", "dd", "p", "option", "tr", "td", "th"})
    SPOKEN_ATTRIBUTES = ("aria-label", "alt", "placeholder", "title")

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool]] = []  # (tag, text inside is left out)
        self.parts: list[str] = []

    def _excluded(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SELF_CLOSING_SIBLINGS and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()
        values = dict(attrs)
        lang = (values.get("lang") or "").split("-")[0].lower()
        excluded = (
            self._excluded()
            or tag in self.HIDDEN
            or (tag != "html" and bool(lang) and lang != self.language)
        )
        if not excluded:
            self.parts.extend(str(values[a]) for a in self.SPOKEN_ATTRIBUTES if values.get(a))
        if tag not in self.VOID:
            self.stack.append((tag, excluded))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if not self._excluded():
            self.parts.append(data)


def visible_text(html: str, language: str) -> str:
    """The page's text in ``language``, whitespace collapsed, other languages left out."""
    parser = _VisibleText(language)
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def script_share(text: str, blocks: tuple[tuple[int, int], ...]) -> float:
    """The share of the letters in ``text`` that lie in ``blocks``."""
    letters = [ch for ch in text if unicodedata.category(ch).startswith("L")]
    inside = sum(1 for ch in letters if any(lo <= ord(ch) <= hi for lo, hi in blocks))
    return inside / len(letters) if letters else 0.0


@cache
def english_sentences() -> tuple[str, ...]:
    """Interface sentences of three words or more that Somali says differently."""
    somali = parse_po(LOCALE / "so" / "LC_MESSAGES" / "django.po")
    found = set()
    for key in parse_po(LOCALE / "en" / "LC_MESSAGES" / "django.po"):
        raw = key.split("\x04", 1)[1]
        msgid = raw.replace("\\n", " ").replace('\\"', '"')
        if re.search(r"[%{}<>]", msgid) or len(msgid.split()) < 3:
            continue  # placeholders and markup: the page never shows them as written
        strings = somali.get(key, {}).get("strings")
        if isinstance(strings, list) and raw in strings:
            continue  # the same in Somali (product words, examples)
        found.add(" ".join(msgid.split()))
    return tuple(sorted(found))
