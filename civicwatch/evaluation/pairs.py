"""Scoring the person matcher on labelled pairs (``civicwatch eval-pairs FILE``).

A pairs file is tab-separated, UTF-8, with the header

    id	name_a	name_b	same	category	context_a	context_b

and one labelled pair a line. ``same`` is 1 (one individual) or 0 (two); ``true``/``false``
and ``yes``/``no`` are accepted too. A name may list several spellings of one side
separated by ``|``. A context is empty or ``key=value;key=value`` with the keys ``role``
(one or more PersonRole terms separated by commas), ``born`` (a year), ``gender``
(female/male) and ``country`` (an ISO code). Lines starting with ``#`` and blank lines are
skipped. Anything else that does not parse is an error naming the file and the line.

The figures are defined in docs/quality.md ("Identity across reports"): the precision of
the SAME band (automatic merges) and the recall of SAME+POSSIBLE (pairs a reviewer at least
sees) are the two with targets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from civicwatch.core.matching import Match, PersonEvidence, match_persons
from civicwatch.core.vocab import Gender, MatchBand, PersonRole
from civicwatch.errors import InvalidValueError, PairFileError

__all__ = [
    "COLUMNS",
    "PAIR_TARGETS",
    "BandFigures",
    "LabelledPair",
    "PairScore",
    "ScoredPair",
    "load_pairs",
    "meets_pair_targets",
    "parse_pairs",
    "render_pairs_text",
    "score_pairs",
]

COLUMNS = ("id", "name_a", "name_b", "same", "category", "context_a", "context_b")
_OPTIONAL_COLUMNS = frozenset({"category", "context_a", "context_b"})
_TRUE = frozenset({"1", "true", "yes"})
_FALSE = frozenset({"0", "false", "no"})
_CONTEXT_KEYS = ("role", "born", "gender", "country")
_SPELLING_SEPARATOR = "|"
UNCATEGORISED = "uncategorised"

#: What the matcher must reach: automatic merges almost never wrong, and nine same-person
#: pairs in ten at least shown to a reviewer.
PAIR_TARGETS: dict[str, float] = {"same_precision": 0.99, "flagged_recall": 0.90}


@dataclass(frozen=True, slots=True)
class LabelledPair:
    id: str
    a: PersonEvidence
    b: PersonEvidence
    same: bool
    category: str
    line: int


def load_pairs(path: Path) -> list[LabelledPair]:
    """Read a pairs file; :class:`PairFileError` names the file and line of any problem."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise PairFileError(f"{path}: not UTF-8 text ({error.reason})") from None
    except OSError as error:
        raise PairFileError(f"{path}: cannot be read ({error.strerror})") from None
    return parse_pairs(text, source=str(path))


def parse_pairs(text: str, source: str = "<pairs>") -> list[LabelledPair]:
    """Labelled pairs from the text of a pairs file (see the module docstring)."""
    header: list[str] | None = None
    pairs: list[LabelledPair] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = _read_header(fields, source, number)
            continue
        where = f"{source}, line {number}"
        row = dict(zip(header, _pad(fields, header, where), strict=True))
        pair = _read_row(row, where, number)
        if pair.id in seen:
            raise PairFileError(f"{where}: id {pair.id!r} already used on line {seen[pair.id]}")
        seen[pair.id] = number
        pairs.append(pair)
    if header is None:
        raise PairFileError(f"{source}: no header line ({chr(9).join(COLUMNS)})")
    return pairs


def _read_header(fields: list[str], source: str, number: int) -> list[str]:
    header = [name.strip().lower() for name in fields]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise PairFileError(
            f"{source}, line {number}: the header lacks {', '.join(missing)} "
            f"(expected the tab-separated columns {' '.join(COLUMNS)})"
        )
    duplicated = [name for name, count in Counter(header).items() if count > 1]
    if duplicated:
        raise PairFileError(f"{source}, line {number}: column {duplicated[0]!r} appears twice")
    return header


def _pad(fields: list[str], header: list[str], where: str) -> list[str]:
    """Trailing optional columns may be left off (editors strip trailing tabs)."""
    if len(fields) > len(header):
        raise PairFileError(
            f"{where}: {len(fields)} tab-separated fields, the header has {len(header)}"
        )
    missing = header[len(fields) :]
    required = [name for name in missing if name not in _OPTIONAL_COLUMNS]
    if required:
        raise PairFileError(
            f"{where}: {len(fields)} tab-separated fields, the header has {len(header)} "
            f"(no {', '.join(required)})"
        )
    return fields + [""] * len(missing)


def _read_row(row: Mapping[str, str], where: str, line: int) -> LabelledPair:
    pair_id = row["id"].strip()
    if not pair_id:
        raise PairFileError(f"{where}: empty id")
    label = row["same"].strip().lower()
    if label not in _TRUE | _FALSE:
        raise PairFileError(f"{where}: 'same' must be 1 or 0, not {row['same']!r}")
    sides = []
    for side in ("a", "b"):
        names = tuple(
            name.strip() for name in row[f"name_{side}"].split(_SPELLING_SEPARATOR) if name.strip()
        )
        if not names:
            raise PairFileError(f"{where}: empty name_{side}")
        sides.append(_evidence(names, row[f"context_{side}"], f"{where}, context_{side}"))
    category = row["category"].strip() or UNCATEGORISED
    return LabelledPair(pair_id, sides[0], sides[1], label in _TRUE, category, line)


