"""A case database built once per module from the demo corpus (and the dev corpus when it
is there), through the same service the CLI calls."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction

from tests.conftest import DEV_CORPUS, REPO_ROOT

DEMO_REPORTS = REPO_ROOT / "examples" / "reports"


def ingest_folder(*folders: Path) -> Any:
    from civicwatch.services.documents import DocumentMetadata, ingest_paths

    summary = ingest_paths(list(folders), DocumentMetadata())
    assert not summary.failures, summary.failures
    return summary


@pytest.fixture(scope="module")
def demo_database(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """The demo corpus ingested into the test database for the whole module, rolled back
    afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        folders = [DEMO_REPORTS]
        if (DEV_CORPUS / "civicus-kazakhstan-2023-03.txt").exists():
            folders.append(DEV_CORPUS)
        ingest_folder(*folders)
        yield
        transaction.set_rollback(True)


def person_named(name: str) -> dict[str, Any]:
    from civicwatch.services.persons import find_person, person_file

    return person_file(find_person(name))


def without_ids(data: Any) -> Any:
    """A case file with the ids of derived rows (events) removed, for comparison."""
    if isinstance(data, dict):
        return {key: without_ids(value) for key, value in data.items() if key not in {"event"}}
    if isinstance(data, list):
        return [without_ids(item) for item in data]
    return data


def strip_event_ids(data: dict[str, Any]) -> dict[str, Any]:
    copy = without_ids(data)
    for event in copy.get("events", []):
        event.pop("id", None)
    return copy


TODAY = date(2024, 7, 1)
