"""Places: a shipped gazetteer of the region plus patterns for regions, cities, buildings.

The gazetteer (``data/places.tsv``) covers the countries, regions and larger cities of
Central Asia, the South Caucasus, Belarus and Russia with Latin and Cyrillic spellings and
coordinates. Names outside it are still caught when the text says what they are: "X
region", "the city of X", "X-based", "X District Court", "the embassy of Y", "pre-trial
detention centre". All gazetteer names go into one compiled alternation, so a document is
scanned once whatever the size of the gazetteer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from civicwatch.core.vocab import PlaceKind
from civicwatch.extract.lexicon import (
    LOWER,
    UPPER,
    read_tsv,
    stopwords,
    trie_pattern,
    without_overlaps,
)

__all__ = ["GazetteerEntry", "PlaceMention", "find_places", "gazetteer", "lookup_place"]


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    aliases: tuple[str, ...]
    kind: PlaceKind
    country: str | None
    latitude: float | None
    longitude: float | None
    parent: str | None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    name: str
    kind: PlaceKind
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    known: bool = True

    def surface(self, text: str) -> str:
        return text[self.start : self.end]


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


@cache
def gazetteer() -> dict[str, GazetteerEntry]:
    """Every spelling (canonical and alias) mapped to its entry."""
    index: dict[str, GazetteerEntry] = {}
    for row in read_tsv("places.tsv"):
        row = [*row, *[""] * (7 - len(row))]
        name, aliases, kind, country, lat, lon, parent = (cell.strip() for cell in row[:7])
        entry = GazetteerEntry(
            name=name,
            aliases=tuple(a for a in aliases.split("|") if a),
            kind=PlaceKind(kind) if kind else PlaceKind.OTHER,
            country=country or None,
            latitude=_float(lat),
            longitude=_float(lon),
            parent=parent or None,
        )
        for spelling in (name, *entry.aliases):
            index.setdefault(spelling, entry)
    return index


def lookup_place(name: str) -> GazetteerEntry | None:
    """The gazetteer entry for a spelling, case-insensitively, or ``None``."""
    index = gazetteer()
    if name in index:
        return index[name]
    return _folded_index().get(name.casefold())


@cache
def _folded_index() -> dict[str, GazetteerEntry]:
    return {spelling.casefold(): entry for spelling, entry in gazetteer().items()}


_CAP = rf"[{UPPER}][{LOWER}'’]+(?:-[{UPPER}]?[{LOWER}]+)*"
_CAP_PLAIN = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+)*"
_CAP_RUN_BEFORE = re.compile(rf"(?<![\w'’-])(?:{_CAP_PLAIN}[ -]){{0,3}}{_CAP_PLAIN}[ -]?$")


@cache
def _known_pattern() -> re.Pattern[str]:
    # A trie, not a flat alternation: one branch per character instead of per name.
    # No look-behind either, so that re's literal-prefix scan stays on; the left word
    # boundary is checked in Python on the (few) hits.
    return re.compile(rf"(?:{trie_pattern(set(gazetteer()))})(?![\w])")


# Generic patterns are literal anchors compiled as tries (fast to scan for); the
# capitalised name is then read leftwards or rightwards from the anchor.
_REGION_WORDS = (
    "region",
    "oblast",
    "province",
    "district",
    "krai",
    "Region",
    "Oblast",
    "Province",
    "District",
    "Krai",
)
_COURT_WORDS = (
    "District",
    "City",
    "Regional",
    "Oblast",
    "Military",
    "Inter-district",
    "Interdistrict",
    "Inter-District",
    "Garrison",
    "Appeal",
    "Appeals",
    "Specialised",
    "Specialized",
)
_LEFT_KINDS: dict[str, str] = {
    **{f" {word}": "region" for word in _REGION_WORDS},
    **{f"-{word}": "region" for word in _REGION_WORDS[:5]},
    **{f" {word} Court": "court" for word in _COURT_WORDS},
    "-based": "based",
    " embassy": "embassy",
    " Embassy": "embassy",
    " consulate": "embassy",
    " Consulate": "embassy",
}
_RIGHT_KINDS: dict[str, str] = {
    **{f"{w} of ": "city" for w in ("city", "town", "village", "settlement", "capital")},
    **{f"{w} of ": "embassy" for w in ("embassy", "Embassy", "consulate", "Consulate")},
}
_DETENTION = (
    "pre-trial detention centre",
    "pre-trial detention center",
    "pre-trial detention facility",
    "Pre-trial detention centre",
    "pretrial detention centre",
    "pretrial detention center",
    "pretrial detention facility",
    "temporary detention centre",
    "temporary detention center",
    "temporary detention facility",
    "temporary detention isolator",
    "detention centre",
    "detention center",
    "penal colony",
    "prison colony",
    "correctional colony",
    "SIZO",
)
_LEFT_ANCHORED = re.compile(rf"(?:{trie_pattern(set(_LEFT_KINDS))})(?![\w])")
_RIGHT_ANCHORED = re.compile(trie_pattern(set(_RIGHT_KINDS)))
_DETENTION_ANCHORED = re.compile(rf"(?:{trie_pattern(set(_DETENTION))})\b")
_NUMBER_AFTER = re.compile(r"(?:[ -]No\.? ?\d+|[ -]\d+)?")
_NAME_AFTER = re.compile(rf"(?:the )?{_CAP_PLAIN}(?: {_CAP_PLAIN})?")


def find_places(text: str) -> list[PlaceMention]:
    """Place mentions in ``text``, non-overlapping, in text order."""
    mentions: list[PlaceMention] = []
    index = gazetteer()
    for match in _known_pattern().finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            continue
        entry = index[match.group()]
        mentions.append(
            PlaceMention(
                start,
                match.end(),
                entry.name,
                entry.kind,
                entry.country,
                entry.latitude,
                entry.longitude,
            )
        )
    for match in _LEFT_ANCHORED.finditer(text):
        kind_name = _LEFT_KINDS[match.group()]
        anchor = match.start()
        run = _CAP_RUN_BEFORE.search(text, max(0, anchor - 80), anchor + 1)
        if not run:
            continue
        start = _skip_common_words(text, run.start(), anchor)
        if start >= anchor or not text[start].isupper():
            continue
        end = anchor if kind_name == "based" else match.end()
        surface = text[start:end]
        if lookup_place(surface) is not None:
            continue  # already found as a gazetteer name
        if kind_name == "region":
            head = text[start:anchor]
            known = lookup_place(head)
            if known is not None and known.kind is PlaceKind.REGION:
                continue
            if head.lower() in stopwords():
                continue
            mentions.append(
                PlaceMention(start, end, _tidy_region(surface), PlaceKind.REGION, known=False)
            )
        elif kind_name == "based":
            mentions.append(PlaceMention(start, end, surface, PlaceKind.CITY, known=False))
        else:
            mentions.append(PlaceMention(start, end, surface, PlaceKind.BUILDING, known=False))
    for match in _RIGHT_ANCHORED.finditer(text):
        kind_name = _RIGHT_KINDS[match.group()]
        name = _NAME_AFTER.match(text, match.end())
        if not name:
            continue
        if kind_name == "city":
            start, end = name.start(), name.end()
            if text.startswith("the ", start):
                continue
            if lookup_place(text[start:end]) is None:
                mentions.append(
                    PlaceMention(start, end, text[start:end], PlaceKind.CITY, known=False)
                )
        else:
            start, end = match.start(), name.end()
            mentions.append(
                PlaceMention(start, end, text[start:end], PlaceKind.BUILDING, known=False)
            )
    for match in _DETENTION_ANCHORED.finditer(text):
        number = _NUMBER_AFTER.match(text, match.end())
        end = number.end() if number else match.end()
        mentions.append(
            PlaceMention(
                match.start(), end, text[match.start() : end], PlaceKind.BUILDING, known=False
            )
        )
    return _without_overlaps(mentions)


def _skip_common_words(text: str, start: int, end: int) -> int:
    """Move ``start`` past capitalised sentence openers ("In", "The") and the like."""
    common = stopwords()
    while True:
        space = text.find(" ", start, end)
        if space < 0:
            return start
        word = text[start:space]
        if word.lower() not in common or not text[space + 1 : end].strip():
            return start
        start = space + 1


def _tidy_region(surface: str) -> str:
    head, _, word = surface.replace("-", " ").rpartition(" ")
    return f"{surface[: len(head)]} {word.lower()}"


def _without_overlaps(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Keep the longest of overlapping mentions (a court over the city inside it)."""
    return without_overlaps(mentions, lambda m: m.end - m.start)
