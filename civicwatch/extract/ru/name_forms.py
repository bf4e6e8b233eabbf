"""How names are written in Russian: the readings of one word and of a whole name.

A capitalised word is read by pymorphy3 (its dictionary readings tagged Name/Surn/Patr,
put in the nominative of their gender), by the listed given names of the region
(``data/ru/names_given.tsv``) and, for words the dictionary does not know, by the
declension classes of ``data/ru/name_endings.tsv`` (-ов/-ова, -ский/-ская, -енко,
-уулу...): each :class:`Reading` is a gender and case with the nominative it gives.
:func:`choose` then picks one gender and case for all words of a name, the one they agree
on best, helped by the words around it (:func:`context`): a preposition or an agreeing
"активистку" before it, a verb "заявила" whose subject it is after it.

Every analysis is cached per word (the dictionary is loaded once, from its PyPI package:
nothing is downloaded).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import product

import pymorphy3
import pymorphy3_dicts_ru

from civicwatch.core.vocab import Gender
from civicwatch.extract.lexicon import read_tsv

__all__ = [
    "CASES",
    "Bonus",
    "Reading",
    "Word",
    "analyse",
    "by_endings",
    "cases_of",
    "choose",
    "context",
    "morph",
    "name_words",
    "no_bonus",
    "nominative",
    "previous_word",
    "title_case",
]

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_GENDERS = ("masc", "femn")
_COMBOS = tuple(product(_GENDERS, CASES))
_CASE_ALIASES = {"gen1": "gent", "gen2": "gent", "acc2": "accs", "loc1": "loct", "loc2": "loct"}
_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
_KINDS = {"Name": "given", "Surn": "surname", "Patr": "patronymic"}
# Weights of readings: a listed given name outweighs any dictionary reading (1 + its
# probability), which outweighs a surname shape (1.0), a given-name shape (0.5) and a word
# kept as written (0.2).
_LISTED = 2.1


@cache
def morph() -> pymorphy3.MorphAnalyzer:
    """The Russian analyser, loaded once from the dictionary package (no download)."""
    return pymorphy3.MorphAnalyzer(path=pymorphy3_dicts_ru.get_path(), lang="ru")


# -- reading one word ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a written word: gender and case (``None``: any), its nominative."""

    gender: str | None
    case: str | None
    nominative: str
    weight: float
    kind: str  # "given", "surname", "patronymic" or "fixed" (kept as written)

    def fits(self, gender: str, case: str) -> bool:
        return (self.gender is None or self.gender == gender) and (
            self.case is None or self.case == case
        )


