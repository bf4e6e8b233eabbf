"""Legal provisions: parsing, labels and jurisdiction-aware catalogue lookups.

A :class:`Provision` is a code (criminal code or code of administrative offences), an
article, optionally a part, and the country whose code it is. Its ``label`` is the
extraction contract's form: ``CC 274``, ``CAO 456-2`` (a sub-article written with a dash),
``CAO 19.11`` (a dotted article number, kept whole), and a part of an article also as a
dash (part 2 of article 174 of the criminal code is ``CC 174-2``; :attr:`Provision.base`
drops it). Labels stay ``CC n`` whatever the country: the jurisdiction travels beside them,
and every lookup is keyed by it, so a Belarusian article 342 never gets a Kazakh title.

Whether the dots of "206.3.2" or "19.11" belong to the article number is the country's
numbering (:func:`resolve_number`, from ``core/data/provisions/jurisdictions.tsv`` and the
country's catalogue), never a guess from the digits alone, except when the country is
unknown. The catalogues themselves are data (:mod:`civicwatch.core.provisions_catalogue`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from civicwatch.core.provisions_catalogue import (
    CatalogueEntry,
    DotRule,
    catalogue,
    countries,
    cues,
    offence_patterns,
)
from civicwatch.core.vocab import LegalCode
from civicwatch.errors import InvalidValueError

__all__ = [
    "CatalogueEntry",
    "Provision",
    "ProvisionInfo",
    "articles_for_offence",
    "jurisdiction_names",
    "jurisdiction_of",
    "jurisdictions_citing",
    "lookup",
    "offence_of",
    "resolve_number",
    "short_title",
]

#: What the catalogue knows about one article (the name earlier code used).
ProvisionInfo = CatalogueEntry

_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_TAIL = re.compile(r"(?<=\d)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_PARSE = re.compile(
    r"""^\s*
    (?P<code>CC|CAO|CoAO|criminal\s+code|code\s+of\s+administrative\s+offen[cs]es)
    \s*[,.:]?\s*(?:art(?:icle)?\.?\s*)?
    (?P<article>\d{1,4}(?:\s*[-.]\s*\d{1,3})*)
    (?:\s*(?:\(\s*(?P<paren>\d{1,2})\s*\)|,?\s*part\s+(?P<part>\d{1,2})))?
    \s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Chaptered numbering ("20.2", "24.23", "19.11"): administrative codes of the region number
# their articles by chapter, and no chapter goes past 40.
_CHAPTERED = 40


@dataclass(frozen=True, slots=True)
class Provision:
    """One article (and optionally one part of it) of one country's code of law."""

    code: LegalCode
    article: str
    part: str | None = None
    jurisdiction: str | None = None

    def __post_init__(self) -> None:
        if not re.fullmatch(r"\d{1,4}(?:[-.]\d{1,3})*", self.article):
            raise InvalidValueError(f"{self.article!r} is not an article number")
        if self.part is not None and not re.fullmatch(r"\d{1,3}", self.part):
            raise InvalidValueError(f"{self.part!r} is not a part number")

    @property
    def label(self) -> str:
        """``CC 274``, ``CAO 456-2``, ``CAO 19.11``; part 2 of article 174 -> ``CC 174-2``."""
        suffix = f"-{self.part}" if self.part else ""
        return f"{self.code.value} {self.article}{suffix}"

    @property
    def base(self) -> Provision:
        """The whole article, without the part."""
        return Provision(self.code, self.article, None, self.jurisdiction) if self.part else self

    @property
    def info(self) -> CatalogueEntry | None:
        """The catalogue entry of this article in its jurisdiction (None when the
        jurisdiction is unknown: an article number alone says nothing of its subject)."""
        if self.jurisdiction is None:
            return None
        return lookup(self.jurisdiction, self.base.label if self.part else self.label)

    @property
    def title(self) -> str | None:
        """Short title of the article (or of the part, when the catalogue has one)."""
        entry = self.info
        if entry is None:
            return None
        if self.part:
            return entry.parts.get(self.part, entry.title)
        return short_title(self.jurisdiction, self.label, certain_only=False)

    def __str__(self) -> str:
        return self.label

    @classmethod
    def parse(cls, text: str, jurisdiction: str | None = None) -> Provision:
        """Parse ``CC 274``, ``CAO 456-2``, ``cc274``, ``CC 174(2)``, ``CC 174 part 2``,
        ``Criminal Code article 274``."""
        match = _PARSE.match(text.translate(_DASHES))
        if not match:
            raise InvalidValueError(
                f"{text!r} is not a provision; write for example 'CC 274' or 'CAO 456-2'"
            )
        code_text = match["code"].lower()
        code = (
            LegalCode.CRIMINAL if code_text.startswith(("cc", "crim")) else LegalCode.ADMINISTRATIVE
        )
        article = re.sub(r"\s+", "", match["article"])
        return cls(code, article, match["paren"] or match["part"], jurisdiction)


