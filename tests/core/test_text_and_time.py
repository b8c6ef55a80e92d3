"""The one text cleaner and the time helpers every app uses."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from publicoffice.core.text import one_line, paragraphs
from publicoffice.core.timeutils import acting_now, to_utc

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("  Språkcafé \t på   fredag  ", "Språkcafé på fredag"),
        ("a\x00b\x1bc", "a b c"),  # NUL (PostgreSQL refuses it) and escape
        ("line\u2028separator\u2029paragraph", "line separator paragraph"),
        ("مرحبا \u202ebidi override", "مرحبا bidi override"),  # the override goes
        ("می\u200cخواهم", "می\u200cخواهم"),  # Persian zero-width non-joiner stays
        ("👩🏽\u200d💻 kod", "👩🏽\u200d💻 kod"),  # the joiner of an emoji stays
        ("سلام \u200fABC\u200e", "سلام \u200fABC\u200e"),  # right-to-left and left-to-right marks
        ("\u061c١٢٣", "\u061c١٢٣"),  # the Arabic letter mark
        (
            "🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f",
            "🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f",
        ),  # Wales
        ("Före\u00adningen", "Före\u00adningen"),  # a soft hyphen
        ("a\u2066b\u2069c\ufeff", "abc"),  # isolates and a byte-order mark go
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),  # escaped on output
        (42, "42"),
        ("", ""),
    ],
)
def test_one_line(written, stored):
    assert one_line(written) == stored


def test_paragraphs_keep_breaks_but_at_most_one_empty_line():
    written = "Hej!\r\n\r\n\r\n\r\nVi ses   på\tfredag.\n\x00\nMvh\n\n"
    assert paragraphs(written) == "Hej!\n\nVi ses på fredag.\n\nMvh"


def test_paragraphs_clean_each_line_like_one_line():
    assert paragraphs("  a\u202e \n b\u200cc ") == "a\nb\u200cc"


def test_to_utc_refuses_naive_times():
    with pytest.raises(ValueError, match="naive"):
        to_utc(datetime(2026, 3, 29, 2, 30))


def test_acting_now_is_utc_and_honours_a_given_moment():
    moment = datetime(2026, 10, 25, 10, 30, tzinfo=STOCKHOLM)
    assert acting_now(moment) == moment
    assert acting_now(moment).tzinfo is UTC
    with time_machine.travel(datetime(2026, 12, 4, 9, 0, tzinfo=UTC), tick=False):
        assert acting_now() == datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def test_paragraphs_as_laid_out_keep_the_layout_but_not_the_tricks():
    programme = "  Program:\n\n\n\t10.00  Välkommen\n\t10.30  Fika\x00\u202e  \n"
    assert paragraphs(programme, as_laid_out=True) == (
        "Program:\n\n\n\t10.00  Välkommen\n\t10.30  Fika"
    )
