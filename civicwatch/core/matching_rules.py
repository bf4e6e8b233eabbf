"""Name-level rules of the person matcher: how two written names relate.

Both names are read by :mod:`civicwatch.core.matching_parse`. :func:`compare_names` aligns
surname with surname and given name with given name (trying every word that may be the
surname when the written order does not tell), asks :func:`word_relation` how each pair of
words relates, and names the rule that decides (see matching.py for the list). Scores
only, no bands here: the public API turns scores into bands with the thresholds below.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from civicwatch.core.matching_lexicon import (
    canonical_given_name,
    is_given_name,
    reformed_stem,
    surname_stems,
    turkic_marker_of,
)
from civicwatch.core.matching_parse import ParsedName, parse_name
from civicwatch.core.vocab import Gender

AUTO_MERGE_THRESHOLD = 0.90
PROPOSE_THRESHOLD = 0.60
# Highest score a rule may give when the evidence allows a review but never a merge.
POSSIBLE_CEILING = 0.80

_PATRONYMIC_SUFFIX = re.compile(r"(?:ovich|evich|ovna|evna|inichna|ichna|ich|uli|kizi)$")


# --- Comparing words ----------------------------------------------------------------------


class Relation(Enum):
    """How two folded words relate, strongest first."""

    EXACT = "exact"
    EQUIVALENT = "equivalent"  # one given name in two languages: Siarhei / Sergei
    VARIANT = "variant"  # one spelling edit in a long word: Zhylanbaev / Zhylyanbaev
    STEM = "stem"  # a surname with and without its ending: Tokan / Tokanov
    WEAK = "weak"  # one edit that may make another name: Rustam / Rustem, Karimov / Kasimov
    SKELETON = "skeleton"  # same consonants: Belarusian and Russian forms, Harbunova / Gorbunova
    REFORMED = "reformed"  # Tajik -zoda for -ov: Rahmatullozoda / Rahmatulloev
    NONE = "none"


_VOWELS = frozenset("aeiou")
# Vowels the romanisations of the region write for one another: Uzbek and Tajik o for a
# (Toshpulatov / Tashpulatov), Azerbaijani ə (Mammadov / Mamedov), Kazakh і and ы, Uzbek
# oʻ. They are also what tells many names apart (Ospanov / Uspanov), so such a pair is only
# proposed. Other swaps (Nazarov / Nazirov, Marat / Murat) count as any other letter: a
# typo or another name, proposed in a long word and a conflict in a short one.
_VOWEL_SWAPS = frozenset(frozenset(pair) for pair in ("ao", "ae", "ei", "ou"))
# Letters the romanisations swap for one another: Belarusian ў for в (Dauletov /
# Davletov), German and English j and i (Tatjana / Tatiana).
_CONFUSABLE = frozenset(frozenset(pair) for pair in ("vu", "ji"))
# Consonants swapped as often as they tell names apart, only proposed like vowel swaps:
# Azerbaijani q is g (Tofiq / Tofig) but Kazakh Қасымов is not Gasymov; Belarusian and
# Ukrainian h is Russian g (Hnatiuk / Gnatyuk) but Khamidov (Х) is not Gamidov (Г);
# Yusufov is Yusupov but Safarov is not Saparov.
_UNCERTAIN_CONSONANTS = frozenset(frozenset(pair) for pair in ("kg", "kh", "gh", "bp", "fp"))
_STRENGTH = {relation: rank for rank, relation in enumerate(Relation)}


def _stronger(a: Relation, b: Relation) -> Relation:
    return a if _STRENGTH[a] <= _STRENGTH[b] else b


def _gender_flip(a: str, b: str) -> bool:
    """Aleksandr/Aleksandra, Evgeni/Evgenia, Tleubaev/Tleubaeva: one letter, another sex."""
    shorter, longer = sorted((a, b), key=len)
    if longer == shorter + "a":
        return True
    return len(a) == len(b) and a[:-1] == b[:-1] and {a[-1], b[-1]} == {"a", "i"}


class _Edit(Enum):
    """What one edit between two words most likely is."""

    TRANSLITERATION = "transliteration"  # Zhylanbaev / Zhylyanbaev, Hasanov / Gasanov
    TYPO = "typo"  # two neighbouring letters swapped: Akhmetov / Akhmetvo
    UNCERTAIN = "uncertain"  # a vowel or k/g swapped, a vowel added: spelling or other name
    OTHER = "other"  # a consonant swapped, added or dropped


def _one_edit(a: str, b: str) -> _Edit | None:
    """The kind of the one edit (OSA) between two words; None if they are further apart."""
    if OSA.distance(a, b, score_cutoff=1) > 1:
        return None
    if len(a) == len(b):
        at = next(i for i in range(len(a)) if a[i] != b[i])
        if a[at + 1 :] != b[at + 1 :]:
            return _Edit.TYPO
        pair = frozenset((a[at], b[at]))
        if pair in _CONFUSABLE:
            return _Edit.TRANSLITERATION
        uncertain = pair in _VOWEL_SWAPS or pair in _UNCERTAIN_CONSONANTS
        return _Edit.UNCERTAIN if uncertain else _Edit.OTHER
    shorter, longer = sorted((a, b), key=len)
    at = next((i for i in range(len(shorter)) if shorter[i] != longer[i]), len(shorter))
    added = longer[at]
    if added == "i" and longer[at + 1 : at + 2] in _VOWELS:
        # я/а, ье/е: the i that one romanisation writes before a vowel and another leaves
        # out (Zhylyanbaev / Zhylanbaev). Elsewhere it makes another name (Zhanibekov /
        # Zhanbekov, Aitkulov / Atkulov).
        return _Edit.TRANSLITERATION
    return _Edit.UNCERTAIN if added in _VOWELS or added == "h" else _Edit.OTHER


def _stem_related(a: str, b: str) -> bool:
    """One surname is the other without its ending, or both share a father's name."""
    stems_a, stems_b = surname_stems(a), surname_stems(b)
    if a in stems_b or b in stems_a:
        return True
    # Aizada Nurbek kyzy / Aizada Nurbekova: a Turkic and a Russian form of one surname.
    turkic_a, turkic_b = turkic_marker_of(a) is not None, turkic_marker_of(b) is not None
    return turkic_a != turkic_b and bool(stems_a & stems_b - {a, b})