def lookup(jurisdiction: str | None, label: str) -> CatalogueEntry | None:
    """The catalogue entry for a label in one country's codes.

    ``"CC 272-1"`` is read as the article 272-1 and, failing that, as part 1 of article
    272 when the catalogue names that part (labels cannot tell the two apart).
    """
    if not jurisdiction:
        return None
    entries = catalogue(jurisdiction.upper())
    if not entries:
        return None
    label = " ".join(label.translate(_DASHES).split())
    entry = entries.get(label)
    if entry is None and "-" in label:
        head, _, tail = label.rpartition("-")
        parent = entries.get(head)
        if parent is not None and tail in parent.parts:
            return parent
    return entry


def short_title(jurisdiction: str | None, label: str, *, certain_only: bool = True) -> str | None:
    """Short English title of an article (or of a part with a title of its own) in one
    country's code, for report writers: ``short_title("KZ", "CC 274")`` is
    ``"dissemination of knowingly false information"``. Rows marked unsure in the
    catalogue give None unless ``certain_only`` is false."""
    entry = lookup(jurisdiction, label)
    if entry is None or (certain_only and not entry.certain):
        return None
    label = " ".join(label.translate(_DASHES).split())
    if label != entry.label and label.startswith(entry.label + "-"):
        return entry.parts.get(label[len(entry.label) + 1 :], entry.title)
    return entry.title


def resolve_number(
    jurisdiction: str | None, code: LegalCode | str, number: str, paren: str | None = None
) -> tuple[str, str | None]:
    """The article and part that a number as written names in one country's code.

    ``number`` is what follows "article" ("206.3.2", "19.11", "307-1", "244¹", "193-1.3.1");
    ``paren`` a bracketed number after it ("307 (1)"). Azerbaijan's "206.3.2" is article 206,
    part 3; Russia's "207.3" is article 207.3; Tajikistan's "307.1" and "307 (1)" are the
    sub-article 307-1 because its catalogue lists it, while Kazakhstan's "174 (2)" is part 2
    of article 174. Without a jurisdiction, a dotted number is kept whole when a country
    that numbers with dots catalogues it or when it is chaptered ("20.3.3"); otherwise the
    dots are taken as parts.
    """
    code_value = code.value if isinstance(code, LegalCode) else code
    number = _SUPERSCRIPT_TAIL.sub(lambda m: "-" + m[1].translate(_SUPERSCRIPTS), number)
    number = number.translate(_DASHES)
    country = countries().get(jurisdiction or "")
    rule = country.dots.get(code_value) if country else None
    entries = catalogue(jurisdiction) if country and jurisdiction else {}
    if paren is not None:
        if rule is DotRule.SUBARTICLE and f"{code_value} {number}-{paren}" in entries:
            return f"{number}-{paren}", None
        return number, paren
    if "." not in number:
        return number, None
    if rule is None:
        if _catalogued_whole(code_value, number) or int(re.match(r"\d+", number)[0]) <= _CHAPTERED:  # type: ignore[index]
            return number, None
        rule = DotRule.PARTS
    if rule is DotRule.ARTICLE:
        return number, None
    head, *rest = number.split(".")
    if rule is DotRule.SUBARTICLE and rest and f"{code_value} {head}-{rest[0]}" in entries:
        head, rest = f"{head}-{rest[0]}", rest[1:]
    return head, (rest[0] if rest else None)


