"""People: list, look up, show a case file, merge, unmerge, keep apart.

The JSON shapes here are what the CLI prints and what the web app and exports read:
``person_list`` and ``person_file`` (see docs/cases.md).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F, Prefetch, Q

from civicwatch.cases import build_people
from civicwatch.cases.identity import (
    IdentityError,
    dismiss,
    group_of,
    merge,
    root_of,
    unmerge,
)
from civicwatch.cases.summaries import summary_line
from civicwatch.core.matching import PersonEvidence, match_persons
from civicwatch.core.names import name_key, normalise_name
from civicwatch.core.vocab import (
    ClaimKind,
    EventType,
    MatchBand,
    PenaltyKind,
    PersonStatus,
    ProposalStatus,
    ReviewState,
    Sensitivity,
)
from civicwatch.services.people_list import (
    HELD,
    PersonFilters,
    PersonOrder,
    people,
    people_rows,
    person_countries,
)
from civicwatch.services.person_access import (
    Visibility,
    display_names,
    documents_by_root,
    is_visible,
    live_roots,
    spellings,
)
from civicwatch.services.person_history import HistoryAction, person_history
from civicwatch.store.models import (
    Charge,
    Claim,
    Conflict,
    Document,
    Event,
    Followup,
    Person,
    PersonMerge,
    PersonName,
    PossibleDuplicate,
    Recognition,
)

__all__ = [
    "HELD",
    "HistoryAction",
    "IdentityError",
    "PersonFilters",
    "PersonOrder",
    "display_names",
    "find_person",
    "is_visible",
    "keep_apart",
    "merge_persons",
    "people",
    "people_rows",
    "person_countries",
    "person_file",
    "person_history",
    "person_list",
    "spellings",
    "unmerge_person",
]


def _names_by_root(root_ids: list[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    for person_id, name in (
        PersonName.objects.filter(person__in=root_ids)
        .order_by("pk")
        .values_list("person_id", "name")
    ):
        names[person_id].append(name)
    return names


def possible_duplicates(root_ids: list[int]) -> dict[int, list[int]]:
    """Open proposals, as the other person's current id, for each root."""
    members = Person.objects.filter(Q(pk__in=root_ids) | Q(canonical__in=root_ids)).values_list(
        "pk", "canonical_id"
    )
    root_of_member = {pk: canonical or pk for pk, canonical in members}
    proposals = PossibleDuplicate.objects.filter(status=ProposalStatus.OPEN.value).filter(
        Q(person_a__in=root_of_member) | Q(person_b__in=root_of_member)
    )
    pairs = list(proposals.values_list("person_a_id", "person_b_id"))
    others = {pk for pair in pairs for pk in pair}
    other_roots = {
        pk: canonical or pk
        for pk, canonical, live in Person.objects.filter(pk__in=others).values_list(
            "pk", "canonical_id", "live"
        )
    }
    live_roots = set(
        Person.objects.filter(pk__in=set(other_roots.values()), live=True).values_list(
            "pk", flat=True
        )
    )
    found: dict[int, list[int]] = defaultdict(list)
    for a, b in pairs:
        root_a, root_b = other_roots.get(a, a), other_roots.get(b, b)
        if root_a == root_b or not {root_a, root_b} <= live_roots:
            continue
        for mine, theirs in ((root_a, root_b), (root_b, root_a)):
            if mine in root_ids and theirs not in found[mine]:
                found[mine].append(theirs)
    return found


def person_list() -> list[dict[str, Any]]:
    """Every individual with a live claim: id, name, variants, documents, status and the
    people they may be duplicates of."""
    roots = list(live_roots().order_by("canonical_name", "pk"))
    ids = [root.pk for root in roots]
    names = _names_by_root(ids)
    documents = documents_by_root(ids)
    duplicates = possible_duplicates(ids)
    return [
        {
            "id": root.pk,
            "name": root.canonical_name,
            "variants": [name for name in names.get(root.pk, []) if name != root.canonical_name],
            "documents": documents.get(root.pk, []),
            "status": root.status,
            "possible_duplicates": duplicates.get(root.pk, []),
        }
        for root in roots
    ]


def find_person(reference: str) -> int:
    """The root id of the person a user means: an id, or a name in any spelling."""
    text = reference.strip()
    if not text:
        raise IdentityError("name a person by id or name")
    if text.isdigit():
        return root_of(int(text))
    key = name_key(normalise_name(text))
    exact = set(
        PersonName.objects.filter(match_key=key, person__live=True).values_list(
            "person_id", flat=True
        )
    )
    if len(exact) == 1:
        return exact.pop()
    candidates = exact or _fuzzy_candidates(text)
    if not candidates:
        raise IdentityError(f"no person matches {reference!r}; see 'civicwatch person list'")
    if len(candidates) > 1:
        listed = ", ".join(
            f"{pk} ({name})"
            for pk, name in Person.objects.filter(pk__in=candidates).values_list(
                "pk", "canonical_name"
            )
        )
        raise IdentityError(f"{reference!r} may be any of: {listed}; name one by id")
    return candidates.pop()


