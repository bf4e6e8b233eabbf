"""The JSON import: a malformed file is named by section, record and field, and nothing
of it is written; a dry run writes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from civicwatch.errors import InvalidValueError

pytestmark = pytest.mark.django_db


def _document(pk: int, **changes: Any) -> dict[str, Any]:
    text = "A short note about a picket in Almaty."
    record = {
        "id": pk,
        "sha256": f"{pk:064d}",
        "filename": f"note-{pk}.txt",
        "media_type": "text/plain",
        "size_bytes": len(text),
        "reader": "text/1",
        "text": text,
        "title": f"Note {pk}",
        "published": "2024-02-01",
        "sensitivity": "internal",
        "ingested_by": "alice",
    }
    record.update(changes)
    return record


def _file(tmp_path: Path, **sections: Any) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format": "civicwatch-export", "version": 1, **sections}))
    return path


def test_import_keeps_ids_and_accounts(tmp_path: Path) -> None:
    from django.contrib.auth import get_user_model

    from civicwatch.services.exports import import_json
    from civicwatch.store.models import Document

    dry = import_json(_file(tmp_path, documents=[_document(7)]), dry_run=True)
    assert dry.counts["documents"] == 1 and not Document.objects.exists()
    assert not get_user_model().objects.filter(username="alice").exists()
    import_json(_file(tmp_path, documents=[_document(7)]))
    document = Document.objects.get()
    assert document.pk == 7 and document.ingested_by.username == "alice"
    assert not document.ingested_by.has_usable_password()


def test_a_bad_record_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    from civicwatch.services.exports import import_json
    from civicwatch.store.models import Document

    path = _file(tmp_path, documents=[_document(1), _document(2, published="the second of May")])
    with pytest.raises(InvalidValueError, match=r"documents, record 2 \(id 2\), field published"):
        import_json(path)
    assert not Document.objects.exists()
    claims = [
        {"id": 1, "document": 1, "kind": "event", "start": 5, "end": 2, "quote": "x", "value": {}}
    ]
    with pytest.raises(InvalidValueError, match="claims: the database refused a record"):
        import_json(_file(tmp_path, documents=[_document(1)], claims=claims))
    assert not Document.objects.exists()
    claims[0].update(start=0, end=1, document=99)
    with pytest.raises(InvalidValueError, match="links to one that is not in the file"):
        import_json(_file(tmp_path, documents=[_document(1)], claims=claims))
    assert not Document.objects.exists()
    (tmp_path / "not.json").write_text("{not json")
    with pytest.raises(InvalidValueError, match="not a JSON file"):
        import_json(tmp_path / "not.json")
    with pytest.raises(InvalidValueError, match="cannot read"):
        import_json(tmp_path / "missing.json")
