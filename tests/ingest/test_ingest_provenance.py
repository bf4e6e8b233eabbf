"""Who published a document, from the document itself (civicwatch/ingest/provenance.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from civicwatch import ingest
from civicwatch.ingest.provenance import publisher_in_text
from tests.filemakers import make_docx, make_pdf

REPORTS = Path(__file__).resolve().parents[2] / "examples" / "reports"


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        (
            "Azerbaijan: journalist remanded\n\n"
            "Issued 12 December 2023 by the Caucasus Media Freedom Network\n\nBody.",
            "Caucasus Media Freedom Network",
        ),
        (
            "Title\nPublished 2 April 2024 by the Steppe Watch monitoring group (covering March)",
            "Steppe Watch",
        ),
        (
            "# Update\n\n*Civic space update, prepared by Qorgau Human Rights Centre (Almaty) "
            "and Eurasia Civic Partnership (Brussels).*",
            "Qorgau Human Rights Centre",
        ),
        ("Title\n\nBody.\n\nPublished by Pamir Rights Watch and Partners.", "Pamir Rights Watch"),
        ("Заголовок\nПодготовлено Казахстанским бюро по правам человека\nТекст.", None),
        ("Доклад\nПодготовлено «Правозащитный центр Мемориал»", "Правозащитный центр Мемориал"),
        # "опубликовано" names a publisher whatever its name; "подготовлено" only an
        # organisation's
        ("Обзор\nОпубликовано изданием «Северный ветер», 3 мая 2026\nТекст.", "Северный ветер"),
        ("Обзор\nПодготовлено Аскаром Нуржановым\nТекст.", None),
        ("Обзор\nОпубликовано 3 мая 2026 года\nТекст.", None),
        # a person is no publisher unless the line says the person issued it
        ("Report\nCompiled by Madina Serikbayeva and Tom Heller.\nBody.", None),
        ("Report\nPosted by admin\nBody.", None),
        # a sentence deep in the body is not a header or footer
        ("Title\n" + "Paragraph.\n" * 30 + "The order was issued by the Almaty City Court.\n"
         + "More.\n" * 10, None),
    ],
)  # fmt: skip
def test_publisher_stated_in_the_text(text: str, publisher: str | None) -> None:
    assert publisher_in_text(text) == publisher


def test_html_metadata_names_the_publisher() -> None:
    page = (
        b'<!doctype html><html><head><meta charset="utf-8"><title>T</title>'
        b'<meta property="og:site_name" content="Kloop Media">'
        b'<meta name="author" content="Jane Doe"></head><body><p>Nothing stated.</p></body></html>'
    )
    assert ingest.read_bytes(page, "page.html").publisher == "Kloop Media"


def test_an_author_that_is_a_person_is_not_a_publisher(tmp_path: Path) -> None:
    page = b'<html><head><meta name="author" content="Jane Doe"></head><body><p>Text.</p></body>'
    assert ingest.read_bytes(page, "page.html").publisher is None
    docx = make_docx(tmp_path / "plain.docx", ["A paragraph."])  # python-docx's own author
    assert ingest.read_path(docx).publisher is None


def test_pdf_and_docx_authors_that_are_organisations(tmp_path: Path) -> None:
    import docx as python_docx
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_author("Freedom Now Coalition; Someone Else")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "A court in Almaty fined two activists.")
    path = tmp_path / "a.pdf"
    pdf.output(str(path))
    assert ingest.read_path(path).publisher == "Freedom Now Coalition"

    document = python_docx.Document()
    document.core_properties.author = "Bir Duino Human Rights Movement"
    document.add_paragraph("A court in Bishkek fined a blogger.")
    word = tmp_path / "b.docx"
    document.save(str(word))
    assert ingest.read_path(word).publisher == "Bir Duino Human Rights Movement"


def test_a_text_statement_beats_the_author(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "c.pdf", ["Title", "Body.", "Issued by the Steppe Watch group."])
    assert ingest.read_path(path).publisher == "Steppe Watch"


@pytest.mark.parametrize("path", sorted(REPORTS.iterdir()), ids=lambda path: path.name)
def test_every_demo_report_names_its_publisher(path: Path) -> None:
    publisher = ingest.read_path(path).publisher
    assert publisher
    assert "demo" not in publisher.lower()