@lru_cache(maxsize=262144)
def word_relation(a: str, b: str, given: bool) -> Relation:
    """How word ``a`` relates to word ``b`` as given names (``given``) or as surnames."""
    if a == b:
        return Relation.EXACT
    if given and canonical_given_name(a) == canonical_given_name(b):
        return Relation.EQUIVALENT
    if _gender_flip(a, b):
        return Relation.NONE
    if not given and _stem_related(a, b):
        return Relation.STEM
    if not given and _reformed_pair(a, b):
        return Relation.REFORMED
    edit = _one_edit(a, b)
    shortest = min(len(a), len(b))
    # Given names in other languages are in the lexicon's groups; one letter more between
    # two given names is more often a sister's name (Gulnaira / Gulnara) than a spelling.
    strong = (_Edit.TYPO,) if given else (_Edit.TYPO, _Edit.TRANSLITERATION)
    if edit in strong and shortest >= 7:
        return Relation.VARIANT
    if edit in (_Edit.TRANSLITERATION, _Edit.TYPO, _Edit.UNCERTAIN) and shortest >= 5:
        return Relation.WEAK
    if edit is _Edit.OTHER and shortest >= 7:
        return Relation.WEAK
    if consonant_skeleton(a) and consonant_skeleton(a) == consonant_skeleton(b):
        return Relation.SKELETON
    return Relation.NONE


def _reformed_pair(a: str, b: str) -> bool:
    """One surname ends in the Tajik -zoda, the other in -ov/-ev, on one father's name."""
    if a.endswith("zoda") == b.endswith("zoda"):
        return False
    stem = reformed_stem(a)
    return stem is not None and stem == reformed_stem(b)


_SKELETON_FOLDS = (
    (re.compile(r"dz"), "d"),
    (re.compile(r"h"), "g"),
    (re.compile(r"c"), "t"),
    (re.compile(r"[aeiou]"), ""),
    (re.compile(r"ks"), "s"),  # pinyin x: Tuerxun is Tursun
)
_MIN_SKELETON = 4


@lru_cache(maxsize=65536)
def consonant_skeleton(word: str) -> str:
    """The consonants of a folded name, Belarusian and Ukrainian h read as Russian g.

    Belarusian writes unstressed o as a, г as h, дз and ц for Russian д and т: "Harbunova"
    is "Gorbunova", "Kalesnikava" is "Kolesnikova". Chinese pinyin of Uyghur names adds
    vowels and writes s as x: "Abudusalamu Tuerxun" is "Abdusalam Tursun". Their consonants
    agree. "" when the word has fewer than four consonants, which would agree too often.
    """
    skeleton = word
    for pattern, replacement in _SKELETON_FOLDS:
        skeleton = pattern.sub(replacement, skeleton)
    return skeleton if len(skeleton) >= _MIN_SKELETON else ""


