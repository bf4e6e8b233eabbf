"""Full-text search over documents, people and events.

``search(q, clearance)`` answers with three groups (people, documents, events), each with
the number of matches the reader may see and the best of them, every one with a
highlighted snippet (``<mark>``, everything else escaped) and a line saying why it
matched. Names match across scripts and romanisations: "Жыланбаев" finds "Zhylanbayev"
and the other way round (the index keeps every word also in its Latin spelling-folded
form, see :mod:`civicwatch.store.search_index`).

What the reader may see comes only from :mod:`civicwatch.services.access`: every count
and every row is the index's matches *within* the visible querysets, and a person's
spellings are indexed by the sensitivity of the reports that give them, so a spelling
read only in a confidential report matches nothing for a viewer.

Keeping current: triggers queue every changed row; :func:`catch_up` indexes the queue.
It runs before each search (cheap when nothing is queued) and after a bulk ingest;
:func:`refresh_index` re-indexes given objects at once, :func:`rebuild_index` everything.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import DatabaseError, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civicwatch.cases.identity import claim_names
from civicwatch.core.vocab import PersonStatus, ReviewState, Sensitivity
from civicwatch.services import access
from civicwatch.store import search_index
from civicwatch.store.models import Claim, Document, Event, Involvement, Person, PersonName
from civicwatch.store.search_index import Entry, Kind, Term

__all__ = [
    "Group",
    "Hit",
    "SearchResults",
    "catch_up",
    "document_match",
    "rebuild_index",
    "refresh_index",
    "search",
]

logger = logging.getLogger(__name__)

#: Characters of text shown around the first match of a document.
SNIPPET_CHARS = 240
#: Characters of a document searched for another spelling of the terms when none is written
#: as searched (the index found it; this only finds where, to show it).
FOLDED_SCAN_CHARS = 200_000
#: More matches than this are listed newest first instead of by relevance.
RANKED_UP_TO = 2000
_WORD = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")

GROUP_LABELS = {
    Kind.PERSON: gettext_lazy("People"),
    Kind.DOCUMENT: gettext_lazy("Documents"),
    Kind.EVENT: gettext_lazy("Events"),
}


# ---- Keeping the index current ----------------------------------------------------------


def catch_up(*, batch: int = 1000) -> int:
    """Index everything the triggers queued; returns how many objects were (re)indexed."""
    done = 0
    while search_index.has_pending():
        with transaction.atomic():
            pending = search_index.take_pending(batch)
            if not pending:
                break
            persons = set(pending.persons)
            events = set(pending.events)
            if pending.sensitivity_changed:
                # the levels of the spellings and names these reports give change
                named = _roots_named_in(pending.sensitivity_changed)
                persons |= named
                events |= _events_of(named)
            _index_documents(pending.documents)
            _index_persons(persons)
            _index_events(events)
            done += len(pending.documents) + len(persons) + len(events)
    return done


def catch_up_quietly() -> None:
    """:func:`catch_up` for a read request: a busy database leaves the index as it is (the
    next search catches up) rather than failing the page."""
    try:
        catch_up()
    except DatabaseError as error:  # e.g. SQLite "database is locked" during a long write
        logger.warning("search index not caught up: %s", error)


def refresh_index(
    *,
    documents: Iterable[int] = (),
    persons: Iterable[int] = (),
    events: Iterable[int] = (),
) -> None:
    """Re-index these objects now (persons by any id of their merged group), then whatever
    else is queued. For services that want results current before they return."""
    with transaction.atomic():
        _index_documents(set(documents))
        _index_persons(_roots_of(set(persons)))
        _index_events(set(events))
    catch_up()


def rebuild_index() -> int:
    """Index every document, person and event again from scratch."""
    with transaction.atomic():
        for kind in Kind:
            search_index.delete_all(kind)
        search_index.queue_all()
    return catch_up()


def _roots_of(person_ids: set[int]) -> set[int]:
    if not person_ids:
        return set()
    rows = Person.objects.filter(pk__in=person_ids).values_list("pk", "canonical_id")
    return {canonical or pk for pk, canonical in rows} | person_ids


def _roots_named_in(document_ids: set[int]) -> set[int]:
    rows = (
        Person.objects.filter(claim__document__in=document_ids)
        .annotate(root=Coalesce("canonical_id", "pk"))
        .values_list("root", flat=True)
    )
    return set(rows)


def _events_of(roots: set[int]) -> set[int]:
    group = Person.objects.filter(Q(pk__in=roots) | Q(canonical__in=roots))
    return set(Involvement.objects.filter(person__in=group).values_list("event_id", flat=True))


def _chunks(ids: Iterable[int], size: int = 500) -> Iterable[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), size):
        yield ordered[start : start + size]


def _index_documents(ids: set[int]) -> None:
    for chunk in _chunks(ids, 200):
        rows = Document.objects.filter(pk__in=chunk).values_list("pk", "title", "publisher", "text")
        entries = [
            Entry(pk, f"{title}\n{publisher}\n{text}") for pk, title, publisher, text in rows
        ]
        search_index.write(Kind.DOCUMENT, chunk, entries)


def _index_persons(ids: set[int]) -> None:
    for chunk in _chunks(ids):
        roots = dict(
            Person.objects.filter(pk__in=chunk, canonical__isnull=True, live=True).values_list(
                "pk", "canonical_name"
            )
        )
        spellings = person_spellings(roots)
        entries = []
        for root, canonical_name in roots.items():
            by_level: dict[Sensitivity, list[str]] = defaultdict(list)
            by_level[Sensitivity.PUBLIC].append(canonical_name)
            for name, level in spellings.get(root, {}).items():
                by_level[level].append(name)
            entries += _cumulative(root, by_level)
        search_index.write(Kind.PERSON, chunk, entries)


def _index_events(ids: set[int]) -> None:
    for chunk in _chunks(ids):
        events = Event.objects.filter(pk__in=chunk).select_related("place")
        names = _event_names(chunk)
        entries = []
        for event in events:
            by_level: dict[Sensitivity, list[str]] = defaultdict(list)
            by_level[Sensitivity.PUBLIC] += [event.summary, event.place.name if event.place else ""]
            for name, level in names[event.pk]:
                by_level[level].append(name)
            entries += _cumulative(event.pk, by_level)
        search_index.write(Kind.EVENT, chunk, entries)


def _cumulative(object_id: int, by_level: dict[Sensitivity, list[str]]) -> list[Entry]:
    """One row per level that has text, each with the text of its level *and every lower
    one*: a reader's search matches the row of their level as a whole, so the words of a
    search may come from texts of different levels ("274 Kassymov")."""
    entries = []
    texts: list[str] = []
    for level in Sensitivity:
        if by_level.get(level):
            texts = texts + by_level[level]
            entries.append(Entry(object_id, "\n".join(texts), level))
    return entries


def _event_names(event_ids: Sequence[int]) -> dict[int, list[tuple[str, Sensitivity]]]:
    """Who took part in each event: each person's display name with the lowest sensitivity
    of a report naming them (only a reader cleared for it sees the name), and each
    organisation's name."""
    rows = list(
        Involvement.objects.filter(event__in=event_ids)
        .annotate(
            root=Coalesce("person__canonical_id", "person_id"),
            person_name=Coalesce("person__canonical__canonical_name", "person__canonical_name"),
        )
        .values_list("event_id", "root", "person_name", "organisation__name")
    )
    person_level = _person_levels({root for _, root, _, _ in rows if root})
    names: dict[int, list[tuple[str, Sensitivity]]] = defaultdict(list)
    for event_id, root, person_name, organisation_name in rows:
        if person_name:
            # a person no live claim names any more is shown to no one
            entry = (person_name, person_level.get(root, Sensitivity.CONFIDENTIAL))
        elif organisation_name:
            entry = (organisation_name, Sensitivity.PUBLIC)
        else:
            continue
        if entry not in names[event_id]:
            names[event_id].append(entry)
    return names