@dataclass(frozen=True, slots=True)
class Word:
    """What a capitalised word can be as part of a name."""

    readings: tuple[Reading, ...]
    common: bool  # the dictionary knows it only as an ordinary word, a place or a body
    strong: bool  # a name by the dictionary, the given-name list or a surname shape
    surname: bool  # may stand alone as a surname
    # the heaviest reading in each gender and case of _COMBOS (made once: names are
    # judged in every gender and case)
    best: tuple[Reading | None, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        best = []
        for gender, case in _COMBOS:
            fitting = [r for r in self.readings if r.fits(gender, case)]
            best.append(max(fitting, key=lambda r: r.weight) if fitting else None)
        object.__setattr__(self, "best", tuple(best))


@dataclass(frozen=True, slots=True)
class _Class:
    kind: str
    lone: bool
    stem: re.Pattern[str]
    endings: dict[str, tuple[str, ...] | None]  # gender -> endings by case; None: fixed


@cache
def _classes() -> tuple[_Class, ...]:
    classes = []
    for row in read_tsv("ru/name_endings.tsv"):
        kind, lone, stems = row[0].strip(), row[1].strip() == "yes", row[2].split()
        endings: dict[str, tuple[str, ...] | None] = {}
        for gender, cell in zip(_GENDERS, row[3:5], strict=True):
            cell = cell.strip()
            if cell == "*":
                endings[gender] = None
            elif cell != "x":
                endings[gender] = tuple("" if e == "-" else e for e in cell.split())
        stem = re.compile(rf"^[^\W\d_]{{2,}}(?:{'|'.join(stems)})$")
        classes.append(_Class(kind, lone, stem, endings))
    return tuple(classes)


@cache
def name_words(kind: str) -> frozenset[str]:
    return frozenset(
        word for row in read_tsv("ru/name_words.tsv") if row[0] == kind for word in row[1].split()
    )


@cache
def _given() -> dict[str, str]:
    """Listed given names (nominative, lower case) and their gender."""
    return {
        word.lower(): row[0].strip()
        for row in read_tsv("ru/names_given.tsv")
        for word in row[1].split()
    }


def _recase(written: str, lemma: str) -> str:
    """``lemma`` spelt with the capitals of ``written`` ("Марата", "марат" -> "Марат")."""
    if "ё" not in written.lower():
        lemma = lemma.replace("ё", "е")
    lowered = written.lower()
    common = 0
    while common < min(len(lemma), len(written)) and lowered[common] == lemma[common]:
        common += 1
    return written[:common] + lemma[common:]


def by_endings(token: str) -> list[Reading]:
    """Readings of a word by the declension classes of ``name_endings.tsv``."""
    lowered, readings = token.lower(), []
    given = _given()
    for cls in _classes():
        weight = 1.0 if cls.kind != "given" else 0.5
        for gender, endings in cls.endings.items():
            if endings is None:
                if cls.stem.match(lowered):
                    readings.append(Reading(gender, None, token, weight, cls.kind))
                continue
            for case, ending in zip(CASES, endings, strict=True):
                if not lowered.endswith(ending):
                    continue
                stem = token[: len(token) - len(ending)]
                if cls.stem.match(stem.lower()):
                    readings.append(Reading(gender, case, stem + endings[0], weight, cls.kind))
    # a listed given name in any of its forms
    for reading in list(readings):
        if reading.kind == "given" and given.get(reading.nominative.lower()) == reading.gender:
            readings.append(replace(reading, weight=_LISTED))
    if lowered in given and not any(
        r.weight == _LISTED and r.nominative == token for r in readings
    ):
        # "Сауле", "Толгонай", "Жулдыз": names of the region that Russian does not decline
        readings.append(Reading(given[lowered], None, token, _LISTED, "given"))
    return readings


@lru_cache(maxsize=65536)
def analyse(token: str) -> Word:
    """What a capitalised word (title case, "-" joining parts) can be as a name part."""
    if "-" in token:
        return _hyphenated(token)
    lowered = token.lower()
    analyser = morph()
    readings = [r for r in by_endings(token) if r.weight == _LISTED]  # listed given names
    if not analyser.word_is_known(lowered):
        readings = [*by_endings(token), Reading(None, None, token, 0.2, "fixed")]
        return Word(
            tuple(readings),
            common=False,
            strong=any(
                r.kind != "given" or r.weight == _LISTED for r in readings if r.kind != "fixed"
            ),
            surname=any(r.kind == "surname" for r in readings),
        )
    named = surnames = places = plural = 0.0
    for parse in analyser.parse(lowered):
        if len(parse.methods_stack) != 1:
            continue  # guessed, not read from the dictionary
        tag = parse.tag
        kinds = _NAME_TAGS & tag.grammemes
        if not kinds:
            places += parse.score if {"Geox", "Orgn"} & tag.grammemes else 0.0
            continue
        kind = _KINDS[min(kinds)]
        gender = tag.gender if tag.gender in _GENDERS else None
        if "plur" in tag and "Fixd" not in tag:
            plural += parse.score  # "Дильнар": read as a plural; the singular is unknown
            if not any(r.kind == kind and r.case is None for r in readings):
                readings.append(Reading(gender, None, token, 0.6, kind))
            continue
        named += parse.score
        surnames += parse.score if kind == "surname" else 0.0
        case = _CASE_ALIASES.get(str(tag.case), str(tag.case))
        if "Fixd" in tag:  # an indeclinable reading yields to a declined one on a tie
            readings.append(Reading(gender, case, token, 0.95 + parse.score, kind))
            continue
        form = parse.inflect({"nomn"}) or parse
        readings.append(Reading(gender, case, _recase(token, form.word), 1.0 + parse.score, kind))
    listed = any(r.weight == _LISTED for r in readings)
    if places > named + plural and not listed:
        readings = []  # "Алматы", "Дархан" the city: a place first
    if not readings:
        # an ordinary word; beside a given name a surname with a surname's shape ("Токаев"
        # is also the genitive plural of "токай") or in the noun's forms ("Соловей")
        shaped = [r for r in by_endings(token) if r.kind == "surname"]
        for parse in analyser.parse(lowered) if not places else ():
            tag = parse.tag
            if tag.POS == "NOUN" and "sing" in tag and len(parse.methods_stack) == 1:
                gender = tag.gender if tag.gender in _GENDERS else None
                case = _CASE_ALIASES.get(str(tag.case), str(tag.case))
                form = parse.inflect({"nomn"}) or parse
                shaped.append(Reading(gender, case, _recase(token, form.word), 0.4, "surname"))
        return Word(tuple(shaped), common=True, strong=False, surname=False)
    # a name word may be another kind of name than the dictionary says: a rare given name
    # with a surname's shape ("Алерина") or a surname it does not know ("Анну Баран")
    if not surnames:
        readings += [replace(r, weight=0.9) for r in by_endings(token) if r.kind == "surname"]
    readings.append(Reading(None, None, token, 0.2, "fixed"))
    return Word(tuple(readings), common=False, strong=True, surname=surnames >= 0.3)


def _hyphenated(token: str) -> Word:
    """ "Кассым-Жомарт", "Римского-Корсакова", "Сабыр-уулу": parts read alike."""
    parts = token.split("-")
    if any(part.lower() in name_words("particle") for part in parts[1:]):
        return Word((Reading(None, None, token, 1.0, "surname"),), False, True, True)
    words = [analyse(part) if part[:1].isupper() else None for part in parts]
    options = [
        list(word.readings) if word and word.readings else [Reading(None, None, part, 0.2, "fixed")]
        for word, part in zip(words, parts, strict=True)
    ]
    readings: dict[tuple[str | None, str | None, str], Reading] = {}
    for combination in product(*options):
        genders = {r.gender for r in combination} - {None}
        cases = {r.case for r in combination} - {None}
        if len(genders) > 1 or len(cases) > 1:
            continue
        gender, case = next(iter(genders), None), next(iter(cases), None)
        nominative = "-".join(r.nominative for r in combination)
        weight = sum(r.weight for r in combination) / len(combination)
        kind = next((r.kind for r in reversed(combination) if r.kind != "fixed"), "fixed")
        key = (gender, case, nominative)
        if key not in readings or readings[key].weight < weight:
            readings[key] = Reading(gender, case, nominative, weight, kind)
    return Word(
        tuple(readings.values()),
        common=all(word is None or word.common for word in words),
        strong=any(word is not None and word.strong for word in words),
        surname=words[-1] is not None and words[-1].surname,
    )


def nominative(word: str, gender: Gender | None = None) -> str:
    """The nominative of one name word ("Жыланбаева" -> "Жыланбаев", or "Жыланбаева"
    with ``Gender.FEMALE``); the word as written when nothing reads it."""
    wanted = (
        None
        if gender in (None, Gender.UNKNOWN)
        else ("femn" if gender is Gender.FEMALE else "masc")
    )
    best: Reading | None = None
    for reading in analyse(title_case(word)).readings:
        if wanted is not None and reading.gender not in (None, wanted):
            continue
        if best is None or reading.weight > best.weight:
            best = reading
    return best.nominative if best is not None else word


def title_case(token: str) -> str:
    """An all-caps word in title case ("ЖЫЛАНБАЕВ" -> "Жыланбаев"); others as written."""
    if token.isupper() and len(token) > 1:
        return "-".join(part.capitalize() for part in token.split("-"))
    return token


# -- choosing one reading for a whole name ----------------------------------------------
Bonus = Callable[[str, str], float]


def no_bonus(gender: str, case: str) -> float:
    """No preference from the context."""
    return 0.0


def choose(
    words: Sequence[Word | None], bonus: Bonus
) -> tuple[float, str, str, list[Reading | None]]:
    """The gender and case the words agree on best, and each word's reading in it.
    A word with no reading in that gender and case costs a point (it stays as written)."""
    best: tuple[float, str, str, list[Reading | None]] | None = None
    for index, (gender, case) in enumerate(_COMBOS):
        total = bonus(gender, case)
        chosen: list[Reading | None] = []
        for word in words:
            reading = word.best[index] if word is not None else None
            if word is not None:
                total += reading.weight if reading is not None else -1.0
            chosen.append(reading)
        if best is None or total > best[0] + 1e-9:
            best = (total, gender, case, chosen)
    assert best is not None
    return best[0], best[1], best[2], _one_surname(words, best[1], best[2], best[3])


def _one_surname(
    words: Sequence[Word | None], gender: str, case: str, chosen: list[Reading | None]
) -> list[Reading | None]:
    """Two surnames and no patronymic: the first of them that can be a patronymic is one.
    Kazakh and Kyrgyz patronymics ("Ержанович") end like Belarusian surnames ("-вич"),
    and "Канат Ержанович Кокумбаев" is one man, not "Канат Ержанович" and a second."""
    kinds = [reading.kind if reading is not None else None for reading in chosen]
    if kinds.count("surname") < 2 or "patronymic" in kinds:
        return chosen
    for index, (word, reading) in enumerate(zip(words, chosen, strict=True)):
        if word is None or reading is None or reading.kind != "surname":
            continue
        for other in word.readings:
            if other.kind == "patronymic" and other.fits(gender, case):
                return [*chosen[:index], other, *chosen[index + 1 :]]
    return chosen


_WORD = re.compile(r"[^\W\d_][\w-]*\.?")


@lru_cache(maxsize=65536)
def cases_of(written: str) -> frozenset[str]:
    """The cases a written name (one or more words) can be in; all when nothing says."""
    words = [
        analyse(title_case(m.group()))
        for m in _WORD.finditer(written)
        if m.group()[:1].isupper() and not m.group().endswith(".")
    ]
    found = set()
    for index, (_, case) in enumerate(_COMBOS):
        if all(
            (reading := word.best[index]) is not None
            and (reading.kind != "fixed" or len(word.readings) == 1)
            for word in words
        ):
            found.add(case)
    return frozenset(found) or frozenset(CASES)


@dataclass(frozen=True, slots=True)
class _Hint:
    agree: frozenset[tuple[str | None, str]]  # an animate noun or adjective before it
    oblique: bool  # a preposition before it
    genitive: bool  # an inanimate noun before it ("дело Жыланбаева")
    subject: str | None  # gender of a past-tense verb after it ("Нурланова заявила")


@lru_cache(maxsize=16384)
def _before_hint(word: str) -> _Hint:
    agree, oblique, genitive = set(), False, False
    for parse in morph().parse(word):
        tag = parse.tag
        if parse.score < 0.05:
            continue
        if tag.POS == "PREP":
            oblique = True
        elif tag.POS in ("ADJF", "PRTF") or (tag.POS == "NOUN" and "anim" in tag):
            if "sing" in tag and tag.case:
                gender = tag.gender if tag.gender in _GENDERS else None
                agree.add((gender, _CASE_ALIASES.get(str(tag.case), str(tag.case))))
        elif tag.POS == "NOUN" and parse.score >= 0.3:
            genitive = True
    return _Hint(frozenset(agree), oblique, genitive, None)


@lru_cache(maxsize=16384)
def _after_hint(word: str) -> tuple[str, bool] | None:
    """The gender a word after a name gives it, and whether only as a subject: a past-tense
    verb ("Нурланова заявила") or a predicative adjective ("признал X виновной")."""
    parses = [p for p in morph().parse(word) if p.score >= 0.05]
    tag = parses[0].tag
    if tag.POS == "VERB" and "past" in tag and "sing" in tag and tag.gender in _GENDERS:
        return str(tag.gender), True
    genders = {str(p.tag.gender) for p in parses if p.tag.POS in ("ADJF", "PRTF")}
    if tag.POS in ("ADJF", "PRTF") and len(genders) == 1 and genders <= set(_GENDERS):
        return genders.pop(), False
    return None


def previous_word(low: str, start: int) -> str:
    """The lower-case word before ``start`` with only spaces between ("" if none)."""
    end = start
    while end > 0 and low[end - 1] in " \u00a0":
        end -= 1
    begin, floor = end, max(0, end - 30)
    while begin > floor and low[begin - 1].isalpha():
        begin -= 1
    if end == start or (begin and (low[begin - 1].isalnum() or low[begin - 1] == "-")):
        return ""
    return low[begin:end]


_NEXT = re.compile(r"[ \u00a0]+([а-яёәғқңөұүһі]+)(?![\w-])")


def context(low: str, start: int, end: int, genitive: bool = False) -> Bonus:
    """Preferences from the words around a name (``low``: the lower-cased text)."""
    previous = previous_word(low, start)
    following = _NEXT.match(low, end)
    hint = _before_hint(previous) if previous else None
    subject = _after_hint(following.group(1)) if following else None

    def bonus(gender: str, case: str) -> float:
        score = 0.0
        if hint is not None:
            for agreed_gender, agreed_case in hint.agree:
                if agreed_case == case:
                    score = max(score, 0.6 if agreed_gender in (None, gender) else 0.3)
            if hint.oblique and case != "nomn":
                score += 0.3
            if hint.genitive and case == "gent":
                score += 0.3
        if subject is not None and subject[0] == gender and (case == "nomn" or not subject[1]):
            score += 0.4 if subject[1] else 0.3
        if genitive and case == "gent":
            score += 0.35
        return score

    return bonus
