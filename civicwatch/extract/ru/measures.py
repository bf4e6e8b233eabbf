"""Measures named without an amount in Russian-language reports ("оправдан",
"заключен под стражу", "помещен под домашний арест", "оштрафован", "вышел на свободу"),
brief police detentions ("задержан", "доставлен в отдел полиции"), the clause around a
position and the words that make a term or measure only possible.

The Russian counterpart of :mod:`civicwatch.extract.measures` (and of the modality lists
of :mod:`civicwatch.extract.outcome_terms`). Phrases are data (``data/ru/penalty_phrases.tsv``,
``detentions.tsv``, ``modality.tsv``); what makes one wished for, earlier or brief
("требуют освободить", "ранее неоднократно", "отпустили через несколько часов") is the
grammar here. Patterns are for lower-cased text with "е" for "ё"
(:func:`civicwatch.extract.ru.triggers.fold`).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from civicwatch.core.vocab import PenaltyKind
from civicwatch.extract.lexicon import lower, patterns
from civicwatch.extract.measures import OutcomeMention
from civicwatch.extract.ru.triggers import compile_lexicon, fold, ru_lexicon

__all__ = ["HYPOTHETICAL", "REALIS", "clause", "find_detentions", "phrase_mentions"]

# -- modality and clauses ------------------------------------------------------------------

_MODALITY = patterns("ru/modality.tsv")
HYPOTHETICAL, _ = compile_lexicon([("h", [r for k, r in _MODALITY if k == "hypothetical"])])
REALIS, _ = compile_lexicon([("r", [r for k, r in _MODALITY if k == "realis"])])

# "ст.", "ч.", "п.", initials: a full stop after them ends no clause
_ABBREVIATIONS = frozenset(
    {"ст", "ч", "п", "пп", "г", "гг", "руб", "тыс", "млн", "им", "ул", "обл", "р-н", "т", "д", "см"}
)


def _abbreviation(low: str, stop: int) -> bool:
    if low[stop] != ".":
        return False
    word_start = stop
    while word_start > 0 and (low[word_start - 1].isalpha() or low[word_start - 1] == "-"):
        word_start -= 1
    word = low[word_start:stop]
    return len(word) == 1 or word in _ABBREVIATIONS


_STOP = re.compile(r"[.;](?=[ \n])|[?!](?= )|\n")


@lru_cache(maxsize=4)
def _stops(low: str) -> list[int]:
    """Where clauses end in ``low``: full stops (not those of abbreviations), semicolons,
    question and exclamation marks, line ends. Cached: every amount asks for its clause."""
    return [m.start() for m in _STOP.finditer(low) if not _abbreviation(low, m.start())]


def clause(low: str, start: int, end: int, reach: int = 160) -> tuple[int, int]:
    """Bounds of the clause around ``low[start:end]`` (up to a full stop, a semicolon or a
    line end, at most ``reach`` characters each side)."""
    stops = _stops(low)
    lo, hi = max(0, start - reach), min(len(low), end + reach)
    before = bisect.bisect_left(stops, start) - 1
    left = stops[before] + 1 if before >= 0 and stops[before] >= lo else lo
    after = bisect.bisect_left(stops, end)
    right = stops[after] if after < len(stops) and stops[after] <= hi else hi
    if right == hi == len(low) and low.endswith((".", ";", "!", "?"), end, hi):
        right = hi - 1
    return left, right


# -- measures named without an amount ------------------------------------------------------


_Phrase = tuple[PenaltyKind, str | None, str | None]


def _phrases() -> tuple[list[_Phrase], re.Pattern[str], dict[str, str]]:
    entries: list[_Phrase] = []
    branches: list[tuple[str, tuple[str]]] = []
    for kind, amount, check, regex in patterns("ru/penalty_phrases.tsv"):
        entry = (
            PenaltyKind(kind),
            None if amount == "-" else amount,
            None if check == "-" else check,
        )
        if entry not in entries:
            entries.append(entry)
        branches.append((str(entries.index(entry)), (regex,)))
    pattern, keys = compile_lexicon(branches)
    return entries, pattern, keys


_PHRASES, _PHRASE_RE, _PHRASE_KEYS = _phrases()
_FINE_BEFORE = re.compile(
    r"(?:назначил|назначен|наложил|наложен|выписал|получил|присудил|административн|крупн|заплатит"
    r"|уплатит|оплатит|в\s+виде|заменил|заменен)\w*\s+(?:[\w-]+\s+)?$"
)
_FINE_AFTER = re.compile(r"\s+(?:в\s+размере|на\s+сумму|размером|от\s+\d)")
_NOT_REAL = re.compile(
    r"(?:\bпризва\w*|\bпризыва\w*|\bтребова\w*|\bтребу\w+|\bпотребова\w*|\bдобива\w+|\bнастаива\w+"
    r"|\bпрос(?:ил|ила|или|ит|ят|ьба|ьбу|ьбой)|\bходатайств\w*|\bдолж(?:ен|на|ны|но)|\bнадея\w*"
    r"|\bнадеют\w*|\bнадежд\w*|\bхоч\w+|\bхот(?:ят|ел|ела|ели)|\bесли|\bбы|\bчтобы|\bмогут"
    r"|\bможет|\bмогл\w*|\bгроз\w+|\bриск\w*|\bвместо|\bожида\w+|\bнамерен\w*|\bсобира\w+"
    r"|\bпланиру\w+)\s+(?:\S+\s+){0,4}$"
    r"|\b(?:не|ни)\s+(?:был[аио]?\s+|стал[аи]?\s+)?$"
)
_NOT_REAL_FAR = re.compile(
    r"(?:\bпризва\w*|\bпризыва\w*|\bтребова\w*|\bтребу\w+|\bпотребова\w*|\bходатайств\w*"
    r"|\bпрос(?:ил|ила|или|ит|ят)\b|\bзапроси\w*|\bотказа\w*)[^.;:!?]*$"
)
_CONTRAST = re.compile(r"\b(?:но|однако|а|зато|вместо\s+этого)\b")
_PRIOR = re.compile(
    r"(?:\bранее|\bпрежде|\bнеоднократно|\bдважды|\bтрижды|\bнесколько\s+раз|\bв\s+прошлом)\s+"
    r"(?:\S+\s+){0,2}$"
)
_BRIEF = re.compile(
    r"[^.;]{0,40}?(?:через\s+(?:несколько\s+|пару\s+|[\w-]+\s+)?час\w*|спустя\s+(?:несколько\s+"
    r"|пару\s+|[\w-]+\s+)?час\w*|после\s+(?:допроса|беседы|составления\s+(?:административного\s+)?"
    r"протокол\w*|установления\s+личности|дактилоскопии)|без\s+(?:предъявления\s+)?(?:обвинени"
    r"|протокол)\w*|в\s+тот\s+же\s+день|тем\s+же\s+(?:вечером|днем)|той\s+же\s+ночью|в\s+ту\s+же\s+ночь)"
)
# left a colony or prison: a term served, however soon after a court's decision
_SERVED_IN = re.compile(r"колони|тюрьм|заключени|лишения\s+свободы")
_QUESTIONED_BEFORE = re.compile(
    r"(?:после\s+(?:допроса|беседы|составления\s+протокол\w*)|через\s+(?:несколько\s+)?час\w*)"
    r"[^.;]{0,30}$"
)
_NOT_FROM_CUSTODY = re.compile(
    r"\s+от\s+(?:должности|занимаемой|обязанност\w*|работы|уплаты|штраф\w*|налог\w*)"
)
_HOUSE = re.compile(r"домашн\w*\s+арест\w*")
# "из-под домашнего ареста", "отменил меру пресечения в виде домашнего ареста"
_FROM_HOUSE = re.compile(
    r"(?:из-(?:под\s+)?|(?:отмени|отменен|сня|окончани)\w*\s+(?:[\w-]+\s+){0,4}?)$"
)


def _unreal(low: str, lo: int, start: int) -> bool:
    """Whether the words before ``start`` make the measure wished for or hypothetical."""
    if _NOT_REAL.search(low, max(lo, start - 60), start):
        return True
    far = _NOT_REAL_FAR.search(low, max(lo, start - 100), start)
    return (
        far is not None
        and not any(
            not re.search(r"\bбы\b", low[far.start() : found.start()])
            for found in REALIS.finditer(low, far.end(), start)
        )
        and not _CONTRAST.search(low, far.end(), start)
    )


def _moved_to_house_arrest(low: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether a release next to house arrest is a move into it ("освобожден из СИЗО под
    домашний арест") rather than a release from it ("из-под домашнего ареста")."""
    return any(
        not _FROM_HOUSE.search(low, max(0, found.start() - 20), found.start())
        for found in _HOUSE.finditer(low, max(lo, start - 100), min(hi, end + 100))
    )


