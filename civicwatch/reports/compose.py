"""Gather one country's records for one period into plain data (no Django objects leave).

Everything a generated report says comes from here: the period's visible events with their
people, places, articles (with short titles), penalties, conflicting values and source
documents, grouped into *cases* (events that share a person). Visibility is decided only by
:mod:`civicwatch.services.access` with the report's level as the clearance, so a record
above the level never reaches a template.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q

from civicwatch.core.vocab import (
    DatePrecision,
    EventGroup,
    EventType,
    Freedom,
    InvolvementRole,
    PenaltyKind,
    PersonRole,
    PlaceKind,
    Sensitivity,
    event_group,
)
from civicwatch.errors import InvalidValueError
from civicwatch.services import access
from civicwatch.services.events import EventFilters, filtered_events
from civicwatch.services.persons import display_names
from civicwatch.store.models import (
    Conflict,
    Document,
    Event,
    Involvement,
    LegalProvision,
    Outcome,
    Person,
    Place,
)

# ---- Themes: defined once, derived from event types and groups ----------------------------


@dataclass(frozen=True)
class Theme:
    key: str
    title: str
    #: The freedom a case of this theme touches when its records name none.
    freedom: Freedom | None


PROTESTS = Theme("protests", "Detentions and fines at protests", Freedom.PEACEFUL_ASSEMBLY)
ADMINISTRATIVE = Theme("administrative", "Administrative detentions and fines", None)
CRIMINAL = Theme("criminal", "Criminal cases against activists and critics", None)
ATTACKS = Theme("attacks", "Attacks, threats and pressure", None)
ORGANISATIONS = Theme("organisations", "Restrictions on organisations", Freedom.ASSOCIATION)
MEDIA = Theme("media", "Restrictions on media and online expression", Freedom.EXPRESSION)
LAWS = Theme("laws", "Laws and elections", None)

#: In this order a case takes the theme of its weightiest event, and chapters are listed.
THEMES = (CRIMINAL, ATTACKS, PROTESTS, ADMINISTRATIVE, ORGANISATIONS, MEDIA, LAWS)

_ADMINISTRATIVE_TYPES = frozenset(
    {
        EventType.DETENTION,
        EventType.ADMINISTRATIVE_DETENTION,
        EventType.ADMINISTRATIVE_FINE,
        EventType.PREVENTIVE_DETENTION,
    }
)
_ASSEMBLY_TYPES = frozenset({EventType.ASSEMBLY_BANNED, EventType.ASSEMBLY_DISPERSED})
_ORGANISATION_TYPES = frozenset(
    {
        EventType.REGISTRATION_DENIED,
        EventType.ORGANISATION_BANNED,
        EventType.LISTED_AS_FOREIGN_FUNDED,
    }
)
_MEDIA_TYPES = frozenset(
    {EventType.ACCREDITATION_DENIED, EventType.WEBSITE_BLOCKED, EventType.MEDIA_LAW}
)

#: The order of an update's sections (CIVICUS Monitor's three freedoms), then the rest.
FREEDOM_ORDER = (Freedom.PEACEFUL_ASSEMBLY, Freedom.EXPRESSION, Freedom.ASSOCIATION)


def theme_of(event_type: EventType, freedoms: list[Freedom]) -> Theme:
    if event_type in _ASSEMBLY_TYPES:
        return PROTESTS
    if event_type in _ADMINISTRATIVE_TYPES:
        return PROTESTS if Freedom.PEACEFUL_ASSEMBLY in freedoms else ADMINISTRATIVE
    if event_type in _ORGANISATION_TYPES:
        return ORGANISATIONS
    if event_type in _MEDIA_TYPES:
        return MEDIA
    if event_type in {EventType.LEGISLATION, EventType.ELECTION}:
        return LAWS
    if event_group(event_type) is EventGroup.HARM:
        return ATTACKS
    return CRIMINAL


# ---- Plain records ----------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    id: int
    title: str
    publisher: str
    published: date | None
    url: str


@dataclass(frozen=True)
class PersonRef:
    id: int
    name: str
    roles: tuple[PersonRole, ...]


@dataclass(frozen=True)
class Provision:
    label: str  # contract form: CC 274, CAO 456-2
    code: str
    article: str  # with its part: 456-2
    short_title: str


@dataclass(frozen=True)
class Penalty:
    person: int | None
    kind: PenaltyKind
    amount: str
    quantity: Decimal | None
    quantity_max: Decimal | None
    unit: str


@dataclass(frozen=True)
class Disagreement:
    """Sources that disagree on one fact, each value with the documents that state it."""

    kind: str
    values: tuple[tuple[str, tuple[int, ...]], ...]


@dataclass
class Incident:
    id: int
    type: EventType
    start: date | None
    end: date | None
    precision: str
    place: str
    place_is_building: bool
    freedoms: list[Freedom]
    people: list[PersonRef]
    organisations: list[str]
    articles: list[Provision]
    penalties: list[Penalty]
    summary: str
    sources: list[Source]
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def theme(self) -> Theme:
        return theme_of(self.type, self.freedoms)


@dataclass
class Earlier:
    """The latest thing reported about a case's people before the period, and where."""

    when: date | None
    precision: str
    type: EventType | None
    source: Source


