"""Find penalties and measures in Russian-language report text: "приговорил к семи годам
лишения свободы", "оштрафован на 100 МРП", "арестован на 15 суток", "помещен под домашний
арест", "с запретом заниматься журналистской деятельностью на 3 года".

The Russian counterpart of :mod:`civicwatch.extract.outcomes`, with the same results and
conventions: :func:`find_outcomes` returns :class:`OutcomeMention` s whose amounts are the
contract's ("7 years", "6.5 years", "15 days", "100 MCI", "50000 KZT", "20 base units",
"1-2 years"), :func:`find_detentions` brief police detentions (kind ``other``, amount
``"detained"``), :func:`in_local_roubles` reads "рублей" as BYN in a passage about Belarus.

Numbers in words in any case ("к семи годам", "пятнадцать суток", "двух лет", "полтора
года", "два с половиной года") become digits; compound adjectives ("трехлетний запрет",
"10-суточный арест") count as terms when a penalty word follows them. An amount takes the
kind of the nearest penalty word of its clause (``data/ru/penalty_words.tsv``); "условно",
"условный срок" or a probation ("испытательный срок", "пробация") make a prison term
``suspended``, and the probation period stated with it is not a second outcome. Custody in
days is administrative detention, in months pre-trial detention unless a sentence is
spoken of. Terms a person only risks ("грозит до 10 лет", "прокурор запросил 8 лет") are
not outcomes; a year is a date ("в 2021 году"), an age no term ("в возрасте 67 лет"), a
lapse of time ("через пять дней") no term. A sentence in absentia ("заочно") stays a prison
term, as in English. Measures named without an amount (:mod:`.measures`,
``data/ru/penalty_phrases.tsv``) are dropped when the clause already gave their kind with
an amount. Bans keep their own kind with the English wording the contract's ``other``
outcomes use ("3-year ban on journalistic activities", ``data/ru/ban_scopes.tsv``).

Amounts are parsed here into an English amount string and formatted by the English
:func:`~civicwatch.extract.amounts.parse_amount`, so both languages write amounts alike.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from civicwatch.core.vocab import PenaltyKind
from civicwatch.extract.amounts import parse_amount
from civicwatch.extract.lexicon import UPPER, lower, patterns, trie_pattern
from civicwatch.extract.measures import CUSTODY, OutcomeMention
from civicwatch.extract.ru.measures import HYPOTHETICAL, REALIS, clause, find_detentions
from civicwatch.extract.ru.measures import phrase_mentions as _phrase_mentions
from civicwatch.extract.ru.triggers import fold, ru_lexicon

__all__ = ["OutcomeMention", "find_detentions", "find_outcomes", "in_local_roubles"]

# -- words (data/ru/) ----------------------------------------------------------------------

_NUMBERS = patterns("ru/numbers.tsv")
_WORD_VALUE = {w: float(value) for value, forms, _ in _NUMBERS for w in forms.split("|")}
_PREFIX_VALUE = {p: float(value) for value, _, stem in _NUMBERS for p in stem.split("|")}
_UNITS = patterns("ru/units.tsv")
_UNIT_OF = {form: unit for unit, forms, _ in _UNITS for form in forms.split("|")}
_STEM_UNIT = {stem: unit for unit, _, stems in _UNITS for stem in stems.split("|")}
_CURRENCIES = patterns("ru/currencies.tsv")

_NUMW = trie_pattern(set(_WORD_VALUE))
_MULT = r"(?:тысяч\w*|тыс\.|млн\.?|миллион\w*)"
_CUR = "|".join(f"(?:{regex})(?!\\w)" for _, regex in _CURRENCIES)
_DIGITS = (
    rf"(?<![\d.,/])(?<!\d[ \u00a0])(?:\d{{1,3}}(?:[\u00a0\u202f]\d{{3}})+(?!\d)"
    rf"|\d{{1,3}}(?:[ ]\d{{3}})+(?!\d)(?=\s?(?:{_MULT}|{_CUR})|\s*(?:и|или|,|-|–|до)\s*\d)"
    r"|\d+(?:[.,]\d{1,2})?(?![\d/]))(?:-(?:ти|ми|и|х|ух|ех|ью))?"
)
_SUFFIX = r"(?:-(?:ти|ми|и|х|ух|ех|ью))"  # "15-ти суток", "2-х лет"
_parse = lru_cache(maxsize=4096)(parse_amount)  # the same few amounts recur in a document
_HALF = r"(?:\s+с\s+половиной(?!\w))"
_NUMBER = rf"(?:{_DIGITS}|\b{_NUMW}(?:\s+{_NUMW}){{0,2}}(?!\w)){_HALF}?(?:\s*{_MULT})?{_HALF}?"
_TUNIT = rf"(?:{trie_pattern(set(_UNIT_OF))})(?!\w)"
_JOIN = r"(?:\s*(?:-|–|—|,\s*и|,|до|или|и)\s*)"
# "на год", "к году", "от года до двух лет", "год ограничения свободы", "полгода"
_BARE = (
    r"(?:(?:(?<=на\s)|(?<=к\s)|(?<=от\s))(?:год|году|года|месяц|месяцу|месяца|неделю|недели)"
    r"|год(?=\s+(?:лишени|ограничени|колони|тюрьм|заключени|условн|ареста|испытательн|пробаци"
    r"|обязательн|исправительн))|полгода|полугода|полугоду)(?!\w)"
)
_ADJ = (
    rf"(?:(?P<adjn>\d+)-?|(?P<adjw>{trie_pattern(set(_PREFIX_VALUE))}))"
    rf"(?P<adju>{trie_pattern(set(_STEM_UNIT))})\w*"
)
_AMOUNT = re.compile(
    rf"""(?:(?:от|между)\s+)?(?:
    (?P<money>(?:[$€£]\s?{_NUMBER}|{_NUMBER}(?:{_JOIN}{_NUMBER}){{0,6}}?\s*(?:{_CUR})))
    |(?P<time>(?:{_NUMBER}(?:\s*-)?(?:{_JOIN}{_NUMBER}(?:\s*-)?){{0,6}}\s*{_TUNIT}
       |{_BARE}(?:{_JOIN}{_NUMBER}\s*{_TUNIT})?)
      (?:(?:,?\s+и\s+|\s+){_NUMBER}\s*{_TUNIT}){{0,2}})
    |(?P<adj>\b{_ADJ}))""",
    re.VERBOSE,
)
# Where an amount can start: one trie of literal first words (digits, signs, number words,
# "от", bare units, prefixes of compound adjectives), which the engine scans for with a
# first-character set instead of trying the whole amount pattern at every position.
_STARTS = re.compile(
    trie_pattern(
        {*"0123456789$€£", *_WORD_VALUE, *_PREFIX_VALUE, "от", "между", "полгода", "полугода",
         "полугоду", "год", "году", "года", "месяц", "месяцу", "месяца", "неделю", "недели"}
    )
)  # fmt: skip
_TOKEN = re.compile(
    rf"(?P<num>(?:\d+(?:[ \u00a0\u202f]\d{{3}})+(?!\d)|\d+(?:[.,]\d+)?){_SUFFIX}?|{_NUMW}(?!\w))"
    rf"|(?P<mult>{_MULT})|(?P<half>с\s+половиной)|(?P<bare>пол(?:у)?год[ау]?(?!\w))"
    rf"|(?P<range>\b(?:от|между|до)\b|[-–—](?=\s*\w))|(?P<unit>{_TUNIT})|(?P<cur>{_CUR}|[$€£₸₽])"
)
_ADJ_NOUN = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:срок|запрет|лишени|ограничени|заключени|испытательн|условн|пробаци"
    r"|надзор|арест|домашн|колони|тюремн|приговор|административн|обязательн|наказани)"
)


@lru_cache(maxsize=4096)
def _currency_code(word: str) -> str:
    key = " ".join(word.split())
    for code, regex in _CURRENCIES:
        if re.fullmatch(regex, key):
            return code
    return key


def _value(token: str) -> float:
    if token[0].isdigit():
        digits = re.sub(r"[ \u00a0\u202f]", "", token.split("-", 1)[0])
        return float(digits.replace(",", "."))
    return _WORD_VALUE[token]


def _fmt(value: float) -> str:
    value = round(value, 2)
    return str(int(value)) if value == int(value) else str(value)


def _english(span: str) -> str | None:
    """A Russian amount as English words for :func:`parse_amount`: "от года до двух лет" ->
    "from 1 to 2 years", "6 лет и 6 месяцев" -> "6 years and 6 months", "50 000 тенге" ->
    "50000 KZT"."""
    words: list[str] = []
    pending: float | None = None  # a number whose words may still add up ("двадцать пять")
    counted = False  # whether the current unit has its number
    last_end, last_word = 0, False
    for token in _TOKEN.finditer(span):
        if token["num"]:
            value, word = _value(token["num"]), not token["num"][0].isdigit()
            if (
                pending is not None
                and word
                and last_word
                and pending > value
                and not span[last_end : token.start()].strip()
            ):
                pending += value  # "двадцать пять", "сто двадцать"
            else:
                if pending is not None:
                    # "150 и 100 базовых величин": two amounts, not the digits of one
                    words += [_fmt(pending), "and"]
                pending = value
            counted, last_end, last_word = True, token.end(), word
            continue
        last_word = False
        if pending is not None and token["mult"]:
            pending *= 1e6 if token["mult"].startswith(("млн", "миллион")) else 1e3
            continue
        if pending is not None and token["half"]:
            pending += 0.5
            continue
        if pending is not None:
            words.append(_fmt(pending))
            pending = None
        if token["bare"]:
            words.append("6 months")
            counted = False
        elif token["range"]:
            words.append("to" if token["range"] != "от" else "from")
        elif token["unit"]:
            if not counted:
                words.append("1")
            words.append(f"{_UNIT_OF[token['unit']]}s")
            counted = False
        elif token["cur"]:
            words.append(_currency_code(token["cur"]))
    if pending is not None:
        if not any(w.isupper() for w in words):
            return None  # a number without its unit (a currency sign may come first: "$500")
        words.append(_fmt(pending))
    return " ".join(words)


# -- kind words and where they reach --------------------------------------------------

_KIND_WORDS, _KIND_KEYS = ru_lexicon("penalty_words.tsv")
_BAN_SCOPES = [(words, re.compile(regex)) for words, regex in patterns("ru/ban_scopes.tsv")]
_SPECIFIC = frozenset(
    ("restr", "house", "pretrial", "custody_for", "labour", "ban", "postpone", "prison", "admin",
     "fine", "nonpenalty", "supervision", "probation")
)  # fmt: skip


def _kinds(low: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    return [
        (_KIND_KEYS[m.lastgroup or ""], m.start(), m.end())
        for m in _KIND_WORDS.finditer(low, lo, hi)
    ]


# Where one clause hands a second penalty to someone else: "A получил шесть лет, а B - три
# года условно"; a word on one side does not qualify the amount on the other.
_PART_BREAK = re.compile(
    r",\s+(?:а|и|но|однако|тогда\s+как|в\s+то\s+время\s+как)\b|\bно\b|\bоднако\b|\bтогда\s+как\b"
    r"|,\s+[^\s,]+(?:\s+[^\s,]+)?\s+[—–-]\s"
)


_WITH = re.compile(r"\bс\s+$")
_WITH_MEASURES = frozenset(("ban", "fine", "labour", "restr", "supervision"))


def _nearest_kind(low: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """The penalty word nearest to ``low[start:end]`` (words after it count a bit nearer)."""
    best: tuple[float, str | None] = (1e9, None)
    for key, _, word_end in _kinds(low, max(lo, start - 90), start):
        if key in _SPECIFIC:
            best = min(best, (start - word_end, key))
    after = min(hi, end + 60)
    cut = _PART_BREAK.search(low, end, after)
    for key, word_start, _ in _kinds(low, end, cut.start() if cut else after):
        if key in _WITH_MEASURES and _WITH.search(low, max(end, word_start - 3), word_start):
            continue  # "5 лет с запретом ...": a further measure, not this term's kind
        if key in _SPECIFIC:
            best = min(best, ((word_start - end) * 0.6, key))
            break
    return best[1]


def _near(low: str, key: str, lo: int, hi: int) -> bool:
    return any(found == key for found, _, _ in _kinds(low, lo, hi))


def _part(low: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    left, right = max(lo, start - 60), min(hi, end + 60)
    for found in _PART_BREAK.finditer(low, left, start):
        left = found.end()
    after = _PART_BREAK.search(low, end, right)
    return left, after.start() if after else right


def _hypothetical(low: str, lo: int, start: int) -> bool:
    words = list(HYPOTHETICAL.finditer(low, max(lo, start - 250), start))
    if not words:
        return False
    realis = REALIS.search(low, words[-1].end(), start)
    return realis is None or bool(re.search(r"\bбы\b", low[words[-1].start() : realis.start()]))


_UP_TO = re.compile(r"(?:\bдо|\bне\s+более|\bмаксимум|\bвплоть\s+до)\s*$")
_CHANGED_BEFORE = re.compile(
    r"(?:сократ|сокращ|сниз|сниж|смягч|уменьш|увелич|ужесточ|замен|измен|продл)\w*[^.;]{0,80}$"
)
_DURATION_OF = re.compile(
    r"\b(?:прожил|прожива|живет|живут|жил|жила|работал|работает|работают|трудил|учил|преподава"
    r"|ждал|ждет|возглавля|руководи|редактирова|сотруднича|служил|в\s+возрасте|возраст"
    r"|исполнил|исполнится|старше|младше)\w*[^.;,]{0,50}?$"
)
# "студенту, которому 19 лет", "ей было 68 лет": an age
_AGE_BEFORE = re.compile(
    r"(?:\bкотор(?:ому|ой|ым)|\b(?:ему|ей|им)\s+(?:было|будет|исполнилось|исполнится))\s+"
    r"(?:(?:уже|всего|только|лишь|почти|около|более|менее|было|исполнилось)\s+)?$"
)
_AGE_APPOSITION = re.compile(r"\s*,")
_RECEIVED = re.compile(
    r"(?:получил\w*|получа\w*|дали|дал|дала|назначил\w*|присудил\w*|отбыва\w*)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:по\s+)?$"
)
_NOT_A_TERM_AFTER = re.compile(r"\s+(?:назад|от\s+роду)\b")
_NOT_A_FINE_AFTER = re.compile(
    r"\s+(?:в\s+)?(?:качестве\s+)?(?:компенсаци|возмещени|ущерб|залог|моральн|судебн\w*\s+издерж"
    r"|издерж|в\s+пользу|в\s+фонд)"
)
_LAPSE_BEFORE = re.compile(
    r"(?:\b(?:через|спустя|уже|последни[ехм]|прошл\w+|за\s+последни[ех])\s+(?:[\w-]+\s+)?"
    r"|\bза\s+)$"
)
_LAPSE_AFTER = re.compile(r"\s+(?:спустя|назад|тому\s+назад|позже|позднее|ранее)\b")
_TERM_BEFORE = re.compile(r"(?:\bк|\bна|\bсроком|\bсрок|\bпо)\s+$")
_TERM_UP_TO = re.compile(r"\bсрок\w*\s+до\s*$")
# custody in months is a prison term only where a verdict is spoken of ("арест" alone is
# the pre-trial one)
_VERDICT = re.compile(r"приговор|осуди|осужд|наказани")
_PART_OF_TERM = re.compile(r"\s+из\s+")
_PROVISION_BEFORE = re.compile(r"(?:\bст\.|\bстат\w+|\bч\.|\bчаст\w+|\bп\.|\bпункт\w*|№)\s*$")
_YEAR = re.compile(r"(?:от\s+|между\s+)?(?:19|20)\d\d(?!\d)")
_FROM_TO = re.compile(r"(?:от\s+|между\s+)?.*?\bдо\s+(?=\S)")
_WITH_BEFORE = re.compile(r"\bс\s+$")
_TRAVEL = re.compile(r"выезд|выезжать|покидать|за\s+границ|за\s+рубеж|за\s+пределы")
_DAYS = re.compile(r"сут")
_FINED_LIST = re.compile(r"оштрафова\w*(?:[^.;:\d]|(?<=\b\w)\.){0,200}$")
_EACH_AFTER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:каждо\w+|с\s+каждого)\b")
_RESPECTIVELY = re.compile(r"[^.;]{0,60}?\bсоответственно\b")


def _classify(low: str, start: int, end: int, money: bool, unit: str) -> str | None:
    """The group of an amount at ``low[start:end]`` (a key of ``_GROUP_KIND``), or None."""
    lo, hi = clause(low, start, end)
    up_to = _UP_TO.search(low, max(lo, start - 16), start) and not _CHANGED_BEFORE.search(
        low, max(lo, start - 100), start
    )
    if _hypothetical(low, lo, start) or (
        up_to and not _TERM_UP_TO.search(low, max(lo, start - 20), start)
    ):
        return None
    if (
        _DURATION_OF.search(low, max(lo, start - 70), start)
        or _AGE_BEFORE.search(low, max(lo, start - 40), start)
        or (unit == "year" and _AGE_APPOSITION.match(low, end) and low[start - 2 : start] == ", ")
    ):
        # "проживает в Алматы более восьми лет", "в возрасте 67 лет", "которому 19 лет",
        # "Юрий Ковшик, 41 год, инженер"
        return None
    if not money and _PART_OF_TERM.match(low, end):
        return None  # "отбыл два года из пяти": time served
    group = _nearest_kind(low, start, end, lo, hi)
    if up_to and group not in ("custody_for", "pretrial", "house"):
        return None  # "на срок до двух месяцев" is a term only of a measure ordered
    if money:
        if (
            group != "fine"
            and _EACH_AFTER.match(low, end)
            and _FINED_LIST.search(low, max(0, start - 220), start)
        ):
            group = "fine"
        return "fine" if group == "fine" and not _NOT_A_FINE_AFTER.match(low, end) else None
    if group in (None, "fine", "nonpenalty"):
        if unit == "day" and _DAYS.search(low, start, end):
            return "admin"  # "15 суток": in these reports days of custody
        received = unit in ("year", "month") and bool(
            _RECEIVED.search(low, max(lo, start - 40), start)
        )
        if (not received or _NOT_A_TERM_AFTER.match(low, end)) and not _near(
            low, "sentence", max(lo, start - 90), min(hi, end + 40)
        ):
            return None
        group = "prison"
    if group == "probation":  # "пробационный надзор на три года"
        return "susp" if unit in ("year", "month") else None
    if group == "custody_for":  # "арестован на 15 суток" / "на два месяца"
        return "admin" if unit in ("day", "week") else None if unit == "hour" else "pretrial"
    if group in ("prison", "admin"):
        if unit in ("day", "week"):
            return "admin"
        if unit == "hour":
            return None
        if group == "admin" and unit == "month" and not _VERDICT.search(low, lo, hi):
            return "pretrial"
        part_lo, part_hi = _part(low, start, end, lo, hi)
        if _near(low, "susp", part_lo, part_hi) or _near(low, "probation", part_lo, part_hi):
            return "susp"
        return "prison"
    if group == "ban" and _TRAVEL.search(low, max(lo, start - 60), min(hi, end + 40)):
        return "travel"
    return group


_GROUP_KIND = {
    "prison": PenaltyKind.PRISON, "susp": PenaltyKind.SUSPENDED,
    "restr": PenaltyKind.RESTRICTED_FREEDOM, "fine": PenaltyKind.FINE,
    "admin": PenaltyKind.ADMIN_DETENTION, "house": PenaltyKind.HOUSE_ARREST,
    "pretrial": PenaltyKind.PRETRIAL_DETENTION, "labour": PenaltyKind.PUBLIC_LABOUR,
    "ban": PenaltyKind.ACTIVITY_BAN, "travel": PenaltyKind.TRAVEL_BAN,
    "postpone": PenaltyKind.OTHER, "supervision": PenaltyKind.OTHER,
}  # fmt: skip
_PROBATION = "probation"  # the detail of a term of probation


def _detail(low: str, kind: PenaltyKind, amount: str | None, start: int, end: int) -> str | None:
    """The contract's wording of an ``other`` outcome ("3-year ban on journalistic
    activities", "200 hours public labour", "travel ban for 2 years")."""
    if kind is PenaltyKind.PUBLIC_LABOUR:
        return f"{amount} public labour" if amount else "public labour"
    if kind is PenaltyKind.TRAVEL_BAN:
        return "travel ban" + (f" for {amount}" if amount else "")
    if kind is not PenaltyKind.ACTIVITY_BAN:
        return None
    head = "ban"
    if amount:
        number, unit = amount.split(" ", 1)
        head = f"{number}-{unit.rstrip('s')} ban"
    lo, hi = clause(low, start, end)
    bans = [s for key, s, _ in _kinds(low, max(lo, start - 90), min(hi, end + 60)) if key == "ban"]
    if not bans:
        return head
    word = min(bans, key=lambda position: abs(position - start))
    for words, scope in _BAN_SCOPES:
        if scope.search(low, word, min(hi, max(word, end) + 80)):
            return f"{head} on {words}"
    return head