def phrase_mentions(low: str) -> list[OutcomeMention]:
    found: list[OutcomeMention] = []
    for match in _PHRASE_RE.finditer(low):
        kind, amount, check = _PHRASES[int(_PHRASE_KEYS[match.lastgroup or ""])]
        start, end = match.span()
        if check == "fine" and not (
            _FINE_BEFORE.search(low, max(0, start - 40), start) or _FINE_AFTER.match(low, end)
        ):
            continue
        lo, hi = clause(low, start, end, reach=120)
        if _unreal(low, lo, start):
            continue
        if kind in (PenaltyKind.RELEASED, PenaltyKind.PRISON, PenaltyKind.ADMIN_DETENTION) and (
            _PRIOR.search(low, max(lo, start - 40), start)
        ):
            continue  # "ранее неоднократно задерживался": an earlier measure
        if kind is PenaltyKind.RELEASED and (
            (_BRIEF.match(low, end, end + 60) and not _SERVED_IN.search(match.group()))
            or _QUESTIONED_BEFORE.search(low, max(0, start - 40), start)
            or _NOT_FROM_CUSTODY.match(low, end)
            or ("домашн" not in match.group() and _moved_to_house_arrest(low, lo, hi, start, end))
        ):
            continue  # let go after a few hours, relieved of a post, or moved to house arrest
        if kind is PenaltyKind.HOUSE_ARREST and _FROM_HOUSE.search(low, max(lo, start - 30), start):
            continue
        detail = amount
        if kind is PenaltyKind.TRAVEL_BAN:
            amount = None  # the fixed words are the contract's description, not an amount
        elif kind is PenaltyKind.PUBLIC_LABOUR:
            detail = "public labour"
        found.append(OutcomeMention(start, end, kind, amount, (), detail))
    return found


