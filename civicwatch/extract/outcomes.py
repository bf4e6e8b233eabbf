"""Find penalties and measures in report text: "sentenced to seven years in prison",
"fined the equivalent of 140 EUR", "locked up for 15 days", "placed under house arrest",
"a three-year ban on public activities", "five- and 10-days' detention, respectively".

``find_outcomes(text)`` returns :class:`OutcomeMention` s. Amounts follow the extraction
contract: digits and a unit ("7 years", "6 months", "15 days", "100 hours", "140 EUR",
"1.5 years", ranges "60-200 EUR"); qualifiers ("more than", "around") are dropped;
currencies are ISO codes (``EUR``, ``USD``, ``KZT``, ``RUB``, ``BYN``, ``KGS`` for som, ``TJS``
for somoni, ``AZN`` for manat, ``UZS`` for sum, ...) and ``MCI``. When a sum is given in a
local currency with a converted figure after it ("3,000 som (about 32 EUR)"), the amount
first stated is kept. A year next to a term is a date ("sentenced in 2017 to seven years"),
and a lapse of time ("five days later", "two weeks after the raid") is not a term.

How an amount gets its kind: the nearest penalty word around it in the same clause wins
("seven years in prison", "a ban ... for three years", "one year of restricted freedom");
"suspended", "conditional" or "probation" next to a prison term make it ``suspended``;
custody counted in days is administrative detention, in months or years prison (or
pre-trial detention when the words say so). A sum of money is a fine only next to a fine
word. Terms a person only risks ("faces up to ten years", "prosecutors asked for seven")
are not outcomes.

Measures without an amount ("acquitted", "placed under house arrest", "fined",
"released") are found by phrase, and dropped when the same clause already gave the kind
with an amount. Releases after a few hours of police custody are not outcomes; brief
police detentions are returned by :func:`find_detentions` (kind ``other``, amount
``"detained"``, the annotation convention). Whether such a detention counts next to a
penalty in the same event is the assembler's decision.

For a "respectively" list ``amount`` is ``None`` and ``amounts`` holds the values in order.
Kinds outside the contract (activity ban, public labour, travel ban, compulsory treatment)
keep their own ``kind``; ``contract_amount`` gives the annotators' wording for them
("100 hours public labour", "3-year ban on public and political activities").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace

from civicwatch.core.vocab import PenaltyKind
from civicwatch.extract.amounts import (
    AGE_AFTER,
    AMOUNT,
    CUR_POST,
    NUMBER,
    STARTS,
    SYMBOL_START,
    SYMBOLS,
    TUNIT,
    UNIT_WORDS,
    parse_amount,
)
from civicwatch.extract.lexicon import UPPER, lower
from civicwatch.extract.measures import (
    CUSTODY,
    OutcomeMention,
    clause,
    find_detentions,
    phrase_mentions,
)
from civicwatch.extract.outcome_terms import HYPOTHETICAL as _HYPOTHETICAL
from civicwatch.extract.outcome_terms import KIND_KEYS as _KIND_KEYS
from civicwatch.extract.outcome_terms import KIND_WORDS as _KIND_WORDS
from civicwatch.extract.outcome_terms import REALIS as _REALIS

__all__ = [
    "OutcomeMention",
    "find_detentions",
    "find_outcomes",
    "in_local_roubles",
    "parse_amount",
]


# -- kind words --------------------------------------------------------------------------

_CLAUSE_END = re.compile(r"[.!?;](?=\s|$)|\n")
_TRAVEL = re.compile(r"\bleav(?:e|ing)\b|\btravel|\babroad\b|\bexit")
_BAN_SCOPE = re.compile(
    r"(?:\bban\s+on|\b(?:banned|barred|prohibited)\s+(?:\w+\s+){0,2}?from|\bright\s+to)\s+"
    r"(?:(?:engaging|engage|participating|taking\s+part)\s+in\s+)?"
    r"(?P<scope>[^,.;()\d]{3,80}?)(?=\s+for\b|\s*[,.;()]|\s+and\s+(?:\d|a\b|an\b)|$)"
)
_RESPECTIVELY = re.compile(r"[^.;]{0,60}?\brespectively\b")
_UP_TO = re.compile(r"\bup\s+to\s*$")
# "received nine and seven years, respectively": a term received or given is a prison term
_RECEIVED = re.compile(r"\b(?:received|receiving|got|given|handed(?:\s+down)?)\s+(?:each\s+)?$")
_NOT_A_TERM_AFTER = re.compile(r"\s+(?:of|ago|old)\b")
# "ordered to pay 90,000 KZT in compensation" is not a fine
_NOT_A_FINE_AFTER = re.compile(
    r"\s+(?:in|as|for)\s+(?:\w+\s+)?(?:damages|compensation|costs|court\s+fees|bail)\b"
)
# "Five days later", "two weeks after the raid": a lapse of time, not a term (but "jailed
# for 10 days after the rally" is one)
_LAPSE_AFTER = re.compile(r"\s+(?:later|earlier|after(?:wards)?|before(?:hand)?|ago|prior)\b")
# How long someone has lived, worked or waited somewhere is not a term.
_DURATION_OF = re.compile(
    r"\b(?:lived|living|lives|worked|working|works|studied|taught|waited|campaigned|"
    r"known|headed|led|run|edited|been\s+(?:living|working|active|based))\b[^.;]{0,50}?"
    r"\bfor\s+(?:(?:more\s+than|over|about|almost|nearly|some|around|the\s+past)\s+)?$"
)
_TERM_BEFORE = re.compile(r"\b(?:for|to|of|with|served|serve|serving|spent|get|got)\s+$")
# "who is serving five years": the term being served is a prison term ("had served seven
# months" is time served, not a term)
_SERVING = re.compile(r"\bserving\s+(?:a\s+|an\s+|his\s+|her\s+|their\s+)?$")
# "in 2017 to seven years": a year is a date, never the start of a range of terms
_YEAR_NUMBER = re.compile(
    rf"(?:(?:from|between)\s+)?(?:19|20)\d\d(?![\d,.])(?!\s*-?\s*(?:{TUNIT}|{CUR_POST}))"
)
_HYPOTHETICAL_REACH = 250
_PART_OF_TERM = re.compile(
    r"\s+of\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?(?:sentence|term|prison\s+term)\b"
)
_PROVISION_BEFORE = re.compile(
    r"\b(?:articles?|art\.|arts\.|parts?|par\.|paragraphs?|points?|§)\s*$"
)
# "fined A, B and C - 30 MCI each": a sum stated after the names the fine word governs
# (initials inside the list keep their full stops: "Utepov A.Zh.")
_FINED_LIST = re.compile(r"\bfined\b(?:[^.;:\d]|(?<=\b[a-z])\.|(?<=\b[a-z]{2})\.){0,200}$")
_EACH_AFTER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:each|apiece|per\s+person)\b")
_SPECIFIC = frozenset(
    ("restr", "house", "pretrial", "custody_for", "labour", "ban", "postpone", "prison", "admin",
     "fine", "nonpenalty", "supervision", "probation")
)  # fmt: skip


def _kinds(low: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    return [
        (_KIND_KEYS[m.lastgroup or ""], m.start(), m.end())
        for m in _KIND_WORDS.finditer(low, lo, hi)
    ]


def _nearest_kind(low: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """The penalty word nearest to ``low[start:end]`` (words after it count a bit nearer)."""
    best: tuple[float, str | None] = (1e9, None)
    for key, _, word_end in _kinds(low, max(lo, start - 90), start):
        if key in _SPECIFIC:
            best = min(best, (start - word_end, key))
    after = min(hi, end + 60)
    cut = _PART_BREAK.search(low, end, after)  # "six years, and B five years of probation"
    for key, word_start, _ in _kinds(low, end, cut.start() if cut else after):
        if key in _SPECIFIC:
            best = min(best, ((word_start - end) * 0.6, key))
            break
    return best[1]


def _near(low: str, key: str, lo: int, hi: int) -> bool:
    return any(found == key for found, _, _ in _kinds(low, lo, hi))


def _hypothetical(low: str, lo: int, start: int) -> bool:
    # the whole clause: "asked for ten years for A, nine for B ... and for three years of
    # restricted freedom for E" is one request, however long its list
    lo = max(lo, start - _HYPOTHETICAL_REACH)
    words = list(_HYPOTHETICAL.finditer(low, lo, start))
    if not words:
        return False
    found = words[-1]
    realis = _REALIS.search(low, found.end(), start)
    return realis is None or low.endswith("be ", 0, realis.start())


def _classify(low: str, start: int, end: int, money: bool, unit: str) -> str | None:
    lo, hi = clause(low, start, end)
    if _UP_TO.search(low, max(lo, start - 12), start) or _hypothetical(low, lo, start):
        return None
    if _DURATION_OF.search(low, max(lo, start - 70), start):
        return None  # "who has lived in Kazakhstan for more than 10 years"
    if not money and _PART_OF_TERM.match(low, end):
        return None  # "had served two years of a four-year sentence": time served
    group = _nearest_kind(low, start, end, lo, hi)
    if money:
        if (
            group != "fine"
            and _EACH_AFTER.match(low, end)
            and _FINED_LIST.search(low, max(0, start - 220), start)
        ):
            group = "fine"
        return "fine" if group == "fine" and not _NOT_A_FINE_AFTER.match(low, end) else None
    if group in (None, "fine", "nonpenalty"):
        received = (
            unit in ("year", "month")
            and (
                _RECEIVED.search(low, max(lo, start - 30), start)
                or _SERVING.search(low, max(lo, start - 20), start)
            )
            and not _NOT_A_TERM_AFTER.match(low, end)
        )
        if not received and not _near(low, "sentence", max(lo, start - 90), min(hi, end + 40)):
            return None
        group = "prison"
    if group == "probation":  # "two years of probation", "on probation for two years"
        return "susp" if unit in ("year", "month") else None
    if group == "custody_for":
        return "admin" if unit in ("day", "week") else None if unit == "hour" else "pretrial"
    if group in ("prison", "admin"):
        if unit in ("day", "week"):
            return "admin"
        if unit == "hour":
            return None
        if group == "admin" and unit == "month" and not _near(low, "sentence", lo, hi):
            return "pretrial"
        part_lo, part_hi = _part(low, start, end, lo, hi)
        if _near(low, "susp", part_lo, part_hi) or _near(low, "probation", part_lo, part_hi):
            return "susp"
        return "prison"
    if group == "ban" and _TRAVEL.search(low, max(lo, start - 60), min(hi, end + 40)):
        return "travel"
    return group


# Where one clause hands a second penalty to someone else: "A got six years, and B five
# years of probation" -- a word on one side does not qualify the amount on the other.
_PART_BREAK = re.compile(r",\s+(?:and|while|whereas|but)\b|\bwhile\b|\bwhereas\b|\bbut\b")
_QUALIFIER_REACH = 60


def _part(low: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The part of the clause ``[lo, hi)`` that an amount at ``[start, end)`` is in, at most
    ``_QUALIFIER_REACH`` characters each side."""
    left, right = max(lo, start - _QUALIFIER_REACH), min(hi, end + _QUALIFIER_REACH)
    for found in _PART_BREAK.finditer(low, left, start):
        left = found.end()
    after = _PART_BREAK.search(low, end, right)
    return left, after.start() if after else right


