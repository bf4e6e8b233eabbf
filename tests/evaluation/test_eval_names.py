from __future__ import annotations

import pytest

from civicwatch.evaluation.names import _match_key, match_persons, names_match, normalise_name
from tests.evaluation.helpers import person


def test_normalise_name_folds_case_space_and_punctuation() -> None:
    assert normalise_name("  Mamai,  ZHANBOLAT ") == "mamai zhanbolat"


@pytest.mark.parametrize(
    ("spelling", "other"),
    [
        ("Kantarbayeva", "Kantarbaeva"),
        ("Tleubayeva", "Тлеубаева"),
        ("Aigul Tleubayeva", "Айгуль Тлеубаева"),
        ("Kairat Seytkaliev", "Қайрат Сейтқалиев"),
        ("Yuriy", "Iurii"),
        ("Mukhamedzhanova", "Muhamedjanova"),
    ],
)
def test_match_key_equal_across_romanisations(spelling: str, other: str) -> None:
    assert _match_key(spelling) == _match_key(other)
    assert names_match(spelling, other) == "key"


def test_match_key_keeps_different_names_apart() -> None:
    assert _match_key("Sultanbek") != _match_key("Sultanbekov")
    assert names_match("Sultanbek", "Sultanbekov") is None
    assert names_match("Aigul Tleubayeva", "Aigerim Tleubayeva") is None


def test_tiers() -> None:
    assert names_match("Zhanbolat Mamai", "zhanbolat  MAMAI") == "exact"
    assert names_match(person("Zhanbolat Mamai", "Mamai"), person("Mamai")) == "variant"
    assert names_match("Zhanbolat Mamai", "Mamai Zhanbolat") == "fuzzy"
    assert names_match("Sharbat Apai", "Şarbat Apai") == "fuzzy"
    assert names_match("A. Tleubayeva", "Aigul Tleubayeva") == "initial"
    assert names_match("B. Tleubayeva", "Aigul Tleubayeva") is None
    assert names_match("Mamai", "Zhanbolat Mamai") == "surname"


def _pairs(gold, predicted) -> list[tuple[str, str]]:
    return [(m.gold_name, m.predicted_name) for m in match_persons(gold, predicted)]


def test_spelling_variants_are_matched() -> None:
    gold = [person("Sandugash Kantarbayeva"), person("Aigul Tleubayeva", "Tleubayeva")]
    predicted = [person("Тлеубаева"), person("Sandugash Kantarbaeva")]
    assert _pairs(gold, predicted) == [
        ("Sandugash Kantarbayeva", "Sandugash Kantarbaeva"),
        ("Aigul Tleubayeva", "Тлеубаева"),
    ]


def test_surname_only_prediction_matches_through_gold_variant() -> None:
    gold = [person("Zhanbolat Mamai", "Mamai"), person("Timur Orlov")]
    assert _pairs(gold, [person("Mamai")]) == [("Zhanbolat Mamai", "Mamai")]


def test_one_to_one_with_two_gold_persons_sharing_a_surname() -> None:
    gold = [person("Aigul Tleubayeva"), person("Dana Tleubayeva")]
    predicted = [person("Dana Tleubaeva"), person("Aigul Tleubaeva"), person("Tleubayeva")]
    matches = match_persons(gold, predicted)
    assert [(m.gold_name, m.predicted_name) for m in matches] == [
        ("Aigul Tleubayeva", "Aigul Tleubaeva"),
        ("Dana Tleubayeva", "Dana Tleubaeva"),
    ]
    # The bare surname is ambiguous between the two gold persons: it matches neither.
    assert _pairs(gold, [person("Tleubayeva")]) == []


def test_each_person_is_used_once_best_first() -> None:
    gold = [person("Marat Zhylanbayev")]
    predicted = [person("Zhylanbayev"), person("Marat Zhylanbaev")]
    matches = match_persons(gold, predicted)
    assert len(matches) == 1
    assert matches[0].predicted_name == "Marat Zhylanbaev"
    assert matches[0].how == "key"
