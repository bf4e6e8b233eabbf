"""Person names in Russian text, reduced to the nominative.

Russian declines names: "осудили Марата Жыланбаева", "в отношении Жыланбаева",
"Айгерим Нурлановой назначили штраф". The finder reports the same :class:`NameMention`
as the English one, with ``name`` in the nominative and in the order written ("Марат
Жыланбаев", "Айгерим Нурланова", "Петров Сергей Иванович"), so that the forms of one
person cluster by name. Initials forms are named surname first ("М.А. Жыланбаев" and
"Жыланбаева М.А." are "Жыланбаев М.А.").

A run of capitalised Cyrillic words (with initials and the particles "уулу", "кызы"...)
is cut at words that are no name parts: words the dictionary knows only as ordinary words
("Суд", "Верховный", "Генеральная"), places and organisations (its Geox/Orgn readings,
the gazetteer, the ``exclude`` spans), role words, all-caps words (codes and headings:
"УК", "РК"), and the stop words of ``data/ru/name_words.tsv``. Each word is read by
pymorphy3 (its dictionary readings tagged Name/Surn/Patr), by the listed given names of
the region (``data/ru/names_given.tsv``) and, for words the dictionary does not know, by
the declension classes of ``data/ru/name_endings.tsv`` (-ов/-ова, -ский/-ская, -енко,
-уулу...). One gender and one case is chosen for the whole name, the one its words agree
on best, helped by the word before (a preposition, an agreeing "активистку") and after (a
verb "заявила" whose subject it is); each word is then put in the nominative of that
reading.

A single word is reported (``full=False``) only as a surname: when the dictionary or its
shape makes it one, or when it is, in the nominative, the surname of a full name found in
the same text. A lone given name is not reported.

How a word reads and which reading a whole name takes is :mod:`.name_forms`; the analyses
are cached per word, and only capitalised words are looked up.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from civicwatch.extract.lexicon import lower as lower_text
from civicwatch.extract.names import NameMention
from civicwatch.extract.ru.name_forms import (
    Reading,
    Word,
    analyse,
    by_endings,
    choose,
    context,
    name_words,
    no_bonus,
    previous_word,
    title_case,
)
from civicwatch.extract.ru.roles import is_role_word, title_before

__all__ = ["NameMention", "find_names"]


# -- the finder ------------------------------------------------------------------------
def _cyrillic(predicate: str) -> str:
    return "".join(chr(c) for c in range(0x400, 0x530) if getattr(chr(c), predicate)())


_UP, _LO = _cyrillic("isupper"), _cyrillic("islower")


@dataclass(frozen=True, slots=True)
class _Patterns:
    run: re.Pattern[str]
    token: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    particle = "|".join(sorted(name_words("particle"), key=len, reverse=True))
    initial = "|".join(sorted(name_words("initial"), key=len, reverse=True))
    # Initials first ("Дж." is not the word "Дж"); words and parts are bounded in length, and
    # a run starts only at a word start, so a long run of capitals is scanned once.
    token = (
        rf"(?:(?:{initial}|[{_UP}])\.(?:[ \u00a0]?(?:{initial}|[{_UP}])\.){{0,2}}"
        rf"|[{_UP}][{_LO}]{{1,40}}(?:-(?:[{_UP}][{_LO}]{{1,40}}|{particle})){{0,3}}"
        rf"|[{_UP}]{{2,40}}(?:-[{_UP}]{{2,40}}){{0,2}}"
        rf"|(?:{particle})(?![{_LO}]))"
    )
    run = re.compile(rf"(?<![\w.-])(?>{token})(?:[ \u00a0](?>{token})){{0,11}}(?![\w-])")
    return _Patterns(run, re.compile(token))


@cache
def _place_words() -> frozenset[str]:
    from civicwatch.extract.places import gazetteer

    return frozenset(s for s in gazetteer() if " " not in s and s[:1] in _UP)


@cache
def _heads() -> re.Pattern[str]:
    stems = "|".join(sorted(name_words("head"), key=len, reverse=True))
    return re.compile(rf"[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?(?:{stems})[а-яё]*(?![\w-])")


_OPEN_QUOTES = frozenset("\"“«„'‘")
_CLOSE_QUOTES = frozenset("\"”»“'’")


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    kind: str  # "word", "weak", "initial", "particle", "caps", "common", "stop"
    word: Word | None = None


@dataclass(frozen=True, slots=True)
class _Single:
    """A word standing alone, to be reported if it is a surname."""

    token: _Token
    particle: bool = False  # "Сабыр уулу": the father's name and the particle
    genitive: bool = False  # right before another name


def find_names(
    text: str,
    exclude: Sequence[tuple[int, int]] = (),
    low: str | None = None,
) -> list[NameMention]:
    """Person-name mentions in Russian ``text``, in order, never overlapping and never in an
    ``exclude`` span (places and organisations, sorted by start).

    Full names (``full=True``) are named in the nominative; single words (``full=False``)
    only when they are surnames, named as the full name they belong to has them."""
    low = lower_text(text) if low is None else low
    starts = [span[0] for span in exclude]
    full: list[NameMention] = []
    singles: list[_Single] = []
    surnames: set[str] = set()
    lower_words = _LowerWords(text)
    for run in _patterns().run.finditer(text):
        tokens = [
            _token(text, m.start(), m.end(), m.group(), starts, exclude)
            for m in _patterns().token.finditer(text, run.start(), run.end())
        ]
        _settle(text, tokens, singles, lower_words)
        segment: list[_Token] = []
        for token in [*tokens, None]:
            if token is not None and token.kind != "stop":
                segment.append(token)
                continue
            for mention, family in _judge(text, low, segment, singles) if segment else ():
                full.append(mention)
                surnames.update(family)
            segment = []
    mentions = full + _lone(low, singles, surnames)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _token(
    text: str,
    start: int,
    end: int,
    written: str,
    starts: list[int],
    exclude: Sequence[tuple[int, int]],
) -> _Token:
    if written.endswith("."):
        return _Token(start, end, written, "initial")
    if written[:1].islower():
        return _Token(start, end, written, "particle")
    if _excluded(starts, exclude, start, end) or written in name_words("stop"):
        return _Token(start, end, written, "stop")
    if written in _place_words() or is_role_word(written):
        return _Token(start, end, written, "stop")
    if written.replace("-", "").isupper():
        return _Token(start, end, written, "caps", analyse(title_case(written)))
    word = analyse(written)
    if word.common:
        return _Token(start, end, written, "common", word)
    return _Token(start, end, written, "word" if word.strong else "weak", word)


def _excluded(starts: list[int], spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    if not spans:
        return False
    position = bisect.bisect_right(starts, start) - 1
    return position >= 0 and spans[position][0] <= start < spans[position][1]


def _settle(
    text: str, tokens: list[_Token], singles: list[_Single], lower_words: _LowerWords
) -> None:
    """Decide the all-caps and dictionary words of a run by their neighbours.

    An all-caps word is a name part only beside a written name ("ЖЫЛАНБАЕВ Марат"), never
    in a heading. An ordinary word that the text never writes in lower case is a surname
    beside a given name ("Кассым-Жомарт Токаев", "Сергей Соловей") and a given name the
    dictionary does not know right before a surname ("Канат Абенов"); alone it may still
    be the surname of a full name of the text."""
    for index, token in enumerate(tokens):
        previous = tokens[index - 1] if index else None
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        neighbours = [t for t in (previous, following) if t is not None]
        if token.kind == "caps":
            beside_name = any(n.kind == "word" for n in neighbours)
            token.kind = "word" if beside_name and token.word and token.word.strong else "stop"
        elif token.kind == "common" and token.word is not None:
            token.kind = "stop"
            if token.text.lower() in lower_words:
                continue
            shaped = [r for r in token.word.readings if r.weight >= 1.0]
            after_next = tokens[index + 2] if index + 2 < len(tokens) else None
            if (
                _patronymic(previous)
                or _patronymic(following)
                or (following is not None and _given_name(following) and _patronymic(after_next))
                or (
                    token.word.readings
                    and following is not None
                    and following.kind == "initial"
                    and (after_next is None or after_next.kind in ("stop", "particle"))
                )
            ):
                # "Юрий Анатольевич Ковшик", "Темиру Саматовичу", "Ковшик Юрий Анатольевич",
                # "Ковшик Ю.А.": beside a patronymic or before initials, a word the
                # dictionary knows otherwise (a noun, a place) is the surname or given name
                readings = token.word.readings or tuple(by_endings(token.text))
                fallback = Reading(None, None, token.text, 0.2, "fixed")
                token.word = Word((*readings, fallback), False, True, False)
                token.kind = "word"
            elif (shaped and any(_given_name(n) for n in neighbours)) or (
                token.word.readings and previous is not None and _given_name(previous)
            ):
                # "Кассым-Жомарт Токаев", "Токаев Кассым-Жомарт", "Сергей Соловей" (a noun
                # only after the given name: before it, it starts the sentence)
                token.kind = "word"
            elif (
                following is not None
                and following.word is not None
                and following.word.surname
                and following.kind == "word"
                and token.word.readings
                and not _sentence_start(text, token.start)
            ):
                token.kind = "weak"
                fallback = Reading(None, None, token.text, 0.2, "fixed")
                token.word = Word((*by_endings(token.text), fallback), False, False, False)
            elif token.word.readings and not any(n.kind in ("word", "weak") for n in neighbours):
                singles.append(_Single(token))


def _patronymic(token: _Token | None) -> bool:
    return (
        token is not None
        and token.kind in ("word", "weak")
        and token.word is not None
        and bool(_PATRONYMIC_FORM.search(token.text))
        and any(r.kind == "patronymic" for r in token.word.readings)
    )


def _given_name(token: _Token) -> bool:
    return (
        token.kind in ("word", "weak")
        and token.word is not None
        and any(r.kind == "given" for r in token.word.readings)
    )


def _sentence_start(text: str, start: int) -> bool:
    """Whether a word starts a sentence, a line or a quotation (and so is capitalised
    whatever it is)."""
    index = start - 1
    while index >= 0 and text[index] in " \u00a0\t":
        index -= 1
    return index < 0 or text[index] in '.!?:;\n\r«"“„(–—-•*'


class _LowerWords:
    """The words a text writes in lower case, read on first use."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: frozenset[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = frozenset(_LOWER_WORD.findall(self.text))
        return word in self.words


