"""The public API: dispatch by suffix, size and emptiness checks, folder walking."""

from __future__ import annotations

import dataclasses
import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import civicwatch.ingest as ingest
from civicwatch.errors import (
    EmptyTextError,
    FileTooLargeError,
    IngestError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from civicwatch.ingest import (
    DEFAULT_MAX_BYTES,
    READER_VERSION,
    SUPPORTED_SUFFIXES,
    ReadResult,
    iter_files,
    read_bytes,
    read_path,
)
from civicwatch.ingest.normalise import (
    normalise,
)


def test_public_constants() -> None:
    expected = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"}
    assert expected == SUPPORTED_SUFFIXES
    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024
    assert "norm/1" in READER_VERSION
    assert set(ingest.__all__) >= {"ReadResult", "read_bytes", "read_path", "iter_files"}


def test_read_result_is_frozen() -> None:
    result = read_bytes(b"Some text.", "a.txt")
    assert isinstance(result, ReadResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "changed"  # type: ignore[misc]


def test_suffix_is_case_insensitive() -> None:
    assert read_bytes(b"Some text.", "REPORT.TXT").media_type == "text/plain"


@pytest.mark.parametrize(
    ("filename", "message"),
    [
        ("setup.exe", "files of type .exe are not supported"),
        ("table.xlsx", "files of type .xlsx are not supported"),
        ("old.doc", "save it as .docx"),
        ("README", "no extension"),
    ],
)
def test_unsupported_suffixes(filename: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormatError, match=message):
        read_bytes(b"whatever", filename)
    path = tmp_path / filename
    path.write_bytes(b"MZ" * 10)
    with pytest.raises(UnsupportedFormatError):
        read_path(path)


def test_file_too_large(tmp_path: Path) -> None:
    with pytest.raises(FileTooLargeError, match=r"MB \(101 bytes\).*limit of 0\.0 MB \(100"):
        read_bytes(b"x" * 101, "big.txt", max_bytes=100)
    path = tmp_path / "big.txt"
    path.write_bytes(b"y" * (3 * 1024 * 1024))
    with pytest.raises(FileTooLargeError, match=r"3\.0 MB, larger than the limit of 2\.0 MB$"):
        read_path(path, max_bytes=2 * 1024 * 1024)
    assert read_bytes(b"x" * 100, "fits.txt", max_bytes=100).text == "x" * 100


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES))
def test_empty_file(suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    with pytest.raises(EmptyTextError, match="empty"):
        read_path(path)


def test_whitespace_only_text_is_empty() -> None:
    with pytest.raises(EmptyTextError, match="no text"):
        read_bytes(b" \r\n\t\n  \n", "blank.txt")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="does not exist"):
        read_path(tmp_path / "missing.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(UnreadableFileError, match="folder"):
        read_path(folder)


def test_same_bytes_give_the_same_result_in_every_format(tmp_path: Path) -> None:
    samples = {
        "a.txt": "Заголовок\r\n\r\nТекст.\r\n".encode("cp1251"),
        "a.md": b"# T\n\nText \xe2\x80\x94 more.\n",
        "a.html": "<p>Текст</p><ul><li>один</li></ul>".encode(),
    }
    for name, data in samples.items():
        assert read_bytes(data, name) == read_bytes(bytes(data), name)


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    return path


def test_iter_files_walks_folders_sorted_and_skips_hidden(tmp_path: Path) -> None:
    root = tmp_path / "reports"
    for relative in [
        "b.pdf",
        "a.txt",
        "sub/z.docx",
        "sub/deeper/c.html",
        "sub/notes.xlsx",  # unreadable office file: yielded so the caller reports it
        "sub/data.json",  # not a document: ignored in folders
        "sub/photo.jpg",
        ".hidden.txt",
        ".git/config.txt",
        "sub/.cache/d.md",
        "~$lock.docx",
        "C.MD",
    ]:
        _touch(root / relative)
    loose = _touch(tmp_path / "loose.exe")
    found = list(iter_files([root, loose]))
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "reports/C.MD",
        "reports/a.txt",
        "reports/b.pdf",
        "reports/sub/deeper/c.html",
        "reports/sub/notes.xlsx",
        "reports/sub/z.docx",
        "loose.exe",  # a file given directly is yielded as-is, even unsupported
    ]


def test_iter_files_yields_missing_files_for_the_caller_to_report(tmp_path: Path) -> None:
    missing = tmp_path / "missing.pdf"
    assert list(iter_files([missing])) == [missing]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_iter_files_does_not_follow_folder_symlinks(tmp_path: Path) -> None:
    root = tmp_path / "root"
    _touch(root / "a.txt")
    (root / "loop").symlink_to(root, target_is_directory=True)
    assert [p.name for p in iter_files([root])] == ["a.txt"]


@settings(max_examples=150, deadline=None)
@given(
    data=st.binary(max_size=2000),
    suffix=st.sampled_from(sorted(SUPPORTED_SUFFIXES)),
)
def test_arbitrary_bytes_only_raise_ingest_errors(data: bytes, suffix: str) -> None:
    try:
        result = read_bytes(data, f"fuzz{suffix}")
    except IngestError:
        return
    assert result.text.strip()
    assert normalise(result.text) == result.text


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_damaged_real_files_only_raise_ingest_errors(
    kind: str, make_pdf: Callable[..., Path], make_docx: Callable[..., Path]
) -> None:
    # Flip bytes inside real files so the failures come from deep inside pypdf/zipfile/lxml.
    if kind == "pdf":
        original = make_pdf([["Page one text. " * 20], ["Page two text."]]).read_bytes()
    else:
        original = make_docx([("Normal", "Paragraph text. " * 20)]).read_bytes()
    rng = random.Random(1234)
    outcomes: set[str] = set()
    for _ in range(150):
        data = bytearray(original)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            read_bytes(bytes(data), f"damaged.{kind}")
            outcomes.add("read")
        except IngestError as error:
            outcomes.add(type(error).__name__)
    assert outcomes <= {"read", "UnreadableFileError", "EmptyTextError"}
