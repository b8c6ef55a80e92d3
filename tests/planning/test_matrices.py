"""Travel-time matrix import: known ids only, numbers only, each pair once, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import translation

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.planning.models import ImportStatus, Scenario, TravelMatrix, TravelTime
from publicoffice.planning.services import matrices as services
from tests.planning.conftest import make_candidate, make_source


@pytest.fixture
def setup(world):
    source = make_source(world, [(0, 0, 10), (250, 0, 20), (500, 0, 30)])
    near = make_candidate(world, "Nära", 0, 0)
    near.ref = "L1"
    near.save()
    far = make_candidate(world, "Långt", 500, 0)
    return source, near, far


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "matrix.csv"
    path.write_text(text, encoding="utf-8")
    return path


def run(world, source, path, by=None, **changes):
    fields = {"source": source, "name": "Gång", "mode": "walk", "path": path}
    return services.matrix_import(**{**fields, **changes}, by=by or world.officer)


def test_import_matches_cells_by_ref_and_sites_by_ref_or_number(world, setup, tmp_path):
    source, near, far = setup
    text = f"cell_id,site_id,minutes\nc0,L1,0\nc1,L1,3.5\nc2,{far.pk},1\nc0,{far.pk},7\n"
    matrix = run(world, source, write(tmp_path, text))
    assert matrix.pair_count == 4 and matrix.mode == "walk"
    times = {
        (t.cell.ref, t.candidate_id): t.minutes for t in TravelTime.objects.select_related("cell")
    }
    assert times == {("c0", near.pk): 0, ("c1", near.pk): 3.5, ("c2", far.pk): 1, ("c0", far.pk): 7}


def test_semicolons_and_decimal_commas_are_read(world, setup, tmp_path):
    source = setup[0]
    matrix = run(world, source, write(tmp_path, "Cell_ID;Site_ID;Minutes\nc0;L1;4,5\n"))
    assert TravelTime.objects.get(matrix=matrix).minutes == 4.5


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        ("", ErrorCode.PLANNING_EMPTY_FILE, ""),
        ("cell_id,site_id,minutes\n", ErrorCode.PLANNING_EMPTY_FILE, ""),
        ("cell_id,minutes\nc0,1\n", ErrorCode.PLANNING_MISSING_COLUMNS, "site_id"),
        ("cell_id,site_id,minutes\nc0,L1,-1\n", ErrorCode.PLANNING_BAD_VALUE, "Row 2"),
        ("cell_id,site_id,minutes\nc0,L1,fem\n", ErrorCode.PLANNING_BAD_VALUE, "Row 2"),
        ("cell_id,site_id,minutes\nc0,L1,inf\n", ErrorCode.PLANNING_BAD_VALUE, "Row 2"),
        ("cell_id,site_id,minutes\nc0,L1,\n", ErrorCode.PLANNING_BAD_VALUE, "Row 2"),
        ("cell_id,site_id,minutes\nc0,L1,99999\n", ErrorCode.PLANNING_BAD_VALUE, "Row 2"),
        ("cell_id,site_id,minutes\nc0,L1,1\nc0,L1,2\n", ErrorCode.PLANNING_DUPLICATE_CELL, "Row 3"),
        ("cell_id,site_id,minutes\nc9,L1,1\nc8,L1,1\n", ErrorCode.PLANNING_UNKNOWN_IDS, "c9, c8"),
        ("cell_id,site_id,minutes\nc0,X1,1\n", ErrorCode.PLANNING_UNKNOWN_IDS, "X1"),
        ("cell_id,site_id,minutes\nc0,<script>,1\n", ErrorCode.PLANNING_UNKNOWN_IDS, "<script>"),
    ],
)
def test_bad_files_are_refused_whole(world, setup, tmp_path, text, code, words):
    source = setup[0]
    with translation.override("en"), pytest.raises(DomainError) as caught:
        run(world, source, write(tmp_path, text))
    assert caught.value.code == code
    assert words in str(caught.value.message)
    assert not TravelMatrix.objects.exists() and not TravelTime.objects.exists()


def test_unknown_ids_are_listed_a_few_at_a_time(world, setup, tmp_path):
    rows = "".join(f"z{i},L1,1\n" for i in range(12))
    with pytest.raises(DomainError) as caught:
        run(world, setup[0], write(tmp_path, "cell_id,site_id,minutes\n" + rows))
    assert caught.value.details["unknown"] == ["z0", "z1", "z2", "z3", "z4"]
    assert "12" in str(caught.value.message)


def test_sites_of_another_municipality_are_unknown(world, setup, tmp_path):
    source = setup[0]
    other = make_candidate(world, "Tumba", 0, 0)
    other.municipality = world.other_municipality
    other.save()
    with pytest.raises(DomainError) as caught:
        run(world, source, write(tmp_path, f"cell_id,site_id,minutes\nc0,{other.pk},1\n"))
    assert caught.value.code == ErrorCode.PLANNING_UNKNOWN_IDS


def test_rights_size_names_and_readiness(world, setup, tmp_path, monkeypatch):
    source = setup[0]
    path = write(tmp_path, "cell_id,site_id,minutes\nc0,L1,1\n")
    for user in (world.other_officer, world.stranger):
        with pytest.raises(DomainError) as caught:
            run(world, source, path, by=user)
        assert caught.value.code == ErrorCode.NOT_ALLOWED
    for changes, code in (
        ({"name": ""}, ErrorCode.TEXT_MISSING),
        ({"name": "n" * 201}, ErrorCode.TEXT_TOO_LONG),
        ({"mode": 5}, ErrorCode.TEXT_INVALID),
    ):
        with pytest.raises(DomainError) as caught:
            run(world, source, path, **changes)
        assert caught.value.code == code
    monkeypatch.setattr(services, "MAX_MATRIX_BYTES", 5)
    with pytest.raises(DomainError) as caught:
        run(world, source, path)
    assert caught.value.code == ErrorCode.PLANNING_FILE_TOO_LARGE
    monkeypatch.undo()
    source.status = ImportStatus.IMPORTING
    source.save()
    with pytest.raises(DomainError) as caught:
        run(world, source, path)
    assert caught.value.code == ErrorCode.PLANNING_SOURCE_NOT_READY
    assert not TravelMatrix.objects.exists()


def test_delete_refuses_a_matrix_a_scenario_uses(world, setup, tmp_path):
    source = setup[0]
    matrix = run(world, source, write(tmp_path, "cell_id,site_id,minutes\nc0,L1,1\n"))
    scenario = Scenario.objects.create(
        municipality=world.municipality, name="S", demand=source, reach="matrix", matrix=matrix
    )
    with pytest.raises(DomainError):
        services.matrix_delete(matrix, world.officer)
    scenario.delete()
    with pytest.raises(DomainError):
        services.matrix_delete(matrix, world.other_officer)
    services.matrix_delete(matrix, world.officer)
    assert not TravelTime.objects.exists()