@dataclass
class Case:
    incidents: list[Incident]
    people: list[PersonRef]
    earlier: Earlier | None = None

    @property
    def theme(self) -> Theme:
        return min((i.theme for i in self.incidents), key=THEMES.index)

    @property
    def freedom(self) -> Freedom | None:
        named = {f for i in self.incidents for f in i.freedoms}
        for freedom in FREEDOM_ORDER:
            if freedom in named:
                return freedom
        return self.theme.freedom

    @property
    def start(self) -> date:
        return min((i.start for i in self.incidents if i.start), default=date.max)


@dataclass
class Period:
    country: str
    date_from: date
    date_to: date
    level: Sensitivity
    incidents: list[Incident]
    cases: list[Case]
    documents: list[Source]


# ---- Dates in words (English: reports are drafted in English) ----------------------------


def date_words(start: date | None, precision: str) -> str:
    """6 March 2024, mid-March 2024, March 2024, 2024; "" when undated."""
    if start is None or not precision:
        return ""
    month = f"{calendar.month_name[start.month]} {start.year}"
    kind = DatePrecision(precision)
    if kind is DatePrecision.DAY:
        return f"{start.day} {month}"
    if kind is DatePrecision.MONTH:
        return month
    if kind is DatePrecision.YEAR:
        return str(start.year)
    if kind is DatePrecision.MID:
        return f"mid-{month}"
    return f"{kind.value} {month}"


def on_date(start: date | None, precision: str) -> str:
    """ "On 6 March 2024", "In mid-March 2024", "In 2024"; "" when undated."""
    words = date_words(start, precision)
    if not words:
        return ""
    return ("On " if precision == DatePrecision.DAY.value else "In ") + words


# ---- Gathering ---------------------------------------------------------------------------


def known_countries(level: Sensitivity) -> set[str]:
    """Countries the records a reader at ``level`` may see are about."""
    codes = set(
        access.visible_documents(level).exclude(country="").values_list("country", flat=True)
    )
    # places only as the reports a reader may see name them (no country leaks from above)
    places = Place.objects.filter(claims__document__sensitivity__in=access.levels(level))
    codes |= set(places.exclude(country_code="").values_list("country_code", flat=True))
    return {code.upper() for code in codes}


def check_period(country: str, date_from: date, date_to: date, level: Sensitivity) -> str:
    """The country code, upper-cased, once the request is known to make sense."""
    code = country.strip().upper()
    if date_from > date_to:
        raise InvalidValueError(f"--from {date_from} is after --to {date_to}")
    known = known_countries(level)
    if code not in known:
        listed = ", ".join(sorted(known)) or "none yet"
        raise InvalidValueError(f"no records about country {country!r}; known: {listed}")
    return code


def _source(document: Document) -> Source:
    return Source(
        document.pk, document.title, document.publisher, document.published, document.source_url
    )


