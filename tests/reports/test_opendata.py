"""Open data: the DCAT-AP-SE catalogue read as RDF, its files, the page, bad input."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.urls import NoReverseMatch, include, path, reverse
from django.utils import translation
from django.utils.translation import gettext
from rdflib import Graph, Literal, Namespace, URIRef

from publicoffice import urls as project_urls
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.reports import publication
from publicoffice.reports.opendata.datasets import DATASETS, LICENSE
from publicoffice.reports.opendata.views import FIGURE_FIELDS
from publicoffice.reports.urls_opendata import page_patterns
from tests.factories import HoursExceptionFactory, OfficeFactory, weekday_office

# Plain namespaces: rdflib's defined ones warn when pytest looks into this module.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")


def _routes() -> list:
    """The project's addresses, with open data's added until urls.py mounts them."""
    routes = list(project_urls.urlpatterns)
    try:
        reverse("opendata:catalog", urlconf="publicoffice.urls")
    except NoReverseMatch:
        routes.insert(0, path("open-data/", include("publicoffice.reports.urls_opendata")))
    try:
        with translation.override("sv"):
            reverse("opendata_page:page", urlconf="publicoffice.urls")
    except NoReverseMatch:
        routes += i18n_patterns(path("open-data/", include(page_patterns)))
    return routes


urlpatterns = _routes()
pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


@dataclass
class FakeRow:
    year: int
    month: int
    scope: str
    scope_ref: str
    scope_name: str
    metric: str
    metric_label: str
    key: str
    key_label: str
    value: int | None
    flag: str


ROWS = [
    FakeRow(2025, 3, "office", "ronna", "Rönna", "visits.count", "Visits", "", "", 120, ""),
    FakeRow(
        2025,
        3,
        "office",
        "ronna",
        "Rönna",
        "visits.count",
        "Visits",
        "qr",
        "QR",
        None,
        "fewer_than_5",
    ),
    FakeRow(2025, 3, "office", "ronna", "=HYPERLINK()", "visits.count", "Visits", "", "", 3, ""),
]


@pytest.fixture
def figures(monkeypatch):
    """The lead's published figures, faked: records the year asked for."""
    asked: list[int | None] = []

    def published_rows(year: int | None):
        asked.append(year)
        return iter(ROWS if year in (None, 2025) else [])

    monkeypatch.setattr(publication, "published_rows", published_rows, raising=False)
    return asked


@pytest.fixture
def network(db):
    office = weekday_office(slug="ronna", name="Rönna")
    HoursExceptionFactory(office=office, date=date.today() + timedelta(days=3), reason="Städning")
    OfficeFactory(slug="closed-office", status="closed")
    return office


def _graph(client) -> Graph:
    response = client.get("/open-data/catalog.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    graph = Graph()
    graph.parse(data=response.content.decode(), format="json-ld")
    return graph


def _ask(graph: Graph, query: str) -> bool:
    prefixes = (
        "PREFIX dcat: <http://www.w3.org/ns/dcat#>\n"
        "PREFIX dct: <http://purl.org/dc/terms/>\n"
        "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
        "PREFIX vcard: <http://www.w3.org/2006/vcard/ns#>\n"
    )
    return bool(graph.query(prefixes + query).askAnswer)


# -- the catalogue as a harvester reads it ------------------------------------------------


def test_the_catalogue_has_what_dcat_ap_se_makes_mandatory(client, network):
    graph = _graph(client)
    catalogs = list(graph.subjects(RDF.type, DCAT.Catalog))
    assert len(catalogs) == 1
    catalog = catalogs[0]
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCTERMS.license):
        assert graph.value(catalog, prop) is not None, prop
    assert graph.value(catalog, DCTERMS.license) == URIRef(LICENSE)
    assert len(list(graph.objects(catalog, DCAT.dataset))) == len(DATASETS)
    titles = list(graph.objects(catalog, DCTERMS.title))
    languages = {title.language for title in titles if isinstance(title, Literal)}
    assert languages == {"sv", "en"}
    assert _ask(
        graph,
        "ASK { ?c a dcat:Catalog ; dct:issued ?i ; dct:modified ?m ; "
        "foaf:homepage ?h ; dct:language ?l ; dcat:themeTaxonomy ?t }",
    )


def test_every_dataset_has_title_description_publisher_and_more(client, network):
    graph = _graph(client)
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == len(DATASETS)
    assert not _ask(
        graph,
        """ASK { ?d a dcat:Dataset .
        FILTER NOT EXISTS { ?d dct:title ?t ; dct:description ?x ; dct:publisher ?p ;
            dcat:contactPoint ?c ; dcat:keyword ?k ; dcat:theme ?th ;
            dct:accrualPeriodicity ?f ; dct:spatial ?s ; dcat:distribution ?dist } }""",
    )
    assert not _ask(
        graph,
        """ASK { ?d a dcat:Dataset ; dcat:theme ?th .
        FILTER (!STRSTARTS(STR(?th),
            "http://publications.europa.eu/resource/authority/data-theme/")) }""",
    )
    # Every node a harvester keeps has an address: no blank nodes (dataportal.se).
    for node in datasets + list(graph.subjects(RDF.type, DCAT.Distribution)):
        assert isinstance(node, URIRef)


