"""Extraction dispatched to the pack of the document's language."""

from __future__ import annotations

import pytest

from civicwatch.core.languages import guess_language
from civicwatch.extract import extract_records
from civicwatch.extract.packs import PACK_LANGUAGES, pack_for
from civicwatch.extract.pipeline import document_language

ENGLISH = (
    "Published 3 April 2024\n\nOn 2 April a court in Almaty sentenced activist Nurlan "
    "Abenov to five years in prison under Article 274 of the Criminal Code."
)
# Kazakh in Cyrillic: no pack reads it, and it must not be read as English either
KAZAKH = (
    "Алматы қаласының соты белсенді Нұрлан Әбеновті бес жылға бас бостандығынан айырды. "
    "Құқық қорғаушылар үкімге шағымданатынын мәлімдеді."
)


def test_english_and_russian_have_packs() -> None:
    assert {"en", "ru"} <= set(PACK_LANGUAGES)
    assert pack_for("en") is not None
    assert pack_for("EN ") is pack_for("en")
    assert pack_for("kk") is None
    assert pack_for("xx") is None


def test_language_is_guessed_from_the_script_unless_given() -> None:
    assert guess_language(KAZAKH) == "kk"
    assert document_language(KAZAKH) == "kk"
    assert document_language(KAZAKH, "ru") == "ru"
    assert document_language("12 34") == "en"  # too few letters to tell: read as English


def test_a_language_without_a_pack_gives_a_note_and_nothing_else() -> None:
    result = extract_records(KAZAKH, "2024-04-03")
    assert result.document.language == "kk"
    assert result.note is not None
    assert "Kazakh" in result.note
    assert result.persons == [] and result.events == [] and result.places == []
    assert result.to_dict()["note"] == result.note


def test_an_english_document_is_read_as_before() -> None:
    result = extract_records(ENGLISH, "2024-04-03")
    assert result.document.language == "en"
    assert result.note is None
    assert "note" not in result.to_dict()
    (person,) = result.persons
    assert person.name == "Nurlan Abenov"
    assert [(o.kind.value, o.amount) for o in person.outcomes] == [("prison", "5 years")]


@pytest.mark.parametrize("language", ["de", "kk"])
def test_an_override_to_a_language_without_a_pack_is_obeyed(language: str) -> None:
    result = extract_records(ENGLISH, "2024-04-03", language=language)
    assert result.persons == []
    assert result.note is not None and result.document.language == language
