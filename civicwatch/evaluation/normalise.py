"""Normalisation of the values compared by the scorer: article labels, outcome kinds and
amounts, dates, organisation and place names.

Every function is total and pure: it never raises on odd input, it returns a canonical
string (or ``None`` for "no value") so that two spellings of the same fact compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable


def _load_ascii_text() -> Callable[[str], str] | None:
    """rigour's transliteration (Cyrillic, Kazakh and other scripts to ASCII), if installed;
    rigour is a declared dependency, the fallback only keeps the scorer importable."""
    try:
        from rigour.text import ascii_text
    except ImportError:  # pragma: no cover - exercised only without rigour
        return None
    return ascii_text


_ascii_text = _load_ascii_text()

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_DASH_TABLE = str.maketrans(dict.fromkeys(_DASHES, "-"))


def strip_diacritics(text: str) -> str:
    """NFKD and drop combining marks ("Şınar" -> "Sinar")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def latin(text: str) -> str:
    """Latin letters for any script (Cyrillic and Kazakh via rigour), without diacritics."""
    if _ascii_text is not None:
        text = _ascii_text(text)
    return strip_diacritics(text)


# -- articles ----------------------------------------------------------------------------

_ARTICLE = re.compile(r"([A-Z]+)\s*[.:]?\s*(\d+)(?:\s*[-./]\s*(\d+))?")
_ARTICLE_WORD = re.compile(r"\b(?:ARTICLES?|ART)\b\.?")


def normalise_article(label: str) -> str:
    """``"CC 274"``, ``"CC274"``, ``"cc 274"``, ``"Art. 274 CC"`` -> ``"CC 274"``;
    ``"CAO 456 – 2"`` -> ``"CAO 456-2"``. Anything else: upper-cased, spaces collapsed."""
    text = unicodedata.normalize("NFKC", label).translate(_DASH_TABLE).upper()
    text = " ".join(_ARTICLE_WORD.sub(" ", text).split())
    match = _ARTICLE.fullmatch(text)
    if match is None:  # "274 CC" -> "CC 274"
        swapped = re.fullmatch(r"(\d+(?:\s*[-./]\s*\d+)?)\s+(?:OF\s+(?:THE\s+)?)?([A-Z]+)", text)
        if swapped:
            match = _ARTICLE.fullmatch(f"{swapped[2]} {swapped[1]}")
    if match is None:
        return text
    code, number, sub = match.groups()
    return f"{code} {int(number)}" + (f"-{int(sub)}" if sub else "")


# -- outcomes ----------------------------------------------------------------------------

_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SMALL_VALUE = {word: value for value, word in enumerate(_SMALL)}
_TENS_VALUE = {word: 20 + 10 * index for index, word in enumerate(_TENS)}
_NUMBER_WORD = re.compile(
    r"\b(?:(?P<tens>{tens})(?:[\s-]+(?P<unit>{units}))?|(?P<small>{small}))\b".format(
        tens="|".join(_TENS), units="|".join(_SMALL[1:10]), small="|".join(_SMALL)
    )
)
_UNITS = "year|month|week|day|hour"
_CURRENCIES = {
    r"€|\beuros?\b": " eur ",
    r"\$|\bus dollars?\b|\bdollars?\b": " usd ",
    r"₸|\btenge\b": " kzt ",
    r"₽|\broubles?\b|\brubles?\b": " rub ",
    r"\bmcis\b": " mci ",
}
_CODES = "eur|usd|kzt|rub|mci"
_NUMBER = r"\d+(?:\.\d+)?"