_GROUP_KIND = {
    "prison": PenaltyKind.PRISON, "susp": PenaltyKind.SUSPENDED,
    "restr": PenaltyKind.RESTRICTED_FREEDOM, "fine": PenaltyKind.FINE,
    "admin": PenaltyKind.ADMIN_DETENTION, "house": PenaltyKind.HOUSE_ARREST,
    "pretrial": PenaltyKind.PRETRIAL_DETENTION, "labour": PenaltyKind.PUBLIC_LABOUR,
    "ban": PenaltyKind.ACTIVITY_BAN, "travel": PenaltyKind.TRAVEL_BAN,
    "postpone": PenaltyKind.OTHER, "supervision": PenaltyKind.OTHER,
}  # fmt: skip


def _detail(low: str, kind: PenaltyKind, amount: str | None, lo: int, hi: int) -> str | None:
    if kind is PenaltyKind.PUBLIC_LABOUR:
        return f"{amount} public labour" if amount else "public labour"
    if kind is PenaltyKind.ACTIVITY_BAN:
        head = "ban"
        if amount:
            number, unit = amount.split(" ", 1)
            head = f"{number}-{unit.rstrip('s')} ban"
        scope = _BAN_SCOPE.search(low, lo, hi)
        if scope is None:
            return head
        words = scope["scope"].strip()
        if "politic" in words and "public" in words and "activit" in words:
            words = "public and political activities"  # the usual name, in either order
        return f"{head} on {words}"
    if kind is PenaltyKind.TRAVEL_BAN:
        return "travel ban" + (f" for {amount}" if amount else "")
    return None