def _initial_fits(initial: str, raw_initial: str, word: str, raw_word: str) -> bool:
    return word.startswith(initial) or bool(raw_initial and raw_word.startswith(raw_initial))


def _best_relation(pairs: Iterable[tuple[str, str]], given: bool) -> Relation:
    best = Relation.NONE
    for a, b in pairs:
        best = _stronger(best, word_relation(a, b, given))
    return best


# --- Comparing names ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NameVerdict:
    """What the names alone say: the deciding rule, a score in [0, 1], and why."""

    rule: str
    score: float
    explanation: str


CONFLICT_RULES = frozenset({"gender_conflict", "given_name_conflict", "patronymic_conflict"})

# (surname relation, given relation) -> (rule, score). Given relations add two of their
# own: an initial that fits, and agreement on a second given name only.
_INITIAL = "initial"
_SECOND_GIVEN = "second given name"
_TABLE: dict[tuple[Relation, Relation | str], tuple[str, float]] = {
    (Relation.EXACT, Relation.EXACT): ("extra_name", 0.93),  # a middle name on one side only
    (Relation.EXACT, Relation.EQUIVALENT): ("spelling_variant", 0.95),
    (Relation.EXACT, Relation.VARIANT): ("spelling_variant", 0.93),
    (Relation.EXACT, Relation.WEAK): ("spelling_variant", 0.72),
    (Relation.EXACT, _INITIAL): ("initials", 0.92),
    (Relation.EXACT, _SECOND_GIVEN): ("extra_name", 0.72),
    (Relation.VARIANT, _SECOND_GIVEN): ("extra_name", 0.66),
    (Relation.STEM, _SECOND_GIVEN): ("extra_name", 0.64),
    (Relation.VARIANT, Relation.EXACT): ("spelling_variant", 0.92),
    (Relation.VARIANT, Relation.EQUIVALENT): ("spelling_variant", 0.91),
    (Relation.VARIANT, Relation.VARIANT): ("spelling_variant", 0.75),
    (Relation.VARIANT, Relation.WEAK): ("spelling_variant", 0.66),
    (Relation.VARIANT, _INITIAL): ("spelling_variant", 0.72),
    (Relation.WEAK, Relation.EXACT): ("spelling_variant", 0.75),
    (Relation.WEAK, Relation.EQUIVALENT): ("spelling_variant", 0.74),
    (Relation.WEAK, Relation.VARIANT): ("spelling_variant", 0.66),
    (Relation.WEAK, Relation.WEAK): ("spelling_variant", 0.62),
    (Relation.WEAK, _INITIAL): ("spelling_variant", 0.64),
    (Relation.STEM, Relation.EXACT): ("kazakh_ending", 0.91),
    (Relation.STEM, Relation.EQUIVALENT): ("kazakh_ending", 0.90),
    (Relation.STEM, Relation.VARIANT): ("kazakh_ending", 0.76),
    (Relation.STEM, Relation.WEAK): ("kazakh_ending", 0.64),
    (Relation.STEM, _INITIAL): ("kazakh_ending", 0.70),
    (Relation.SKELETON, Relation.EXACT): ("spelling_variant", 0.68),
    (Relation.SKELETON, Relation.EQUIVALENT): ("spelling_variant", 0.68),
    (Relation.SKELETON, Relation.VARIANT): ("spelling_variant", 0.64),
    (Relation.SKELETON, Relation.WEAK): ("spelling_variant", 0.62),
    (Relation.SKELETON, Relation.SKELETON): ("spelling_variant", 0.62),
    (Relation.EXACT, Relation.SKELETON): ("spelling_variant", 0.64),
    (Relation.VARIANT, Relation.SKELETON): ("spelling_variant", 0.62),
    (Relation.WEAK, Relation.SKELETON): ("spelling_variant", 0.61),
    (Relation.STEM, Relation.SKELETON): ("kazakh_ending", 0.61),
    # A Tajik -zoda beside -ov is one person or a father and his son: a reviewer decides.
    (Relation.REFORMED, Relation.EXACT): ("tajik_zoda", 0.72),
    (Relation.REFORMED, Relation.EQUIVALENT): ("tajik_zoda", 0.70),
}
# Surname agreements strong enough that differing given names mean two people.
_FIRM_SURNAME = frozenset({Relation.EXACT, Relation.VARIANT, Relation.STEM})


def _show(parsed: ParsedName) -> str:
    return f"'{parsed.written.strip()}'"


@lru_cache(maxsize=262144)
def compare_written_names(a: str, b: str) -> NameVerdict:
    """:func:`compare_names` on two written names (cached)."""
    return compare_names(parse_name(a), parse_name(b))