def _fuzzy_candidates(text: str) -> set[int]:
    asked = PersonEvidence(names=(normalise_name(text),))
    names = _names_by_root([root.pk for root in live_roots()])
    ranked: dict[MatchBand, set[int]] = defaultdict(set)
    for root, written in names.items():
        band = match_persons(asked, PersonEvidence(names=tuple(written))).band
        ranked[band].add(root)
    return ranked[MatchBand.SAME] or ranked[MatchBand.POSSIBLE]


def _source(claim: Claim, texts: dict[int, str] | None = None) -> dict[str, Any]:
    document = claim.document
    source = {
        "claim": claim.pk,
        "document": document.pk,
        "title": document.title,
        "published": document.published.isoformat() if document.published else None,
        "quote": claim.quote,
        "review_state": claim.review_state,
    }
    if texts is not None:
        source["sentence"] = _sentence(claim, texts)
    return source


def _date(value: Any) -> str | None:
    return str(value) if value is not None else None


def _sources() -> Prefetch:
    """The sources of events and charges with their documents, without the documents' text
    (a case file reads only the sentences it shows)."""
    return Prefetch(
        "sources",
        queryset=Claim.objects.select_related("document").defer("document__text", "machine_value"),
    )


def person_file(
    root_id: int,
    *,
    clearance: Sensitivity | None = None,
    events_limit: int | None = None,
    events_offset: int = 0,
    newest_first: bool = False,
    sources_limit: int | None = None,
    documents_limit: int | None = None,
) -> dict[str, Any]:
    """A person's case file (the shape of ``civicwatch person show --format json``).

    With a ``clearance``, the file is what a reader cleared for it may see: a fact whose
    every source is a document above the clearance is left out, an event in which a person
    above it takes part is left out, counts and spellings come from visible reports only,
    and a person the reader may not see is unknown (:class:`IdentityError`).

    A page shows a bounded part of a long case: ``events_limit`` events from
    ``events_offset`` (``newest_first``: undated ones last), at most ``sources_limit``
    sources of each charge and ``documents_limit`` reports (the newest);
    ``event_count``, ``document_count`` and each charge's ``source_count`` say how many
    there are in all."""
    root_id = root_of(root_id)
    if clearance is not None and not is_visible(root_id, clearance):
        raise IdentityError(f"no person with id {root_id}")
    see = Visibility(clearance)
    person = Person.objects.get(pk=root_id)
    members = group_of(root_id)
    name, names = display_names([person], clearance)[root_id]
    in_case = see.events_of(root_id)
    ordered = in_case
    if newest_first:
        ordered = ordered.order_by(
            F("date_start").desc(nulls_last=True), F("date_end").desc(nulls_last=True), "-pk"
        )
    else:
        ordered = ordered.order_by(
            F("date_start").asc(nulls_last=True), F("date_end").asc(nulls_last=True), "pk"
        )
    event_count = ordered.count() if events_limit is not None else None
    page = ordered.select_related("place")
    if events_limit is not None:
        page = page[events_offset : events_offset + events_limit]
    events = list(page.prefetch_related(_sources(), "outcomes"))
    status_source = (
        Claim.objects.select_related("document").filter(pk=person.status_source_id).first()
        if person.status_source_id
        else None
    )
    charges = list(
        Charge.objects.filter(person=root_id)
        .select_related("provision")
        .prefetch_related(_sources(), "history")
    )
    document_ids = {claim.document_id for event in events for claim in event.sources.all()}
    charge_documents = {claim.document_id for charge in charges for claim in charge.sources.all()}
    if status_source is not None:
        document_ids.add(status_source.document_id)
    visible_documents = see.documents(document_ids | charge_documents)
    charge_sources = {
        charge.pk: sorted(
            (c for c in charge.sources.all() if c.document_id in visible_documents),
            key=lambda c: (c.document.published or date.min, c.pk),
            reverse=True,
        )
        for charge in charges
    }
    shown_charge_documents = {
        claim.document_id
        for sources in charge_sources.values()
        for claim in sources[:sources_limit]
    }
    texts = dict(
        Document.objects.filter(
            pk__in=(document_ids & visible_documents) | shown_charge_documents
        ).values_list("pk", "text")
    )
    naming = _naming_documents(members, see.allowed)
    merges = PersonMerge.objects.filter(
        absorbed__in=members, undone_at__isnull=True
    ).select_related("absorbed__claim", "decided_by")
    status_shown = status_source is None or status_source.document_id in visible_documents
    conflicts = [
        conflict
        for conflict in (
            _visible_conflict(c, see)
            for c in Conflict.objects.filter(person=root_id).order_by("pk")
        )
        if conflict is not None
    ]
    shown_events = [
        row
        for row in (_event(event, root_id, texts, visible_documents, see) for event in events)
        if row is not None
    ]
    followups = list(
        Followup.objects.filter(person=root_id).select_related("source").order_by("due", "pk")
    )
    followup_events = {f.event_id for f in followups if f.event_id is not None}
    visible_followup_events = (
        set(in_case.filter(pk__in=followup_events).values_list("pk", flat=True))
        if followup_events
        else set()
    )
    recognitions = Recognition.objects.filter(person__in=members).order_by("date", "pk")
    duplicates = possible_duplicates([root_id]).get(root_id, [])
    if clearance is not None:
        duplicates = [pk for pk in duplicates if pk in see.persons(duplicates)]
    extra: dict[str, Any] = {}
    if events_limit is not None:
        extra["event_count"] = event_count
    if documents_limit is not None:
        extra["document_count"] = naming.count()
        rows = list(
            naming.order_by(F("published").desc(nulls_last=True), "-pk").values_list(
                "pk", "title", "published"
            )[:documents_limit]
        )
    else:
        rows = list(naming.order_by("published", "pk").values_list("pk", "title", "published"))
    return {
        "id": root_id,
        "name": name,
        "variants": names,
        "roles": person.roles,
        "gender": person.gender,
        "sensitivity": person.sensitivity,
        "status": {
            "code": person.status if status_shown else PersonStatus.UNKNOWN.value,
            "as_of": _date(person.status_as_of) if status_shown else None,
            "since": _date(person.status_since) if status_shown else None,
            "expected_release": _date(person.expected_release) if status_shown else None,
            "source": _source(status_source, texts) if status_source and status_shown else None,
        },
        "charges": [
            {
                "provision": charge.provision_id,
                "jurisdiction": charge.provision.jurisdiction or None,
                "code": charge.provision.code,
                "article": charge.provision.article,
                "label": charge.provision.label,
                "short_title": charge.provision.short_title or None,
                "status": charge.status,
                "first_date": _date(charge.first_date),
                "review_state": charge.review_state,
                "history": [
                    {"status": change.status, "date": _date(change.date)}
                    for change in charge.history.all()
                    if change.claim_id is None
                    or clearance is None
                    or change.claim_id in {claim.pk for claim in visible_sources}
                ],
                "sources": [_source(claim, texts) for claim in visible_sources[:sources_limit]],
                "source_count": len(visible_sources),
            }
            for charge, visible_sources in (
                (charge, charge_sources[charge.pk]) for charge in charges
            )
            if visible_sources or (clearance is None and not charge.sources.all())
        ],
        "events": shown_events,
        "documents": [
            {"id": pk, "title": title, "published": _date(published)}
            for pk, title, published in rows
        ],
        "conflicts": conflicts,
        "followups": [
            {
                "kind": f.kind,
                "due": _date(f.due),
                "summary": f.summary,
                "source": f.source_id,
                "document": f.source.document_id if f.source else None,
            }
            for f in followups
            if (f.source is None or see.document(f.source.document_id))
            and (f.event_id is None or f.event_id in visible_followup_events)
        ],
        "recognitions": [
            {
                "recognised_by": r.recognised_by,
                "date": _date(r.date),
                "criteria": r.criteria,
                "reasoning": r.reasoning,
                "document": r.document_id,
                "source_url": r.source_url or None,
            }
            for r in recognitions
            if r.document_id is None or see.document(r.document_id)
        ],
        "possible_duplicates": duplicates,
        "merged_records": [
            {
                "id": merge_row.absorbed_id,
                "name": merge_row.absorbed.canonical_name,
                "method": merge_row.method,
                "rule": merge_row.rule,
                "score": merge_row.score,
                "by": merge_row.decided_by.get_username() if merge_row.decided_by else None,
                "at": merge_row.decided_at.isoformat(),
            }
            for merge_row in merges
            if clearance is None
            or (
                merge_row.absorbed.claim is not None
                and see.document(merge_row.absorbed.claim.document_id)
            )
        ],
        **extra,
    }


