"""Identity across reports: which Person records denote one individual.

Every person claim of a document gets a Person record of its own. A new record is compared
with the people already known that share a lookup key (:func:`core.matching.blocking_keys`):

- one candidate in the ``same`` band: merged automatically (score, rule, when: recorded);
- several in the ``same`` band, or any in the ``possible`` band: put to reviewers as
  possible duplicates;
- otherwise kept apart.

Records of the same document are never merged automatically: extraction has already
grouped a document's mentions, so two persons of one report are two people. A merge links
records (``merged_into``) and never moves a claim, so undoing it restores the previous
state exactly; an automatic merge a reviewer has undone is never redone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone

from civicwatch.core.matching import Match, PersonEvidence, blocking_keys, match_persons
from civicwatch.core.names import guess_gender, normalise_name
from civicwatch.core.vocab import DecisionMethod, Gender, MatchBand, PersonRole, ProposalStatus
from civicwatch.errors import CivicwatchError
from civicwatch.store.bulk import insert_rows, update_rows
from civicwatch.store.models import (
    Claim,
    Document,
    Person,
    PersonKey,
    PersonMerge,
    PersonName,
    PossibleDuplicate,
)

__all__ = [
    "IdentityError",
    "claim_names",
    "create_persons",
    "dismiss",
    "group_of",
    "merge",
    "rekey",
    "resolve_documents",
    "root_of",
    "unmerge",
]


class IdentityError(CivicwatchError):
    """A merge, unmerge or lookup that cannot be done (unknown person, already merged)."""


def claim_names(value: dict[str, Any]) -> list[str]:
    """The spellings a person claim gives: its name, then its variants."""
    names = [normalise_name(str(value.get("name") or ""))]
    names += [normalise_name(str(variant)) for variant in value.get("variants") or ()]
    return [name for name in dict.fromkeys(names) if name]


def _roles(value: dict[str, Any]) -> list[str]:
    role = value.get("role")
    return [role] if role and role != PersonRole.OTHER.value else []


def _keys(value: dict[str, Any]) -> set[str]:
    return {key[:120] for name in claim_names(value) for key in blocking_keys(name)}


def create_persons(claims: Sequence[Claim], country: dict[int, str] | str = "") -> list[Person]:
    """A Person record for each person claim that has none (resolve them next: resolution
    gives them, or the individual they join, their lookup keys).

    ``country`` is the country of the case, for all claims or by document id.
    """
    made: list[tuple[Person, Claim]] = []
    for claim in claims:
        names = claim_names(claim.value)
        if not names:
            continue
        where = country.get(claim.document_id, "") if isinstance(country, dict) else country
        person = Person(
            canonical_name=names[0][:300],
            claim=claim,
            roles=_roles(claim.value),
            gender=guess_gender(names[0]).value,
            country=(claim.value.get("jurisdiction") or where or "")[:2],
            needs_build=False,  # its group is marked once resolution has run
        )
        made.append((person, claim))
    persons = [person for person, _ in made]
    Person.objects.bulk_create(persons)
    return persons


def rekey(roots: set[int]) -> None:
    """Recompute the lookup keys of these individuals from their members' claims.

    Keys are held by the root of each merged group (one row per root and key), so a
    look-up finds an individual once, however many records were merged into it.
    """
    if not roots:
        return
    members = Person.objects.filter(Q(pk__in=roots) | Q(canonical__in=roots)).values_list(
        "canonical_id", "pk", "claim__value"
    )
    keys: dict[int, set[str]] = {root: set() for root in roots}
    for canonical, pk, value in members:
        if value:
            keys[canonical or pk] |= _keys(value)
    PersonKey.objects.filter(person__in=roots).delete()
    insert_rows(
        PersonKey, ["person_id", "key"], ((root, key) for root in keys for key in keys[root])
    )


def _move_keys(pairs: list[tuple[int, int]]) -> None:
    """(survivor, absorbed): the absorbed root's keys now find the survivor."""
    if not pairs:
        return
    absorbed = [pk for _, pk in pairs]
    survivor_of = dict((a, s) for s, a in pairs)
    rows = PersonKey.objects.filter(person__in=absorbed).values_list("person_id", "key")
    moved = {(survivor_of[pk], key) for pk, key in rows}
    existing = set(
        PersonKey.objects.filter(person__in=set(survivor_of.values())).values_list(
            "person_id", "key"
        )
    )
    PersonKey.objects.filter(person__in=absorbed).delete()
    insert_rows(PersonKey, ["person_id", "key"], sorted(moved - existing))


