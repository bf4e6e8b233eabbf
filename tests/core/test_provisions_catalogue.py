"""Provisions in core: parsing, labels, the catalogues of seven countries' codes, lookups
keyed by jurisdiction, the reading of dotted numbers, named-offence concepts."""

from __future__ import annotations

import re

import pytest

from civicwatch.core.provisions import (
    Provision,
    articles_for_offence,
    jurisdiction_of,
    jurisdictions_citing,
    lookup,
    offence_of,
    resolve_number,
    short_title,
)
from civicwatch.core.provisions_catalogue import (
    DotRule,
    catalogue,
    countries,
    cues,
    offence_patterns,
)
from civicwatch.core.vocab import LegalCode
from civicwatch.errors import InvalidValueError

SEVEN = ("KZ", "KG", "TJ", "UZ", "BY", "RU", "AZ")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("CC 274", "CC 274"),
        ("cc274", "CC 274"),
        ("CAO 456-2", "CAO 456-2"),
        ("CAO 456–2", "CAO 456-2"),
        ("CC 174(2)", "CC 174-2"),
        ("CC 174 part 2", "CC 174-2"),
        ("Criminal Code article 405", "CC 405"),
        ("Code of Administrative Offences 488", "CAO 488"),
        ("CAO 20.3.3", "CAO 20.3.3"),
    ],
)
def test_parse_and_label(text: str, label: str) -> None:
    assert Provision.parse(text).label == label


def test_label_of_a_part() -> None:
    provision = Provision(LegalCode.CRIMINAL, "174", "2", "KZ")
    assert provision.label == "CC 174-2"
    assert provision.base == Provision(LegalCode.CRIMINAL, "174", None, "KZ")
    assert str(provision) == "CC 174-2"


@pytest.mark.parametrize("text", ["", "CC", "article", "XX 274", "CC abc", "274"])
def test_parse_rejects_garbage(text: str) -> None:
    with pytest.raises(InvalidValueError):
        Provision.parse(text)


def test_bad_article_number_is_refused() -> None:
    with pytest.raises(InvalidValueError):
        Provision(LegalCode.CRIMINAL, "27a")


def test_every_country_has_a_catalogue_with_both_rules() -> None:
    assert set(SEVEN) <= set(countries())
    for code in SEVEN:
        country = countries()[code]
        assert set(country.dots) == {"CC", "CAO"}
        assert catalogue(code), code
        assert country.code_names["CC"]


def test_catalogue_rows_are_well_formed() -> None:
    concepts = {concept for concept, _ in offence_patterns()}
    for code in SEVEN:
        for label, entry in catalogue(code).items():
            assert label == entry.label and entry.jurisdiction == code
            assert Provision.parse(label).label == label
            assert entry.title and entry.title == entry.title.strip()
            assert set(entry.offences) <= concepts, (code, label, entry.offences)


def test_titles_are_keyed_by_jurisdiction() -> None:
    assert short_title("KZ", "CC 274") == "dissemination of knowingly false information"
    assert "public order" in (short_title("BY", "CC 342") or "")
    assert short_title("KZ", "CC 342") is None  # never a Kazakh title for another code
    assert short_title("RU", "CC 207.3") is not None
    assert short_title("BY", "CAO 19.11") is not None
    assert short_title("AZ", "CC 206") == "smuggling"
    assert short_title("AZ", "CC 193-1") is not None
    assert short_title("TJ", "CC 307-3") is not None
    assert short_title("UZ", "CC 244-1") is not None
    assert short_title("KG", "CC 278") == "mass riots"
    assert short_title(None, "CC 274") is None
    assert short_title("FR", "CC 274") is None


def test_titles_of_parts_and_unsure_rows() -> None:
    assert short_title("KZ", "CC 272-1") == "organising mass riots"
    assert short_title("KG", "CC 278-3") == "calls for mass riots or violence against citizens"
    assert short_title("KZ", "CC 119") is None  # unsure row
    assert short_title("KZ", "CC 119", certain_only=False) == "leaving a person in danger"
    assert lookup("KZ", "CC 119") is not None and not lookup("KZ", "CC 119").certain  # type: ignore[union-attr]


def test_provision_info_needs_its_country() -> None:
    assert Provision.parse("CC 274").info is None
    assert Provision.parse("CC 274", "KZ").title == "dissemination of knowingly false information"
    assert Provision(LegalCode.CRIMINAL, "272", "2", "KZ").title == "participation in mass riots"
    assert Provision.parse("CC 272-1", "KZ").title == "organising mass riots"  # read as a part
    assert Provision(LegalCode.CRIMINAL, "206", "3", "AZ").title == "smuggling"
    assert Provision.parse("CC 9999", "KZ").info is None


