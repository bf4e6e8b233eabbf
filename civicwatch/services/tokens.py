"""API tokens: make one (shown once), list, revoke, and find the account a token acts for.

A token is 32 random bytes (URL-safe text with a ``cw_`` prefix); only its SHA-256 is
stored, so it cannot be shown again or read from a backup. A token acts for its owner with
the owner's role and clearance (:mod:`civicwatch.services.access`).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from civicwatch.errors import CivicwatchError
from civicwatch.store.models import ApiToken

__all__ = ["TokenError", "TokenRow", "authenticate", "create_token", "list_tokens", "revoke_token"]

PREFIX = "cw_"
#: ``last_used`` is written at most this often per token, so reads do not all write.
TOUCH_EVERY = timedelta(minutes=1)


class TokenError(CivicwatchError):
    """A token cannot be made or revoked as asked (unknown account or token)."""


@dataclass(frozen=True)
class TokenRow:
    id: int
    owner: str
    name: str
    prefix: str
    created: datetime
    last_used: datetime | None
    revoked: datetime | None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(username: str, name: str = "") -> tuple[int, str]:
    """A new token for ``username``: its id and the token (shown once, never stored)."""
    owner = get_user_model().objects.filter(username=username).first()
    if owner is None:
        raise TokenError(f"no account named {username!r}; see 'civicwatch user list'")
    if not owner.is_active:
        raise TokenError(f"account {username!r} is disabled")
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(
        owner=owner, name=name.strip()[:100], prefix=token[:10], digest=_digest(token)
    )
    return row.pk, token


def list_tokens() -> list[TokenRow]:
    return [
        TokenRow(
            id=row.pk,
            owner=row.owner.get_username(),
            name=row.name,
            prefix=row.prefix,
            created=row.created,
            last_used=row.last_used,
            revoked=row.revoked,
        )
        for row in ApiToken.objects.select_related("owner").order_by("created", "pk")
    ]


def revoke_token(token_id: int) -> bool:
    """Revoke a token; False when it already was revoked."""
    with transaction.atomic():
        row = ApiToken.objects.select_for_update().filter(pk=token_id).first()
        if row is None:
            raise TokenError(f"no token with id {token_id}; see 'civicwatch token list'")
        if row.revoked is not None:
            return False
        row.revoked = timezone.now()
        row.save(update_fields=["revoked"])
        return True


def authenticate(token: str) -> Any:
    """The active account ``token`` acts for, or None (unknown, revoked, account disabled)."""
    if not token or not token.startswith(PREFIX) or len(token) > 200:
        return None
    row = (
        ApiToken.objects.select_related("owner")
        .filter(digest=_digest(token), revoked__isnull=True)
        .first()
    )
    if row is None or not row.owner.is_active:
        return None
    now = timezone.now()
    if row.last_used is None or now - row.last_used > TOUCH_EVERY:
        ApiToken.objects.filter(pk=row.pk).update(last_used=now)
    return row.owner
