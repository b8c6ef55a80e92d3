"""Settings from the environment, production mode, the console script."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PUBLICOFFICE = str(Path(sys.executable).with_name("publicoffice"))


def run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "DEBUG"}}
    base.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [PUBLICOFFICE, *args],
        env={**base, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_check_deploy_reports_nothing(tmp_path: Path):
    result = run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        {
            "PUBLICOFFICE_ENV": "production",
            "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
            "ALLOWED_HOSTS": "publicoffice.example.org",
            "PUBLICOFFICE_DATA_DIR": str(tmp_path),
        },
        tmp_path,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key(tmp_path: Path):
    result = run(
        ["check"],
        {
            "PUBLICOFFICE_ENV": "production",
            "ALLOWED_HOSTS": "x.example.org",
            "PUBLICOFFICE_DATA_DIR": str(tmp_path),
        },
        tmp_path,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_development_generates_and_keeps_a_secret_key(tmp_path: Path):
    env = {"PUBLICOFFICE_DATA_DIR": str(tmp_path)}
    first = run(
        [
            "shell",
            "--no-imports",
            "-c",
            "from django.conf import settings; print(settings.SECRET_KEY)",
        ],
        env,
        tmp_path,
    )
    second = run(
        [
            "shell",
            "--no-imports",
            "-c",
            "from django.conf import settings; print(settings.SECRET_KEY)",
        ],
        env,
        tmp_path,
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert len(first.stdout.strip()) >= 50
    assert (tmp_path / "secret_key.txt").stat().st_mode & 0o077 == 0


def test_defaults_are_swedish_stockholm_and_sqlite(tmp_path: Path):
    code = (
        "from django.conf import settings as s; "
        "print(s.LANGUAGE_CODE, s.TIME_ZONE, s.DATABASES['default']['ENGINE'], s.DEBUG)"
    )
    result = run(
        ["shell", "--no-imports", "-c", code], {"PUBLICOFFICE_DATA_DIR": str(tmp_path)}, tmp_path
    )
    assert result.stdout.split() == ["sv", "Europe/Stockholm", "django.db.backends.sqlite3", "True"]


def test_database_url_selects_postgresql(tmp_path: Path):
    code = (
        "from django.conf import settings as s; d = s.DATABASES['default']; "
        "print(d['ENGINE'], d['NAME'], d['HOST'])"
    )
    result = run(
        ["shell", "--no-imports", "-c", code],
        {
            "PUBLICOFFICE_DATA_DIR": str(tmp_path),
            "DATABASE_URL": "postgres://u:p@db.example:5432/po",
        },
        tmp_path,
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "po", "db.example"]


def test_console_script_runs_our_commands_too(tmp_path: Path):
    result = run(["help"], {"PUBLICOFFICE_DATA_DIR": str(tmp_path)}, tmp_path)
    assert result.returncode == 0
    assert "[demo]" in result.stdout
    assert "migrate" in result.stdout


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
