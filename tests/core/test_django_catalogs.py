"""Django's own strings in Somali and Tigrinya: complete, well formed, compiled, in use.

Django ships no ``so`` or ``ti`` catalogues, so without ours its form errors,
validators, month and weekday names and the admin would fall back to
Swedish. ``src/publicoffice/locale_django/<lang>/LC_MESSAGES/django.po``
holds every msgid of Django's English catalogues for core, admin, auth,
contenttypes and sessions, and ``djangojs.po`` next to it those of the
admin's JavaScript (date and time pickers, filter widgets), which
``JavaScriptCatalog`` also reads from ``LOCALE_PATHS``. When Django is
upgraded and gains strings, the first test names them. Refresh the files
from the installed Django (bash, from the repository root), translate the
new entries, then compile::

    D=$(.venv/bin/python -c 'import django, pathlib; print(pathlib.Path(django.__file__).parent)')
    msgcat --use-first --no-location --no-wrap -o /tmp/django-en.pot \\
        $D/conf/locale/en/LC_MESSAGES/django.po \\
        $D/contrib/{admin,auth,contenttypes,sessions}/locale/en/LC_MESSAGES/django.po
    for l in so ti; do
        po=src/publicoffice/locale_django/$l/LC_MESSAGES/django.po
        msgmerge --update --backup=none --no-fuzzy-matching --no-location --no-wrap \\
            $po /tmp/django-en.pot
        msgfmt --check-format -o ${po%.po}.mo $po
        js=${po%django.po}djangojs.po
        msgmerge --update --backup=none --no-fuzzy-matching --no-location --no-wrap \\
            $js $D/contrib/admin/locale/en/LC_MESSAGES/djangojs.po
        msgfmt --check-format -o ${js%.po}.mo $js
    done
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

import django
import pytest
from django import forms
from django.test import Client
from django.utils import formats, translation

SUPPLEMENT = Path(__file__).resolve().parents[2] / "src" / "publicoffice" / "locale_django"
DJANGO = Path(django.__file__).resolve().parent
# Django's English catalogues, by gettext domain: what our supplements must cover.
ENGLISH = {
    "django": [
        DJANGO / "conf" / "locale" / "en" / "LC_MESSAGES" / "django.po",
        *(
            DJANGO / "contrib" / app / "locale" / "en" / "LC_MESSAGES" / "django.po"
            for app in ("admin", "auth", "contenttypes", "sessions")
        ),
    ],
    "djangojs": [DJANGO / "contrib" / "admin" / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"],
}
# What the admin's JavaScript would say without our supplements (sv is the default).
SWEDISH_JS = DJANGO / "contrib" / "admin" / "locale" / "sv" / "LC_MESSAGES" / "djangojs.po"
LANGUAGES = ["so", "ti"]
# Every supplement: (language, domain).
CATALOGUES = [
    pytest.param(language, domain, id=f"{language}-{domain}")
    for domain in ENGLISH
    for language in LANGUAGES
]
REFRESH = (
    "refresh with the msgcat/msgmerge commands in the docstring of "
    "tests/core/test_django_catalogs.py, then translate the new entries"
)
# Python %-format (named or not, with flags, width, precision) and str.format fields.
PLACEHOLDER = re.compile(
    r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa]|\{[\w.]*\}"
)
FIELD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$')
ESCAPE = re.compile(r'\\(["\\nt])')
UNESCAPED = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}

# (context, msgid, msgid_plural): one entry of a catalogue.
Key = tuple[str, str, str]


def unescape(text: str) -> str:
    return ESCAPE.sub(lambda match: UNESCAPED[match.group(1)], text)


def parse_entry(lines: list[str]) -> tuple[Key, list[str], bool] | None:
    """One block of a .po file: its key, its msgstr forms and whether it is fuzzy."""
    lines = [line for line in lines if not line.startswith("#~")]
    fields: dict[str, str] = {}
    current = ""
    for line in lines:
        match = FIELD.match(line)
        if match:
            current = match.group(1)
            fields[current] = unescape(match.group(2))
        elif line.startswith('"') and current:
            fields[current] += unescape(line[1:-1])
    if "msgid" not in fields:
        return None
    key = (fields.get("msgctxt", ""), fields["msgid"], fields.get("msgid_plural", ""))
    strings = [value for name, value in fields.items() if name.startswith("msgstr")]
    fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
    return key, strings, fuzzy


@cache
def parse_po(path: Path) -> dict[Key, tuple[list[str], bool]]:
    """A small .po reader: key -> (msgstr forms, fuzzy). The header has msgid ""."""
    entries: dict[Key, tuple[list[str], bool]] = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        parsed = parse_entry(block.strip().splitlines())
        if parsed:
            key, strings, fuzzy = parsed
            entries[key] = (strings, fuzzy)
    return entries


def supplement(language: str, domain: str = "django") -> Path:
    return SUPPLEMENT / language / "LC_MESSAGES" / f"{domain}.po"


def translations(language: str, domain: str = "django") -> dict[Key, tuple[list[str], bool]]:
    """The entries of a supplement, without its header."""
    entries = parse_po(supplement(language, domain))
    return {key: value for key, value in entries.items() if key[1]}


def catalogue(language: str, msgid: str, context: str = "", domain: str = "django") -> str:
    """What our supplement says for a singular msgid."""
    return translations(language, domain)[(context, msgid, "")][0][0]


def nplurals(language: str, domain: str = "django") -> int:
    header = parse_po(supplement(language, domain))[("", "", "")][0][0]
    match = re.search(r"nplurals\s*=\s*(\d+)", header)
    assert match, f"{language}: no Plural-Forms header"
    return int(match.group(1))


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_supplement_holds_every_string_of_djangos_catalogues(language: str, domain: str):
    english = {key for path in ENGLISH[domain] for key in parse_po(path) if key[1]}
    missing = sorted(english - set(translations(language, domain)))
    shown = "\n".join(f"  {ctx + ': ' if ctx else ''}{msgid!r}" for ctx, msgid, _ in missing[:20])
    assert not missing, (
        f"{len(missing)} strings of Django {django.get_version()} are not in "
        f"{supplement(language, domain)}:\n{shown}\n{REFRESH}."
    )


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_every_entry_is_translated_and_none_is_fuzzy(language: str, domain: str):
    forms_wanted = nplurals(language, domain)
    wrong = [
        msgid
        for (_ctx, msgid, plural), (strings, fuzzy) in translations(language, domain).items()
        if fuzzy or not all(strings) or (plural and len(strings) != forms_wanted)
    ]
    assert not wrong, f"{len(wrong)} untranslated or fuzzy entries in {language}: {wrong[:10]}"


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_translations_keep_the_placeholders(language: str, domain: str):
    """A renamed or dropped ``%(name)s`` raises KeyError or TypeError on the page
    (in JavaScript, ``interpolate`` leaves it unfilled)."""
    wrong = []
    for (_ctx, msgid, plural), (strings, _fuzzy) in translations(language, domain).items():
        expected = Counter(PLACEHOLDER.findall(plural or msgid))
        for text in strings:
            if Counter(PLACEHOLDER.findall(text)) != expected:
                wrong.append((msgid[:60], text[:60]))
    assert not wrong, f"placeholders differ in {language}: {wrong[:10]}"


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_compiled_catalogue_matches_the_po_file(language: str, domain: str):
    if shutil.which("msgfmt") is None:
        pytest.fail("GNU gettext (msgfmt) is missing: apt-get install gettext")
    po = supplement(language, domain)
    result = subprocess.run(
        ["msgfmt", "--check-format", "-o", "-", str(po)], capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr.decode()
    assert po.with_suffix(".mo").read_bytes() == result.stdout, (
        f"recompile: msgfmt --check-format -o {po.with_suffix('.mo')} {po}"
    )


class RequiredForm(forms.Form):
    name = forms.CharField()


def djangos_texts(language: str) -> tuple[str, str, str]:
    """A required-field error, a date in words and a weekday, as Django writes them."""
    day = date(2026, 3, 5)  # a Thursday in March
    with translation.override(language):
        form = RequiredForm(data={})
        return (
            str(form.errors["name"][0]),
            formats.date_format(day, "DATE_FORMAT"),
            formats.date_format(day, "l"),
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_django_speaks_the_language_not_swedish(language: str):
    error, day, weekday = djangos_texts(language)
    for fallback in (djangos_texts("sv"), djangos_texts("en")):
        assert error != fallback[0]
        assert day != fallback[1]
        assert weekday != fallback[2]
    assert error == catalogue(language, "This field is required.")
    assert weekday == catalogue(language, "Thursday")
    assert catalogue(language, "March") in day
    assert "2026" in day


def admin_script(client: Client, language: str) -> str:
    """The admin's JavaScript catalogue (``JavaScriptCatalog``) as a page in ``language``."""
    response = client.get(f"/{language}/admin/jsi18n/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_admin_date_picker_speaks_the_language_not_swedish(
    client: Client, django_user_model, language: str
):
    """The calendar's "Today" link and month names come from ``djangojs``, not ``django``."""
    client.force_login(django_user_model.objects.create_superuser("staff@example.org"))
    swedish = parse_po(SWEDISH_JS)[("", "Today", "")][0][0]  # "I dag": the fallback
    assert f'"Today": {json.dumps(swedish)}' in admin_script(client, "sv")
    script = admin_script(client, language)
    for msgid in ("Today", "March", "Choose a time"):
        word = catalogue(language, msgid, domain="djangojs")
        assert f"{json.dumps(msgid)}: {json.dumps(word)}" in script
    assert json.dumps(swedish) not in script
