"""Which country's law a passage is about: per document, paragraph and sentence.

A code's article number means nothing without its country (article 342 is "actions grossly
violating public order" in Belarus and is not catalogued in Kazakhstan), so every provision
mention is given the jurisdiction of the passage it stands in. The evidence is the words
that tie a passage to a country (``core/data/jurisdiction_cues.tsv``: names, adjectives,
currencies, institutions) and the places of the gazetteer (cities carry their country).

How a position gets its country, first rule that applies:

1. a sentence whose words tie it to the law of one country only ("a court in Minsk",
   "Kyrgyz prosecutors", a fine in manats) is that country;
2. a paragraph whose cues weigh at least ``_SWITCH`` for another country, and more than for
   the country around it, is that country (one "fled to Moscow" does not switch a paragraph
   about Kazakhstan; "Belarusian courts sentenced ... in Minsk" does);
3. a paragraph without cues continues the paragraph before it; a heading that names one
   country opens a section about it;
4. the document's country: the one its title names, else the one its cues weigh most
   for (legal cues twice), or the one the caller forces.

Forcing (``country="KZ"``, ``civicwatch ingest --country KZ``) fixes the document's country
and turns off headings; sentences and paragraphs that are plainly about another country
keep their own, so another country's code is still not read as the forced one.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from civicwatch.core.provisions_catalogue import cues
from civicwatch.core.vocab import PlaceKind
from civicwatch.extract.lexicon import trie_pattern
from civicwatch.extract.places import PlaceMention, find_places
from civicwatch.extract.sentences import Segment, split_paragraphs, split_sentences
from civicwatch.extract.triggers import lower

__all__ = ["CountryCue", "Jurisdictions", "find_country_cues", "infer_jurisdictions"]

_LEGAL = 3  # weight of a cue tied to the law: a court, the authorities, a currency
_SWITCH = 3  # what a paragraph needs to leave the country around it
_HEADING = 100  # longest paragraph read as a heading
_CURRENCY_REACH = 400  # how far the cues that place a sum in a shared currency may be


@dataclass(frozen=True, slots=True)
class CountryCue:
    start: int
    end: int
    country: str
    weight: int
    legal: bool = False
    shared: bool = False  # a currency word other countries use too ("roubles")


@dataclass(frozen=True, slots=True)
class Jurisdictions:
    """The country of every position of one text."""

    document: str | None
    forced: bool = False
    starts: tuple[int, ...] = ()
    countries: tuple[str | None, ...] = ()
    cues: tuple[CountryCue, ...] = field(default=(), repr=False)

    @classmethod
    def fixed(cls, country: str | None) -> Jurisdictions:
        """The same country everywhere (or none)."""
        return cls(country.upper() if country else None, forced=country is not None)

    def at(self, position: int) -> str | None:
        index = bisect.bisect_right(self.starts, position) - 1
        return self.countries[index] if index >= 0 else self.document

    def of_shared_currency(self, position: int) -> str | None:
        """The country of a sum in a currency word other countries use too ("1,260
        roubles"): the one the other cues around it weigh most for, else the document's;
        the word itself, which counts for Russia, decides nothing."""
        near: Counter[str] = Counter()
        for cue in self.cues:
            if not cue.shared and abs(cue.start - position) <= _CURRENCY_REACH:
                near[cue.country] += cue.weight
        if near:
            return near.most_common(1)[0][0]
        return self.document


@cache
def _cue_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’-])(?:{trie_pattern(set(cues()))})(?![\w'’])")


# "Russian-language media", "an ethnic Kazakh", "wrote in Russian.": a people or a
# language, not a state.
_NOT_STATE_AFTER = re.compile(r"[\s-]*(?:language|speaking|speakers?|speaker)\b")
_NOT_STATE_BEFORE = re.compile(r"(?:\bethnic\s+|\bin\s+)\Z")
_S = r"(?:[ \t]+\n?|\n)[ \t]*"  # spaces within a paragraph (a hard-wrapped line, no blank line)
_LEGAL_AFTER = re.compile(
    rf"(?:['’]s)?,?{_S}(?:[a-z-]+{_S}){{0,2}}?(?:court|courts|judges?|prosecutors?|prosecution|"
    rf"authorities|police|investigators?|security{_S}service|kgb|knb|gknb|criminal{_S}code|"
    rf"code{_S}of)\b"
)
_LEGAL_BEFORE = re.compile(
    r"\b(?:court|judge|prosecutor)\s+(?:in|of)\s+(?:the\s+)?(?:city\s+of\s+)?\Z"
)


def find_country_cues(
    text: str, places: Sequence[PlaceMention] | None = None, low: str | None = None
) -> list[CountryCue]:
    """The words of ``text`` that tie it to a country, in text order."""
    low = lower(text) if low is None else low
    table = cues()
    found: list[CountryCue] = []
    for match in _cue_pattern().finditer(low):
        start, end = match.span()
        cue = table.get(" ".join(match.group().split()))
        if cue is None:
            continue
        weight = cue.weight
        if cue.kind == "adjective" and (
            _NOT_STATE_AFTER.match(low, end)
            or (
                _NOT_STATE_BEFORE.search(low, max(0, start - 8), start)
                and not _LEGAL_AFTER.match(low, end, end + 50)
            )
        ):
            continue
        shared = cue.kind == "shared"
        legal = cue.kind == "currency" or shared or _is_legal(low, start, end)
        found.append(
            CountryCue(
                start, end, cue.country, max(weight, _LEGAL) if legal else weight, legal, shared
            )
        )
    taken_starts = [cue.start for cue in found]  # in text order: finditer
    for place in places if places is not None else find_places(text):
        if not place.country:
            continue
        index = bisect.bisect_left(taken_starts, place.end) - 1
        if index >= 0 and found[index].end > place.start:
            continue  # the same words as a cue ("Kazakhstan", "Belarusian roubles")
        weight = 2 if place.kind is PlaceKind.COUNTRY else 1
        legal = _is_legal(low, place.start, place.end)
        found.append(
            CountryCue(place.start, place.end, place.country, _LEGAL if legal else weight, legal)
        )
    found.sort(key=lambda cue: cue.start)
    return found


def _is_legal(low: str, start: int, end: int) -> bool:
    return bool(
        _LEGAL_AFTER.match(low, end, end + 50)
        or _LEGAL_BEFORE.search(low, max(0, start - 30), start)
    )


def infer_jurisdictions(
    text: str,
    *,
    country: str | None = None,
    places: Sequence[PlaceMention] | None = None,
    paragraphs: Sequence[Segment] | None = None,
    sentences: Sequence[Segment] | None = None,
    low: str | None = None,
) -> Jurisdictions:
    """The country of every position of ``text`` (see the module's rules). ``country``
    forces the document's country; the other arguments reuse work the caller has done."""
    found = find_country_cues(text, places, low)
    forced = country.upper() if country else None
    paragraphs = split_paragraphs(text) if paragraphs is None else paragraphs
    title = paragraphs[0] if paragraphs and _is_heading(text, paragraphs[0]) else None
    document = forced or _strongest(found, title.end if title else 0)
    if document is None:
        return Jurisdictions(None, cues=tuple(found))
    sentences = split_sentences(text) if sentences is None else sentences
    cue_starts = [cue.start for cue in found]
    sentence_starts = [sentence.start for sentence in sentences]
    starts: list[int] = []
    values: list[str | None] = []
    section = previous = document
    for paragraph in paragraphs:
        here = found[
            bisect.bisect_left(cue_starts, paragraph.start) : bisect.bisect_left(
                cue_starts, paragraph.end
            )
        ]
        scores: Counter[str] = Counter()
        for cue in here:
            scores[cue.country] += cue.weight
        if not here:
            value = previous
        elif not forced and len(scores) == 1 and _is_heading(text, paragraph):
            section = value = next(iter(scores))
        else:
            best, weight = scores.most_common(1)[0]
            value = best if weight >= _SWITCH and weight > scores.get(section, 0) else section
        starts.append(paragraph.start)
        values.append(value)
        previous = value
        if here:
            _sentence_overrides(here, value, sentences, sentence_starts, paragraph, starts, values)
    return Jurisdictions(document, forced is not None, tuple(starts), tuple(values), tuple(found))


def _sentence_overrides(
    here: list[CountryCue],
    value: str | None,
    sentences: Sequence[Segment],
    sentence_starts: list[int],
    paragraph: Segment,
    starts: list[int],
    values: list[str | None],
) -> None:
    legal = [cue for cue in here if cue.legal]
    if not legal:
        return
    first = max(bisect.bisect_right(sentence_starts, paragraph.start) - 1, 0)
    last = bisect.bisect_left(sentence_starts, paragraph.end)
    for sentence in sentences[first:last]:
        inside = {cue.country for cue in legal if sentence.start <= cue.start < sentence.end}
        if len(inside) == 1 and value not in inside:
            starts.extend((max(sentence.start, paragraph.start), min(sentence.end, paragraph.end)))
            values.extend((inside.pop(), value))


def _strongest(found: Sequence[CountryCue], title_end: int) -> str | None:
    """The country a title naming one country names; else the one the cues weigh most
    for, legal cues twice (the country whose courts, authorities and fines a report
    describes, not the war or the exile it mentions)."""
    in_title = {cue.country for cue in found if cue.start < title_end}
    if len(in_title) == 1:
        return in_title.pop()
    scores: Counter[str] = Counter()
    for cue in found:
        scores[cue.country] += cue.weight * (2 if cue.legal else 1)
    if not scores:
        return None
    best = max(scores.values())
    return next(cue.country for cue in found if scores[cue.country] == best)


def _is_heading(text: str, paragraph: Segment) -> bool:
    body = text[paragraph.start : paragraph.end].strip()
    return 0 < len(body) <= _HEADING and body[-1] not in ".!?;:,"
