"""Claims as the review pages show them: what each kind and field is called, values and
dates in words, and the card of a claim with its fields (:func:`cards`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.vocab import (
    ClaimKind,
    DatePrecision,
    ReviewState,
    Sensitivity,
)
from civicwatch.services import access
from civicwatch.services import review as review_service
from civicwatch.services.persons import possible_duplicates
from civicwatch.store.models import Claim, Document, Person

__all__ = [
    "KIND_NAMES",
    "Card",
    "Field",
    "cards",
    "field_name",
    "fields_of",
    "kind_name",
    "show_date",
    "show_value",
]


#: What each kind of claim is called on the pages (the highlight legend uses the same).
KIND_NAMES: dict[ClaimKind, Any] = {
    ClaimKind.PERSON: _("Person"),
    ClaimKind.ORGANISATION: _("Organisation"),
    ClaimKind.PLACE: _("Place"),
    ClaimKind.PROVISION: _("Legal provision"),
    ClaimKind.EVENT: _("Event"),
    ClaimKind.OUTCOME: _("Penalty or outcome"),
    ClaimKind.INVOLVEMENT: _("Part in an event"),
    ClaimKind.FOLLOWUP: _("Follow-up"),
}

_FIELD_NAMES: dict[str, Any] = {
    "name": _("Name"),
    "role": _("Role"),
    "variants": _("Other spellings"),
    "born": _("Year of birth"),
    "amount": _("Term or amount"),
    "date": _("Date"),
    "date_text": _("Date"),
    "due": _("Due"),
    "due_text": _("Due"),
    "article": _("Legal provision"),
    "articles": _("Legal provisions"),
    "jurisdiction": _("Country"),
    "country": _("Country"),
    "type": _("Type of event"),
    "event_type": _("Type of event"),
    "place": _("Place"),
    "freedoms": _("Freedoms"),
    "outcome": _("Outcome"),
}
_KIND_FIELD_NAMES: dict[ClaimKind, Any] = {
    ClaimKind.OUTCOME: _("Penalty or outcome"),
    ClaimKind.ORGANISATION: _("Type of organisation"),
    ClaimKind.PLACE: _("Type of place"),
    ClaimKind.FOLLOWUP: _("What to follow up"),
}


def kind_name(kind: str) -> str:
    try:
        return str(KIND_NAMES[ClaimKind(kind)])
    except (ValueError, KeyError):
        return kind


def field_name(kind: str, name: str) -> str:
    if name == "kind":
        try:
            return str(_KIND_FIELD_NAMES[ClaimKind(kind)])
        except (ValueError, KeyError):
            return _t("Kind")
    return str(_FIELD_NAMES.get(name, name.replace("_", " ").capitalize()))


_DATE_NAMES = {"date", "due", "date_text", "due_text"}
_PARTS: dict[DatePrecision, Any] = {
    DatePrecision.EARLY: _("early %(month)s"),
    DatePrecision.MID: _("mid-%(month)s"),
    DatePrecision.LATE: _("late %(month)s"),
}


def show_date(text: str) -> str:
    """``2024-03-05`` → ``5 March 2024``, ``2023-10`` → ``October 2023`` (in the page's
    language); text that is not a date is shown as it is."""
    try:
        fuzzy = FuzzyDate.parse(text)
    except ValueError:
        return text
    if fuzzy.precision is DatePrecision.YEAR or fuzzy.month is None:
        return str(fuzzy.year)
    first = date(fuzzy.year, fuzzy.month, fuzzy.day or 1)
    if fuzzy.precision is DatePrecision.DAY:
        return date_format(first, "j F Y")
    month = date_format(first, "F Y")
    part = _PARTS.get(fuzzy.precision)
    return str(part) % {"month": month} if part else month


def show_value(kind: str, name: str, value: Any) -> str:
    """A field value in words: vocabulary labels, dates, lists joined, nothing as a dash."""
    if value is None or value == "" or value == []:
        return "—"
    if name in _DATE_NAMES and isinstance(value, str):
        return show_date(value)
    vocabulary = review_service.field_vocabulary(kind, name)
    if vocabulary is not None:
        try:
            return vocabulary(str(value)).label
        except ValueError:
            return str(value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(
            show_value(kind, key, item) for key, item in value.items() if item not in (None, "")
        )
    return str(value)


@dataclass
class Field:
    name: str
    label: str
    current: str  # the current value as text (what the form shows)
    machine: str  # the machine's value as text
    shown: str  # the current value in words
    machine_shown: str
    choices: list[tuple[str, str]] | None

    @property
    def corrected(self) -> bool:
        return self.current != self.machine


def fields_of(claim: Claim) -> list[Field]:
    found = []
    for name in review_service.correctable_fields(claim.kind):
        vocabulary = review_service.field_vocabulary(claim.kind, name)
        current = review_service.field_text(claim.value, name)
        machine = review_service.field_text(claim.machine_value, name)
        found.append(
            Field(
                name=name,
                label=field_name(claim.kind, name),
                current=current,
                machine=machine if claim.machine_value is not None else current,
                shown=show_value(claim.kind, name, current),
                machine_shown=show_value(claim.kind, name, machine),
                choices=[(term.value, term.label) for term in vocabulary] if vocabulary else None,
            )
        )
    return found


@dataclass
class Card:
    """What a claim's card shows: the claim, its sentence cut around the span, its fields."""

    claim: Claim
    before: str
    quote: str
    after: str
    fields: list[Field]
    kind_label: str
    linked_to: Person | None = None
    about: str = ""  # the person, organisation or place a fact is about
    possible_matches: list[Person] = dataclass_field(default_factory=list)

    @property
    def decided(self) -> bool:
        return self.claim.review_state != ReviewState.PROPOSED.value

    @property
    def confidence_percent(self) -> int | None:
        if self.claim.confidence is None:
            return None
        return round(self.claim.confidence * 100)

    @property
    def state(self) -> ReviewState:
        return ReviewState(self.claim.review_state)

    @property
    def is_accepted(self) -> bool:
        return self.state is ReviewState.ACCEPTED

    @property
    def is_rejected(self) -> bool:
        return self.state is ReviewState.REJECTED

    @property
    def is_person(self) -> bool:
        return self.claim.kind == ClaimKind.PERSON.value


