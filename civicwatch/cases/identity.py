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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone

from civicwatch.core.matching import Match, PersonEvidence, blocking_keys, match_persons
from civicwatch.core.names import guess_gender, normalise_name
from civicwatch.core.vocab import DecisionMethod, Gender, MatchBand, PersonRole, ProposalStatus
from civicwatch.errors import CivicwatchError
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
    "refresh_keys",
    "resolve",
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


def create_persons(claims: Sequence[Claim], country: str = "") -> list[Person]:
    """A Person record (with its lookup keys) for each person claim that has none."""
    made: list[tuple[Person, Claim]] = []
    for claim in claims:
        names = claim_names(claim.value)
        if not names:
            continue
        person = Person(
            canonical_name=names[0][:300],
            claim=claim,
            roles=_roles(claim.value),
            gender=guess_gender(names[0]).value,
            country=(claim.value.get("jurisdiction") or country or "")[:2],
        )
        made.append((person, claim))
    persons = [person for person, _ in made]
    Person.objects.bulk_create(persons)
    PersonKey.objects.bulk_create(
        [PersonKey(person=person, key=key) for person, claim in made for key in _keys(claim.value)]
    )
    return persons


def refresh_keys(person: Person) -> None:
    """Lookup keys again after a reviewer corrected the person claim's name."""
    PersonKey.objects.filter(person=person).delete()
    if person.claim is not None:
        PersonKey.objects.bulk_create(
            [PersonKey(person=person, key=key) for key in _keys(person.claim.value)]
        )


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


def _evidence_of_root(root: Person, names: list[str]) -> PersonEvidence:
    roles = frozenset(
        PersonRole(role) for role in root.roles if role in PersonRole._value2member_map_
    )
    return PersonEvidence(
        names=tuple(names) or (root.canonical_name,),
        gender=Gender(root.gender) if root.gender in Gender._value2member_map_ else Gender.UNKNOWN,
        born=root.born,
        roles=roles,
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


def resolve(persons: Iterable[Person], document: Document) -> list[Resolution]:
    """Compare new records with the people already known; merge or propose."""
    results = []
    for person in persons:
        results.append(_resolve_one(person, document))
    return results


def _candidates(person: Person, document: Document) -> list[Person]:
    keys = list(PersonKey.objects.filter(person=person).values_list("key", flat=True))
    if not keys:
        return []
    member_ids = set(
        PersonKey.objects.filter(key__in=keys)
        .exclude(person_id=person.pk)
        .values_list("person_id", flat=True)
    )
    rows = Person.objects.filter(pk__in=member_ids).values_list("pk", "canonical_id")
    roots = {canonical or pk for pk, canonical in rows}
    if not roots:
        return []
    # People this document already names are other people (or this one, already merged).
    same_document = Person.objects.filter(
        Q(pk__in=roots) | Q(canonical__in=roots), claim__document=document
    ).values_list("pk", "canonical_id")
    roots -= {canonical or pk for pk, canonical in same_document}
    return list(Person.objects.filter(pk__in=roots, live=True).order_by("pk"))


def _names_of(roots: list[Person]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {root.pk: [] for root in roots}
    for person_id, name in PersonName.objects.filter(person__in=roots).values_list(
        "person_id", "name"
    ):
        names[person_id].append(name)
    return names


def _resolve_one(person: Person, document: Document) -> Resolution:
    candidates = _candidates(person, document)
    if not candidates:
        return Resolution(person.pk, None, ())
    names = _names_of(candidates)
    mine = _evidence_of_record(person)
    scored: list[tuple[Person, Match]] = []
    for root in candidates:
        match = match_persons(mine, _evidence_of_root(root, names[root.pk]))
        if match.band is not MatchBand.DIFFERENT:
            scored.append((root, match))
    same = [(root, match) for root, match in scored if match.band is MatchBand.SAME]
    if len(same) == 1:
        root, match = same[0]
        merge(
            root.pk,
            person.pk,
            method=DecisionMethod.AUTOMATIC,
            score=match.score,
            rule=match.rule,
            explanation=match.explanation,
        )
        return Resolution(person.pk, root.pk, ())
    proposals = []
    for root, match in scored:
        rule = match.rule if len(same) <= 1 else f"ambiguous:{match.rule}"
        explanation = match.explanation
        if len(same) > 1 and match.band is MatchBand.SAME:
            explanation = f"{explanation} Several known people match, so no merge was made."
        proposals.append(_propose(person.pk, root.pk, match.score, rule, explanation))
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