def _provisions(country: str, labels: set[str]) -> dict[str, Provision]:
    found: dict[str, Provision] = {}
    rows = LegalProvision.objects.filter(jurisdiction__in=[country, ""]).order_by("-jurisdiction")
    for row in rows:
        if row.label in labels and row.label not in found:
            found[row.label] = Provision(
                row.label, row.code, row.label.partition(" ")[2], row.short_title
            )
    for label in labels - found.keys():
        code, _, article = label.partition(" ")
        found[label] = Provision(label, code, article, "")
    return found


def _roots(person_ids: set[int]) -> dict[int, int]:
    rows = Person.objects.filter(pk__in=person_ids).values_list("pk", "canonical_id")
    return {pk: canonical or pk for pk, canonical in rows}


def _people(root_ids: set[int], level: Sensitivity) -> dict[int, PersonRef]:
    roots = list(access.visible_persons(level).filter(pk__in=root_ids))
    names = display_names(roots, level)
    return {
        root.pk: PersonRef(
            root.pk,
            names[root.pk][0],
            tuple(PersonRole(r) for r in root.roles if r in PersonRole._value2member_map_),
        )
        for root in roots
        if names[root.pk][0]
    }


#: People taking part in these ways are what a paragraph is about (not courts, not police).
_SUBJECT_ROLES = {
    r.value
    for r in InvolvementRole
    if r not in {InvolvementRole.ADJUDICATOR, InvolvementRole.PERPETRATOR, InvolvementRole.WITNESS}
}


def _incidents(events: list[Event], country: str, level: Sensitivity) -> list[Incident]:
    ids = [event.pk for event in events]
    allowed = access.levels(level)
    documents: dict[int, list[Source]] = defaultdict(list)
    claims = list(
        Event.sources.through.objects.filter(
            event__in=ids, claim__document__sensitivity__in=allowed
        ).values_list("event_id", "claim__document_id")
    )
    seen: dict[int, Document] = {
        d.pk: d
        for d in Document.objects.filter(pk__in={doc for _, doc in claims}, sensitivity__in=allowed)
    }
    for event_id, document_id in claims:
        source = _source(seen[document_id])
        if source not in documents[event_id]:
            documents[event_id].append(source)
    involvements = list(
        Involvement.objects.filter(event__in=ids, role__in=_SUBJECT_ROLES).select_related(
            "organisation"
        )
    )
    roots = _roots({i.person_id for i in involvements if i.person_id})
    outcomes = list(Outcome.objects.filter(event__in=ids).order_by("pk"))
    roots.update(_roots({o.person_id for o in outcomes if o.person_id} - roots.keys()))
    people = _people(set(roots.values()), level)
    provisions = _provisions(country, {str(a) for e in events for a in e.articles})
    by_event: dict[int, list[PersonRef]] = defaultdict(list)
    organisations: dict[int, list[str]] = defaultdict(list)
    for involvement in involvements:
        if involvement.person_id:
            person = people.get(roots[involvement.person_id])
            if person and person not in by_event[involvement.event_id]:
                by_event[involvement.event_id].append(person)
        elif (
            involvement.organisation
            and involvement.organisation.name not in organisations[involvement.event_id]
        ):
            organisations[involvement.event_id].append(involvement.organisation.name)
    penalties: dict[int, list[Penalty]] = defaultdict(list)
    for outcome in outcomes:
        root = roots.get(outcome.person_id) if outcome.person_id else None
        if root is not None and root not in people:
            continue  # a penalty of someone the reader may not see
        penalties[outcome.event_id].append(
            Penalty(
                root,
                PenaltyKind(outcome.kind),
                outcome.amount,
                outcome.quantity,
                outcome.quantity_max,
                outcome.unit,
            )
        )
    visible_docs = set(seen)
    disagreements: dict[int, list[Disagreement]] = defaultdict(list)
    for conflict in Conflict.objects.filter(event__in=ids).order_by("pk"):
        values = tuple(
            (str(v.get("value")), tuple(d for d in v.get("documents", []) if d in visible_docs))
            for v in conflict.values
        )
        values = tuple(v for v in values if v[1])
        if len(values) > 1 and conflict.event_id is not None:
            disagreements[conflict.event_id].append(Disagreement(conflict.kind, values))
    result = []
    for event in events:
        sources = sorted(documents.get(event.pk, []), key=lambda s: (s.published or date.min, s.id))
        if not sources:
            continue
        result.append(
            Incident(
                id=event.pk,
                type=EventType(event.type),
                start=event.date_start,
                end=event.date_end,
                precision=event.date_precision,
                place=event.place.name if event.place else "",
                place_is_building=bool(
                    event.place and event.place.kind == PlaceKind.BUILDING.value
                ),
                freedoms=[Freedom(f) for f in event.freedoms if f in Freedom._value2member_map_],
                people=by_event.get(event.pk, []),
                organisations=organisations.get(event.pk, []),
                articles=[provisions[str(a)] for a in event.articles],
                penalties=penalties.get(event.pk, []),
                summary=event.summary,
                sources=sources,
                disagreements=disagreements.get(event.pk, []),
            )
        )
    return result