def _amount_mentions(text: str, low: str) -> list[OutcomeMention]:
    found: list[OutcomeMention] = []
    reached = 0
    for start in _STARTS.finditer(low):
        position = start.start()
        if position < reached or (
            position
            and (
                low[position - 1].isalnum()
                or (low[position - 1] in ".,/" and low[position].isdigit())
            )
        ):
            continue  # inside a word, a number or an amount already read
        match = _AMOUNT.match(low, position)
        if match is None:
            continue
        reached = match.end()
        if _PROVISION_BEFORE.search(low, max(0, position - 16), position):
            continue  # "по ч. 2 ст. 342 к 3 годам": the article is no amount
        if match["time"] and _YEAR.match(low, position):
            continue  # "в 2021 году": a date
        if match["adj"] and not _ADJ_NOUN.match(low, match.end()):
            continue  # "67-летний пенсионер": an age, never a term
        if (
            not match["money"]
            and (
                _LAPSE_BEFORE.search(low, max(0, position - 30), position)
                or _LAPSE_AFTER.match(low, match.end())
            )
            and not _TERM_BEFORE.search(low, max(0, position - 10), position)
        ):
            continue  # "через пять дней", "два года спустя"
        mention = _amount_mention(low, match)
        if mention:
            found.append(mention)
    found = _without_probation_periods(low, _merge_equivalents(low, found))
    found = sorted(found + _gapped(text, found), key=lambda m: (m.start, m.end))
    return _merge_respectively(low, found)


