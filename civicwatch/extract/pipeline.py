"""The extraction pipeline: text in, the extraction contract's records out.

Steps (each a pure function over the whole text, so every regex runs once per document):

1. paragraphs and sentences (:mod:`.sentences`);
2. places and organisations, whose spans then cannot be person names;
3. person names, clustered into people across the document (:mod:`.coref`);
4. legal provisions, dates, outcomes and event triggers from the sibling extractors;
5. a walk over the sentences in order that resolves anaphors ("he", "the two activists",
   "each of them"), attaches provisions, outcomes and triggers to the people the sentence
   is about (:mod:`.attach`), and dates them;
6. salience: only the people the document reports something about are ``persons``.

Every record carries offsets into the text that was passed in, never into a copy.
"""

from __future__ import annotations

import bisect
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.records import (
    DocumentInfo,
    ExtractionResult,
    OrganisationRecord,
    PersonRecord,
    PlaceRecord,
)
from civicwatch.core.vocab import OrganisationKind, PersonRole, PlaceKind
from civicwatch.extract.attach import Assembler, Item
from civicwatch.extract.coref import cluster_people, new_focus, resolve_anaphors
from civicwatch.extract.names import NameMention, find_names, lower_words
from civicwatch.extract.organisations import OrganisationMention, find_organisations
from civicwatch.extract.places import PlaceMention, find_places
from civicwatch.extract.sentences import Segment, split_paragraphs, split_sentences

__all__ = ["EXTRACTOR_VERSION", "extract_records", "extract_text"]

EXTRACTOR_VERSION = "0.1.0"
log = logging.getLogger(__name__)
T = TypeVar("T")


def extract_text(
    text: str,
    published: date | str | None = None,
    title: str | None = None,
    sha256: str | None = None,
) -> dict[str, Any]:
    """The extraction contract (DESIGN.md) for one document, as a JSON-ready dict."""
    return extract_records(text, published, title, sha256).to_dict()


def extract_records(
    text: str,
    published: date | str | None = None,
    title: str | None = None,
    sha256: str | None = None,
) -> ExtractionResult:
    """Extract persons, organisations, places and events from ``text``."""
    text = text if isinstance(text, str) else str(text or "")
    day = _published_day(published)
    result = ExtractionResult(
        DocumentInfo(title, FuzzyDate.of_day(day) if day else None, sha256),
        extractor="civicwatch.extract",
        extractor_version=EXTRACTOR_VERSION,
    )
    if not text.strip():
        return result

    paragraphs = split_paragraphs(text)
    sentences = _bounded(text, split_sentences(text))
    no_places: list[PlaceMention] = []
    no_organisations: list[OrganisationMention] = []
    no_names: list[NameMention] = []
    places = _safe(find_places, text, no_places)
    organisations = _safe(find_organisations, text, no_organisations)
    exclude = _merge_spans(
        [(p.start, p.end) for p in places] + [(o.start, o.end) for o in organisations]
    )
    names = _safe(lambda t: find_names(t, exclude, lower_words(t)), text, no_names)
    people, mentions = cluster_people(text, names, sentences)

    assembler = Assembler(text, people, day)
    assembler.load(_find_items(text, day))
    assembler.places = places
    assembler.organisations = organisations

    paragraph_starts = [p.start for p in paragraphs]
    mention_starts = [m.start for m in mentions]
    focus = new_focus()
    for sentence in sentences:
        paragraph = bisect.bisect_right(paragraph_starts, sentence.start) - 1
        heading = _is_heading(text, sentence)
        low = bisect.bisect_left(mention_starts, sentence.start)
        high = bisect.bisect_left(mention_starts, sentence.end)
        resolved = resolve_anaphors(
            text, sentence, mentions[low:high], people, focus, paragraph, heading
        )
        assembler.sentence(sentence, paragraph, resolved)

    assembler.finish()
    result.persons = _persons(assembler)
    result.events = assembler.events
    result.organisations = _organisations(text, organisations)
    located = _places(places)
    result.places = [p for p in located if p.kind not in _NOT_LOCATIONS]
    result.other_places = [p for p in located if p.kind in _NOT_LOCATIONS]
    return result


def _published_day(published: date | str | None) -> date | None:
    if isinstance(published, date):
        return published
    if isinstance(published, str) and published.strip():
        try:
            return date.fromisoformat(published.strip()[:10])
        except ValueError:
            return None
    return None


def _safe(function: Callable[[str], T], text: str, default: T) -> T:
    """Run one extractor; a failure on odd input loses that layer, not the document."""
    try:
        return function(text)
    except RecursionError:
        return default
    except Exception:  # an extractor bug must not make ingest of a document fail
        log.exception("extractor %s failed", getattr(function, "__name__", function))
        return default


def _module(name: str) -> Any:
    """A sibling extractor module, or None while it is not installed."""
    import importlib

    try:
        return importlib.import_module(f"civicwatch.extract.{name}")
    except Exception:  # missing or broken: that layer is skipped, the rest still runs
        log.warning("civicwatch.extract.%s is not available; skipping that layer", name)
        return None


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_MAX_SENTENCE = 1200


