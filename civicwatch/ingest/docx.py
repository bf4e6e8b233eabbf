"""Word .docx files through python-docx: paragraphs and tables in document order.

One paragraph per line with a blank line between paragraphs; a table row is one line with
its cells separated by tabs, so a row of a prisoners table ("name, article, sentence")
stays together. The body is walked in XML order, including content controls (``w:sdt``,
used by templates and cover pages), which python-docx's own iterators skip. Headers,
footers, footnotes, comments and text boxes are not read.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from civicwatch.errors import IngestError, UnreadableFileError
from civicwatch.ingest.base import Extracted
from civicwatch.ingest.metadata import clean_title, meaningful_title

READER = "docx/1"

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_docx(data: bytes) -> Extracted:
    """The text of a .docx, titled by its properties or its first Title/Heading paragraph."""
    if data.startswith(_OLE_MAGIC):
        raise UnreadableFileError(
            "not a readable Word document (.docx): this is an old-style .doc file or a "
            "password-protected document; open it in Word or LibreOffice, save it as an "
            "unprotected .docx and add that"
        )
    if not data.startswith(b"PK"):
        raise UnreadableFileError(
            "not a readable Word document (.docx): the file is not in .docx format"
        )
    try:
        document = Document(io.BytesIO(data))
        blocks: list[str] = []
        styled_title = None
        for element in _blocks(document.element.body):
            if element.tag == _TBL:
                block = _table_text(element, document)
            else:
                paragraph = Paragraph(element, document)
                block = paragraph.text
                if styled_title is None and block.strip() and _is_title_style(paragraph):
                    styled_title = clean_title(block)
            if block.strip():
                blocks.append(block)
        title = meaningful_title(document.core_properties.title) or styled_title
    except IngestError:
        raise
    except Exception as exc:  # zipfile, lxml, KeyError for missing parts, ...
        raise UnreadableFileError(
            "not a readable Word document (.docx): the file is corrupt or truncated"
        ) from exc
    return Extracted(
        text="\n\n".join(blocks),
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        title=title,
    )


def _blocks(container: Any) -> Iterator[Any]:
    """Paragraph and table elements of a body or cell, in order, through content controls."""
    for child in container.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)
        elif child.tag == _CUSTOM_XML:
            yield from _blocks(child)


def _children(element: Any, tag: str) -> Iterator[Any]:
    """Direct children with ``tag``, looking through content controls around them."""
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)


def _table_text(table: Any, document: Any) -> str:
    """One line per row, cells separated by tabs; each XML cell once, merged or not."""
    rows = []
    for row in _children(table, _TR):
        cells = [_cell_text(cell, document) for cell in _children(row, _TC)]
        if any(cells):
            rows.append("\t".join(cells))
    return "\n".join(rows)


def _cell_text(cell: Any, document: Any) -> str:
    """A cell's paragraphs (and nested tables) on one line, joined by spaces."""
    parts = []
    for element in _blocks(cell):
        if element.tag == _TBL:
            text = _table_text(element, document)
        else:
            text = Paragraph(element, document).text
        text = " ".join(text.split())
        if text:
            parts.append(text)
    return " ".join(parts)


def _is_title_style(paragraph: Paragraph) -> bool:
    try:
        name = (paragraph.style.name or "") if paragraph.style is not None else ""
    except Exception:  # a missing or broken styles part is not worth failing the file
        return False
    return name == "Title" or name.startswith("Heading")