_TYPE_ORDER = {t: n for n, t in enumerate(EventType)}


def _group(incidents: list[Incident]) -> list[Case]:
    """Incidents that share a person are one case (union of overlapping people)."""
    parent: dict[int, int] = {}

    def find(key: int) -> int:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for incident in incidents:
        ids = [p.id for p in incident.people]
        for other in ids[1:]:
            parent[find(other)] = find(ids[0])
    grouped: dict[object, list[Incident]] = defaultdict(list)
    for incident in incidents:
        key: object = find(incident.people[0].id) if incident.people else ("event", incident.id)
        grouped[key].append(incident)
    cases = []
    for members in grouped.values():
        # the same day: in the order a case runs (detained, sentenced, released)
        members.sort(key=lambda i: (i.start or date.max, _TYPE_ORDER[i.type], i.id))
        people: list[PersonRef] = []
        for incident in members:
            people.extend(p for p in incident.people if p not in people)
        cases.append(Case(members, people))
    cases.sort(key=lambda c: (c.start, c.incidents[0].id))
    return cases


def _earlier(cases: list[Case], date_from: date, level: Sensitivity) -> None:
    """Mark the cases whose people were reported on before the period: the latest earlier
    event of theirs the reader may see (else the latest earlier report naming them)."""
    allowed = access.levels(level)
    for case in cases:
        if not case.people:
            continue
        roots = [p.id for p in case.people]
        members = Person.objects.filter(Q(pk__in=roots) | Q(canonical__in=roots))
        before = (
            access.visible_events(level)
            .filter(involvements__person__in=members)
            .filter(Q(date_end__lt=date_from) | Q(date_end__isnull=True, date_start__lt=date_from))
            .order_by("-date_start", "-pk")
            .distinct()
        )
        for event in before[:5]:
            docs = Document.objects.filter(sensitivity__in=allowed, claims__events=event).order_by(
                "-published", "-pk"
            )
            document = docs.first()
            if document is not None:
                case.earlier = Earlier(
                    event.date_start, event.date_precision, EventType(event.type), _source(document)
                )
                break
        if case.earlier is None:
            document = (
                Document.objects.filter(
                    sensitivity__in=allowed,
                    published__lt=date_from,
                    claims__person__in=members,
                    claims__superseded_at__isnull=True,
                )
                .order_by("-published", "-pk")
                .first()
            )
            if document is not None:
                case.earlier = Earlier(document.published, "day", None, _source(document))


def gather(country: str, date_from: date, date_to: date, level: Sensitivity) -> Period:
    """The period's records for ``country`` as a reader cleared for ``level`` may see them."""
    code = check_period(country, date_from, date_to, level)
    filters = EventFilters(country=(code,), date_from=date_from, date_to=date_to)
    events = list(
        filtered_events(filters, level).select_related("place").order_by("date_start", "pk")
    )
    incidents = _incidents(events, code, level)
    cases = _group(incidents)
    _earlier(cases, date_from, level)
    documents: dict[int, Source] = {}
    for incident in incidents:
        for source in incident.sources:
            documents.setdefault(source.id, source)
    return Period(
        code,
        date_from,
        date_to,
        level,
        incidents,
        cases,
        sorted(documents.values(), key=lambda s: (s.published or date.min, s.id)),
    )