def _evidence(names: tuple[str, ...], context: str, where: str) -> PersonEvidence:
    values: dict[str, str] = {}
    for item in context.split(";"):
        if not item.strip():
            continue
        key, equals, value = item.partition("=")
        key, value = key.strip().lower(), value.strip()
        if not equals or not value:
            raise PairFileError(f"{where}: {item.strip()!r} is not key=value")
        if key not in _CONTEXT_KEYS:
            raise PairFileError(f"{where}: unknown key {key!r} (known: {', '.join(_CONTEXT_KEYS)})")
        if key in values:
            raise PairFileError(f"{where}: {key!r} given twice")
        values[key] = value
    try:
        roles = frozenset(
            PersonRole(PersonRole.parse(role))
            for role in values.get("role", "").split(",")
            if role.strip()
        )
        gender = Gender(Gender.parse(values["gender"])) if "gender" in values else Gender.UNKNOWN
    except InvalidValueError as error:
        raise PairFileError(f"{where}: {error}") from None
    born = None
    if "born" in values:
        if not (values["born"].isdigit() and len(values["born"]) == 4):
            raise PairFileError(f"{where}: born must be a four-digit year, not {values['born']!r}")
        born = int(values["born"])
    country = values.get("country")
    if country is not None and not (country.isalpha() and len(country) in (2, 3)):
        raise PairFileError(f"{where}: country must be an ISO code, not {country!r}")
    return PersonEvidence(
        names=names, gender=gender, born=born, roles=roles, country=country and country.upper()
    )


# --- Scoring ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScoredPair:
    pair: LabelledPair
    match: Match

    @property
    def error(self) -> str | None:
        """The kind of error ("false merge", "missed", "false proposal"), or None."""
        band = self.match.band
        if not self.pair.same and band is MatchBand.SAME:
            return "false merge"
        if self.pair.same and band is MatchBand.DIFFERENT:
            return "missed"
        if not self.pair.same and band is MatchBand.POSSIBLE:
            return "false proposal"
        return None

    def describe(self) -> str:
        names_a = " | ".join(self.pair.a.names)
        names_b = " | ".join(self.pair.b.names)
        label = "same" if self.pair.same else "different"
        return (
            f"{self.pair.id} (line {self.pair.line}): {names_a!r} / {names_b!r}: labelled "
            f"{label}, matched {self.match.band.value} by {self.match.rule} "
            f"({self.match.score:.2f}): {self.match.explanation}"
        )


_ERROR_ORDER = {"false merge": 0, "missed": 1, "false proposal": 2}


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(frozen=True)
class BandFigures:
    """Counts per band and label, and the figures derived from them."""

    counts: Mapping[tuple[MatchBand, bool], int]

    def count(self, band: MatchBand, same: bool | None = None) -> int:
        if same is None:
            return self.count(band, True) + self.count(band, False)
        return self.counts.get((band, same), 0)

    @property
    def positives(self) -> int:
        return sum(self.count(band, True) for band in MatchBand)

    @property
    def negatives(self) -> int:
        return sum(self.count(band, False) for band in MatchBand)

    @property
    def pairs(self) -> int:
        return self.positives + self.negatives

    @property
    def same_precision(self) -> float | None:
        return _ratio(self.count(MatchBand.SAME, True), self.count(MatchBand.SAME))

    @property
    def same_recall(self) -> float | None:
        return _ratio(self.count(MatchBand.SAME, True), self.positives)

    @property
    def possible_precision(self) -> float | None:
        return _ratio(self.count(MatchBand.POSSIBLE, True), self.count(MatchBand.POSSIBLE))

    @property
    def flagged_recall(self) -> float | None:
        """Share of same-person pairs in SAME or POSSIBLE: those a reviewer at least sees."""
        flagged = self.count(MatchBand.SAME, True) + self.count(MatchBand.POSSIBLE, True)
        return _ratio(flagged, self.positives)

    @property
    def flagged_precision(self) -> float | None:
        """Precision of "not DIFFERENT"."""
        flagged = self.count(MatchBand.SAME) + self.count(MatchBand.POSSIBLE)
        correct = self.count(MatchBand.SAME, True) + self.count(MatchBand.POSSIBLE, True)
        return _ratio(correct, flagged)

    def metrics(self) -> dict[str, float | None]:
        return {
            "same_precision": self.same_precision,
            "same_recall": self.same_recall,
            "possible_precision": self.possible_precision,
            "flagged_recall": self.flagged_recall,
            "flagged_precision": self.flagged_precision,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "pairs": self.pairs,
            "positives": self.positives,
            "negatives": self.negatives,
            "bands": {
                band.value: {"same": self.count(band, True), "different": self.count(band, False)}
                for band in MatchBand
            },
            **self.metrics(),
        }


