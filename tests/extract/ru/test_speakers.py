"""Russian speakers (civicwatch.extract.ru.speakers): who is only quoted or cited."""

from __future__ import annotations

import pytest

from civicwatch.extract.ru.speakers import RUSSIAN_SPEAKERS


@pytest.mark.parametrize(
    "after",
    [" заявил, что приговор", " сообщила журналистам", ", также отметил", " считает, что"],
)
def test_a_verb_of_saying_after_the_name(after: str) -> None:
    assert RUSSIAN_SPEAKERS.after.match(after)


@pytest.mark.parametrize(
    "before",
    ["по словам ", "как рассказал адвокат ", "— сказала ее адвокат ", "Об этом сообщил юрист "],
)
def test_words_that_cite_the_name_after_them(before: str) -> None:
    assert RUSSIAN_SPEAKERS.before.search(before)


@pytest.mark.parametrize(
    "text",
    [
        " был задержан",  # the news, not a quotation
        " приговорен к пяти годам",
    ],
)
def test_the_person_the_news_is_about_is_no_speaker(text: str) -> None:
    assert not RUSSIAN_SPEAKERS.after.match(text)


def test_a_source_before_a_comma_cites_someone_else() -> None:
    # "по словам адвоката, X был задержан": the lawyer is cited, X is the news
    assert not RUSSIAN_SPEAKERS.before.search("по словам адвоката, ")
