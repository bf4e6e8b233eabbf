"""Who may see and do what: the one place sensitivity and roles are enforced.

Every page, search result, snippet, count and export asks this module for its rows, so a
rule changes in one place. The rules:

- A reader has a *clearance* (a :class:`Sensitivity`): their role's
  (:attr:`Role.clearance`: viewers see up to internal, everyone else up to confidential),
  or the level an export or report is made at.
- A document is visible when its sensitivity is within the clearance.
- A person (a merged group, shown through its root) is visible when its own sensitivity is
  within the clearance *and* at least one of its live claims comes from a visible document:
  someone named only in confidential reports does not exist for a viewer.
- A claim is visible when its document is visible and the person it is about (if any) is.
- An event is visible when one of its sources is a visible claim and no one taking part in
  it is a person above the clearance.
- Charges, outcomes, follow-ups and conflicts follow their person.

Functions take a ``clearance`` (use :func:`clearance_of` for a user), never a user, so the
CLI, exports and background tasks use them the same way as the web app.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce

from civicwatch.core.vocab import ReviewState, Role, Sensitivity
from civicwatch.errors import AccessDeniedError
from civicwatch.store.models import Account, Claim, Document, Event, Person

__all__ = [
    "AccessDeniedError",
    "can",
    "clearance_of",
    "levels",
    "require",
    "role_of",
    "visible_claims",
    "visible_documents",
    "visible_events",
    "visible_persons",
    "visible_persons_listed",
]


def role_of(user: Any) -> Role:
    """The role of ``user``; superusers are administrators, accounts without a row viewers."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Role.VIEWER
    if getattr(user, "is_superuser", False):
        return Role.ADMIN
    try:
        account = user.account
    except Account.DoesNotExist:
        return Role.VIEWER
    return account.role_term


def clearance_of(user: Any) -> Sensitivity:
    return role_of(user).clearance


def can(user: Any, role: Role) -> bool:
    """True when ``user`` has ``role`` or a more powerful one."""
    return role_of(user).at_least(role)


def require(user: Any, role: Role, action: str) -> None:
    if not can(user, role):
        raise AccessDeniedError(f"{action} needs the {role.label.lower()} role or higher")


def levels(clearance: Sensitivity) -> list[str]:
    """The sensitivity values a reader with ``clearance`` may see."""
    return [level.value for level in clearance.up_to()]


def visible_documents(clearance: Sensitivity) -> QuerySet[Document]:
    return Document.objects.filter(sensitivity__in=levels(clearance))


def _live_claim_in(allowed: list[str]) -> Exists:
    """A live claim of the outer person's group (root or member) in an allowed document."""
    return Exists(
        Claim.objects.filter(
            Q(person__pk=OuterRef("pk")) | Q(person__canonical=OuterRef("pk")),
            document__sensitivity__in=allowed,
            superseded_at__isnull=True,
        ).exclude(review_state=ReviewState.REJECTED.value)
    )


def visible_persons(clearance: Sensitivity) -> QuerySet[Person]:
    """Roots of the merged groups a reader may see (fast for a few people: one indexed
    look-up per root; lists of many use :func:`visible_persons_listed`)."""
    allowed = levels(clearance)
    if len(allowed) == len(Sensitivity):
        # cleared for everything: a live root (one with a live claim) is all that is left
        return Person.objects.filter(canonical__isnull=True, live=True)
    return Person.objects.filter(canonical__isnull=True, live=True, sensitivity__in=allowed).filter(
        _live_claim_in(allowed)
    )


def visible_persons_listed(clearance: Sensitivity) -> QuerySet[Person]:
    """The same roots as :func:`visible_persons`, written for lists of many: the roots with
    a live claim in an allowed document are found in one pass over the claims (the
    per-root look-up took minutes for a list of 30,000 people on SQLite)."""
    allowed = levels(clearance)
    if len(allowed) == len(Sensitivity):
        return visible_persons(clearance)
    roots = (
        Person.objects.filter(
            claim__document__sensitivity__in=allowed, claim__superseded_at__isnull=True
        )
        .exclude(claim__review_state=ReviewState.REJECTED.value)
        .order_by()
        .values(root=Coalesce("canonical_id", "id"))
    )
    return Person.objects.filter(
        canonical__isnull=True, live=True, sensitivity__in=allowed, pk__in=roots
    )


def hidden_person_ids(clearance: Sensitivity) -> Any:
    """Every Person row (roots and members) whose sensitivity is above ``clearance``."""
    return Person.objects.exclude(sensitivity__in=levels(clearance)).values("pk")


def visible_claims(clearance: Sensitivity) -> QuerySet[Claim]:
    hidden = hidden_person_ids(clearance)
    return (
        Claim.objects.filter(document__sensitivity__in=levels(clearance))
        .exclude(person__in=hidden)
        .exclude(subject__person__in=hidden)
    )


def visible_events(clearance: Sensitivity) -> QuerySet[Event]:
    """Events reported by a visible document with no hidden person taking part: read from
    the two columns the case builder keeps (civicwatch/cases/levels.py)."""
    allowed = levels(clearance)
    if len(allowed) == len(Sensitivity):
        # cleared for everything: "reported by some document" is all that is left to ask
        return Event.objects.filter(source_level__isnull=False)
    return Event.objects.filter(source_level__in=allowed, people_level__in=allowed)


def visible_document_ids(clearance: Sensitivity) -> set[int]:
    """Ids of visible documents, for filtering the sources of a case file in Python."""
    return set(visible_documents(clearance).values_list("pk", flat=True))