_LOWER_WORD = re.compile(r"(?<![\w-])[а-яё]+(?![\w-])")
# a patronymic in any case: the word after it is the surname, known to the dictionary or not
_PATRONYMIC_FORM = re.compile(r"(?:ович|евич|овн|евн|ичн)[а-я]{0,3}$")


def _judge(
    text: str,
    low: str,
    segment: list[_Token],
    singles: list[_Single],
) -> list[tuple[NameMention, list[str]]]:
    """The full names of a segment of a run; single words go to ``singles``."""
    while segment and segment[0].kind == "particle":
        segment = segment[1:]
    # an unknown word at an edge of a longer name is what the name is attached to
    # ("корреспондент Радио Азаттык Марат Жыланбаев"), or a place after "в"
    while (
        len(segment) > 2
        and segment[0].kind == "weak"
        # "Нурсулу Абдыкадыр кызы": the given name before the father's name and particle
        and not (len(segment) == 3 and segment[-1].kind == "particle")
    ):
        segment = segment[1:]
    while (
        len(segment) > 2
        and segment[-1].kind == "weak"
        and not _PATRONYMIC_FORM.search(segment[-2].text)  # "Дмитрий Николаевич Сущеня"
    ):
        segment = segment[:-1]
    if (
        segment
        and segment[0].kind == "weak"
        and previous_word(low, segment[0].start) in name_words("place_preposition")
    ):
        segment = segment[1:]
    # "Алмалинский районный суд", "Ауэзовского района": the name of a court, a district
    while (
        segment
        and segment[-1].kind in ("word", "weak")
        and (segment[-1].kind == "weak" or _adjectival(segment[-1].text))
        and _heads().match(low, segment[-1].end)
    ):
        segment = segment[:-1]
    if not any(t.kind in ("word", "weak") for t in segment):
        return []
    start, end = segment[0].start, segment[-1].end
    if start and text[start - 1] in _OPEN_QUOTES and text[end : end + 1] in _CLOSE_QUOTES:
        return []  # a title in quotes, not a person
    if _named_after(low, start):
        return []  # "ул. Жандосова", "проспект Назарбаева", "школа имени Абая"
    found = []
    parts = _partition(segment)
    for index, part in enumerate(parts):
        named = [t for t in part if t.kind in ("word", "weak")]
        # a name right before another one is its genitive: "брат Марата Жыланбаева Ерлан"
        genitive = index + 1 < len(parts)
        if len(part) == 1:
            singles.append(_Single(part[0], False, genitive))
        elif len(named) == 1 and len(part) == 2 and part[-1].kind == "particle":
            word = named[0]
            token = _Token(part[0].start, part[1].end, word.text, "word", word.word)
            singles.append(_Single(token, True))
        elif len(named) <= 4 and (
            any(t.kind == "word" for t in named) or part[-1].kind == "particle"
        ):
            found.append(_full(low, part, part[0].start, part[-1].end, genitive))
    return found