def root_of(person_id: int) -> int:
    row = Person.objects.filter(pk=person_id).values_list("canonical_id", flat=True).first()
    if row is None and not Person.objects.filter(pk=person_id).exists():
        raise IdentityError(f"no person with id {person_id}")
    return row or person_id


def group_of(root_id: int) -> list[int]:
    """The ids of the records merged into one individual (the root first)."""
    others = Person.objects.filter(canonical_id=root_id).order_by("pk").values_list("pk", flat=True)
    return [root_id, *others]


# Person.country is the country of the case (where the report places it), not the person's
# citizenship: exiles and extraditions put one person in reports of several countries, so it
# is not evidence of identity and is not passed to the matcher.


def _root_evidence(
    names: list[str], roles: list[str], born: int | None, gender: str
) -> PersonEvidence:
    return PersonEvidence(
        names=tuple(names),
        gender=Gender(gender) if gender in Gender._value2member_map_ else Gender.UNKNOWN,
        born=born,
        roles=frozenset(
            PersonRole(role) for role in roles if role in PersonRole._value2member_map_
        ),
    )


def _evidence_of_record(person: Person) -> PersonEvidence:
    value = person.claim.value if person.claim else {"name": person.canonical_name}
    roles = frozenset(PersonRole(role) for role in _roles(value))
    return PersonEvidence(
        names=tuple(claim_names(value)) or (person.canonical_name,),
        born=person.born,
        roles=roles,
    )


@dataclass(frozen=True)
class Resolution:
    person: int
    merged_into: int | None
    proposals: tuple[int, ...]


def resolve_documents(batch: Sequence[tuple[Document, list[Person]]]) -> list[Resolution]:
    """Resolve the new records of several documents, in document order, in a few queries.

    The outcome is the same as resolving each document after the one before: a record is
    compared with the people known before its document (including records of earlier
    documents of the batch, as merged so far), never with records of its own document.
    """
    new = [person for _, persons in batch for person in persons]
    if not new:
        return []
    position = {person.pk: index for index, (_, persons) in enumerate(batch) for person in persons}
    own_keys = {person.pk: _keys(person.claim.value) for person in new if person.claim}
    members_by_key: dict[str, set[int]] = {}  # known individuals (roots hold the keys)
    for person_id, key in PersonKey.objects.filter(
        key__in={key for keys in own_keys.values() for key in keys}
    ).values_list("person_id", "key"):
        members_by_key.setdefault(key, set()).add(person_id)
    member_ids = {pk for members in members_by_key.values() for pk in members}
    root_of = {
        pk: canonical or pk
        for pk, canonical in Person.objects.filter(pk__in=member_ids).values_list(
            "pk", "canonical_id"
        )
    }
    rows = Person.objects.filter(pk__in=set(root_of.values()), live=True).values_list(
        "pk", "canonical_name", "roles", "born", "gender"
    )
    names = _names_of([row[0] for row in rows])
    evidence = {
        pk: _root_evidence(names.get(pk) or [name], roles, born, gender)
        for pk, name, roles, born, gender in rows
    }
    taken = _taken_by_document(batch, set(position))
    results = []
    merges: list[PersonMerge] = []
    for index, (_, persons) in enumerate(batch):
        for person in persons:
            mine = _evidence_of_record(person)
            keys = own_keys.get(person.pk, set())
            members = {member for key in keys for member in members_by_key.get(key, ())}
            candidates = {root_of.get(member, member) for member in members} - taken[index]
            found = [(pk, evidence[pk]) for pk in sorted(candidates) if pk in evidence]
            resolution = _resolve_one(person, mine, found, merges)
            root = resolution.merged_into or person.pk
            if resolution.merged_into is not None:
                root_of[person.pk] = root
                evidence[root] = _combined(evidence[root], mine)
            else:
                evidence[person.pk] = mine
            taken[index].add(root)
            results.append(resolution)
        # the records of this document are known to the documents after it
        for person in persons:
            for key in own_keys.get(person.pk, ()):
                members_by_key.setdefault(key, set()).add(root_of.get(person.pk, person.pk))
    _link_new_records(merges)
    _store_keys({(root_of.get(pk, pk), key) for pk, keys in own_keys.items() for key in keys})
    return results


