"""Lay a :class:`~civicwatch.reports.model.Report` out as Markdown, HTML, PDF or Word.

Markdown and HTML come from Jinja2 templates (``templates/*.j2``); a folder given as
``template_dir`` overrides them name by name. The PDF is WeasyPrint's rendering of the HTML
with a URL fetcher that refuses every non-local URL (fonts come from the system). The Word
file is built with python-docx: real heading styles, tables, and Word footnotes (one per
reference, as Word requires), so a monitor can keep editing it; a ``reference.docx`` in
``template_dir`` supplies its styles.
"""

from __future__ import annotations

import io
from enum import StrEnum
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import jinja2

from civicwatch.errors import InvalidValueError
from civicwatch.reports.model import Figure, Paragraph, Report, Table

SHIPPED = Path(__file__).parent / "templates"


class ReportFormat(StrEnum):
    MD = "md"
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"


class ReportRenderError(InvalidValueError):
    """A template could not be read or rendered (the message names it)."""


def environment(template_dir: Path | None, *, html: bool) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(template_dir)))
    loaders.append(jinja2.FileSystemLoader(str(SHIPPED)))
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=html,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _template(report: Report, extension: str, template_dir: Path | None) -> str:
    """``update.md.j2`` (the kind's own) when there is one, else ``report.md.j2``."""
    env = environment(template_dir, html=extension == "html")
    names = [f"{report.kind}.{extension}.j2", f"report.{extension}.j2"]
    try:
        template = env.select_template(names)
        return template.render(report=report)
    except jinja2.TemplateError as error:
        raise ReportRenderError(f"template error ({', '.join(names)}): {error}") from error


def markdown(report: Report, template_dir: Path | None = None) -> bytes:
    return _template(report, "md", template_dir).encode("utf-8")


def html(report: Report, template_dir: Path | None = None) -> bytes:
    return _template(report, "html", template_dir).encode("utf-8")


def local_only(url: str) -> None:
    """Refuse every URL but ``data:`` ones: nothing is fetched from any host, nor from the
    disk (a template cannot pull files into a report)."""
    if not url.startswith("data:"):
        raise ValueError(f"reports load nothing from outside: {url!r} refused")


def _fetcher() -> Any:
    """WeasyPrint's URL fetcher, limited by :func:`local_only` (a ``URLFetcher`` subclass in
    newer WeasyPrint releases, a function in older ones)."""
    from weasyprint import urls

    if hasattr(urls, "URLFetcher"):

        class LocalOnly(urls.URLFetcher):
            def fetch(self, url: str, headers: Any = None) -> Any:
                local_only(url)
                return super().fetch(url, headers)

        return LocalOnly(allowed_protocols={"data"})

    def fetch(url: str, *args: Any, **kwargs: Any) -> Any:
        local_only(url)
        return urls.default_url_fetcher(url)

    return fetch


def pdf_available() -> str | None:
    """None when PDFs can be made, else why not (WeasyPrint or Pango missing)."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:
        return f"WeasyPrint cannot load ({error}); install Pango (libpango-1.0-0)"
    return None


def pdf(report: Report, template_dir: Path | None = None) -> bytes:
    problem = pdf_available()
    if problem:
        raise ReportRenderError(problem)
    import weasyprint

    document = weasyprint.HTML(
        string=html(report, template_dir).decode("utf-8"), url_fetcher=_fetcher()
    )
    result: bytes = document.write_pdf()
    return result


# ---- Word --------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


class _Footnotes:
    """Word footnotes: the footnotes part written once all references are known."""

    def __init__(self) -> None:
        self.xml: list[str] = []
        self.next_id = 1  # 0 and -1 are the separators

    def add(self, paragraph: Any, text: str) -> None:
        from docx.oxml import parse_xml

        footnote_id = self.next_id
        self.next_id += 1
        run = parse_xml(
            f'<w:r xmlns:w="{_W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{footnote_id}"/></w:r>'
        )
        paragraph._p.append(run)
        self.xml.append(
            f'<w:footnote w:id="{footnote_id}"><w:p>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {escape(text)}'
            "</w:t></w:r></w:p></w:footnote>"
        )

    def attach(self, document: Any) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        part = document.part
        for rel_id, rel in list(part.rels.items()):
            if rel.reltype == RT.FOOTNOTES:
                part.drop_rel(rel_id)
        blob = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{_W}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            "<w:continuationSeparator/></w:r></w:p></w:footnote>"
            + "".join(self.xml)
            + "</w:footnotes>"
        ).encode("utf-8")
        footnotes = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES_TYPE, blob, part.package)
        part.relate_to(footnotes, RT.FOOTNOTES)


def docx(report: Report, template_dir: Path | None = None) -> bytes:
    import docx as python_docx
    from docx.shared import Cm

    reference = template_dir / "reference.docx" if template_dir else None
    try:
        document = python_docx.Document(
            str(reference) if reference and reference.exists() else None
        )
    except Exception as error:  # a broken reference.docx: say which file
        raise ReportRenderError(f"cannot open {reference}: {error}") from error
    notes = {note.number: note.text for note in report.notes}
    footnotes = _Footnotes()
    document.core_properties.title = report.title
    document.add_heading(report.title, 0)
    document.add_paragraph(report.subtitle)
    document.add_paragraph(
        f"Draft generated by Civicwatch from records at the {report.level} level or lower. "
        "Check every statement against its source before publishing."
    ).runs[0].italic = True
    for section in report.sections:
        document.add_heading(section.title, min(section.level, 9))
        for block in section.blocks:
            if isinstance(block, Table):
                document.add_paragraph(block.caption).runs[0].bold = True
                table = document.add_table(rows=1, cols=len(block.header))
                _table_style(table, document)
                for cell, text in zip(table.rows[0].cells, block.header, strict=True):
                    cell.text = text
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
                for row in block.rows:
                    cells = table.add_row().cells
                    for cell, text in zip(cells, row, strict=True):
                        cell.text = text
            elif isinstance(block, Figure):
                document.add_picture(io.BytesIO(block.png), width=Cm(15))
                document.add_paragraph(block.caption).runs[0].italic = True
            elif isinstance(block, Paragraph):
                _paragraph(document, block, notes, footnotes)
    footnotes.attach(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table_style(table: Any, document: Any) -> None:
    names = {style.name for style in document.styles}
    if "Table Grid" in names:
        table.style = "Table Grid"


def _paragraph(
    document: Any, block: Paragraph, notes: dict[int, str], footnotes: _Footnotes
) -> None:
    names = {style.name for style in document.styles}
    style = "List Bullet" if block.kind == "item" and "List Bullet" in names else None
    paragraph = document.add_paragraph(style=style)
    for index, segment in enumerate(block.segments):
        run = paragraph.add_run(
            segment.text + (" " if index < len(block.segments) - 1 and not segment.notes else "")
        )
        if block.kind == "placeholder":
            run.italic = True
        for number in segment.notes:
            footnotes.add(paragraph, notes[number])
        if segment.notes and index < len(block.segments) - 1:
            paragraph.add_run(" ")


RENDERERS = {
    ReportFormat.MD: markdown,
    ReportFormat.HTML: html,
    ReportFormat.PDF: pdf,
    ReportFormat.DOCX: docx,
}


def render(report: Report, fmt: ReportFormat, template_dir: Path | None = None) -> bytes:
    return RENDERERS[fmt](report, template_dir)