def _amount_mentions(text: str, low: str) -> list[OutcomeMention]:
    units = sorted(
        [m.start() for m in UNIT_WORDS.finditer(low)] + [m.start() for m in SYMBOLS.finditer(low)]
    )
    if not units:
        return []
    starts = sorted(
        [m.start() for m in STARTS.finditer(low)] + [m.start() for m in SYMBOL_START.finditer(low)]
    )
    found: list[OutcomeMention] = []
    reached = 0
    for position in starts:
        if position < reached:
            continue
        following = bisect.bisect_left(units, position)
        if following == len(units) or units[following] - position > 80:
            continue  # no unit or currency close enough for an amount to start here
        match = AMOUNT.match(low, position)
        if not match:
            continue
        if _PROVISION_BEFORE.search(low, max(0, position - 16), position):
            continue  # "under Part 1 of Article 342 to 2 years": the article is no amount
        if _YEAR_NUMBER.match(low, position) and not match["money"]:
            continue  # "sentenced in 2017 to seven years": the amount starts after the year
        if match["time"] and AGE_AFTER.match(low, match.end()):
            reached = match.end()
            continue  # "a 67-year-old pensioner": an age, never a term
        if (
            match["time"]
            and _LAPSE_AFTER.match(low, match.end())
            and not _TERM_BEFORE.search(low, max(0, position - 10), position)
        ):
            reached = match.end()
            continue
        reached = match.end()
        mention = _amount_mention(text, low, match)
        if mention:
            found.append(mention)
    found = _without_probation_periods(low, _merge_equivalents(low, found))
    found = sorted(found + _gapped(text, low, found), key=lambda m: (m.start, m.end))
    return _merge_respectively(low, found)


