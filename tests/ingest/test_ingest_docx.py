"""Word .docx files: paragraphs and tables in order, titles, Cyrillic, failures."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from civicwatch.errors import EmptyTextError, UnreadableFileError
from civicwatch.ingest import read_bytes, read_path

MakeDocx = Callable[..., Path]
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_paragraphs_and_tables_in_document_order(make_docx: MakeDocx) -> None:
    path = make_docx(
        [
            ("Title", "Briefing on political prisoners"),
            ("Normal", "Astana, 27 March 2023"),
            ("Normal", ""),
            ("Heading 1", "Cases"),
            ("Normal", "The following people are held:"),
            ("table", [["Name", "Article"], ["X", "CC 405"], ["Y", "CC 274"]]),
            ("Normal", "Closing paragraph."),
        ]
    )
    result = read_path(path)
    assert result.text == (
        "Briefing on political prisoners\n\nAstana, 27 March 2023\n\nCases\n\n"
        "The following people are held:\n\nName\tArticle\nX\tCC 405\nY\tCC 274\n\n"
        "Closing paragraph."
    )
    assert result.title == "Briefing on political prisoners"  # Title-styled paragraph
    assert result.published == date(2023, 3, 27)
    assert result.language == "en"
    assert result.media_type == DOCX_TYPE
    assert result.reader == "docx/1+norm/1"


def test_core_properties_title_wins(make_docx: MakeDocx) -> None:
    path = make_docx([("Heading 1", "Heading")], core_title="From the properties")
    assert read_path(path).title == "From the properties"


def test_first_heading_when_properties_say_nothing_useful(make_docx: MakeDocx) -> None:
    path = make_docx([("Normal", "x" * 250), ("Heading 2", "Section")], core_title="Untitled")
    assert read_path(path).title == "Section"


def test_cyrillic_docx(make_docx: MakeDocx) -> None:
    path = make_docx(
        [
            ("Normal", "Обзор гражданского пространства"),
            ("Normal", "27.03.2023"),
            ("Normal", "Суд приговорил активиста к семи годам лишения свободы."),
        ]
    )
    result = read_path(path)
    assert result.text.startswith("Обзор гражданского пространства\n\n27.03.2023")
    assert result.title == "Обзор гражданского пространства"
    assert result.published == date(2023, 3, 27)
    assert result.language == "ru"


def test_merged_table_cells_are_read_once(make_docx: MakeDocx, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "Wide header"
    for index, cell in enumerate(table.rows[1].cells):
        cell.text = f"c{index}"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert read_path(path).text == "Wide header\nc0\tc1\tc2"


def test_reading_is_deterministic(make_docx: MakeDocx) -> None:
    path = make_docx([("Normal", "One."), ("table", [["a", "b"]]), ("Normal", "Two.")])
    assert read_path(path) == read_path(path)


def test_docx_without_text_is_empty(make_docx: MakeDocx) -> None:
    with pytest.raises(EmptyTextError, match="no text"):
        read_path(make_docx([("Normal", "")]))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"plain text pretending to be a docx", "not in .docx format"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old-style .doc"),
        (b"PK\x03\x04 truncated zip", "corrupt or truncated"),
    ],
)
def test_unreadable_docx(data: bytes, message: str) -> None:
    with pytest.raises(UnreadableFileError, match=message):
        read_bytes(data, "bad.docx")


def test_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a document")
    with pytest.raises(UnreadableFileError, match="not a readable Word document"):
        read_bytes(buffer.getvalue(), "archive.docx")


def test_truncated_docx(make_docx: MakeDocx) -> None:
    data = make_docx([("Normal", "Some text " * 200)]).read_bytes()
    with pytest.raises(UnreadableFileError, match="corrupt or truncated"):
        read_bytes(data[: len(data) // 2], "cut.docx")
