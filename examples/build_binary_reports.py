"""Regenerate the binary example reports from their plain-text sources.

    .venv/bin/python examples/build_binary_reports.py

Reads ``examples/sources/<name>.txt`` and writes ``examples/reports/<name>.pdf``
(fpdf2, core Helvetica font, so the PDF source must stay within Latin-1) and
``examples/reports/<name>.docx`` (python-docx). Output is deterministic: the
metadata dates are fixed and the DOCX zip entries carry a fixed timestamp, so a
rerun produces byte-identical files.

Source format (deliberately tiny):
    line 1            title
    line 2            dated line, printed as is
    "## text"         section heading
    "### text"        sub-heading
    "- text"          bullet item
    other lines       paragraphs, separated by blank lines
"""

from __future__ import annotations

import io
import sys
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
REPORTS = HERE / "reports"

AUTHOR = "Civicwatch examples (texts written for the project)"


@dataclass(frozen=True)
class Block:
    kind: str  # "title", "dateline", "h2", "h3", "bullet", "para"
    text: str


@dataclass(frozen=True)
class Spec:
    name: str
    fmt: str  # "pdf" or "docx"
    published: datetime
    author: str
    subject: str


SPECS = [
    Spec(
        name="kz-eu-dialogue-briefing-2023-10",
        fmt="pdf",
        published=datetime(2023, 10, 26, 9, 0, 0, tzinfo=UTC),
        author="Eurasia Civic Partnership; Qorgau Human Rights Centre",
        subject="Briefing paper for the EU-Kazakhstan Human Rights Dialogue, April-October 2023",
    ),
    Spec(
        name="kz-political-prisoners-2024-01",
        fmt="docx",
        published=datetime(2024, 1, 22, 9, 0, 0, tzinfo=UTC),
        author="Qorgau Human Rights Centre",
        subject="Political prisoners in Kazakhstan, list update January 2024",
    ),
]


def parse(text: str) -> list[Block]:
    lines = text.splitlines()
    if len(lines) < 2:
        raise ValueError("source needs a title line and a dated line")
    blocks = [Block("title", lines[0].strip()), Block("dateline", lines[1].strip())]
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block("para", " ".join(para)))
            para.clear()

    for raw in lines[2:]:
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("### "):
            flush()
            blocks.append(Block("h3", line[4:].strip()))
        elif line.startswith("## "):
            flush()
            blocks.append(Block("h2", line[3:].strip()))
        elif line.startswith("- "):
            flush()
            blocks.append(Block("bullet", line[2:].strip()))
        else:
            para.append(line)
    flush()
    return blocks


# --------------------------------------------------------------------------- PDF


def build_pdf(spec: Spec, blocks: list[Block], out: Path) -> None:
    from fpdf import FPDF

    for b in blocks:
        try:
            b.text.encode("latin-1")
        except UnicodeEncodeError as exc:  # core fonts only cover Latin-1
            raise SystemExit(
                f"{spec.name}: non-Latin-1 text in PDF source: {b.text[:60]!r}"
            ) from exc

    title = blocks[0].text
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(spec.published)
    pdf.set_title(title)
    pdf.set_author(spec.author)
    pdf.set_subject(spec.subject)
    pdf.set_creator("examples/build_binary_reports.py")
    pdf.set_producer("fpdf2")
    pdf.set_lang("en")
    pdf.set_margins(left=22, top=20, right=22)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    for b in blocks:
        if b.kind == "title":
            pdf.set_font("Helvetica", style="B", size=16)
            pdf.multi_cell(width, 8, b.text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif b.kind == "dateline":
            pdf.set_font("Helvetica", style="I", size=10)
            pdf.multi_cell(width, 6, b.text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        elif b.kind in ("h2", "h3"):
            pdf.ln(2)
            pdf.set_font("Helvetica", style="B", size=13 if b.kind == "h2" else 11)
            pdf.multi_cell(width, 7, b.text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif b.kind == "bullet":
            pdf.set_font("Helvetica", size=10.5)
            indent = 6
            pdf.set_x(pdf.l_margin)
            pdf.cell(indent, 5.5, "-")
            pdf.multi_cell(width - indent, 5.5, b.text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        else:
            pdf.set_font("Helvetica", size=10.5)
            pdf.multi_cell(width, 5.5, b.text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)

    out.write_bytes(bytes(pdf.output()))


# -------------------------------------------------------------------------- DOCX


def _deterministic_zip(data: bytes, stamp: datetime) -> bytes:
    """Rewrite a zip with fixed entry timestamps and attributes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def build_docx(spec: Spec, blocks: list[Block], out: Path) -> None:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    stamp = spec.published.replace(tzinfo=None)
    props = doc.core_properties
    props.title = blocks[0].text
    props.author = spec.author
    props.last_modified_by = spec.author
    props.subject = spec.subject
    props.language = "en"
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    props.comments = "Example report written for the Civicwatch project."

    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)

    for b in blocks:
        if b.kind == "title":
            doc.add_paragraph(b.text, style="Title")
        elif b.kind == "dateline":
            p = doc.add_paragraph()
            p.add_run(b.text).italic = True
        elif b.kind == "h2":
            doc.add_heading(b.text, level=1)
        elif b.kind == "h3":
            doc.add_heading(b.text, level=2)
        elif b.kind == "bullet":
            doc.add_paragraph(b.text, style="List Bullet")
        else:
            doc.add_paragraph(b.text)

    buf = io.BytesIO()
    doc.save(buf)
    out.write_bytes(_deterministic_zip(buf.getvalue(), stamp))


def main(argv: list[str]) -> int:
    REPORTS.mkdir(parents=True, exist_ok=True)
    for spec in SPECS:
        src = SOURCES / f"{spec.name}.txt"
        blocks = parse(src.read_text(encoding="utf-8"))
        out = REPORTS / f"{spec.name}.{spec.fmt}"
        if spec.fmt == "pdf":
            build_pdf(spec, blocks, out)
        else:
            build_docx(spec, blocks, out)
        print(f"wrote {out.relative_to(HERE.parent)} ({out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