def _store_keys(pairs: set[tuple[int, str]]) -> None:
    """Add (individual, key) lookup rows that are not there yet."""
    if not pairs:
        return
    existing = set(
        PersonKey.objects.filter(person__in={pk for pk, _ in pairs}).values_list("person_id", "key")
    )
    insert_rows(PersonKey, ["person_id", "key"], sorted(pairs - existing))


def _taken_by_document(
    batch: Sequence[tuple[Document, list[Person]]], new: set[int]
) -> list[set[int]]:
    """For each document, the people it already names (from an earlier extraction)."""
    documents = [document.pk for document, _ in batch]
    named: dict[int, set[int]] = {pk: set() for pk in documents}
    for pk, canonical, document_id in (
        Person.objects.filter(claim__document__in=documents)
        .exclude(pk__in=new)
        .values_list("pk", "canonical_id", "claim__document_id")
    ):
        named[document_id].add(canonical or pk)
    return [named[pk] for pk in documents]


def _combined(root: PersonEvidence, record: PersonEvidence) -> PersonEvidence:
    return PersonEvidence(
        names=tuple(dict.fromkeys((*root.names, *record.names))),
        gender=root.gender,
        born=root.born or record.born,
        roles=root.roles | record.roles,
    )


def _link_new_records(merges: list[PersonMerge]) -> None:
    """Automatic merges of records created in this transaction: they have no members and
    no proposals of their own yet, so linking them is one row each."""
    if not merges:
        return
    update_rows(
        Person,
        ["canonical_id", "merged_into_id"],
        ((m.survivor_id, m.survivor_id, m.absorbed_id) for m in merges),
    )
    PersonMerge.objects.bulk_create(merges)