def _amount_mention(low: str, match: re.Match[str]) -> OutcomeMention | None:
    start, end = match.span()
    if match["adj"]:
        value = float(match["adjn"]) if match["adjn"] else _PREFIX_VALUE[match["adjw"]]
        english: str | None = f"{value:g} {_STEM_UNIT[match['adju']]}s"
    else:
        changed = _FROM_TO.match(low, start, end)
        if changed and (
            _WITH_BEFORE.search(low, max(0, start - 4), start)
            or _CHANGED_BEFORE.search(low, max(0, start - 100), start)
        ):
            start = changed.end()  # "снизил срок с семи до пяти лет": the term it became
        english = _english(low[start:end])
    if english is None:
        return None
    amount, amounts = _parse(english)
    if amount is None and not amounts:
        return None
    money = match["money"] is not None
    unit = "money" if money else (amount or amounts[0]).split(" ", 1)[1].rstrip("s")
    group = _classify(low, start, end, money, unit)
    if group is None:
        return None
    kind = _GROUP_KIND[group]
    if group == "postpone":
        return OutcomeMention(start, end, kind, f"sentence postponed {amount or ''}".strip())
    if group == "supervision":
        if amount is None or unit not in ("year", "month"):
            return None
        return OutcomeMention(start, end, kind, f"{amount} administrative supervision")
    if (
        amounts
        and not _RESPECTIVELY.match(low, end, end + 80)
        and not re.search(r"\b(?:и|или)\b", match.group())
    ):
        return None
    detail = _detail(low, kind, amount, start, end)
    lo, hi = clause(low, start, end)
    if kind is PenaltyKind.SUSPENDED and _nearest_kind(low, start, end, lo, hi) == "probation":
        detail = _PROBATION
    return OutcomeMention(start, end, kind, amount, amounts, detail)


