"""Are two person records one individual? The pair matcher of identity resolution.

Identity resolution (civicwatch.cases) calls :func:`match_persons` for every candidate pair
that :func:`blocking_keys` finds, and acts on the band: ``SAME`` is merged automatically,
``POSSIBLE`` is proposed to a reviewer, ``DIFFERENT`` is kept apart. A wrong automatic merge
puts one person's conviction on another's file, so the rules give up recall for
precision: ``SAME`` needs a full name that agrees (up to spelling, word order, a missing
patronymic, an initial, a dropped Russian ending), never a surname alone.

Rules (``Match.rule``), strongest evidence first:

``same_key``
    The same name words in another script, romanisation or order, with or without a
    Russian patronymic or a title: "Жыланбаев Марат" = "Marat Zhylanbayev", "Ivan
    Petrovich Sidorov" = "Ivan Sidorov". SAME. (Two given-name-like words reversed with
    nothing to tell the surname, "Nurlan Serik" / "Serik Nurlan": POSSIBLE.)
``spelling_variant``
    SAME when the surname is one spelling edit away in a word of 7+ letters (two letters
    swapped; the i of я/ё written or not, "Zhylyanbaev"; ў/в; j/i) and the given name
    agrees exactly, or the given name is written in another language (Siarhei / Sergei,
    Ales / Aliaksandr) and the surname agrees exactly. POSSIBLE for edits that are as
    often another name as a spelling (a vowel swapped, k/g, g/h, f/p, a consonant), for
    short words, for both parts off, and for surnames that share only their consonants
    (Belarusian and Russian forms, Uyghur pinyin).
``extra_name``
    Surname and first given name agree and one side adds a middle name or half of a
    double surname: SAME. Agreement on a second given name only: POSSIBLE.
``initials``
    "Serikbayev A." / "Askar Serikbayev": surname identical on the key, initial (and any
    patronymic initial) fits. SAME.
``kazakh_ending``, ``patronymic_particle``
    One surname with and without the Russian ending ("Nurlan Tokan" / "Nurlan Tokanov")
    or the Turkic particle ("Timur Asan uulu" / "Timur Asanov"), given name identical:
    SAME; with only an initial or a variant given name: POSSIBLE.
``tajik_zoda``
    A Tajik "-zoda" against "-ov" on one father's name, given name identical: POSSIBLE
    (the same man after the surname reform, or a father and his son).
``surname_only``
    A single word against a full name or another single word: at most POSSIBLE. A given
    name alone ("Aigerim") matches nothing but the same lone given name.
``gender_conflict``
    Endings or particles (-ov/-ova, -uly/-kyzy, -ovich/-ovna) or stated genders differ.
``given_name_conflict``, ``patronymic_conflict``
    Same surname, different given names, initials or patronymics (Ivan Petrovich / Ivan
    Nikolaevich): DIFFERENT.
``born_conflict``
    Birth years more than one year apart (ages in reports are off by one): DIFFERENT.
``role_conflict``
    An official against an activist, journalist, blogger, human-rights defender or lawyer,
    with no role in common: DIFFERENT (a judge who shares a name with a defendant is
    another person; someone who changed sides is linked by a reviewer).
``country_conflict``
    Both countries known and different: SAME becomes POSSIBLE (an exile appears in two
    countries' reports, but so do namesakes).
``no_match``
    Nothing above: DIFFERENT.

When a side has several spellings, every pair of spellings is compared and the best
agreement wins, unless some pair conflicts: then the conflict wins, so ("Askar
Serikbayev", "A. Serikbayev") is not "Arman Serikbayev" through its initial.

Everything here is pure and cached per name string; comparing two persons costs a few
dictionary look-ups once their names have been seen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from civicwatch.core.matching_lexicon import canonical_given_name, is_given_name, surname_stems
from civicwatch.core.matching_parse import ParsedName, parse_name
from civicwatch.core.matching_rules import (
    AUTO_MERGE_THRESHOLD,
    CONFLICT_RULES,
    POSSIBLE_CEILING,
    PROPOSE_THRESHOLD,
    NameVerdict,
    compare_written_names,
    consonant_skeleton,
)
from civicwatch.core.vocab import Gender, MatchBand, PersonRole

__all__ = [
    "AUTO_MERGE_THRESHOLD",
    "PROPOSE_THRESHOLD",
    "Match",
    "PersonEvidence",
    "band_for",
    "blocking_keys",
    "match_persons",
]

# Roles on the two sides of repression: an official is rarely also the defender in a case.
_STATE_ROLES = frozenset({PersonRole.OFFICIAL})
_CIVIC_ROLES = frozenset(
    {
        PersonRole.ACTIVIST,
        PersonRole.JOURNALIST,
        PersonRole.BLOGGER,
        PersonRole.HUMAN_RIGHTS_DEFENDER,
        PersonRole.LAWYER,
    }
)
_BIRTH_YEAR_TOLERANCE = 1  # "a 34-year-old" gives the birth year only to within a year
# Beyond this many distinct spellings a side is compared through its first ones only, so
# that a person with a long variant list cannot make a comparison quadratic.
_MAX_SPELLINGS = 12
_GIVEN_NAME_KEY_PREFIX = "given:"
_SKELETON_KEY_PREFIX = "consonants:"


@dataclass(frozen=True, slots=True)
class PersonEvidence:
    """What one side knows about a person: every spelling, and context where stated."""

    names: tuple[str, ...]  # every spelling known for one side, canonical first
    gender: Gender = Gender.UNKNOWN  # only when stated; endings are read by the matcher
    born: int | None = None  # birth year if known
    roles: frozenset[PersonRole] = frozenset()
    country: str | None = None  # ISO code if known


@dataclass(frozen=True, slots=True)
class Match:
    score: float  # 0..1
    band: MatchBand
    rule: str  # the deciding rule, see the module docstring
    explanation: str  # one plain-English sentence a reviewer can read


def band_for(score: float) -> MatchBand:
    """The band a score falls in."""
    if score >= AUTO_MERGE_THRESHOLD:
        return MatchBand.SAME
    if score >= PROPOSE_THRESHOLD:
        return MatchBand.POSSIBLE
    return MatchBand.DIFFERENT


def _match(score: float, rule: str, explanation: str) -> Match:
    score = round(min(1.0, max(0.0, score)), 3)
    return Match(score, band_for(score), rule, explanation)


def match_persons(a: PersonEvidence, b: PersonEvidence) -> Match:
    """How sure it is that ``a`` and ``b`` are one individual, and which rule says so."""
    verdict = _compare_spellings(a.names, b.names)
    if band_for(verdict.score) is MatchBand.DIFFERENT:
        return _match(verdict.score, verdict.rule, verdict.explanation)
    names_say = verdict.explanation.rstrip(".")
    if a.born is not None and b.born is not None and abs(a.born - b.born) > _BIRTH_YEAR_TOLERANCE:
        return _match(0.05, "born_conflict", f"{names_say}, but born in {a.born} and {b.born}.")
    gender_a, gender_b = _gender_of(a), _gender_of(b)
    if Gender.UNKNOWN not in (gender_a, gender_b) and gender_a is not gender_b:
        return _match(
            0.05,
            "gender_conflict",
            f"{names_say}, but one is {gender_a.value} and the other {gender_b.value}.",
        )
    score, rule, explanation = verdict.score, verdict.rule, verdict.explanation
    if _roles_conflict(a.roles, b.roles):
        return _match(
            0.1,
            "role_conflict",
            f"{names_say}, but one is recorded as an official and the other as "
            f"{_civic_role(a.roles | b.roles)}.",
        )
    if _countries_differ(a.country, b.country) and score >= AUTO_MERGE_THRESHOLD:
        score, rule = POSSIBLE_CEILING, "country_conflict"
        explanation = (
            f"{names_say}, but the records are from different countries "
            f"({a.country} and {b.country}): a reviewer must confirm."
        )
    return _match(score, rule, explanation)


def _compare_spellings(names_a: Iterable[str], names_b: Iterable[str]) -> NameVerdict:
    """The best agreement over all spelling pairs, unless some pair conflicts."""
    spellings_a, spellings_b = _distinct(names_a), _distinct(names_b)
    if not spellings_a or not spellings_b:
        return NameVerdict("no_match", 0.0, "One side has no name to compare.")
    best: NameVerdict | None = None
    conflict: NameVerdict | None = None
    for name_a in spellings_a:
        for name_b in spellings_b:
            verdict = compare_written_names(name_a, name_b)
            if verdict.rule in CONFLICT_RULES and conflict is None:
                conflict = verdict
            if best is None or verdict.score > best.score:
                best = verdict
    assert best is not None
    if conflict is not None and best.score >= PROPOSE_THRESHOLD:
        return NameVerdict(
            conflict.rule,
            conflict.score,
            conflict.explanation.rstrip(".")
            + f" (although {best.explanation[0].lower()}{best.explanation[1:].rstrip('.')}).",
        )
    return best


def _distinct(names: Iterable[str]) -> list[str]:
    """One spelling per distinct reading: Latin and Cyrillic forms often read the same."""
    seen: dict[tuple[object, ...], str] = {}
    for name in names:
        parsed = parse_name(name)
        if parsed.words:
            seen.setdefault(_reading(parsed), name)
    return list(seen.values())[:_MAX_SPELLINGS]


def _reading(parsed: ParsedName) -> tuple[object, ...]:
    return (
        tuple(sorted(parsed.words)),
        parsed.surname_choices,
        parsed.initials,
        parsed.patronymic,
        parsed.patronymic_initial,
        parsed.gender,
    )


def _gender_of(person: PersonEvidence) -> Gender:
    """The stated gender, or the one all its spellings' endings agree on."""
    if person.gender is not Gender.UNKNOWN:
        return person.gender
    implied = {parse_name(name).gender for name in person.names} - {Gender.UNKNOWN}
    return implied.pop() if len(implied) == 1 else Gender.UNKNOWN