def _person_levels(roots: set[int]) -> dict[int, Sensitivity]:
    """The lowest sensitivity of a report with a live claim about each person."""
    if not roots:
        return {}
    group = Person.objects.filter(Q(pk__in=roots) | Q(canonical__in=roots))
    rows = (
        Claim.objects.filter(person__in=group, superseded_at__isnull=True)
        .exclude(review_state=ReviewState.REJECTED.value)
        .annotate(root=Coalesce("person__canonical_id", "person__id"))
        .values_list("root", "document__sensitivity")
        .distinct()
    )
    levels: dict[int, Sensitivity] = {}
    for root, sensitivity in rows:
        level = Sensitivity(sensitivity)
        if root not in levels or level.rank < levels[root].rank:
            levels[root] = level
    return levels


def person_spellings(roots: Iterable[int]) -> dict[int, dict[str, Sensitivity]]:
    """Each person's spellings with the lowest sensitivity of a report that gives them
    (a spelling without a source is shown with the record)."""
    roots = list(roots)
    if not roots:
        return {}
    level_of = {level.value: level for level in Sensitivity}
    spellings: dict[int, dict[str, Sensitivity]] = defaultdict(dict)

    def note(root: int, name: str, level: Sensitivity) -> None:
        known = spellings[root].get(name)
        if known is None or level.rank < known.rank:
            spellings[root][name] = level

    group = Person.objects.filter(Q(pk__in=roots) | Q(canonical__in=roots))
    claims = (
        Claim.objects.filter(person__in=group, superseded_at__isnull=True)
        .exclude(review_state=ReviewState.REJECTED.value)
        .annotate(root=Coalesce("person__canonical_id", "person__id"))
        .values_list("root", "value", "document__sensitivity")
    )
    for root, value, sensitivity in claims:
        for name in claim_names(value or {}):
            note(root, name, level_of[sensitivity])
    names = PersonName.objects.filter(person__in=roots).values_list(
        "person_id", "name", "claim__document__sensitivity"
    )
    for root, name, sensitivity in names:
        if name not in spellings[root]:
            note(root, name, level_of.get(sensitivity or "", Sensitivity.PUBLIC))
    return spellings


