"""The datasets the catalogue lists and the open-data page shows, in one place.

Each dataset says what it holds, how often it changes and where its files
are; the catalogue (:mod:`.catalog`) writes these facts in DCAT-AP-SE and the
page writes them for people, so the two never disagree. Addresses are URL
names, resolved per request (the catalogue needs absolute addresses).

Vocabularies, as DCAT-AP 3 and DCAT-AP-SE 3.0.1 ask: themes from the EU data
theme list, update frequencies from the EU frequency list, formats from the
EU file-type list, media types as IANA addresses.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

EU = "http://publications.europa.eu/resource/authority/"
THEME = EU + "data-theme/"
FREQUENCY = EU + "frequency/"
FILE_TYPE = EU + "file-type/"
IANA = "https://www.iana.org/assignments/media-types/"

#: CC0 1.0: no rights reserved (see docs/reports.md, "Licence").
LICENSE = "http://creativecommons.org/publicdomain/zero/1.0/"
LICENSE_NAME = "CC0 1.0"


@dataclass(frozen=True)
class Format:
    """A file format: its EU file-type code and its IANA media type."""

    name: str
    file_type: str
    media_type: str

    @property
    def file_type_uri(self) -> str:
        return FILE_TYPE + self.file_type

    @property
    def media_type_uri(self) -> str:
        return IANA + self.media_type


CSV = Format("CSV", "CSV", "text/csv")
JSON = Format("JSON", "JSON", "application/json")
GEOJSON = Format("GeoJSON", "GEOJSON", "application/geo+json")
ICALENDAR = Format("iCalendar", "ICS", "text/calendar")


@dataclass(frozen=True)
class Distribution:
    """One way to get a dataset: a file to download, or an interface to ask.

    ``download`` is False for an interface (Open311) that answers questions
    rather than giving the whole dataset: it has an access address only.
    """

    slug: str
    url_name: str
    format: Format
    title: Promise
    download: bool = True


@dataclass(frozen=True)
class Frequency:
    code: str
    label: Promise

    @property
    def uri(self) -> str:
        return FREQUENCY + self.code


DAILY = Frequency("DAILY", pgettext_lazy("update frequency", "Daily"))
MONTHLY = Frequency("MONTHLY", pgettext_lazy("update frequency", "Monthly"))
CONTINUOUS = Frequency("UPDATE_CONT", pgettext_lazy("update frequency", "Continuously"))


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: Promise
    description: Promise
    keywords: tuple[Promise, ...]
    themes: tuple[str, ...]
    frequency: Frequency
    distributions: tuple[Distribution, ...]

    @property
    def theme_uris(self) -> list[str]:
        return [THEME + code for code in self.themes]


OFFICES = Dataset(
    slug="offices",
    title=_("Public Offices"),
    description=_(
        "Every open Public Office: name, address, position, operator, municipality, "
        "accessibility, amenities, staff languages and whether it is open now."
    ),
    keywords=(_("public office"), _("workplace"), _("meeting place"), _("accessibility")),
    themes=("SOCI", "GOVE", "REGI"),
    frequency=CONTINUOUS,
    distributions=(
        Distribution("geojson", "api-v1:offices_geojson", GEOJSON, _("Offices as GeoJSON")),
    ),
)

OPENING_HOURS = Dataset(
    slug="opening-hours",
    title=_("Opening hours of the Public Offices"),
    description=_(
        "The weekly opening hours of every open office, and the days in the coming "
        "60 days when the hours differ: public holidays, closures and special hours."
    ),
    keywords=(_("opening hours"), _("public office"), _("public holidays")),
    themes=("SOCI", "GOVE"),
    frequency=DAILY,
    distributions=(
        Distribution("csv", "opendata:opening_hours_csv", CSV, _("Opening hours as CSV")),
        Distribution("json", "opendata:opening_hours_json", JSON, _("Opening hours as JSON")),
    ),
)

EVENTS = Dataset(
    slug="events",
    title=_("Events at the Public Offices"),
    description=_(
        "The published events of every office, recent and coming: title, time, place "
        "and description. A calendar program can subscribe to it."
    ),
    keywords=(_("events"), _("calendar"), _("public office")),
    themes=("SOCI", "EDUC"),
    frequency=CONTINUOUS,
    distributions=(
        Distribution("ics", "events_network_feed", ICALENDAR, _("Events as an iCalendar feed")),
    ),
)

FIGURES = Dataset(
    slug="figures",
    title=_("Figures per office and month"),
    description=_(
        "How the offices are used, per office, operator, municipality and the whole "
        "network and per month: visits, bookings, events, proposals, problem reports "
        "and more. Numbers about people from 1 to 4 are hidden (the flag says why), "
        "so that no one can be recognised."
    ),
    keywords=(_("statistics"), _("visits"), _("bookings"), _("public office")),
    themes=("SOCI", "GOVE", "REGI"),
    frequency=MONTHLY,
    distributions=(
        Distribution("csv", "opendata:figures_csv", CSV, _("Figures as CSV")),
        Distribution("json", "opendata:figures_json", JSON, _("Figures as JSON")),
    ),
)

PROBLEMS = Dataset(
    slug="problem-reports",
    title=_("Problem reports"),
    description=_(
        "Problems visitors reported at the offices (broken equipment, cleanliness, "
        "accessibility barriers, safety) and whether they are fixed, through the "
        "Open311 GeoReport v2 interface. Who reported a problem is never published."
    ),
    keywords=(_("problem reports"), _("Open311"), _("accessibility"), _("public office")),
    themes=("SOCI", "GOVE"),
    frequency=CONTINUOUS,
    distributions=(
        Distribution(
            "open311",
            "open311:requests",
            JSON,
            _("Problem reports of the last 90 days (Open311 GeoReport v2, JSON)"),
            download=False,
        ),
    ),
)

DATASETS: tuple[Dataset, ...] = (OFFICES, OPENING_HOURS, EVENTS, FIGURES, PROBLEMS)
