"""``civicwatch ingest`` as a user runs it: a fresh data directory, real files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from tests.filemakers import make_binary, make_corrupt_pdf, make_docx, make_pdf

REPORT = [
    "Published 2 June 2024",
    "On 28 May 2024 a court in Bishkek sentenced journalist Aigul Sadyrbaeva to five years "
    "in prison under article 278 of the Criminal Code.",
]


def civicwatch(home: Path, *args: str, database_url: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "CIVICWATCH_HOME": str(home), "CIVICWATCH_DATABASE_URL": database_url}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("CIVICWATCH_TEST_ON_POSTGRES", None)
    return subprocess.run(
        [sys.executable, "-m", "civicwatch", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def sqlite_count(home: Path, table: str) -> int:
    with sqlite3.connect(home / "civicwatch.sqlite3") as connection:
        return connection.execute(f"select count(*) from {table}").fetchone()[0]


def mixed_folder(root: Path) -> Path:
    folder = root / "inbox"
    (folder / "nested").mkdir(parents=True)
    make_pdf(folder / "update.pdf", REPORT)
    make_docx(folder / "nested" / "brief.docx", REPORT[1:])
    (folder / "notes.md").write_text("# Notes\n\n" + REPORT[1], encoding="utf-8")
    make_corrupt_pdf(folder / "corrupt.pdf")
    make_binary(folder / "nested" / "photo.txt")
    return folder


def test_dev_report_is_ingested_once(tmp_path, dev_corpus):
    home = tmp_path / "home"
    report = dev_corpus / "civicus-kazakhstan-2023-03.txt"
    first = civicwatch(home, "ingest", str(report))
    assert first.returncode == 0, first.stderr
    assert "Summary: 1 ingested, 0 already present, 0 failed" in first.stdout
    again = civicwatch(home, "ingest", str(report))
    assert again.returncode == 0
    assert "Summary: 0 ingested, 1 already present, 0 failed" in again.stdout
    assert sqlite_count(home, "store_document") == 1
    with sqlite3.connect(home / "civicwatch.sqlite3") as connection:
        published, title = connection.execute(
            "select published, title from store_document"
        ).fetchone()
    assert published == "2023-03-27"
    assert "Bloody January" in title


def test_failures_are_named_and_the_rest_is_ingested(tmp_path):
    home = tmp_path / "home"
    folder = mixed_folder(tmp_path)
    result = civicwatch(home, "ingest", str(folder), "--publisher", "Test NGO")
    assert result.returncode == 1
    assert "corrupt.pdf" in result.stderr and "photo.txt" in result.stderr
    assert "Summary: 3 ingested, 0 already present, 2 failed" in result.stdout
    assert "Traceback" not in result.stderr
    assert sqlite_count(home, "store_document") == 3
    blobs = [p for p in (home / "blobs").rglob("*") if p.is_file()]
    assert len(blobs) == 3


def test_bad_arguments_are_clear_errors(tmp_path):
    home = tmp_path / "home"
    missing = civicwatch(home, "ingest", str(tmp_path / "nope"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    (tmp_path / "r.txt").write_text("text", encoding="utf-8")
    bad_date = civicwatch(home, "ingest", str(tmp_path / "r.txt"), "--published", "27.03.2023")
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    bad_url = civicwatch(home, "ingest", str(tmp_path / "r.txt"), "--source-url", "ftp://x")
    assert bad_url.returncode == 2 and "http(s)" in bad_url.stderr


@pytest.mark.postgres
def test_ingest_on_postgres_leaves_no_partial_rows(tmp_path, postgres_database):
    home = tmp_path / "home"
    folder = mixed_folder(tmp_path)
    result = civicwatch(home, "ingest", str(folder), database_url=postgres_database)
    assert result.returncode == 1, result.stderr
    again = civicwatch(home, "ingest", str(folder), database_url=postgres_database)
    assert "Summary: 0 ingested, 3 already present, 2 failed" in again.stdout
    with psycopg.connect(postgres_database.replace("postgres://", "postgresql://", 1)) as conn:
        count = conn.execute("select count(*) from store_document").fetchone()[0]
        empty = conn.execute(
            "select count(*) from store_document where text = '' or sha256 = ''"
        ).fetchone()[0]
    assert (count, empty) == (3, 0)


def test_help_has_examples(tmp_path):
    for command in ("ingest", "migrate", "serve", "create-admin", "demo"):
        result = civicwatch(tmp_path / "home", command, "--help")
        assert result.returncode == 0
        assert "Example:" in result.stdout, command


KAZAKH_REPORT = (
    "Алматы қаласының соты белсенді Нұрлан Әбеновті бес жылға бас бостандығынан айырды. "
    "Құқық қорғаушылар үкімге шағымданатынын мәлімдеді.\n"
)


def test_a_report_in_a_language_without_extraction_is_stored_with_a_note(tmp_path):
    home = tmp_path / "home"
    report = tmp_path / "kk-report.txt"
    report.write_text(KAZAKH_REPORT, encoding="utf-8")
    result = civicwatch(home, "ingest", str(report))
    assert result.returncode == 0, result.stderr
    assert "no extraction for Kazakh" in result.stdout
    with sqlite3.connect(home / "civicwatch.sqlite3") as connection:
        language, note = connection.execute(
            "select language, extraction_note from store_document"
        ).fetchone()
    assert language == "kk"
    assert "Kazakh" in note
    assert sqlite_count(home, "store_claim") == 0


def test_language_option_overrides_the_guess_and_is_checked(tmp_path):
    home = tmp_path / "home"
    report = tmp_path / "report.txt"
    report.write_text("\n".join(REPORT), encoding="utf-8")
    bad = civicwatch(home, "ingest", "--language", "russian", str(report))
    assert bad.returncode == 2
    assert "not a two-letter ISO 639-1 code" in bad.stderr
    assert not (home / "civicwatch.sqlite3").exists() or sqlite_count(home, "store_document") == 0
    told = civicwatch(home, "ingest", "--language", "de", str(report))
    assert told.returncode == 0, told.stderr
    assert "no extraction for German" in told.stdout
    with sqlite3.connect(home / "civicwatch.sqlite3") as connection:
        (language,) = connection.execute("select language from store_document").fetchone()
    assert language == "de"
    assert sqlite_count(home, "store_claim") == 0