def _analysed(part: Sequence[_Token]) -> list[Word | None]:
    """The words of a name as :func:`_choose` reads them; the father's name before "уулу"
    or "кызы" does not decline."""
    out: list[Word | None] = []
    for index, token in enumerate(part):
        if token.kind in ("initial", "particle"):
            out.append(None)
        elif index + 1 < len(part) and part[index + 1].kind == "particle":
            fixed = Reading(None, None, title_case(token.text), 1.0, "surname")
            out.append(Word((fixed,), False, True, True))
        elif part[-1].kind == "particle" and token.kind == "weak":
            # a given name the dictionary does not know, in a name with "уулу"/"кызы":
            # Kyrgyz and Kazakh names are often left undeclined
            fixed = Reading(None, None, title_case(token.text), 0.5, "given")
            out.append(Word((fixed,), False, False, False))
        else:
            out.append(token.word)
    return out


def _quality(part: Sequence[_Token]) -> float:
    """How well the tokens read as one person's name: agreement, at most one given name,
    surname and patronymic, one group of initials; a lone word only if a surname."""
    total, _, _, chosen = choose(_analysed(part), no_bonus)
    kinds = [r.kind for r in chosen if r is not None and r.kind != "fixed"]
    repeats = sum(max(0, kinds.count(kind) - 1) for kind in ("given", "surname", "patronymic"))
    groups = sum(
        1
        for i, t in enumerate(part)
        if t.kind == "initial" and (i == 0 or part[i - 1].kind != "initial")
    )
    total -= 1.5 * (repeats + max(0, groups - 1))
    if kinds[:2] == ["surname", "given"] and "patronymic" not in kinds:
        total -= 0.3  # "Петрова Анна": the official order comes with a patronymic
    if len(part) == 1 and not (part[0].word and part[0].word.surname):
        total -= 2.0
    return total