@pytest.mark.parametrize(
    ("country", "code", "number", "paren", "expected"),
    [
        ("AZ", "CC", "206.3.2", None, ("206", "3")),
        ("AZ", "CC", "193-1.3.1", None, ("193-1", "3")),
        ("AZ", "CAO", "535.1", None, ("535", "1")),
        ("KZ", "CC", "174.2", None, ("174", "2")),
        ("KZ", "CC", "174", "2", ("174", "2")),
        ("RU", "CC", "207.3", None, ("207.3", None)),
        ("RU", "CAO", "20.3.3", None, ("20.3.3", None)),
        ("BY", "CAO", "19.11", None, ("19.11", None)),
        ("BY", "CC", "193.1", None, ("193-1", None)),
        ("BY", "CC", "342", "1", ("342", "1")),
        ("TJ", "CC", "307.1", None, ("307-1", None)),
        ("TJ", "CC", "307", "1", ("307-1", None)),
        ("TJ", "CC", "189.2", None, ("189", "2")),
        ("UZ", "CC", "244¹", None, ("244-1", None)),
        ("UZ", "CC", "244", "2", ("244-2", None)),
        ("KG", "CC", "278.3", None, ("278", "3")),
        (None, "CC", "280.3", None, ("280.3", None)),  # only Russia numbers it so
        (None, "CAO", "24.23", None, ("24.23", None)),  # chaptered
        (None, "CC", "206.3.2", None, ("206", "3")),
        (None, "CC", "174", "2", ("174", "2")),
    ],
)
def test_dots_are_read_the_countrys_way(
    country: str | None, code: str, number: str, paren: str | None, expected: tuple
) -> None:
    assert resolve_number(country, code, number, paren) == expected


def test_dot_rules() -> None:
    assert countries()["RU"].dots["CC"] is DotRule.ARTICLE
    assert countries()["AZ"].dots["CC"] is DotRule.PARTS
    assert countries()["BY"].dots["CAO"] is DotRule.ARTICLE


def test_named_offence_concepts() -> None:
    assert offence_of("‘’Knowingly  spreading false information’’") == "false_information"
    assert offence_of("organising mass riots") == "mass_riots"
    assert offence_of("discrediting the armed forces") == "discrediting_army"
    assert offence_of("illegal entrepreneurship") == "illegal_entrepreneurship"
    assert offence_of("eating cake") is None


def test_offences_map_to_each_countrys_article() -> None:
    assert articles_for_offence("KZ", "mass_riots") == ("CC 272",)
    assert articles_for_offence("BY", "mass_riots") == ("CC 293",)
    assert articles_for_offence("KG", "mass_riots") == ("CC 278",)
    assert articles_for_offence("RU", "discrediting_army") == ("CC 280.3", "CAO 20.3.3")
    assert articles_for_offence("AZ", "smuggling") == ("CC 206",)
    assert articles_for_offence("KZ", "unauthorised_assembly") == ("CC 400", "CAO 488")
    assert articles_for_offence("RU", "false_information") == ()
    assert articles_for_offence(None, "mass_riots") == ()
    assert "CAO 535" not in articles_for_offence("AZ", "disobeying_police")  # unsure row


def test_which_countries_cite_an_article_for_an_offence() -> None:
    assert jurisdictions_citing("CC 293", "mass_riots") == {"BY"}
    assert jurisdictions_citing("CC 272", "mass_riots") == {"KZ"}
    assert jurisdictions_citing("CC 225", "mass_riots") == frozenset()


def test_offence_patterns_compile_and_start_with_a_literal() -> None:
    for concept, patterns in offence_patterns():
        assert re.fullmatch(r"[a-z_]+", concept)
        for pattern in patterns:
            assert re.compile(pattern)
            assert re.match(r"\(\?:|[a-z]", pattern), pattern


@pytest.mark.parametrize(
    ("name", "code"),
    [("Kazakhstan", "KZ"), ("Belarus's", "BY"), ("the Russian Federation", "RU"),
     ("Kyrgyz", "KG"), ("the Republic of Armenia", "AM"), ("RK", "KZ"), ("Mars", None)],
)  # fmt: skip
def test_jurisdictions(name: str, code: str | None) -> None:
    assert jurisdiction_of(name) == code


def test_cues_have_countries_and_weights() -> None:
    table = cues()
    assert table["tenge"].country == "KZ" and table["tenge"].kind == "currency"
    assert table["belarusian roubles"].country == "BY"
    assert all(cue.weight > 0 and len(cue.country) == 2 for cue in table.values())
