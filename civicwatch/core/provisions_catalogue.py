"""The catalogues of criminal and administrative codes, read from package data.

``core/data/provisions/`` holds one file per country (``kz.tsv``, ``by.tsv``, ...) keyed by
(code, article[, part]) with short English titles and the named-offence concepts each
article covers, ``jurisdictions.tsv`` (how each country numbers its articles: what a dot
after an article number means) and ``offences.tsv`` (how reports word an offence).
``core/data/jurisdiction_cues.tsv`` lists words that tie a passage to a country.

Everything is read once, on first use, and kept in immutable mappings. docs/extraction.md
("Adding a country's code") describes the files.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from importlib import resources
from types import MappingProxyType

from civicwatch.errors import InvalidValueError

__all__ = [
    "CatalogueEntry",
    "Country",
    "Cue",
    "DotRule",
    "catalogue",
    "countries",
    "cues",
    "offence_patterns",
]

_ARTICLE = re.compile(r"\d{1,4}(?:[-.]\d{1,3}){0,3}")
_CODES = ("CC", "CAO")


class DotRule(Enum):
    """What a dot after an article number means in one country's code."""

    ARTICLE = "article"  # part of the number, kept whole: RU "207.3", BY CAO "19.11"
    PARTS = "parts"  # separates parts and points, dropped: AZ "206.3.2" is article 206
    SUBARTICLE = "subarticle"  # "N.M" is the sub-article N-M when catalogued, else parts


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    dots: Mapping[str, DotRule]  # "CC" / "CAO" -> rule
    code_names: Mapping[str, str]  # "CC" / "CAO" -> the codes' names and years


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """One catalogued article of one country's code."""

    jurisdiction: str
    code: str  # "CC" or "CAO"
    article: str
    title: str
    offences: tuple[str, ...] = ()
    certain: bool = True
    note: str | None = None
    parts: Mapping[str, str] = field(default_factory=dict)  # part -> title of the part

    @property
    def label(self) -> str:
        return f"{self.code} {self.article}"


@dataclass(frozen=True, slots=True)
class Cue:
    country: str
    kind: str  # name, adjective, currency, institution
    weight: int


def _read(*path: str) -> list[list[str]]:
    text = resources.files("civicwatch.core").joinpath("data", *path).read_text("utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


@cache
def countries() -> Mapping[str, Country]:
    """The countries that have a catalogue, by ISO 3166-1 alpha-2 code."""
    found = {}
    for row in _read("provisions", "jurisdictions.tsv"):
        code, name, cc_dots, cao_dots, *names = [*row, "", ""]
        found[code] = Country(
            code,
            name,
            MappingProxyType({"CC": DotRule(cc_dots), "CAO": DotRule(cao_dots)}),
            MappingProxyType(dict(zip(_CODES, names[:2], strict=True))),
        )
    return MappingProxyType(found)


@cache
def catalogue(jurisdiction: str) -> Mapping[str, CatalogueEntry]:
    """The catalogued articles of one country, by label (``"CC 274"``, ``"CAO 19.11"``);
    empty for a country without a catalogue."""
    if jurisdiction not in countries():
        return MappingProxyType({})
    entries: dict[str, CatalogueEntry] = {}
    parts: dict[str, dict[str, str]] = {}
    for number, row in enumerate(_read("provisions", f"{jurisdiction.lower()}.tsv"), 1):
        code, article, part, title, offences, certainty, *rest = [*row, "", "", ""][:7]
        where = f"{jurisdiction.lower()}.tsv row {number}"
        if code not in _CODES or not _ARTICLE.fullmatch(article) or not title.strip():
            raise InvalidValueError(f"{where}: needs a code (CC/CAO), an article and a title")
        if certainty not in ("sure", "unsure"):
            raise InvalidValueError(f"{where}: certainty must be 'sure' or 'unsure'")
        label = f"{code} {article}"
        if part:
            parts.setdefault(label, {})[part] = title.strip()
            continue
        if label in entries:
            raise InvalidValueError(f"{where}: {label} is listed twice")
        entries[label] = CatalogueEntry(
            jurisdiction,
            code,
            article,
            title.strip(),
            tuple(concept for concept in offences.split("|") if concept),
            certainty == "sure",
            rest[0].strip() or None,
        )
    for label, titles in parts.items():
        entry = entries.get(label)
        if entry is None:
            raise InvalidValueError(f"{jurisdiction}: parts of {label}, which is not listed")
        entries[label] = CatalogueEntry(
            entry.jurisdiction,
            entry.code,
            entry.article,
            entry.title,
            entry.offences,
            entry.certain,
            entry.note,
            MappingProxyType(titles),
        )
    return MappingProxyType(entries)


_MACROS = {
    "charged": (
        r"(?:charges?\s+of|charged\s+with|accused\s+of|convicted\s+of|guilty\s+of|"
        r"suspicion\s+of|suspected\s+of|prosecuted\s+for|investigation\s+into)\s+"
        r"(?:alleged\s+|large[- ]scale\s+|criminal\s+|aggravated\s+)?"
    ),
    "whom": (
        r"(?:an?\s+|the\s+)?(?:government\s+officials?|(?:representatives?|officials?)\s+of\s+"
        r"(?:the\s+)?(?:authorit(?:y|ies)|state|government)|police(?:\s+officers?)?|"
        r"law[- ]enforcement\s+(?:officers?|officials?)|officers?|officials?)"
    ),
    "assembly": (
        r"(?:an?\s+|the\s+)?(?:peaceful\s+|public\s+|mass\s+)?(?:assembl(?:y|ies)|rall(?:y|ies)|"
        r"protests?|demonstrations?|pickets?|mass\s+events?|public\s+events?|gatherings?|"
        r"meetings?)"
    ),
    "q": r"[‘’“”\"'«»]*",
}


@cache
def offence_patterns() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(concept, regexes)`` in file order, macros expanded, for lower-cased text."""
    grouped: dict[str, list[str]] = {}
    for number, row in enumerate(_read("provisions", "offences.tsv"), 1):
        if len(row) != 2:
            raise InvalidValueError(f"offences.tsv row {number}: needs a concept and a pattern")
        concept, pattern = row
        expanded = re.sub(r"\{(\w+)\}", lambda m: _MACROS[m[1]], pattern)
        re.compile(expanded)  # a broken pattern fails here, naming no text
        grouped.setdefault(concept, []).append(expanded)
    return tuple((concept, tuple(patterns)) for concept, patterns in grouped.items())


@cache
def cues() -> Mapping[str, Cue]:
    """Lower-case words that tie a passage to a country (names, adjectives, currencies,
    institutions), with their country and weight."""
    found = {}
    for number, row in enumerate(_read("jurisdiction_cues.tsv"), 1):
        if len(row) != 4 or not row[3].isdigit():
            raise InvalidValueError(
                f"jurisdiction_cues.tsv row {number}: cue, country, kind, weight"
            )
        found[row[0]] = Cue(row[1], row[2], int(row[3]))
    return MappingProxyType(found)