def _figures(scored: Iterable[ScoredPair]) -> BandFigures:
    return BandFigures(Counter((item.match.band, item.pair.same) for item in scored))


@dataclass(frozen=True)
class PairScore:
    scored: list[ScoredPair]
    overall: BandFigures = field(init=False)
    categories: dict[str, BandFigures] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "overall", _figures(self.scored))
        names = sorted({item.pair.category for item in self.scored})
        by_category = {
            name: _figures(item for item in self.scored if item.pair.category == name)
            for name in names
        }
        object.__setattr__(self, "categories", by_category)

    def errors(self, category: str | None = None) -> list[ScoredPair]:
        """Misclassified pairs, false merges first, then misses, then false proposals."""
        found = [
            item
            for item in self.scored
            if item.error and (category is None or item.pair.category == category)
        ]
        return sorted(found, key=lambda item: (_ERROR_ORDER[item.error or ""], item.pair.line))

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.overall.to_dict(),
            "targets": PAIR_TARGETS,
            "meets_targets": meets_pair_targets(self),
            "categories": {
                name: {
                    **figures.to_dict(),
                    "errors": [_error_dict(item) for item in self.errors(name)],
                }
                for name, figures in self.categories.items()
            },
        }


def _error_dict(item: ScoredPair) -> dict[str, Any]:
    return {
        "id": item.pair.id,
        "line": item.pair.line,
        "error": item.error,
        "names_a": list(item.pair.a.names),
        "names_b": list(item.pair.b.names),
        "same": item.pair.same,
        "band": item.match.band.value,
        "rule": item.match.rule,
        "score": item.match.score,
        "explanation": item.match.explanation,
    }


def score_pairs(pairs: Iterable[LabelledPair]) -> PairScore:
    """Run the matcher on every pair and collect the figures."""
    return PairScore([ScoredPair(pair, match_persons(pair.a, pair.b)) for pair in pairs])


def meets_pair_targets(score: PairScore) -> dict[str, bool]:
    """For each target: is it reached? An undefined figure (nothing merged) counts as met."""
    metrics = score.overall.metrics()
    return {
        name: metrics[name] is None or (metrics[name] or 0.0) >= target
        for name, target in PAIR_TARGETS.items()
    }


# --- Text report ------------------------------------------------------------------------------


def _rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


_METRIC_LABELS = {
    "same_precision": "SAME precision (automatic merges)",
    "same_recall": "SAME recall",
    "possible_precision": "POSSIBLE precision",
    "flagged_recall": "SAME+POSSIBLE recall",
    "flagged_precision": "SAME+POSSIBLE precision",
}


def render_pairs_text(score: PairScore, source: str = "") -> str:
    """The report ``civicwatch eval-pairs`` prints."""
    overall = score.overall
    lines = [f"Labelled pairs{': ' + source if source else ''}"]
    lines.append(
        f"{overall.pairs} pairs: {overall.positives} same person, "
        f"{overall.negatives} different persons"
    )
    lines += ["", f"{'band':<12}{'pairs':>7}{'same':>7}{'different':>11}"]
    for band in MatchBand:
        lines.append(
            f"{band.value.upper():<12}{overall.count(band):>7}"
            f"{overall.count(band, True):>7}{overall.count(band, False):>11}"
        )
    lines += ["", f"{'metric':<36}{'value':>7}{'target':>8}  ok"]
    met = meets_pair_targets(score)
    for name, value in overall.metrics().items():
        line = f"{_METRIC_LABELS[name]:<36}{_rate(value):>7}"
        if name in PAIR_TARGETS:
            line += f"{PAIR_TARGETS[name]:>8.2f}  {'yes' if met[name] else 'NO'}"
        lines.append(line)
    lines += ["", "Per category:"]
    header = (
        f"{'category':<24}{'pairs':>6}{'same':>6}{'SAME':>6}{'POSS':>6}{'DIFF':>6}"
        f"{'SAME prec':>11}{'flag rec':>10}"
    )
    lines += [header, "-" * len(header)]
    for name, figures in score.categories.items():
        lines.append(
            f"{name:<24}{figures.pairs:>6}{figures.positives:>6}"
            f"{figures.count(MatchBand.SAME):>6}{figures.count(MatchBand.POSSIBLE):>6}"
            f"{figures.count(MatchBand.DIFFERENT):>6}"
            f"{_rate(figures.same_precision):>11}{_rate(figures.flagged_recall):>10}"
        )
    errors = score.errors()
    if errors:
        lines += ["", f"Misclassified pairs ({len(errors)}), false merges first:"]
        # Categories with the worst error first, so a false merge is never below the fold.
        by_category = {name: score.errors(name) for name in score.categories}
        ranked = sorted(
            (name for name in by_category if by_category[name]),
            key=lambda name: (_ERROR_ORDER[by_category[name][0].error or ""], name),
        )
        for name in ranked:
            lines.append(f"  {name}:")
            lines.extend(f"    {item.error}: {item.describe()}" for item in by_category[name])
    return "\n".join(lines)