@cache
def _whole_dotted() -> frozenset[str]:
    """Labels of dotted articles in the countries whose dots belong to the number."""
    return frozenset(
        label
        for code, country in countries().items()
        for label, entry in catalogue(code).items()
        if "." in entry.article and country.dots[entry.code] is DotRule.ARTICLE
    )


def _catalogued_whole(code: str, number: str) -> bool:
    return f"{code} {number}" in _whole_dotted()


def articles_for_offence(jurisdiction: str | None, concept: str) -> tuple[str, ...]:
    """Labels of the articles of one country that a named-offence concept is
    (``articles_for_offence("RU", "discrediting_army")`` is ``("CC 280.3", "CAO 20.3.3")``);
    criminal articles first, then in catalogue order. Unsure rows are left out."""
    return _offence_index().get((jurisdiction or "", concept), ())


@cache
def _offence_index() -> Mapping[tuple[str, str], tuple[str, ...]]:
    index: dict[tuple[str, str], list[str]] = {}
    for country in countries():
        for label, entry in catalogue(country).items():
            if entry.certain:
                for concept in entry.offences:
                    index.setdefault((country, concept), []).append(label)
    return MappingProxyType(
        {
            key: tuple(sorted(labels, key=lambda label: not label.startswith("CC ")))
            for key, labels in index.items()
        }
    )


def jurisdictions_citing(label: str, concept: str) -> frozenset[str]:
    """The countries in whose code the article ``label`` is the offence ``concept``:
    "mass riots (Article 293)" fits Belarus, not Kazakhstan (where 293 is hooliganism)."""
    return frozenset(
        country
        for (country, offence), labels in _offence_index().items()
        if offence == concept and label in labels
    )


@cache
def _offence_regexes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (concept, re.compile("|".join(f"(?:{p})" for p in patterns)))
        for concept, patterns in offence_patterns()
    )


def offence_of(wording: str) -> str | None:
    """The named-offence concept a whole wording is ("knowingly spreading false
    information" -> ``"false_information"``); case, quotes and spacing are ignored."""
    key = " ".join(re.sub(r"[‘’“”\"«»]", "", wording).lower().split())
    for concept, regex in _offence_regexes():
        if regex.fullmatch(key):
            return concept
    return None


# Abbreviations reports put after a code ("CC RK", "UK RF", "the RB Criminal Code").
_ABBREVIATIONS = {"rk": "KZ", "rok": "KZ", "kr": "KG", "rt": "TJ", "ruz": "UZ", "rb": "BY",
                  "rf": "RU", "ar": "AZ"}  # fmt: skip


@cache
def jurisdiction_names() -> Mapping[str, str]:
    """How reports name a country or its people (lower case) -> ISO 3166-1 alpha-2 code."""
    names = {
        cue: found.country for cue, found in cues().items() if found.kind in ("name", "adjective")
    }
    names.update(_ABBREVIATIONS)
    return MappingProxyType(names)


def jurisdiction_of(name: str) -> str | None:
    """ISO code for a country name, adjective or possessive ("Belarus's" -> "BY")."""
    key = re.sub(r"['’]s$", "", " ".join(name.lower().split()))
    names = jurisdiction_names()
    if key in names:
        return names[key]
    key = re.sub(r"^(?:the\s+)?(?:republic\s+of\s+)?", "", key)
    return names.get(key)
