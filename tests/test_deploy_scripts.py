"""The deployment scripts in deploy/: syntax always, the backup check on PostgreSQL.

CI runs the suite once with ``DATABASE_URL`` on PostgreSQL: there the backup
script really dumps the test database, restores it into a scratch database
and compares the row counts. On SQLite it must refuse, saying why.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from tests.factories import OfficeFactory, UserFactory

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "deploy" / "backup-restore-check.sh"
#: A safety net only, never a measure: the machine may be loaded.
SAFETY_NET = 600


def run_script(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        ["bash", str(SCRIPT), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=SAFETY_NET,
    )


@pytest.mark.parametrize(
    "script", sorted((ROOT / "deploy").glob("*.sh")), ids=lambda path: path.name
)
def test_shell_scripts_parse(script: Path):
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_backup_check_refuses_a_database_that_is_not_postgresql(tmp_path: Path):
    result = run_script(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert result.returncode == 2
    assert "must be a PostgreSQL address" in result.stderr
    assert not list(tmp_path.glob("*.dump"))


def test_backup_check_refuses_an_address_without_a_database():
    result = run_script("postgres://user:secret@127.0.0.1:5432")
    assert result.returncode == 2
    assert "names no database" in result.stderr


def test_all_deploy_files_the_docs_name_exist():
    docs = (ROOT / "docs" / "deploy.md").read_text()
    for name in (
        "Containerfile",
        "compose.yaml",
        "deploy/env.example",
        "deploy/backup-restore-check.sh",
        "deploy/systemd/publicoffice-web.service",
        "deploy/systemd/publicoffice-worker.service",
    ):
        assert name in docs
        assert (ROOT / name).exists(), name


@pytest.mark.django_db
def test_the_sweeps_can_be_queued_again_after_every_deploy():
    """docs/deploy.md says to run the --schedule commands after each deploy."""
    sweeps = (
        "rollup_visits",
        "bookings_sweep",
        "events_sweep",
        "dialogue_sweep",
        "conduct_sweep",
        "commissioning_sweep",
    )
    for _deploy in range(2):
        for sweep in sweeps:
            call_command(sweep, "--schedule", stdout=io.StringIO())
    assert DBTaskResult.objects.filter(status="READY").count() == len(sweeps)


def database_url() -> str:
    """The address of the test database this session uses."""
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = quote(db["PASSWORD"] or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    return (
        f"postgresql://{credentials}{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )


@pytest.mark.django_db(transaction=True)
def test_backup_check_dumps_restores_and_compares_every_table(tmp_path: Path):
    """On PostgreSQL (CI's second pass) the real round trip; on SQLite the
    script must refuse this very database, touching nothing."""
    if connection.vendor != "postgresql":
        refused = run_script(f"sqlite:///{connection.settings_dict['NAME']}", str(tmp_path / "x"))
        assert refused.returncode == 2
        assert "must be a PostgreSQL address" in refused.stderr
        assert not list(tmp_path.glob("*"))
        return
    assert shutil.which("pg_dump") and shutil.which("pg_restore"), (
        "pg_dump and pg_restore are missing: apt-get install postgresql-client"
    )
    UserFactory.create_batch(3)
    OfficeFactory()
    dump = tmp_path / "nightly.dump"
    result = run_script(database_url(), str(dump))
    assert result.returncode == 0, result.stderr + result.stdout
    assert "Restore check passed" in result.stdout
    assert dump.stat().st_size > 0
    tables = int(result.stdout.split("passed: ")[1].split(" tables")[0])
    assert tables > 20  # every app's tables, not an empty schema
