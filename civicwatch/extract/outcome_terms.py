"""Word lists of :mod:`.outcomes`, read from the data files: currencies
(``data/currencies.tsv``), the words that name a kind of penalty (``penalty_words.tsv``),
the words that make a term hypothetical or real (``modality.tsv``) and the phrases that
name a measure without an amount (``penalty_phrases.tsv``). Patterns are for lower-cased
text."""

from __future__ import annotations

import re
from functools import cache

from civicwatch.core.vocab import PenaltyKind
from civicwatch.extract.lexicon import compile_lexicon, lexicon, patterns

__all__ = [
    "CURRENCY_WORDS", "CUR_WORDS", "HYPOTHETICAL", "KIND_KEYS", "KIND_WORDS", "PHRASES",
    "PHRASE_KEYS", "PHRASE_RE", "REALIS", "Phrase", "currency_code",
]  # fmt: skip


def _currency_rows() -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in patterns("currencies.tsv")]


def _word_alternatives(regex: str) -> list[str]:
    """The top-level alternatives of a currency pattern that are words (signs such as € and
    $ are matched by the amount patterns themselves)."""
    parts, depth, cut = [], 0, 0
    for index, char in enumerate(regex):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(regex[cut:index])
            cut = index + 1
    parts.append(regex[cut:])
    return [part for part in parts if part[:1].isalpha() and "\\$" not in part]


#: Currency words (regexes, lower case) and the same as one alternation, each alternative
#: ending at a word boundary.
CURRENCY_WORDS = tuple(part for _, regex in _currency_rows() for part in _word_alternatives(regex))
CUR_WORDS = "|".join(rf"{part}\b" for part in CURRENCY_WORDS)


@cache
def _currency_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((code, re.compile(regex)) for code, regex in _currency_rows())


def currency_code(token: str) -> str:
    """The contract code of a currency word or sign ("euros" EUR, "₸" KZT, "MCI")."""
    key = " ".join(token.lower().split())
    for code, pattern in _currency_patterns():
        if pattern.fullmatch(key):
            return code
    return token


# -- kind words and modality -------------------------------------------------------------

KIND_WORDS, KIND_KEYS = lexicon("penalty_words.tsv")
_MODALITY = patterns("modality.tsv")
HYPOTHETICAL, _ = compile_lexicon([("h", [r for key, r in _MODALITY if key == "hypothetical"])])
REALIS, _ = compile_lexicon([("r", [r for key, r in _MODALITY if key == "realis"])])

# -- measures named without an amount ------------------------------------------------

#: (kind, fixed amount, check): "aux" needs "was/were ..." before the words, "fine" a
#: determiner or verb before "fine(s)" or "of/ranging" after it, "from" a release from
#: custody, "leave" an order not to leave a place.
Phrase = tuple[PenaltyKind, str | None, str | None]


def _phrases() -> tuple[tuple[Phrase, ...], re.Pattern[str], dict[str, str]]:
    entries: list[Phrase] = []
    branches: list[tuple[str, tuple[str]]] = []
    for kind, amount, check, regex in patterns("penalty_phrases.tsv"):
        entry = (
            PenaltyKind(kind),
            None if amount == "-" else amount,
            None if check == "-" else check,
        )
        if entry not in entries:
            entries.append(entry)
        branches.append((str(entries.index(entry)), (regex,)))
    pattern, keys = compile_lexicon(branches)
    return tuple(entries), pattern, keys


PHRASES, PHRASE_RE, PHRASE_KEYS = _phrases()
