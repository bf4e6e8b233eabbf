"""A person's history: merges, unmerges, reviews and hand changes, as the reader may see them."""

from __future__ import annotations

from collections import defaultdict
from enum import StrEnum
from typing import Any

from django.db.models import Q

from civicwatch.cases.identity import (
    group_of,
    root_of,
)
from civicwatch.core.vocab import (
    ClaimAction,
    DecisionMethod,
    ProposalStatus,
    Sensitivity,
)
from civicwatch.services.person_access import (
    Visibility,
    display_names,
)
from civicwatch.store.models import (
    Claim,
    ClaimRevision,
    Person,
    PersonMerge,
    PossibleDuplicate,
    RecordChange,
)

__all__ = ["HistoryAction", "person_history"]


# ---- History ---------------------------------------------------------------------------


class HistoryAction(StrEnum):
    """One kind of step in a person's history."""

    MERGED = "merged"
    UNMERGED = "unmerged"
    KEPT_APART = "kept_apart"
    ACCEPTED = "accepted"
    CORRECTED = "corrected"
    REJECTED = "rejected"
    CHANGED = "changed"  # a field of the record changed by hand (sensitivity)


_REVIEW_ACTIONS = {
    ClaimAction.ACCEPTED.value: HistoryAction.ACCEPTED,
    ClaimAction.CORRECTED.value: HistoryAction.CORRECTED,
    ClaimAction.REJECTED.value: HistoryAction.REJECTED,
}
# Parts of a claim's value that are bookkeeping, not facts a reviewer changes.
_NOT_FIELDS = {"sentence", "mentions", "date_precision", "date_text", "due_text"}


def _who(user: Any) -> str | None:
    if user is None:
        return None
    return str(user.get_full_name() or user.get_username())


def _shown_value(value: dict[str, Any], field: str) -> Any:
    if field == "date" and value.get("date_text"):
        return value["date_text"]
    if field == "due" and value.get("due_text"):
        return value["due_text"]
    return value.get(field)


def _changes(before: Any, after: Any) -> list[dict[str, Any]]:
    """The fields a correction changed: field, old value, new value."""
    before = before if isinstance(before, dict) else {}
    after = after if isinstance(after, dict) else {}
    fields = [key for key in dict.fromkeys([*before, *after]) if key not in _NOT_FIELDS]
    return [
        {"field": key, "old": _shown_value(before, key), "new": _shown_value(after, key)}
        for key in fields
        if before.get(key) != after.get(key)
    ]


