"""Bad input to exports: refused before anything is written; a failure half-way leaves no
file behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from civicwatch.errors import InvalidValueError


def test_unknown_format_and_level() -> None:
    from civicwatch.services.exports import export_chunks

    with pytest.raises(InvalidValueError, match="unknown export format 'xml'"):
        export_chunks("xml", "public")
    with pytest.raises(InvalidValueError, match="unknown level 'secret'"):
        export_chunks("json", "secret")
    with pytest.raises(InvalidValueError, match="set of files"):
        export_chunks("csv", "public")


def test_a_failing_stream_leaves_no_file(tmp_path: Path) -> None:
    from civicwatch.exports.files import write_text_atomically

    def chunks() -> Iterator[str]:
        yield "half"
        raise RuntimeError("the database went away")

    target = tmp_path / "out.json"
    with pytest.raises(RuntimeError):
        write_text_atomically(target, chunks())
    assert list(tmp_path.iterdir()) == []
    write_text_atomically(target, iter(["whole"]))
    assert target.read_text() == "whole" and list(tmp_path.iterdir()) == [target]


@pytest.mark.django_db
def test_csv_export_refuses_a_folder_with_files(tmp_path: Path) -> None:
    from civicwatch.services.exports import export_to_path

    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep me")
    with pytest.raises(InvalidValueError, match="not an empty folder"):
        export_to_path("csv", folder, "public")
    assert [p.name for p in folder.iterdir()] == ["mine.txt"]
    with pytest.raises(InvalidValueError, match="does not exist"):
        export_to_path("json", tmp_path / "missing" / "x.json", "public")
    written = export_to_path("csv", tmp_path / "new", "public")
    assert sorted(p.name for p in written.iterdir())[0] == "charges.csv"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new", "tables"]