_SPACES = re.compile(r"\s+")


def _subject_name(claim: Claim) -> str:
    subject = claim.subject
    if subject is None:
        return ""
    value = subject.value if isinstance(subject.value, dict) else {}
    return str(value.get("name") or subject.quote)


def cards(claims: list[Claim], seen: Sensitivity) -> list[Card]:
    """Cards for a page of claims: the document texts, person links and possible matches
    in a few queries whatever the number of claims."""
    texts = dict(
        Document.objects.filter(pk__in={claim.document_id for claim in claims}).values_list(
            "pk", "text"
        )
    )
    person_claims = [claim.pk for claim in claims if claim.kind == ClaimKind.PERSON.value]
    linked: dict[int, Person] = {}
    matches: dict[int, list[Person]] = {}
    if person_claims:
        records = list(Person.objects.filter(claim__in=person_claims).select_related("canonical"))
        roots = {}
        for record in records:
            if record.claim_id is None:
                continue
            if record.canonical is not None:
                linked[record.claim_id] = record.canonical
            else:
                roots[record.pk] = record.claim_id
        proposals = possible_duplicates(list(roots)) if roots else {}
        others = {pk for found in proposals.values() for pk in found}
        visible = (
            {person.pk: person for person in access.visible_persons(seen).filter(pk__in=others)}
            if others
            else {}
        )
        for root, found in proposals.items():
            shown = [visible[pk] for pk in found if pk in visible]
            if shown and root in roots:
                matches[roots[root]] = shown
    result = []
    for claim in claims:
        text = texts.get(claim.document_id, "")
        start, end = review_service.sentence_bounds(text, claim.value, claim.start, claim.end)
        result.append(
            Card(
                claim=claim,
                before=_SPACES.sub(" ", text[start : claim.start]).lstrip(),
                quote=" ".join(text[claim.start : claim.end].split()) or claim.quote,
                after=_SPACES.sub(" ", text[claim.end : end]).rstrip(),
                fields=fields_of(claim),
                kind_label=kind_name(claim.kind),
                linked_to=linked.get(claim.pk),
                possible_matches=matches.get(claim.pk, []),
                about=_subject_name(claim),
            )
        )
    return result
