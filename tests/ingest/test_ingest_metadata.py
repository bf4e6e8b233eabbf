"""Title, publication date and language as the text of a document states them."""

from __future__ import annotations

from datetime import date

import pytest

from civicwatch.core.languages import guess_language
from civicwatch.ingest.metadata import (
    find_publication_date,
    find_title,
    meaningful_title,
    parse_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kazakhstan update\n27.03.2023\n\nOn 19 November 2023 ...", date(2023, 3, 27)),
        ("Title\nPublished: 12 May 2024\n\nBody", date(2024, 5, 12)),
        ("Title\n12 May 2024\n", date(2024, 5, 12)),
        ("Title\n12th May, 2024\n", date(2024, 5, 12)),
        ("Title\nMay 12, 2024\n", date(2024, 5, 12)),
        ("Title\n2024-05-12\n", date(2024, 5, 12)),
        ("Title\nPosted on 2024-05-12T08:30:00Z by the editors", date(2024, 5, 12)),
        ("Брифинг\nАстана, 27 марта 2023 г.\n", date(2023, 3, 27)),
        ("Брифинг\nОпубликовано: 05.01.2024\n", date(2024, 1, 5)),
        ("Шолу\n2023 жылғы 27 наурыз\n", date(2023, 3, 27)),
        ("Briefing paper\nAstana, 27 March 2023", date(2023, 3, 27)),
    ],
)
def test_publication_date_found_in_header(text: str, expected: date) -> None:
    assert find_publication_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan: quarterly update\nMay 2024\n\n12 June 2024\n",  # month only decides
        "Title\nOn 12 May 2024, police detained the activist outside the court.",
        "Title\nAccessed: 12 May 2024\n",  # the date someone read it, not published
        "Title\n31.02.2024\n",  # no such day
        "Title\n27.03.1850\n",  # out of range
        "\n".join(["line"] * 15 + ["12 May 2024"]),  # below the header
        "No dates here at all.",
        "",
    ],
)
def test_publication_date_none_when_unknown_to_the_day(text: str) -> None:
    assert find_publication_date(text) is None


def test_updated_line_is_skipped_for_the_published_one() -> None:
    text = "Title\nUpdated 1 June 2024\nPublished 12 May 2024\n"
    assert find_publication_date(text) == date(2024, 5, 12)


@pytest.mark.parametrize(
    "text", ["Prisoner list\nUpdated: 2024-01-22\n\nBody", "Title\nLast updated: 22 January 2024"]
)
def test_updated_line_dates_a_document_that_states_nothing_else(text: str) -> None:
    assert find_publication_date(text) == date(2024, 1, 22)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-03-27T10:00:00+06:00", date(2023, 3, 27)),
        ("2023-03-27", date(2023, 3, 27)),
        ("27 March 2023", date(2023, 3, 27)),
        ("2023-03", None),
        ("yesterday", None),
    ],
)
def test_parse_date(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kazakhstan: activists jailed\n\nBody text.", "Kazakhstan: activists jailed"),
        ("• Home\n• News\nHome > News > Asia\n27.03.2023\nThe real title\n", "The real title"),
        ("Home\nNews\nThe real title", "The real title"),
        ("https://example.org/x\nPublished: 1 May 2024\n# The title  \n", "The title"),
        ("12 May 2024\n\nВласти  Казахстана\n", "Власти Казахстана"),
        ("A" * 250 + "\nShort line later", None),
        ("", None),
        ("2023\n---\n***\n", None),
    ],
)
def test_find_title(text: str, expected: str | None) -> None:
    assert find_title(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Kazakhstan: civic space update", "Kazakhstan: civic space update"),
        ("  Civic\nspace  ", "Civic space"),
        ("Untitled", None),
        ("Microsoft Word - update_final.docx", None),
        ("report-2023.pdf", None),
        ("Document1", None),
        ("Document on torture cases", "Document on torture cases"),
        ("C:\\Users\\me\\report", None),
        ("", None),
        (None, None),
        ("12", None),
    ],
)
def test_meaningful_title(value: str | None, expected: str | None) -> None:
    assert meaningful_title(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The court sentenced the activist to seven years in prison.", "en"),
        ("Суд приговорил активиста к семи годам лишения свободы.", "ru"),
        ("Сот белсендіге жеті жылға бас бостандығынан айыру жазасын тағайындады.", "kk"),
        ("Суд ухвалив рішення про затримання активіста, її чоловік є свідком.", "uk"),
        ("Суд в Астане вынес приговор. " * 20 + "Қасым", "ru"),  # one Kazakh name
        ("1234 5678 -- !!", None),
        ("", None),
    ],
)
def test_guess_language(text: str, expected: str | None) -> None:
    assert guess_language(text) == expected
