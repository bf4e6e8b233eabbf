"""Places in Russian text: the gazetteer's Cyrillic spellings in their oblique cases.

The gazetteer (``data/places.tsv``) lists Cyrillic names in the nominative ("Бишкек",
"Астана", "Беларусь"); Russian writes "в Бишкеке", "из Астаны", "в Беларуси". The case
forms of each one-word Cyrillic spelling are made from its ending and found beside the
English finder's matches, which already cover the nominative, indeclinable names
("Алматы") and Latin spellings.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from civicwatch.extract.lexicon import trie_pattern
from civicwatch.extract.places import GazetteerEntry, PlaceMention, gazetteer
from civicwatch.extract.places import find_places as find_places_as_written

__all__ = ["case_forms", "find_places"]

_CYRILLIC = re.compile(r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?$")
_CONSONANTS = "бвгджзклмнпрстфхцчшщ"


def case_forms(word: str) -> list[str]:
    """The oblique singular forms of a one-word place name in the nominative."""
    last = word[-1]
    if word.endswith("ия"):
        return [word[:-1] + ending for ending in ("и", "ю", "ей")]
    if last in _CONSONANTS:
        return [word + ending for ending in ("а", "у", "ом", "е")]
    if last == "а":
        stem = word[:-1]
        soft = stem[-1] in "гкхжшчщ"
        return [stem + ("и" if soft else "ы"), stem + "е", stem + "у", stem + "ой"]
    if last == "я":
        return [word[:-1] + ending for ending in ("и", "ю", "ей", "е")]
    if last == "ь":
        return [word[:-1] + ending for ending in ("и", "ью")]
    if last == "й":
        return [word[:-1] + ending for ending in ("я", "ю", "ем", "е")]
    return []  # "Алматы", "Баку", "Тбилиси": indeclinable


@cache
def _inflected() -> tuple[re.Pattern[str], dict[str, GazetteerEntry]]:
    forms: dict[str, GazetteerEntry] = {}
    for spelling, entry in gazetteer().items():
        if _CYRILLIC.match(spelling):
            for form in case_forms(spelling):
                forms.setdefault(form, entry)
    for spelling in gazetteer():
        forms.pop(spelling, None)  # a nominative spelling is found as written
    return re.compile(rf"(?:{trie_pattern(set(forms))})(?![\w])"), forms


def find_places(text: str) -> list[PlaceMention]:
    """Place mentions in Russian ``text``, non-overlapping, in text order."""
    found = find_places_as_written(text)
    pattern, forms = _inflected()
    starts = [mention.start for mention in found]  # in text order, never overlapping
    ends = [mention.end for mention in found]
    for match in pattern.finditer(text):
        start, end = match.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            continue
        before = bisect.bisect_right(starts, start) - 1
        if (before >= 0 and ends[before] > start) or (
            before + 1 < len(starts) and starts[before + 1] < end
        ):
            continue  # inside or across a name found as written
        entry = forms[match.group()]
        found.append(
            PlaceMention(
                start, end, entry.name, entry.kind, entry.country, entry.latitude, entry.longitude
            )
        )
    return sorted(found, key=lambda mention: mention.start)
