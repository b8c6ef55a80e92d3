"""Every interface string is extracted, and translated into all six languages.

CI fails when a string in any language is untranslated or fuzzy, when a
.po file is out of date with the code, when a placeholder differs between
the English text and a translation, or when a compiled .mo is stale.
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
ALL_LANGUAGES = ["sv", "en", "ar", "fa", "so", "ti"]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sdif]|%[sdif]|\{[a-z_0-9]*\}")


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
        flags = " ".join(line for line in lines if line.startswith("#,"))
        entries[key] = {
            "strings": strings,
            "fuzzy": fuzzy,
            "plural": fields.get("msgid_plural", ""),
            "formatted": "python-format" in flags or "python-brace-format" in flags,
        }
    return entries


def po_file(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_po_files_are_complete(language: str):
    entries = parse_po(po_file(language))
    missing = [
        key.split("\x04")[1] for key, e in entries.items() if e["fuzzy"] or not all(e["strings"])
    ]
    assert missing == [], (
        f"{len(missing)} untranslated or fuzzy strings in {language}: {missing[:10]}"
    )


def placeholder_problems(path: Path) -> list[tuple[str, list[str]]]:
    """Entries whose translation renames, drops or adds a placeholder.

    ``%(name)s`` or ``{count}`` renamed or dropped in a translation breaks
    the page (KeyError) or hides a figure. A plural form may leave out the
    number ("one booking") but never bring in a name the English lacks.
    """
    wrong = []
    for key, entry in parse_po(path).items():
        msgid = key.split("\x04")[1]
        expected = set(PLACEHOLDER.findall(msgid + str(entry["plural"])))
        for text in entry["strings"]:  # type: ignore[attr-defined]
            found = set(PLACEHOLDER.findall(text))
            too_many = found - expected
            too_few = set() if entry["plural"] else expected - found
            if too_many or (too_few and entry["formatted"]):
                wrong.append((msgid[:50], sorted(too_many | too_few)))
    return wrong


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_translations_keep_the_placeholders(language: str):
    wrong = placeholder_problems(po_file(language))
    assert wrong == [], f"placeholders differ in {language}: {wrong[:10]}"


def test_the_placeholder_check_catches_renamed_and_dropped_names(tmp_path: Path):
    po = tmp_path / "django.po"
    po.write_text(
        '#, python-format\nmsgid "Hello %(name)s"\nmsgstr "Hej %(namn)s"\n\n'
        '#, python-brace-format\nmsgid "{count} left"\nmsgstr "några kvar"\n\n'
        '#, python-format\nmsgid "%(count)d seat"\nmsgid_plural "%(count)d seats"\n'
        'msgstr[0] "en plats"\nmsgstr[1] "%(count)d platser"\n',
        encoding="utf-8",
    )
    assert placeholder_problems(po) == [
        ("Hello %(name)s", ["%(name)s", "%(namn)s"]),
        ("{count} left", ["{count}"]),
    ]


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_compiled_catalogues_match_the_po_files(language: str):
    """The committed .mo is what msgfmt makes of the committed .po."""
    if shutil.which("msgfmt") is None:
        pytest.fail("GNU gettext (msgfmt) is missing: apt-get install gettext")
    po = po_file(language)
    compiled = subprocess.run(
        ["msgfmt", "--check-format", "-o", "-", str(po)], capture_output=True, check=True
    ).stdout
    assert po.with_suffix(".mo").read_bytes() == compiled, (
        f"run `make messages` to recompile {language}"
    )


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
    for language in ALL_LANGUAGES:
        committed = set(parse_po(po_file(language)))
        new = sorted(key.split("\x04")[1] for key in fresh - committed)
        gone = sorted(key.split("\x04")[1] for key in committed - fresh)
        assert new == [], (
            f"strings not in the {language} .po file (run `make messages`): {new[:10]}"
        )
        assert gone == [], f"{language} .po keeps strings the code no longer has: {gone[:10]}"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fa", "so", "ti"])
def test_every_language_speaks_on_the_home_page(client, language):
    with translation.override(language):
        heading = gettext("Find a Public Office")
    assert heading != "Find a Public Office"
    html = client.get(f"/{language}/").content.decode()
    assert f"<h1>{heading}</h1>" in html
