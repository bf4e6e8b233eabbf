"""``civicwatch extract``, ``eval`` and ``reextract`` as a user runs them."""

import json
from pathlib import Path

from tests.cli.test_ingest_command import civicwatch
from tests.filemakers import make_corrupt_pdf

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_extract_prints_the_contract(tmp_path):
    report = EXAMPLES / "reports" / "kz-ngo-statement-2023-03.txt"
    result = civicwatch(tmp_path / "home", "extract", str(report), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"document", "persons", "organisations", "places", "events"}
    assert data["document"]["published"] == "2023-03-24"
    assert data["persons"], "no persons extracted"
    for event in data["events"]:
        assert event["evidence"]["quote"]
    # Extraction alone never creates a database.
    assert not (tmp_path / "home" / "civicwatch.sqlite3").exists()


def test_extract_table_lists_people(tmp_path):
    report = EXAMPLES / "reports" / "kz-ngo-statement-2023-03.txt"
    result = civicwatch(tmp_path / "home", "extract", str(report), "--format", "table")
    assert result.returncode == 0, result.stderr
    assert "persons," in result.stdout


def test_extract_bad_file_is_a_clear_error(tmp_path):
    broken = make_corrupt_pdf(tmp_path / "broken.pdf")
    result = civicwatch(tmp_path / "home", "extract", str(broken))
    assert result.returncode == 1
    assert "broken.pdf" in result.stderr and "Traceback" not in result.stderr


def test_eval_on_the_demo_gold(tmp_path):
    result = civicwatch(
        tmp_path / "home",
        "eval",
        str(EXAMPLES / "gold"),
        "--docs",
        str(EXAMPLES / "reports"),
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    score = json.loads(result.stdout)
    assert "persons" in json.dumps(score)


def test_eval_without_gold_files_is_a_clear_error(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = civicwatch(tmp_path / "home", "eval", str(empty))
    assert result.returncode == 1 and "gold" in result.stderr


def test_reextract_after_ingest(tmp_path):
    home = tmp_path / "home"
    report = EXAMPLES / "reports" / "kz-ngo-statement-2023-03.txt"
    assert civicwatch(home, "ingest", str(report)).returncode == 0
    usage = civicwatch(home, "reextract")
    assert usage.returncode == 2 and "--all" in usage.stderr
    unknown = civicwatch(home, "reextract", "999")
    assert unknown.returncode == 1 and "no document with id 999" in unknown.stderr
    again = civicwatch(home, "reextract", "--all")
    assert again.returncode == 0, again.stderr
    assert "0 added" in again.stdout and "0 superseded" in again.stdout


def test_eval_reads_the_corpus_folder_from_the_environment(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    monkeypatch.setenv("CIVICWATCH_CORPUS_DIR", str(corpus))
    result = civicwatch(tmp_path / "home", "eval")
    # the folder named by the variable is the one read: it holds no gold files
    assert result.returncode == 1 and str(corpus) in result.stderr and "gold" in result.stderr


def test_eval_without_a_corpus_says_how_to_get_one(tmp_path, monkeypatch):
    monkeypatch.setenv("CIVICWATCH_CORPUS_DIR", str(tmp_path / "missing"))
    result = civicwatch(tmp_path / "home", "eval")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "CIVICWATCH_CORPUS_DIR" in result.stderr and "shared/corpus/dev" in result.stderr