def person_history(
    root_id: int, *, clearance: Sensitivity | None = None, limit: int = 50
) -> dict[str, Any]:
    """Who changed what about a person, and when, newest first: merges and unmerges of
    records, people kept apart, review decisions on the person's claims (old value → new
    value) and hand-made changes such as the sensitivity. ``entries`` holds at most
    ``limit`` steps; ``total`` says how many there are. With a ``clearance``, steps about
    reports or records the reader may not see are left out."""
    root_id = root_of(root_id)
    members = group_of(root_id)
    see = Visibility(clearance)
    entries: list[dict[str, Any]] = []

    merges = PersonMerge.objects.filter(
        Q(survivor__in=members) | Q(absorbed__in=members)
    ).select_related("absorbed__claim", "survivor", "decided_by", "undone_by")
    for row in merges:
        record = row.absorbed
        if see.allowed is not None and (
            record.sensitivity not in see.allowed
            or record.claim is None
            or not see.document(record.claim.document_id)
        ):
            continue
        base = {
            "record": record.pk,
            "subject": record.canonical_name,
            "document": record.claim.document_id if record.claim else None,
            "claim": None,
            "changes": [],
            "automatic": row.method == DecisionMethod.AUTOMATIC.value,
        }
        entries.append(
            {
                **base,
                "action": HistoryAction.MERGED.value,
                "at": row.decided_at,
                "by": _who(row.decided_by),
                "note": row.rule if row.method == DecisionMethod.AUTOMATIC.value else "",
            }
        )
        if row.undone_at:
            entries.append(
                {
                    **base,
                    "action": HistoryAction.UNMERGED.value,
                    "at": row.undone_at,
                    "by": _who(row.undone_by),
                    "automatic": False,
                    "note": "",
                }
            )

    apart = PossibleDuplicate.objects.filter(
        Q(person_a__in=members) | Q(person_b__in=members),
        status=ProposalStatus.DISMISSED.value,
        decided_at__isnull=False,
    ).select_related("person_a", "person_b", "decided_by")
    member_set = set(members)
    for proposal in apart:
        other = proposal.person_b if proposal.person_a_id in member_set else proposal.person_a
        other_root = other.canonical_id or other.pk
        if other_root not in see.persons([other_root]):
            continue
        other_root_row = Person.objects.get(pk=other_root)
        other_name = display_names([other_root_row], clearance)[other_root][0]
        entries.append(
            {
                "action": HistoryAction.KEPT_APART.value,
                "at": proposal.decided_at,
                "by": _who(proposal.decided_by),
                "record": other_root,
                "subject": other_name,
                "document": None,
                "claim": None,
                "changes": [],
                "automatic": False,
                "note": "",
            }
        )

    # Revisions of the group's person claims and of the facts about them: two indexed
    # look-ups (not an OR across joins, which would scan every claim), and only the claims
    # that have a history are read.
    own = [
        pk
        for pk in Person.objects.filter(pk__in=members).values_list("claim_id", flat=True)
        if pk is not None
    ]
    # (No ordering in SQL: the model's would sort by claim, i.e. by document, and scan them.)
    revision_rows = ClaimRevision.objects.select_related("actor").order_by()
    if see.allowed is not None:
        revision_rows = revision_rows.filter(claim__document__sensitivity__in=see.allowed)
    revisions = sorted(
        [
            *revision_rows.filter(claim__in=own),
            *revision_rows.filter(
                claim__in=Claim.objects.filter(subject__in=own).order_by().values("pk")
            ),
        ],
        key=lambda revision: (revision.claim_id, revision.at, revision.pk),
    )
    current = {
        pk: (kind, value, quote, document)
        for pk, kind, value, quote, document in Claim.objects.filter(
            pk__in={revision.claim_id for revision in revisions}
        ).values_list("pk", "kind", "value", "quote", "document_id")
    }
    by_claim: dict[int, list[ClaimRevision]] = defaultdict(list)
    for revision in revisions:
        by_claim[revision.claim_id].append(revision)
    for claim_id, steps in by_claim.items():
        kind, value, quote, document = current[claim_id]
        for index, step in enumerate(steps):
            action = _REVIEW_ACTIONS.get(step.action)
            if action is None:
                continue
            after = steps[index + 1].value if index + 1 < len(steps) else value
            entries.append(
                {
                    "action": action.value,
                    "at": step.at,
                    "by": _who(step.actor),
                    "record": None,
                    "subject": quote,
                    "kind": kind,
                    "document": document,
                    "claim": claim_id,
                    "changes": _changes(step.value, after)
                    if action is HistoryAction.CORRECTED
                    else [],
                    "automatic": False,
                    "note": step.note,
                }
            )

    for change in RecordChange.objects.filter(person__in=members).select_related("changed_by"):
        entries.append(
            {
                "action": HistoryAction.CHANGED.value,
                "at": change.changed_at,
                "by": _who(change.changed_by),
                "record": change.person_id,
                "subject": "",
                "field": change.field,
                "document": None,
                "claim": None,
                "changes": [
                    {"field": change.field, "old": change.old_value, "new": change.new_value}
                ],
                "automatic": False,
                "note": "",
            }
        )
    entries.sort(key=lambda entry: entry["at"], reverse=True)
    return {"entries": entries[:limit], "total": len(entries)}
