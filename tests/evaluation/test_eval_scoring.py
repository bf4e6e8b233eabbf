from __future__ import annotations

import json

import pytest

from civicwatch.errors import InvalidValueError
from civicwatch.evaluation import (
    TARGETS,
    Finding,
    meets,
    render_text,
    score_corpus,
    score_document,
)
from tests.evaluation.helpers import document, person

_SURNAMES = [
    "Abenov",
    "Bekov",
    "Dauletov",
    "Ermekov",
    "Galiev",
    "Ibrayev",
    "Kassymov",
    "Lukin",
    "Mirzoev",
    "Nurlanov",
    "Orazov",
    "Petrov",
    "Rakhimov",
    "Sadykov",
    "Tokayev",
    "Umarov",
    "Valiev",
    "Yusupov",
    "Zhumabekov",
    "Zakirov",
]


def _f1s(score) -> dict[str, float]:
    return {name: counts.f1 for name, counts in score.metrics.items()}


def test_exact_match_scores_one_everywhere() -> None:
    gold = document(
        person("Aigul Tleubayeva", articles=["CC 274"], outcomes=[("fine", "100 EUR", "2024-01")]),
        organisations=["Free Speech Union"],
        places=["Almaty"],
    )
    score = score_document(gold, gold)
    assert set(_f1s(score).values()) == {1.0}
    assert score.dates.accuracy == 1.0
    assert [m.how for m in score.person_matches] == ["exact"]


def test_empty_against_empty_is_perfect_and_nothing_found_is_zero() -> None:
    assert set(_f1s(score_document(document(), document())).values()) == {1.0}
    score = score_document(document(person("Aigul Tleubayeva")), document())
    assert score["persons"].precision == 1.0  # nothing predicted, nothing wrong
    assert score["persons"].recall == 0.0
    assert score["persons"].f1 == 0.0


def test_persons_precision_recall_and_evidence() -> None:
    gold = document(person("Sandugash Kantarbayeva"), person("Timur Orlov"), person("Ivan Lee"))
    predicted = document(person("Sandugash Kantarbaeva"), person("Ivan Lee"), person("Olga Ray"))
    counts = score_document(gold, predicted)["persons"]
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 1)
    assert counts.precision == pytest.approx(2 / 3)
    assert counts.recall == pytest.approx(2 / 3)
    assert counts.misses == [Finding("Timur Orlov")]
    assert counts.false_hits == [Finding("Olga Ray")]


def test_cyrillic_prediction_matches_latin_gold() -> None:
    gold = document(person("Aigul Tleubayeva", articles=["CC 274"]))
    predicted = document(person("Айгуль Тлеубаева", articles=["cc274"]))
    score = score_document(gold, predicted)
    assert score["persons"].f1 == 1.0
    assert score["articles"].f1 == 1.0


def test_articles_per_person_pooling_of_unmatched_persons() -> None:
    gold = document(
        person("Aigul Tleubayeva", articles=["CC 274", "CC 405", "CAO 488-6"]),
        person("Timur Orlov", articles=["CC 174"]),
    )
    predicted = document(
        person("Aigul Tleubayeva", articles=["cc 274", "CC405", "CC 380"]),
        person("Olga Ray", articles=["CC 179"]),
    )
    counts = score_document(gold, predicted)["articles"]
    assert (counts.tp, counts.fp, counts.fn) == (2, 2, 2)
    assert counts.misses == [
        Finding("CAO 488-6", "Aigul Tleubayeva"),
        Finding("CC 174", "Timur Orlov"),
    ]
    assert counts.false_hits == [
        Finding("CC 380", "Aigul Tleubayeva"),
        Finding("CC 179", "Olga Ray"),
    ]


def test_articles_are_a_set_per_person() -> None:
    gold = document(person("Aigul Tleubayeva", articles=["CC 274"]))
    predicted = document(person("Aigul Tleubayeva", articles=["CC 274", "cc 274"]))
    counts = score_document(gold, predicted)["articles"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)


