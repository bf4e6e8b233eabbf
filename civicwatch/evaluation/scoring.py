"""Scores of extraction output against gold annotations, with the evidence behind them.

``score_document`` compares one predicted document (the extraction contract's JSON) with
its gold file; ``score_corpus`` pools several (micro-average: true positives, false
positives and false negatives are summed over documents before precision and recall are
computed). See docs/quality.md, "How extraction is scored".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from civicwatch.errors import InvalidValueError
from civicwatch.evaluation.gold import GoldDocument
from civicwatch.evaluation.names import match_persons
from civicwatch.evaluation.normalise import (
    date_agrees,
    normalise_amount,
    normalise_article,
    normalise_date,
    normalise_kind,
    normalise_label,
)
from civicwatch.evaluation.results import (
    CorpusScore,
    Counts,
    DateAccuracy,
    DateMismatch,
    DocumentScore,
    Finding,
)

#: Metrics with precision, recall and F1, in display order.
METRICS: tuple[str, ...] = ("persons", "articles", "outcomes", "organisations", "places")


# -- scoring -----------------------------------------------------------------------------


def _as_dict(value: Mapping[str, Any] | GoldDocument, what: str) -> Mapping[str, Any]:
    if isinstance(value, GoldDocument):
        return value.data
    if not isinstance(value, Mapping):
        raise InvalidValueError(f"{what} must be a JSON object, not {type(value).__name__}")
    return value


def _persons(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [p for p in data.get("persons") or [] if isinstance(p, Mapping)]


def _articles(person: Mapping[str, Any]) -> dict[str, str]:
    """Normalised label -> label as first written."""
    labels: dict[str, str] = {}
    for article in person.get("articles") or []:
        if isinstance(article, str) and article.strip():
            labels.setdefault(normalise_article(article), article.strip())
    return labels


def _outcomes(person: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [o for o in person.get("outcomes") or [] if isinstance(o, Mapping)]


def _outcome_key(outcome: Mapping[str, Any]) -> tuple[str, str | None]:
    return normalise_kind(outcome.get("kind")), normalise_amount(outcome.get("amount"))


def _outcome_item(outcome: Mapping[str, Any]) -> str:
    amount = outcome.get("amount")
    return f"{outcome.get('kind')} {amount}" if amount else str(outcome.get("kind"))


def _finding(name: str, outcome: Mapping[str, Any]) -> Finding:
    return Finding(_outcome_item(outcome), name, normalise_date(outcome.get("date")))


def _compare_articles(
    name: str, gold: dict[str, str], predicted: dict[str, str], counts: Counts
) -> None:
    for label, written in gold.items():
        if label in predicted:
            counts.hit()
        else:
            counts.miss(Finding(written, name))
    for label, written in predicted.items():
        if label not in gold:
            counts.false_hit(Finding(written, name))


_Outcome = Mapping[str, Any]


def _pair_by_date(golds: list[_Outcome], preds: list[_Outcome]) -> list[tuple[_Outcome, _Outcome]]:
    """Pair outcomes of one (kind, amount): equal dates first, then dates that agree
    leniently, then whatever is left in order of appearance."""
    pairs: list[tuple[_Outcome, _Outcome]] = []
    for rule in ("strict", "lenient", "any"):
        for g in list(golds):
            match = next(
                (
                    p
                    for p in preds
                    if rule == "any"
                    or date_agrees(g.get("date"), p.get("date"), lenient=rule == "lenient")
                ),
                None,
            )
            if match is not None:
                pairs.append((g, match))
                golds.remove(g)
                preds.remove(match)
    return pairs


def _compare_outcomes(
    name: str,
    gold: list[Mapping[str, Any]],
    predicted: list[Mapping[str, Any]],
    counts: Counts,
    dates: DateAccuracy,
) -> None:
    """Multiset comparison on (kind, amount); within a key, pairs are formed preferring equal
    dates, then leniently equal dates, then order of appearance."""
    gold_by_key: dict[tuple[str, str | None], list[Mapping[str, Any]]] = defaultdict(list)
    predicted_by_key: dict[tuple[str, str | None], list[Mapping[str, Any]]] = defaultdict(list)
    for outcome in gold:
        gold_by_key[_outcome_key(outcome)].append(outcome)
    for outcome in predicted:
        predicted_by_key[_outcome_key(outcome)].append(outcome)
    for key in list(gold_by_key) + [k for k in predicted_by_key if k not in gold_by_key]:
        golds, preds = list(gold_by_key.get(key, [])), list(predicted_by_key.get(key, []))
        pairs = _pair_by_date(golds, preds)  # removes the paired outcomes from both lists
        for g, p in pairs:
            counts.hit()
            gold_date, predicted_date = g.get("date"), p.get("date")
            dates.pairs += 1
            strict = date_agrees(gold_date, predicted_date)
            lenient_ok = date_agrees(gold_date, predicted_date, lenient=True)
            dates.agree += strict
            dates.agree_lenient += lenient_ok
            if not strict:
                dates.mismatches.append(
                    DateMismatch(
                        name,
                        _outcome_item(g),
                        normalise_date(gold_date),
                        normalise_date(predicted_date),
                        lenient_ok,
                    )
                )
        for g in golds:
            counts.miss(_finding(name, g))
        for p in preds:
            counts.false_hit(_finding(name, p))


def _labels(items: Any) -> list[tuple[str, set[str]]]:
    """Organisations or places: (display name, normalised spellings), deduplicated."""
    result: list[tuple[str, set[str]]] = []
    seen: set[str] = set()
    for item in items or []:
        if isinstance(item, str):
            name, variants = item, []
        elif isinstance(item, Mapping) and isinstance(item.get("name"), str):
            name = item["name"]
            variants = [v for v in item.get("variants") or item.get("aliases") or [] if v]
        else:
            continue
        spellings = {normalise_label(s) for s in [name, *variants] if isinstance(s, str)}
        spellings.discard("")
        primary = normalise_label(name)
        if spellings and primary not in seen:
            seen.add(primary)
            result.append((name, spellings))
    return result


def _compare_labels(gold_items: Any, predicted_items: Any) -> Counts:
    counts = Counts()
    gold, predicted = _labels(gold_items), _labels(predicted_items)
    used: set[int] = set()
    for name, spellings in gold:
        index = next(
            (i for i, (_, s) in enumerate(predicted) if i not in used and s & spellings), None
        )
        if index is None:
            counts.miss(Finding(name))
        else:
            used.add(index)
            counts.hit()
    for i, (name, _) in enumerate(predicted):
        if i not in used:
            counts.false_hit(Finding(name))
    return counts


def score_document(
    gold: Mapping[str, Any] | GoldDocument, predicted: Mapping[str, Any], name: str | None = None
) -> DocumentScore:
    """Score one predicted document (extraction-contract JSON) against its gold annotation."""
    gold_data = _as_dict(gold, "gold")
    predicted_data = _as_dict(predicted, "prediction")
    if name is None:
        name = gold.stem if isinstance(gold, GoldDocument) else str(gold_data.get("doc") or "")
    gold_persons, predicted_persons = _persons(gold_data), _persons(predicted_data)
    matches = match_persons(gold_persons, predicted_persons)
    metrics = {metric: Counts() for metric in METRICS}
    dates = DateAccuracy()
    persons, articles, outcomes = metrics["persons"], metrics["articles"], metrics["outcomes"]

    matched_gold = {m.gold_index: m for m in matches}
    matched_predicted = {m.predicted_index for m in matches}
    for index, person in enumerate(gold_persons):
        gold_name = str(person.get("name") or "")
        match = matched_gold.get(index)
        if match is None:
            persons.miss(Finding(gold_name))
            _compare_articles(gold_name, _articles(person), {}, articles)
            _compare_outcomes(gold_name, _outcomes(person), [], outcomes, dates)
            continue
        persons.hit()
        other = predicted_persons[match.predicted_index]
        _compare_articles(gold_name, _articles(person), _articles(other), articles)
        _compare_outcomes(gold_name, _outcomes(person), _outcomes(other), outcomes, dates)
    for index, person in enumerate(predicted_persons):
        if index in matched_predicted:
            continue
        predicted_name = str(person.get("name") or "")
        persons.false_hit(Finding(predicted_name))
        _compare_articles(predicted_name, {}, _articles(person), articles)
        _compare_outcomes(predicted_name, [], _outcomes(person), outcomes, dates)

    metrics["organisations"] = _compare_labels(
        gold_data.get("organisations"), predicted_data.get("organisations")
    )
    metrics["places"] = _compare_labels(gold_data.get("places"), predicted_data.get("places"))
    return DocumentScore(name, metrics, dates, matches)


def pool(documents: list[DocumentScore]) -> CorpusScore:
    """Micro-average already scored documents."""
    metrics = {metric: Counts() for metric in METRICS}
    dates = DateAccuracy()
    for document in documents:
        for metric in METRICS:
            metrics[metric] = metrics[metric] + document.metrics[metric]
        dates = dates + document.dates
    return CorpusScore(list(documents), metrics, dates)


def score_corpus(
    items: Iterable[tuple[str, Mapping[str, Any] | GoldDocument, Mapping[str, Any]]],
) -> CorpusScore:
    """Score ``(name, gold, predicted)`` triples and pool them (micro-average)."""
    return pool([score_document(gold, predicted, name) for name, gold, predicted in items])