# "reduced his sentence from 16 to 14 years": the term is the one it became
_CHANGED_BEFORE = re.compile(
    r"\b(?:reduc|cut|commut|increas|extend|rais|lower|shorten|lengthen|chang)\w*\b[^.;]{0,80}$"
)
_FROM_TO = re.compile(r"from\s+.*?\bto\s+(?=\S)")


def _amount_mention(text: str, low: str, match: re.Match[str]) -> OutcomeMention | None:
    start, end = match.span()
    changed = _FROM_TO.match(low, start, end)
    if changed and _CHANGED_BEFORE.search(low, max(0, start - 90), start):
        start = changed.end()
    amount, amounts = parse_amount(text[start:end])
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
        and not re.search(r"\b(?:and|or)\b", match.group())
    ):
        return None
    lo, hi = clause(low, start, end)
    detail = _detail(low, kind, amount, lo, hi)
    if kind is PenaltyKind.SUSPENDED and _nearest_kind(low, start, end, lo, hi) == "probation":
        detail = _PROBATION
    return OutcomeMention(start, end, kind, amount, amounts, detail)


_PROBATION = "probation"  # the detail of a term of probation
# "a five-year suspended sentence with a probation period of three years": one sentence
_WITH_PROBATION = re.compile(r"[^.;]{0,60}?\bwith\b[^.;]{0,30}$")


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
            result[-1] = OutcomeMention(
                previous.start, previous.end, PenaltyKind.SUSPENDED, previous.amount,
                previous.amounts, previous.detail,
            )  # fmt: skip
            continue
        result.append(mention)
    return result


_EQUIVALENT_GAP = re.compile(
    r"\s*(?:(?:each|apiece|per\s+person)\s*)?[(\[,–—-]?\s*(?:(?:about|around|approximately|"
    r"approx\.|roughly|some|nearly|almost|over|more\s+than|or|i\.\s?e\.|that\s+is|~|c\.|the|"
    r"equivalent|equal|of|to|which|is|was)\s*){0,4}"
)