def test_articles_are_not_credited_to_another_person() -> None:
    gold = document(person("Aigul Tleubayeva", articles=["CC 274"]), person("Timur Orlov"))
    predicted = document(person("Aigul Tleubayeva"), person("Timur Orlov", articles=["CC 274"]))
    counts = score_document(gold, predicted)["articles"]
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_outcome_amounts_are_normalised_and_compared_as_multisets() -> None:
    gold = document(
        person(
            "Aigul Tleubayeva",
            outcomes=[
                ("prison", "7 years", "2024-03-01"),
                ("fine", "60-200 EUR", "2023-10-06"),
                ("other", "detained", "2023-01-05"),
                ("other", "detained", "2023-02-07"),
                ("pretrial_detention", None, "2023-01"),
            ],
        )
    )
    predicted = document(
        person(
            "Aigul Tleubayeva",
            outcomes=[
                ("prison", "seven years", "2024-03-01"),
                ("fine", "60 to 200 EUR", "2023-10-06"),
                ("other", "Detained", "2023-02-07"),
                ("pretrial_detention", "null", "2023-01"),
                ("prison", "7 months", "2024-03-01"),
            ],
        )
    )
    score = score_document(gold, predicted)
    counts = score["outcomes"]
    assert (counts.tp, counts.fp, counts.fn) == (4, 1, 1)
    assert counts.misses == [Finding("other detained", "Aigul Tleubayeva", "2023-01-05")]
    assert counts.false_hits == [Finding("prison 7 months", "Aigul Tleubayeva", "2024-03-01")]
    # the one "detained" found is paired with the gold one of the same date
    assert score.dates.pairs == 4
    assert score.dates.accuracy == 1.0


def test_outcomes_of_unmatched_persons_count_against_both_sides() -> None:
    gold = document(person("Timur Orlov", outcomes=[("admin_detention", "15 days", "2023-05")]))
    predicted = document(person("Olga Ray", outcomes=[("fine", "300 EUR", None)]))
    counts = score_document(gold, predicted)["outcomes"]
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_date_accuracy_strict_and_lenient() -> None:
    gold = document(
        person(
            "Aigul Tleubayeva",
            outcomes=[
                ("prison", "7 years", "2024-03-01"),
                ("fine", "300 EUR", "2023-10-06"),
                ("admin_detention", "15 days", "2023-11-14"),
                ("other", "detained", "2023-11-10"),
            ],
        )
    )
    predicted = document(
        person(
            "Aigul Tleubayeva",
            outcomes=[
                ("prison", "7 years", "2024-03-01"),  # equal
                ("fine", "300 EUR", "2023-10"),  # same month, coarser
                ("admin_detention", "15 days", "2023-12-14"),  # wrong month
                ("other", "detained", None),  # no date
            ],
        )
    )
    dates = score_document(gold, predicted).dates
    assert (dates.pairs, dates.agree, dates.agree_lenient) == (4, 1, 2)
    assert dates.accuracy == 0.25
    assert dates.lenient_accuracy == 0.5
    assert [(m.item, m.gold, m.predicted, m.lenient_ok) for m in dates.mismatches] == [
        ("fine 300 EUR", "2023-10-06", "2023-10", True),
        ("admin_detention 15 days", "2023-11-14", "2023-12-14", False),
        ("other detained", "2023-11-10", None, False),
    ]


def test_date_accuracy_is_none_without_pairs() -> None:
    dates = score_document(document(), document()).dates
    assert dates.accuracy is None
    assert dates.lenient_accuracy is None


def test_organisations_and_places_by_normalised_name() -> None:
    gold = document(organisations=["Democratic Party", "Alga Kazakhstan!"], places=["Almaty"])
    predicted = document(
        organisations=[{"name": "the democratic party", "kind": "party"}, {"name": "Amanat"}],
        places=[{"name": "Алматы", "kind": "city"}, {"name": "Astana"}],
    )
    score = score_document(gold, predicted)
    orgs, places = score["organisations"], score["places"]
    assert (orgs.tp, orgs.fp, orgs.fn) == (1, 1, 1)
    assert (places.tp, places.fp, places.fn) == (1, 1, 0)
    assert orgs.misses == [Finding("Alga Kazakhstan!")]