def _roles_conflict(roles_a: frozenset[PersonRole], roles_b: frozenset[PersonRole]) -> bool:
    if roles_a & roles_b:
        return False  # a role in common: an official who became an activist, say

    def one_way(state: frozenset[PersonRole], civic: frozenset[PersonRole]) -> bool:
        return bool(state & _STATE_ROLES) and bool(civic & _CIVIC_ROLES)

    return one_way(roles_a, roles_b) or one_way(roles_b, roles_a)


def _civic_role(roles: frozenset[PersonRole]) -> str:
    civic = sorted(role.label.lower() for role in roles & _CIVIC_ROLES)
    return " or ".join(civic) if civic else "a civil-society member"


def _countries_differ(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.strip().upper() != b.strip().upper())


@lru_cache(maxsize=65536)
def blocking_keys(name: str) -> frozenset[str]:
    """Short keys to find candidate persons for ``name`` in the database.

    Any two names that :func:`match_persons` puts in SAME or POSSIBLE share at least one
    key. Keys come from the words that may be the surname (never from a known given name
    beside a surname): the folded word, the word without its Russian or Turkic ending
    ("tokan" for Tokanov), and for words of five letters or more the word with one letter
    deleted, which two spellings one edit apart always share, and its consonants
    ("consonants:grbnv" for Harbunova and Gorbunova). A given name standing alone
    gets one key of its own ("given:aigerim") that full names never carry, so a lone
    "Aigerim" finds only other lone "Aigerim"s.
    """
    parsed = parse_name(name)
    if not parsed.words:
        return frozenset()
    if parsed.is_lone and is_given_name(parsed.words[0]):
        return frozenset({_GIVEN_NAME_KEY_PREFIX + canonical_given_name(parsed.words[0])})
    keys: set[str] = set()
    for word in parsed.key_words:
        keys |= surname_stems(word)
        if len(word) >= 5:
            keys.update(word[:i] + word[i + 1 :] for i in range(len(word)))
        if skeleton := consonant_skeleton(word):
            keys.add(_SKELETON_KEY_PREFIX + skeleton)
    return frozenset(keys)
