"""File makers for the ingest tests: every test file is created here, in tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.filemakers import make_pdf_pages


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    """Make a text PDF with fpdf2 (core font Helvetica, so Latin text only)."""

    def make(pages: list[list[str]], *, name: str = "report.pdf", title: str | None = None) -> Path:
        return make_pdf_pages(tmp_path / name, pages, title=title)

    return make


@pytest.fixture
def make_image_only_pdf(tmp_path: Path) -> Callable[[], Path]:
    """A PDF whose only page holds a drawn rectangle: no text layer, like a scan."""

    def make() -> Path:
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.rect(20, 20, 100, 60, style="F")
        path = tmp_path / "scan.pdf"
        pdf.output(str(path))
        return path

    return make


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    """Make a .docx with python-docx from ("style", "text") pairs and optional tables."""

    def make(
        blocks: list[tuple[str, object]],
        *,
        name: str = "report.docx",
        core_title: str | None = None,
    ) -> Path:
        import docx

        document = docx.Document()
        if core_title is not None:
            document.core_properties.title = core_title
        for kind, content in blocks:
            if kind == "table":
                assert isinstance(content, list)
                table = document.add_table(rows=len(content), cols=len(content[0]))
                for row, values in zip(table.rows, content, strict=True):
                    for cell, value in zip(row.cells, values, strict=True):
                        cell.text = value
            elif kind.startswith("Heading") or kind == "Title":
                level = 0 if kind == "Title" else int(kind.split()[-1])
                document.add_heading(str(content), level=level)
            else:
                document.add_paragraph(str(content))
        path = tmp_path / name
        document.save(str(path))
        return path

    return make