def _names_of(roots: list[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {root: [] for root in roots}
    for person_id, name in PersonName.objects.filter(person__in=roots).values_list(
        "person_id", "name"
    ):
        names[person_id].append(name)
    return names


def _resolve_one(
    person: Person,
    mine: PersonEvidence,
    candidates: list[tuple[int, PersonEvidence]],
    merges: list[PersonMerge],
) -> Resolution:
    if not candidates:
        return Resolution(person.pk, None, ())
    scored: list[tuple[int, Match]] = []
    for root, evidence in candidates:
        match = match_persons(mine, evidence)
        if match.band is not MatchBand.DIFFERENT:
            scored.append((root, match))
    same = [(root, match) for root, match in scored if match.band is MatchBand.SAME]
    if len(same) == 1:
        root, match = same[0]
        merges.append(
            PersonMerge(
                survivor_id=root,
                absorbed_id=person.pk,
                method=DecisionMethod.AUTOMATIC.value,
                score=match.score,
                rule=match.rule[:60],
                explanation=match.explanation[:500],
                decided_at=timezone.now(),
            )
        )
        return Resolution(person.pk, root, ())
    proposals = []
    for root, match in scored:
        rule = match.rule if len(same) <= 1 else f"ambiguous:{match.rule}"
        explanation = match.explanation
        if len(same) > 1 and match.band is MatchBand.SAME:
            explanation = f"{explanation} Several known people match, so no merge was made."
        proposals.append(_propose(person.pk, root, match.score, rule, explanation))
    return Resolution(person.pk, None, tuple(proposals))


def _propose(a: int, b: int, score: float, rule: str, explanation: str) -> int:
    low, high = sorted((a, b))
    proposal, _ = PossibleDuplicate.objects.get_or_create(
        person_a_id=low,
        person_b_id=high,
        defaults={"score": score, "rule": rule[:60], "explanation": explanation[:500]},
    )
    return proposal.pk


def _between(group_a: list[int], group_b: list[int]) -> Any:
    return PossibleDuplicate.objects.filter(
        Q(person_a__in=group_a, person_b__in=group_b)
        | Q(person_a__in=group_b, person_b__in=group_a)
    )


def merge(
    survivor_id: int,
    absorbed_id: int,
    *,
    method: DecisionMethod = DecisionMethod.REVIEWER,
    user: Any = None,
    score: float | None = None,
    rule: str = "",
    explanation: str = "",
) -> PersonMerge:
    """Merge the individual of ``absorbed_id`` into that of ``survivor_id``."""
    survivor_root, absorbed_root = root_of(survivor_id), root_of(absorbed_id)
    if survivor_root == absorbed_root:
        raise IdentityError(f"persons {survivor_id} and {absorbed_id} are already one person")
    survivors, absorbed = group_of(survivor_root), group_of(absorbed_root)
    settled = list(
        _between(survivors, absorbed)
        .exclude(status=ProposalStatus.MERGED.value)
        .values_list("pk", "status")
    )
    now = timezone.now()
    _between(survivors, absorbed).filter(pk__in=[pk for pk, _ in settled]).update(
        status=ProposalStatus.MERGED.value,
        decided_by=user if method is DecisionMethod.REVIEWER else None,
        decided_at=now,
    )
    Person.objects.filter(canonical_id=absorbed_root).update(canonical_id=survivor_root)
    _move_keys([(survivor_root, absorbed_root)])
    Person.objects.filter(pk=absorbed_root).update(
        canonical_id=survivor_root, merged_into_id=survivor_root
    )
    return PersonMerge.objects.create(
        survivor_id=survivor_root,
        absorbed_id=absorbed_root,
        method=method.value,
        score=score,
        rule=rule[:60] or method.value,
        explanation=explanation[:500],
        decided_by=user if method is DecisionMethod.REVIEWER else None,
        decided_at=now,
        proposals_before=[[pk, status] for pk, status in settled],
    )


def unmerge(person_id: int, *, user: Any = None) -> tuple[int, int]:
    """Undo the merge that absorbed record ``person_id``; returns (old root, its root again).

    The record gets back everything that was merged into it before (its own sub-group),
    and the proposals the merge settled get their earlier status back.
    """
    person = Person.objects.filter(pk=person_id).first()
    if person is None:
        raise IdentityError(f"no person with id {person_id}")
    if person.merged_into_id is None:
        members = [pk for pk in group_of(person.pk) if pk != person.pk]
        hint = f"; its merged records are {', '.join(map(str, members))}" if members else ""
        raise IdentityError(f"person {person_id} was not merged into anyone{hint}")
    record = PersonMerge.objects.filter(absorbed=person, undone_at__isnull=True).last()
    old_root = person.canonical_id or person.merged_into_id
    subtree = _subtree(person.pk)
    Person.objects.filter(pk__in=subtree).update(canonical_id=person.pk)
    Person.objects.filter(pk=person.pk).update(canonical_id=None, merged_into_id=None)
    rekey({old_root, person.pk})
    if record is not None:
        record.undone_at = timezone.now()
        record.undone_by = user
        record.save(update_fields=["undone_at", "undone_by"])
        for proposal_id, status in record.proposals_before:
            PossibleDuplicate.objects.filter(pk=proposal_id).update(
                status=status, decided_by=None, decided_at=None
            )
    return old_root, person.pk


def _subtree(person_id: int) -> set[int]:
    """Records merged (directly or not) into ``person_id``."""
    found: set[int] = set()
    frontier = {person_id}
    while frontier:
        children = set(
            Person.objects.filter(merged_into_id__in=frontier).values_list("pk", flat=True)
        )
        frontier = children - found
        found |= frontier
    return found


def dismiss(a: int, b: int, *, user: Any = None) -> int:
    """A reviewer says the two are different people: settle every proposal between them."""
    root_a, root_b = root_of(a), root_of(b)
    if root_a == root_b:
        raise IdentityError(f"persons {a} and {b} are one person: unmerge first")
    proposals = _between(group_of(root_a), group_of(root_b))
    if not proposals.exists():
        _propose(root_a, root_b, 0.0, "reviewer", "Recorded as different people by a reviewer")
        proposals = _between(group_of(root_a), group_of(root_b))
    return proposals.update(
        status=ProposalStatus.DISMISSED.value, decided_by=user, decided_at=timezone.now()
    )
