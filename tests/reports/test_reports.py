"""Generated updates and briefing papers from the demo corpus, in every format, read back
the way a reviewer would read them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from civicwatch.core.vocab import Sensitivity
from tests.reports.helpers import docx_document, docx_footnotes, pdf_text, text_of

pytestmark = pytest.mark.django_db

FORMATS = ("md", "html", "pdf", "docx")

# What the demo corpus's latest half-year holds (names, articles, penalties).
EXPECTED = (
    "Daulet Sadykuly",
    "Zhanar Mukhtarova",
    "Bekzat Orazbayev",
    "article 274",
    "dissemination of knowingly false information",
    "article 488",
    "Code of Administrative Offences",
    "4 years in prison",
    "2 years of restricted freedom",
    "a fine of 20 MCI",
    "10 days of administrative detention",
)


def make(kind: str, fmt: str, period: tuple[date, date], **options: object) -> bytes:
    from civicwatch.reports.render import pdf_available
    from civicwatch.services.reports import ReportFormat, ReportKind, ReportRequest, make_report

    if fmt == "pdf" and pdf_available():  # only when Pango is missing; CI installs it
        pytest.skip(pdf_available() or "")
    request = ReportRequest(
        kind=ReportKind(kind),
        country="KZ",
        date_from=period[0],
        date_to=period[1],
        format=ReportFormat(fmt),
        **options,  # type: ignore[arg-type]
    )
    return make_report(request)


@pytest.fixture(scope="module")
def updates(latest_period: tuple[date, date], django_db_blocker) -> dict[str, bytes]:
    from civicwatch.reports.render import pdf_available

    # a PDF only where WeasyPrint can make one (the PDF tests say why they skip otherwise)
    formats = [f for f in FORMATS if f != "pdf" or not pdf_available()]
    with django_db_blocker.unblock():
        return {fmt: make("update", fmt, latest_period) for fmt in formats}


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_update_names_people_articles_and_penalties(
    updates: dict[str, bytes], fmt: str, tmp_path: Path
) -> None:
    if fmt not in updates:
        make("update", fmt, (date.min, date.min))  # skips with the reason
    text = text_of(fmt, updates[fmt], tmp_path)
    missing = [phrase for phrase in EXPECTED if phrase not in text]
    assert not missing, f"{fmt} lacks {missing}"


def test_the_update_has_the_three_freedoms_and_themes(updates: dict[str, bytes]) -> None:
    markdown = updates["md"].decode()
    headings = re.findall(r"^#+ (.+)$", markdown, re.M)
    assert "Peaceful assembly" in headings and "Expression" in headings
    assert headings.index("Peaceful assembly") < headings.index("Expression")
    assert "Criminal cases against activists and critics" in headings


def test_every_incident_paragraph_ends_with_a_footnote(updates: dict[str, bytes]) -> None:
    markdown = updates["md"].decode()
    body, _, notes = markdown.partition("\n---\n")
    paragraphs = [
        p.strip() for p in body.split("\n\n") if p.strip() and not p.startswith(("#", "*", "|"))
    ]
    assert len(paragraphs) >= 8
    for paragraph in paragraphs:
        assert re.search(r"\[\^\d+\]$", paragraph), paragraph
    numbers = set(re.findall(r"\[\^(\d+)\](?!:)", body))
    defined = set(re.findall(r"^\[\^(\d+)\]:", notes, re.M))
    assert numbers == defined
    assert "Qorgau Human Rights Centre, 11 June 2024." in notes


def test_a_case_seen_before_the_period_is_covered_before(
    updates: dict[str, bytes], latest_period: tuple[date, date]
) -> None:
    markdown = updates["md"].decode()
    paragraph = next(p for p in markdown.split("\n\n") if "Daulet Sadykuly was sentenced" in p)
    assert paragraph.startswith("As covered in our previous update, the case of Daulet Sadykuly")
    # its reference is a report published before the period
    number = re.search(r"\[\^(\d+)\]", paragraph).group(1)  # type: ignore[union-attr]
    note = re.search(rf"^\[\^{number}\]: (.+)$", markdown, re.M).group(1)  # type: ignore[union-attr]
    published = re.search(r"(\d{1,2} \w+ (\d{4}))\.$", note)
    assert published and int(published.group(2)) <= latest_period[0].year


def test_dates_are_in_words_with_their_precision(updates: dict[str, bytes]) -> None:
    markdown = updates["md"].decode()
    assert "On 6 March 2024" in markdown
    assert "In mid-February 2024" in markdown  # a date known to a part of a month
    assert not re.search(r"\b2024-\d\d-\d\d\b", markdown)


def test_the_docx_has_headings_a_table_and_footnotes(
    latest_period: tuple[date, date], tmp_path: Path
) -> None:
    data = make("briefing", "docx", latest_period)
    document = docx_document(data)
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2"} <= styles
    assert document.tables, "no table"
    assert document.tables[0].rows[0].cells[0].text == "Figure"
    footnotes = docx_footnotes(data)
    assert len(footnotes) >= 10
    assert all(note.endswith(".") for note in footnotes)
    assert any("Qorgau Human Rights Centre" in note for note in footnotes)
    text = text_of("docx", data, tmp_path)
    for heading in ("Introduction", "Individual cases of concern", "Recommendations"):
        assert heading in text


def test_the_briefing_has_key_figures_cases_of_concern_and_a_placeholder(
    latest_period: tuple[date, date],
) -> None:
    markdown = make("briefing", "md", latest_period).decode()
    assert "| Events recorded |" in markdown
    # 35 days for three people in the English reports, and 10 days for a fourth in the
    # Russian bulletin (kz-ru-bulletin-2024-02)
    assert "| Days of administrative detention | 45 (4 people) |" in markdown
    entry = markdown.split("### Daulet Sadykuly", 1)[1].split("###", 1)[0]
    assert "Status:" in entry and "Charges: article 274" in entry
    assert "Latest sentence: 4 years in prison" in entry
    assert "Timeline highlights" in entry
    recommendations = markdown.split("## Recommendations", 1)[1]
    assert "[TO BE WRITTEN BY THE TEAM" in recommendations


def test_the_pdf_is_a_real_pdf_without_outside_requests(
    latest_period: tuple[date, date], tmp_path: Path
) -> None:
    from civicwatch.reports.render import local_only

    data = make("briefing", "pdf", latest_period)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data, tmp_path)
    assert "Individual cases of concern" in text and "Daulet Sadykuly" in text
    for url in (
        "https://fonts.example.org/a.woff2",
        "http://127.0.0.1/x.png",
        "file:///etc/passwd",
    ):
        with pytest.raises(ValueError):
            local_only(url)


def test_a_custom_template_dir_changes_the_output(
    latest_period: tuple[date, date], tmp_path: Path
) -> None:
    (tmp_path / "report.md.j2").write_text(
        "OUR OWN LAYOUT: {{ report.title }}\n"
        "{% for p in report.paragraphs() %}{{ p.text }}\n{% endfor %}",
        encoding="utf-8",
    )
    ours = make("update", "md", latest_period, template_dir=tmp_path).decode()
    assert ours.startswith("OUR OWN LAYOUT: Kazakhstan: civic space update")
    assert "Daulet Sadykuly" in ours
    # the HTML template was not overridden: the shipped one is used
    shipped = make("update", "html", latest_period, template_dir=tmp_path).decode()
    assert "OUR OWN LAYOUT" not in shipped and "<h1>Kazakhstan: civic space update</h1>" in shipped


def make_public(title: str) -> None:
    from civicwatch.cases.levels import events_of_documents, refresh_event_columns
    from civicwatch.store.models import Document

    documents = Document.objects.filter(title__startswith=title)
    assert documents.update(sensitivity=Sensitivity.PUBLIC.value) == 1
    refresh_event_columns(events_of_documents(list(documents.values_list("pk", flat=True))))


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_confidential_person_never_appears_below_confidential(
    latest_period: tuple[date, date], fmt: str, tmp_path: Path
) -> None:
    from civicwatch.services.persons import find_person
    from civicwatch.services.records import set_person_sensitivity

    make_public("Kazakhstan: early releases")  # so that a public report has content
    set_person_sensitivity(find_person("Daulet Sadykuly"), Sensitivity.CONFIDENTIAL)
    for kind in ("update", "briefing"):
        for level in (Sensitivity.PUBLIC, Sensitivity.INTERNAL):
            text = text_of(fmt, make(kind, fmt, latest_period, level=level), tmp_path)
            assert "Sadykuly" not in text, (kind, level)
            assert "Bekzat Orazbayev" in text, (kind, level)
            assert ("Steppe Watch" in text) is (level is Sensitivity.INTERNAL), (kind, level)
        shown = text_of(
            fmt, make(kind, fmt, latest_period, level=Sensitivity.CONFIDENTIAL), tmp_path
        )
        assert "Daulet Sadykuly" in shown


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_confidential_report_is_never_cited_below_confidential(
    latest_period: tuple[date, date], fmt: str, tmp_path: Path
) -> None:
    from civicwatch.cases.levels import events_of_documents, refresh_event_columns
    from civicwatch.store.models import Document

    document = Document.objects.get(title__startswith="Kazakhstan: monthly chronicle")
    Document.objects.filter(pk=document.pk).update(sensitivity=Sensitivity.CONFIDENTIAL.value)
    refresh_event_columns(events_of_documents([document.pk]))
    for kind in ("update", "briefing"):
        text = text_of(fmt, make(kind, fmt, latest_period), tmp_path)
        assert "monthly chronicle" not in text, kind
        # Tleubayev A. is named only in that report
        assert "Tleubayev A." not in text, kind
        shown = text_of(
            fmt, make(kind, fmt, latest_period, level=Sensitivity.CONFIDENTIAL), tmp_path
        )
        assert "monthly chronicle" in shown and "Tleubayev A." in shown


def test_sources_that_disagree_are_both_told(demo_database: None) -> None:
    from civicwatch.store.models import Conflict

    conflict = Conflict.objects.exclude(event=None).select_related("event").first()
    assert conflict is not None, "the demo corpus plants one disagreement"
    day = conflict.event.date_start
    values = [str(v["value"]) for v in conflict.values]
    markdown = make("update", "md", (day.replace(day=1), day)).decode()
    assert f"Sources differ on the penalty: it is reported as {' or as '.join(values)}." in markdown


def test_a_reference_docx_gives_the_word_file_its_styles(
    latest_period: tuple[date, date], tmp_path: Path
) -> None:
    import docx

    reference = docx.Document()
    reference.styles["Normal"].font.name = "Liberation Serif"
    reference.styles["Heading 1"].font.name = "Liberation Sans Narrow"
    reference.save(str(tmp_path / "reference.docx"))
    document = docx_document(make("update", "docx", latest_period, template_dir=tmp_path))
    assert document.styles["Heading 1"].font.name == "Liberation Sans Narrow"
    assert document.styles["Normal"].font.name == "Liberation Serif"
    plain = docx_document(make("update", "docx", latest_period))
    assert plain.styles["Heading 1"].font.name != "Liberation Sans Narrow"


def test_the_briefing_embeds_the_monthly_chart(latest_period: tuple[date, date]) -> None:
    pytest.importorskip("civicwatch.reports.charts", reason="the statistics area's charts")
    html = make("briefing", "html", latest_period).decode()
    introduction = html.split("<h2>Introduction</h2>", 1)[1].split("<h2>", 1)[0]
    assert '<img src="data:image/svg+xml;base64,' in introduction
    assert "Events by month and type, 1 January 2024 to 30 June 2024" in introduction
    document = docx_document(make("briefing", "docx", latest_period))
    assert len(document.inline_shapes) == 1
    assert "data:image" not in make("update", "html", latest_period).decode()


def test_a_template_asking_for_outside_resources_gets_none(
    latest_period: tuple[date, date], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    (tmp_path / "report.css.j2").write_text(
        '@font-face { font-family: Remote; src: url("https://fonts.example.org/r.woff2"); }\n'
        'body { font-family: Remote; background: url("file:///etc/hostname"); }\n',
        encoding="utf-8",
    )
    (tmp_path / "update.html.j2").write_text(
        '<html><head><style>{% include "report.css.j2" %}</style>'
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body>'
        '<img src="https://tiles.example.org/1/2/3.png"><h1>{{ report.title }}</h1></body></html>',
        encoding="utf-8",
    )
    data = make("update", "pdf", latest_period, template_dir=tmp_path)
    assert data.startswith(b"%PDF-")
    assert "Kazakhstan: civic space update" in pdf_text(data, tmp_path)
    assert attempts == []


def test_every_paragraph_of_the_word_update_ends_with_a_footnote(
    updates: dict[str, bytes],
) -> None:
    from docx.oxml.ns import qn

    document = docx_document(updates["docx"])
    body = [p for p in document.paragraphs if p.style.name == "Normal" and p.text.strip()]
    incidents = [p for p in body if not p.text.startswith(("Draft generated", "Developments"))]
    assert len(incidents) >= 8
    for paragraph in incidents:
        last = paragraph._p.findall(qn("w:r"))[-1]
        assert last.find(qn("w:footnoteReference")) is not None, paragraph.text
