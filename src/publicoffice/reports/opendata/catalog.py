"""The catalogue of open data in DCAT-AP-SE 3.0.1, as a JSON-LD document.

A plain dict (``json.dumps`` writes it): the site needs no RDF library to
publish it, and the tests read it with rdflib as a harvester would.
DCAT-AP-SE 3.0.1 (docs.dataportal.se/dcat/3.0.1/) asks for:

* catalogue: title, description, publisher, licence and datasets
  (mandatory); issued, modified, language, homepage, theme taxonomy,
  spatial (recommended);
* dataset: title, description, publisher (mandatory in the Swedish profile);
  contact point, keyword, theme, spatial, access rights, issued
  (recommended); update frequency (optional, given: users want it);
* distribution: access address (mandatory); licence, format, media type,
  description (recommended), download address where there is a file;
* agent: name (mandatory), type (recommended); contact point: a
  ``vcard:Organization`` with a formatted name and an e-mail address.

dataportal.se refuses blank nodes for the catalogue, datasets,
distributions, publishers and contacts, so each has an address under the
catalogue's own (``…/catalog.jsonld#dataset-events``). Texts are in Swedish
and English with language tags.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from publicoffice.reports.opendata import config
from publicoffice.reports.opendata.datasets import (
    DATASETS,
    EU,
    LICENSE,
    Dataset,
    Distribution,
)

#: The catalogue's languages: Swedish first (the portal's), then English.
CATALOG_LANGUAGES = ("sv", "en")
EU_LANGUAGES = {"sv": "SWE", "en": "ENG"}
#: Sweden in GeoNames, the place vocabulary DCAT-AP-SE recommends.
SWEDEN = "http://sws.geonames.org/2661886/"
PUBLIC_ACCESS = EU + "access-right/PUBLIC"

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

CATALOG_TITLE = _("Open data from the Public Offices")
CATALOG_DESCRIPTION = _(
    "Open data about the network of Public Offices: where the offices are, when "
    "they are open, their events, their figures per month and the problems "
    "reported there. Free to use for any purpose (CC0); no personal data."
)

#: Resolves a URL name to an absolute address.
Absolute = Callable[[str], str]


def texts(text: Promise | str) -> list[dict[str, str]]:
    """A text in each catalogue language, language-tagged."""
    found = []
    for language in CATALOG_LANGUAGES:
        with translation.override(language):
            found.append({"@value": str(text), "@language": language})
    return found


def iri(address: str) -> dict[str, str]:
    return {"@id": address}


def day(value: date) -> dict[str, str]:
    return {"@value": value.isoformat(), "@type": "xsd:date"}


def _publisher(catalog_id: str) -> dict[str, Any]:
    return {
        "@id": config.publisher_url() or f"{catalog_id}#publisher",
        "@type": ["foaf:Agent", "foaf:Organization"],
        "foaf:name": config.publisher_name(),
        "dct:type": iri(config.publisher_type()),
    }


def _contact(catalog_id: str) -> dict[str, Any]:
    return {
        "@id": f"{catalog_id}#contact",
        "@type": ["vcard:Organization", "vcard:Kind"],
        "vcard:fn": config.publisher_name(),
        "vcard:hasEmail": iri("mailto:" + config.contact_email()),
    }


def _spatial(municipalities: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    """Sweden, and each municipality with an office (its name and four-digit code)."""
    places: list[dict[str, Any]] = [iri(SWEDEN)]
    for code, name in municipalities:
        places.append({"@type": "dct:Location", "skos:prefLabel": name, "dct:identifier": code})
    return places


def _distribution(
    dataset: Dataset, item: Distribution, *, catalog_id: str, absolute: Absolute
) -> dict[str, Any]:
    address = absolute(item.url_name)
    node: dict[str, Any] = {
        "@id": f"{catalog_id}#dataset-{dataset.slug}-{item.slug}",
        "@type": "dcat:Distribution",
        "dct:title": texts(item.title),
        "dct:description": texts(item.title),
        "dcat:accessURL": iri(address),
        "dct:format": iri(item.format.file_type_uri),
        "dcat:mediaType": iri(item.format.media_type_uri),
        "dct:license": iri(LICENSE),
    }
    if item.download:
        node["dcat:downloadURL"] = iri(address)
    return node


def _keywords(dataset: Dataset) -> list[dict[str, str]]:
    return [text for keyword in dataset.keywords for text in texts(keyword)]


def _dataset(
    dataset: Dataset,
    *,
    catalog_id: str,
    page: str,
    spatial: list[dict[str, Any]],
    issued: date,
) -> dict[str, Any]:
    return {
        "@id": f"{catalog_id}#dataset-{dataset.slug}",
        "@type": "dcat:Dataset",
        "dct:title": texts(dataset.title),
        "dct:description": texts(dataset.description),
        "dct:publisher": iri(_publisher(catalog_id)["@id"]),
        "dcat:contactPoint": iri(f"{catalog_id}#contact"),
        "dcat:keyword": _keywords(dataset),
        "dcat:theme": [iri(theme) for theme in dataset.theme_uris],
        "dct:accrualPeriodicity": iri(dataset.frequency.uri),
        "dct:spatial": spatial,
        "dct:accessRights": iri(PUBLIC_ACCESS),
        "dct:issued": day(issued),
        "dcat:landingPage": iri(f"{page}#{dataset.slug}"),
        "dcat:distribution": [
            iri(f"{catalog_id}#dataset-{dataset.slug}-{item.slug}")
            for item in dataset.distributions
        ],
    }


def build_catalog(
    *,
    catalog_url: str,
    page_url: str,
    absolute: Absolute,
    municipalities: Iterable[tuple[str, str]],
    modified: date,
) -> dict[str, Any]:
    """The whole catalogue: the catalogue, its publisher and contact, datasets, files.

    ``catalog_url`` is the catalogue's own absolute address (the base of
    every node's address), ``page_url`` the open-data page's, ``absolute``
    resolves the datasets' URL names, ``municipalities`` are (code, name)
    of the municipalities the offices are in, ``modified`` today.
    """
    catalog_id = catalog_url
    issued = config.issued()
    spatial = _spatial(municipalities)
    catalog = {
        "@id": f"{catalog_id}#catalog",
        "@type": "dcat:Catalog",
        "dct:title": texts(CATALOG_TITLE),
        "dct:description": texts(CATALOG_DESCRIPTION),
        "dct:publisher": iri(_publisher(catalog_id)["@id"]),
        "dct:license": iri(LICENSE),
        "foaf:homepage": iri(page_url),
        "dct:language": [iri(f"{EU}language/{EU_LANGUAGES[c]}") for c in CATALOG_LANGUAGES],
        "dct:issued": day(issued),
        "dct:modified": day(max(modified, issued)),
        "dct:spatial": spatial,
        "dcat:themeTaxonomy": iri(EU + "data-theme"),
        "dcat:dataset": [iri(f"{catalog_id}#dataset-{d.slug}") for d in DATASETS],
    }
    graph: list[dict[str, Any]] = [catalog, _publisher(catalog_id), _contact(catalog_id)]
    for dataset in DATASETS:
        graph.append(
            _dataset(dataset, catalog_id=catalog_id, page=page_url, spatial=spatial, issued=issued)
        )
        graph.extend(
            _distribution(dataset, item, catalog_id=catalog_id, absolute=absolute)
            for item in dataset.distributions
        )
    return {"@context": CONTEXT, "@graph": graph}