def test_pooling_over_two_documents_is_micro_averaged() -> None:
    first = (
        "first",
        document(person("Aigul Tleubayeva"), person("Timur Orlov")),
        document(person("Aigul Tleubayeva")),
    )  # tp 1, fn 1
    second = (
        "second",
        document(*(person(f"Ayan {s}") for s in _SURNAMES[:8])),
        document(*(person(f"Ayan {s}") for s in _SURNAMES[:8]), person("Olga Ray")),
    )  # tp 8, fp 1
    corpus = score_corpus([first, second])
    pooled = corpus["persons"]
    assert (pooled.tp, pooled.fp, pooled.fn) == (9, 1, 1)
    assert pooled.precision == pytest.approx(9 / 10)
    assert pooled.recall == pytest.approx(9 / 10)
    macro = (corpus.documents[0]["persons"].recall + corpus.documents[1]["persons"].recall) / 2
    assert macro == pytest.approx(0.75)  # what a macro average would have said
    assert [d.name for d in corpus.documents] == ["first", "second"]


def test_pooling_date_accuracy() -> None:
    gold = document(person("Aigul Tleubayeva", outcomes=[("fine", "300 EUR", "2023-10-06")]))
    wrong = document(person("Aigul Tleubayeva", outcomes=[("fine", "300 EUR", "2023-10")]))
    corpus = score_corpus([("a", gold, gold), ("b", gold, wrong), ("c", gold, gold)])
    assert corpus.dates.pairs == 3
    assert corpus.dates.accuracy == pytest.approx(2 / 3)
    assert corpus.dates.lenient_accuracy == 1.0


def test_to_dict_is_json_and_keeps_evidence() -> None:
    gold = document(person("Timur Orlov", articles=["CC 174"]))
    corpus = score_corpus([("doc", gold, document())])
    data = json.loads(json.dumps(corpus.to_dict()))
    assert data["documents_scored"] == 1
    assert data["metrics"]["persons"] == {
        "precision": 1.0,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 0,
        "fn": 1,
    }
    assert data["documents"][0]["misses"]["articles"] == [
        {"person": "Timur Orlov", "item": "CC 174", "date": None}
    ]
    assert data["outcome_dates"]["accuracy"] is None


def test_render_text_has_table_and_evidence_per_document() -> None:
    gold = document(person("Timur Orlov", articles=["CC 174"]), person("Aigul Tleubayeva"))
    predicted = document(person("Aigul Tleubayeva"), person("Olga Ray"))
    text = render_text(score_corpus([("report-7", gold, predicted)]), "dev")
    lines = text.splitlines()
    assert lines[2].split() == [
        "metric",
        "precision",
        "recall",
        "F1",
        "tp",
        "fp",
        "fn",
        "target",
        "ok",
    ]
    persons_row = next(line for line in lines if line.startswith("persons"))
    assert persons_row.split() == [
        "persons",
        "0.500",
        "0.500",
        "0.500",
        "1",
        "1",
        "1",
        "0.95",
        "NO",
    ]
    assert "== report-7 ==" in text
    assert "Timur Orlov: CC 174" in text
    assert "Olga Ray" in text.split("false hits")[1]


def test_render_text_skips_documents_without_findings() -> None:
    gold = document(person("Aigul Tleubayeva"))
    text = render_text(score_document(gold, gold, name="clean"))
    assert "== clean ==" not in text
    assert "1 document scored" in text


def test_meets_targets() -> None:
    names = [f"Ayan {surname}" for surname in _SURNAMES]
    gold = document(*(person(name) for name in names))
    predicted = document(*(person(name) for name in names[:-1]))  # F1 = 38/39 = 0.974
    score = score_document(gold, predicted)
    assert meets(score, TARGETS["dev"]) == {"persons": True, "articles": True, "outcomes": True}
    assert meets(score, {"persons": 0.975}) == {"persons": False}
    assert meets(score, "unseen")["persons"] is True
    with pytest.raises(InvalidValueError):
        meets(score, "nightly")
    with pytest.raises(InvalidValueError):
        meets(score, {"events": 0.5})


def test_targets_are_the_agreed_figures() -> None:
    assert TARGETS == {
        "dev": {"persons": 0.95, "articles": 0.90, "outcomes": 0.85},
        "unseen": {"persons": 0.90, "articles": 0.85, "outcomes": 0.75},
    }


def test_prediction_must_be_an_object() -> None:
    with pytest.raises(InvalidValueError):
        score_document(document(), [])  # type: ignore[arg-type]


def test_prediction_with_missing_keys_is_scored_as_empty() -> None:
    score = score_document(document(person("Timur Orlov")), {"persons": [{"name": "Timur Orlov"}]})
    assert score["persons"].f1 == 1.0
