"""Matching predicted persons to gold persons across spellings, one to one.

Two persons match when any name or variant of one matches any name or variant of the other.
Tiers, strongest first (the number is the match score used to order candidate pairs):

- ``exact`` 1.00: the normalised main names are equal;
- ``variant`` 0.98: some normalised name or variant is equal;
- ``key`` 0.96: equal transliteration-aware keys (``_match_key``), e.g. "Kantarbayeva" /
  "Kantarbaeva" / "Қантарбаева";
- ``fuzzy`` 0.80-0.90: rapidfuzz ``token_sort_ratio`` of the keys >= 90, both of at least
  two words (a single word is too little evidence: "Sultanbek" is not "Sultanbekov");
- ``initial`` 0.75: "A. Tleubayeva" / "Aigul Tleubayeva" (the surname keys are equal and the
  initials are the first letters of the other's remaining names);
- ``surname`` 0.60: a one-word name equals the first or last word of the other's full name,
  only when no other person on that side shares that word.

Assignment is greedy best-first: candidate pairs sorted by score (ties by gold order, then
predicted order), each person used at most once.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from civicwatch.evaluation.normalise import latin

FUZZY_THRESHOLD = 90.0
TIER_SCORES = {
    "exact": 1.0,
    "variant": 0.98,
    "key": 0.96,
    "fuzzy": 0.80,  # + up to 0.10 with the ratio
    "initial": 0.75,
    "surname": 0.60,
}


def normalise_name(name: str) -> str:
    """Case-folded, NFKC, punctuation to spaces, single spaces: "Mamai, Zh." -> "mamai zh"."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(re.sub(r"[^\w]+|_", " ", text).split())


def _match_key(name: str) -> str:
    """Transliteration-aware key: Latin letters (Cyrillic and Kazakh via rigour), no
    diacritics, lower-case, then a few conservative folds of common romanisation variants:
    ``dzh``/``dj``/``zh`` -> ``j``, ``kh`` -> ``h``, ``q`` -> ``k``, ``x`` -> ``ks``, ``y`` before
    ``e`` dropped ("Kantarbayeva" -> "kantarbaeva"), other ``y`` -> ``i``, doubled letters
    single ("Yuriy" / "Iurii" / "Yury" -> "iuri")."""
    text = latin(unicodedata.normalize("NFKC", name)).lower()
    text = " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())
    text = text.replace("dzh", "j").replace("dj", "j").replace("zh", "j").replace("kh", "h")
    text = text.replace("q", "k").replace("x", "ks")
    text = re.sub(r"y(?=e)", "", text).replace("y", "i")
    return re.sub(r"([a-z])\1+", r"\1", text)


@dataclass(frozen=True)
class _Names:
    """The spellings of one person, precomputed."""

    main: str
    normalised: frozenset[str]
    keys: tuple[str, ...]  # one per spelling, main first

    @classmethod
    def of(cls, person: Mapping[str, Any]) -> _Names:
        spellings = [str(person.get("name") or "")]
        spellings += [str(v) for v in person.get("variants") or [] if v]
        keys = tuple(dict.fromkeys(k for k in map(_match_key, spellings) if k))
        normalised = frozenset(n for n in map(normalise_name, spellings) if n)
        return cls(normalise_name(spellings[0]), normalised, keys)

    def edge_words(self) -> set[str]:
        """First and last words of the multi-word keys (surname candidates)."""
        words: set[str] = set()
        for key in self.keys:
            tokens = key.split()
            if len(tokens) > 1:
                words.update((tokens[0], tokens[-1]))
        return words


def _initial_match(short: list[str], full: list[str]) -> bool:
    """``short`` has initials plus words that all occur in ``full``; the initials are the
    first letters of exactly the words of ``full`` left over."""
    initials = [t for t in short if len(t) == 1]
    words = [t for t in short if len(t) > 1]
    if not initials or not words or len(short) != len(full):
        return False
    rest = list(full)
    for word in words:
        if word not in rest:
            return False
        rest.remove(word)
    return sorted(initials) == sorted(t[0] for t in rest)


