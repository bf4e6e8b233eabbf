from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from civicwatch.errors import InvalidValueError
from civicwatch.evaluation import find_pairs, load_gold, score_document
from tests.evaluation.helpers import document, person


def _write_gold(directory: Path, stem: str, data: dict) -> Path:
    path = directory / f"{stem}.gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_load_gold_reads_fields(tmp_path: Path) -> None:
    data = document(person("Timur Orlov", "Orlov", articles=["CC 174"]), places=["Almaty"])
    gold = load_gold(_write_gold(tmp_path, "report", data))
    assert gold.doc == "sample.txt"
    assert gold.published == "2024-05-01"
    assert gold.stem == "report"
    assert gold.persons[0]["variants"] == ["Orlov"]
    assert score_document(gold, data).name == "report"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "one JSON object"),
        ('{"doc": "a.txt"}', "'persons' must be a list"),
        ('{"persons": [{"variants": []}]}', "persons[0]"),
        ('{"persons": [{"name": "A B", "articles": "CC 1"}]}', "'articles'"),
        ('{"persons": [{"name": "A B", "outcomes": [{"amount": "1 year"}]}]}', "'kind'"),
        ('{"persons": [{"name": "A B", "outcomes": [{"kind": "fine", "date": 2023}]}]}', "date"),
        ('{"persons": [], "places": [3]}', "places[0]"),
    ],
)
def test_load_gold_rejects_bad_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidValueError, match=re.escape(message)) as info:
        load_gold(path)
    assert str(path) in str(info.value)


def test_load_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match="cannot read"):
        load_gold(tmp_path / "absent.gold.json")


def test_find_pairs_uses_doc_key_then_stem(tmp_path: Path) -> None:
    _write_gold(tmp_path, "alpha", {**document(), "doc": "alpha-report.txt"})
    _write_gold(tmp_path, "beta", {**document(), "doc": "renamed.txt"})
    (tmp_path / "alpha-report.txt").write_text("text", encoding="utf-8")
    (tmp_path / "beta.pdf").write_bytes(b"%PDF-1.4")
    pairs = find_pairs(tmp_path)
    assert [(g.name, d.name) for g, d in pairs] == [
        ("alpha.gold.json", "alpha-report.txt"),
        ("beta.gold.json", "beta.pdf"),
    ]


def test_find_pairs_with_separate_docs_dir(tmp_path: Path) -> None:
    gold_dir, docs_dir = tmp_path / "gold", tmp_path / "docs"
    gold_dir.mkdir()
    docs_dir.mkdir()
    _write_gold(gold_dir, "gamma", {**document(), "doc": "gamma.docx"})
    (docs_dir / "gamma.docx").write_bytes(b"PK")
    (gold_dir / "gamma.docx").write_bytes(b"PK")  # ignored: docs_dir wins
    assert find_pairs(gold_dir, docs_dir) == [
        (gold_dir / "gamma.gold.json", docs_dir / "gamma.docx")
    ]


def test_find_pairs_missing_document_names_both_paths(tmp_path: Path) -> None:
    gold_path = _write_gold(tmp_path, "delta", {**document(), "doc": "delta.txt"})
    with pytest.raises(InvalidValueError) as info:
        find_pairs(tmp_path)
    message = str(info.value)
    assert str(gold_path) in message
    assert str(tmp_path / "delta.txt") in message


def test_find_pairs_needs_gold_files(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match=re.escape("no *.gold.json")):
        find_pairs(tmp_path)
    with pytest.raises(InvalidValueError, match="not a directory"):
        find_pairs(tmp_path / "absent")
    _write_gold(tmp_path, "eps", document())
    with pytest.raises(InvalidValueError, match="not a directory"):
        find_pairs(tmp_path, tmp_path / "absent")
