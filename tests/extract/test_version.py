"""The extractor version is derived from its code and data files."""

from __future__ import annotations

import re

from civicwatch.extract import version


def test_version_is_the_package_version_plus_a_source_hash() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+\+[0-9a-f]{12}", version.extractor_version())


def test_sources_cover_code_and_data_files() -> None:
    names = {path.name for path in version.source_files()}
    assert {"pipeline.py", "attach.py", "places.tsv", "given_names.txt", "records.py"} <= names
    assert "matching.py" not in names  # identity resolution does not change extraction


def test_a_changed_data_file_changes_the_version(tmp_path, monkeypatch) -> None:
    package = tmp_path / "civicwatch"
    (package / "extract" / "data").mkdir(parents=True)
    (package / "core").mkdir()
    for name in version._CORE_MODULES:
        (package / "core" / name).write_text("# core\n")
    (package / "extract" / "pipeline.py").write_text("# code\n")
    words = package / "extract" / "data" / "words.txt"
    words.write_text("detained\n")
    monkeypatch.setattr(version, "_PACKAGE", package)
    version.extractor_version.cache_clear()
    try:
        first = version.extractor_version()
        words.write_text("detained\narrested\n")
        version.extractor_version.cache_clear()
        assert version.extractor_version() != first
    finally:
        version.extractor_version.cache_clear()