# ---- Highlighting ------------------------------------------------------------------------

EXACT = "exact"
SPELLING = "spelling"


class Highlighter:
    """Finds the words of a text that a search's terms match, as the index does: a word
    starting with a term as written, or whose folded form starts with the folded term."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self.terms = list(terms)
        alternatives = "|".join(re.escape(term.word) for term in self.terms)
        self._exact = re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*", re.IGNORECASE)

    def how(self, word: str) -> str | None:
        lower = word.lower()
        if any(lower.startswith(term.word) for term in self.terms):
            return EXACT
        folded = search_index.fold(lower)
        if folded and any(folded.startswith(term.folded) for term in self.terms):
            return SPELLING
        return None

    def terms_in(self, text: str) -> tuple[int, bool]:
        """How many of the terms a text has, and whether only by another spelling."""
        found: dict[int, str] = {}
        for word in _WORD.findall(text):
            lower = word.lower()
            folded = search_index.fold(lower)
            for index, term in enumerate(self.terms):
                if lower.startswith(term.word):
                    found[index] = EXACT
                elif folded and folded.startswith(term.folded):
                    found.setdefault(index, SPELLING)
        return len(found), bool(found) and EXACT not in found.values()

    def first(self, text: str) -> tuple[int, int, str] | None:
        """Where the first match is: written as searched, else in another spelling."""
        exact = self._exact.search(text)
        if exact:
            return exact.start(), exact.end(), EXACT
        for word in _WORD.finditer(text, 0, FOLDED_SCAN_CHARS):
            if self.how(word.group()) is not None:
                return word.start(), word.end(), SPELLING
        return None

    def mark(self, text: str) -> SafeString:
        """``text`` escaped, every matching word in ``<mark>``."""
        pieces: list[str] = []
        last = 0
        for word in _WORD.finditer(text):
            if self.how(word.group()) is None:
                continue
            pieces.append(escape(text[last : word.start()]))
            pieces.append(f"<mark>{escape(word.group())}</mark>")
            last = word.end()
        pieces.append(escape(text[last:]))
        return mark_safe("".join(pieces))

    def snippet(self, text: str) -> tuple[SafeString, tuple[int, int, str] | None]:
        """A short passage around the first match, highlighted, and that match."""
        found = self.first(text)
        if found is None:
            passage = _SPACES.sub(" ", text[: SNIPPET_CHARS * 2]).strip()[:SNIPPET_CHARS]
            ellipsis = "…" if len(text) > len(passage) else ""
            return mark_safe(escape(passage) + ellipsis), None
        start = max(0, found[0] - SNIPPET_CHARS // 3)
        if start:
            space = text.rfind(" ", 0, start)
            start = space + 1 if space >= 0 and start - space < 30 else start
        end = min(len(text), start + SNIPPET_CHARS)
        if end < len(text):
            space = text.find(" ", end)
            end = space if 0 <= space < end + 30 else end
        passage = _SPACES.sub(" ", text[start:end]).strip()
        html = ("…" if start else "") + self.mark(passage) + ("…" if end < len(text) else "")
        return mark_safe(html), found


# ---- Searching --------------------------------------------------------------------------


@dataclass
class Hit:
    """One result: what to link, what to show, why it matched."""

    title: str
    url: str
    snippet: SafeString
    why: str
    details: list[str] = field(default_factory=list)
    title_html: SafeString | None = None


@dataclass
class Group:
    kind: Kind
    count: int
    hits: list[Hit]

    @property
    def label(self) -> str:
        return str(GROUP_LABELS[self.kind])

    @property
    def key(self) -> str:
        return KIND_KEYS[self.kind]


@dataclass
class SearchResults:
    q: str
    terms: list[Term]
    groups: list[Group]

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups)


KIND_KEYS = {Kind.PERSON: "persons", Kind.DOCUMENT: "documents", Kind.EVENT: "events"}


def search(
    q: str,
    clearance: Sensitivity,
    *,
    limit: int = 10,
    offset: int = 0,
    kinds: Sequence[Kind] = (Kind.PERSON, Kind.DOCUMENT, Kind.EVENT),
) -> SearchResults:
    """The people, documents and events matching every word of ``q`` that a reader with
    ``clearance`` may see: for each kind the count and ``limit`` best from ``offset``."""
    catch_up_quietly()
    terms = search_index.query_terms(q)
    results = SearchResults(q, terms, [])
    if not terms:
        return results
    levels = clearance.up_to()
    highlighter = Highlighter(terms)
    visible = {
        Kind.PERSON: access.visible_persons(clearance),
        Kind.DOCUMENT: access.visible_documents(clearance),
        Kind.EVENT: access.visible_events(clearance),
    }
    hydrate = {Kind.PERSON: _persons, Kind.DOCUMENT: _documents, Kind.EVENT: _events}
    for kind in kinds:
        count = search_index.count_matches(kind, terms, levels, visible[kind])
        ids = (
            search_index.matches(
                kind,
                terms,
                levels,
                visible[kind],
                limit=limit,
                offset=offset,
                ranked=count <= RANKED_UP_TO,
            )
            if count > offset
            else []
        )
        results.groups.append(Group(kind, count, hydrate[kind](ids, highlighter, clearance)))
    return results


def _another_spelling(name: str) -> str:
    return _("name: %(name)s — another spelling of your search") % {"name": name}


def _persons(ids: list[int], highlighter: Highlighter, clearance: Sensitivity) -> list[Hit]:
    people = Person.objects.in_bulk(ids)
    spellings = person_spellings(ids)
    hits = []
    for pk in ids:
        person = people.get(pk)
        if person is None:
            continue
        visible_names = [person.canonical_name] + [
            name
            for name, level in spellings.get(pk, {}).items()
            if level.rank <= clearance.rank and name != person.canonical_name
        ]
        best: tuple[int, bool, str] | None = None
        for name in visible_names:
            found, by_spelling = highlighter.terms_in(name)
            if found and (best is None or (found, not by_spelling) > (best[0], not best[1])):
                best = (found, by_spelling, name)
        name = best[2] if best else person.canonical_name
        by_spelling = best is not None and best[1]
        why = _another_spelling(name) if by_spelling else _("name: %(name)s") % {"name": name}
        details = [PersonStatus(person.status).label] if person.status else []
        others = [other for other in visible_names if other not in {person.canonical_name, name}]
        others = others[:4]
        if others:
            details.append(_("also written: %(names)s") % {"names": ", ".join(others)})
        hits.append(
            Hit(
                title=person.canonical_name,
                title_html=highlighter.mark(person.canonical_name),
                url=reverse("web:person", args=[pk]),
                # the title shows the display name already
                snippet=highlighter.mark(name) if name != person.canonical_name else mark_safe(""),
                why=why,
                details=details,
            )
        )
    return hits


def _documents(ids: list[int], highlighter: Highlighter, clearance: Sensitivity) -> list[Hit]:
    documents = Document.objects.in_bulk(ids)
    hits = []
    for pk in ids:
        document = documents.get(pk)
        if document is None:
            continue
        snippet, found = highlighter.snippet(document.text)
        in_title, _spelling = highlighter.terms_in(document.title)
        if found is not None and found[2] == EXACT:
            why = _("in the text")
        elif found is not None:
            why = _("in the text, written “%(word)s” — another spelling of your search") % {
                "word": document.text[found[0] : found[1]]
            }
        elif in_title:
            why = _("in the title")
        elif document.publisher and highlighter.terms_in(document.publisher)[0]:
            why = _("publisher: %(publisher)s") % {"publisher": document.publisher}
        else:  # the index's tokenizer saw a match the highlighter cannot place
            why = _("in the text")
        if in_title and found is not None:
            why = _("in the title and the text")
        details = [value for value in (document.publisher,) if value]
        if document.published:
            details.append(date_format(document.published, "j M Y"))
        hits.append(
            Hit(
                title=document.title,
                title_html=highlighter.mark(document.title),
                url=reverse("web:document", args=[pk]),
                snippet=snippet,
                why=why,
                details=details,
            )
        )
    return hits


def _events(ids: list[int], highlighter: Highlighter, clearance: Sensitivity) -> list[Hit]:
    events = Event.objects.select_related("place").in_bulk(ids)
    names = _event_names(ids)
    sources: dict[int, tuple[int, str, int]] = {}
    rows = (
        Event.sources.through.objects.filter(
            event__in=ids, claim__document__sensitivity__in=access.levels(clearance)
        )
        .order_by("claim__document_id", "claim_id")
        .values_list("event_id", "claim__document_id", "claim__document__title", "claim_id")
    )
    for event_id, document_id, title, claim_id in rows:
        sources.setdefault(event_id, (document_id, title, claim_id))
    hits = []
    for pk in ids:
        event = events.get(pk)
        if event is None:
            continue
        place = event.place.name if event.place else ""
        shown = [name for name, level in names[pk] if level.rank <= clearance.rank]
        in_summary, _spelling = highlighter.terms_in(event.summary)
        matched_name = next((name for name in shown if highlighter.terms_in(name)[0]), None)
        if in_summary:
            why = _("event summary")
        elif matched_name:
            by_spelling = highlighter.terms_in(matched_name)[1]
            why = (
                _("person: %(name)s — another spelling of your search") % {"name": matched_name}
                if by_spelling
                else _("person: %(name)s") % {"name": matched_name}
            )
        elif place and highlighter.terms_in(place)[0]:
            why = _("place: %(place)s") % {"place": place}
        else:
            why = _("event summary")
        source = sources.get(pk)
        details = [str(event.date)] if event.date else []
        if source:
            details.append(_("reported in: %(title)s") % {"title": source[1]})
        hits.append(
            Hit(
                title=event.summary or str(event.type),
                title_html=highlighter.mark(event.summary),
                url=(
                    reverse("web:document", args=[source[0]]) + f"#claim-{source[2]}"
                    if source
                    else ""
                ),
                snippet=highlighter.mark(", ".join(shown)) if shown else mark_safe(""),
                why=why,
                details=details,
            )
        )
    return hits


# ---- The document list's search box ------------------------------------------------------


def document_match(q: str) -> RawSQL | None:
    """An expression for ``Document.objects.filter(pk__in=...)``: the documents having
    every word of ``q`` (None when ``q`` has no word). Combine it with a queryset that
    already limits what the reader sees."""
    terms = search_index.query_terms(q)
    if not terms:
        return None
    catch_up_quietly()
    return search_index.matching_ids(Kind.DOCUMENT, terms)
