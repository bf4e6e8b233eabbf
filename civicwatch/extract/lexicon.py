"""Shared character classes and word lists for the extractors, loaded once, lazily.

The word lists live in ``extract/data/`` as package data so that monitors can read and
extend them without touching code. Loading happens on first use (``functools.cache``),
so importing the package costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any, Protocol, TypeVar


def _letters(predicate: str) -> str:
    """A regex character-class body with every letter of the scripts the reports use.

    Python's ``re`` has no ``\\p{Lu}``; the class is built once from the Latin, Latin
    Extended, Greek-free Cyrillic (including Kazakh, Kyrgyz, Tajik, Uzbek letters) ranges.
    """
    ranges = [(0x41, 0x24F), (0x1E00, 0x1EFF), (0x400, 0x52F)]
    chars = []
    for low, high in ranges:
        for code in range(low, high + 1):
            char = chr(code)
            if getattr(char, predicate)() and char.isalpha():
                chars.append(char)
    out = []
    # compress to ranges to keep the compiled patterns small
    start = prev = None
    for char in chars:
        code = ord(char)
        if start is None:
            start = prev = code
        elif code == prev + 1:  # type: ignore[operator]
            prev = code
        else:
            out.append(_range(start, prev))  # type: ignore[arg-type]
            start = prev = code
    if start is not None:
        out.append(_range(start, prev))  # type: ignore[arg-type]
    return "".join(out)


def _range(start: int, end: int) -> str:
    if start == end:
        return _escape(chr(start))
    return f"{_escape(chr(start))}-{_escape(chr(end))}"


def _escape(char: str) -> str:
    return "\\" + char if char in "\\]^-[" else char


UPPER = _letters("isupper")
LOWER = _letters("islower")


def _read(name: str) -> list[str]:
    text = resources.files("civicwatch.extract").joinpath("data", name).read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def stopwords() -> frozenset[str]:
    """Lower-cased words that are never part of a person's name."""
    return frozenset(word.lower() for line in _read("stopwords.txt") for word in line.split())


@cache
def given_names() -> frozenset[str]:
    """Given names kept as name parts even when the same word occurs in lower case."""
    return frozenset(word.lower() for line in _read("given_names.txt") for word in line.split())


# Words that open sentences or clauses and so are capitalised without being part of a
# following name ("The", "In", "According"). Unlike ``stopwords`` this excludes
# nationalities and institution words, which do belong to organisation names.
OPENERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "it",
        "its",
        "he",
        "she",
        "his",
        "her",
        "they",
        "their",
        "we",
        "our",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "into",
        "of",
        "off",
        "over",
        "under",
        "after",
        "before",
        "during",
        "since",
        "until",
        "about",
        "above",
        "below",
        "between",
        "among",
        "against",
        "across",
        "along",
        "through",
        "within",
        "via",
        "per",
        "despite",
        "following",
        "and",
        "or",
        "but",
        "so",
        "yet",
        "also",
        "then",
        "thus",
        "however",
        "meanwhile",
        "moreover",
        "furthermore",
        "although",
        "though",
        "while",
        "because",
        "as",
        "both",
        "either",
        "neither",
        "each",
        "every",
        "all",
        "any",
        "some",
        "no",
        "not",
        "many",
        "several",
        "such",
        "other",
        "another",
        "only",
        "even",
        "later",
        "earlier",
        "previously",
        "subsequently",
        "eventually",
        "finally",
        "initially",
        "currently",
        "recently",
        "today",
        "now",
        "again",
        "once",
        "according",
        "accordingly",
        "overall",
        "similarly",
        "additionally",
        "nevertheless",
        "notably",
        "when",
        "where",
        "if",
        "unless",
        "whether",
        "who",
        "which",
        "what",
    ]
)


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a TSV data file (comments and blank lines skipped)."""
    return [line.split("\t") for line in _read(name)]


def trie_pattern(words: list[str] | set[str] | frozenset[str]) -> str:
    """A regex alternation of ``words`` arranged as a trie (shared prefixes factored).

    Python's ``re`` tries the branches of a flat alternation one by one at every
    position; with a trie it branches once per character, so a gazetteer of a thousand
    names costs about as much as one word. Longer words win over their prefixes because
    the optional tail is greedy.
    """
    trie: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    terminal = "" in node
    branches = [
        re_escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    if len(branches) == 1:
        body = branches[0]
        if terminal:
            return f"(?:{body})?"
        return body
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if terminal else body


def re_escape(char: str) -> str:
    import re

    return re.escape(char)


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


SpanT = TypeVar("SpanT", bound=_Span)


def without_overlaps(mentions: list[SpanT], rank: Callable[[SpanT], Any]) -> list[SpanT]:
    """Of mentions that overlap, keep the one ``rank`` puts highest (the first on a tie)."""
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[SpanT] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            if rank(mention) > rank(kept[-1]):
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept
