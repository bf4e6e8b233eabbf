"""Amounts as reports write them, parsed into the contract's form: "seven and a half
years" is ``7.5 years``, "60 to 200 EUR" ``60-200 EUR``, "7 1/2 years" ``7.5 years``,
"3.4 million soums" ``3400000 UZS``, "five- and 10-days'" two amounts. Patterns are for
lower-cased text; the currencies come from ``data/currencies.tsv``.
"""

from __future__ import annotations

import re

from civicwatch.extract.lexicon import compile_lexicon, lower
from civicwatch.extract.outcome_terms import CUR_WORDS as _CUR_WORDS
from civicwatch.extract.outcome_terms import CURRENCY_WORDS, currency_code

__all__ = [
    "AGE_AFTER", "AMOUNT", "CUR_POST", "NUMBER", "SMALL", "STARTS", "SYMBOLS", "SYMBOL_START",
    "TENS", "TUNIT", "UNIT_AHEAD", "UNIT_WORDS", "parse_amount",
]  # fmt: skip


SMALL = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_VALUE = {word: value for value, word in enumerate(SMALL)}
_WORD_VALUE.update({word: 20 + 10 * i for i, word in enumerate(TENS)})
_WORD_VALUE.update({"a": 1, "an": 1})
UNIT_AHEAD = r"(?=[\s-]+(?:year|month|week|day|hour))"
AGE_AFTER = re.compile(r"[\s-]*old\b")
_WORDNUM = (
    rf"(?:(?:{'|'.join(TENS)})(?:[\s-](?:{'|'.join(SMALL[1:10])}))?"
    rf"|(?:{'|'.join(SMALL[:0:-1])}|zero)(?:\s+hundred)?|a\s+hundred|an?{UNIT_AHEAD})"
)
# "1,000", "1.5", "7 1/2" and "7½" (a half written as a fraction)
# "20 000 som": digits grouped by plain spaces only before a currency word, where a year
# and a count ("in 2024 150 people") cannot be read as one number.
_DIGITS = (
    rf"(?<![\d.,/])(?:\d{{1,3}}(?:[ ]\d{{3}})+(?!\d)"
    rf"(?=\s?(?:{_CUR_WORDS})|\s*(?:-|–|and|to|or|,)\s*\d{{1,3}}[ ]\d{{3}}(?!\d))"
    r"|\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?!\d)"
    r"|\d+(?:[.,]\d{1,2})?(?:\s?(?:½|1/2))?(?![\d/]))"
)
NUMBER = rf"(?:{_DIGITS}|\b{_WORDNUM}\b)(?:\s+(?:thousand|million|mln)\b)?(?:\s+and\s+a\s+half\b)?"
TUNIT = r"(?:years?|yrs?|months?|weeks?|days?|hours?)\b['’]?s?"
CUR_POST = rf"(?:{_CUR_WORDS}|€|\$|₸|₽|£)"
_CUR_PRE = r"(?:eur|€|usd|us\$|\$|kzt|₸|rub|₽|byn|gbp|£)"
# "three more years", "two additional months": a term added to one already given
_MORE = r"(?:\s+(?:more|additional|further|extra))?"
_JOIN = r"(?:\s*(?:-|–|—|to|and|or|,\s*and|,)\s*)"
AMOUNT = re.compile(
    rf"""(?:(?:from|between)\s+)?(?:
    (?P<money>(?:{_CUR_PRE}\s?{NUMBER}(?:{_JOIN}{_CUR_PRE}?\s?{NUMBER}){{0,6}}
      |{NUMBER}(?:\s*{CUR_POST})?(?:{_JOIN}{NUMBER}(?:\s*{CUR_POST})?){{0,6}}?\s*{CUR_POST})
      (?!\s*(?:{TUNIT})))
    |(?P<time>{NUMBER}(?:\s*-)?(?:{_JOIN}{NUMBER}(?:\s*-)?){{0,6}}{_MORE}[\s-]*{TUNIT}
      (?:(?:,?\s+and\s+|\s+|{_JOIN}){NUMBER}[\s-]*{TUNIT}){{0,2}}(?:\s+and\s+a\s+half\b)?))""",
    re.VERBOSE,
)
STARTS, _ = compile_lexicon(
    [("n", (r"\d+", r"from", r"between", *SMALL, *TENS, rf"an?{UNIT_AHEAD}", r"a\s+hundred",
            r"(?:eur|usd|kzt|rub|byn|gbp)(?=\s?\d)"))]
)  # fmt: skip
SYMBOL_START = re.compile(r"[€$£₸₽](?=\s?\d)")
# Where an amount can end: a time unit or a currency word (a cheap filter before AMOUNT).
UNIT_WORDS, _ = compile_lexicon([("u", (r"(?:year|yr|month|week|day|hour)s?", *CURRENCY_WORDS))])
SYMBOLS = re.compile(r"[€$£₸₽]")
_AMOUNT_TOKEN = re.compile(
    rf"(?P<num>{_DIGITS}|\b{_WORDNUM}\b)(?:\s+(?P<mult>thousand|million|mln)\b)?"
    r"|(?P<half>\band\s+a\s+half\b)"
    rf"|(?P<range>\b(?:between|from|to)\b|[-–—](?=\s*(?:\d|{_WORDNUM}\b)))"
    rf"|(?P<unit>\b(?:year|yr|month|week|day|hour)s?\b)|(?P<cur>{_CUR_WORDS}|€|\$|₸|₽|£|us\$)"
)
_UNIT_NAMES = {"yr": "year", "year": "year", "month": "month", "week": "week", "day": "day"}


