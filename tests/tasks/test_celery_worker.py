"""Uploads processed by a REAL Celery worker (``civicwatch worker --pool solo``, a separate
process) through the real Redis on 127.0.0.1:6379, on a real SQLite database file that the
"web" process, the worker and this test all open.

pytest-django's test database is in memory, which another process cannot see, so these
tests run without it: a fresh ``CIVICWATCH_HOME`` (its ``civicwatch.sqlite3`` file) is
migrated by ``civicwatch migrate``, a short script plays the web app (it calls the same
upload service the upload page calls and exits, so nothing is processed in-process), and
the results are read from the database file.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.filemakers import make_corrupt_pdf, make_docx, make_pdf

REDIS_URL = os.environ.get("CIVICWATCH_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
REPORT = [
    "Kazakhstan: activist sentenced in Almaty",
    "On 14 March 2024, a district court in Almaty sentenced the activist Marat Zhylanbayev "
    "to seven years in prison under Article 405 of the Criminal Code.",
    "Issued by the Steppe Watch monitoring group.",
]

WEB_SIDE = """
import sys
from pathlib import Path
import django
django.setup()
from civicwatch.core.vocab import Role
from civicwatch.services import accounts, uploads
from django.contrib.auth import get_user_model

class Upload:
    def __init__(self, path):
        self.name, self._data = path.name, path.read_bytes()
        self.size = len(self._data)
    def chunks(self, chunk_size=None):
        yield self._data

accounts.add_user("editor", Role.EDITOR, "a long passphrase for the editor")
user = get_user_model().objects.get(username="editor")
batch = uploads.create_batch([Upload(Path(p)) for p in sys.argv[1:]], user=user)
print(batch.pk)
"""


def _redis() -> Any:
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis server at {REDIS_URL}")
    return client


def _env(home: Path, *, broker: bool = True) -> dict[str, str]:
    env = {**os.environ, "CIVICWATCH_HOME": str(home), "CIVICWATCH_DATABASE_URL": ""}
    env["DJANGO_SETTINGS_MODULE"] = "civicwatch.settings"
    env["CIVICWATCH_BROKER_URL"] = REDIS_URL if broker else ""
    env.pop("CIVICWATCH_TEST_ON_POSTGRES", None)
    return env


def _run(home: Path, *args: str, broker: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        env=_env(home, broker=broker),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    client = _redis()
    client.flushdb()  # this test's own Redis database: no messages left from earlier runs
    folder = tmp_path / "home"
    migrated = _run(folder, "-m", "civicwatch", "migrate")
    assert migrated.returncode == 0, migrated.stderr
    yield folder
    client.flushdb()


@pytest.fixture
def worker(home: Path) -> Iterator[subprocess.Popen[str]]:
    log = (home / "worker.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "civicwatch", "worker", "--pool", "solo", "--loglevel", "info"],
        env=_env(home),
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log.close()


def _items(home: Path) -> list[tuple[str, str, str, int | None]]:
    with sqlite3.connect(home / "civicwatch.sqlite3") as connection:
        return connection.execute(
            "select filename, state, error, document_id from store_uploaditem order by position"
        ).fetchall()


def _wait_until_finished(home: Path, worker: subprocess.Popen[str], seconds: float) -> list[Any]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        items = _items(home)
        if items and all(state in {"ingested", "present", "failed"} for _, state, _, _ in items):
            return items
        assert worker.poll() is None, (home / "worker.log").read_text()
        time.sleep(0.5)
    raise AssertionError(f"not finished: {_items(home)}\n{(home / 'worker.log').read_text()}")


def test_a_celery_worker_ingests_uploads(
    home: Path, worker: subprocess.Popen[str], tmp_path: Path
) -> None:
    pdf = make_pdf(tmp_path / "verdict.pdf", REPORT, title="Verdict in Almaty")
    docx = make_docx(tmp_path / "digest.docx", [*REPORT[1:], "Second copy, another file."])
    broken = make_corrupt_pdf(tmp_path / "broken.pdf")
    web = _run(home, "-c", WEB_SIDE, str(pdf), str(docx), str(broken))
    assert web.returncode == 0, web.stderr
    # the web side has exited: only the worker can process what it queued
    items = _wait_until_finished(home, worker, seconds=240)
    assert [(name, state) for name, state, _, _ in items] == [
        ("verdict.pdf", "ingested"),
        ("digest.docx", "ingested"),
        ("broken.pdf", "failed"),
    ]
    with sqlite3.connect(home / "civicwatch.sqlite3") as connection:
        documents = dict(connection.execute("select id, filename from store_document"))
        claims = connection.execute("select count(*) from store_claim").fetchone()[0]
    assert sorted(documents.values()) == ["digest.docx", "verdict.pdf"]
    assert {items[0][3], items[1][3]} == set(documents)
    assert claims > 0
    # the same error message as the command line gives for the same file
    cli = _run(home, "-m", "civicwatch", "ingest", str(broken), broker=False)
    assert cli.returncode == 1
    assert f"{broken}: {items[2][2]}" in cli.stderr
    # the stored copies of the ingested files are gone, the failed one's is kept
    assert sorted(path.name for path in (home / "uploads").iterdir()) == [
        __import__("hashlib").sha256(broken.read_bytes()).hexdigest()
    ]


def test_queued_uploads_wait_for_a_worker(home: Path, tmp_path: Path) -> None:
    """With no worker running, an upload stays queued (in Redis and in the table) and is
    processed by a worker started later."""
    pdf = make_pdf(tmp_path / "late.pdf", REPORT)
    web = _run(home, "-c", WEB_SIDE, str(pdf))
    assert web.returncode == 0, web.stderr
    time.sleep(1)
    assert [state for _, state, _, _ in _items(home)] == ["queued"]
    log = (home / "worker.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "civicwatch", "worker", "--pool", "solo"],
        env=_env(home),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        items = _wait_until_finished(home, process, seconds=240)  # type: ignore[arg-type]
        assert items[0][1] == "ingested"
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def test_worker_refuses_to_start_without_a_broker(home: Path) -> None:
    result = _run(home, "-m", "civicwatch", "worker", broker=False)
    assert result.returncode != 0
    assert "CIVICWATCH_BROKER_URL is not set" in result.stderr