# "три года условно с испытательным сроком два года": one sentence, suspended
_WITH_PROBATION = re.compile(r"[^.;]{0,60}?(?:\bс\b|,)[^.;]{0,40}$")


def _without_probation_periods(low: str, found: list[OutcomeMention]) -> list[OutcomeMention]:
    """A probation period stated with a prison term is that term's, suspended: one outcome."""
    result: list[OutcomeMention] = []
    for mention in found:
        previous = result[-1] if result else None
        if (
            previous is not None
            and mention.detail == _PROBATION
            and previous.kind in (PenaltyKind.PRISON, PenaltyKind.SUSPENDED)
            and _WITH_PROBATION.fullmatch(low, previous.end, mention.start)
            and not _PART_BREAK.search(low, previous.end, mention.start)
        ):
            result[-1] = replace(previous, kind=PenaltyKind.SUSPENDED)
            continue
        result.append(mention)
    return result


_EQUIVALENT_GAP = re.compile(
    r"\s*(?:(?:каждо\w+|с\s+каждого)\s*)?[(\[,–—-]?\s*(?:(?:около|примерно|приблизительно|порядка"
    r"|почти|более|свыше|или|т\.\s?е\.|то\s+есть|~|что|это|составляет|эквивалентно|в\s+эквиваленте"
    r"|по\s+курсу)\s*){0,4}"
)