_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_SPACED_THOUSANDS = re.compile(r"\d{1,3}(?: \d{3})+")


def _number(token: str, mult: str | None) -> float:
    text = token.lower().replace("\u00a0", ",").replace("\u202f", ",")
    if _SPACED_THOUSANDS.fullmatch(text):
        text = text.replace(" ", ",")
    half = 0.5 if text.endswith(("½", "1/2")) else 0.0
    if half:
        text = text.removesuffix("½").removesuffix("1/2").strip()
    if text[0].isdigit():
        value = float(
            text.replace(",", "") if _THOUSANDS.fullmatch(text) else text.replace(",", ".")
        )
    else:
        words = text.replace("-", " ").split()
        if words[-1] == "hundred":
            value = 100.0 * (_WORD_VALUE.get(words[0], 1) if len(words) > 1 else 1)
        else:
            value = float(sum(_WORD_VALUE.get(word, 0) for word in words))
    value += half
    if mult:
        value *= {"thousand": 1e3, "million": 1e6, "mln": 1e6}[mult.lower()]
    return value


def _fmt(value: float) -> str:
    value = round(value, 2)  # 4.1 million is 4099999.9999999995 in binary
    return str(int(value)) if value == int(value) else f"{value:.2f}".rstrip("0").rstrip(".")


def _currency(token: str) -> str:
    if token.lower().startswith("monthly"):
        return "MCI"
    return currency_code(token)


def _plural(unit: str, value: float) -> str:
    if unit in ("year", "month", "week", "day", "hour"):
        return unit if value == 1 else unit + "s"
    return unit


def _label(value: float, unit: str) -> str:
    return f"{_fmt(value)} {_plural(unit, value)}"


def parse_amount(span: str) -> tuple[str | None, tuple[str, ...]]:
    """``"seven and a half years"`` -> ``("7.5 years", ())``; ``"60 to 200 EUR"`` ->
    ``("60-200 EUR", ())``; ``"five- and 10-days'"`` -> ``(None, ("5 days", "10 days"))``."""
    values: list[float] = []
    units: list[str | None] = []
    ranged = False
    unit: str | None = None
    for token in _AMOUNT_TOKEN.finditer(lower(span)):
        if token["num"]:
            values.append(_number(token["num"], token["mult"]))
            units.append(None)
        elif token["half"] and values:
            values[-1] += 0.5
        elif token["range"]:
            ranged = True
        elif token["unit"] or token["cur"]:
            name = token["unit"] or token["cur"]
            unit = _UNIT_NAMES.get(name.rstrip("s"), "hour") if token["unit"] else _currency(name)
            units = [item or unit for item in units]
    if not values or unit is None:
        return None, ()
    if len(values) == 2 and units == ["year", "month"] and not ranged:
        if (values[1] * 100) % 12 == 0 and values[1] < 12:
            return _label(values[0] + values[1] / 12, "year"), ()
        return _label(values[0] * 12 + values[1], "month"), ()
    labels = [_label(value, units[i] or unit) for i, value in enumerate(values)]
    if len(values) == 1:
        return labels[0], ()
    if ranged and len(values) == 2 and units[0] == units[1]:
        return f"{_fmt(values[0])}-{_fmt(values[1])} {_plural(units[1] or unit, 2)}", ()
    return None, tuple(labels)
