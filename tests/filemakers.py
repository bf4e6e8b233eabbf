"""Files in every supported format, made by the tests themselves."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path


def make_pdf(path: Path, paragraphs: list[str], *, title: str | None = None) -> Path:
    return make_pdf_pages(path, [paragraphs], title=title)


def make_pdf_pages(path: Path, pages: list[list[str]], *, title: str | None = None) -> Path:
    """A text PDF (fpdf2, core font Helvetica: Latin text only), the same bytes every time."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(datetime(2024, 1, 1, tzinfo=UTC))
    if title is not None:
        pdf.set_title(title)
    pdf.set_font("Helvetica", size=11)
    for paragraphs in pages:
        pdf.add_page()
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    pdf.output(str(path))
    return path


def make_docx(path: Path, paragraphs: list[str], *, title: str | None = None) -> Path:
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
        document.add_heading(title, level=0)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def make_html(path: Path, paragraphs: list[str], *, title: str, published: str) -> Path:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    path.write_text(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="article:published_time" content="{published}"></head>'
        f"<body><h1>{title}</h1>{body}</body></html>",
        encoding="utf-8",
    )
    return path


def make_corrupt_pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf")
    return path


def make_binary(path: Path) -> Path:
    path.write_bytes(bytes(range(256)) * 40)
    return path
