"""Migrations apply cleanly on SQLite and PostgreSQL, and match the models."""

import os
import sqlite3
import subprocess
import sys
from io import StringIO

import psycopg
import pytest
from django.core.management import call_command

EXPECTED_TABLES = {
    "store_document",
    "store_claim",
    "store_person",
    "store_personname",
    "store_organisation",
    "store_organisationalias",
    "store_place",
    "store_legalprovision",
    "store_event",
    "store_involvement",
    "store_charge",
    "store_chargechange",
    "store_outcome",
}


def run_migrate(env_overrides, tmp_path):
    env = {**os.environ, "CIVICWATCH_HOME": str(tmp_path / "home"), **env_overrides}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("CIVICWATCH_TEST_ON_POSTGRES", None)
    return subprocess.run(
        [sys.executable, "-m", "civicwatch", "migrate"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.django_db
def test_models_have_no_missing_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_migrate_on_fresh_sqlite(tmp_path):
    first = run_migrate({"CIVICWATCH_DATABASE_URL": ""}, tmp_path)
    assert first.returncode == 0, first.stderr
    assert "Applied" in first.stdout
    database = tmp_path / "home" / "civicwatch.sqlite3"
    with sqlite3.connect(database) as connection:
        tables = {row[0] for row in connection.execute("select name from sqlite_master")}
    assert tables >= EXPECTED_TABLES
    again = run_migrate({"CIVICWATCH_DATABASE_URL": ""}, tmp_path)
    assert again.returncode == 0 and "up to date" in again.stdout


@pytest.mark.postgres
def test_migrate_on_fresh_postgres(postgres_database, tmp_path):
    result = run_migrate({"CIVICWATCH_DATABASE_URL": postgres_database}, tmp_path)
    assert result.returncode == 0, result.stderr
    with psycopg.connect(postgres_database.replace("postgres://", "postgresql://", 1)) as conn:
        tables = {
            row[0]
            for row in conn.execute("select tablename from pg_tables where schemaname = 'public'")
        }
    assert tables >= EXPECTED_TABLES
    # Backwards to zero and forwards again: every migration is reversible on PostgreSQL.
    env = {
        **os.environ,
        "CIVICWATCH_HOME": str(tmp_path / "home"),
        "CIVICWATCH_DATABASE_URL": postgres_database,
        "DJANGO_SETTINGS_MODULE": "civicwatch.settings",
    }
    env.pop("CIVICWATCH_TEST_ON_POSTGRES", None)
    for target in ("zero", None):
        args = [sys.executable, "-m", "django", "migrate", "store", *([target] if target else [])]
        step = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
        assert step.returncode == 0, step.stderr


def test_migrate_reports_unreachable_database(tmp_path):
    result = run_migrate(
        {"CIVICWATCH_DATABASE_URL": "postgres://nobody@127.0.0.1:1/none?connect_timeout=2"},
        tmp_path,
    )
    assert result.returncode == 1
    assert "cannot open the database" in result.stderr
    assert "Traceback" not in result.stderr