def _bounded(text: str, sentences: list[Segment]) -> list[Segment]:
    """Cut run-on "sentences" (lists, tables, text without full stops) into pieces of at
    most ``_MAX_SENTENCE`` characters at a semicolon, comma or space, so that the
    per-sentence work stays linear in the length of the document."""
    out: list[Segment] = []
    for sentence in sentences:
        start, end = sentence.start, sentence.end
        while end - start > _MAX_SENTENCE:
            limit = start + _MAX_SENTENCE
            cut = max(text.rfind(mark, start + 200, limit) for mark in ("; ", ", ", " "))
            cut = cut + 1 if cut > start else limit
            out.append(Segment(start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            out.append(Segment(start, end))
    return out


def _is_heading(text: str, sentence: Segment) -> bool:
    if sentence.end - sentence.start >= 120:
        return False
    body = text[sentence.start : sentence.end]
    return body.isupper()


def _find_items(text: str, day: date | None) -> list[Item]:
    """Provisions, dates, outcomes and triggers of the sibling extractors, as items."""
    items: list[Item] = []
    nothing: list[Any] = []
    provision_module = _module("provisions")
    date_module = _module("dates")
    outcome_module = _module("outcomes")
    trigger_module = _module("triggers")

    if provision_module is not None:

        def provisions(t: str) -> list[Any]:
            return list(provision_module.find_provisions(t, named=False))

        for mention in _safe(provisions, text, nothing):
            items.append(Item(mention.start, mention.end, "provision", mention))
    if date_module is not None:
        found: list[Any] = _safe(
            lambda t: list(date_module.find_dates(t, published=day)), text, nothing
        )
        for mention in found:
            items.append(Item(mention.start, mention.end, "date", mention))
    if outcome_module is not None:
        for mention in _safe(outcome_module.find_outcomes, text, nothing):
            items.append(Item(mention.start, mention.end, "outcome", mention))
        detentions = getattr(outcome_module, "find_detentions", None)
        if detentions is not None:
            for mention in _safe(detentions, text, nothing):
                items.append(Item(mention.start, mention.end, "outcome", mention))
    if trigger_module is not None:
        for mention in _safe(trigger_module.find_triggers, text, nothing):
            items.append(Item(mention.start, mention.end, "trigger", mention))
    items.sort(key=lambda item: (item.start, item.end))
    return items


# -- output records ------------------------------------------------------------------
_ROLE_PRIORITY = (
    PersonRole.HUMAN_RIGHTS_DEFENDER,
    PersonRole.JOURNALIST,
    PersonRole.BLOGGER,
    PersonRole.POLITICIAN,
    PersonRole.ACTIVIST,
    PersonRole.LAWYER,
    PersonRole.OFFICIAL,
    PersonRole.RELATIVE,
    PersonRole.OTHER,
)


def _persons(assembler: Assembler) -> list[PersonRecord]:
    records = []
    for person in assembler.people:
        facts = assembler.facts[person.index]
        if not assembler.is_salient(person.index):
            continue
        role = _role(person.roles)
        variants = [form for form in person.forms if form != person.name]
        variants += [s for s in person.singles if s not in variants]
        records.append(
            PersonRecord(
                name=person.name,
                role=role,
                variants=variants,
                articles=list(dict.fromkeys(facts.articles)),
                outcomes=facts.outcomes,
                mentions=sorted(set(person.mentions)),
            )
        )
    return records


def _role(roles: Counter[PersonRole]) -> PersonRole:
    if not roles:
        return PersonRole.OTHER
    best = max(roles.values())
    for role in _ROLE_PRIORITY:
        if roles.get(role) == best:
            return role
    return PersonRole.OTHER


_NOT_LOCATIONS = frozenset({PlaceKind.COUNTRY, PlaceKind.BUILDING})


def _organisations(text: str, mentions: Sequence[OrganisationMention]) -> list[OrganisationRecord]:
    records: dict[str, OrganisationRecord] = {}
    for mention in mentions:
        if mention.known and mention.kind is OrganisationKind.OTHER:
            continue  # platforms (Facebook, Telegram, YouTube) are not organisations here
        record = records.get(mention.name)
        if record is None:
            record = records[mention.name] = OrganisationRecord(mention.name, mention.kind)
        surface = text[mention.start : mention.end]
        for variant in (surface, mention.alias):
            if variant and variant != record.name and variant not in record.variants:
                record.variants.append(variant)
        record.mentions.append((mention.start, mention.end))
    return list(records.values())


def _places(mentions: Sequence[PlaceMention]) -> list[PlaceRecord]:
    records: dict[str, PlaceRecord] = {}
    for mention in mentions:
        record = records.get(mention.name)
        if record is None:
            record = records[mention.name] = PlaceRecord(
                mention.name,
                mention.kind if isinstance(mention.kind, PlaceKind) else PlaceKind.OTHER,
                mention.country,
                mention.latitude,
                mention.longitude,
            )
        record.mentions.append((mention.start, mention.end))
    return list(records.values())
