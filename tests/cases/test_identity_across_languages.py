"""A person reported on in Russian and in English is one case file with both spellings
and both sources (issue 8): real extraction of two demo reports, no hand-made claims."""

from __future__ import annotations

import pytest

from tests.cases.conftest import DEMO_REPORTS, ingest_folder, person_named

pytestmark = pytest.mark.django_db

RUSSIAN = DEMO_REPORTS / "kz-ru-bulletin-2024-02.txt"
ENGLISH = DEMO_REPORTS / "kz-political-prisoners-2024-01.docx"


def test_one_case_file_from_a_russian_and_an_english_report(tmp_path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for report in (RUSSIAN, ENGLISH):
        (folder / report.name).write_bytes(report.read_bytes())
    ingest_folder(folder)

    from civicwatch.store.models import Document

    languages = dict(Document.objects.values_list("filename", "language"))
    assert languages == {RUSSIAN.name: "ru", ENGLISH.name: "en"}

    by_latin = person_named("Yerlan Zhaksybayev")
    by_cyrillic = person_named("Ерлан Жаксыбаев")
    assert by_latin["id"] == by_cyrillic["id"]
    spellings = {by_latin["name"], *by_latin["variants"]}
    assert "Ерлан Жаксыбаев" in spellings
    assert any(name.startswith("Yerlan Zhaksyba") for name in spellings)
    sources = {document["title"] for document in by_latin["documents"]}
    assert len(sources) == 2, sources
    assert any("Бюллетень" in title for title in sources)
    # what each report says is on the one file: the English report's and the Russian
    # report's articles agree, and the seven-year term is there
    labels = {charge["label"] for charge in by_latin["charges"]}
    assert {"CC 174", "CC 274"} <= {label.split("-")[0] for label in labels}, labels
    documents_behind_charges = {
        source["document"] for charge in by_latin["charges"] for source in charge["sources"]
    }
    assert len(documents_behind_charges) == 2
