"""The export page: editors download every format; reviewers and viewers may not; a
confidential record stays out of a lower-level download."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

TEXT = (
    "On 3 February 2024 police in Kostanay detained the activist Marat Ospanov at a peaceful "
    "picket. A court sentenced Marat Ospanov to 10 days of administrative detention."
)
SECRET = (
    "On 5 February 2024 police in Kostanay detained the journalist Yerlan Kassymov at a "
    "peaceful picket. A court fined Yerlan Kassymov 30 MCI."
)


def _client(role: Any, name: str) -> Client:
    from django.contrib.auth import get_user_model

    from civicwatch.services.accounts import add_user

    add_user(name, role, "a-long-test-password-1")
    client = Client()
    client.force_login(get_user_model().objects.get(username=name))
    return client


@pytest.fixture
def records() -> None:
    from civicwatch.core.vocab import Sensitivity
    from civicwatch.services.documents import DocumentMetadata, ingest_bytes

    ingest_bytes(TEXT.encode(), "open.txt", DocumentMetadata(sensitivity=Sensitivity.PUBLIC))
    ingest_bytes(
        SECRET.encode(), "secret.txt", DocumentMetadata(sensitivity=Sensitivity.CONFIDENTIAL)
    )


def _body(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


def test_editor_downloads_each_format_at_a_level(records: None) -> None:
    from civicwatch.core.vocab import Role

    client = _client(Role.EDITOR, "editor")
    page = client.get("/exports/")
    assert page.status_code == 200 and b'name="format"' in page.content
    assert b"/exports/" in client.get("/").content  # the nav link
    for fmt in ("json", "ftm", "acled", "prisoners"):
        response = client.get("/exports/", {"format": fmt, "level": "public"})
        assert response.status_code == 200, fmt
        assert "attachment" in response["Content-Disposition"]
        body = _body(response).decode()
        assert "Kassymov" not in body, fmt
    data = json.loads(_body(client.get("/exports/", {"format": "json", "level": "public"})))
    assert any("Ospanov" in p["canonical_name"] for p in data["persons"])
    full = _body(client.get("/exports/", {"format": "json", "level": "confidential"})).decode()
    assert "Kassymov" in full
    archive = zipfile.ZipFile(
        io.BytesIO(_body(client.get("/exports/", {"format": "csv", "level": "public"})))
    )
    persons = archive.read("persons.csv").decode()
    assert "Ospanov" in persons and "Kassymov" not in persons
    pdf = client.get("/exports/", {"format": "prisoners-pdf", "level": "public"})
    assert pdf["Content-Type"] == "application/pdf" and _body(pdf).startswith(b"%PDF")
    bad = client.get("/exports/", {"format": "xml", "level": "public"})
    assert bad.status_code == 400


def test_reviewers_and_viewers_may_not_export(records: None) -> None:
    from civicwatch.core.vocab import Role

    assert _client(Role.REVIEWER, "reviewer").get("/exports/").status_code == 403
    viewer = _client(Role.VIEWER, "viewer")
    assert viewer.get("/exports/", {"format": "json", "level": "public"}).status_code == 403
    assert b"/exports/" not in viewer.get("/").content
