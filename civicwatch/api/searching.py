"""Search for the API: the same index queries as :func:`civicwatch.services.search.search`
(matches counted and listed *within* the caller's visible querysets from
:mod:`civicwatch.services.access`), answered with ids so a client can fetch each record.
The web version answers with page links instead, which an API client cannot use."""

from __future__ import annotations

from typing import Any

from civicwatch.core.vocab import Sensitivity
from civicwatch.errors import InvalidValueError
from civicwatch.services import access
from civicwatch.services.persons import display_names
from civicwatch.services.search import RANKED_UP_TO, Highlighter, catch_up_quietly
from civicwatch.store import search_index
from civicwatch.store.models import Document, Event, Person
from civicwatch.store.search_index import Kind

KINDS = {"persons": Kind.PERSON, "documents": Kind.DOCUMENT, "events": Kind.EVENT}


def _kinds(asked: list[str]) -> list[str]:
    unknown = [kind for kind in asked if kind not in KINDS]
    if unknown:
        raise InvalidValueError(
            f"unknown kind {', '.join(map(repr, unknown))}; choose from {', '.join(KINDS)}"
        )
    return list(dict.fromkeys(asked)) or list(KINDS)


def _hits(kind: str, ids: list[int], highlighter: Highlighter, clearance: Sensitivity) -> list:
    hits: list[dict[str, Any]] = []
    if kind == "persons":
        people = Person.objects.in_bulk(ids)
        names = display_names([people[pk] for pk in ids if pk in people], clearance)
        for pk in ids:
            if pk in names and names[pk][0]:
                name, others = names[pk]
                shown = next((n for n in [name, *others] if highlighter.terms_in(n)[0]), name)
                hits.append(
                    {"kind": kind, "id": pk, "title": name, "snippet": highlighter.mark(shown)}
                )
    elif kind == "documents":
        documents = Document.objects.in_bulk(ids)
        for pk in ids:
            if pk in documents:
                snippet, _found = highlighter.snippet(documents[pk].text)
                hits.append(
                    {"kind": kind, "id": pk, "title": documents[pk].title, "snippet": snippet}
                )
    else:
        events = Event.objects.in_bulk(ids)
        for pk in ids:
            if pk in events:
                event = events[pk]
                title = event.summary or event.type
                hits.append(
                    {"kind": kind, "id": pk, "title": title, "snippet": highlighter.mark(title)}
                )
    return hits


def search_groups(
    q: str, clearance: Sensitivity, kinds: list[str], *, limit: int, offset: int
) -> list[dict[str, Any]]:
    """For each asked kind: how many matches the caller may see, and a page of them."""
    wanted = _kinds(kinds)
    catch_up_quietly()
    terms = search_index.query_terms(q)
    levels = clearance.up_to()
    highlighter = Highlighter(terms)
    visible = {
        "persons": access.visible_persons(clearance),
        "documents": access.visible_documents(clearance),
        "events": access.visible_events(clearance),
    }
    groups = []
    for kind in wanted:
        index_kind = KINDS[kind]
        count = search_index.count_matches(index_kind, terms, levels, visible[kind]) if terms else 0
        ids = (
            search_index.matches(
                index_kind,
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
        groups.append(
            {"kind": kind, "count": count, "items": _hits(kind, ids, highlighter, clearance)}
        )
    return groups