def compare_names(a: ParsedName, b: ParsedName) -> NameVerdict:
    """What two written names say about being one person, before any other evidence."""
    pair = f"{_show(a)} and {_show(b)}"
    if not a.words or not b.words:
        return NameVerdict("no_match", 0.0, f"{pair}: one of them has no name word to compare.")
    if Gender.UNKNOWN not in (a.gender, b.gender) and a.gender is not b.gender:
        return NameVerdict(
            "gender_conflict",
            0.05,
            f"{pair} have {a.gender.value} and {b.gender.value} name endings: "
            "relatives, not spellings of one name.",
        )
    if _patronymics_clash(a, b):
        return NameVerdict(
            "patronymic_conflict", 0.15, f"{pair} have different patronymics (fathers' names)."
        )
    if a.is_lone or b.is_lone:
        return _compare_lone(a, b) if a.is_lone else _compare_lone(b, a)
    if sorted(a.words) == sorted(b.words):
        if a.initials and b.initials and not _initials_agree(a, b):
            return NameVerdict(
                "given_name_conflict", 0.15, f"{pair} have the same surname but other initials."
            )
        if len(a.surname_choices) > 1 and len(b.surname_choices) > 1 and a.surname != b.surname:
            # "Nurlan Serik" / "Serik Nurlan" with nothing to tell the surname: one man in
            # two word orders, or a father and his son named after each other.
            return NameVerdict(
                "same_key",
                0.7,
                f"{pair} have the same words in the other order and nothing tells which is "
                "the surname; a reviewer must confirm.",
            )
        return NameVerdict(
            "same_key", 1.0, f"{pair} are the same name in another spelling or word order."
        )
    return _align(a, b, pair)


def _patronymics_clash(a: ParsedName, b: ParsedName) -> bool:
    if a.patronymic and b.patronymic:
        father_a = _PATRONYMIC_SUFFIX.sub("", a.patronymic)
        father_b = _PATRONYMIC_SUFFIX.sub("", b.patronymic)
        return word_relation(father_a, father_b, given=True) is Relation.NONE
    full, initial = (a, b) if a.patronymic else (b, a)
    if full.patronymic and initial.patronymic_initial:
        return not full.patronymic.startswith(initial.patronymic_initial)
    if a.patronymic_initial and b.patronymic_initial:
        return a.patronymic_initial != b.patronymic_initial
    return False


def _compare_lone(lone: ParsedName, other: ParsedName) -> NameVerdict:
    """A surname (or a given name) alone: at most a proposal, never a merge."""
    word = lone.words[0]
    pair = f"{_show(lone)} and {_show(other)}"
    if other.is_lone:
        other_word = other.words[0]
        if is_given_name(word) or is_given_name(other_word):
            if canonical_given_name(word) == canonical_given_name(other_word):
                return NameVerdict(
                    "surname_only", 0.62, f"{pair} are one given name with no surname."
                )
            return _no_match(lone, other)
        relation = word_relation(word, other_word, given=False)
    else:
        if is_given_name(word):
            return NameVerdict("no_match", 0.3, f"{pair}: a given name alone identifies nobody.")
        surnames = [form for s in other.surname_choices for form in other.surname_forms(s)]
        relation = _best_relation(((word, s) for s in surnames), given=False)
    if relation in (Relation.NONE, Relation.SKELETON):
        return _no_match(lone, other)
    score = 0.68 if relation is Relation.EXACT else 0.63
    if other.is_lone:
        how = "the same word" if relation is Relation.EXACT else "close forms of one word"
        found = f"{pair} are {how} with no given name"
    else:
        how = "the same" if relation is Relation.EXACT else "a close form of the"
        found = f"{pair}: only a surname on one side, {how} surname on the other"
    return NameVerdict("surname_only", score, found + "; a reviewer must confirm.")