def _naming_documents(members: list[int], allowed: list[str] | None) -> Any:
    """The reports with a live person claim of one of ``members`` (visible ones only when
    ``allowed`` is given), as a query: a long case's reports are counted and paged in SQL."""
    claims = (
        Claim.objects.filter(person__in=members, superseded_at__isnull=True)
        .exclude(review_state=ReviewState.REJECTED.value)
        .order_by()
        .values("document_id")
    )
    documents = Document.objects.filter(pk__in=claims)
    if allowed is not None:
        documents = documents.filter(sensitivity__in=allowed)
    return documents


def _visible_conflict(conflict: Conflict, see: Visibility) -> dict[str, Any] | None:
    """A conflict as the reader may see it: each value with its visible documents; none
    when fewer than two values keep a visible source (then it is no conflict to them)."""
    values = []
    for value in conflict.values or []:
        documents = sorted(see.documents(value.get("documents") or []))
        if see.allowed is None or documents:
            values.append({**value, "documents": documents} if see.allowed else value)
    if see.allowed is not None and len(values) < 2:
        return None
    if see.allowed is not None and len(values) < len(conflict.values or []):
        summary = " / ".join(str(value.get("value")) for value in values)
    else:
        summary = conflict.summary
    return {
        "kind": conflict.kind,
        "summary": summary,
        "event": conflict.event_id,
        "values": values,
    }


