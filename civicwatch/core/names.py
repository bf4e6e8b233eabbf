"""Person-name utilities: normalisation, transliteration keys, similarity, identity.

The same person is written many ways across the reports of the region: "Айгерим
Тлеубаева", "Aigerim Tleubayeva", "Aigerim Tleubaeva", "Tleubayeva Aigerim",
"Zhanbolat Mamai" / "Janbolat Mamay", "Kunbolatuly" / "Kunbolatuli". Following a case
across documents needs one key that these spellings share, and a comparison that accepts
a surname alone ("Mamai") as the full name.

``name_key`` transliterates with rigour to Latin ASCII and then applies *spelling folds*:
the systematic differences between the romanisation systems (BGN/PCGN, scholarly, French,
Kazakh Latin, Uzbek/Azerbaijani Latin) are collapsed, e.g. zh/j/dzh, kh/h/x, y/i, ye/e,
ou/u, q/k, double letters. Folds are applied to both sides, so they only need to map
variants onto the same string, not to produce a readable name.

Everything here is pure and cheap (the transliteration is cached), because it runs for
every mention of every report.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from rigour.text import ascii_text

from civicwatch.core.vocab import Gender

__all__ = [
    "fold_key_word",
    "guess_gender",
    "name_key",
    "name_similarity",
    "name_tokens",
    "normalise_name",
    "same_person",
    "surname_of",
    "to_key_ascii",
]

_SPACES = re.compile(r"\s+")
# Trailing punctuation is decoration, except the full stop of a closing initial ("Abenov K.").
_DECORATION = re.compile(r"^[\s\"'“”‘’«»*_()\[\]]+|(?:[\s\"'“”‘’«»*_()\[\],;:]|(?<![\s.]\w)\.)+$")
_POSSESSIVE = re.compile(r"['’]s$")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'"})

# Letters whose common English romanisation differs from rigour's ASCII folding
# (Azerbaijani and Turkish Latin, Uzbek Latin "oʻ/gʻ").
_TURKIC = str.maketrans({"ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch", "ə": "a", "Ə": "A"})

# Ordered (pattern, replacement) folds on the lower-case ASCII key. Order matters: the
# digraphs are reduced before the single-letter folds.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"[^a-z ]", ""),  # apostrophes (Uzbek o', g'), stray marks
        (r"shch|sch", "sh"),
        (r"dzh|dj|zh", "j"),
        (r"kh|\bx", "h"),  # Cyrillic х; Uzbek/Azerbaijani initial x (Xolmatov)
        (r"x", "ks"),  # Alexei/Aleksei
        (r"gh", "g"),
        (r"q", "k"),
        (r"ck", "k"),
        (r"ts|tz", "c"),
        (r"ou", "u"),
        (r"w", "v"),
        (r"ph", "f"),
        (r"y", "i"),
        (r"\bie", "e"),  # Yevgeny/Evgeny, Yergalieva/Ergalieva
        (r"(?<=[aeiou])ie", "e"),  # Dosekeyeva/Dosekeeva, Kaziyev/Kaziev
        (r"([a-z])\1+", r"\1"),  # double letters: Kassym/Kasym, Mammadov/Mamadov
        (r"(?<=[a-z])(?:uulu|ulu)\b", "uli"),  # Kyrgyz uulu / Kazakh uly
        (r"(?<=[a-z])(?:kizi|kiz)\b", "kizi"),  # kyzy / qizi / kizi
        (r"(?<=[a-z])(?:ogli|oglu)\b", "ogli"),
    )
)
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ichna|ich)$")
_PARTICLES = frozenset(
    {"al", "el", "ibn", "bin", "ben", "van", "von", "de", "der", "la", "le"}
    # stand-alone patronymic markers: "Azamat Sydyk uulu", "Ali Hasan oglu", "Leyla Ali gizi"
    | {"uli", "ulu", "kizi", "ogli", "oglu", "gizi"}
)


def normalise_name(name: str) -> str:
    """Tidy a name as written for display: NFC, one space, no quotes/bold/possessive.

    All-caps surnames ("Zhanbolat MAMAI") are title-cased, because reports use capitals
    for emphasis, not for meaning.
    """
    text = unicodedata.normalize("NFC", name or "")
    text = _SPACES.sub(" ", text)
    text = _DECORATION.sub("", text)
    text = _POSSESSIVE.sub("", text)
    parts = []
    for part in text.split(" "):
        if len(part) > 2 and part.isupper() and "." not in part:  # not initials "K.S."
            part = "-".join(piece.capitalize() for piece in part.split("-"))
        parts.append(part)
    return " ".join(parts).strip()


@lru_cache(maxsize=65536)
def _ascii(name: str) -> str:
    return ascii_text(name.translate(_TURKIC).translate(_APOSTROPHES))


@lru_cache(maxsize=65536)
def _fold_token(token: str) -> str:
    key = token
    for pattern, replacement in _FOLDS:
        key = pattern.sub(replacement, key)
    return key


def to_key_ascii(text: str) -> str:
    """``text`` in Latin ASCII as the keys read it (Turkic letters and apostrophes first)."""
    return _ascii(text)


def fold_key_word(word: str) -> str:
    """The spelling folds of :func:`name_key` applied to one lower-case ASCII word."""
    return _fold_token(word)


_INITIAL_LETTER = re.compile(r"(?<![^\W\d_])([^\W\d_])(?=\.)")


def name_tokens(name: str) -> list[str]:
    """Folded key tokens of a name, in the written order (patronymics kept)."""
    # an initial is one letter, whatever its romanisation: "Ю." is "i" (as "Iurii" starts),
    # not "iu", which would read as a name part of its own
    written = _INITIAL_LETTER.sub(lambda m: _ascii(m.group(1))[:1] + ".", normalise_name(name))
    # hyphens and full stops separate parts: "Kassym-Jomart", glued initials "K.S. Abenov"
    ascii_name = _ascii(written).lower().replace("-", " ").replace(".", " ")
    tokens = []
    for raw in ascii_name.split():
        token = _fold_token(raw)
        if token and token not in _PARTICLES:
            tokens.append(token)
    return tokens


def _core_tokens(name: str) -> list[str]:
    """Key tokens without patronymics when a surname and a given name remain."""
    tokens = name_tokens(name)
    if len(tokens) < 3:
        return tokens
    shaped = [i for i, t in enumerate(tokens) if _PATRONYMIC.search(t)]
    if len(shaped) > 1:
        # a surname can end like a patronymic too ("Vashkevich", "Lukashevich"): the
        # patronymic is the one after the given name ("Mikhail Yurevich Vashkevich")
        shaped = [1] if 1 in shaped else shaped[-1:]
    kept = [t for i, t in enumerate(tokens) if i not in shaped]
    # initials are no name to keep: "Vashkevich M.Yu." keeps its surname
    if sum(len(t) > 2 for t in kept) >= 2:
        return kept
    return tokens


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Spelling- and order-insensitive key: Cyrillic and Latin spellings share it.

    >>> name_key("Айгерим Тлеубаева") == name_key("Aigerim Tleubayeva")
    True
    """
    return " ".join(sorted(_core_tokens(name)))


