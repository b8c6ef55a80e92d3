"""Candidate and matrix pages through the client: who may, forms with bad input, query counts."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from publicoffice.planning.models import Candidate, CandidateKind, TravelMatrix
from tests.planning.conftest import make_candidate, make_source

PROPOSE = {
    "name": "Hovsjö bibliotek",
    "address": "Hovsjövägen 3",
    "latitude": "59.19",
    "longitude": "17.59",
    "capacity": "",
}


def csv_file(text: str, name: str = "list.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_strangers_are_refused_and_anonymous_sent_to_log_in(client, world):
    site = make_candidate(world, "Fri", 0, 0)
    names = ["candidates", "candidate_new", "candidates_import", "matrices", "matrix_import"]
    for name in names:
        assert client.get(reverse(f"planning:{name}")).status_code == 302
    client.force_login(world.stranger)
    for name in names:
        assert client.get(reverse(f"planning:{name}")).status_code == 403
    assert client.get(reverse("planning:candidate_edit", args=[site.pk])).status_code == 403
    post = client.post(
        reverse("planning:candidates_from_offices"), {"municipality": world.municipality.pk}
    )
    assert post.status_code == 403 and not Candidate.objects.filter(kind="existing").exists()


def test_another_municipalitys_site_is_not_found(client, world):
    site = make_candidate(world, "Fri", 0, 0)
    client.force_login(world.other_officer)
    assert client.get(reverse("planning:candidate_edit", args=[site.pk])).status_code == 404
    assert client.get(reverse("planning:candidate_delete", args=[site.pk])).status_code == 404
    client.post(reverse("planning:candidate_delete", args=[site.pk]))
    assert Candidate.objects.filter(pk=site.pk).exists()
    response = client.get(reverse("planning:candidates"))
    assert response.status_code == 200 and "Fri" not in response.content.decode()


def test_list_shows_sites_in_few_queries(client, world, django_assert_max_num_queries):
    client.force_login(world.officer)
    make_candidate(world, "Ett", 0, 0)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("planning:candidates"))
    for index in range(20):
        make_candidate(world, f"Plats {index}", index, 0, capacity=index + 1)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("planning:candidates"))
    assert "Plats 19" in response.content.decode()


def test_existing_offices_button_adds_the_office(client, world):
    client.force_login(world.officer)
    data = {"municipality": world.municipality.pk}
    response = client.post(reverse("planning:candidates_from_offices"), data, follow=True)
    assert Candidate.objects.get().office == world.office
    assert world.office.name in response.content.decode()
    client.post(reverse("planning:candidates_from_offices"), data)
    assert Candidate.objects.count() == 1
    other = client.post(
        reverse("planning:candidates_from_offices"), {"municipality": world.other_municipality.pk}
    )
    assert other.status_code == 404 and Candidate.objects.count() == 1
    assert (
        client.post(reverse("planning:candidates_from_offices"), {"municipality": "x"}).status_code
        == 404
    )


def test_propose_form_saves_and_refuses_at_fields(client, world):
    client.force_login(world.officer)
    url = reverse("planning:candidate_new")
    page = client.get(url).content.decode()
    assert 'for="id_latitude"' in page and 'for="id_name"' in page
    base = {**PROPOSE, "municipality": world.municipality.pk}
    outside = client.post(url, {**base, "latitude": "48.85", "longitude": "2.35"})
    assert outside.status_code == 400
    assert 'href="#id_latitude"' in outside.content.decode()
    for bad in ({"latitude": "abc"}, {"name": ""}, {"capacity": "-1"}, {"capacity": "x"}):
        response = client.post(url, {**base, **bad})
        assert response.status_code == 400, bad
        assert "error-summary" in response.content.decode()
    huge = client.post(url, {**base, "name": "x" * 5000})
    assert huge.status_code == 400
    other = client.post(url, {**base, "municipality": world.other_municipality.pk})
    assert other.status_code == 400
    assert not Candidate.objects.exists()
    name = "مكتب 🏢 <script>alert(1)</script>"
    response = client.post(url, {**base, "name": name}, follow=True)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert Candidate.objects.get().name == name


def test_edit_and_delete(client, world):
    client.force_login(world.officer)
    site = make_candidate(world, "Fri", 0, 0)
    url = reverse("planning:candidate_edit", args=[site.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"name": "", "address": "", "capacity": ""}).status_code == 400
    client.post(url, {"name": "Nytt namn", "address": "Gatan 2", "capacity": "50"})
    site.refresh_from_db()
    assert (site.name, site.capacity) == ("Nytt namn", 50)
    delete = reverse("planning:candidate_delete", args=[site.pk])
    assert "Nytt namn" in client.get(delete).content.decode()
    client.post(delete)
    assert not Candidate.objects.filter(pk=site.pk).exists()
    office_site = make_candidate(
        world, "Kontor", 0, 0, kind=CandidateKind.EXISTING, office=world.office
    )
    response = client.post(reverse("planning:candidate_delete", args=[office_site.pk]))
    assert response.status_code == 302 and Candidate.objects.filter(pk=office_site.pk).exists()


def test_import_page_imports_or_names_the_row(client, world):
    client.force_login(world.officer)
    url = reverse("planning:candidates_import")
    good = "id,name,lat,lon\nL1,Biblioteket,59.2,17.6\n"
    data = {"municipality": world.municipality.pk, "batch": "Lokaler"}
    bad = client.post(url, {**data, "file": csv_file("name,lat,lon\nA,59.2,17.6\nB,1,1\n")})
    assert bad.status_code == 400
    assert "3" in bad.content.decode() and 'href="#id_file"' in bad.content.decode()
    assert client.post(url, {**data, "file": csv_file("")}).status_code == 400
    assert client.post(url, data).status_code == 400
    assert not Candidate.objects.exists()
    assert client.post(url, {**data, "file": csv_file(good)}).status_code == 302
    assert Candidate.objects.get().ref == "L1"
    download = client.get(reverse("planning:candidates_csv"))
    assert b"site_id,name" in download.content and b"L1,Biblioteket" in download.content


def test_the_sites_download_escapes_a_name_that_is_a_formula(client, world):
    make_candidate(world, '=HYPERLINK("https://evil.example","Torget")', 0, 0)
    client.force_login(world.officer)
    rows = client.get(reverse("planning:candidates_csv")).content.decode().splitlines()
    assert rows[1].split(",", 1)[1].startswith("\"'=HYPERLINK(")


def test_matrix_pages(client, world):
    source = make_source(world, [(0, 0, 10)])
    site = make_candidate(world, "Fri", 0, 0)
    client.force_login(world.officer)
    url = reverse("planning:matrix_import")
    assert "Rutnät" in client.get(url).content.decode()
    data = {"source": source.pk, "name": "Gång", "mode": "gång"}
    bad = client.post(url, {**data, "file": csv_file("cell_id,site_id,minutes\nc0,999999,1\n")})
    assert bad.status_code == 400 and "999999" in bad.content.decode()
    good = client.post(
        url, {**data, "file": csv_file(f"cell_id,site_id,minutes\nc0,{site.pk},2\n")}
    )
    matrix = TravelMatrix.objects.get()
    assert good.status_code == 302 and good["Location"] == reverse(
        "planning:matrix", args=[matrix.pk]
    )
    assert "Gång" in client.get(reverse("planning:matrices")).content.decode()
    assert client.get(reverse("planning:matrix", args=[matrix.pk])).status_code == 200
    client.force_login(world.other_officer)
    assert client.get(reverse("planning:matrix", args=[matrix.pk])).status_code == 404
    assert (
        client.post(url, {**data, "file": csv_file("cell_id,site_id,minutes\n")}).status_code == 400
    )
    assert client.post(reverse("planning:matrix_delete", args=[matrix.pk])).status_code == 404
    assert TravelMatrix.objects.exists()
    client.force_login(world.officer)
    client.post(reverse("planning:matrix_delete", args=[matrix.pk]))
    assert not TravelMatrix.objects.exists()


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_pages_render_in_other_languages(client, world, language):
    client.force_login(world.officer)
    make_candidate(world, "Fri", 0, 0)
    for name in ("candidates", "candidate_new", "candidates_import", "matrices", "matrix_import"):
        response = client.get(reverse(f"planning:{name}"), HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
