"""The dev corpus's gold file scored against itself and against damaged copies of itself."""

from __future__ import annotations

import copy

import pytest

from civicwatch.evaluation import find_pairs, load_gold, score_corpus, score_document
from tests.conftest import DEV_CORPUS as DEV

GOLD = DEV / "civicus-kazakhstan-2023-03.gold.json"

pytestmark = pytest.mark.skipif(not GOLD.is_file(), reason=f"dev gold file absent: {GOLD}")


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD)


def test_dev_gold_pairs_with_its_report() -> None:
    assert (GOLD, DEV / "civicus-kazakhstan-2023-03.txt") in find_pairs(DEV)
    assert all(gold.is_file() and report.is_file() for gold, report in find_pairs(DEV))


def test_gold_against_itself_is_perfect(gold) -> None:
    score = score_corpus([("dev", gold, copy.deepcopy(gold.data))])
    for name, counts in score.metrics.items():
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0), name
        assert counts.fp == counts.fn == 0, name
    assert score.metrics["persons"].tp == len(gold.persons)
    assert score.dates.accuracy == 1.0
    assert all(m.how == "exact" for m in score.documents[0].person_matches)


def test_no_two_gold_persons_match_each_other(gold) -> None:
    """Scoring every gold person alone against the whole list finds exactly itself."""
    for person in gold.persons:
        score = score_document(gold, {"persons": [person]})
        assert score.metrics["persons"].tp == 1
        assert score.person_matches[0].gold_name == person["name"]


def _with_person_removed(gold, index: int):
    predicted = copy.deepcopy(gold.data)
    removed = predicted["persons"].pop(index)
    return predicted, removed


@pytest.mark.parametrize("pick", ["first", "most_articles", "most_outcomes", "last"])
def test_removing_one_person_lowers_recall_by_exactly_its_share(gold, pick: str) -> None:
    persons = gold.persons
    index = {
        "first": 0,
        "most_articles": max(range(len(persons)), key=lambda i: len(persons[i]["articles"])),
        "most_outcomes": max(range(len(persons)), key=lambda i: len(persons[i]["outcomes"])),
        "last": len(persons) - 1,
    }[pick]
    predicted, removed = _with_person_removed(gold, index)
    score = score_document(gold, predicted)

    total_articles = sum(len(set(p["articles"])) for p in persons)
    total_outcomes = sum(len(p["outcomes"]) for p in persons)
    expected = {
        "persons": (len(persons) - 1) / len(persons),
        "articles": (total_articles - len(set(removed["articles"]))) / total_articles,
        "outcomes": (total_outcomes - len(removed["outcomes"])) / total_outcomes,
    }
    for metric, recall in expected.items():
        counts = score.metrics[metric]
        assert counts.recall == pytest.approx(recall), metric
        assert counts.precision == 1.0, metric
    assert score.metrics["persons"].misses[0].item == removed["name"]
    assert score.metrics["organisations"].f1 == 1.0
    assert score.dates.accuracy == 1.0
