"""Reading a written person name into its parts, for the person matcher.

A written name is read into a :class:`ParsedName`: its folded words in written order, the
word taken for the surname, given-name initials, a patronymic (Russian "Petrovich" or
Turkic "Heydar oglu") and the gender its endings state. Which word is the surname comes
from, in this order: a Turkic patronymic standing alone as the surname ("Aizada Nurbek
kyzy"); a word in capitals ("MAMAI Zhanbolat"); a comma, trailing initials or a patronymic
at the end ("Serikbayev, Askar", "Serikbayev A.", "Sidorov Ivan Petrovich"); the one word
with a surname ending ("-ov", "-eva", "-uly", "-ski"...); the one word that is not a known
given name. When none of these decides, the written order is only a guess ("order
unknown") and every word may be the surname.

Titles ("Archpriest", "протоиерей", "Imam"), particles ("ibn", "van") and notes in
brackets are dropped; a hyphen joins two words ("Kassym-Jomart", "Sadouskaya-Lazar").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from civicwatch.core.matching_lexicon import (
    TURKIC_MARKERS,
    canonical_marker,
    fold_word,
    has_surname_shape,
    is_german_spelling,
    is_given_name,
    is_title,
    is_turkic_latin,
    surname_gender,
    turkic_marker_of,
)
from civicwatch.core.names import to_key_ascii
from civicwatch.core.vocab import Gender

__all__ = ["ParsedName", "parse_name"]

_PARTICLES = frozenset({"al", "el", "ibn", "bin", "ben", "van", "von", "de", "der", "la", "le"})
# Pieces of a written name: words, initials with their period ("A.B." is two pieces).
_PIECE = re.compile(r"[^\s.,;:()\[\]{}\"“”«»„*_/]+\.?")
_INITIAL_DIGRAPHS = frozenset({"yu", "ya", "ye", "yo", "zh", "kh", "ch", "sh", "ts", "dz"})
_RUSSIAN_PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ichna|inichna|ich)$")
_FEMALE_PATRONYMIC = re.compile(r"(?:ovna|evna|ichna)$")


@dataclass(frozen=True, slots=True)
class ParsedName:
    """One written name, read. Words are folded (see matching_lexicon.fold_word)."""

    written: str
    words: tuple[str, ...]  # name words in written order, without initials and patronymic
    raw_words: tuple[str, ...]  # the same words in lower-case ASCII, unfolded (for initials)
    surname: str | None  # the word read as the surname; None for a lone word
    surname_choices: tuple[str, ...]  # words that may be the surname (several: order unknown)
    initials: tuple[str, ...]  # given-name initials, folded ("zh" -> "j")
    raw_initials: tuple[str, ...]
    patronymic: str | None  # "petrovich", "kemeluli" (a Turkic patronymic beside a surname)
    patronymic_initial: str | None
    gender: Gender  # stated by the surname's or the patronymic's ending, or a Turkic marker
    # The other half of a double surname ("Sadouskaya-Lazar"): either half may be dropped.
    surname_partners: tuple[str, ...] = ()

    @property
    def is_lone(self) -> bool:
        """A single word with nothing else: a surname (or a given name) used alone."""
        return len(self.words) == 1 and not self.initials

    def given_words(self, surname: str) -> tuple[str, ...]:
        """The words other than ``surname`` (given and middle names), in written order."""
        rest = list(self.words)
        dropped = (surname, *self.surname_partners) if surname == self.surname else (surname,)
        for word in dropped:
            if word in rest:
                rest.remove(word)
        return tuple(rest)

    def surname_forms(self, surname: str) -> tuple[str, ...]:
        """``surname`` and, for a double surname, each of its halves."""
        return (surname, *self.surname_partners) if surname == self.surname else (surname,)

    def raw_of(self, word: str) -> str:
        return self.raw_words[self.words.index(word)] if word in self.words else word

    @property
    def key_words(self) -> frozenset[str]:
        """Words the matcher may align as surnames; blocking keys are made from these."""
        outside_lexicon = {word for word in self.words if not is_given_name(word)}
        if not outside_lexicon:
            return frozenset(self.words)
        return frozenset(outside_lexicon | set(self.surname_choices) | set(self.surname_partners))


@dataclass(frozen=True, slots=True)
class _Piece:
    word: str  # folded
    raw: str  # lower-case ASCII
    capitals: bool
    written_as: int  # which space-separated piece it comes from (hyphens join words)


@lru_cache(maxsize=65536)
def parse_name(written: str) -> ParsedName:
    """Read a written name (any script, any order) into its parts."""
    text = unicodedata.normalize("NFC", written or "")
    text = re.sub(r"['’]s\b", "", text)  # possessive: "Mamai's lawyer"
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)  # notes: "Adilbekov (journalist)"
    turkic_latin, german = is_turkic_latin(text), is_german_spelling(text)
    surname_first = bool(re.match(r"^\s*[^\s,]+\s*,", text))
    words: list[_Piece] = []
    initials: list[tuple[str, str]] = []
    trailing_initials = False  # "Serikbayev A.": the surname comes first
    all_capitals = text.upper() == text
    for number, piece in enumerate(_PIECE.findall(text)):
        core = piece.rstrip(".").strip("'’‘ʻʼ`-")
        letters = [c for c in core if c.isalpha()]
        if not letters:
            continue
        raw_initial = _raw_ascii(core)
        if len(letters) == 1 or (piece.endswith(".") and raw_initial in _INITIAL_DIGRAPHS):
            initials.append((fold_word(core, turkic_latin, german), raw_initial))
            trailing_initials = bool(words)
            continue
        trailing_initials = False
        capitals = not all_capitals and core.isupper() and len(letters) > 2
        if is_title(fold_word(core, turkic_latin, german)):  # "г-н", "Fr."
            continue
        for part in core.split("-"):
            word = fold_word(part, turkic_latin, german)
            if not word or word in _PARTICLES or is_title(word):
                continue
            if word in TURKIC_MARKERS:
                if words and turkic_marker_of(words[-1].word) is None:
                    previous = words[-1]
                    joined = previous.word + canonical_marker(TURKIC_MARKERS[word])
                    words[-1] = _Piece(joined, previous.raw, previous.capitals, previous.written_as)
                continue
            if len(word) == 1:  # "Ye" without its period folds to one letter: an initial
                initials.append((word, _raw_ascii(part)))
                continue
            words.append(_Piece(word, _raw_ascii(part), capitals, number))
    return _read(written, words, initials, surname_first, trailing_initials)


def _raw_ascii(text: str) -> str:
    return re.sub(r"[^a-z]", "", to_key_ascii(text).lower())


def _read(
    written: str,
    pieces: list[_Piece],
    initials: list[tuple[str, str]],
    surname_first: bool,
    trailing_initials: bool,
) -> ParsedName:
    patronymic: str | None = None
    patronymic_last = False
    index = _patronymic_index([piece.word for piece in pieces])
    if index is not None:
        patronymic = pieces[index].word
        patronymic_last = index == len(pieces) - 1
        pieces = pieces[:index] + pieces[index + 1 :]
    # A Turkic patronymic beside another surname is a patronymic ("Ilham Heydar oglu
    # Aliyev"); standing alone it is the surname ("Aizada Nurbek kyzy").
    marked = [p for p in pieces if turkic_marker_of(p.word)]
    unmarked_surnames = [p for p in pieces if has_surname_shape(p.word) and p not in marked]
    if marked and patronymic is None and unmarked_surnames and len(pieces) >= 3:
        patronymic = marked[0].word
        pieces = [p for p in pieces if p is not marked[0]]
        marked = []
    words = tuple(p.word for p in pieces)
    initial_words = tuple(folded for folded, _ in initials)
    raw_initials = tuple(raw for _, raw in initials)
    patronymic_initial = None
    if len(words) >= 2 and initial_words:
        # "Ivan P. Sidorov": with a full given name, an initial is the patronymic's.
        patronymic_initial, initial_words, raw_initials = initial_words[0], (), ()
    elif len(initial_words) >= 2:
        patronymic_initial = initial_words[1]
        initial_words, raw_initials = initial_words[:1], raw_initials[:1]
    surname_first = surname_first or patronymic_last or trailing_initials
    choices = _surname_choices(pieces, marked, surname_first)
    surname = None
    if len(words) >= 2 or (words and initial_words):
        surname = choices[0] if len(choices) == 1 else _default_surname(words, choices)
    partners: tuple[str, ...] = ()
    if surname is not None and len(words) >= 3:
        written_as = next(p.written_as for p in pieces if p.word == surname)
        partners = tuple(p.word for p in pieces if p.written_as == written_as and p.word != surname)
    genders = {surname_gender(word) for word in (choices if len(words) > 1 else words)}
    if len(words) == 1 and is_given_name(words[0]):
        genders = set()
    if patronymic:
        genders.add(_patronymic_gender(patronymic))
    genders.discard(Gender.UNKNOWN)
    return ParsedName(
        written=written,
        words=words,
        raw_words=tuple(p.raw for p in pieces),
        surname=surname,
        surname_choices=choices if len(words) >= 2 or initial_words else (),
        initials=initial_words,
        raw_initials=raw_initials,
        patronymic=patronymic,
        patronymic_initial=patronymic_initial,
        gender=genders.pop() if len(genders) == 1 else Gender.UNKNOWN,
        surname_partners=partners,
    )


def _patronymic_index(words: list[str]) -> int | None:
    """Where a Russian patronymic stands in a name of three or more words, if anywhere."""
    if len(words) < 3:
        return None
    found = [i for i in (1, 2) if i < len(words) and _RUSSIAN_PATRONYMIC.search(words[i])]
    female = [i for i in found if _FEMALE_PATRONYMIC.search(words[i])]
    if female:
        return female[0]
    if found == [1, 2]:
        # "Valentin Viktorovich Stefanovich" or "Stefanovich Valentin Viktorovich".
        return 1 if is_given_name(words[0]) else 2
    return found[0] if found else None


def _patronymic_gender(patronymic: str) -> Gender:
    if _FEMALE_PATRONYMIC.search(patronymic):
        return Gender.FEMALE
    marker = turkic_marker_of(patronymic)
    if marker:
        return marker[1]
    return Gender.MALE if _RUSSIAN_PATRONYMIC.search(patronymic) else Gender.UNKNOWN


def _surname_choices(
    pieces: list[_Piece], marked: list[_Piece], surname_first: bool
) -> tuple[str, ...]:
    words = [p.word for p in pieces]
    if not words:
        return ()
    if len(words) == 1:
        return (words[0],)
    capitals = [p.word for p in pieces if p.capitals]
    shaped = [w for w in words if has_surname_shape(w)]
    outside_lexicon = [w for w in words if not is_given_name(w)]
    for decided in (
        [marked[-1].word] if marked else [],
        capitals if len(capitals) == 1 else [],
        [words[0]] if surname_first else [],
        shaped if len(shaped) == 1 else [],
        outside_lexicon if len(outside_lexicon) == 1 else [],
    ):
        if decided:
            return (decided[0],)
    return tuple(dict.fromkeys(outside_lexicon or words))


def _default_surname(words: tuple[str, ...], choices: tuple[str, ...]) -> str:
    """With the order unknown, read it as written: given name first, surname last."""
    for word in reversed(words):
        if word in choices:
            return word
    return choices[-1]
