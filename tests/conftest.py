"""Fixtures shared by the whole suite: real PostgreSQL and the system Chromium."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
# The development corpus lives outside the repository (../shared/corpus/dev beside a clone);
# CIVICWATCH_CORPUS_DIR points at it from anywhere else.
DEV_CORPUS = Path(
    os.environ.get("CIVICWATCH_CORPUS_DIR") or REPO_ROOT.parent / "shared" / "corpus" / "dev"
)
LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def _postgres_server_url() -> str | None:
    """The server to create throwaway databases on, or None when none answers."""
    url = os.environ.get("CIVICWATCH_TEST_DATABASE_URL") or LOCAL_POSTGRES
    try:
        import psycopg

        with psycopg.connect(_libpq(url, "postgres"), connect_timeout=3):
            return url
    except Exception:
        return None


def _libpq(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(("postgresql", parts.netloc, "/" + database, parts.query, ""))


@pytest.fixture(autouse=True)
def isolated_blob_dir(settings: Any, tmp_path: Path) -> Path:
    """Each test gets its own, empty blob store, so file counts are exact."""
    path = tmp_path / "blobs"
    settings.CIVICWATCH_BLOB_DIR = path
    return path


@pytest.fixture(scope="session")
def postgres_server() -> str:
    url = _postgres_server_url()
    if url is None:
        pytest.skip(
            "no PostgreSQL server: set CIVICWATCH_TEST_DATABASE_URL or run one on 127.0.0.1:5432"
        )
    return url


@pytest.fixture
def postgres_database(postgres_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test; dropped afterwards."""
    import psycopg

    name = f"civicwatch_t_{uuid.uuid4().hex[:12]}"
    admin = _libpq(postgres_server, "postgres")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _libpq(postgres_server, name).replace("postgresql://", "postgres://", 1)
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    configured = os.environ.get("CIVICWATCH_CHROMIUM")
    for candidate in (configured, *CHROMIUM_CANDIDATES):
        if candidate and Path(candidate).exists():
            return candidate
    found = shutil.which("chromium")
    if found:
        return found
    pytest.skip("no system Chromium: apt-get install chromium (or set CIVICWATCH_CHROMIUM)")


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    if not (DEV_CORPUS / "civicus-kazakhstan-2023-03.txt").exists():
        pytest.skip(
            f"development corpus not found at {DEV_CORPUS}: clone beside shared/ or set "
            "CIVICWATCH_CORPUS_DIR to the folder holding civicus-kazakhstan-2023-03.txt"
        )
    return DEV_CORPUS
