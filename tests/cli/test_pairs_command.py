"""``civicwatch eval-pairs`` as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from civicwatch.cli import cli

HEADER = "id\tname_a\tname_b\tsame\tcategory\tcontext_a\tcontext_b\n"
GOOD = HEADER + (
    "1\tЖыланбаев Марат\tMarat Zhylanbaev\t1\ttransliteration\t\t\n"
    "2\tNurlan Tokan\tNurlan Tokanov\t1\tkazakh_ending\t\t\n"
    "3\tSerik Tokan\tNurlan Tokanov\t0\tkazakh_ending\t\t\n"
    "4\tErlan Kusainov\tErlan Kusainova\t0\tgender\t\t\n"
)
FALSE_MERGE = HEADER + "1\tA. Serikbayev\tArman Serikbayev\t0\tinitials\t\t\n"


def run(*args: str):
    return CliRunner().invoke(cli, ["eval-pairs", *args])


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pairs.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_text_report_and_check_pass(tmp_path: Path) -> None:
    result = run(str(write(tmp_path, GOOD)), "--check")
    assert result.exit_code == 0, result.output
    assert "4 pairs: 2 same person, 2 different persons" in result.output
    assert "SAME+POSSIBLE recall" in result.output and "Per category:" in result.output


def test_json_report(tmp_path: Path) -> None:
    result = run(str(write(tmp_path, GOOD)), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["same_precision"] == 1.0 and data["flagged_recall"] == 1.0
    assert set(data["categories"]) == {"transliteration", "kazakh_ending", "gender"}


def test_check_fails_when_a_target_is_missed(tmp_path: Path) -> None:
    path = write(tmp_path, FALSE_MERGE)
    assert run(str(path)).exit_code == 0  # without --check the report is all
    result = run(str(path), "--check")
    assert result.exit_code == 1
    assert "false merge: 1 (line 2)" in result.output


def test_malformed_file_is_a_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "1\tMamai\tMamai\tperhaps\tx\t\t\n")
    result = run(str(path))
    assert result.exit_code == 1
    assert f"Error: {path}, line 2: 'same' must be 1 or 0" in result.output
    assert "Traceback" not in result.output


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run(str(tmp_path / "absent.tsv"))
    assert result.exit_code == 2 and "does not exist" in result.output


def test_help_ends_with_an_example() -> None:
    result = run("--help")
    assert result.exit_code == 0
    example = result.output.split("Example:")[1].split("Options:")[0]
    assert example.strip().startswith("civicwatch eval-pairs ")