def _given_relation(a: ParsedName, sa: str, b: ParsedName, sb: str) -> Relation | str | None:
    """How the given names relate once ``sa`` and ``sb`` are read as surnames.

    Returns a Relation, ``_INITIAL`` when an initial agrees with a name, or None when the
    given names conflict.
    """
    given_a, given_b = a.given_words(sa), b.given_words(sb)
    if given_a and given_b:
        relation = _best_relation(((x, y) for x in given_a for y in given_b), given=True)
        if relation is Relation.NONE:
            return None
        first = word_relation(given_a[0], given_b[0], given=True)
        if first in (Relation.NONE, Relation.SKELETON) and _stronger(first, relation) != first:
            # Agreement on a second given name only ("Kassym-Jomart" / "Jomart"): a
            # relative named alike is as likely as one person.
            return _SECOND_GIVEN
        if len(given_a) >= 2 and len(given_b) >= 2 and relation is Relation.EXACT:
            # Both give two given names: the second ones must agree too.
            rest_a = [w for w in given_a if w not in given_b]
            rest_b = [w for w in given_b if w not in given_a]
            if rest_a and rest_b:
                pairs = ((x, y) for x in rest_a for y in rest_b)
                return _stronger(Relation.WEAK, _best_relation(pairs, given=True))
        return relation
    full, initials, full_surname = (a, b, sa) if given_a else (b, a, sb)
    given_full = full.given_words(full_surname)
    if given_full and initials.initials:
        word = given_full[0]
        fits = _initial_fits(
            initials.initials[0], initials.raw_initials[0], word, full.raw_of(word)
        )
        return _INITIAL if fits else None
    if a.initials and b.initials:
        return _INITIAL if _initials_agree(a, b) else None
    # Nothing to compare on one side (two full names always have something): too little
    # to merge on.
    return Relation.WEAK


def _initials_agree(a: ParsedName, b: ParsedName) -> bool:
    return a.initials[0] == b.initials[0] or a.raw_initials[0] == b.raw_initials[0]


def _align(a: ParsedName, b: ParsedName, pair: str) -> NameVerdict:
    best: NameVerdict | None = None
    conflict: NameVerdict | None = None
    for sa in a.surname_choices:
        for sb in b.surname_choices:
            pairs = ((x, y) for x in a.surname_forms(sa) for y in b.surname_forms(sb))
            surname = _best_relation(pairs, given=False)
            if surname is Relation.NONE:
                continue
            given = _given_relation(a, sa, b, sb)
            if given is None:
                if surname in _FIRM_SURNAME:
                    conflict = conflict or NameVerdict(
                        "given_name_conflict",
                        0.15,
                        f"{pair} share a surname but their given names differ.",
                    )
                continue
            if (surname, given) not in _TABLE:
                continue  # e.g. consonants alone beside a mere initial: too little
            # Only a reading against the written order makes these agree: never a merge.
            out_of_order = sa != a.surname or sb != b.surname
            verdict = _tabled(surname, given, sa, sb, pair, out_of_order)
            if best is None or verdict.score > best.score:
                best = verdict
    return best or conflict or _no_match(a, b)


_SURNAME_AGREEMENT = {
    Relation.EXACT: "share the surname",
    Relation.VARIANT: "spell the surname one letter apart",
    Relation.WEAK: "have surnames one letter apart",
    Relation.STEM: "have the surname with and without the Russian ending",
    Relation.SKELETON: "have surnames with the same consonants (another language's form?)",
    Relation.REFORMED: "have the surname with the Tajik -zoda and with the Russian ending",
}
_GIVEN_AGREEMENT: dict[Relation | str, str] = {
    Relation.EXACT: "the same given name",
    Relation.EQUIVALENT: "the given name in two languages",
    Relation.VARIANT: "given names one letter apart",
    Relation.WEAK: "given names one letter apart",
    Relation.SKELETON: "given names with the same consonants",
    _INITIAL: "an initial that fits the given name",
    _SECOND_GIVEN: "agree only on a second given name",
}


def _tabled(
    surname: Relation,
    given: Relation | str,
    sa: str,
    sb: str,
    pair: str,
    out_of_order: bool,
) -> NameVerdict:
    rule, score = _TABLE[(surname, given)]
    surname_part = _SURNAME_AGREEMENT[surname]
    if rule == "kazakh_ending" and (turkic_marker_of(sa) or turkic_marker_of(sb)):
        rule = "patronymic_particle"
        surname_part = "have the surname with and without the patronymic particle"
    given_part = _GIVEN_AGREEMENT[given]
    if rule == "extra_name" and given is Relation.EXACT:
        given_part += " (one adds a middle name)"
    explanation = f"{pair} {surname_part} and {given_part}"
    if out_of_order:
        score = min(score, 0.7)
        explanation += " if their words are read in another order"
    if score < AUTO_MERGE_THRESHOLD:
        explanation += "; a reviewer must confirm"
    return NameVerdict(rule, score, explanation + ".")


def _no_match(a: ParsedName, b: ParsedName) -> NameVerdict:
    similarity = fuzz.token_sort_ratio(" ".join(a.words), " ".join(b.words)) / 100.0
    return NameVerdict(
        "no_match",
        round(0.5 * similarity, 3),
        f"{_show(a)} and {_show(b)} are different names.",
    )
