"""The extractor's word lists and patterns, loaded from ``extract/data/`` once, lazily.

Everything that is vocabulary rather than grammar lives in data files beside this module
(shipped as package data), so that monitors can read and extend them without touching
code: trigger words (``triggers.tsv``), penalty words and phrases (``penalty_words.tsv``,
``penalty_phrases.tsv``, ``modality.tsv``), currencies, the one month table
(``months.tsv``), sentence openers, stop words, given names, role words and titles, name
shapes. Loading happens on first use (``functools.cache``), so importing costs nothing.

Pattern files (``*.tsv`` of ``key<TAB>regex`` lines) are compiled by
:func:`compile_lexicon` into one regular expression whose branches are grouped by first
letter; they run on the document's lower-cased text, made once per document by
:func:`lower`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Protocol, TypeVar


def _letters(predicate: str) -> str:
    """A regex character-class body with every letter of the scripts the reports use.

    Python's ``re`` has no ``\\p{Lu}``; the class is built once from the Latin, Latin
    Extended, Greek-free Cyrillic (including Kazakh, Kyrgyz, Tajik, Uzbek letters) ranges,
    and the IPA block for the Azerbaijani schwa ("ə").
    """
    ranges = [(0x41, 0x259), (0x1E00, 0x1EFF), (0x400, 0x52F)]
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
    listed = {word.lower() for line in _read("stopwords.txt") for word in line.split()}
    return frozenset(listed | month_numbers().keys())


@cache
def given_names() -> frozenset[str]:
    """Given names kept as name parts even when the same word occurs in lower case."""
    return frozenset(word.lower() for line in _read("given_names.txt") for word in line.split())


@cache
def openers() -> frozenset[str]:
    """Words that open sentences or clauses (capitalised without being part of a name)."""
    return frozenset(word.lower() for line in _read("openers.txt") for word in line.split())


@cache
def imperatives() -> frozenset[str]:
    """Verbs that open a recommendation ("Ensure that ...", "Release ...", "Освободить ..."),
    of every language with a pack: the words of one never occur in the text of another."""
    return frozenset(
        word.lower()
        for name in ("imperatives.txt", "ru/imperatives.txt")
        for line in _read(name)
        for word in line.split()
    )


@dataclass(frozen=True, slots=True)
class Month:
    number: int
    name: str  # "September"
    abbreviations: tuple[str, ...]  # ("Sept", "Sep")


@cache
def months() -> tuple[Month, ...]:
    """The month table (``data/months.tsv``), January first."""
    table = []
    for row in read_tsv("months.tsv"):
        number, name = int(row[0]), row[1].strip()
        abbreviations = tuple(row[2].split()) if len(row) > 2 else ()
        table.append(Month(number, name, abbreviations))
    return tuple(sorted(table, key=lambda month: month.number))


@cache
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation, lower-cased, to its number."""
    numbers = {}
    for month in months():
        for spelling in (month.name, *month.abbreviations):
            numbers[spelling.lower()] = month.number
    return numbers


def lower(text: str) -> str:
    """Lower-cased text with the same length (offsets stay valid). The pipeline calls it
    once per document and hands the result to every finder.

    Markdown link markup left by web pages ("police [detained](#) the journalist") is
    blanked out, so that the words read as the sentence they are."""
    # "İ" (Azerbaijani and Turkish capital dotted I) is the one letter whose lower case is two
    # characters; read as "I" it keeps offsets.
    low = (text.replace("\u0130", "I") if "\u0130" in text else text).lower()
    if len(low) != len(text):
        low = text.translate(_ASCII_LOWER)
    if "](" in low:
        low = _LINK.sub(_blank_markup, low)
    return low


_ASCII_LOWER = {code: code + 32 for code in range(65, 91)}
_LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\([^()\s]{0,400}\)")


def _blank_markup(match: re.Match[str]) -> str:
    return " " + match.group(1) + " " * (match.end() - match.end(1))


# -- pattern files -----------------------------------------------------------------------

_MACRO = re.compile(r"\{([A-Z][A-Z_]*)\}")


@cache
def patterns(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a pattern file: the tab-separated cells, the last one a regular expression.

    A row ``@NAME<TAB>regex`` defines a macro that later regexes use as ``{NAME}``."""
    macros: dict[str, str] = {}
    rows = []
    for row in read_tsv(name):
        *cells, regex = (cell.strip() for cell in row)
        regex = _MACRO.sub(lambda match: macros[match.group(1)], regex)
        if len(cells) == 1 and cells[0].startswith("@"):
            macros[cells[0][1:]] = regex
        else:
            rows.append((*cells, regex))
    return tuple(rows)


@cache
def lexicon(name: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """A ``key<TAB>regex`` pattern file compiled by :func:`compile_lexicon`."""
    return compile_lexicon((key, (regex,)) for key, regex in patterns(name))


def _expand(branch: str) -> list[str]:
    """``"(?:a|b)?c"`` -> ``["ac", "bc", "c"]``: a leading group becomes one branch per
    alternative, so that every branch starts with a literal."""
    if not branch.startswith("(?:"):
        return [branch]
    depth, cut, parts, i = 0, 3, [], 0
    while i < len(branch):
        char = branch[i]
        if char == "\\":
            i += 1
        elif char == "[":
            i = branch.index("]", i + 2)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                break
        elif char == "|" and depth == 1:
            parts.append(branch[cut:i])
            cut = i + 1
        i += 1
    parts.append(branch[cut:i])
    rest = branch[i + 1 :]
    optional = rest.startswith("?")
    if optional:
        rest = rest[1:]
    if rest[:1] in ("*", "+", "{"):
        raise ValueError(f"cannot expand a repeated leading group: {branch!r}")
    expanded = [item for part in parts for item in _expand(part + rest)]
    return expanded + (_expand(rest) if optional else [])


def compile_lexicon(
    entries: Iterable[tuple[str, Sequence[str]]],
) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for many ``(key, branches)`` of lower-case regexes. Branches are grouped by
    their first letter (a leading ``(?:a|b)`` group is expanded), so the engine tests one
    letter per word start instead of every branch. Returns the regex (for lower-cased text;
    matches start at a word boundary and end at one) and a map from ``match.lastgroup`` to
    the key. Earlier branches win ties."""
    by_first: dict[str, list[str]] = {}
    keys: dict[str, str] = {}
    for key, branches in entries:
        for branch in (item for raw in branches for item in _expand(raw)):
            first = re.match(r"\\d(?:[+*]|\{\d+(?:,\d*)?\})?|[a-z0-9](?![?*+{])", branch)
            head = first.group() if first else ""
            if not head:
                raise ValueError(f"lexicon branch must start with a literal: {branch!r}")
            name = f"g{len(keys)}"
            keys[name] = key
            # the marker group closes the branch: alternatives still start with a literal,
            # which the engine tests without entering them
            by_first.setdefault(head, []).append(f"{branch[len(head) :]}(?P<{name}>)")
    body = "|".join(f"{head}(?:{'|'.join(alts)})" for head, alts in by_first.items())
    return re.compile(rf"\b(?:{body})(?![a-z0-9])"), keys


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