def _key_score(a: str, b: str, unique_a: set[str], unique_b: set[str]) -> tuple[float, str]:
    if a == b:
        return TIER_SCORES["key"], "key"
    ta, tb = a.split(), b.split()
    # One word is too little evidence for a fuzzy match ("Sultanbek" is not "Sultanbekov").
    ratio = fuzz.token_sort_ratio(a, b) if len(ta) > 1 and len(tb) > 1 else 0.0
    if ratio >= FUZZY_THRESHOLD:
        return TIER_SCORES["fuzzy"] + 0.1 * (ratio - FUZZY_THRESHOLD) / 10, "fuzzy"
    if _initial_match(ta, tb) or _initial_match(tb, ta):
        return TIER_SCORES["initial"], "initial"
    if len(ta) == 1 and len(tb) > 1 and a in (tb[0], tb[-1]) and a in unique_b:
        return TIER_SCORES["surname"], "surname"
    if len(tb) == 1 and len(ta) > 1 and b in (ta[0], ta[-1]) and b in unique_a:
        return TIER_SCORES["surname"], "surname"
    return 0.0, ""


def _pair_score(
    gold: _Names, predicted: _Names, unique_gold: set[str], unique_pred: set[str]
) -> tuple[float, str]:
    if gold.main and gold.main == predicted.main:
        return TIER_SCORES["exact"], "exact"
    if gold.normalised & predicted.normalised:
        return TIER_SCORES["variant"], "variant"
    best: tuple[float, str] = (0.0, "")
    for gold_key in gold.keys:
        for predicted_key in predicted.keys:
            best = max(best, _key_score(gold_key, predicted_key, unique_gold, unique_pred))
    return best


def _unique_edge_words(people: Sequence[_Names]) -> set[str]:
    counts = Counter(word for names in people for word in names.edge_words())
    return {word for word, count in counts.items() if count == 1}


@dataclass(frozen=True)
class PersonMatch:
    """A gold person (index, main name) paired with a predicted person."""

    gold_index: int
    predicted_index: int
    gold_name: str
    predicted_name: str
    how: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold_name,
            "predicted": self.predicted_name,
            "how": self.how,
            "score": round(self.score, 4),
        }


def names_match(a: Mapping[str, Any] | str, b: Mapping[str, Any] | str) -> str | None:
    """The tier by which two persons (or two bare names) match, or ``None``."""
    left = _Names.of({"name": a} if isinstance(a, str) else a)
    right = _Names.of({"name": b} if isinstance(b, str) else b)
    score, how = _pair_score(left, right, left.edge_words(), right.edge_words())
    return how if score > 0 else None


def match_persons(
    gold: Iterable[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]]
) -> list[PersonMatch]:
    """One-to-one greedy best-first matching; returns the matches in gold order."""
    gold_list, predicted_list = list(gold), list(predicted)
    gold_names = [_Names.of(p) for p in gold_list]
    predicted_names = [_Names.of(p) for p in predicted_list]
    unique_gold = _unique_edge_words(gold_names)
    unique_pred = _unique_edge_words(predicted_names)
    candidates: list[tuple[float, int, int, str]] = []
    for gi, g in enumerate(gold_names):
        for pi, p in enumerate(predicted_names):
            score, how = _pair_score(g, p, unique_gold, unique_pred)
            if score > 0:
                candidates.append((score, gi, pi, how))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches: list[PersonMatch] = []
    for score, gi, pi, how in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        matches.append(
            PersonMatch(
                gi,
                pi,
                str(gold_list[gi].get("name") or ""),
                str(predicted_list[pi].get("name") or ""),
                how,
                score,
            )
        )
    return sorted(matches, key=lambda m: m.gold_index)
