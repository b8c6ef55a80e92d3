"""Population sources: importing (now, by the worker, by the command), the pages, deleting."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.planning.geo import latlon_to_sweref
from publicoffice.planning.models import (
    DemandCell,
    DemandKind,
    DemandSource,
    ImportStatus,
    Scenario,
)
from publicoffice.planning.services.demand import demand_delete, demand_import
from tests.planning.conftest import RONNA, make_source
from tests.planning.test_imports import make_gpkg, scb_rows

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def csv_text(rows: int = 3, *, district: bool = False) -> str:
    x, y = latlon_to_sweref(*RONNA)
    head = "id,x,y,pop,age_65_plus" + (",district" if district else "") + "\n"
    tail = ",Hovsjö" if district else ""
    return head + "".join(f"c{i},{x + 250 * i},{y},{10 + i},2{tail}\n" for i in range(rows))


def write(tmp_path: Path, text: str, name: str = "grid.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_import_writes_the_cells_the_totals_and_the_nearest_offices_district(world, tmp_path):
    seen: list[int] = []
    source = demand_import(
        municipality=world.municipality,
        name="Grid",
        kind=DemandKind.CSV,
        path=write(tmp_path, csv_text()),
        by=world.officer,
        progress=seen.append,
    )
    source.refresh_from_db()
    assert (source.status, source.progress, source.cell_count, source.population) == (
        ImportStatus.READY,
        100,
        3,
        33,
    )
    assert source.groups == [{"key": "age_65_plus", "label": "65+", "total": 6}]
    assert seen[-1] == 100
    assert {c.district_id for c in source.cells.all()} == {world.ronna.pk}


def test_a_district_column_is_matched_by_name(world, tmp_path):
    source = demand_import(
        municipality=world.municipality,
        name="Grid",
        kind="",
        path=write(tmp_path, csv_text(district=True)),
        by=world.officer,
    )
    assert source.kind == DemandKind.CSV
    assert {c.district_id for c in source.cells.all()} == {world.hovsjo.pk}


def test_statistics_swedens_grid_gets_its_attribution(world, tmp_path):
    path = make_gpkg(tmp_path / "scb.gpkg", scb_rows())
    source = demand_import(
        municipality=world.municipality, name="SCB", kind="", path=path, by=world.officer
    )
    assert source.kind == DemandKind.SCB_GRID
    assert "Statistics Sweden" in source.attribution
    assert source.cell_size_m == 1000


def test_a_refused_file_writes_nothing_and_the_source_says_why(world, tmp_path):
    bad = csv_text().replace(",11,", ",-11,")
    with pytest.raises(DomainError) as caught:
        demand_import(
            municipality=world.municipality,
            name="Bad",
            kind=DemandKind.CSV,
            path=write(tmp_path, bad),
            by=world.officer,
        )
    assert caught.value.code == ErrorCode.PLANNING_NEGATIVE_POPULATION
    source = DemandSource.objects.get(name="Bad")
    assert source.status == ImportStatus.FAILED
    assert source.error_code == ErrorCode.PLANNING_NEGATIVE_POPULATION
    assert "3" in source.error_message
    assert DemandCell.objects.count() == 0


def test_only_officers_of_the_municipality_import(world, tmp_path):
    for user in (world.other_officer, world.stranger):
        with pytest.raises(DomainError) as caught:
            demand_import(
                municipality=world.municipality,
                name="No",
                kind="",
                path=write(tmp_path, csv_text()),
                by=user,
            )
        assert caught.value.code == ErrorCode.NOT_ALLOWED
    assert not DemandSource.objects.exists()


def test_a_source_in_use_cannot_be_deleted(world):
    source = make_source(world)
    Scenario.objects.create(municipality=world.municipality, name="S", demand=source, sites=1)
    with pytest.raises(DomainError):
        demand_delete(source, world.officer)
    with pytest.raises(DomainError):
        demand_delete(make_source(world, name="Other"), world.other_officer)
    free = make_source(world, name="Free")
    demand_delete(free, world.officer)
    assert not DemandSource.objects.filter(pk=free.pk).exists()


@override_settings(TASKS=IMMEDIATE)
def test_an_upload_is_imported_by_the_worker_and_its_file_removed(
    world, client, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.officer)
    upload = SimpleUploadedFile("grid.csv", csv_text().encode(), content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("planning:demand_upload"), {"file": upload, "name": "Uppladdad", "kind": ""}
        )
    source = DemandSource.objects.get(name="Uppladdad")
    assert response.status_code == 302
    assert response["Location"] == reverse("planning:demand_detail", kwargs={"pk": source.pk})
    assert source.status == ImportStatus.READY
    assert source.cell_count == 3
    assert list((tmp_path / "planning" / "uploads").iterdir()) == []
    page = client.get(response["Location"])
    assert b'http-equiv="refresh"' not in page.content
    assert "65+" in page.content.decode()


@override_settings(TASKS=IMMEDIATE)
def test_a_bad_upload_shows_failed_with_its_reason(
    world, client, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.officer)
    upload = SimpleUploadedFile("grid.csv", b"name,value\n<script>x</script>,1\n")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("planning:demand_upload"), {"file": upload, "name": "<b>Bad</b> 👪"})
    source = DemandSource.objects.get()
    assert source.status == ImportStatus.FAILED
    assert source.error_code == ErrorCode.PLANNING_MISSING_COLUMNS
    page = client.get(reverse("planning:demand_detail", kwargs={"pk": source.pk}))
    content = page.content.decode()
    assert "&lt;b&gt;Bad&lt;/b&gt; 👪" in content
    assert "beftotalt" in content
    assert 'role="alert"' in content


def test_an_importing_source_follows_its_progress_without_refreshing_itself(world, client):
    source = DemandSource.objects.create(
        municipality=world.municipality, name="Busy", kind=DemandKind.CSV, progress=42
    )
    client.force_login(world.officer)
    content = client.get(reverse("planning:demand_detail", kwargs={"pk": source.pk})).content
    # No meta refresh (WCAG 2.2.1): a script follows the region, a link reloads without it.
    assert b"http-equiv" not in content
    assert b'data-live="on"' in content and b"live-status.js" in content
    assert b'<progress max="100" value="42"' in content


def test_the_upload_form_refuses_bad_input(world, client):
    client.force_login(world.officer)
    url = reverse("planning:demand_upload")
    assert client.get(url).status_code == 200
    assert "municipality" not in client.get(url).context["form"].fields
    assert client.post(url, {"name": ""}).status_code == 400
    assert not DemandSource.objects.exists()


def test_the_upload_form_asks_the_municipality_of_a_platform_admin(world, client):
    client.force_login(world.admin)
    form = client.get(reverse("planning:demand_upload")).context["form"]
    assert "municipality" in form.fields


def test_pages_refuse_strangers_and_hide_other_municipalities(world, client):
    source = make_source(world)
    detail = reverse("planning:demand_detail", kwargs={"pk": source.pk})
    delete = reverse("planning:demand_delete", kwargs={"pk": source.pk})
    client.force_login(world.stranger)
    assert client.get(reverse("planning:demand_list")).status_code == 403
    assert client.get(detail).status_code == 403
    client.force_login(world.other_officer)
    assert client.get(detail).status_code == 404
    assert client.post(delete).status_code == 404
    assert client.get(reverse("planning:demand_list")).context["sources"] == []
    assert DemandSource.objects.filter(pk=source.pk).exists()


def test_deleting_by_post_and_refusing_while_in_use(world, client):
    used = make_source(world, name="Used")
    Scenario.objects.create(municipality=world.municipality, name="S", demand=used, sites=1)
    client.force_login(world.officer)
    url = reverse("planning:demand_delete", kwargs={"pk": used.pk})
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    assert DemandSource.objects.filter(pk=used.pk).exists()
    with translation.override("sv"):  # the page's language
        message = gettext("A scenario uses this population source. Delete the scenario first.")
    assert message in response.content.decode()
    free = make_source(world, name="Free")
    response = client.post(reverse("planning:demand_delete", kwargs={"pk": free.pk}))
    assert response.status_code == 302
    assert not DemandSource.objects.filter(pk=free.pk).exists()


def test_the_list_takes_the_same_few_queries_for_few_or_many_sources(world, client):
    client.force_login(world.officer)
    make_source(world)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("planning:demand_list"))
    for index in range(5):
        make_source(world, [(0, 0, 1)], name=f"More {index}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("planning:demand_list"))
    assert len(response.context["sources"]) == 6
    assert len(many) == len(few)


def test_the_command_imports_with_a_progress_bar(world, tmp_path):
    err, out = io.StringIO(), io.StringIO()
    path = write(tmp_path, csv_text(120))
    call_command("planning_import_grid", str(path), municipality="0181", stdout=out, stderr=err)
    assert "[" + "#" * 30 + "] 100%" in err.getvalue()
    assert "120 cells" in out.getvalue()
    assert DemandSource.objects.get().created_by is None


def test_the_command_refuses_a_bad_file_and_an_unknown_municipality(world, tmp_path):
    path = write(tmp_path, "x,y\n1,2\n")
    with pytest.raises(CommandError, match="planning_missing_columns"):
        call_command("planning_import_grid", str(path), municipality="0181", stderr=io.StringIO())
    with pytest.raises(CommandError):
        call_command("planning_import_grid", str(path), municipality="9999")
    assert DemandCell.objects.count() == 0