def _clean(segment: list[_Token]) -> bool:
    """Whether a segment reads as one name without doubt: every word read in one gender
    and case, no second given name, surname or patronymic, at most one group of initials."""
    if sum(1 for t in segment if t.kind == "initial") > 1:
        return False
    _, _, _, chosen = choose(_analysed(segment), no_bonus)
    kinds = [
        reading.kind if reading is not None else "missing"
        for reading, token in zip(chosen, segment, strict=True)
        if token.kind in ("word", "weak")
    ]
    if "missing" in kinds or "fixed" in kinds:
        return False
    return all(kinds.count(kind) < 2 for kind in ("given", "surname", "patronymic"))


def _partition(segment: list[_Token]) -> list[list[_Token]]:
    """Cut a segment into the names it holds: "Брат Марата Жыланбаева Ерлан Жыланбаев",
    "адвокат Жыланбаева Айгерим Нурланова" are two people side by side, told apart by
    case and by a name having one surname."""
    if sum(1 for t in segment if t.kind in ("word", "weak")) < 2 or _clean(segment):
        return [segment]
    size = len(segment)
    best: list[tuple[float, int]] = [(0.0, -1)] + [(float("-inf"), -1)] * size
    for end in range(1, size + 1):
        for begin in range(end):
            part = segment[begin:end]
            if part[0].kind == "particle" or all(t.kind in ("initial", "particle") for t in part):
                continue
            if best[begin][0] == float("-inf"):
                continue
            score = best[begin][0] + _quality(part) - (0.5 if begin else 0.0)
            if score > best[end][0] + 1e-9:
                best[end] = (score, begin)
    if best[size][0] == float("-inf"):
        return [segment]
    parts, end = [], size
    while end > 0:
        begin = best[end][1]
        parts.append(segment[begin:end])
        end = begin
    return parts[::-1]


