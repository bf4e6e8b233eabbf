"""Result records of the scorer: counts with their evidence, date accuracy, document and
corpus scores. Plain data with ``to_dict`` for JSON; rendering lives in ``render``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from civicwatch.evaluation.names import PersonMatch


@dataclass(frozen=True)
class Finding:
    """One piece of evidence: a gold item not found (miss) or a predicted one not in gold."""

    item: str
    person: str | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"person": self.person, "item": self.item, "date": self.date}

    def __str__(self) -> str:
        text = f"{self.person}: {self.item}" if self.person else self.item
        return f"{text} ({self.date})" if self.date else text


@dataclass
class Counts:
    """True positives, false positives, false negatives and their evidence."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[Finding] = field(default_factory=list)
    false_hits: list[Finding] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when gold holds nothing."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """2tp / (2tp + fp + fn); 1.0 when there is nothing to find and nothing was found."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 1.0

    def hit(self) -> None:
        self.tp += 1

    def miss(self, finding: Finding) -> None:
        self.fn += 1
        self.misses.append(finding)

    def false_hit(self, finding: Finding) -> None:
        self.fp += 1
        self.false_hits.append(finding)

    def __add__(self, other: Counts) -> Counts:
        """Pooled counts (evidence is kept per document, not concatenated)."""
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def summary(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class DateMismatch:
    """A matched outcome pair whose dates differ."""

    person: str
    item: str
    gold: str | None
    predicted: str | None
    lenient_ok: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "item": self.item,
            "gold": self.gold,
            "predicted": self.predicted,
            "lenient_ok": self.lenient_ok,
        }


@dataclass
class DateAccuracy:
    """Among matched outcome pairs, how many carry the gold date."""

    pairs: int = 0
    agree: int = 0
    agree_lenient: int = 0
    mismatches: list[DateMismatch] = field(default_factory=list)

    @property
    def accuracy(self) -> float | None:
        return self.agree / self.pairs if self.pairs else None

    @property
    def lenient_accuracy(self) -> float | None:
        return self.agree_lenient / self.pairs if self.pairs else None

    def __add__(self, other: DateAccuracy) -> DateAccuracy:
        return DateAccuracy(
            self.pairs + other.pairs,
            self.agree + other.agree,
            self.agree_lenient + other.agree_lenient,
        )

    def summary(self) -> dict[str, Any]:
        return {
            "pairs": self.pairs,
            "agree": self.agree,
            "agree_lenient": self.agree_lenient,
            "accuracy": self.accuracy,
            "lenient_accuracy": self.lenient_accuracy,
        }


@dataclass
class DocumentScore:
    name: str
    metrics: dict[str, Counts]
    dates: DateAccuracy
    person_matches: list[PersonMatch] = field(default_factory=list)

    def __getitem__(self, metric: str) -> Counts:
        return self.metrics[metric]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "metrics": {name: counts.summary() for name, counts in self.metrics.items()},
            "outcome_dates": self.dates.summary(),
            "person_matches": [match.to_dict() for match in self.person_matches],
            "misses": {
                name: [f.to_dict() for f in counts.misses] for name, counts in self.metrics.items()
            },
            "false_hits": {
                name: [f.to_dict() for f in counts.false_hits]
                for name, counts in self.metrics.items()
            },
            "date_mismatches": [m.to_dict() for m in self.dates.mismatches],
        }


@dataclass
class CorpusScore:
    documents: list[DocumentScore]
    metrics: dict[str, Counts]
    dates: DateAccuracy

    def __getitem__(self, metric: str) -> Counts:
        return self.metrics[metric]

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents_scored": len(self.documents),
            "metrics": {name: counts.summary() for name, counts in self.metrics.items()},
            "outcome_dates": self.dates.summary(),
            "documents": [document.to_dict() for document in self.documents],
        }
