"""Plain text and Markdown: encodings, binary junk, titles, Markdown kept as written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from civicwatch.errors import UnreadableFileError, UnsupportedFormatError
from civicwatch.ingest import read_bytes, read_path

RUSSIAN = "Суд в Астане приговорил активиста к семи годам лишения свободы.\n"


def test_plain_text_title_date_and_language(tmp_path: Path) -> None:
    path = tmp_path / "update.txt"
    path.write_text(
        "Kazakhstan: civic space update\n27.03.2023\n\n\n\n\n"
        "On 19 November 2023, a local court in Astana convicted X.   \r\n",
        encoding="utf-8",
    )
    result = read_path(path)
    assert result.text == (
        "Kazakhstan: civic space update\n27.03.2023\n\n\n"
        "On 19 November 2023, a local court in Astana convicted X."
    )
    assert result.title == "Kazakhstan: civic space update"
    assert result.published == date(2023, 3, 27)
    assert result.language == "en"
    assert result.media_type == "text/plain"
    assert result.reader == "text/1+norm/1"


@pytest.mark.parametrize(
    ("encoded", "label"),
    [
        (RUSSIAN.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + RUSSIAN.encode("utf-8"), "utf-8 with BOM"),
        (RUSSIAN.encode("utf-16"), "utf-16 with BOM"),
        (b"\xfe\xff" + RUSSIAN.encode("utf-16-be"), "utf-16-be with BOM"),
        (RUSSIAN.encode("cp1251"), "cp1251"),
    ],
)
def test_cyrillic_text_in_each_encoding(encoded: bytes, label: str) -> None:
    result = read_bytes(encoded, "report.txt")
    assert result.text == RUSSIAN.strip(), label
    assert result.language == "ru"


def test_kazakh_text_is_recognised() -> None:
    text = "Сот белсендіге жеті жылға бас бостандығынан айыру жазасын тағайындады."
    assert read_bytes(text.encode(), "kk.txt").language == "kk"


def test_mostly_utf8_with_a_damaged_byte_is_not_read_as_cp1251() -> None:
    data = (RUSSIAN * 3).encode("utf-8") + b"\xd0"  # a letter cut in half at the end
    result = read_bytes(data, "cut.txt")
    assert result.text.startswith("Суд в Астане")
    assert result.text.endswith("\ufffd")


def test_western_legacy_encoding_is_refused_not_garbled() -> None:
    data = "Le tribunal a condamné l'activiste à sept ans. Procès équitable?".encode("cp1252")
    with pytest.raises(UnsupportedFormatError, match="UTF-8"):
        read_bytes(data, "fr.txt")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,  # NUL bytes
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff",  # an .exe header
        bytes((i * 37 + 11) % 256 for i in range(4000) if (i * 37 + 11) % 256),  # no NULs
        b"ab\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10cd" * 10,  # control characters
    ],
)
def test_binary_junk_in_a_txt_is_refused(data: bytes) -> None:
    with pytest.raises(UnsupportedFormatError, match="looks like binary data, not text"):
        read_bytes(data, "junk.txt")


def test_damaged_utf16_is_unreadable() -> None:
    with pytest.raises(UnreadableFileError, match="UTF-16"):
        read_bytes(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8", "x.txt")


def test_markdown_is_kept_as_written_and_titled_by_first_h1(tmp_path: Path) -> None:
    source = (
        "Intro line\n\n```\n# not a heading\n```\n\n"
        "# Kazakhstan: *civic* space update #\n\n"
        "Published: 12 May 2024\n\n- **X** was detained under [art. 405](http://x)\n"
    )
    path = tmp_path / "update.md"
    path.write_text(source, encoding="utf-8")
    result = read_path(path)
    assert result.text == source.strip()  # markup stays, offsets match the file
    assert result.title == "Kazakhstan: *civic* space update"
    assert result.published == date(2024, 5, 12)
    assert result.media_type == "text/markdown"


def test_markdown_front_matter_and_setext_heading() -> None:
    front = '---\ntitle: "From front matter"\ndate: 2024-02-03\n---\n\n# Heading\n'
    result = read_bytes(front.encode(), "a.markdown")
    assert (result.title, result.published) == ("From front matter", date(2024, 2, 3))
    setext = read_bytes(b"Setext title\n============\n\nBody text here.\n", "b.md")
    assert setext.title == "Setext title"


def test_markdown_without_heading_falls_back_to_first_line() -> None:
    result = read_bytes("Заголовок без решётки\n\nТекст отчёта.\n".encode(), "c.md")
    assert result.title == "Заголовок без решётки"
    assert result.language == "ru"