def _merge_equivalents(low: str, found: list[OutcomeMention]) -> list[OutcomeMention]:
    """ "3000 сомов (около 32 евро)" is one fine: the amount first stated is kept."""
    result: list[OutcomeMention] = []
    for mention in found:
        if result and mention.kind is result[-1].kind is PenaltyKind.FINE:
            previous = result[-1]
            gap = low[previous.end : mention.start]
            if len(gap) < 40 and _EQUIVALENT_GAP.fullmatch(gap):
                result[-1] = replace(previous, end=mention.end)
                continue
        result.append(mention)
    return result


# "Иванов приговорен к 12 годам колонии, Петров - к 10, Сидоров - к восьми": the unit and
# kind of the first term carry over to the numbers after another name and "к".
_GAPPED = re.compile(
    rf"[^,;.\d]{{0,40}}?(?:,|;|\bи\b)\s*(?:и\s+)?(?:[{UPPER}][\w’'‘.-]*\s+){{1,3}}?(?:[—–-]\s+)?"
    rf"(?:к|на)\s+(?P<n>{_NUMBER})(?!\s*(?:{_TUNIT}|%|процент))(?=\s*(?:,|;|\.|\bи\b|$))"
)
_GAPPED_KINDS = frozenset(
    {PenaltyKind.PRISON, PenaltyKind.SUSPENDED, PenaltyKind.RESTRICTED_FREEDOM,
     PenaltyKind.ADMIN_DETENTION}
)  # fmt: skip


