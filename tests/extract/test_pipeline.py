"""The assembled extraction (civicwatch.extract.pipeline): contract shape, attachment of
provisions and outcomes to people, coreference, salience, evidence, robustness.

Texts are written for these tests; they imitate the constructions of monitoring reports.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civicwatch.extract import extract_records, extract_text, extractor_version

PUBLISHED = date(2023, 12, 1)


def run(text: str) -> dict[str, Any]:
    return extract_text(text, PUBLISHED)


def person(result: dict[str, Any], surname: str) -> dict[str, Any]:
    matches = [p for p in result["persons"] if surname in p["name"]]
    assert matches, f"{surname} not among {[p['name'] for p in result['persons']]}"
    return matches[0]


def outcomes(entry: dict[str, Any]) -> set[tuple[str, str | None]]:
    return {(o["kind"], o["amount"]) for o in entry["outcomes"]}


def names(result: dict[str, Any]) -> list[str]:
    return [p["name"] for p in result["persons"]]


def test_contract_shape_and_document_info() -> None:
    result = extract_text("Nothing happened.", "2023-03-27", title="T", sha256="ab")
    assert result["document"] == {
        "title": "T",
        "published": "2023-03-27",
        "sha256": "ab",
        "country": None,
        "language": "en",
    }
    assert result["extractor"]["version"] == extractor_version()
    for key in ("persons", "organisations", "places", "events"):
        assert result[key] == []
    json.dumps(result)


def test_sentence_with_court_article_and_penalty() -> None:
    text = (
        "On 10 April 2023, the Bostandyk District Court in Almaty sentenced activist "
        "Nurlan Abenov to five years in prison for inciting social discord (under "
        "Criminal Code article 174). Abenov, who denies the charges, will appeal."
    )
    result = run(text)
    abenov = person(result, "Abenov")
    assert abenov["name"] == "Nurlan Abenov"
    assert abenov["role"] == "activist"
    assert "Abenov" in abenov["variants"]
    assert abenov["articles"] == ["CC 174"]
    assert outcomes(abenov) == {("prison", "5 years")}
    assert abenov["outcomes"][0]["date"] == "2023-04-10"
    assert "Almaty" in [p["name"] for p in result["places"]]
    assert len(abenov["mentions"]) == 2


def test_coordinated_list_shares_the_penalty_and_article() -> None:
    text = (
        "On 6 May 2023, activists Saule Ospanova, Timur Bekov and Arman Zhakenov were "
        "detained at a picket and subsequently fined 150 EUR each under article 488 of "
        "the Code of Administrative Offences."
    )
    result = run(text)
    for surname in ("Ospanova", "Bekov", "Zhakenov"):
        entry = person(result, surname)
        assert outcomes(entry) == {("fine", "150 EUR")}  # the detention is part of it
        assert entry["articles"] == ["CAO 488"]
        assert entry["outcomes"][0]["date"] == "2023-05-06"


def test_respectively_distributes_amounts_in_order() -> None:
    text = (
        "On 3 June 2023, a court in Bishkek sentenced journalists Aibek Tursunov and "
        "Gulmira Asanova to 10 and 15 days of administrative detention, respectively."
    )
    result = run(text)
    assert outcomes(person(result, "Tursunov")) == {("admin_detention", "10 days")}
    assert outcomes(person(result, "Asanova")) == {("admin_detention", "15 days")}


def test_pronoun_and_surname_mentions_carry_facts() -> None:
    text = (
        "Blogger Aidos Kenesov was arrested in Taraz in March 2023.\n\n"
        "Kenesov is accused of spreading false information. In May 2023, he was "
        "sentenced to three years of restricted freedom under Criminal Code article 274."
    )
    kenesov = person(run(text), "Kenesov")
    assert kenesov["role"] == "blogger"
    assert ("restricted_freedom", "3 years") in outcomes(kenesov)
    assert kenesov["articles"] == ["CC 274"]


def test_group_anaphor_each_of_them() -> None:
    text = (
        "Officers in Astana rounded up several volunteers of a housing campaign. Among "
        "them were Marat Isaev, Venera Tokenova and Dana Serikova. That same day a judge "
        "gave each of them ten days behind bars."
    )
    result = run(text)
    for surname in ("Isaev", "Tokenova", "Serikova"):
        assert ("admin_detention", "10 days") in outcomes(person(result, surname))


def test_salience_excludes_officials_speakers_and_passing_mentions() -> None:
    text = (
        "President Kassym Tokenov praised the reforms. General Prosecutor Berik Asanov "
        "said 100 cases were opened. According to lawyer Olga Petrova, her client, "
        "journalist Ruslan Omarov, was beaten by police on 4 July 2023. Omarov's wife "
        "Aigul Omarova has been summoned and threatened. The report was written by "
        "Daniyar Saken."
    )
    result = run(text)
    assert "Ruslan Omarov" in names(result)
    assert "Aigul Omarova" in names(result)
    for outsider in ("Kassym Tokenov", "Berik Asanov", "Olga Petrova", "Daniyar Saken"):
        assert outsider not in names(result)


def test_convicted_official_is_a_person_of_the_case() -> None:
    text = (
        "In November 2022, a garrison court sentenced police officer Ruslan Kadyrov to six "
        "years in prison for exceeding his powers when a detainee died in custody."
    )
    kadyrov = person(run(text), "Kadyrov")
    assert kadyrov["role"] == "official"
    assert outcomes(kadyrov) == {("prison", "6 years")}


def test_move_from_pretrial_detention_to_house_arrest_is_not_a_release() -> None:
    text = (
        "On 2 November 2022, a court released activist Erlan Kaliyev from pre-trial detention "
        "– he had been held there since March 2022 – and placed him under house arrest."
    )
    kaliyev = person(run(text), "Kaliyev")
    kinds = {o["kind"]: o["date"] for o in kaliyev["outcomes"]}
    assert set(kinds) == {"pretrial_detention", "house_arrest"}
    assert kinds["pretrial_detention"] == "2022-03"
    assert kinds["house_arrest"] == "2022-11-02"


def test_brief_detention_is_other_detained() -> None:
    text = (
        "On 11 September 2022, activists Bolat Nurov and Asel Kim were detained while "
        "picketing a consulate. Police let them go that evening without charge."
    )
    result = run(text)
    for surname in ("Nurov", "Kim"):
        assert outcomes(person(result, surname)) == {("other", "detained")}


def test_events_have_types_participants_and_evidence() -> None:
    text = (
        "On 24 January 2023, judges in Shymkent found Murat Baiganov guilty of taking "
        "part in an outlawed group (Criminal Code article 405) and restricted his "
        "freedom for one year."
    )
    records = extract_records(text, PUBLISHED)
    assert records.events
    for event in records.events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.quote
    participants = {p.name for event in records.events for p in event.participants}
    assert "Murat Baiganov" in participants


def test_counted_group_facts_reach_members_named_later() -> None:
    text = (
        "In late October 2022, nine of its members were arrested and remanded in custody. "
        "All nine are charged with organising mass riots under article 278 of the Criminal "
        "Code.\n\n"
        "On 17 February 2023, a court moved Ainura Sadyrova and Cholpon Beishenova, the two "
        "women among the defendants, to house arrest."
    )
    result = run(text)
    for surname in ("Sadyrova", "Beishenova"):
        entry = person(result, surname)
        assert entry["articles"] == ["CC 278"]
        assert "house_arrest" in {kind for kind, _ in outcomes(entry)}


def test_all_three_refers_to_the_three_people_just_named() -> None:
    text = (
        "Police took away three of the organisers: Bolat Serikov, Dana Amanova and Erlan "
        "Kuatov. The next day a court sentenced Serikov and Amanova to five days' detention. "
        "The judge found all three guilty under article 488 of the Code of Administrative "
        "Offences."
    )
    result = run(text)
    for surname in ("Serikov", "Amanova", "Kuatov"):
        assert person(result, surname)["articles"] == ["CAO 488"]


def test_the_same_article_reuses_the_last_article() -> None:
    text = (
        "Editor Leyla Mammadli was charged with smuggling under Article 206 of the Criminal "
        "Code. The following week, reporter Samir Guliyev was charged under the same article."
    )
    result = run(text)
    assert person(result, "Guliyev")["articles"] == ["CC 206"]


def test_release_from_house_arrest_ends_that_measure() -> None:
    # The outcome finder decides what is a release; the contract's conventions only have to
    # tell "released her from house arrest" (a release) from "released ... and placed under
    # house arrest" (a change of measure).
    from civicwatch.extract.contract import released_from

    text = (
        "The court released her from house arrest. He was released and placed under house arrest."
    )
    first = text.index("released")
    assert released_from(text, (first, first + 8), (text.index("house"), 0))
    second = text.index("released", first + 1)
    later = text.index("house", second)
    assert not released_from(text, (second, second + 8), (later, 0))


def test_bracketed_transliteration_keeps_the_list_together() -> None:
    text = (
        "Ruslan Temirov (Руслан Темиров) and Kairat Abenov (Кайрат Абенов) were detained.\n\n"
        "On 21 June 2023, a court convicted them of preparing riots (Criminal Code article "
        "272) and sentenced them to six and five years in prison, respectively."
    )
    result = run(text)
    temirov, abenov = person(result, "Temirov"), person(result, "Abenov")
    assert "Руслан Темиров" in temirov["variants"]
    assert temirov["articles"] == abenov["articles"] == ["CC 272"]
    assert ("prison", "6 years") in outcomes(temirov)
    assert ("prison", "5 years") in outcomes(abenov)


def test_a_hearing_inside_a_detention_centre_is_not_a_measure() -> None:
    text = (
        "On 19 February 2024, the city court sentenced lawyer Rustam Nazarov to ten years in "
        "prison. The hearings took place in a room inside the pre-trial detention centre."
    )
    assert outcomes(person(run(text), "Nazarov")) == {("prison", "10 years")}


def test_places_are_locations_countries_and_buildings_are_apart() -> None:
    text = (
        "On 2 May 2023, the Saryarka District Court in Astana fined activist Dana Bekova, "
        "a Karaganda-based member of the movement, as Kazakhstan hosted a summit."
    )
    result = run(text)
    assert {p["name"] for p in result["places"]} == {"Astana", "Karaganda"}
    assert {p["name"] for p in result["other_places"]} == {"Saryarka District Court", "Kazakhstan"}
    astana = next(p for p in result["places"] if p["name"] == "Astana")
    assert astana["kind"] == "city" and astana["country"] == "KZ"
    assert astana["coordinates"] is not None


def test_markdown_bold_names_and_affiliations() -> None:
    text = (
        "* On 5 July 2022, blogger **Jasur Karimov**, a correspondent of Ozod Ovoz, and "
        "**Dilnoza Yusupova** were detained in Namangan. Both were fined 100 USD the next day."
    )
    result = run(text)
    assert "Ozod Ovoz" not in names(result)
    karimov = person(result, "Karimov")
    assert karimov["role"] == "blogger"
    assert ("fine", "100 USD") in outcomes(karimov)
    assert ("fine", "100 USD") in outcomes(person(result, "Yusupova"))


def test_an_office_holder_acting_receives_nothing() -> None:
    text = (
        "In December 2022, President Rustam Karimov pardoned several prisoners and "
        "released them. Journalist Aziz Saidov was not among them."
    )
    assert "Rustam Karimov" not in names(run(text))


def evidence_is_exact(text: str, result: dict[str, Any]) -> None:
    for event in result["events"]:
        evidence = event["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["quote"]
    for entry in result["persons"]:
        for start, end in entry["mentions"]:
            assert 0 <= start < end <= len(text)
        for outcome in entry["outcomes"]:
            evidence = outcome.get("evidence")
            if evidence:
                assert text[evidence["start"] : evidence["end"]] == evidence["quote"]


SAMPLES = [
    "",
    "   \n\n\t ",
    "Суд в Алматы приговорил активиста Жанболата Мамая к шести годам. Он обжаловал.",
    "Қазақстан: белсенді Айгерим Тлеубаева 35 АЕК айыппұл төледі.",
    '"Unbalanced (quotes [and «brackets were detained by police on 5 May 2023',
    "Mr. A. B. C. D. E. F. G. H. I. J. K. L. M. N. O. P. Q. R. S. T. U. V.",
    "He she they him her his. The activists. Each of them. Those detained.",
    "activist activist activist , , , and and and respectively respectively",
    "On 31 February 2023 nothing. On 99th Smarch 20233 fined 1e9 EUR respectively.",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_odd_inputs_do_not_raise(text: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        result = run(text)
    # extractors run inside a guard; a swallowed exception would show up as an error log
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    json.dumps(result)
    evidence_is_exact(text, result)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_is_handled(text: str) -> None:
    result = run(text)
    evidence_is_exact(text, result)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=400))
def test_binary_junk_decoded_as_text(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    evidence_is_exact(text, run(text))
    text = data.decode("latin-1")
    evidence_is_exact(text, run(text))


WORDS = st.sampled_from(
    [
        "activist",
        "Marat",
        "Bekov",
        "Aliya",
        "Nurova",
        "was",
        "detained",
        "fined",
        "on",
        "5",
        "May",
        "2023",
        "15",
        "days",
        "EUR",
        "and",
        ",",
        ".",
        "he",
        "she",
        "they",
        "respectively",
        "(",
        ")",
        "“",
        "”",
        "article",
        "274",
        "Criminal",
        "Code",
        "President",
        "Almaty",
        "court",
        "sentenced",
        "to",
        "years",
        "in",
        "prison",
        "\n\n",
        "Жанболат",
    ]
)


@settings(max_examples=80, deadline=None)
@given(st.lists(WORDS, max_size=60))
def test_report_like_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    evidence_is_exact(text, run(text))


def test_two_megabyte_single_line_finishes() -> None:
    unit = (
        "On 5 May 2023 activist Marat Bekov was fined 150 EUR under article 488 of the "
        "Code of Administrative Offences while President Serik Tulenov spoke in Almaty; "
    )
    text = unit * (2_000_000 // len(unit))
    result = run(text)
    assert "Marat Bekov" in names(result)


def test_long_text_without_any_punctuation_or_spaces() -> None:
    text = "A" * 300_000 + "b" * 300_000
    run(text)
    text = ("Aa " * 200_000).strip()
    run(text)


def dated(entry: dict[str, Any]) -> set[tuple[str, str | None, str | None]]:
    return {(o["kind"], o["amount"], o["date"]) for o in entry["outcomes"]}


def test_release_from_house_arrest_is_a_release() -> None:
    text = (
        "On 3 April 2023, teacher Dinara Sapargaliyeva was placed under house arrest. "
        "On 19 June 2023, an appeal court released her from house arrest."
    )
    kinds = dated(person(run(text), "Sapargaliyeva"))
    assert kinds == {("house_arrest", None, "2023-04-03"), ("released", None, "2023-06-19")}


def test_local_currency_fine_and_court_order_to_pay() -> None:
    text = (
        "On 8 May 2023, a court in Naryn fined activist Kubanych Tashiev 7,000 som (about "
        "75 EUR) and ordered his colleague Aibek Jumaliev to pay 5,000 som."
    )
    result = run(text)
    assert outcomes(person(result, "Tashiev")) == {("fine", "7000 KGS")}
    assert outcomes(person(result, "Jumaliev")) == {("fine", "5000 KGS")}


def test_the_date_of_an_earlier_sentence_named_in_passing() -> None:
    text = (
        "On 11 March 2024, the city court rejected the appeal of journalist Marat Bekov "
        "against the three-year prison sentence handed down in November 2023."
    )
    assert dated(person(run(text), "Bekov")) == {("prison", "3 years", "2023-11")}


def test_a_lapse_of_time_and_a_year_are_not_terms() -> None:
    text = (
        "Blogger Timur Saidov, who was sentenced in 2018 to six years in prison, was due to "
        "be freed in March. On 2 April 2024, his sister wrote to the ombudsman. Four days "
        "later, Saidov walked out of the colony."
    )
    assert dated(person(run(text), "Saidov")) == {
        ("prison", "6 years", "2018"),
        ("released", None, "2024-04-06"),
    }


def test_a_look_back_arrest_behind_a_prison_term_is_not_a_detention() -> None:
    text = (
        "On 5 May 2024, blogger Ilgar Mammadli left prison after serving the two-year "
        "sentence he received for an online post. He had been arrested after a video "
        "about a governor."
    )
    assert {o[0] for o in dated(person(run(text), "Mammadli"))} == {"prison", "released"}


def test_a_date_in_a_relative_clause_does_not_date_the_outcome() -> None:
    text = (
        "On 3 October 2023, police detained activist Aliya Zhumabekova at a picket. "
        "The next day a judge fined her colleague Ruslan Abenov. Zhumabekova, who had "
        "already been punished this year, was locked up for ten days."
    )
    result = run(text)
    assert ("admin_detention", "10 days", "2023-10-04") in dated(person(result, "Zhumabekova"))


def test_a_term_being_served_is_background_not_the_event() -> None:
    text = (
        "On 9 May 2024, trade unionist Serik Dauletov, who is serving three years of "
        "restricted freedom, was detained on his way to a rally."
    )
    assert dated(person(run(text), "Dauletov")) == {
        ("restricted_freedom", "3 years", None),
        ("other", "detained", "2024-05-09"),
    }
    text = (
        "On 9 May 2024, trade unionist Serik Dauletov was given three years of restricted freedom."
    )
    assert dated(person(run(text), "Dauletov")) == {("restricted_freedom", "3 years", "2024-05-09")}


def test_people_held_and_political_prisoners_are_persons() -> None:
    text = (
        "Human rights defender Aliya Orazbek called for the release of all political "
        "prisoners. Yerzhan Tokbergen remains behind bars. Political prisoner Dauren Sapar "
        "wrote a letter from the colony. Lawyer Bakhyt Zhumatai said conditions were poor."
    )
    found = names(run(text))
    assert "Yerzhan Tokbergen" in found and "Dauren Sapar" in found
    assert "Aliya Orazbek" not in found and "Bakhyt Zhumatai" not in found


def test_bulleted_names_under_a_lead_in_about_repression() -> None:
    text = (
        "Journalists still in custody:\n"
        "- Asem Zholdas (Kazakh service), arrested in March;\n"
        "- Nurbol Kalym, a freelance camera operator;\n"
        "* Gaini Yerlan.\n\n"
        "Our thanks go to:\n"
        "- Miras Bekzat, who translated the report.\n"
    )
    found = names(run(text))
    assert found == ["Asem Zholdas", "Nurbol Kalym", "Gaini Yerlan"]


def test_a_list_after_the_verdict_shares_the_penalty_each_received() -> None:
    text = (
        "On 12 February 2024, the district court handed down sentences to Serik Dauletov, "
        "Aizhan Kemel, Yerbol Tasbol and Timur Ospan. Each received four years of "
        "restricted freedom."
    )
    result = run(text)
    for surname in ("Dauletov", "Kemel", "Tasbol", "Ospan"):
        assert outcomes(person(result, surname)) == {("restricted_freedom", "4 years")}


def test_digest_lines_with_surnames_and_initials() -> None:
    text = (
        "3 May 2024, Almaty, Serikbayev D.A., Article 488, Part 6 of the Code of "
        "Administrative Offences, arrest for 15 days for a picket.\n\n"
        "5 May 2024, Astana, the police detained Nurgaliyeva A. near the akimat."
    )
    result = run(text)
    assert outcomes(person(result, "Serikbayev")) == {("admin_detention", "15 days")}
    assert person(result, "Serikbayev")["name"] == "Serikbayev D.A."
    assert dated(person(result, "Nurgaliyeva")) == {("other", "detained", "2024-05-05")}


def test_a_date_naming_an_event_is_not_the_paragraphs_date() -> None:
    text = (
        "On 2 March 2024, police detained activist Serik Omarbek in Aktau. The charges "
        "concern his posts about the January 2022 protests. A court ordered him held for "
        "two months."
    )
    assert dated(person(run(text), "Omarbek")) == {("pretrial_detention", "2 months", "2024-03-02")}


def test_a_pronoun_after_another_unnamed_person_is_not_the_focus() -> None:
    text = (
        "Six-year-old Asel Nurgali died when her family's car was shot at in March 2022.\n\n"
        "In May 2024, an appeal court found the soldier charged in the case guilty and "
        "sentenced him to six years in prison."
    )
    result = run(text)
    assert "Asel Nurgali" not in names(result) or not person(result, "Nurgali")["outcomes"]


def test_markdown_links_read_as_plain_words() -> None:
    text = "On 4 June 2024, police [detained](https://example.org/a) blogger Aibek Toktar."
    assert dated(person(run(text), "Toktar")) == {("other", "detained", "2024-06-04")}
    from civicwatch.extract.lexicon import lower

    assert lower("A [Link](#) here") == "a  link     here"  # same length, offsets kept


def test_recommendations_state_no_outcomes() -> None:
    text = (
        "On 3 March 2024, activist Zhanar Kaliyeva was sentenced to five years in prison.\n\n"
        "Recommendations:\n"
        "- Release Zhanar Kaliyeva and drop all charges against her.\n"
        "- Ensure that everyone detained for peaceful protest is acquitted and released.\n"
    )
    assert outcomes(person(run(text), "Kaliyeva")) == {("prison", "5 years")}


def test_a_detention_told_in_a_who_clause_is_background() -> None:
    text = (
        "On 9 March 2024, a court sentenced activist Berik Sadyk, who was detained and "
        "beaten during the protests, to six years in prison."
    )
    assert outcomes(person(run(text), "Sadyk")) == {("prison", "6 years")}


def test_members_of_a_sentenced_group_named_as_those_convicted() -> None:
    text = (
        "On 9 March 2024, a court sentenced five defendants to prison terms of four to five "
        "years.\n\n"
        "Those convicted in the case include, among others, Askar Tleu, a trade unionist."
    )
    assert outcomes(person(run(text), "Tleu")) == {("prison", "4-5 years")}


def test_a_list_joined_by_roles_shares_the_penalty() -> None:
    text = (
        "Film director Asel Sadyrova and playwright Bermet Omurova were each sentenced to "
        "four years in prison on 2 May 2024."
    )
    result = run(text)
    for surname in ("Sadyrova", "Omurova"):
        assert outcomes(person(result, surname)) == {("prison", "4 years")}


def test_a_law_signed_makes_no_one_a_person_and_a_detained_group_reaches_its_members() -> None:
    text = (
        "On 2 April 2024, Askar Omarov signed amendments to the law on assemblies.\n\n"
        "On 5 April 2024, police detained three activists in Almaty after they unfurled a "
        "banner. Among them was Daulet Serik's son, Arman Serik."
    )
    result = run(text)
    assert names(result) == ["Arman Serik"]
    assert dated(person(result, "Arman Serik")) == {("other", "detained", "2024-04-05")}
