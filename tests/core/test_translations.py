"""Every interface string is extracted, and translated where the issue says.

Swedish, Arabic, Persian and Somali must be complete (English is the
source language). Tigrinya, still being drafted, falls back to English.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "publicoffice"
LOCALE = PACKAGE / "locale"
COMPLETE_LANGUAGES = ["sv", "ar", "fa", "so"]
ALL_LANGUAGES = ["sv", "en", "ar", "fa", "so", "ti"]
#: Compiled with English where a translation is missing (see the Makefile).
ENGLISH_FALLBACK = ["ti"]


def parse_po(path: Path) -> dict[str, dict[str, object]]:
    """A tiny .po reader: msgid (with context) -> {msgstr(s), fuzzy}."""
    entries: dict[str, dict[str, object]] = {}
    text = path.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid ") for line in lines):
            continue
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields: dict[str, str] = {}
        current = None
        for line in lines:
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        key = fields.get("msgctxt", "") + "\x04" + fields["msgid"]
        if fields["msgid"] == "":
            continue
        strings = [v for k, v in fields.items() if k.startswith("msgstr")]
        entries[key] = {"strings": strings, "fuzzy": fuzzy}
    return entries


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_po_files_are_complete(language: str):
    entries = parse_po(LOCALE / language / "LC_MESSAGES" / "django.po")
    missing = [
        key.split("\x04")[1] for key, e in entries.items() if e["fuzzy"] or not all(e["strings"])
    ]
    assert missing == [], f"{len(missing)} untranslated strings in {language}: {missing[:10]}"


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_compiled_catalogues_match_the_po_files(language: str):
    """The committed .mo is what msgfmt makes of the committed .po."""
    if shutil.which("msgfmt") is None:
        pytest.fail("GNU gettext (msgfmt) is missing: apt-get install gettext")
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")
    source = po.read_bytes()
    if language in ENGLISH_FALLBACK:
        source = subprocess.run(["msgen", str(po)], capture_output=True, check=True).stdout
    compiled = subprocess.run(
        ["msgfmt", "--check-format", "-o", "-", "-"], input=source, capture_output=True, check=True
    ).stdout
    assert mo.read_bytes() == compiled, f"run `make messages` to recompile {language}"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ENGLISH_FALLBACK)
def test_languages_being_translated_show_their_own_words_or_english_never_swedish(client, language):
    """Persian, Somali and Tigrinya are compiled with English where a draft is missing."""
    with translation.override(language):
        heading = gettext("Find a Public Office")
    html = client.get(f"/{language}/").content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert "Hitta ett allmänt kontor" not in html  # the Swedish heading
    entries = parse_po(LOCALE / language / "LC_MESSAGES" / "django.po")
    missing = [
        key.removeprefix("\x04")
        for key, entry in entries.items()
        if key.startswith("\x04") and not any(entry["strings"]) and "%" not in key
    ]
    with translation.override(language):
        for msgid in missing[:20]:
            assert gettext(msgid) == msgid  # English, not Swedish


def test_every_interface_string_is_extracted(tmp_path: Path):
    """makemessages on a copy of the code finds no string missing from the .po files."""
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext (xgettext) is missing: apt-get install gettext")
    copy = tmp_path / "publicoffice"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    publicoffice = str(Path(sys.executable).with_name("publicoffice"))
    subprocess.run(
        [publicoffice, "makemessages", "-l", "sv", "--no-obsolete", "--ignore", "*/migrations/*"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    fresh = set(parse_po(copy / "locale" / "sv" / "LC_MESSAGES" / "django.po"))
    committed = set(parse_po(LOCALE / "sv" / "LC_MESSAGES" / "django.po"))
    new = sorted(key.split("\x04")[1] for key in fresh - committed)
    assert new == [], f"strings not in the .po files (run `make messages`): {new[:10]}"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fa", "so"])
def test_persian_and_somali_pages_speak_their_language(client, language):
    with translation.override(language):
        heading = gettext("Find a Public Office")
    assert heading != "Find a Public Office"
    html = client.get(f"/{language}/").content.decode()
    assert f"<h1>{heading}</h1>" in html