def _gapped(text: str, found: list[OutcomeMention]) -> list[OutcomeMention]:
    gapped: list[OutcomeMention] = []
    for mention in found:
        if mention.kind not in _GAPPED_KINDS or mention.amount is None or " " not in mention.amount:
            continue
        unit = mention.amount.split(" ", 1)[1].rstrip("s")
        position, limit = mention.end, min(len(text), mention.end + 120)
        while (match := _GAPPED.match(text, position, limit)) is not None:
            number = _english(lower(match["n"]) + " год")
            amount, _ = _parse(f"{number.split(' ')[0]} {unit}s") if number else (None, ())
            if amount is None:
                break
            gapped.append(OutcomeMention(match.start("n"), match.end("n"), mention.kind, amount))
            position = match.end()
    return gapped


def _merge_respectively(low: str, found: list[OutcomeMention]) -> list[OutcomeMention]:
    """ "к пяти и семи годам соответственно" -> one mention, two amounts."""
    result: list[OutcomeMention] = []
    for mention in found:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.kind is mention.kind
            and re.fullmatch(r"\s*(?:,|и|,\s*и|или)\s*", low[previous.end : mention.start])
            and _RESPECTIVELY.match(low, mention.end, mention.end + 80)
        ):
            amounts = (previous.amounts or (previous.amount,)) + (
                mention.amounts or (mention.amount,)
            )
            result[-1] = OutcomeMention(
                previous.start, mention.end, mention.kind, None, amounts, mention.detail
            )
            continue
        result.append(mention)
    return result