def test_distributions_publisher_and_contact(client, network):
    graph = _graph(client)
    assert not _ask(
        graph,
        """ASK { ?x a dcat:Distribution .
        FILTER NOT EXISTS { ?x dcat:accessURL ?u ; dct:format ?f ; dcat:mediaType ?m ;
            dct:license <http://creativecommons.org/publicdomain/zero/1.0/> } }""",
    )
    assert _ask(
        graph,
        """ASK { ?c a dcat:Catalog ; dct:publisher ?p .
        ?p a foaf:Agent ; foaf:name ?n ; dct:type ?t }""",
    )
    assert _ask(
        graph,
        """ASK { ?d a dcat:Dataset ; dcat:contactPoint ?c .
        ?c a vcard:Organization ; vcard:fn ?n ; vcard:hasEmail ?e }""",
    )


def test_publisher_and_contact_come_from_the_settings(client, network, settings):
    settings.REPORTS_PUBLISHER_NAME = "Södertälje kommun"
    settings.REPORTS_PUBLISHER_URL = "http://dataportal.se/organisation/SE2120000000"
    settings.REPORTS_CONTACT_EMAIL = "oppnadata@example.se"
    graph = _graph(client)
    publisher = URIRef("http://dataportal.se/organisation/SE2120000000")
    assert str(graph.value(publisher, FOAF.name)) == "Södertälje kommun"
    contacts = set(graph.objects(None, VCARD.hasEmail))
    assert contacts == {URIRef("mailto:oppnadata@example.se")}


def test_the_catalogue_names_the_municipalities_with_offices(client, network):
    body = json.loads(client.get("/open-data/catalog.jsonld").content)
    catalog = next(node for node in body["@graph"] if node["@type"] == "dcat:Catalog")
    codes = {place.get("dct:identifier") for place in catalog["dct:spatial"]}
    assert network.municipality.code in codes


def test_every_distribution_answers_with_its_media_type(client, network, figures):
    graph = _graph(client)
    checked = 0
    for dist in graph.subjects(RDF.type, DCAT.Distribution):
        address = str(graph.value(dist, DCAT.accessURL))
        media = str(graph.value(dist, DCAT.mediaType)).rsplit("media-types/", 1)[1]
        response = client.get(address.removeprefix("http://testserver"))
        assert response.status_code == 200, address
        assert response["Content-Type"].startswith(media), (address, response["Content-Type"])
        checked += 1
    assert checked == sum(len(d.distributions) for d in DATASETS)


# -- the files ------------------------------------------------------------------------------


def test_opening_hours_json(client, network):
    body = json.loads(client.get("/open-data/opening-hours.json").content)
    (office,) = body["offices"]  # the closed office is not public
    assert office["office"] == "ronna"
    assert office["weekly"][0] == {"weekday": 1, "opens": "09:00", "closes": "17:00"}
    assert len(office["weekly"]) == 5
    exception = next(e for e in office["exceptions"] if e["kind"] == "exception")
    assert exception["closed"] is True
    assert exception["reason"] == "Städning"


def test_opening_hours_csv(client, network):
    response = client.get("/open-data/opening-hours.csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    weekly = [row for row in rows if row["kind"] == "weekly"]
    assert [row["weekday"] for row in weekly] == ["1", "2", "3", "4", "5"]
    assert any(row["kind"] == "exception" and row["closed"] == "true" for row in rows)


def test_figures_csv_hides_small_numbers_and_formulas(client, figures):
    response = client.get("/open-data/figures.csv?year=2025")
    assert figures == [2025]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0]["value"] == "120"
    assert rows[1]["value"] == "" and rows[1]["flag"] == "fewer_than_5"
    assert rows[2]["scope_name"] == "'=HYPERLINK()"


def test_figures_json_every_year(client, figures):
    body = json.loads(client.get("/open-data/figures.json").content)
    assert figures == [None]
    assert body["figures"][1]["value"] is None
    assert body["license"] == LICENSE


@pytest.mark.parametrize("year", ["abc", "1999", "3000", "99999999999999999999", "٢٠٢٥", "2025 "])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_bad_year_is_a_clear_error(client, figures, year, fmt):
    response = client.get(f"/open-data/figures.{fmt}", {"year": year})
    assert response.status_code == 400
    assert "2000" in response.content.decode()
    assert figures == []


# -- the page ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_page_in_every_language(client, network, language):
    response = client.get(f"/{language}/open-data/")
    assert response.status_code == 200
    html = response.content.decode()
    with translation.override(language):
        assert gettext("Open data") in html
        for dataset in DATASETS:
            assert str(dataset.title) in html
            assert str(dataset.frequency.label) in html
    assert LICENSE in html
    assert 'href="/open-data/catalog.jsonld"' in html
    assert 'href="/open-data/figures.csv"' in html


def test_figures_from_the_published_table(client, network):
    """Against the real table: nothing published yet is a file with its header only."""
    response = client.get("/open-data/figures.csv", {"year": "2025"})
    assert response.status_code == 200
    header = response.content.decode("utf-8").lstrip("\ufeff").splitlines()
    assert header == [",".join(FIGURE_FIELDS)]
