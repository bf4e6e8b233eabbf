"""PDF files: page text, metadata title, and every way a PDF can fail."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from civicwatch.errors import EmptyTextError, UnreadableFileError
from civicwatch.ingest import read_bytes, read_path

MakePdf = Callable[..., Path]


def test_pages_are_joined_by_a_blank_line(make_pdf: MakePdf) -> None:
    path = make_pdf(
        [
            ["Kazakhstan: civic space update", "27.03.2023", "First page text."],
            ["Second page text."],
        ]
    )
    result = read_path(path)
    assert result.text == (
        "Kazakhstan: civic space update\n27.03.2023\nFirst page text.\n\nSecond page text."
    )
    assert result.title == "Kazakhstan: civic space update"  # no metadata title: first line
    assert result.published == date(2023, 3, 27)
    assert result.language == "en"
    assert result.media_type == "application/pdf"
    assert result.reader == "pdf/1+norm/1"


def test_metadata_title_is_used_when_meaningful(make_pdf: MakePdf) -> None:
    path = make_pdf([["Some body text."]], title="Briefing on political prisoners")
    assert read_path(path).title == "Briefing on political prisoners"


def test_boilerplate_metadata_title_is_ignored(make_pdf: MakePdf) -> None:
    path = make_pdf([["Real heading", "Some body text."]], title="Microsoft Word - draft.docx")
    assert read_path(path).title == "Real heading"


def test_reading_is_deterministic(make_pdf: MakePdf) -> None:
    path = make_pdf([["Alpha beta.", "Gamma delta."], ["Epsilon."]])
    assert read_path(path) == read_path(path)
    assert read_path(path).text == read_bytes(path.read_bytes(), "copy.pdf").text


def test_pdf_without_text_layer_says_so(make_image_only_pdf: Callable[[], Path]) -> None:
    with pytest.raises(EmptyTextError, match="no text layer"):
        read_path(make_image_only_pdf())


def test_random_bytes_are_not_a_pdf() -> None:
    data = random.Random(42).randbytes(5000)
    with pytest.raises(UnreadableFileError, match="not a readable PDF"):
        read_bytes(data, "random.pdf")


def test_truncated_pdf_is_refused(make_pdf: MakePdf) -> None:
    data = make_pdf([["Text on a page that will be cut off."]] * 3).read_bytes()
    for cut in (len(data) // 2, len(data) - 200, 100):
        with pytest.raises(UnreadableFileError, match="corrupt or truncated"):
            read_bytes(data[:cut], "cut.pdf")


def test_corrupt_body_with_valid_frame_is_unreadable() -> None:
    data = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 99 0 R >>\ngarbage\n%%EOF\n"
    with pytest.raises(UnreadableFileError, match="not a readable PDF"):
        read_bytes(data, "broken.pdf")


def test_encrypted_pdf_with_a_password_is_refused(make_pdf: MakePdf, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(make_pdf([["Secret text."]])))
    writer.encrypt(user_password="s3cret", owner_password="owner", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as stream:
        writer.write(stream)
    with pytest.raises(UnreadableFileError, match="password"):
        read_path(locked)


def test_pdf_encrypted_with_empty_password_is_read(make_pdf: MakePdf, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(make_pdf([["Restricted but readable."]])))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    restricted = tmp_path / "restricted.pdf"
    with restricted.open("wb") as stream:
        writer.write(stream)
    assert read_path(restricted).text == "Restricted but readable."


def test_encryption_pypdf_cannot_open_is_reported(
    make_pdf: MakePdf, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # AES needs the optional "cryptography" package; pypdf raises DependencyError without it.
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import DependencyError

    writer = PdfWriter(clone_from=PdfReader(make_pdf([["Text."]])))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "aes.pdf"
    with path.open("wb") as stream:
        writer.write(stream)

    def refuse(self: PdfReader, password: str) -> None:
        raise DependencyError("cryptography is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", refuse)
    with pytest.raises(UnreadableFileError, match="encrypted in a way that could not be opened"):
        read_path(path)