def find_outcomes(text: str, low: str | None = None) -> list[OutcomeMention]:
    """Penalties and measures in Russian ``text``, in order of position (``low``: the
    lower-cased text, when the caller has it)."""
    low = fold(lower(text) if low is None else low)
    with_amount = _amount_mentions(text, low)
    starts = [mention.start for mention in with_amount]
    result = list(with_amount)
    for mention in _phrase_mentions(low):
        near = with_amount[
            bisect.bisect_left(starts, mention.start - 200) : bisect.bisect_right(
                starts, mention.end + 200
            )
        ]
        if not any(_covers(low, other, mention) for other in near):
            result.append(mention)
    result.sort(key=lambda mention: (mention.start, mention.end))
    return result


def _covers(low: str, other: OutcomeMention, mention: OutcomeMention) -> bool:
    """Whether ``other`` (with an amount) already reports ``mention``'s measure."""
    if other.start < mention.end and mention.start < other.end:
        return True
    if mention.kind in CUSTODY and mention.end <= other.start <= mention.end + 40:
        return not re.search(r"[.!?;](?=\s|$)|\n", low[mention.end : other.start])
    if other.kind is not mention.kind:
        return False
    if other.kind is PenaltyKind.FINE and _FINED_LIST.match(low, mention.start, other.start):
        return True  # "оштрафовал А., Б. и В. на 30 МРП каждого"
    lo, hi = clause(low, mention.start, mention.end, reach=160)
    return lo <= other.start and other.end <= hi


# -- roubles -------------------------------------------------------------------------------

# Belarusian reports write their own roubles as plain "рублей": in a passage about Belarus
# they are BYN, unless the text says Russian ones.
_RUSSIAN_ROUBLES = re.compile(r"российск\w*\s+рубл|\brub\b|₽")


def in_local_roubles(
    low: str, mentions: list[OutcomeMention], country_at: Callable[[int], str | None]
) -> list[OutcomeMention]:
    """Fines in "рублей" read as Belarusian roubles where the passage is about Belarus
    (``country_at`` gives the country of a position, as for the English finder)."""

    def local(amount: str | None) -> str | None:
        return amount[: -len("RUB")] + "BYN" if amount and amount.endswith(" RUB") else amount

    low = fold(low)
    result = []
    for mention in mentions:
        if (
            mention.kind is PenaltyKind.FINE
            and any(a and a.endswith(" RUB") for a in (mention.amount, *mention.amounts))
            and country_at(mention.start) == "BY"
            and not _RUSSIAN_ROUBLES.search(low, mention.start, mention.end + 1)
        ):
            mention = replace(
                mention,
                amount=local(mention.amount),
                amounts=tuple(local(a) for a in mention.amounts),
            )
        result.append(mention)
    return result
