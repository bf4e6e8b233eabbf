"""Provision finder: numbered articles in every common wording, codes, parts, named
offences, and the texts that are not provisions of a code."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicwatch.extract.provisions import find_provisions


def labels(text: str, **kwargs: object) -> list[tuple[str, ...]]:
    return [mention.labels for mention in find_provisions(text, **kwargs)]  # type: ignore[arg-type]


def numbered(text: str) -> list[tuple[str, ...]]:
    return [m.labels for m in find_provisions(text) if not m.named]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blogger was charged under article 274 of the Criminal Code.", [("CC 274",)]),
        ("Both were jailed (under articles 405 and 258 of the Criminal Code).",
         [("CC 405", "CC 258")]),
        ("They face Criminal Code articles 179, 272 and 24 charges.",
         [("CC 179", "CC 272", "CC 24")]),
        ("She was fined under article 456-2 of the Code of Administrative Offences.",
         [("CAO 456-2",)]),
        ("He is accused under Part 2 of Article 174 of the Criminal Code.", [("CC 174-2",)]),
        ("The charge, Article 272, Part 2, carries a long term.", [("CC 272-2",)]),
        ("He was punished under the Administrative Code's article 488.", [("CAO 488",)]),
        ("Articles 174 (2) and 274 were both applied.", [("CC 174-2", "CC 274")]),
        ("A conviction followed (Criminal Code, Article 405).", [("CC 405",)]),
        ("Police drew up a report under CAO 488 against the picketers.", [("CAO 488",)]),
        ("The new Art. 274 CC is vague.", [("CC 274",)]),
        ("He was sentenced under a broadly worded Criminal Code provision (article 174).",
         [("CC 174",)]),
        ("Parts 1 and 2 of Article 272 of the Criminal Code were cited.",
         [("CC 272-1", "CC 272-2")]),
        ("paragraph 3 of part 2 of article 405 of the Kazakh Criminal Code", [("CC 405-2",)]),
        ("under article 174 and article 274 of the Criminal Code", [("CC 174", "CC 274")]),
        ("under Article 274 CC RK", [("CC 274",)]),
        ("Criminal Code article 400 (violating the rules of assemblies)", [("CC 400",)]),
    ],
)  # fmt: skip
def test_numbered_wordings(text: str, expected: list[tuple[str, ...]]) -> None:
    assert numbered(text) == expected


def test_span_covers_the_provision_not_the_closing_bracket() -> None:
    text = "Both were jailed (under articles 405 and 258 of the Criminal Code) in May."
    (mention,) = find_provisions(text)
    assert text[mention.start : mention.end] == "articles 405 and 258 of the Criminal Code"
    assert not mention.named


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the code of a bare article comes from the sentence
        ("He was fined 300 EUR under article 488.", ("CAO 488",)),
        ("She got ten days' administrative arrest under article 434.", ("CAO 434",)),
        ("A criminal case was opened under article 179.", ("CC 179",)),
        ("Lawyers say article 274 is vague.", ("CC 274",)),  # unknown: criminal code
        ("He was sentenced to prison under article 174.", ("CC 174",)),
        # chaptered numbers belong to administrative codes, big numbers too
        ("She was fined under article 20.2 for the picket.", ("CAO 20.2",)),
        ("He was fined under article 669 for it.", ("CAO 669",)),
    ],
)
def test_bare_article_code_from_context(text: str, expected: tuple[str, ...]) -> None:
    assert numbered(text) == [expected]


def test_bare_article_takes_the_code_named_earlier() -> None:
    text = (
        "The Code of Administrative Offences was amended. Later he was punished under "
        "the Code of Administrative Offences, namely article 488, and then article 489."
    )
    assert numbered(text)[-1] == ("CAO 489",)
    text = "Under the Criminal Code he faced article 405 and later article 174."
    assert numbered(text) == [("CC 405",), ("CC 174",)]


def test_article_criticised_is_still_a_provision() -> None:
    assert numbered("Article 274 was criticised by the UN.") == [("CC 274",)]


@pytest.mark.parametrize(
    "text",
    [
        "Article 19 of the ICCPR protects free speech.",
        "This violates Article 10 of the Constitution.",
        "Article 21 of the International Covenant on Civil and Political Rights applies.",
        "under article 5 of the Law on Mass Media",
        "article 107 of the Criminal Procedure Code",
        "Article 11 of the European Convention on Human Rights",
        "ICCPR Article 19 is clear.",
        "The journalist wrote an article about the trial.",
        "He gave 2 articles to the paper.",
    ],
)
def test_not_provisions_of_a_code(text: str) -> None:
    assert numbered(text) == []


@pytest.mark.parametrize(
    ("text", "expected", "jurisdiction"),
    [
        ("under Article 342 of the Criminal Code of Belarus", ("CC 342",), "BY"),
        ("under Russia's Criminal Code article 207.3", ("CC 207.3",), "RU"),
        ("under article 330 of the Criminal Code of the Kyrgyz Republic", ("CC 330",), "KG"),
        ("under article 20.3.3 of the Code of Administrative Offences", ("CAO 20.3.3",), None),
        ("Article 174 of Kazakhstan's Criminal Code", ("CC 174",), "KZ"),
    ],
)
def test_other_jurisdictions_keep_the_label(
    text: str, expected: tuple[str, ...], jurisdiction: str | None
) -> None:
    (mention,) = [m for m in find_provisions(text) if not m.named]
    assert mention.labels == expected
    assert mention.jurisdiction == jurisdiction


def test_list_stops_before_a_count() -> None:
    assert numbered("He was charged under article 274, 15 activists were detained.") == [
        ("CC 274",)
    ]
    assert numbered("charged under article 274 and 12 May") == [("CC 274",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She was charged with knowingly spreading false information over a post.", "CC 274"),
        ("He was accused of disseminating knowingly false information.", "CC 274"),
        ("They were convicted of organising mass riots.", "CC 272"),
        ("He was charged with participation in mass riots.", "CC 272"),
        ("accused of involvement in a banned ‘’extremist’’ organisation", "CC 405"),
        ("charged with financing of extremist activities", "CC 258"),
        ("charged with inciting social discord", "CC 174"),
        ("charged with inciting national hatred", "CC 174"),
        ("prosecuted for publicly calling for the seizure of power", "CC 179"),
        ("charged with insulting a government official", "CC 378"),
        ("accused of using violence against a police officer", "CC 380"),
        ("He was convicted of fraud in a case seen as retaliation.", "CC 190"),
        ("She was fined for violating the rules for holding assemblies.", "CAO 488"),
        ("a criminal case for violating the procedure for organising peaceful assemblies",
         "CC 400"),
        ("fined for petty hooliganism", "CAO 434"),
        ("fined for disobeying police orders", "CAO 667"),
    ],
)  # fmt: skip
def test_named_offences(text: str, expected: str) -> None:
    mentions = [m for m in find_provisions(text, jurisdiction="KZ") if m.named]
    assert [m.labels for m in mentions] == [(expected,)]
    assert mentions[0].jurisdiction == "KZ"


def test_named_offence_with_its_number_is_not_repeated() -> None:
    text = "He was convicted of involvement in a banned extremist organisation (under article 405)."
    assert labels(text) == [("CC 405",)]
    text = "He was charged with spreading false information (Article 207.3 of the Criminal Code)."
    assert labels(text) == [("CC 207.3",)]


def test_named_offences_follow_the_jurisdiction() -> None:
    text = "She was charged with knowingly spreading false information."
    assert labels(text, jurisdiction="RU") == []  # Russia's "fakes" article is about the army
    assert labels(text, named=False) == []
    assert labels(text) == []  # no country, no number
    assert labels(text, jurisdiction="KZ") == [("CC 274",)]
    belarus = "Article 342 of the Criminal Code of Belarus was used. He was accused of fraud."
    assert labels(belarus, jurisdiction="KZ") == [("CC 342",)]  # the paragraph cites Belarus
    assert labels("In Belarus he was accused of fraud.") == []  # an unsure row: no number


def test_election_fraud_is_not_an_offence() -> None:
    assert labels("Observers reported election fraud and ballot stuffing.") == []


def test_spans_are_in_order_and_in_bounds() -> None:
    text = (
        "On 5 May she was fined under CAO 488; in June a criminal case under article 274 "
        "followed, and later charges of inciting social discord."
    )
    mentions = find_provisions(text, jurisdiction="KZ")
    assert [m.labels for m in mentions] == [("CAO 488",), ("CC 274",), ("CC 174",)]
    assert all(0 <= m.start < m.end <= len(text) for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


_ALPHABET = st.characters(codec="utf-8")
_PIECES = st.sampled_from(
    ["article ", "Art. ", "274", "(2)", " part ", "2", " of the Criminal Code", " CC ", "CAO ",
     " and ", ", ", "(", ")", "Code of Administrative Offences", "Кодекс", "статья 274",
     "false information", "spreading ", "\x00", "\n", "–", "456-2", "20.3.3", " 1,5 "]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(_ALPHABET, max_size=300), st.lists(_PIECES, max_size=40).map("".join)))
def test_never_raises_and_spans_are_sane(text: str) -> None:
    for mention in find_provisions(text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.provisions


@settings(max_examples=10, deadline=None)
@given(st.binary(max_size=400).map(lambda data: data.decode("latin-1")))
def test_binary_junk(text: str) -> None:
    for mention in find_provisions(text):
        assert 0 <= mention.start < mention.end <= len(text)


@pytest.mark.parametrize(
    "unit",
    ["article 274 of the Criminal Code, ", "article 1, ", "(((( ", "a" * 50, "1" * 50,
     "spreading false information and ", "Кодекс статья 274 "],
)  # fmt: skip
def test_one_megabyte_single_line_is_quick(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    mentions = find_provisions(text)
    assert all(0 <= m.start < m.end <= len(text) for m in mentions)


# -- jurisdiction-aware numbering (own sentences, invented names) ---------------------------


def cited(text: str, **kwargs: object) -> list[tuple[tuple[str, ...], str | None]]:
    """(base labels, jurisdiction) of the numbered mentions: what the contract shows."""
    return [
        (tuple(dict.fromkeys(p.base.label for p in m.provisions)), m.jurisdiction)
        for m in find_provisions(text, **kwargs)  # type: ignore[arg-type]
        if not m.named
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Belarus: parts as "Par.", dotted administrative articles kept whole
        ("A district court in Homiel jailed Ales Varonka under Par. 1 Art. 342.",
         [(("CC 342",), "BY")]),
        ("The Belarusian court fined Iryna Tsvirko under Article 19.11 for a repost.",
         [(("CAO 19.11",), "BY")]),
        ("In Belarus, Pavel Hurski was charged under Article 193.1 of the Criminal Code.",
         [(("CC 193-1",), "BY")]),
        # Russia: dots belong to the article number
        ("A Moscow court charged Oleg Zimin under Articles 207.3 and 280.3 of the Criminal Code.",
         [(("CC 207.3", "CC 280.3"), "RU")]),
        ("Russian police charged her under article 20.3.3 of the Code of Administrative "
         "Offences.", [(("CAO 20.3.3",), "RU")]),
        ("He is accused under Article 205.2 of the UK RF.", [(("CC 205.2",), "RU")]),
        # Azerbaijan: dots separate parts and points
        ("The Khatai District Court in Baku remanded Nigar Aliyeva under Article 206.3.2.",
         [(("CC 206",), "AZ")]),
        ("An Azerbaijani court added Articles 192.3.2 and 193-1.3.1 to the case.",
         [(("CC 192", "CC 193-1"), "AZ")]),
        # Uzbekistan: sub-articles with a dash, in superscript or in brackets
        ("A court in Tashkent jailed Rustam Aliqulov under article 244-1 part 3.",
         [(("CC 244-1",), "UZ")]),
        ("An Uzbek court convicted the blogger under Article 244¹ of the Criminal Code.",
         [(("CC 244-1",), "UZ")]),
        ("Uzbek prosecutors cited sub-paragraph 'g' of part 3 of article 244-1.",
         [(("CC 244-1",), "UZ")]),
        # Tajikistan: "307 (1)" and "307.1" are the sub-article 307-1
        ("A court in Dushanbe sentenced Firuz Nazarov under article 307 (1).",
         [(("CC 307-1",), "TJ")]),
        ("The Tajik court applied Article 307.3 of the Criminal Code.",
         [(("CC 307-3",), "TJ")]),
        # Kyrgyzstan and Kazakhstan
        ("He was charged under Art. 278 of the Criminal Code of the Kyrgyz Republic.",
         [(("CC 278",), "KG")]),
        ("The Kyrgyz court fined her under the Code of Offences, article 127.",
         [(("CAO 127",), "KG")]),
        ("Almaty police charged him under part 2 of article 174 of the CC RK.",
         [(("CC 174",), "KZ")]),
        ("She was charged under Article 274 CCRoK.", [(("CC 274",), "KZ")]),
        ("An Uzbek court fined him under article 201 of the Code of Administrative "
         "Responsibility.", [(("CAO 201",), "UZ")]),
    ],
)  # fmt: skip
def test_article_forms_by_country(
    text: str, expected: list[tuple[tuple[str, ...], str | None]]
) -> None:
    assert cited(text) == expected


def test_a_dotted_number_without_a_country() -> None:
    assert cited("charged under article 280.3 of the Criminal Code") == [(("CC 280.3",), None)]
    assert cited("charged under article 206.3.2 of the Criminal Code") == [(("CC 206",), None)]
    assert cited("fined under article 24.23") == [(("CAO 24.23",), None)]


def test_the_country_forced_reads_dots_its_way() -> None:
    text = "He was charged under article 221.3 of the Criminal Code."
    assert cited(text, jurisdiction="AZ") == [(("CC 221",), "AZ")]
    assert cited(text, jurisdiction="RU") == [(("CC 221.3",), "RU")]


def test_a_code_that_names_its_country_wins_over_the_passage() -> None:
    text = (
        "Kazakh police detained Arman Seitov in Almaty; Belarus wants him under Article 342 "
        "of the Criminal Code of Belarus."
    )
    assert cited(text) == [(("CC 342",), "BY")]
    (mention,) = find_provisions(text, jurisdiction="KZ")
    assert mention.jurisdiction == "BY" and mention.explicit
    assert mention.provisions[0].title is not None and "public order" in mention.provisions[0].title


def test_titles_follow_the_country_of_the_mention() -> None:
    (mention,) = find_provisions("A Minsk court jailed him under article 342.")
    assert mention.jurisdiction == "BY"
    assert "public order" in (mention.provisions[0].title or "")
    (mention,) = find_provisions("An Almaty court jailed him under article 342.")
    assert mention.jurisdiction == "KZ"
    assert mention.provisions[0].title is None  # not a Kazakh article monitors cite


@pytest.mark.parametrize(
    ("text", "jurisdiction", "country", "checked"),
    [
        # the offence named beside the number identifies the code
        ("He was charged with organising mass riots (Article 293).", None, "BY", True),
        ("He was charged with mass riots under article 278.", None, "KG", True),
        ("Charges of organising mass riots (Article 272) followed.", None, "KZ", True),
        # an inferred country gives way to the one whose numbering fits ...
        ("An Almaty court heard it: organising mass riots (Article 293).", None, "BY", True),
        # ... a forced one does not, and the mismatch is reported
        ("He was charged with organising mass riots (Article 293).", "KZ", "KZ", False),
        ("organising mass riots (Article 225)", None, None, None),
        ("Article 342 ('actions grossly violating public order') was applied.", None, "BY",
         True),
    ],
)  # fmt: skip
def test_named_offence_beside_its_number_is_checked(
    text: str, jurisdiction: str | None, country: str | None, checked: bool | None
) -> None:
    (mention,) = [m for m in find_provisions(text, jurisdiction=jurisdiction) if not m.named]
    assert mention.offence is not None
    assert (mention.jurisdiction, mention.checked) == (country, checked)


@pytest.mark.parametrize(
    ("text", "jurisdiction", "expected"),
    [
        ("She was charged with discrediting the armed forces.", "RU", "CC 280.3"),
        ("She was fined for discrediting the armed forces.", "RU", "CAO 20.3.3"),
        ("He was charged with high treason.", "BY", "CC 356"),
        ("He was accused of illegal entrepreneurship and smuggling.", "AZ", "CC 192"),
        ("They were charged with organising mass riots.", "KG", "CC 278"),
        ("He was jailed for insulting the president.", "TJ", "CC 137"),
        ("He was fined for violating the procedure for holding mass events.", "BY", "CAO 24.23"),
        ("She was charged with evading the duties of a foreign agent.", "RU", "CC 330.1"),
        ("He was convicted of inciting religious hatred.", "UZ", "CC 156"),
    ],
)
def test_named_offences_per_country(text: str, jurisdiction: str, expected: str) -> None:
    found = [m for m in find_provisions(text, jurisdiction=jurisdiction) if m.named]
    assert found and found[0].labels == (expected,)
    assert found[0].jurisdiction == jurisdiction
