"""Reading generated files back: Markdown and HTML as text, the PDF through pdftotext, the
Word file through python-docx (with its footnotes part)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest


def pdf_text(data: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return " ".join(result.stdout.split())


def docx_document(data: bytes) -> Any:
    import docx

    return docx.Document(io.BytesIO(data))


def docx_text(data: bytes) -> str:
    document = docx_document(data)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return " ".join(" ".join(parts).split())


def docx_footnotes(data: bytes) -> list[str]:
    """The text of each real Word footnote (separators left out)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "word/footnotes.xml" not in archive.namelist():
            return []
        xml = archive.read("word/footnotes.xml").decode("utf-8")
    notes = re.findall(r'<w:footnote w:id="(\d+)">(.*?)</w:footnote>', xml, re.S)
    return [" ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body)).strip() for _, body in notes]


def text_of(fmt: str, data: bytes, tmp_path: Path) -> str:
    if fmt == "pdf":
        return pdf_text(data, tmp_path)
    if fmt == "docx":
        return docx_text(data) + " " + " ".join(docx_footnotes(data))
    text = data.decode("utf-8")
    if fmt == "html":
        import html

        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(text.split())