def _merge_equivalents(low: str, found: list[OutcomeMention]) -> list[OutcomeMention]:
    """ "fined 3,000 som (about 32 EUR)" is one fine: the amount first stated, with its own
    currency, is kept; the converted figures after it in brackets are dropped."""
    result: list[OutcomeMention] = []
    for mention in found:
        if result and mention.kind is result[-1].kind is PenaltyKind.FINE:
            previous = result[-1]
            gap = low[previous.end : mention.start]
            if len(gap) < 40 and _EQUIVALENT_GAP.fullmatch(gap):
                result[-1] = OutcomeMention(
                    previous.start, mention.end, previous.kind, previous.amount, previous.amounts
                )
                continue
        result.append(mention)
    return result


# "A was sentenced to ten years, B to nine and C to seven years": the unit and kind of the
# first amount carry over to the numbers that follow another name and "to".
_GAPPED = re.compile(
    rf"[^,;.\d]{{0,40}}?(?:,|;|\band\b)\s*(?:and\s+)?(?:[{UPPER}][\w’'‘.-]*\s+){{1,3}}?to\s+"
    rf"(?P<n>{NUMBER})(?![\s-]*(?:{TUNIT}|%|percent))(?=\s*(?:,|;|\.|\band\b|$))"
)
_GAPPED_KINDS = frozenset(
    {PenaltyKind.PRISON, PenaltyKind.SUSPENDED, PenaltyKind.RESTRICTED_FREEDOM,
     PenaltyKind.ADMIN_DETENTION}
)  # fmt: skip
_GAP_REACH = 120


def _gapped(text: str, low: str, found: list[OutcomeMention]) -> list[OutcomeMention]:
    """Amounts whose unit and kind are those of the term stated before them (see above)."""
    gapped: list[OutcomeMention] = []
    for mention in found:
        if mention.kind not in _GAPPED_KINDS or mention.amount is None or " " not in mention.amount:
            continue
        unit = mention.amount.split(" ", 1)[1].rstrip("s")
        position = mention.end
        limit = min(len(low), mention.end + _GAP_REACH)
        while (match := _GAPPED.match(text, position, limit)) is not None:
            amount, _ = parse_amount(f"{match['n']} {unit}s")
            if amount is None:
                break
            gapped.append(OutcomeMention(match.start("n"), match.end("n"), mention.kind, amount))
            position = match.end()
    return gapped


def _merge_respectively(low: str, found: list[OutcomeMention]) -> list[OutcomeMention]:
    """ "seven years and five years in prison, respectively" -> one mention, two amounts."""
    result: list[OutcomeMention] = []
    for mention in found:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.kind is mention.kind
            and re.fullmatch(r"\s*(?:,|and|,\s*and|or)\s*", low[previous.end : mention.start])
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
    """Penalties and measures in ``text``, in order of position (``low``: the lower-cased
    text, when the caller has it)."""
    low = lower(text) if low is None else low
    with_amount = _amount_mentions(text, low)
    starts = [mention.start for mention in with_amount]
    result = list(with_amount)
    for mention in phrase_mentions(text, low):
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
        return not _CLAUSE_END.search(low, mention.end, other.start)
    if other.kind is not mention.kind:
        return False
    if other.kind is PenaltyKind.FINE and _FINED_LIST.match(low, mention.start, other.start):
        return True  # "fined A, B and C - 30 MCI each"
    lo, hi = clause(low, mention.start, mention.end, reach=160)
    return lo <= other.start and other.end <= hi


# Belarusian reports write their own roubles as plain "roubles": in a passage about
# Belarus they are BYN, unless the text says Russian ones.
_RUSSIAN_ROUBLES = re.compile(r"russian\s+r[ou]+bles?|\brub\b|₽")


def in_local_roubles(
    low: str, mentions: list[OutcomeMention], country_at: Callable[[int], str | None]
) -> list[OutcomeMention]:
    """Fines in "roubles" read as Belarusian roubles where the passage is about Belarus."""

    def local(amount: str | None) -> str | None:
        return amount[: -len("RUB")] + "BYN" if amount and amount.endswith(" RUB") else amount

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
