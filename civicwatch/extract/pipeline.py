"""The extraction pipeline: text in, the extraction contract's records out.

Steps (each a pure function over the whole text, so every regex runs once per document):

1. paragraphs and sentences (:mod:`.sentences`);
2. places and organisations, whose spans then cannot be person names;
3. person names, clustered into people across the document (:mod:`.coref`);
4. legal provisions, dates, outcomes and event triggers from the sibling extractors;
5. a walk over the sentences in order (:mod:`.assemble`) that resolves anaphors ("he",
   "the two activists", "each of them"), attaches provisions, outcomes and triggers to the
   people the sentence is about (:mod:`.attach`), dates them (:mod:`.dating`) and makes
   events (:mod:`.events`);
6. the contract's conventions (:mod:`.contract`): which outcomes count, and which people
   are ``persons`` (those the document reports something about).

The text is lower-cased once and handed to every finder.

Every record carries offsets into the text that was passed in, never into a copy.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.languages import guess_language, language_name
from civicwatch.core.records import (
    DocumentInfo,
    ExtractionResult,
    OrganisationRecord,
    PersonRecord,
    PlaceRecord,
    assign_ids,
)
from civicwatch.core.vocab import OrganisationKind, PlaceKind
from civicwatch.extract.anaphora import new_focus, resolve_anaphors
from civicwatch.extract.assemble import Assembly
from civicwatch.extract.contract import is_salient, project_outcomes, role_of
from civicwatch.extract.coref import cluster_people
from civicwatch.extract.events import PlaceIndex
from civicwatch.extract.facts import FactIndex
from civicwatch.extract.jurisdiction import Jurisdictions, infer_jurisdictions
from civicwatch.extract.lexicon import lower
from civicwatch.extract.organisations import OrganisationMention
from civicwatch.extract.packs import PACK_LANGUAGES, LanguagePack, pack_for
from civicwatch.extract.places import PlaceMention
from civicwatch.extract.sentences import Segment, split_paragraphs, split_sentences
from civicwatch.extract.version import extractor_version

__all__ = ["document_language", "extract_records", "extract_text", "extractor_version"]


def extract_text(
    text: str,
    published: date | str | None = None,
    title: str | None = None,
    sha256: str | None = None,
    *,
    country: str | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """The extraction contract (DESIGN.md) for one document, as a JSON-ready dict."""
    return extract_records(
        text, published, title, sha256, country=country, language=language
    ).to_dict()


def document_language(text: str, language: str | None = None) -> str:
    """The language extraction reads ``text`` in: ``language`` when given, else the guess
    from its script; English when the text has too few letters to tell."""
    if language and language.strip():
        return language.strip().lower()
    return guess_language(text) or "en"


def extract_records(
    text: str,
    published: date | str | None = None,
    title: str | None = None,
    sha256: str | None = None,
    *,
    country: str | None = None,
    language: str | None = None,
) -> ExtractionResult:
    """Extract persons, organisations, places and events from ``text``.

    ``country`` (ISO 3166 alpha-2) forces the document's jurisdiction, which is otherwise
    inferred from the text (:mod:`.jurisdiction`). ``language`` (ISO 639-1) chooses the
    language pack, which is otherwise guessed from the script; a language without a pack
    gives no records and a note saying so (``result.note``)."""
    text = text if isinstance(text, str) else str(text or "")
    day = _published_day(published)
    result = ExtractionResult(
        DocumentInfo(title, FuzzyDate.of_day(day) if day else None, sha256),
        extractor="civicwatch.extract",
        extractor_version=extractor_version(),
    )
    if not text.strip():
        return result
    result.document.language = document_language(text, language)
    pack = pack_for(result.document.language)
    if pack is None:
        result.note = (
            f"not extracted: no extraction for {language_name(result.document.language)} "
            f"(languages with extraction: {', '.join(PACK_LANGUAGES)})"
        )
        return result

    low = lower(text)  # once per document, for every finder
    paragraphs = split_paragraphs(text)
    sentences = _bounded(text, split_sentences(text))
    places = pack.places(text)
    organisations = pack.organisations(text)
    exclude = _merge_spans(
        [(p.start, p.end) for p in places] + [(o.start, o.end) for o in organisations]
    )
    names, singles = pack.names(text, exclude, low)
    people, mentions = cluster_people(text, names, sentences, low, cues=pack.cues, singles=singles)
    jurisdictions = infer_jurisdictions(
        text, country=country, places=places, paragraphs=paragraphs, sentences=sentences, low=low
    )

    facts = _find_facts(pack, text, low, day, jurisdictions)
    assembly = Assembly(text, low, people, facts, PlaceIndex(places), pack.speakers)

    paragraph_starts = [p.start for p in paragraphs]
    mention_starts = [m.start for m in mentions]
    focus = new_focus()
    for sentence in sentences:
        paragraph = bisect.bisect_right(paragraph_starts, sentence.start) - 1
        heading = _is_heading(text, sentence)
        first = bisect.bisect_left(mention_starts, sentence.start)
        last = bisect.bisect_left(mention_starts, sentence.end)
        resolved = resolve_anaphors(
            text, sentence, mentions[first:last], people, focus, paragraph, heading, pack.anaphors
        )
        assembly.sentence(sentence, paragraph, resolved)

    result.document.country = jurisdictions.document
    result.persons, indices = _persons(text, assembly, result.document.country)
    result.organisations = _organisations(text, organisations)
    located = _places(places)
    result.places = [p for p in located if p.kind not in _NOT_LOCATIONS]
    result.other_places = [p for p in located if p.kind in _NOT_LOCATIONS]
    result.events = assembly.events
    assign_ids(result)
    _point_participants_at_persons(indices, result)
    return result


def _point_participants_at_persons(indices: list[int], result: ExtractionResult) -> None:
    ids = {index: record.id for index, record in zip(indices, result.persons, strict=True)}
    for event in result.events:
        event.participants = [
            replace(participant, person=ids.get(participant.index))
            for participant in event.participants
        ]


def _published_day(published: date | str | None) -> date | None:
    if isinstance(published, date):
        return published
    if isinstance(published, str) and published.strip():
        try:
            return date.fromisoformat(published.strip()[:10])
        except ValueError:
            return None
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


def _find_facts(
    pack: LanguagePack, text: str, low: str, day: date | None, jurisdictions: Jurisdictions
) -> FactIndex:
    """Provisions, dates, outcomes, triggers and follow-up cues of the pack's finders."""
    return FactIndex(
        provisions=pack.provisions(text, jurisdictions, low),
        dates=pack.dates(text, day, low),
        outcomes=pack.outcomes(text, low, jurisdictions),
        triggers=pack.triggers(text, low),
        followups=pack.followups(text, low),
        states=pack.states(text, low),
    )


# -- output records ------------------------------------------------------------------
def _persons(
    text: str, assembly: Assembly, country: str | None
) -> tuple[list[PersonRecord], list[int]]:
    """The persons of the document (the contract's conventions, :mod:`.contract`) and
    their indices among the people found."""
    records, indices = [], []
    for person in assembly.people:
        facts = assembly.facts[person.index]
        outcomes = project_outcomes(text, facts.outcomes)
        if not is_salient(person, facts, outcomes):
            continue
        variants = [form for form in person.forms if form != person.name]
        variants += [s for s in person.singles if s not in variants]
        charges = facts.charges
        for charge in charges:
            charge.jurisdiction = charge.jurisdiction or country
        jurisdictions = Counter(charge.jurisdiction for charge in charges if charge.jurisdiction)
        indices.append(person.index)
        records.append(
            PersonRecord(
                name=person.name,
                role=role_of(person.roles),
                variants=variants,
                articles=list(dict.fromkeys(facts.articles)),
                outcomes=outcomes,
                mentions=sorted(set(person.mentions)),
                charges=charges,
                followups=facts.followups,
                jurisdiction=jurisdictions.most_common(1)[0][0] if jurisdictions else None,
            )
        )
    return records, indices


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
