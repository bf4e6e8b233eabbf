"""Event triggers and states of custody in Russian-language reports: "задержан",
"приговорил", "возбуждено уголовное дело", "апелляционная жалоба отклонена", "остается под
стражей", "политзаключенные".

The Russian counterpart of :mod:`civicwatch.extract.triggers`: :func:`find_triggers` returns
the same :class:`~civicwatch.extract.triggers.Trigger` s typed with
:class:`~civicwatch.core.vocab.EventType`, :func:`find_states` the same
:class:`~civicwatch.extract.triggers.StateMention` s (``held`` / ``prisoners``), with offsets
into the text passed in. :func:`freedom_context` reads the freedoms a Russian sentence
points to.

The words are data (``data/ru/triggers.tsv``, ``states.tsv``, ``freedom_words.tsv``),
compiled by :func:`compile_lexicon`, which is :func:`civicwatch.extract.lexicon.
compile_lexicon` for Cyrillic as well as Latin first letters. Patterns are written with
"е" for "ё": :func:`fold` makes the lower-cased text read the same way without moving an
offset. The other Russian finders import both from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from civicwatch.core.vocab import EventType, Freedom
from civicwatch.extract.lexicon import _expand, lower, patterns
from civicwatch.extract.triggers import StateMention, Trigger

__all__ = [
    "StateMention",
    "Trigger",
    "compile_lexicon",
    "find_states",
    "find_triggers",
    "fold",
    "freedom_context",
    "ru_lexicon",
]

# A branch's first character must be a literal letter or digit (not quantified), so that
# branches can be grouped by it; "\d" counts as one.
_HEAD = re.compile(r"\\d(?:[+*]|\{\d+(?:,\d*)?\})?|[^\W_](?![?*+{])")


def fold(low: str) -> str:
    """``low`` with "ё" read as "е" (same length, so offsets stay valid)."""
    return low.replace("ё", "е") if "ё" in low else low


def compile_lexicon(
    entries: Iterable[tuple[str, Sequence[str]]],
) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for many ``(key, branches)`` of lower-case regexes in any script. Branches
    are grouped by their first letter (a leading ``(?:a|b)`` group is expanded first), so
    the engine tests one letter per word start instead of every branch. Returns the regex
    (matches start and end at word boundaries) and a map from ``match.lastgroup`` to the
    key. Earlier branches win ties."""
    by_first: dict[str, list[str]] = {}
    keys: dict[str, str] = {}
    for key, branches in entries:
        for branch in (item for raw in branches for item in _expand(raw)):
            first = _HEAD.match(branch)
            if first is None:
                raise ValueError(f"lexicon branch must start with a literal: {branch!r}")
            head = first.group()
            name = f"g{len(keys)}"
            keys[name] = key
            by_first.setdefault(head, []).append(f"{branch[len(head) :]}(?P<{name}>)")
    body = "|".join(f"{head}(?:{'|'.join(alts)})" for head, alts in by_first.items())
    return re.compile(rf"\b(?:{body})(?!\w)"), keys


@cache
def ru_lexicon(name: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """A ``key<TAB>regex`` file of ``data/ru/`` compiled by :func:`compile_lexicon`."""
    return compile_lexicon((key, (regex,)) for key, regex in patterns(f"ru/{name}"))


def find_triggers(text: str, low: str | None = None) -> list[Trigger]:
    """Event trigger phrases in Russian ``text``, in order of position (never overlapping).

    ``low`` is the document's lower-cased text when the caller has it already."""
    low = fold(lower(text) if low is None else low)
    pattern, keys = ru_lexicon("triggers.tsv")
    return [
        Trigger(match.start(), match.end(), EventType(keys[match.lastgroup or ""]))
        for match in pattern.finditer(low)
    ]


def find_states(text: str, low: str | None = None) -> list[StateMention]:
    """States of repression in Russian ``text`` ("остается под стражей": ``held``;
    "политзаключенные": ``prisoners``), in order of position."""
    low = fold(lower(text) if low is None else low)
    pattern, keys = ru_lexicon("states.tsv")
    return [
        StateMention(match.start(), match.end(), keys[match.lastgroup or ""])
        for match in pattern.finditer(low)
    ]


_ORDER = (Freedom.ASSOCIATION, Freedom.PEACEFUL_ASSEMBLY, Freedom.EXPRESSION)


def freedom_context(low: str) -> tuple[Freedom, ...]:
    """The freedoms the words of a lower-cased Russian sentence point to, in a fixed order
    (as :func:`civicwatch.extract.triggers.freedom_context`)."""
    pattern, keys = ru_lexicon("freedom_words.tsv")
    found = {Freedom(keys[m.lastgroup or ""]) for m in pattern.finditer(fold(low))}
    return tuple(freedom for freedom in _ORDER if freedom in found)
