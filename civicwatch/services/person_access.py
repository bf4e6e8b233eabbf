"""Who may see which people and documents of a case file, and the names to show them by:
shared by the case file (:mod:`.persons`), the people list (:mod:`.people_list`) and the
history (:mod:`.person_history`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Exists, OuterRef, Q

from civicwatch.cases.identity import (
    claim_names,
)
from civicwatch.core.vocab import (
    ReviewState,
    Sensitivity,
)
from civicwatch.services import access
from civicwatch.store.models import (
    Claim,
    Document,
    Event,
    Involvement,
    Person,
)

__all__ = [
    "Visibility",
    "display_names",
    "documents_by_root",
    "is_visible",
    "live_roots",
    "spellings",
]


def live_roots() -> Any:
    """The people a case file can be about: roots of a merge group, not deleted."""
    return Person.objects.filter(canonical__isnull=True, live=True)


def documents_by_root(root_ids: list[int]) -> dict[int, list[int]]:
    rows = Person.objects.filter(
        Q(pk__in=root_ids) | Q(canonical__in=root_ids), claim__isnull=False
    ).values_list(
        "pk", "canonical_id", "claim__document_id", "claim__superseded_at", "claim__review_state"
    )
    documents: dict[int, set[int]] = defaultdict(set)
    for pk, canonical, document, superseded, state in rows:
        if superseded is None and state != ReviewState.REJECTED.value:
            documents[canonical or pk].add(document)
    return {root: sorted(ids) for root, ids in documents.items()}


class Visibility:
    """Which documents and people a reader may see, asked only about the rows at hand (so
    a case file costs a few bounded queries whatever the size of the database).

    ``clearance=None`` sees everything (the CLI's ``person show``)."""

    def __init__(self, clearance: Sensitivity | None) -> None:
        self.clearance = clearance
        # A reader cleared for every level sees everything: nothing to ask.
        self.allowed = (
            None
            if clearance is None or clearance.rank == len(Sensitivity) - 1
            else access.levels(clearance)
        )
        self._documents: dict[int, bool] = {}

    def documents(self, ids: Any) -> set[int]:
        """The visible ones among document ``ids``."""
        ids = set(ids)
        if self.allowed is None:
            return ids
        unknown = ids - set(self._documents)
        if unknown:
            visible = set(
                Document.objects.filter(pk__in=unknown, sensitivity__in=self.allowed).values_list(
                    "pk", flat=True
                )
            )
            self._documents.update({pk: pk in visible for pk in unknown})
        return {pk for pk in ids if self._documents[pk]}

    def document(self, pk: int | None) -> bool:
        return pk is not None and pk in self.documents([pk])

    def hidden_events(self, event_ids: list[int]) -> set[int]:
        """Events among ``event_ids`` in which a person above the clearance takes part."""
        if self.allowed is None or not event_ids:
            return set()
        return set(
            Involvement.objects.filter(event__in=event_ids)
            .exclude(person__isnull=True)
            .exclude(person__sensitivity__in=self.allowed)
            .values_list("event_id", flat=True)
        )

    def events_of(self, root_id: int) -> Any:
        """The visible events person ``root_id`` takes part in, as a query: one with a
        visible source and no one above the clearance taking part (the rule of
        :func:`access.visible_events`, written to start from this person's events)."""
        events = Event.objects.filter(
            pk__in=Involvement.objects.filter(person=root_id).values("event_id")
        )
        if self.allowed is None:
            return events
        source = Event.sources.through.objects.filter(
            event=OuterRef("pk"), claim__document__sensitivity__in=self.allowed
        )
        hidden = Involvement.objects.filter(event=OuterRef("pk"), person__isnull=False).exclude(
            person__sensitivity__in=self.allowed
        )
        return events.filter(Exists(source)).exclude(Exists(hidden))

    def persons(self, root_ids: Any) -> set[int]:
        """The visible ones among person roots ``root_ids``."""
        ids = set(root_ids)
        if not ids:
            return set()
        if self.clearance is None:
            return set(live_roots().filter(pk__in=ids).values_list("pk", flat=True))
        return set(
            access.visible_persons(self.clearance).filter(pk__in=ids).values_list("pk", flat=True)
        )


def is_visible(root_id: int, clearance: Sensitivity) -> bool:
    """True when a reader with ``clearance`` may see the person whose root is ``root_id``."""
    return access.visible_persons(clearance).filter(pk=root_id).exists()


def spellings(root_ids: list[int], clearance: Sensitivity | None = None) -> dict[int, list[str]]:
    """Every spelling of each person, as the live person claims the reader may see give them
    (so a spelling only a confidential report uses is never shown to a viewer)."""
    members = Person.objects.filter(Q(pk__in=root_ids) | Q(canonical__in=root_ids))
    claims = Claim.objects.filter(person__in=members, superseded_at__isnull=True).exclude(
        review_state=ReviewState.REJECTED.value
    )
    if clearance is not None:
        claims = claims.filter(document__sensitivity__in=access.levels(clearance))
    found: dict[int, list[str]] = defaultdict(list)
    for pk, canonical, value in claims.order_by("pk").values_list(
        "person__pk", "person__canonical_id", "value"
    ):
        names = found[canonical or pk]
        for name in claim_names(value if isinstance(value, dict) else {}):
            if name not in names:
                names.append(name)
    return found


def display_names(
    roots: list[Person], clearance: Sensitivity | None = None
) -> dict[int, tuple[str, list[str]]]:
    """For each root: the name to show and the other spellings, as the reader may see them.

    The stored display name is kept when a visible report uses it; otherwise the first
    visible spelling is shown."""
    names = spellings([root.pk for root in roots], clearance)
    shown: dict[int, tuple[str, list[str]]] = {}
    for root in roots:
        visible = names.get(root.pk, [])
        if clearance is None and not visible:
            visible = [root.canonical_name]
        name = root.canonical_name if root.canonical_name in visible else next(iter(visible), "")
        shown[root.pk] = (name, [spelling for spelling in visible if spelling != name])
    return shown