def _number_words(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        if match["small"]:
            return str(_SMALL_VALUE[match["small"]])
        value = _TENS_VALUE[match["tens"]]
        return str(value + (_SMALL_VALUE[match["unit"]] if match["unit"] else 0))

    text = _NUMBER_WORD.sub(replace, text)
    text = re.sub(r"\b(\d+) and a half\b", r"\1.5", text)
    text = re.sub(r"\b(?:a|one) half\b", "0.5", text)
    text = re.sub(r"\b(\d+)\s+hundred\b", lambda m: str(int(m[1]) * 100), text)
    text = re.sub(r"\b(?:an?\s+)?hundred\b", "100", text)
    text = re.sub(r"\b(\d+)\s+thousand\b", lambda m: str(int(m[1]) * 1000), text)
    return text


def _currency_last(tokens: list[str]) -> str:
    """ "eur 300" -> "300 eur", unless the code already follows a number or another code."""
    quantity = re.compile(rf"{_NUMBER}(?:-{_NUMBER})?")
    codes = set(_CODES.split("|"))
    for i in range(len(tokens) - 1):
        previous = tokens[i - 1] if i else ""
        if (
            tokens[i] in codes
            and quantity.fullmatch(tokens[i + 1])
            and previous not in codes
            and not quantity.fullmatch(previous)
        ):
            tokens[i], tokens[i + 1] = tokens[i + 1], tokens[i]
    return " ".join(tokens)


def _amount_pass(text: str) -> str:
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # 1,000 -> 1000
    text = re.sub(r"(\d),(\d)", r"\1.\2", text)  # 1,5 -> 1.5
    text = _number_words(text)
    for pattern, code in _CURRENCIES.items():
        text = re.sub(pattern, code, text)
    text = re.sub(rf"\b({_CODES})(?=\d)", r"\1 ", text)
    text = _currency_last(text.split())  # "eur 300" -> "300 eur"
    text = re.sub(rf"\b({_UNITS})s\b", r"\1", text)
    text = re.sub(r"\byrs?\b", "year", text)
    text = re.sub(rf"^an? ({_UNITS})\b", r"1 \1", text)
    text = re.sub(rf"(\d)\s*-\s*({_UNITS})\b", r"\1 \2", text)  # 3-year ban
    text = re.sub(rf"\bbetween ({_NUMBER}) and ({_NUMBER})", r"\1-\2", text)
    text = re.sub(rf"\bfrom ({_NUMBER})\s*(?:-|to)\s*({_NUMBER})", r"\1-\2", text)
    # "60 eur to 200 eur" -> "60-200 eur"
    text = re.sub(rf"({_NUMBER}) ([a-z]+)\s*(?:-|to)\s*({_NUMBER}) \2\b", r"\1-\3 \2", text)
    text = re.sub(rf"({_NUMBER})\s*(?:-|to)\s*({_NUMBER})", r"\1-\2", text)
    text = " ".join(text.split()).strip(" .,;:")
    return text


def normalise_amount(amount: str | None) -> str | None:
    """Canonical form of an outcome amount; ``None`` for null, empty or "null".

    Lower-case, single spaces, number words as digits ("seven" -> "7"), time units singular
    ("7 years" == "7 year"), currency names as codes ("euros", "€" -> "eur"), ranges as
    ``a-b`` ("60 to 200 EUR", "60–200 EUR", "between 60 and 200 EUR" -> "60-200 eur"),
    "3-year ban" == "3 year ban".
    """
    if amount is None:
        return None
    text = unicodedata.normalize("NFKC", str(amount)).translate(_DASH_TABLE).lower()
    text = " ".join(text.split()).strip(" .,;:")
    if text in {"", "null", "none", "n/a", "-"}:
        return None
    for _ in range(4):  # to a fixed point, so that normalising twice changes nothing
        previous, text = text, _amount_pass(text)
        if text == previous:
            break
    return text or None


def normalise_kind(kind: str | None) -> str:
    """Outcome kind: lower-case with underscores ("Admin detention" -> "admin_detention")."""
    if not kind:
        return ""
    return "_".join(re.split(r"[\s\-_]+", kind.strip().lower())).strip("_")


def normalise_date(value: str | None) -> str | None:
    """ISO dates compare as strings; only whitespace and empties are tidied."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def date_agrees(gold: str | None, predicted: str | None, *, lenient: bool = False) -> bool:
    """Equal ISO strings (null == null); leniently also a ``YYYY-MM`` prediction for a
    ``YYYY-MM-DD`` gold date of the same month."""
    gold, predicted = normalise_date(gold), normalise_date(predicted)
    if gold == predicted:
        return True
    if not lenient or gold is None or predicted is None:
        return False
    return (
        len(predicted) == 7
        and len(gold) == 10
        and re.fullmatch(r"\d{4}-\d{2}", predicted) is not None
        and gold.startswith(predicted + "-")
    )


# -- organisations and places ------------------------------------------------------------


def normalise_label(name: str) -> str:
    """Organisation or place name: Latin letters, lower-case, punctuation dropped,
    a leading "the" dropped ("The Democratic Party!" -> "democratic party")."""
    text = latin(unicodedata.normalize("NFKC", name)).lower()
    text = " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())
    return text[4:] if text.startswith("the ") else text