def _sentence(claim: Claim, texts: dict[int, str]) -> str:
    """The sentence a claim was stated in: the one extraction recorded, or the sentence
    around its words (its own words when the document's text is not at hand)."""
    span = claim.value.get("sentence") if isinstance(claim.value, dict) else None
    text = texts.get(claim.document_id)
    if text is None:
        return claim.quote
    if span:
        return text[span[0] : span[1]]
    return sentence_around(text, claim.start, claim.end) or claim.quote


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``[start, end)`` (read within its paragraph)."""
    from civicwatch.extract.sentences import split_sentences

    window_start = text.rfind("\n\n", max(0, start - 3000), start)
    window_start = 0 if window_start < 0 else window_start + 2
    window_end = text.find("\n\n", end, end + 3000)
    window_end = min(len(text), end + 3000) if window_end < 0 else window_end
    for sentence in split_sentences(text, window_start, window_end):
        if sentence.start <= start < sentence.end:
            return text[sentence.start : max(sentence.end, min(end, window_end))]
    return ""


def _event(
    event: Event,
    person: int,
    texts: dict[int, str],
    visible_documents: set[int] | None = None,
    see: Visibility | None = None,
) -> dict[str, Any] | None:
    filtering = see is not None and see.allowed is not None
    every = list({claim.pk: claim for claim in event.sources.all()}.values())
    if filtering:
        every = [claim for claim in every if claim.document_id in (visible_documents or set())]
        if not every:
            return None
    sources = sorted(
        every,
        key=lambda claim: (claim.document.published or claim.document.ingested_at.date(), claim.pk),
    )
    # One entry per document, on the claim that states the most (an outcome, an event).
    preference = {ClaimKind.OUTCOME.value: 0, ClaimKind.EVENT.value: 1}
    chosen: dict[int, Claim] = {}
    for claim in sorted(sources, key=lambda c: preference.get(c.kind, 2)):
        chosen.setdefault(claim.document_id, claim)
    outcomes = [o for o in event.outcomes.all() if o.person_id == person]
    return {
        "id": event.pk,
        "type": event.type,
        "date": _date(event.date),
        "summary": summary_line(
            EventType(event.type),
            [(PenaltyKind(o.kind), o.amount or None) for o in outcomes],
            list(event.articles),
            event.place.name if event.place else None,
        ),
        "outcomes": [{"kind": o.kind, "amount": o.amount or None} for o in outcomes],
        "articles": list(event.articles),
        "place": event.place.name if event.place else None,
        "place_id": event.place_id,
        "corroboration": len(chosen) if filtering else event.corroboration,
        "review_state": event.review_state,
        "sources": [
            {**_source(claim), "sentence": _sentence(claim, texts)}
            for claim in sorted(chosen.values(), key=lambda c: sources.index(c))
        ],
    }


def merge_persons(survivor: int, absorbed: int, *, user: Any = None) -> dict[str, Any]:
    """A reviewer merges two people; their case files are rebuilt as one."""
    with transaction.atomic():
        record = merge(survivor, absorbed, user=user)
        build_people({record.survivor_id, record.absorbed_id})
    return person_file(record.survivor_id)


def unmerge_person(person_id: int, *, user: Any = None) -> tuple[int, int]:
    """Undo the merge that absorbed record ``person_id``; both case files are rebuilt."""
    with transaction.atomic():
        old_root, restored = unmerge(person_id, user=user)
        build_people({root_of(old_root), restored})
    return root_of(old_root), restored


def keep_apart(a: int, b: int, *, user: Any = None) -> int:
    """Record that two people are different: their open proposals are dismissed."""
    with transaction.atomic():
        return dismiss(a, b, user=user)
