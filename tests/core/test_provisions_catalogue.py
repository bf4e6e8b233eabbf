from __future__ import annotations

import pytest

from civicwatch.core.provisions import (
    ADMINISTRATIVE_COUNTERPART,
    CATALOGUE,
    NAMED_OFFENCES,
    Provision,
    jurisdiction_of,
    named_offence,
)
from civicwatch.core.vocab import LegalCode
from civicwatch.errors import InvalidValueError


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
    provision = Provision(LegalCode.CRIMINAL, "174", "2")
    assert provision.label == "CC 174-2"
    assert provision.base == Provision(LegalCode.CRIMINAL, "174")
    assert str(provision) == "CC 174-2"


@pytest.mark.parametrize("text", ["", "CC", "article", "XX 274", "CC abc", "274"])
def test_parse_rejects_garbage(text: str) -> None:
    with pytest.raises(InvalidValueError):
        Provision.parse(text)


def test_bad_article_number_is_refused() -> None:
    with pytest.raises(InvalidValueError):
        Provision(LegalCode.CRIMINAL, "27a")


def test_catalogue_titles() -> None:
    assert Provision.parse("CC 274").title == "dissemination of knowingly false information"
    assert Provision.parse("CAO 488").info is not None
    assert Provision(LegalCode.CRIMINAL, "272", "2").title == "participation in mass riots"
    assert Provision.parse("CC 272-1").title == "organising mass riots"  # read as a part
    assert Provision.parse("CC 9999").info is None


def test_catalogue_keys_are_labels_and_kazakh() -> None:
    for key, info in CATALOGUE.items():
        assert Provision.parse(key).label == key
        assert info.title and info.jurisdiction == "KZ"
    for key in ("CC 24", "CC 174", "CC 179", "CC 258", "CC 272", "CC 274", "CC 380", "CC 400",
                "CC 405", "CAO 434", "CAO 488", "CAO 489", "CAO 667"):  # fmt: skip
        assert key in CATALOGUE


def test_named_offences_point_into_the_catalogue() -> None:
    for wording, key in NAMED_OFFENCES.items():
        assert key in CATALOGUE, wording
        assert wording == wording.lower()
    for key, other in ADMINISTRATIVE_COUNTERPART.items():
        assert key in CATALOGUE and other in CATALOGUE


def test_named_offence_lookup() -> None:
    assert named_offence("‘’Knowingly  spreading false information’’") == "CC 274"
    assert named_offence("organising mass riots") == "CC 272"
    assert named_offence("eating cake") is None


@pytest.mark.parametrize(
    ("name", "code"),
    [("Kazakhstan", "KZ"), ("Belarus's", "BY"), ("the Russian Federation", "RU"),
     ("Kyrgyz", "KG"), ("the Republic of Armenia", "AM"), ("Mars", None)],
)  # fmt: skip
def test_jurisdictions(name: str, code: str | None) -> None:
    assert jurisdiction_of(name) == code