# -- brief police detentions -----------------------------------------------------------

_FOR_AMOUNT = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?на\s+(?:[\w,.-]+\s+){0,3}?(?:сут|дн|день|недел|месяц|год|лет|полгода)"
)


def find_detentions(text: str, low: str | None = None) -> list[OutcomeMention]:
    """Police detentions ("задержан", "полицейские задержали", "доставлен в отдел
    полиции") as kind ``other`` with amount ``"detained"``. Detentions for a stated term
    ("арестован на 15 суток") are outcomes of
    :func:`civicwatch.extract.ru.outcomes.find_outcomes` instead."""
    low = fold(lower(text) if low is None else low)
    pattern, _ = ru_lexicon("detentions.tsv")
    found: list[OutcomeMention] = []
    for match in pattern.finditer(low):
        start, end = match.span()
        if _NOT_REAL.search(low, max(0, start - 60), start) or _FOR_AMOUNT.match(
            low, end, end + 80
        ):
            continue
        if _THEN_HELD.search(low, end, _clause_end(low, end)):
            # "задержана 14 апреля и с тех пор содержалась в СИЗО": held for trial
            found.append(OutcomeMention(start, end, PenaltyKind.PRETRIAL_DETENTION, None, (), None))
            continue
        found.append(OutcomeMention(start, end, PenaltyKind.OTHER, "detained", (), "detained"))
    return found


# custody that follows a detention in the same sentence: a pre-trial detention
_THEN_HELD = re.compile(
    r"(?:содерж\w*|находи\w*|помещ\w*|водворен\w*|остава\w*|оста\w*)\s+(?:\w+\s+){0,2}?"
    r"(?:в\s+сизо|под\s+страж\w*|в\s+следственн\w+\s+изолятор\w*)"
)


def _clause_end(low: str, start: int) -> int:
    """Where the sentence that ``start`` is in ends (at most 300 characters on)."""
    stop = low.find(". ", start, start + 300)
    return stop if stop != -1 else min(len(low), start + 300)