def _token_match(a: str, b: str) -> bool:
    """Two folded tokens are the same name part (typo-tolerant for longer tokens)."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial matches a token with that first letter
        return a[0] == b[0]
    shorter = min(len(a), len(b))
    if a.startswith(b) or b.startswith(a):
        return False  # a suffix makes another surname: Sultanbek / Sultanbekov
    if shorter < 5:
        return False
    allowed = 1 if shorter < 9 else 2
    return Levenshtein.distance(a, b, score_cutoff=allowed) <= allowed


def name_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two names on their keys, ignoring token order."""
    key_a, key_b = name_key(a), name_key(b)
    if not key_a or not key_b:
        return 0.0
    if key_a == key_b:
        return 1.0
    return float(fuzz.token_sort_ratio(key_a, key_b)) / 100.0


def same_person(a: str, b: str) -> bool:
    """Whether two written names can denote the same person.

    True for spelling variants, transliterations, reordered names, names with or without
    a patronymic, initials ("A. Ivanov"), and a surname or given name alone against the
    full name. False when the genders implied by the surname endings disagree
    ("Tleubaev" / "Tleubaeva"): in this region those are relatives, not variants.
    """
    tokens_a, tokens_b = _core_tokens(a), _core_tokens(b)
    if not tokens_a or not tokens_b:
        return False
    if sorted(tokens_a) == sorted(tokens_b):
        return True
    gender_a, gender_b = guess_gender(a), guess_gender(b)
    if Gender.UNKNOWN not in (gender_a, gender_b) and gender_a is not gender_b:
        return False
    shorter, longer = sorted((tokens_a, tokens_b), key=len)
    if all(len(token) == 1 for token in shorter):
        return False  # initials alone identify nobody
    unused = list(longer)
    for token in shorter:
        for index, candidate in enumerate(unused):
            if _token_match(token, candidate):
                del unused[index]
                break
        else:
            return False
    return True