def _named_after(low: str, start: int) -> bool:
    """Whether the word before ``start`` names a street or a place after the person."""
    end = start
    while end > 0 and low[end - 1] in " \u00a0":
        end -= 1
    begin = end
    while begin > 0 and not low[begin - 1].isspace() and end - begin < 12:
        begin -= 1
    return end < start and low[begin:end] in name_words("named_after")


def _adjectival(word: str) -> bool:
    return word.lower().endswith(
        ("ский", "ская", "ского", "ской", "скому", "скую", "ским", "ском", "цкий", "цкого")
    )


def _full(
    low: str, segment: list[_Token], start: int, end: int, genitive: bool = False
) -> tuple[NameMention, list[str]]:
    """The nominative name of a segment, and its surname(s) in the nominative."""
    analysed = _analysed(segment)
    _, _, _, chosen = choose(analysed, context(low, start, end, genitive))
    parts, initials, family = [], [], []
    for token, reading in zip(segment, chosen, strict=True):
        if token.kind == "initial":
            initials.append(token.text.replace(" ", "").replace("\u00a0", ""))
        elif token.kind == "particle":
            parts.append(token.text)
        else:
            written = reading.nominative if reading is not None else title_case(token.text)
            parts.append(written)
            if reading is not None and reading.kind == "surname":
                family.append(written)
    named = [
        p
        for t, p in zip([t for t in segment if t.kind != "initial"], parts, strict=True)
        if t.kind != "particle"
    ]
    if not family and named:
        family.append(named[-1] if not initials else named[0])
    name = " ".join([*parts, "".join(initials)] if initials else parts)
    title = None if genitive else title_before(low, start)
    return NameMention(start, end, name, True, False, title), family


def _lone(low: str, singles: list[_Single], surnames: set[str]) -> list[NameMention]:
    """Single words that are surnames: of a full name of the text, or by their shape.

    A word the dictionary knows as an ordinary word is one after a title ("президент
    Токаев"), and then also where it stands alone elsewhere ("Токаев заявил")."""
    titled = [
        single
        for single in singles
        if single.token.word is not None
        and single.token.word.common
        and title_before(low, single.token.start)
    ]
    for single in titled:
        mention = _surname(low, single, surnames, shaped=True)
        if mention is not None:
            surnames.add(mention.name)
    found = []
    for single in singles:
        mention = _surname(low, single, surnames)
        if mention is not None:
            found.append(mention)
    return found


def _surname(
    low: str, single: _Single, surnames: set[str], shaped: bool = False
) -> NameMention | None:
    token, word = single.token, single.token.word
    if word is None:
        return None
    if single.particle:  # "Сабыр уулу": the father's name with the particle, as written
        return NameMention(token.start, token.end, token.text, False)
    known = [r for r in word.readings if r.nominative in surnames]
    if not known and (word.surname or shaped):
        known = [r for r in word.readings if r.kind == "surname" and r.weight >= 1.0]
    if not known:
        return None
    _, _, _, chosen = choose(
        [replace(word, readings=tuple(known))],
        context(low, token.start, token.end, single.genitive),
    )
    reading = chosen[0] or max(known, key=lambda r: r.weight)
    title = None if single.genitive else title_before(low, token.start)
    return NameMention(token.start, token.end, reading.nominative, False, False, title)
