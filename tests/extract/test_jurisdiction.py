"""Which country's law a passage is about: cues, paragraphs, headings, sentences, forcing;
and the country carried by the pipeline's records. Own sentences, invented names."""

from __future__ import annotations

import pytest

from civicwatch.extract import extract_records
from civicwatch.extract.jurisdiction import (
    Jurisdictions,
    find_country_cues,
    infer_jurisdictions,
)


def country_at(text: str, words: str, **kwargs: object) -> str | None:
    return infer_jurisdictions(text, **kwargs).at(text.index(words))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Kazakh police detained the blogger and fined him 50,000 tenge.", "KZ"),
        ("A court in Bishkek fined the activist 10,000 som.", "KG"),
        ("The activist was fined 2,000 somoni by a district court.", "TJ"),
        ("An Uzbek court sentenced the blogger.", "UZ"),
        ("The Minsk court fined her 20 basic units.", "BY"),
        ("A court in Baku fined him 500 manats.", "AZ"),
        ("Roskomnadzor blocked the site; a Moscow court fined the editor.", "RU"),
        ("Nothing here names a place.", None),
    ],
)
def test_document_country_from_cues(text: str, country: str | None) -> None:
    assert infer_jurisdictions(text).document == country


def test_a_language_or_an_ethnic_group_is_not_a_state() -> None:
    assert find_country_cues("She writes for a Russian-language outlet.") == []
    assert find_country_cues("Ethnic Kazakh residents of the region were questioned.") == []
    text = "The site published the interview in Russian."
    assert [cue.country for cue in find_country_cues(text)] == []


def test_currencies_and_courts_are_legal_cues() -> None:
    (cue,) = find_country_cues("He was fined 300 BYN.")
    assert (cue.country, cue.legal) == ("BY", True)
    (cue,) = find_country_cues("Belarusian courts convicted him.")
    assert (cue.country, cue.legal) == ("BY", True)
    cues = find_country_cues("a court in Almaty")
    assert [(c.country, c.legal) for c in cues] == [("KZ", True)]


def test_longest_cue_wins() -> None:
    (cue,) = find_country_cues("a fine of 900 Belarusian roubles")
    assert cue.country == "BY"


REGIONAL = """Regional digest

In Kazakhstan, the Almaty court fined Erlan Sadykov 100 MCI under article 488.

Belarusian courts in Minsk sentenced Ihar Kovalchuk under article 342. He studied in Almaty.

The same court later added article 361-1 to his case.

Kyrgyzstan

Police detained Nurbek Toktogulov under article 278.

His lawyer, who fled to Moscow last year, appealed.
"""


def test_paragraphs_of_a_regional_digest() -> None:
    assert country_at(REGIONAL, "article 488") == "KZ"
    assert country_at(REGIONAL, "article 342") == "BY"
    assert country_at(REGIONAL, "article 361-1") == "BY"  # a paragraph without cues continues
    assert country_at(REGIONAL, "article 278") == "KG"  # a heading opens a section
    assert country_at(REGIONAL, "appealed") == "KG"  # one city does not switch the section


def test_one_foreign_city_does_not_switch_a_paragraph() -> None:
    text = (
        "Kazakhstan: update\n\nBlogger Dauren Ermekov, who fled to Moscow in 2022, was "
        "charged in absentia under article 274."
    )
    assert country_at(text, "article 274") == "KZ"


def test_a_sentence_about_another_countrys_court() -> None:
    text = (
        "Kazakh activists protested in Almaty on 5 May. Meanwhile a court in Tashkent "
        "sentenced Anvar Rakhimov under article 159. Almaty police fined two of the "
        "protesters the same day."
    )
    assert country_at(text, "article 159") == "UZ"
    assert country_at(text, "fined two") == "KZ"


def test_forcing_the_country() -> None:
    assert country_at(REGIONAL, "article 278", country="KZ") == "KZ"  # no headings
    assert country_at(REGIONAL, "article 342", country="KZ") == "BY"  # plainly Belarusian
    assert infer_jurisdictions("No cues at all.", country="tj").document == "TJ"
    fixed = Jurisdictions.fixed("AZ")
    assert (fixed.document, fixed.forced, fixed.at(10)) == ("AZ", True, "AZ")
    assert Jurisdictions.fixed(None).at(0) is None


STORY = """Kazakhstan: political prisoners

On 3 March 2024 a court in Almaty sentenced activist Marat Bekov to five years in prison
under article 174 of the Criminal Code.

Meanwhile in Belarus, a court in Minsk sentenced blogger Ihar Lutsevich to three years
in prison under article 342.
"""


def test_records_carry_the_country() -> None:
    result = extract_records(STORY, published="2024-04-01")
    assert result.document.country == "KZ"
    persons = {person.name: person for person in result.persons}
    assert persons["Marat Bekov"].articles == ["CC 174"]
    assert persons["Marat Bekov"].jurisdiction == "KZ"
    assert persons["Ihar Lutsevich"].articles == ["CC 342"]
    assert persons["Ihar Lutsevich"].jurisdiction == "BY"
    assert [charge.jurisdiction for charge in persons["Ihar Lutsevich"].charges] == ["BY"]


def test_the_caller_forces_the_document_country() -> None:
    text = "Activist Marat Bekov was sentenced to five years under article 174."
    assert extract_records(text).document.country is None
    result = extract_records(text, country="KZ")
    assert result.document.country == "KZ"
    (person,) = result.persons
    assert person.jurisdiction == "KZ"
    assert [charge.jurisdiction for charge in person.charges] == ["KZ"]


def test_a_city_then_a_court_is_a_legal_cue() -> None:
    (cue,) = find_country_cues("In Baku, a court remanded the reporter.")
    assert (cue.country, cue.legal) == ("AZ", True)


def test_dotted_articles_reach_the_records_the_countrys_way() -> None:
    text = (
        "A Moscow court sentenced journalist Oleg Zimin to seven years in prison under "
        "Article 207.3 of the Criminal Code.\n\nIn Baku, a court remanded reporter Nigar "
        "Aliyeva in custody for four months under Article 206.3.2 of the Criminal Code.\n"
    )
    persons = {person.name: person for person in extract_records(text).persons}
    assert persons["Oleg Zimin"].articles == ["CC 207.3"]
    assert persons["Oleg Zimin"].jurisdiction == "RU"
    assert persons["Nigar Aliyeva"].articles == ["CC 206"]
    assert persons["Nigar Aliyeva"].jurisdiction == "AZ"


def test_the_document_is_about_the_country_whose_courts_it_describes() -> None:
    text = (
        "Anti-war statements\n\nA Moscow court fined Olga Zvereva 30,000 roubles for a post "
        "about Ukraine. She had written that Ukraine would win and that Ukraine's cities "
        "were being shelled; the war in Ukraine was the subject of every post."
    )
    assert infer_jurisdictions(text).document == "RU"