def surname_of(name: str) -> str:
    """The written surname: the last token, or the first for "SURNAME Given" forms."""
    raw = _DECORATION.sub("", _SPACES.sub(" ", name or "")).split()
    parts = normalise_name(name).split()
    if not parts:
        return ""
    words = [part for part in parts if "." not in part]  # initials are never the surname
    if words and len(words) < len(parts):
        return words[-1]  # "K.S. Abenov", "Abenov K.S."
    if len(raw) >= 2 and raw[0].isupper() and len(raw[0]) > 2 and not raw[-1].isupper():
        return raw[0]
    tail = parts[-1]
    if len(parts) >= 3 and _PATRONYMIC.search(_fold_token(_ascii(tail).lower())):
        return parts[0]  # Russian official order: Ivanov Ivan Ivanovich
    return tail


# Belarusian forms too: -ava (Kalesnikava) female, -au/-eu (Ramanau, Berasneu) male.
_FEMALE_TAIL = re.compile(r"(?:ova|eva|iova|ina|aia|skaia|ckaia|ovna|evna|ichna|kizi|ava)$")
_MALE_TAIL = re.compile(r"(?:ov|ev|iov|in|ski|skii|cki|ckii|ovich|evich|ich|uli|ogli|au|eu)$")
_FEMALE_MARKER = re.compile(r"^kizi$")
_MALE_MARKER = re.compile(r"^(?:uli|ogli)$")


def guess_gender(name: str) -> Gender:
    """Gender implied by Slavic/Central Asian surname or patronymic endings, if any.

    Only endings that are reliable in this region are used (-ova/-eva/-kyzy/-ovna female;
    -ov/-ev/-uly/-ovich male). Given names are not guessed from: many are shared or
    ambiguous across languages. Returns ``Gender.UNKNOWN`` when nothing is implied.
    """
    tokens = name_tokens(name)
    if not tokens:
        return Gender.UNKNOWN
    # A patronymic particle says it outright ("Leyla Ali gizi Aliyeva"), and in that full
    # form the father's given name ("Elchin") must not be read as a surname ending in -in.
    for word in _ascii(normalise_name(name)).lower().split()[1:]:
        marker = _fold_token(word)
        if marker in {"kizi", "gizi"}:
            return Gender.FEMALE
        if marker in {"uli", "ulu", "ogli", "oglu"}:
            return Gender.MALE
    for token in tokens[1:]:
        if _FEMALE_MARKER.match(token):
            return Gender.FEMALE
        if _MALE_MARKER.match(token):
            return Gender.MALE
    candidates = tokens[1:] if len(tokens) >= 2 else tokens
    # Check every non-first token: the surname may come first in official order.
    if len(tokens) >= 2:
        candidates = [*tokens[1:], tokens[0]]
    for token in candidates:
        if len(token) < 4:
            continue
        if _FEMALE_TAIL.search(token):
            return Gender.FEMALE
        if _MALE_TAIL.search(token):
            return Gender.MALE
    return Gender.UNKNOWN
